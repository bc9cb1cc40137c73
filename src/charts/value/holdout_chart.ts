import * as Plot from "@observablehq/plot";
import { plotChart } from "../plot_chart.ts";
import type { HoldoutRow } from "../../stats/clv/holdout_comparison.ts";
import { DEFAULT_FORMATS, DEFAULT_WIDTH } from "../chart_parts.ts";
import type { SegmentChartOptions } from "../segments/segment_chart_options.ts";

/** Options for {@linkcode holdoutChart}. */
export interface HoldoutChartOptions extends SegmentChartOptions {
  /** The holdout period's first and last days, for the subtitle. */
  from?: string;
  to?: string;
}

interface Point {
  label: string;
  series: "Actual" | "Predicted";
  purchases: number;
  customers: number;
}

/**
 * The papers' check of the purchase model (Fader, Hardie and Lee 2005,
 * figure 4): mean purchases in the holdout period, actual and predicted,
 * by the number of repeat purchases before it (the last group "or more").
 * Draws `holdoutComparison`'s rows.
 */
export function holdoutChart(
  rows: readonly HoldoutRow[],
  options: HoldoutChartOptions = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = options.format ?? DEFAULT_FORMATS;
  const title = options.title ??
    "Purchases in the holdout period: predicted and actual";
  const label = (r: HoldoutRow) =>
    r.orMore ? `${r.repeatPurchases}+` : String(r.repeatPurchases);
  const points: Point[] = rows.flatMap((r) => [
    {
      label: label(r),
      series: "Actual" as const,
      purchases: r.actual,
      customers: r.customers,
    },
    {
      label: label(r),
      series: "Predicted" as const,
      purchases: r.predicted,
      customers: r.customers,
    },
  ]);
  return plotChart({
    document: options.document,
    width,
    height: 300,
    marginLeft: 50,
    marginBottom: 40,
    title,
    ...(options.from && options.to
      ? {
        subtitle:
          `Mean purchases per customer, ${options.from} to ${options.to}`,
      }
      : {}),
    ariaLabel: title,
    ariaDescription: describe(rows, label, format),
    x: {
      domain: rows.map(label),
      label: "Repeat purchases before the holdout period",
      padding: 0.5,
    },
    y: { label: "Mean purchases per customer", grid: true, zero: true },
    color: {
      domain: ["Actual", "Predicted"],
      range: ["#333333", "#ff725c"],
      legend: true,
    },
    marks: [
      ...(["Actual", "Predicted"] as const).map((series) =>
        Plot.line(points.filter((p) => p.series === series), {
          x: "label",
          y: "purchases",
          stroke: "series",
          strokeWidth: 1.5,
          ...(series === "Predicted" ? { strokeDasharray: "5,3" } : {}),
        })
      ),
      Plot.dot(points, {
        x: "label",
        y: "purchases",
        fill: "series",
        r: 3,
        title: (p: Point) =>
          `${p.label} repeat purchases (${
            format.integer(p.customers)
          } customers): ${p.series.toLowerCase()} ${
            format.number(p.purchases)
          }`,
      }),
      Plot.ruleY([0]),
    ],
  });
}

function describe(
  rows: readonly HoldoutRow[],
  label: (r: HoldoutRow) => string,
  format: typeof DEFAULT_FORMATS,
): string {
  if (rows.length === 0) return "No customers to compare.";
  const parts = rows.map((r) =>
    `${label(r)}: ${format.number(r.actual)} actual, ${
      format.number(r.predicted)
    } predicted`
  );
  return `Mean purchases per customer in the holdout period, actual and predicted, by repeat purchases before it. ${
    parts.join("; ")
  }.`;
}
