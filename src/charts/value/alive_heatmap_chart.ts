import * as Plot from "@observablehq/plot";
import { plotChart } from "../plot_chart.ts";
import type { AliveCell, AliveGrid } from "../../figures/value/alive_grid.ts";
import { DEFAULT_FORMATS, DEFAULT_WIDTH } from "../chart_parts.ts";
import type { SegmentChartOptions } from "../segments/segment_chart_options.ts";

/**
 * The papers' heat map: the probability that a customer is still active,
 * by repeat purchases (across) and weeks since the last purchase (down,
 * the most recent at the top), for a customer who first bought at the
 * start of the period. Draws `aliveGrid`. (A customer with no repeat
 * purchase counts as active in the model, and is not drawn.)
 */
export function aliveHeatmapChart(
  grid: AliveGrid,
  options: SegmentChartOptions = {},
): Element {
  const width = options.width ?? DEFAULT_WIDTH;
  const format = options.format ?? DEFAULT_FORMATS;
  const title = options.title ?? "Probability a customer is still active";
  const wholePercent = new Intl.NumberFormat(format.locale, {
    style: "percent",
  });
  const band = (c: AliveCell) =>
    `${Math.round(c.weeksSinceFrom)}–${Math.round(c.weeksSinceTo)}`;
  const rows = [...new Set(grid.cells.map(band))];
  const columns = [...new Set(grid.cells.map((c) => c.repeatPurchases))];
  const every = Math.max(1, Math.ceil(columns.length * 26 / (width - 90)));
  return plotChart({
    document: options.document,
    width,
    height: Math.max(240, rows.length * 22 + 110),
    marginLeft: 70,
    marginBottom: 40,
    title,
    subtitle: `For a customer who first bought ${
      Math.round(grid.T)
    } weeks before the end of the period`,
    ariaLabel: title,
    ariaDescription: describe(grid, format),
    x: {
      domain: columns,
      label: "Repeat purchases (frequency)",
      ticks: columns.filter((_, i) => i % every === 0),
      tickSize: 0,
    },
    y: {
      domain: rows,
      label: "Weeks since the last purchase",
      tickSize: 0,
    },
    color: {
      // Ten bands of 10%: a continuous ramp needs a canvas, which the
      // report's headless rendering has not.
      type: "quantize",
      domain: [0, 1],
      n: 10,
      scheme: "blues",
      legend: true,
      label: "Probability still active",
      tickFormat: (v: number) => wholePercent.format(v),
      width: 320,
    } as Plot.ScaleOptions,
    marks: [
      Plot.cell(grid.cells, {
        x: "repeatPurchases",
        y: band,
        fill: "probabilityAlive",
        inset: 0.5,
        title: (c: AliveCell) =>
          `${c.repeatPurchases} repeat purchases, last ${band(c)} weeks ago: ${
            format.percent(c.probabilityAlive)
          } still active`,
      }),
    ],
  });
}

function describe(grid: AliveGrid, format: typeof DEFAULT_FORMATS): string {
  const cells = grid.cells;
  if (cells.length === 0) return "No probabilities to show.";
  const most =
    cells.reduce((a, b) => b.repeatPurchases > a.repeatPurchases ? b : a)
      .repeatPurchases;
  const at = (x: number, recent: boolean) =>
    cells.filter((c) => c.repeatPurchases === x).reduce((a, b) =>
      (recent ? b.weeksSince < a.weeksSince : b.weeksSince > a.weeksSince)
        ? b
        : a
    );
  const fresh = at(most, true), stale = at(most, false);
  return `A heat map of the probability that a customer is still active, by repeat purchases (1 to ${most}, across) and weeks since the last purchase (down), for a customer who first bought ${
    Math.round(grid.T)
  } weeks ago. With ${most} repeat purchases it is ${
    format.percent(fresh.probabilityAlive)
  } when the last was recent and ${
    format.percent(stale.probabilityAlive)
  } when it was ${Math.round(stale.weeksSince)} weeks ago.`;
}
