import type { NumberFormats } from "../../figures/format/number_formats.ts";
import * as Plot from "@observablehq/plot";
import { plotChart } from "../plot_chart.ts";
import {
  DEFAULT_FORMATS,
  DEFAULT_WIDTH,
  labelWidth,
  markText,
  money,
  moneyMargin,
  moneyTicks,
  withUnit,
} from "../chart_parts.ts";
import type { SalesChartOptions } from "./sales_chart_options.ts";

/** A row of a seasonality chart: a named slot of the calendar and its average day. */
export interface AverageDailyRow {
  /** The slot's name on the x axis: "Mon", "Jan". */
  name: string;
  /** Calendar days of the slot in the period. */
  days: number;
  averageDailySales: number;
}

/** What sets one seasonality chart apart from another. */
export interface AverageDailyColumnsText {
  title: string;
  caption: string;
  xLabel: string;
  /** The description's opening, given the number of columns. */
  lead: (columns: number) => string;
  best: string;
  /** Said after each money figure in the description ("" or " a day"). */
  perDay: string;
  empty: string;
}

/**
 * Columns of average net sales per calendar day, in the rows' order: the
 * shape the weekday and month-of-year charts share.
 */
export function averageDailyColumns(
  rows: readonly AverageDailyRow[],
  text: AverageDailyColumnsText,
  options: SalesChartOptions,
): Element {
  const format = options.format ?? DEFAULT_FORMATS;
  const title = options.title ?? text.title;
  const width = options.width ?? DEFAULT_WIDTH;
  const marginLeft = moneyMargin(rows.map((r) => r.averageDailySales), format);
  const names = rows.map((r) => r.name);
  // Label every other column when the names would run into each other.
  const every = Math.ceil(
    (labelWidth(names) + 6) / ((width - marginLeft - 20) / (rows.length || 1)),
  );
  return plotChart({
    document: options.document,
    width,
    height: 260,
    marginLeft,
    title,
    ariaLabel: title,
    ariaDescription: describe(rows, text, format),
    caption: text.caption,
    x: {
      label: text.xLabel,
      domain: names,
      ...(every > 1 ? { ticks: names.filter((_, i) => i % every === 0) } : {}),
    },
    y: {
      label: withUnit("Average net sales per day", format),
      tickFormat: moneyTicks(format),
      grid: true,
      nice: true,
    },
    marks: [
      Plot.barY(rows, {
        x: "name",
        y: "averageDailySales",
        fill: "steelblue",
        ...markText(
          options,
          (r: AverageDailyRow) =>
            `${r.name}: ${money(r.averageDailySales, format)} a day over ${
              format.integer(r.days)
            } days`,
        ),
      }),
      Plot.ruleY([0]),
    ],
  });
}

function describe(
  rows: readonly AverageDailyRow[],
  text: AverageDailyColumnsText,
  format: NumberFormats,
): string {
  if (rows.length === 0) return text.empty;
  const best = rows.reduce((a, b) =>
    b.averageDailySales > a.averageDailySales ? b : a
  );
  const worst = rows.reduce((a, b) =>
    b.averageDailySales < a.averageDailySales ? b : a
  );
  return `${text.lead(rows.length)} ${text.best}: ${best.name} at ${
    money(best.averageDailySales, format)
  }${text.perDay}; weakest: ${worst.name} at ${
    money(worst.averageDailySales, format)
  }${text.perDay}.`;
}
