/**
 * No query of a warehouse report returns sale lines, whatever the data:
 * each data set is loaded into PostgreSQL twice, once as it is and once
 * with every line split into two lines that share its amount, quantity
 * and gallons. The same report is built from both. Every sum, every
 * customer, day, store, transaction and product is the same in both, so
 * a query that returns aggregates returns the same rows; a query that
 * returned lines would return twice as many. One server for the file
 * (see pg_server.ts).
 */
import { openSource } from "../../../src/source/open_source.ts";
import type { OpenSourceOptions } from "../../../src/source/open_source.ts";
import { closeDataset } from "../../../src/source/dataset.ts";
import { SALES_COLUMNS } from "../../../src/model/schema.ts";
import { sqlIdentifier } from "../../../src/model/sql_string.ts";
import type { ReportModel } from "../../../src/report/report_model.ts";
import { assertEquals, assertOk } from "../../assert.ts";
import { copyDataset, startPostgres, type TestServer } from "./pg_server.ts";
import {
  differences,
  modelFigure,
  type QueryLog,
  queryLog,
  report,
  type Same,
  toTheCent,
} from "./warehouse_run.ts";

const INVOICES = new URL("../../fixtures/invoices.csv", import.meta.url)
  .pathname;
const KAGGLE = new URL(
  "../../../../shared/datasets/retail-kaggle/",
  import.meta.url,
).pathname;

/** The columns a line's halves share between them; every other column is copied. */
const SHARED = new Set(["amount", "quantity", "gallons"]);

/**
 * Creates `split` from `table`: each line twice, the first with half its
 * amount, quantity and gallons rounded to four places, the second with
 * the rest, so that every sum is exactly the same.
 */
async function splitLines(
  server: TestServer,
  table: string,
  split: string,
): Promise<void> {
  const half = (c: string) => `round(${c} / 2, 4)`;
  const select = (part: (c: string) => string) =>
    `SELECT ${
      SALES_COLUMNS.map((c) => {
        const name = sqlIdentifier(c.name);
        return SHARED.has(c.name) ? `${part(name)} AS ${name}` : name;
      }).join(", ")
    } FROM ${sqlIdentifier(table)}`;
  await server.sql(
    `CREATE TABLE ${sqlIdentifier(split)} AS ${select(half)} UNION ALL ${
      select((c) => `${c} - ${half(c)}`)
    }`,
  );
}

/** A warehouse run: its report and what each statement returned. */
interface Run {
  model: ReportModel;
  log: QueryLog;
  /** The statements' SQL, the table's name replaced by `<lines>`. */
  sql: string[];
}

/** Builds the report from `table`, recording every statement. */
async function run(
  server: TestServer,
  table: string,
  customers: string,
): Promise<Run> {
  const log = queryLog();
  const model = await report(
    { data: server.url, table, customersTable: customers },
    log,
  );
  const name = sqlIdentifier(table);
  return {
    model,
    log,
    // The temporary tables a run keeps handles to are numbered per call in
    // the process: the same statement of two runs names another number.
    sql: log.sql.map((sql) =>
      sql.replaceAll(name, "<lines>").replace(
        /\b(basket_(?:rfm|clusters|customers))_\d+/g,
        "$1_N",
      )
    ),
  };
}

/**
 * Pairs each statement of `a` with the first one of `b`, after the last
 * paired, that has the same SQL text. `missing`: `a`'s that `b` never
 * ran; `extra`: `b`'s left unpaired.
 */
function pairStatements(a: Run, b: Run) {
  const pairs: [number, number][] = [];
  const missing: number[] = [];
  let j = 0;
  for (let i = 0; i < a.sql.length; i++) {
    const k = b.sql.indexOf(a.sql[i], j);
    if (k < 0) missing.push(i);
    else {
      pairs.push([i, k]);
      j = k + 1;
    }
  }
  const paired = new Set(pairs.map(([, k]) => k));
  const extra = b.sql.flatMap((_, k) => paired.has(k) ? [] : [k]);
  return { pairs, missing, extra };
}

const shortSql = (sql: string) => sql.replace(/\s+/g, " ").slice(0, 160);

/**
 * Asserts that each statement of `a`'s run returned the same rows in the
 * run of twice its lines, `b`: as many, and about as many characters.
 * Returns the statements only `b` ran.
 */
