import type { NumberFormats } from "../../figures/format/number_formats.ts";
import { DEFAULT_FORMATS } from "../chart_parts.ts";
import * as Plot from "@observablehq/plot";
import type { RfmSegmentRow } from "../../figures/segments/rfm_segments.ts";
import type { SegmentChartOptions } from "./segment_chart_options.ts";
import {
  compactMoney,
  DEFAULT_WIDTH,
  marginFor,
  money,
  percent,
  plural,
  segmentColours,
  whole,
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
  const bars: Bar[] = rows.flatMap((r): Bar[] => [
    {
      segment: r.segment,
      measure: "Customers",
      share: r.share,
      label: `${whole(r.customers)} · ${percent(r.share, format)}`,
    },
    {
      segment: r.segment,
      measure: "Revenue",
      share: Math.max(r.revenueShare ?? 0, 0),
      label: `${compactMoney(r.revenue, format)} · ${
        percent(r.revenueShare ?? 0, format)
      }`,
    },
  ]);
  const largest = Math.max(0.01, ...bars.map((b) => b.share));
  return Plot.plot({
    document: options.document,
    width,
    height: 60 + Math.max(1, segments.length) * 26,
    marginLeft: marginFor(["Segment", ...segments], width),
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
      domain: [0, largest * 1.75],
      label: "Share of all scored customers or revenue",
      tickFormat: ".0%",
      grid: true,
      ticks: Math.max(2, Math.floor(width / 240)),
    },
    y: { domain: segments, label: "Segment" },
    color: { domain: segments, range: segmentColours(segments) },
    marks: [
      Plot.barX(bars, {
        x: "share",
        y: "segment",
        fx: "measure",
        fill: "segment",
        title: (b: Bar) =>
          `${b.segment}, ${b.measure.toLowerCase()}: ${b.label}`,
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
    plural(rows.length, "RFM segment", "RFM segments")
  } and ${
    plural(customers, "customer", "customers")
  }: share of customers, then share of revenue. The largest segment is ${biggest.segment} with ${
    plural(biggest.customers, "customer", "customers")
  } (${
    percent(biggest.share, format)
  }); ${richest.segment} brings the most revenue, ${
    money(richest.revenue, format)
  } (${percent(richest.revenueShare ?? 0, format)}).`;
}
