import type { NumberFormats } from "../../figures/format/number_formats.ts";
import { DEFAULT_FORMATS } from "../chart_parts.ts";
import * as Plot from "@observablehq/plot";
import { plotChart } from "../plot_chart.ts";
import type { RfmSegmentRow } from "../../figures/segments/rfm_segments.ts";
import type { SegmentChartOptions } from "./segment_chart_options.ts";
import {
  compactMoney,
  DEFAULT_WIDTH,
  labelWidth,
  markText,
  money,
  nameAxis,
  NARROW_WIDTH,
  percent,
  plural,
  segmentColours,
  whole,
  wholePercent,
} from "./segment_chart_parts.ts";

interface Bar {
  segment: string;
  measure: "Customers" | "Revenue";
  share: number;
  label: string;
}

/**
 * RFM segment sizes and revenue side by side: for each segment, in the
 * order of the rows (the segment map's), its share of customers and its
 * share of revenue, labelled with the count or amount. Draws the rows of
 * `rfmSegments`.
 */
export function rfmSegmentsChart(
  rows: readonly RfmSegmentRow[],
  options: SegmentChartOptions = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = options.format ?? DEFAULT_FORMATS;
  const title = options.title ?? "Customers and revenue by RFM segment";
  const segments = rows.map((r) => r.segment);
  // A narrow chart labels the bars with their share only (the tip gives
  // the count or amount too).
  const narrow = width < NARROW_WIDTH;
  const bars: Bar[] = rows.flatMap((r): Bar[] => [
    {
      segment: r.segment,
      measure: "Customers",
      share: r.share,
      label: narrow
        ? percent(r.share, format)
        : `${whole(r.customers, format)} · ${percent(r.share, format)}`,
    },
    {
      segment: r.segment,
      measure: "Revenue",
      share: Math.max(r.revenueShare ?? 0, 0),
      label: narrow
        ? percent(r.revenueShare ?? 0, format)
        : `${compactMoney(r.revenue, format)} · ${
          percent(r.revenueShare ?? 0, format)
        }`,
    },
  ]);
  const largest = Math.max(0.01, ...bars.map((b) => b.share));
  const names = nameAxis("Segment", segments, width);
  // Each panel leaves room right of the longest bar for its label.
  const panel = (width - names.marginLeft - 20) / 2 * 0.88;
  const room = labelWidth(bars.map((b) => b.label)) + 8;
  const stretch = panel / Math.max(panel - room, panel * 0.3);
  return plotChart({
    document: options.document,
    width,
    height: 70 + Math.max(1, segments.length) * 26,
    marginLeft: names.marginLeft,
    marginRight: 20,
    title,
    ariaLabel: title,
    ariaDescription: describe(rows, format),
    fx: {
      domain: ["Customers", "Revenue"],
      label: null,
      axis: "top",
      padding: 0.12,
      tickFormat: (m: string) =>
        m === "Customers" ? "Share of customers" : "Share of revenue",
    },
    x: {
      domain: [0, largest * Math.max(1.2, stretch)],
      label: "Share of all scored customers or revenue",
      tickFormat: wholePercent(format),
      grid: true,
      ticks: Math.max(2, Math.floor(width / 240)),
    },
    y: { ...names.axis, domain: segments },
    color: { domain: segments, range: segmentColours(segments) },
    marks: [
      Plot.barX(bars, {
        x: "share",
        y: "segment",
        fx: "measure",
        fill: "segment",
        ...markText(
          options,
          (b: Bar) => `${b.segment}, ${b.measure.toLowerCase()}: ${b.label}`,
          (b) => ({ segment: b.segment }),
        ),
      }),
      Plot.text(bars, {
        x: "share",
        y: "segment",
        fx: "measure",
        text: "label",
        textAnchor: "start",
        dx: 4,
      }),
      Plot.ruleX([0]),
    ],
  });
}

function describe(
  rows: readonly RfmSegmentRow[],
  format: NumberFormats,
): string {
  const customers = rows.reduce((s, r) => s + r.customers, 0);
  if (customers === 0) return "No scored customers to show.";
  const biggest = rows.reduce((a, b) => b.customers > a.customers ? b : a);
  const richest = rows.reduce((a, b) => b.revenue > a.revenue ? b : a);
  return `Two panels of horizontal bars for ${
    plural(rows.length, "RFM segment", "RFM segments", format)
  } and ${
    plural(customers, "customer", "customers", format)
  }: share of customers, then share of revenue. The largest segment is ${biggest.segment} with ${
    plural(biggest.customers, "customer", "customers", format)
  } (${
    percent(biggest.share, format)
  }); ${richest.segment} brings the most revenue, ${
    money(richest.revenue, format)
  } (${percent(richest.revenueShare ?? 0, format)}).`;
}
