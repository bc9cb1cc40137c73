import type { NumberFormats } from "../../figures/format/number_formats.ts";
import * as Plot from "@observablehq/plot";
import type { StoreSalesRow } from "../../figures/sales/grouped_totals.ts";
import {
  compactMoney,
  DEFAULT_FORMATS,
  DEFAULT_WIDTH,
  labelWidth,
  marginFor,
  money,
  moneyTicks,
  rankedNames,
  sortedDistinct,
  withUnit,
} from "../chart_parts.ts";
import type { SalesChartOptions } from "./sales_chart_options.ts";

/**
 * Average net sales per trading day of each store, as horizontal bars
 * coloured by city with a city legend; highest first, ties by store name.
 * Draws the rows of `storeSales`.
 */
export function storeSalesChart(
  rows: readonly StoreSalesRow[],
  options: SalesChartOptions = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = options.format ?? DEFAULT_FORMATS;
  const stores = rankedNames(rows, (r) => r.store, (r) => r.averageDailySales);
  const cities = sortedDistinct(rows.map((r) => r.city));
  const title = options.title ?? "Average daily sales per store";
  const label = (r: StoreSalesRow) => compactMoney(r.averageDailySales, format);
  return Plot.plot({
    document: options.document,
    width,
    height: 40 + Math.max(1, stores.length) * 22,
    marginLeft: marginFor(["Store", ...stores], width),
    marginRight: labelWidth(rows.map(label)) + 12,
    title,
    ariaLabel: title,
    ariaDescription: describe(rows, stores, cities, format),
    caption: "Net sales per day the store traded (had at least one sale line).",
    x: {
      label: withUnit("Average net sales per trading day", format),
      tickFormat: moneyTicks(format),
      grid: true,
      nice: true,
      ticks: Math.max(2, Math.floor(width / 120)),
    },
    y: { label: "Store", domain: stores },
    color: {
      legend: true,
      label: "City",
      domain: cities,
      type: "ordinal",
      scheme: "tableau10",
    },
    marks: [
      Plot.barX(rows, {
        x: "averageDailySales",
        y: "store",
        fill: "city",
        title: (r: StoreSalesRow) =>
          `${r.store} (${r.city}): ${
            money(r.averageDailySales, format)
          } a day over ${r.tradingDays} trading days; ${
            money(r.totalSales, format)
          } in total`,
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
  return `Horizontal bars of average net sales per trading day for ${rows.length} store${
    rows.length === 1 ? "" : "s"
  } in ${cities.length} cit${
    cities.length === 1 ? "y" : "ies"
  }, highest first, coloured by city. Highest: ${top.store} (${top.city}) at ${
    money(top.averageDailySales, format)
  } a day; lowest: ${bottom.store} (${bottom.city}) at ${
    money(bottom.averageDailySales, format)
  } a day.`;
}
