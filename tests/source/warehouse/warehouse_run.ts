/**
 * Builds a report as the command does, with what each warehouse query
 * returned recorded, and compares reports' figures. Shared by the
 * warehouse's report tests.
 */
import pg from "pg";
import {
  type BuildEffects,
  buildReport,
  type BuildReportOptions,
} from "../../../src/pipeline/build_report.ts";
import { openSource } from "../../../src/source/open_source.ts";
import type { OpenSourceOptions } from "../../../src/source/open_source.ts";
import type { LoadedSource } from "../../../src/source/load_report.ts";
import type { ReportModel } from "../../../src/report/report_model.ts";
import type { FilterState } from "../../../src/report/filter_state.ts";

/**
 * What each statement sent to a PostgreSQL server returned, in the order
 * they ran: the analyses' queries and every other statement (the checks
 * of the source, temporary tables), whichever engine method sent it.
 */
export interface QueryLog {
  /** Each statement's SQL text, as sent (`$1` parameters). */
  sql: string[];
  /** Each statement's rows. */
  rows: number[];
  /** Each statement's rows as JSON, in characters: what a row count cannot show (an array in one row). */
  chars: number[];
  /** The sale lines the source read. */
  lines: number;
}

/** An empty log, for report() to fill. */
export function queryLog(): QueryLog {
  return { sql: [], rows: [], chars: [], lines: 0 };
}

type ClientQuery = (this: pg.Client, ...args: unknown[]) => unknown;

/**
 * Runs `build` with every statement any `pg` client sends recorded in
 * `log`: below the warehouse engine, so that nothing it sends escapes.
 */
async function recording<T>(log: QueryLog, build: () => Promise<T>) {
  const prototype = pg.Client.prototype as unknown as { query: ClientQuery };
  const original = prototype.query;
  prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const result = original.apply(this, args);
    if (typeof args[0] !== "string" || !(result instanceof Promise)) {
      return result;
    }
    return result.then((r: { rows?: unknown[] }) => {
      const rows = r.rows ?? [];
      log.sql.push(args[0] as string);
      log.rows.push(rows.length);
      log.chars.push(JSON.stringify(rows).length);
      return r;
    });
  };
  try {
    return await build();
  } finally {
    prototype.query = original;
  }
}

/** The build's effects; with a log, the sale lines the source read go in it. */
function effects(log?: QueryLog): BuildEffects {
  return {
    openSource: async (source: OpenSourceOptions): Promise<LoadedSource> => {
      const loaded = await openSource(source);
      if (log) log.lines = loaded.report.rowsRead;
      return loaded;
    },
    now: () => new Date("2026-01-02T03:04:05Z"),
    log: () => {},
    bundleClient: () => Promise.resolve("/* page script */"),
  };
}

/**
 * The report.json of a report built from `source` with seed 7 (and the
 * command line's `filters`, if any); with a log, what each statement sent
 * to a warehouse returned is recorded in it.
 */
export async function report(
  source: OpenSourceOptions,
  log?: QueryLog,
  filters?: FilterState,
): Promise<ReportModel> {
  const options: BuildReportOptions = {
    source,
    seed: 7,
    ...(filters ? { filters } : {}),
  };
  const build = () => buildReport(options, effects(log));
  const built = log ? await recording(log, build) : await build();
  return JSON.parse(built.files.get("report.json")!) as ReportModel;
}

/** Whether two numbers are the same figure; `path` says which (`.sales.total`). */
export type Same = (a: number, b: number, path: string) => boolean;

/**
 * Amounts to the cent: sums of doubles added in another order differ in
 * their last digits.
 */
export const toTheCent: Same = (a, b) => Math.abs(a - b) < 0.005;

/**
 * A model's figures (fitted parameters, expected purchases, values) and
 * ratios of counts (support, confidence, lift) to 1e-9 relative: a
 * model's inputs, divisions of day counts, are rounded once more on the
 * warehouse.
 */
export const modelFigure: Same = (a, b) =>
  Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-6);

/**
 * Where two reports' values differ: numbers that are not `same`, anything
 * else at all. Empty when equal.
 */
export function differences(
  a: unknown,
  b: unknown,
  path = "",
  same: Same = toTheCent,
): string[] {
  if (typeof a === "number" && typeof b === "number") {
    return same(a, b, path) ? [] : [`${path}: ${a} vs ${b}`];
  }
  if (a && b && typeof a === "object" && typeof b === "object") {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) =>
      differences(
        (a as Record<string, unknown>)[k],
        (b as Record<string, unknown>)[k],
        `${path}.${k}`,
        same,
      )
    );
  }
  return Object.is(a, b)
    ? []
    : [`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`];
}
