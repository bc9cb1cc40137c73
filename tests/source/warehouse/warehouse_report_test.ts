/**
 * The same report from a PostgreSQL warehouse and from DuckDB: every
 * figure of report.json equal to the cent, the segments and clusters the
 * same with the same seed, and no query returning sale lines. Each test
 * starts a server of its own (see pg_server.ts).
 */
import {
  type BuildEffects,
  buildReport,
  type BuildReportOptions,
} from "../../../src/pipeline/build_report.ts";
import { openSource } from "../../../src/source/open_source.ts";
import type { OpenSourceOptions } from "../../../src/source/open_source.ts";
import { closeDataset } from "../../../src/source/dataset.ts";
import type { LoadedSource } from "../../../src/source/load_report.ts";
import type { ReportModel } from "../../../src/report/report_model.ts";
import { assertEquals, assertOk } from "../../assert.ts";
import { copyDataset, startPostgres } from "./pg_server.ts";

const INVOICES = new URL("../../fixtures/invoices.csv", import.meta.url)
  .pathname;
const KAGGLE = new URL(
  "../../../../shared/datasets/retail-kaggle/",
  import.meta.url,
).pathname;

/** The rows each query returned, recorded by wrapping the warehouse engine. */
interface QueryLog {
  rows: number[];
  lines: number;
}

function effects(log?: QueryLog): BuildEffects {
  return {
    openSource: async (source: OpenSourceOptions): Promise<LoadedSource> => {
      const loaded = await openSource(source);
      const engine = loaded.dataset.engine;
      if (log && engine) {
        log.lines = loaded.report.rowsRead;
        const query = engine.query.bind(engine);
        engine.query = async <T>(sql: string, params?: never) => {
          const rows = await query<T>(sql, params);
          log.rows.push(rows.length);
          return rows;
        };
      }
      return loaded;
    },
    now: () => new Date("2026-01-02T03:04:05Z"),
    log: () => {},
    bundleClient: () => Promise.resolve("/* page script */"),
  };
}

async function report(
  source: OpenSourceOptions,
  log?: QueryLog,
): Promise<ReportModel> {
  const options: BuildReportOptions = { source, seed: 7 };
  const built = await buildReport(options, effects(log));
  return JSON.parse(built.files.get("report.json")!) as ReportModel;
}

/** Whether two numbers are the same figure. */
type Same = (a: number, b: number) => boolean;

/**
 * Amounts to the cent: sums of doubles added in another order differ in
 * their last digits.
 */
const toTheCent: Same = (a, b) => Math.abs(a - b) < 0.005;

/**
 * A model's figures (fitted parameters, expected purchases, values) and
 * ratios of counts (support, confidence, lift) to 1e-9 relative: a
 * model's inputs, divisions of day counts, are rounded once more on the
 * warehouse.
 */
const modelFigure: Same = (a, b) =>
  Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-6);

/**
 * Where two reports' values differ: numbers that are not `same`, anything
 * else at all. Empty when equal.
 */
