/**
 * The short list of what differs between DuckDB's SQL and PostgreSQL's,
 * as docs/warehouse.md states it: each form the queries use gives the same
 * rows on both engines, and each form they avoid fails on PostgreSQL. The
 * server's database sorts text by language (ICU en-US), as many
 * warehouses do, so that the byte order of the `sales` view is tested too.
 */
import { createDataset, type Dataset } from "../../../src/source/dataset.ts";
import { closeDataset, queryRows } from "../../../src/source/dataset.ts";
import { openWarehouse } from "../../../src/source/warehouse/open_warehouse.ts";
import { engineOf } from "../../../src/source/duckdb_engine.ts";
import { assertEquals, assertRejects } from "../../assert.ts";
import { saleLine } from "../../analysis/sale_line.ts";
import { startPostgres } from "./pg_server.ts";

const LINES = [
  saleLine({
    date: "2024-01-03",
    store: "a",
    category: "Books",
    amount: 10,
    transaction_id: "T1",
  }),
  saleLine({
    date: "2024-01-04",
    store: "B",
    category: "Toys",
    amount: -2.5,
    transaction_id: "T1",
  }),
  saleLine({
    date: "2024-02-01",
    store: "_c",
    category: "Books",
    amount: 4,
    transaction_id: "T2",
  }),
];

/** The forms the queries use: the same rows from both engines. */
const SHARED: { what: string; sql: string; params?: (string | number)[] }[] = [
  {
    what: "parameters as ?",
    sql: "SELECT count(*) AS n FROM sales WHERE store = ? AND date >= ?::DATE",
    params: ["a", "2024-01-01"],
  },
  {
    what: "a date as text: CAST(date AS VARCHAR), not strftime",
    sql: "SELECT CAST(min(date) AS VARCHAR) AS d FROM sales",
  },
  {
    what: "a month: left(CAST(date AS VARCHAR), 7)",
    sql:
      "SELECT DISTINCT left(CAST(date AS VARCHAR), 7) AS m FROM sales ORDER BY m",
  },
  {
    what: "a week's Monday: date_trunc of a TIMESTAMP, cast to DATE",
    sql:
      "SELECT DISTINCT CAST(date_trunc('week', CAST(date AS TIMESTAMP)) AS DATE) AS w FROM sales ORDER BY w",
  },
  {
    what: 'text sorts byte by byte (the view\'s COLLATE "C")',
    sql: "SELECT store FROM sales ORDER BY store",
  },
  {
    what: "GROUP BY positions, not GROUP BY ALL",
    sql:
      "SELECT category, sum(amount) AS total FROM sales GROUP BY 1 ORDER BY 1",
  },
  {
    what: "aggregate FILTER, bool_or, count(DISTINCT)",
    sql:
      "SELECT count(*) FILTER (WHERE amount < 0) AS r, bool_or(amount > 5) AS big, count(DISTINCT transaction_id) AS t FROM sales",
  },
  {
    what:
      "a category's bit: CASE with bound names and bit_or, not list_position",
    sql:
      "SELECT CAST(bit_or(CASE category WHEN ? THEN 1 WHEN ? THEN 2 END) AS INTEGER) AS mask FROM sales",
    params: ["Books", "Toys"],
  },
  {
    what: "a subquery in FROM with an alias",
    sql: "SELECT count(*) AS n FROM (SELECT DISTINCT store FROM sales) AS s",
  },
  {
    what: "a month's number: extract, cast to INTEGER, not year() and month()",
    sql:
      "SELECT DISTINCT CAST(extract(year FROM date) AS INTEGER) * 12 + CAST(extract(month FROM date) AS INTEGER) - 1 AS m FROM sales ORDER BY m",
  },
  {
    what: "the first of each group: row_number() = 1, not first() or arg_min()",
    sql:
      "SELECT category, store FROM (SELECT category, store, row_number() OVER (PARTITION BY category ORDER BY amount DESC, store) AS r FROM sales) AS ranked WHERE r = 1 ORDER BY category",
  },
  {
    what: "::DOUBLE PRECISION, not ::DOUBLE",
    sql: "SELECT count(*)::DOUBLE PRECISION / 3 AS x FROM sales",
  },
  {
    what: "sums of amounts, exact decimals on both engines",
    sql: "SELECT sum(amount) AS total, min(amount) AS low FROM sales",
  },
  {
    what:
      "temporary tables: CREATE TEMP TABLE after DROP TABLE IF EXISTS (no CREATE OR REPLACE TABLE)",
    sql: "SELECT count(*) AS n FROM sales",
  },
];

/** The forms the queries avoid: DuckDB's own, which PostgreSQL refuses. */
const DUCKDB_ONLY = [
  "SELECT category, sum(amount) FROM sales GROUP BY ALL",
  "SELECT strftime(date, '%Y-%m') FROM sales",
  "SELECT list_position(['Books', 'Toys'], category) FROM sales",
  "SELECT count(*) FROM (SELECT DISTINCT store FROM sales)",
  "SELECT sum(hash(store)) FROM sales",
  "CREATE OR REPLACE TEMP TABLE t AS SELECT 1 AS x",
  "SELECT year(date) FROM sales",
  "SELECT first(store ORDER BY store) FROM sales",
  "SELECT arg_min(store, date) FROM sales",
  "SELECT amount::DOUBLE FROM sales",
];

