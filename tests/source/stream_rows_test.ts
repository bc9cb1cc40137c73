/**
 * streamRows() and each engine's stream(): the rows of a query in
 * batches, the same rows as one query gives, on DuckDB and on a
 * PostgreSQL server of the test's own (through a cursor).
 */
import {
  closeDataset,
  createDataset,
  queryRows,
  streamRows,
} from "../../src/source/dataset.ts";
import { connectPostgres } from "../../src/source/warehouse/pg_engine.ts";
import { assertEquals, assertOk, assertRejects } from "../assert.ts";
import { startPostgres } from "./warehouse/pg_server.ts";

const SERIES_DUCKDB =
  "SELECT i, 'c' || i AS id, CAST(i AS DECIMAL(18,4)) / 4 AS amount FROM range(5000) t(i) WHERE i >= ? ORDER BY i";
const SERIES_POSTGRES =
  "SELECT i, 'c' || i AS id, i::numeric(18,4) / 4 AS amount FROM generate_series(0, 4999) i WHERE i >= ? ORDER BY i";

async function collect<T>(batches: AsyncIterable<T[]>) {
  const sizes: number[] = [];
  const rows: T[] = [];
  for await (const batch of batches) {
    sizes.push(batch.length);
    rows.push(...batch);
  }
  return { sizes, rows };
}

Deno.test("streamRows() on DuckDB yields a query's rows in batches, the same rows as queryRows()", async () => {
  const data = await createDataset({ sales: [] });
  try {
    const whole = await queryRows(data, SERIES_DUCKDB, [10]);
    const streamed = await collect(streamRows(data, SERIES_DUCKDB, [10], 1000));
    assertEquals(streamed.sizes, [1000, 1000, 1000, 1000, 990]);
    assertEquals(streamed.rows, whole);
    assertEquals(whole[1], { i: 11, id: "c11", amount: 2.75 });
    const empty = await collect(streamRows(data, SERIES_DUCKDB, [9000]));
    assertEquals(empty.sizes, []);
  } finally {
    closeDataset(data);
  }
});

Deno.test({
  name:
    "the warehouse engine's stream() reads through a cursor in batches, ends its transaction and counts what it returned",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async (t) => {
    const server = await startPostgres();
    const engine = await connectPostgres(server.url);
    try {
      await t.step("the same rows as one query, in batches", async () => {
        const whole = await engine.query(SERIES_POSTGRES, [10]);
        const before = engine.stats();
        const streamed = await collect(
          engine.stream(SERIES_POSTGRES, [10], 1000),
        );
        assertEquals(streamed.sizes, [1000, 1000, 1000, 1000, 990]);
        assertEquals(streamed.rows, whole);
        assertEquals(whole[1], { i: 11, id: "c11", amount: 2.75 });
        const after = engine.stats();
        assertEquals(after.queries - before.queries, 1);
        assertEquals(after.rowsReturned - before.rowsReturned, 4990);
        assertEquals(after.largestResult, 4990);
        // No transaction is left open: a temporary table made now is
        // still there after the next statement.
        const [{ state }] = await engine.query<{ state: string }>(
          "SELECT CASE WHEN now() = statement_timestamp() THEN 'idle' ELSE 'in transaction' END AS state",
        );
        assertEquals(state, "idle");
      });

      await t.step(
        "a stream left early or broken by an error leaves the connection usable",
        async () => {
          for await (const batch of engine.stream(SERIES_POSTGRES, [0], 100)) {
            assertEquals(batch.length, 100);
            break;
          }
          await assertRejects(
            () =>
              collect(
                engine.stream(
                  "SELECT 1 / (i - 3) AS x FROM generate_series(0, 9) i",
                  [],
                  2,
                ),
              ),
            Error,
            "division by zero",
          );
          const [{ n }] = await engine.query<{ n: number }>(
            "SELECT count(*) AS n FROM generate_series(1, 7)",
          );
          assertEquals(n, 7);
        },
      );

      await t.step(
        "a stream opened while another is read is refused, and the first still ends",
        async () => {
          const sizes: number[] = [];
          for await (const outer of engine.stream(SERIES_POSTGRES, [4998], 1)) {
            sizes.push(outer.length);
            await assertRejects(
              () => collect(engine.stream(SERIES_POSTGRES, [4997], 2)),
              Error,
              "Cannot open a stream while another is being read",
            );
          }
          assertEquals(sizes, [1, 1]);
          const [{ state }] = await engine.query<{ state: string }>(
            "SELECT CASE WHEN now() = statement_timestamp() THEN 'idle' ELSE 'in transaction' END AS state",
          );
          assertOk(state === "idle", state);
        },
      );
    } finally {
      await engine.close();
      await server.stop();
    }
  },
});
