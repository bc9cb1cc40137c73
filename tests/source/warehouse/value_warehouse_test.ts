/**
 * The value stage on a PostgreSQL warehouse: its histories table, the
 * seeded sample its fit uses above the bound (the same customers), and the
 * figures summed from its stream, the same as on DuckDB (to 1e-9 relative,
 * as the whole report's). The database sorts text by language
 * (ICU en-US) and half the customer ids are lower case, so that the
 * customers' byte order (which the sample's positions and the sums'
 * order rest on) is tested too.
 */
import {
  readCustomerGroups,
  uploadCustomerTable,
} from "../../../src/analysis/segments/customer_table.ts";
import {
  historiesTable,
  readHistories,
} from "../../../src/analysis/segments/purchase_histories.ts";
import { customerFigures } from "../../../src/pipeline/customer_figures.ts";
import { customerValueFigures } from "../../../src/pipeline/customer_value_figures.ts";
import { closeDataset, queryRows } from "../../../src/source/dataset.ts";
import { engineOf } from "../../../src/source/duckdb_engine.ts";
import { openSource } from "../../../src/source/open_source.ts";
import { assertEquals, assertOk } from "../../assert.ts";
import { copyDataset, startPostgres } from "./pg_server.ts";
import { differences, modelFigure } from "./warehouse_run.ts";

Deno.test({
  name:
    "the value stage's sampled fit and streamed figures on PostgreSQL equal DuckDB's, customers in byte order",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async () => {
    const server = await startPostgres({ icu: "en-US" });
    const { dataset: duck } = await openSource({
      seed: 3,
      simulate: { lines: 12_000, days: 120 },
    });
    try {
      // C0001, c0002, C0003, ...: by byte every upper-case id comes first,
      // by language they interleave.
      for (const table of ["sales", "customers"]) {
        await engineOf(duck).run(
          `UPDATE ${table} SET customer_id = lower(customer_id)
           WHERE right(customer_id, 1) IN ('0', '2', '4', '6', '8')`,
        );
      }
      await copyDataset(server, duck, {
        sales: "sales",
        customers: "customers",
      });
      const { dataset: warehouse } = await openSource({
        data: server.url,
        table: "public.sales",
        customersTable: "public.customers",
      });
      try {
        const customers = await customerFigures(duck, { seed: 3 });
        assertOk(customers);
        const groups = await readCustomerGroups(duck, customers.table);
        const [{ last }] = await queryRows<{ last: string }>(
          duck,
          "SELECT CAST(max(date) AS VARCHAR) AS last FROM sales",
        );
        const options = {
          seed: 5,
          sampleAbove: 300,
          batchRows: 77,
          holdoutFrom: `${last.slice(0, 8)}01`,
        };
        const figures = [];
        const samples = [];
        for (const data of [duck, warehouse]) {
          const table = await uploadCustomerTable(data, groups);
          figures.push(await customerValueFigures(data, table, options));
          const histories = await historiesTable(data, { name: "check" });
          samples.push(
            (await readHistories(data, histories, {
              sample: { size: 300, seed: 5 },
            })).customers,
          );
        }
        const [fromDuck, fromWarehouse] = figures;
        assertOk(fromDuck.fitted, JSON.stringify(fromDuck));
        assertEquals(fromDuck.fitSample, 300);
        assertEquals(fromDuck.holdout?.fitSample, 300);
        assertOk(fromDuck.customers > 300);
        // The models' inputs are divisions of day counts, rounded once
        // more on the warehouse: the figures agree to 1e-9 relative.
        assertEquals(
          differences(fromWarehouse, fromDuck, "value", modelFigure),
          [],
        );
        assertEquals(samples[1], samples[0]);
        const ids = samples[0];
        assertOk(ids.some((id) => id.startsWith("c")), ids.join());
        assertEquals(ids, [...ids].sort((a, b) => a < b ? -1 : a > b ? 1 : 0));
        // Below the bound too (every customer fitted).
        const tables = [
          await uploadCustomerTable(duck, groups),
          await uploadCustomerTable(warehouse, groups),
        ];
        assertEquals(
          differences(
            await customerValueFigures(warehouse, tables[1], { seed: 5 }),
            await customerValueFigures(duck, tables[0], { seed: 5 }),
            "value",
            modelFigure,
          ),
          [],
        );
      } finally {
        closeDataset(warehouse);
      }
    } finally {
      closeDataset(duck);
      await server.stop();
    }
  },
});