Deno.test({
  name:
    "the queries' shared SQL gives the same rows on DuckDB and PostgreSQL, and DuckDB's own forms fail on PostgreSQL",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async (t) => {
    const server = await startPostgres({ icu: "en-US" });
    let duck: Dataset | null = null;
    try {
      await server.sql(
        "CREATE TABLE lines (date date, store text, category text, amount double precision, transaction_id text)",
      );
      for (const l of LINES) {
        await server.sql("INSERT INTO lines VALUES ($1, $2, $3, $4, $5)", [
          l.date,
          l.store,
          l.category,
          l.amount,
          l.transaction_id,
        ]);
      }
      // The database itself sorts by language: "a" before "B".
      assertEquals(
        (await server.sql("SELECT store FROM lines ORDER BY store")).map((r) =>
          r.store
        ),
        ["_c", "a", "B"],
      );
      duck = await createDataset({ sales: LINES });
      const { dataset } = await openWarehouse({
        url: server.url,
        table: "lines",
      });
      try {
        for (const c of SHARED) {
          await t.step(c.what, async () => {
            assertEquals(
              await queryRows(dataset, c.sql, c.params),
              await queryRows(duck!, c.sql, c.params),
            );
          });
        }
        await t.step("temporary tables from rows in memory", async () => {
          for (const data of [dataset, duck!]) {
            const engine = engineOf(data);
            await engine.createTempTable("groups", [{
              name: "id",
              type: "VARCHAR",
            }, { name: "v", type: "DOUBLE" }], [["x", 1.5], ["y", null]]);
            await engine.createTempTable("groups", [{
              name: "id",
              type: "VARCHAR",
            }, { name: "v", type: "DOUBLE" }], [["z", 2]]);
            assertEquals(await engine.query("SELECT id, v FROM groups"), [{
              id: "z",
              v: 2,
            }]);
          }
        });
        await t.step(
          "a temporary table made from a query and dropped leaves a permanent table of its name alone",
          async () => {
            await server.sql("CREATE TABLE kept AS SELECT 1 AS v");
            await engineOf(duck!).run("CREATE TABLE kept AS SELECT 1 AS v");
            for (const data of [dataset, duck!]) {
              const engine = engineOf(data);
              const v = async () =>
                (await engine.query<{ v: number }>("SELECT v FROM kept"))[0].v;
              // No temporary table of that name yet: the permanent one stays.
              await engine.dropTempTable("kept");
              assertEquals(await v(), 1);
              await engine.createTempTableAs("kept", "SELECT ? + 1 AS v", [1]);
              assertEquals(await v(), 2);
              await engine.createTempTableAs("kept", "SELECT 3 AS v");
              assertEquals(await v(), 3);
              await engine.dropTempTable("kept");
              assertEquals(await v(), 1);
            }
          },
        );
        await t.step(
          "temporary tables from rows made one at a time, in batches, or none",
          async () => {
            function* rows(n: number) {
              for (let i = 0; i < n; i++) yield [`c${i}`, i];
            }
            async function* later(n: number) {
              for (let i = 0; i < n; i++) {
                if (i % 5000 === 0) await Promise.resolve();
                yield [`c${i}`, i];
              }
            }
            for (const data of [dataset, duck!]) {
              const engine = engineOf(data);
              const columns = [
                { name: "id", type: "VARCHAR" },
                { name: "n", type: "INTEGER" },
              ] as const;
              // Two full INSERT batches of the warehouse and a part of one,
              // from a generator and from an async one (a file being read).
              for (const made of [rows(25_001), later(25_001)]) {
                await engine.createTempTable("made", columns, made);
                assertEquals(
                  await engine.query(
                    "SELECT count(*) AS c, sum(n) AS s, max(id) AS m FROM made",
                  ),
                  [{ c: 25_001, s: 25_000 * 25_001 / 2, m: "c9999" }],
                );
              }
              await engine.createTempTable("made", columns, rows(0));
              assertEquals(
                await engine.query("SELECT count(*) AS c FROM made"),
                [{ c: 0 }],
              );
            }
          },
        );
        await t.step(
          "a temporary table from a query with a bound parameter",
          async () => {
            for (const data of [dataset, duck!]) {
              const engine = engineOf(data);
              await engine.run("DROP TABLE IF EXISTS picked");
              await engine.run(
                "CREATE TEMP TABLE picked AS SELECT store FROM sales WHERE amount > ?",
                [3],
              );
              assertEquals(
                await engine.query("SELECT store FROM picked ORDER BY store"),
                [{ store: "_c" }, { store: "a" }],
              );
            }
          },
        );
        for (const sql of DUCKDB_ONLY) {
          await t.step(`PostgreSQL refuses ${sql}`, async () => {
            await queryRows(duck!, sql);
            await assertRejects(() => queryRows(dataset, sql));
          });
        }
      } finally {
        closeDataset(dataset);
      }
    } finally {
      if (duck) closeDataset(duck);
      await server.stop();
    }
  },
});
