import { assertEquals } from "../../assert.ts";
import {
  closeDataset,
  openDatabase,
  queryRows,
} from "../../../src/source/dataset.ts";
import { loadSource } from "../../../src/source/load_source.ts";
import { loadError, withFiles } from "../source_files.ts";

/**
 * Writes each query's result with DuckDB as `<name>.parquet` in a new
 * temporary folder, runs `fn` on the folder, and removes it.
 */
async function withParquet<T>(
  queries: Record<string, string>,
  fn: (dir: string) => Promise<T>,
): Promise<T> {
  return await withFiles({}, async (dir) => {
    const connection = await openDatabase();
    try {
      for (const [name, query] of Object.entries(queries)) {
        await connection.run(
          `COPY (${query}) TO '${dir}/${name}.parquet' (FORMAT parquet)`,
        );
      }
    } finally {
      connection.closeSync();
    }
    return await fn(dir);
  });
}

/** Sale lines with `date`, `category` and `amount` as given, in order. */
const sales = (...rows: [string, string, string][]) =>
  `SELECT * FROM (VALUES ${
    rows.map((r) => `(${r.join(", ")})`).join(", ")
  }) t(date, category, amount)`;

/** The message of the InputError that loading the folder throws. */
async function parquetError(queries: Record<string, string>) {
  return await withParquet(
    queries,
    (dir) => loadError({}, () => dir).then((m) => m.replaceAll(dir, "DIR")),
  );
}

const GOOD: [string, string, string] = ["DATE '2024-01-01'", "'Books'", "3.5"];

Deno.test("loadSource() reads a Parquet file of sale lines and its customers", async () => {
  await withParquet({
    sales: sales(GOOD, ["DATE '2024-01-02'", "'Music'", "-2.0"]),
    customers:
      `SELECT 'C1' AS customer_id, DATE '1980-05-06' AS birth_date, 'F' AS gender`,
  }, async (dir) => {
    const { dataset, report } = await loadSource({ path: dir });
    assertEquals(report.rowsRead, 2);
    assertEquals(
      await queryRows(dataset, "SELECT date, category, amount FROM sales"),
      [
        { date: "2024-01-01", category: "Books", amount: 3.5 },
        { date: "2024-01-02", category: "Music", amount: -2 },
      ],
    );
    assertEquals(await queryRows(dataset, "SELECT * FROM customers"), [
      { customer_id: "C1", birth_date: "1980-05-06", gender: "F", city: null },
    ]);
    closeDataset(dataset);
  });
});

Deno.test("loadSource() refuses NaN and infinite numbers in Parquet, naming file, row, column and value", async () => {
  assertEquals(
    await parquetError({
      sales: sales(GOOD, ["DATE '2024-01-02'", "'Books'", "'NaN'::DOUBLE"]),
    }),
    'Cannot read sales "DIR/sales.parquet": row 2, column "amount": "nan" is not a finite number',
  );
  assertEquals(
    await parquetError({
      sales: sales(GOOD, GOOD, [
        "DATE '2024-01-02'",
        "'Books'",
        "'-Infinity'::DOUBLE",
      ]),
    }),
    'Cannot read sales "DIR/sales.parquet": row 3, column "amount": "-inf" is not a finite number',
  );
  assertEquals(
    await parquetError({
      sales: sales(GOOD, ["DATE '2024-01-02'", "'Books'", "'1e15'::DOUBLE"]),
    }),
    'Cannot read sales "DIR/sales.parquet": row 2, column "amount": "1000000000000000.0" is too large: numbers must be below 100,000,000,000 (10^11) in magnitude',
  );
});

Deno.test("loadSource() refuses a date in Parquet outside 1900-01-01..2099-12-31 and says the rule", async () => {
  assertEquals(
    await parquetError({
      sales: sales(GOOD, ["DATE '0001-01-01'", "'Books'", "3.0"]),
    }),
    'Cannot read sales "DIR/sales.parquet": row 2, column "date": "0001-01-01" is not a plausible date: Basket reads 1900-01-01 to 2099-12-31',
  );
  assertEquals(
    await parquetError({
      sales: sales(GOOD),
      customers:
        `SELECT * FROM (VALUES ('C1', DATE '1980-05-06'), ('C2', DATE '2100-01-01')) t(customer_id, birth_date)`,
    }),
    'Cannot read customers "DIR/customers.parquet": row 2, column "birth_date": "2100-01-01" is not a plausible date: Basket reads 1900-01-01 to 2099-12-31',
  );
});

Deno.test("loadSource() names the row of a Parquet value that is not of its column's type, never DuckDB's text", async () => {
  assertEquals(
    await parquetError({
      sales: sales(
        ["DATE '2024-01-01'", "'Books'", "'3.5'"],
        ["DATE '2024-01-01'", "'Books'", "'three'"],
      ),
    }),
    'Cannot read sales "DIR/sales.parquet": row 2, column "amount": "three" is not a number',
  );
  assertEquals(
    await parquetError({
      sales: sales(["'2024-01-01'", "'Books'", "3.5"], [
        "'yesterday'",
        "'Books'",
        "3.5",
      ]),
    }),
    'Cannot read sales "DIR/sales.parquet": row 2, column "date": "yesterday" is not a date',
  );
  assertEquals(
    await parquetError({ sales: sales(["TRUE", "'Books'", "3.5"]) }),
    'Cannot read sales "DIR/sales.parquet": row 1, column "date": "true" is not a date: the column holds BOOLEAN values',
  );
});

Deno.test("loadSource() names the row of an empty required value in Parquet, and a missing column", async () => {
  assertEquals(
    await parquetError({
      sales: sales(GOOD, ["DATE '2024-01-02'", "'Books'", "NULL"]),
    }),
    'Cannot read sales "DIR/sales.parquet": row 2, column "amount": "" is empty',
  );
  assertEquals(
    await parquetError({ sales: `SELECT DATE '2024-01-01' AS date` }),
    'Cannot read sales "DIR/sales.parquet": lacks "category", "amount"',
  );
});
