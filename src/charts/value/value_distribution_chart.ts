import * as Plot from "@observablehq/plot";
import { plotChart } from "../plot_chart.ts";
import type { ValueBin } from "../../figures/value/value_bins.ts";
import { DEFAULT_FORMATS, DEFAULT_WIDTH, withUnit } from "../chart_parts.ts";
import type { SegmentChartOptions } from "../segments/segment_chart_options.ts";
import { plural } from "../segments/segment_chart_parts.ts";

/** Options for {@linkcode valueDistributionChart}. */
export interface ValueDistributionChartOptions extends SegmentChartOptions {
  /** Months of the value, for the axis label. Default 12. */
  months?: number;
}

/**
 * How many customers have each predicted value: the bins of `valueBins`
 * as bars, the last ("or more") marked, so that the long tail of a few
 * valuable customers shows without squeezing the rest.
 */
export function valueDistributionChart(
  bins: readonly ValueBin[],
  options: ValueDistributionChartOptions = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = options.format ?? DEFAULT_FORMATS;
  const months = options.months ?? 12;
  const title = options.title ?? "Customers by predicted value";
  const range = (b: ValueBin) =>
    b.orMore
      ? `${format.wholeMoney(b.from)} or more`
      : `${format.wholeMoney(b.from)} to ${format.wholeMoney(b.to)}`;
  const last = bins.at(-1);
  return plotChart({
    document: options.document,
    width,
    height: 300,
    marginLeft: 56,
    marginBottom: 40,
    title,
    subtitle: `Discounted value of the next ${months} months per customer`,
    ariaLabel: title,
    ariaDescription: describe(bins, range),
    x: {
      label: withUnit(`Predicted ${months}-month value`, format),
      tickFormat: (v: number) => format.compactMoney(v),
      ticks: Math.max(2, Math.floor(width / 90)),
      ...(bins.length ? {} : { domain: [0, 1] }),
    },
    y: {
      label: "Customers",
      grid: true,
      tickFormat: "~s",
      ...(bins.length ? {} : { domain: [0, 1] }),
    },
    marks: [
      Plot.rectY(bins, {
        x1: "from",
        x2: "to",
        y: "customers",
        fill: (b: ValueBin) => b.orMore ? "#97bbf5" : "#4269d0",
        inset: 0.5,
        title: (b: ValueBin) =>
          `${range(b)}: ${plural(b.customers, "customer", "customers")}`,
      }),
      ...(last && last.orMore && bins.length > 1
        ? [
          Plot.text([last], {
            x: (b: ValueBin) => (b.from + b.to) / 2,
            y: "customers",
            text: () => "or more",
            dy: -8,
            fill: "#333",
          }),
        ]
        : []),
      Plot.ruleY([0]),
    ],
  });
}

function describe(
  bins: readonly ValueBin[],
  range: (b: ValueBin) => string,
): string {
  const customers = bins.reduce((n, b) => n + b.customers, 0);
  if (customers === 0) return "No customers to show.";
  const fullest = bins.reduce((a, b) => b.customers > a.customers ? b : a);
  const last = bins[bins.length - 1];
  return `Bars of ${
    plural(customers, "customer", "customers")
  } by predicted value, in ${bins.length} bands. The fullest band is ${
    range(fullest)
  } with ${plural(fullest.customers, "customer", "customers")}; ${
    plural(last.customers, "customer is", "customers are")
  } in the last band, ${range(last)}.`;
}
