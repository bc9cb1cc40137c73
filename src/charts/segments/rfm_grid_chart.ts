import type { NumberFormats } from "../../figures/format/number_formats.ts";
import { DEFAULT_FORMATS } from "../chart_parts.ts";
import * as Plot from "@observablehq/plot";
import { plotChart } from "../plot_chart.ts";
import type { RfmGridCell } from "../../figures/segments/rfm_grid.ts";
import { DEFAULT_SEGMENT_MAP } from "../../figures/segments/rfm_segment_map.ts";
import type { SegmentChartOptions } from "./segment_chart_options.ts";
import {
  DEFAULT_WIDTH,
  markText,
  percent,
  plural,
  segmentColours,
  textOn,
  whole,
} from "./segment_chart_parts.ts";

/**
 * The recency × frequency score grid: frequency score across (1 to 5),
 * recency score down (5 = most recent at the top), each cell coloured by
 * its segment and labelled with its customers and share. Draws the 25
 * cells of `rfmGrid`.
 */
export function rfmGridChart(
  cells: readonly RfmGridCell[],
  options: SegmentChartOptions = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = options.format ?? DEFAULT_FORMATS;
  const title = options.title ?? "Customers on the recency × frequency grid";
  const standard = DEFAULT_SEGMENT_MAP.map((rule) => rule.segment);
  const present = [...new Set(cells.map((c) => c.segment))];
  const segments = [
    ...standard.filter((s) => present.includes(s)),
    ...present.filter((s) => !standard.includes(s)),
  ];
  const colours = segmentColours(segments);
  const ink = new Map(segments.map((s, i) => [s, textOn(colours[i])]));
  const cellHeight = Math.round(Math.min(64, Math.max(44, width / 14)));
  return plotChart({
    document: options.document,
    width,
    height: 5 * cellHeight + 60,
    marginLeft: 60,
    marginBottom: 40,
    title,
    ariaLabel: title,
    ariaDescription: describe(cells, format),
    x: {
      domain: [1, 2, 3, 4, 5],
      label: "Frequency score (5 = most transactions)",
      tickSize: 0,
    },
    y: {
      domain: [5, 4, 3, 2, 1],
      label: "Recency score (5 = most recent)",
      tickSize: 0,
    },
    color: {
      domain: segments,
      range: colours,
      legend: true,
      label: "Segment",
    },
    marks: [
      Plot.cell(cells, {
        x: "frequencyScore",
        y: "recencyScore",
        fill: "segment",
        inset: 1,
        ...markText(
          options,
          (c: RfmGridCell) =>
            `R${c.recencyScore} F${c.frequencyScore}, ${c.segment}: ${
              plural(c.customers, "customer", "customers", format)
            } (${percent(c.share, format)})`,
          (c) => ({ segment: c.segment }),
        ),
      }),
      Plot.text(cells, {
        x: "frequencyScore",
        y: "recencyScore",
        text: (c: RfmGridCell) =>
          `${whole(c.customers, format)}\n${percent(c.share, format)}`,
        fill: (c: RfmGridCell) => ink.get(c.segment),
        lineHeight: 1.2,
      }),
    ],
  });
}

function describe(
  cells: readonly RfmGridCell[],
  format: NumberFormats,
): string {
  const customers = cells.reduce((s, c) => s + c.customers, 0);
  if (customers === 0) return "No scored customers to show.";
  const fullest = cells.reduce((a, b) => b.customers > a.customers ? b : a);
  return `A 5 × 5 grid of ${
    plural(customers, "customer", "customers", format)
  } by frequency score (across) and recency score (down, most recent at the top), coloured by RFM segment. The fullest cell is recency ${fullest.recencyScore}, frequency ${fullest.frequencyScore} (${fullest.segment}) with ${
    plural(fullest.customers, "customer", "customers", format)
  } (${percent(fullest.share, format)}).`;
}
