import * as Plot from "@observablehq/plot";
import { plotChart } from "../plot_chart.ts";
import type {
  CohortMonth,
  CohortTable,
} from "../../figures/cohorts/cohort_table.ts";
import type { SegmentChartOptions } from "../segments/segment_chart_options.ts";
import { DEFAULT_FORMATS, DEFAULT_WIDTH, labelWidth } from "../chart_parts.ts";

/** A cell of the heat map: a cohort's month after its first. */
interface HeatCell extends CohortMonth {
  cohort: string;
  customers: number;
}

/** Options of {@linkcode cohortHeatmapChart}. */
export interface CohortHeatmapOptions extends SegmentChartOptions {
  /**
   * The last month after the first purchase drawn. Default 12: the first
   * year, as retention is usually read; the tables hold every month.
   */
  months?: number;
}

/** The ink on a cell: white on the darker half of the scale. */
const DARK_FROM = 0.55;

/**
 * The cohorts' heat map: one row per cohort (the month of the first
 * purchase, oldest at the top, with its customers), one column per month
 * after it (1 = the next month, up to `months`), each complete month coloured by the share
 * of the cohort that bought in it, on a scale from zero. Month 0 (everyone,
 * by definition) is left out so that it does not flatten the scale. The
 * month the data ends inside is drawn as a dashed outline with no colour:
 * not complete, so no figure; months after the data's last date are not
 * drawn at all.
 */
export function cohortHeatmapChart(
  table: CohortTable,
  options: CohortHeatmapOptions = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = options.format ?? DEFAULT_FORMATS;
  const horizon = options.months ?? 12;
  const title = options.title ??
    `Share of each cohort buying again in the ${horizon} months after the first purchase`;
  const cells: HeatCell[] = table.rows.flatMap((row) =>
    row.months
      .filter((m) => m.offset > 0 && m.offset <= horizon)
      .map((m) => ({ ...m, cohort: row.cohort, customers: row.customers }))
  );
  const complete = cells.filter((c) => c.status === "complete");
  const partial = cells.filter((c) => c.status === "partial");
  const columns = Math.max(1, ...cells.map((c) => c.offset));
  // A cohort with no month after its first (the last one) has no cell.
  const cohorts = table.rows.filter((r) => r.months.length > 1).map((r) =>
    r.cohort
  );
  const label = (cohort: string) => {
    const row = table.rows.find((r) => r.cohort === cohort)!;
    return `${cohort} (${format.integer(row.customers)})`;
  };
  // Room for the tick labels and the rotated axis label beside them.
  const marginLeft = labelWidth(cohorts.map(label)) + 30;
  const cellWidth = (width - marginLeft - 20) / columns;
  const rowHeight = Math.round(Math.min(20, Math.max(12, cellWidth)));
  const top = Math.max(0, ...complete.map((c) => c.share!));
  const domainTop = top > 0 ? top : 1;
  const every = (step: number) => (_: unknown, i: number) => i % step === 0;
  const xStep = Math.max(1, Math.ceil(22 / cellWidth));
  const yStep = Math.max(1, Math.ceil(12 / rowHeight));
  const offsets = Array.from({ length: columns }, (_, i) => i + 1);
  // Short: a cell's markup is most of the chart's bytes (700 cells for
  // three years of cohorts), and the tables hold every figure.
  const tooltip = (c: HeatCell) =>
    c.status === "partial"
      ? `${c.cohort} +${c.offset}: in progress`
      : `${c.cohort} +${c.offset}: ${format.integer(c.active!)}/${
        format.integer(c.customers)
      } (${format.percent(c.share!)}), ${format.wholeMoney(c.revenue!)}`;
  // Labels when they fit, and not on hundreds of cells (the page's bytes).
  const showText = cellWidth >= 40 && rowHeight >= 16 &&
    complete.length <= 150;
  return plotChart({
    document: options.document,
    width,
    height: cohorts.length * rowHeight + 70,
    marginLeft,
    marginTop: 30,
    marginBottom: 40,
    title,
    ariaLabel: title,
    ariaDescription: describe(table, complete, format),
    caption: table.partialMonth
      ? `Dashed, no colour: ${table.partialMonth}, the month the data ends inside (last date ${table.lastDate}): not complete, so left blank. Empty: after the data's last date.`
      : `Every month shown is complete (the data ends on ${
        table.lastDate ?? "—"
      }); empty cells lie after the data's last date.`,
    x: {
      type: "band",
      domain: offsets,
      label: "Months since the first purchase",
      axis: "top",
      round: true,
      tickSize: 0,
      ticks: offsets.filter(every(xStep)),
    },
    y: {
      type: "band",
      domain: cohorts,
      label: "Cohort (customers)",
      round: true,
      tickSize: 0,
      tickFormat: label,
      ticks: cohorts.filter(every(yStep)),
    },
    color: {
      // Seven shades from zero (a linear ramp's legend needs a canvas).
      type: "quantize",
      n: 7,
      domain: [0, domainTop],
      scheme: "blues",
      legend: true,
      label: "Share of the cohort buying",
      tickFormat: (v: number) => format.percent(v),
      width: 320,
    } as Plot.ScaleOptions,
    marks: [
      Plot.cell(complete, {
        x: "offset",
        y: "cohort",
        fill: "share",
        inset: 0.5,
        title: tooltip,
      }),
      Plot.cell(partial, {
        x: "offset",
        y: "cohort",
        fill: "none",
        stroke: "#5b6473",
        strokeDasharray: "2,2",
        inset: 1,
        title: tooltip,
      }),
      ...(showText
        ? [
          Plot.text(complete, {
            x: "offset",
            y: "cohort",
            text: (c: HeatCell) => format.percent(c.share!),
            fill: (c: HeatCell) =>
              c.share! / domainTop >= DARK_FROM ? "white" : "#1d2330",
          }),
        ]
        : []),
    ],
  });
}

function describe(
  table: CohortTable,
  complete: readonly HeatCell[],
  format: typeof DEFAULT_FORMATS,
): string {
  if (table.rows.length === 0) return "No cohort to show.";
  const first = complete.filter((c) => c.offset === 1);
  const customers = first.reduce((s, c) => s + c.customers, 0);
  const back = first.reduce((s, c) => s + c.active!, 0);
  const span = `${table.rows.length} cohorts from ${table.rows[0].cohort} to ${
    table.rows.at(-1)!.cohort
  }`;
  return customers === 0
    ? `${span}; no month after a first purchase is complete yet.`
    : `${span}. Across the cohorts with a complete next month, ${
      format.percent(back / customers)
    } of customers bought again in the month after their first purchase.`;
}