function differences(
  a: unknown,
  b: unknown,
  path = "",
  same: Same = toTheCent,
): string[] {
  if (typeof a === "number" && typeof b === "number") {
    return same(a, b) ? [] : [`${path}: ${a} vs ${b}`];
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

/** Asserts two reports' figures equal to the cent. */
function assertSameFigures(warehouse: ReportModel, duck: ReportModel): void {
  const data = (m: ReportModel) => ({
    rows: m.data.rows,
    returns: m.data.returns,
    from: m.data.from,
    to: m.data.to,
    stores: m.data.stores,
    customers: m.data.customers,
  });
  assertEquals(
    [
      ...differences(warehouse.sales, duck.sales, "sales"),
      ...differences(warehouse.customers, duck.customers, "customers"),
      ...differences(data(warehouse), data(duck), "data"),
      ...differences(warehouse.cohorts, duck.cohorts, "cohorts"),
      ...differences(warehouse.baskets, duck.baskets, "baskets", modelFigure),
      ...differences(warehouse.products, duck.products, "products"),
      ...differences(warehouse.value, duck.value, "value", modelFigure),
    ].slice(0, 20),
    [],
  );
  assertOk(warehouse.customers !== null && warehouse.sales.total !== 0);
  // Sections that are there, with figures in them, not two empty ones.
  assertOk(warehouse.cohorts, "no cohorts");
  assertOk(warehouse.value, "no customer value");
}

Deno.test({
  name:
    "a report from PostgreSQL equals the DuckDB report of the three-file data set to the cent, and no query returns sale lines",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const server = await startPostgres();
    try {
      const local = await openSource({ data: KAGGLE });
      await copyDataset(server, local.dataset, {
        sales: "sale_lines",
        customers: "shoppers",
      });
      closeDataset(local.dataset);
      const duck = await report({ data: KAGGLE });
      const log: QueryLog = { rows: [], lines: 0 };
      const warehouse = await report({
        data: server.url,
        table: "sale_lines",
        customersTable: "shoppers",
      }, log);
      assertSameFigures(warehouse, duck);
      assertEquals(log.lines, 23_053);
      assertOk(log.rows.length > 20);
    } finally {
      await server.stop();
    }
  },
});

Deno.test({
  name:
    "a report from PostgreSQL equals the DuckDB report of 200,000 simulated lines, and every query returns sums, never sale lines",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const server = await startPostgres();
    try {
      const simulated: OpenSourceOptions = {
        seed: 3,
        simulate: { lines: 200_000, days: 120 },
      };
      const local = await openSource(simulated);
      await copyDataset(server, local.dataset, {
        sales: "sales",
        customers: "customers",
      });
      const lines = local.report.rowsRead;
      closeDataset(local.dataset);
      assertOk(lines > 180_000, `${lines} lines`);
      const duck = await report(simulated);
      const log: QueryLog = { rows: [], lines: 0 };
      const warehouse = await report({
        data: server.url,
        table: "public.sales",
        customersTable: "public.customers",
      }, log);
      assertSameFigures(warehouse, duck);
      // The simulated chain's baskets hold several lines and its customers
      // fit the value models: the sections compared above are not empty.
      assertOk(warehouse.value?.fitted, "the value models are not fitted");
      assertOk(
        (warehouse.baskets?.levels.length ?? 0) > 0,
        `no basket level: ${warehouse.baskets?.note}`,
      );
      assertEquals(log.lines, lines);
      // What may come back is bounded by the customers and the cube's cells,
      // whatever the number of lines: a query that returned lines would
      // return about as many rows as there are lines.
      const customers = duck.data.customers;
      const largest = Math.max(...log.rows);
      const total = log.rows.reduce((a, b) => a + b, 0);
      assertOk(
        largest <= Math.max(customers * 10, 60_000) && largest < lines / 3,
        `a query returned ${largest} rows of ${lines} lines`,
      );
      assertOk(total < lines, `${total} rows returned for ${lines} lines`);
      const engine = warehouse.data.engine!;
      assertEquals(engine.rowsScanned, lines);
      assertOk(engine.name.startsWith("PostgreSQL "), engine.name);
      assertOk(engine.bytesReturned > 0 && engine.rowsReturned > 0);
    } finally {
      await server.stop();
    }
  },
});

Deno.test({
  name:
    "a report from PostgreSQL has the products and what sells together of the DuckDB report of invoices with product ids",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const server = await startPostgres();
    try {
      const local = await openSource({ data: INVOICES });
      await copyDataset(server, local.dataset, {
        sales: "invoice_lines",
        customers: "buyers",
      });
      closeDataset(local.dataset);
      const duck = await report({ data: INVOICES });
      const warehouse = await report({
        data: server.url,
        table: "invoice_lines",
        customersTable: "buyers",
      });
      assertSameFigures(warehouse, duck);
      assertOk(warehouse.products, "no products");
      assertOk(
        (warehouse.baskets?.levels.length ?? 0) > 0,
        `no basket level: ${warehouse.baskets?.note}`,
      );
    } finally {
      await server.stop();
    }
  },
});
