import type { NumberFormats } from "../../figures/format/number_formats.ts";
import * as Plot from "@observablehq/plot";
import { plotChart } from "../plot_chart.ts";
import type { StoreSalesRow } from "../../figures/sales/grouped_totals.ts";
import {
  compactMoney,
  DEFAULT_FORMATS,
  DEFAULT_WIDTH,
  labelWidth,
  markText,
  money,
  moneyTicks,
  nameAxis,
  rankedNames,
  sortedDistinct,
  withUnit,
} from "../chart_parts.ts";
import type { SalesChartOptions } from "./sales_chart_options.ts";
import { NONE_LABEL } from "../../model/none_label.ts";

/**
 * Average net sales per trading day of each store, as horizontal bars
 * coloured by city with a city legend (unless no store has a city);
 * highest first, ties by store name.
 * Draws the rows of `storeSales`.
 */
export function storeSalesChart(
  rows: readonly StoreSalesRow[],
  options: SalesChartOptions = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = options.format ?? DEFAULT_FORMATS;
  const stores = rankedNames(rows, (r) => r.store, (r) => r.averageDailySales);
  // Cities the data does not have ("(none)" for every store) are left out:
  // no legend of one "(none)", no colour.
  const cities = sortedDistinct(rows.map((r) => r.city));
  const byCity = cities.some((c) => c !== NONE_LABEL);
  const cityText = (r: StoreSalesRow) => byCity ? ` (${r.city})` : "";
  const title = options.title ?? "Average daily sales per store";
  const label = (r: StoreSalesRow) => compactMoney(r.averageDailySales, format);
  return plotChart({
    document: options.document,
    width,
    height: 50 + Math.max(1, stores.length) * 22,
    marginLeft: nameAxis("Store", stores, width).marginLeft,
    marginRight: labelWidth(rows.map(label)) + 12,
    title,
    ariaLabel: title,
    ariaDescription: describe(rows, stores, byCity ? cities : [], format),
    caption: "Net sales per day the store traded (had at least one sale line).",
    x: {
      label: withUnit("Average net sales per trading day", format),
      tickFormat: moneyTicks(format),
      grid: true,
      nice: true,
      ticks: Math.max(2, Math.floor(width / 120)),
    },
    y: { ...nameAxis("Store", stores, width).axis, domain: stores },
    ...(byCity
      ? {
        color: {
          legend: true,
          label: "City",
          domain: cities,
          type: "ordinal",
          scheme: "tableau10",
        },
      }
      : {}),
    marks: [
      Plot.barX(rows, {
        x: "averageDailySales",
        y: "store",
        fill: byCity ? "city" : "steelblue",
        ...markText(
          options,
          (r: StoreSalesRow) =>
            `${r.store}${cityText(r)}: ${
              money(r.averageDailySales, format)
            } a day over ${format.integer(r.tradingDays)} trading days; ${
              money(r.totalSales, format)
            } in total`,
          (r) => ({ store: r.store }),
        ),
      }),
      Plot.text(rows, {
        x: "averageDailySales",
        y: "store",
        text: label,
        textAnchor: "start",
        dx: 4,
      }),
      Plot.ruleX([0]),
    ],
  });
}

function describe(
  rows: readonly StoreSalesRow[],
  stores: string[],
  cities: string[],
  format: NumberFormats,
): string {
  if (rows.length === 0) return "No store sales to show.";
  const byStore = new Map(rows.map((r) => [r.store, r]));
  const top = byStore.get(stores[0])!;
  const bottom = byStore.get(stores[stores.length - 1])!;
  const city = (r: StoreSalesRow) => cities.length ? ` (${r.city})` : "";
  return `Horizontal bars of average net sales per trading day for ${rows.length} store${
    rows.length === 1 ? "" : "s"
  }${
    cities.length
      ? ` in ${cities.length} cit${
        cities.length === 1 ? "y" : "ies"
      }, highest first, coloured by city`
      : ", highest first"
  }. Highest: ${top.store}${city(top)} at ${
    money(top.averageDailySales, format)
  } a day; lowest: ${bottom.store}${city(bottom)} at ${
    money(bottom.averageDailySales, format)
  } a day.`;
}
