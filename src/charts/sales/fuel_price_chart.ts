import type { NumberFormats } from "../../figures/format/number_formats.ts";
import * as Plot from "@observablehq/plot";
import { plotChart } from "../plot_chart.ts";
import type { WeeklyFuelPriceRow } from "../../figures/sales/fuel_figures.ts";
import {
  DEFAULT_FORMATS,
  DEFAULT_WIDTH,
  markText,
  price,
  priceTicks,
  sortedDistinct,
  utcDate,
  withUnit,
} from "../chart_parts.ts";
import type { SalesChartOptions } from "./sales_chart_options.ts";

/**
 * The volume-weighted average price per gallon of each fuel type by ISO
 * week, one line per fuel type with a legend. Weeks without a price (no
 * gallons sold) are gaps. Draws the rows of `weeklyFuelPrices`.
 */
export function fuelPriceChart(
  rows: readonly WeeklyFuelPriceRow[],
  options: SalesChartOptions = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = options.format ?? DEFAULT_FORMATS;
  const title = options.title ?? "Fuel price by type";
  const types = sortedDistinct(rows.map((r) => r.fuelType));
  const points = rows
    .filter((r) => r.averagePrice !== null)
    .map((r) => ({ ...r, x: utcDate(r.weekStart) }));
  return plotChart({
    document: options.document,
    width,
    height: 300,
    marginLeft: 56,
    marginBottom: 46,
    title,
    ariaLabel: title,
    ariaDescription: describe(rows, types, format),
    caption:
      "Volume-weighted: fuel revenue divided by gallons sold, per ISO week (by the date of its Monday).",
    x: {
      label: "Week starting",
      type: "utc",
      labelOffset: 40,
      ticks: Math.max(2, Math.floor(width / 110)),
    },
    y: {
      label: withUnit("Average price per gallon", format),
      tickFormat: priceTicks(format),
      grid: true,
      nice: true,
    },
    color: {
      legend: true,
      label: "Fuel type",
      domain: types,
      type: "ordinal",
      scheme: "tableau10",
    },
    marks: [
      Plot.lineY(points, {
        x: "x",
        y: "averagePrice",
        stroke: "fuelType",
        z: "fuelType",
      }),
      Plot.dot(points, {
        x: "x",
        y: "averagePrice",
        fill: "fuelType",
        r: 2,
        ...markText(
          options,
          (r: WeeklyFuelPriceRow) =>
            `${r.fuelType}, ${r.week}: ${
              price(r.averagePrice!, format)
            } a gallon over ${format.integer(r.gallons)} gallons`,
        ),
      }),
    ],
  });
}

function describe(
  rows: readonly WeeklyFuelPriceRow[],
  types: string[],
  format: NumberFormats,
): string {
  const priced = rows.filter((r) => r.averagePrice !== null);
  if (priced.length === 0) return "No fuel sales to show.";
  const summaries = types.map((type) => {
    const own = priced.filter((r) => r.fuelType === type);
    if (own.length === 0) return `${type}: no price`;
    const prices = own.map((r) => r.averagePrice!);
    return `${type} from ${price(Math.min(...prices), format)} to ${
      price(Math.max(...prices), format)
    }`;
  });
  const weeks = [...new Set(priced.map((r) => r.week))].sort();
  return `Lines of the volume-weighted average price per gallon by ISO week, ${
    weeks[0]
  } to ${weeks[weeks.length - 1]}, one per fuel type: ${summaries.join("; ")}.`;
}