function assertSameRows(a: Run, b: Run): number[] {
  assertEquals(b.log.lines, 2 * a.log.lines);
  const { pairs, missing, extra } = pairStatements(a, b);
  assertEquals(missing.map((i) => shortSql(a.log.sql[i])), []);
  const grew = pairs.flatMap(([i, k]) => {
    const [rows, chars] = [a.log.rows[i], a.log.chars[i]];
    const [rows2, chars2] = [b.log.rows[k], b.log.chars[k]];
    return rows2 === rows && chars2 <= CHARS_GROWTH * chars + 64 ? [] : [
      `${rows} -> ${rows2} rows, ${chars} -> ${chars2} characters: ${
        shortSql(a.log.sql[i])
      }`,
    ];
  });
  assertEquals(grew, []);
  // The log saw at least what the engine counted.
  const engine = a.model.data.engine!;
  assertOk(a.log.sql.length >= engine.queries, `${engine.queries} queries`);
  assertOk(
    a.log.rows.reduce((x, y) => x + y, 0) >= engine.rowsReturned,
    `${engine.rowsReturned} rows`,
  );
  assertOk(engine.queries > 20, `${engine.queries} queries`);
  assertEquals(figureDifferences(a.model, b.model), []);
  return extra;
}

/**
 * How much longer a statement's rows may grow as JSON between the runs: a
 * count of lines written with one digit more, an average of a line with
 * more decimals. Rows that held the lines themselves would double.
 */
const CHARS_GROWTH = 1.25;

/** Figures that count lines: twice as many in the split run. */
const LINE_COUNTS =
  /\.(saleLines|returnLines|anonymousLines)$|^\.data\.(rows|returns\.lines|engine\.rowsScanned)$/;

/**
 * What differs between the runs without being a sum: the table's name,
 * the lines that repeat one another, the fingerprint, the engine's counts
 * (checked statement by statement above) and the transactions of more
 * than one line.
 */
const NOT_SUMS =
  /^\.data\.(source|files\.\d+|columns\.\d+\.file|duplicates|fingerprint|engine\.(queries|rowsReturned|bytesReturned))$|^\.baskets\.multiLineTransactions$/;

/**
 * The figures of `b`, the report of `a`'s lines split in two, that are
 * not those of `a`: every sum, count of customers, transactions or days,
 * segment, cluster, cohort, basket and model figure the same (to the
 * cent), every count of lines twice `a`'s. When each of `a`'s
 * transactions held one line, `b` has baskets to look into and `a` none.
 */
function figureDifferences(a: ReportModel, b: ReportModel): string[] {
  const same: Same = (x, y, path) =>
    LINE_COUNTS.test(path)
      ? y === 2 * x
      : NOT_SUMS.test(path) || toTheCent(x, y, path) || modelFigure(x, y, path);
  const noBaskets = a.baskets?.multiLineTransactions === 0;
  return differences(a, b, "", same).filter((d) => {
    const path = d.slice(0, d.indexOf(": "));
    return !NOT_SUMS.test(path) &&
      !(noBaskets && /^\.baskets\.(note|levels\.\d+)$/.test(path));
  });
}

/**
 * Loads `source` into the server as it is and split, builds the report
 * from both and asserts that every statement returned the same rows.
 * When the split lines make a transaction of one line two, the split run
 * looks for baskets the whole one did not: those statements are checked
 * against a run of the lines split again.
 */
async function assertNoSaleLines(
  server: TestServer,
  source: OpenSourceOptions,
  name: string,
): Promise<number> {
  const local = await openSource(source);
  await copyDataset(server, local.dataset, {
    sales: name,
    customers: `${name}_customers`,
  });
  const lines = local.report.rowsRead;
  closeDataset(local.dataset);
  await splitLines(server, name, `${name}_2`);
  const customers = `${name}_customers`;
  const whole = await run(server, name, customers);
  const split = await run(server, `${name}_2`, customers);
  assertEquals(whole.log.lines, lines);
  const extra = assertSameRows(whole, split);
  if (extra.length > 0) {
    // Only the baskets the split lines make: checked on lines split again.
    assertEquals(whole.model.baskets?.multiLineTransactions, 0);
    await splitLines(server, `${name}_2`, `${name}_4`);
    const again = await run(server, `${name}_4`, customers);
    assertEquals(assertSameRows(split, again), []);
  }
  return lines;
}

Deno.test({
  name:
    "no query of a warehouse report returns sale lines: the three-file data set, 40,000 simulated lines and invoices, each split into twice as many lines, return the same rows",
  sanitizeResources: false,
  sanitizeOps: false,
  fn: async (t) => {
    const server = await startPostgres();
    try {
      await t.step("the three-file data set", async () => {
        const lines = await assertNoSaleLines(
          server,
          { data: KAGGLE },
          "kaggle",
        );
        assertEquals(lines, 23_053);
      });
      await t.step("40,000 simulated lines", async () => {
        const lines = await assertNoSaleLines(server, {
          seed: 3,
          simulate: { lines: 40_000, days: 120 },
        }, "simulated");
        assertOk(lines > 36_000, `${lines} lines`);
      });
      await t.step("invoices with product ids", async () => {
        const lines = await assertNoSaleLines(
          server,
          { data: INVOICES },
          "invoices",
        );
        assertEquals(lines, 110);
      });
    } finally {
      await server.stop();
    }
  },
});
