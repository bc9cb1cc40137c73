/**
 * The same report from a PostgreSQL warehouse and from DuckDB: every
 * figure of report.json equal to the cent, the segments and clusters the
 * same with the same seed, and no query returning sale lines. Each test
 * starts a server of its own (see pg_server.ts).
 */
import { openSource } from "../../../src/source/open_source.ts";
import type { OpenSourceOptions } from "../../../src/source/open_source.ts";
import { closeDataset, type Dataset } from "../../../src/source/dataset.ts";
import { clusterCustomers } from "../../../src/analysis/segments/cluster_customers.ts";
import type { ReportModel } from "../../../src/report/report_model.ts";
import { assertEquals, assertOk } from "../../assert.ts";
import { copyDataset, startPostgres } from "./pg_server.ts";
import {
  differences,
  modelFigure,
  type QueryLog,
  queryLog,
  report,
} from "./warehouse_run.ts";

const INVOICES = new URL("../../fixtures/invoices.csv", import.meta.url)
  .pathname;
const KAGGLE = new URL(
  "../../../../shared/datasets/retail-kaggle/",
  import.meta.url,
).pathname;

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
    "a report from PostgreSQL equals the DuckDB report of the three-file data set to the cent, also filtered by segments and a cluster, and no query returns sale lines",
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
      const log = queryLog();
      const warehouse = await report({
        data: server.url,
        table: "sale_lines",
        customersTable: "shoppers",
      }, log);
      assertSameFigures(warehouse, duck);
      assertEquals(log.lines, 23_053);
      assertOk(log.rows.length > 20);
      // The segment and cluster filters select their customers from the
      // customer table in the warehouse, as in DuckDB: two segments and
      // one cluster of the report's own.
      const labels = duck.customers as {
        rfm: { segments: { name: string }[] };
        clusters: { clusters: { label: string }[] };
      };
      const filters = {
        segments: labels.rfm.segments.slice(0, 2).map((s) => s.name),
        clusters: [labels.clusters.clusters[0].label],
      };
      const duckFiltered = await report({ data: KAGGLE }, undefined, filters);
      const warehouseFiltered = await report(
        {
          data: server.url,
          table: "sale_lines",
          customersTable: "shoppers",
        },
        undefined,
        filters,
      );
      assertSameFigures(warehouseFiltered, duckFiltered);
      const lines = (m: ReportModel) => m.sales.headline.saleLines;
      assertOk(
        lines(warehouseFiltered) > 0 && lines(warehouseFiltered) < lines(duck),
        `${lines(warehouseFiltered)} of ${lines(duck)} lines`,
      );
    } finally {
      await server.stop();
    }
  },
});

/**
 * Rows each query returned: a streamed query's FETCHes from its cursor
 * (`FETCH FORWARD n FROM basket_cursor_N`) added up as one query.
 */
function queryRowCounts(log: QueryLog): number[] {
  const counts: number[] = [];
  const cursors = new Map<string, number>();
  log.sql.forEach((sql, i) => {
    const cursor = /^FETCH FORWARD \d+ FROM (basket_cursor_\d+)$/.exec(sql);
    if (!cursor && sql.startsWith("FETCH")) {
      throw new Error(`Cannot tell the cursor of ${JSON.stringify(sql)}`);
    }
    if (!cursor) counts.push(log.rows[i]);
    else cursors.set(cursor[1], (cursors.get(cursor[1]) ?? 0) + log.rows[i]);
  });
  return [...counts, ...cursors.values()];
}

/**
 * Above the bound, the clusters are fitted on a seeded sample and every
 * customer is assigned in batches by customer id range: the same on the
 * warehouse as on DuckDB (the report itself stays under the bound here).
 */
async function assertSameSampledClusters(
  url: string,
  duck: Dataset,
): Promise<void> {
  const { dataset } = await openSource({
    data: url,
    table: "public.sales",
    customersTable: "public.customers",
  });
  try {
    const options = { seed: 5, sampleAbove: 500, assignBatch: 700 };
    const fromWarehouse = await clusterCustomers(dataset, options);
    const fromDuck = await clusterCustomers(duck, options);
    assertEquals(fromDuck.fitSample, 500);
    assertOk(fromDuck.customers > 5_000, `${fromDuck.customers} customers`);
    assertEquals(fromWarehouse, fromDuck);
  } finally {
    closeDataset(dataset);
  }
}

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
      try {
        await assertSameSampledClusters(server.url, local.dataset);
      } finally {
        closeDataset(local.dataset);
      }
      assertOk(lines > 180_000, `${lines} lines`);
      const duck = await report(simulated);
      const log = queryLog();
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
      const largest = Math.max(...queryRowCounts(log));
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
