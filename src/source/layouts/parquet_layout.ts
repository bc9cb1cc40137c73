import { InputError } from "../../model/input_error.ts";
import { SALES_COLUMNS } from "../../model/schema.ts";
import { sqlString } from "../../model/sql_string.ts";
import type { LayoutContext, LayoutLoad } from "./layout_load.ts";

/**
 * Reads a Parquet file of sale lines in Basket's own columns, each cast to
 * the data model's type. Throws an InputError for a file DuckDB cannot
 * read, a required column it lacks, or the first row with a required value
 * empty (Parquet rows are never skipped).
 */
export async function loadParquet(
  ctx: LayoutContext,
  salesFile: string,
): Promise<LayoutLoad> {
  const { connection } = ctx;
  try {
    await connection.run(
      `CREATE OR REPLACE TEMP TABLE raw_sales AS SELECT * FROM read_parquet(${
        sqlString(salesFile)
      })`,
    );
  } catch (error) {
    throw new InputError({
      what: "sales",
      file: salesFile,
      problem: `is not a readable Parquet file: ${
        (error as Error).message.split("\n")[0]
      }`,
    });
  }
  const columns =
    (await connection.runAndReadAll(`SELECT * FROM raw_sales LIMIT 0`))
      .columnNames();
  const missing = SALES_COLUMNS.filter((c) =>
    c.required && !columns.includes(c.name)
  );
  if (missing.length) {
    throw new InputError({
      what: "sales",
      file: salesFile,
      problem: `lacks ${missing.map((c) => JSON.stringify(c.name)).join(", ")}`,
    });
  }
  const bad = await connection.runAndReadAll(
    `SELECT row_number() OVER () AS r, * FROM raw_sales QUALIFY ${
      SALES_COLUMNS.filter((c) => c.required).map((c) => `${c.name} IS NULL`)
        .join(" OR ")
    } LIMIT 1`,
  );
  const first = bad.getRowObjectsJS()[0];
  if (first) {
    const column = SALES_COLUMNS.find((c) =>
      c.required && first[c.name] === null
    )!.name;
    throw new InputError({
      what: "sales",
      file: salesFile,
      row: Number(first.r),
      column,
      value: "",
      problem: "is empty",
    });
  }
  await connection.run(
    `INSERT INTO sales SELECT ${
      SALES_COLUMNS.map((c) =>
        columns.includes(c.name) ? `CAST(${c.name} AS ${c.type})` : "NULL"
      ).join(", ")
    } FROM raw_sales`,
  );
  const rows = Number(
    (await connection.runAndReadAll(`SELECT count(*) FROM raw_sales`))
      .getRows()[0][0],
  );
  return {
    kind: "basket",
    files: [salesFile],
    rowsRead: rows,
    salesTable: "raw_sales",
    salesColumns: columns,
    dateOrders: {},
    columns: SALES_COLUMNS.filter((c) => columns.includes(c.name)).map((c) => ({
      field: c.name,
      file: salesFile,
      column: c.name,
    })),
  };
}
