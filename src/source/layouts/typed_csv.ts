import type { DuckDBConnection } from "@duckdb/node-api";
import { type ColumnMapping, resolveMapping } from "../column_mapping.ts";
import { fieldChecks, fieldValueSql } from "../field_sql.ts";
import { NUMERIC_DATE } from "../parse_date.ts";
import { scanFile } from "../prepare_csv.ts";
import { type CsvHead, readCsvHead, readCsvSql } from "../stage_csv.ts";
import { sqlIdentifier, sqlString } from "../../model/sql_string.ts";
import { csvLayout } from "./detect_layout.ts";
import type { LayoutContext, LayoutLoad } from "./layout_load.ts";
import { mappedFields, salesSelect } from "./mapped_fields.ts";

/**
 * Reads a sales CSV into `sales` in one pass, without staging its text:
 * DuckDB's reader streams each line's fields into the conversions and
 * checks of the checked path (field_sql.ts: the same SQL), and straight
 * into the table. Meanwhile the file's shape is scanned as the checked path
 * scans it (CsvScanner), without keeping anything.
 *
 * This path is tried first for every sales CSV, and its result is kept
 * only when all of these hold: the file is read as UTF-8 (no `--encoding`
 * other than utf-8, no byte order mark of another encoding) and its fields
 * are not apart by whitespace; its header matches a layout and the mapping
 * resolves; the scan finds it regular (no blank line, no record over
 * several lines, one kind of line ending, no bad record) and valid UTF-8;
 * no value breaks a rule (an empty required value, a number or date that
 * does not read, an implausible date, a number out of bounds); no date is
 * written `nn/nn/yyyy` unless `--date-format` gives the order; and it has
 * at least one line. On such a file the checked path reads the same text
 * (DuckDB's reader with the same options on the same file), converts it
 * with the same SQL, keeps every line, and inserts them in the file's
 * order: the tables are the same. Otherwise the insert is rolled back and
 * this returns null, and the caller reads the file through the checked
 * path, which names the file, row, column and value of what is wrong (or
 * rejects the row, with `--on-bad-rows skip`).
 */
export async function loadTypedCsv(
  ctx: LayoutContext,
  file: string,
  map: ColumnMapping | undefined,
): Promise<LayoutLoad | null> {
  if (ctx.typed === false) return null;
  let head: CsvHead;
  let resolved: ColumnMapping;
  try {
    head = await readCsvHead(file, {
      what: "sales",
      encoding: ctx.encoding,
      header: ctx.header,
      delimiter: ctx.delimiter,
    });
    if (head.encoding.encoding !== "utf-8" || head.delimiter === "whitespace") {
      return null;
    }
    const layout = csvLayout(head.headers, map);
    if (!layout) return null;
    resolved = resolveMapping(head.headers, layout.mapping, file, {
      header: head.header,
    });
    const { connection } = ctx;
    await connection.run("BEGIN TRANSACTION");
    // A failed insert stops the scan: the checked path scans the file again.
    const stop = new AbortController();
    const [regular, inserted] = await Promise.all([
      scanFile(
        file,
        { what: "sales", onBadRows: "fail", ...head },
        head.encoding,
        undefined,
        stop.signal,
      ).then((shape) => shape.regular && shape.problems.length === 0)
        .catch(() => false),
      connection.run(insertSql(file, head, resolved, ctx)).then(
        () => true,
        () => {
          stop.abort();
          return false;
        },
      ),
    ]);
    const rows = regular && inserted ? await countSales(connection) : 0;
    if (rows === 0) {
      await connection.run("ROLLBACK");
      return null;
    }
    await connection.run("COMMIT");
    await connection.run(
      `INSERT INTO csv_files VALUES (${sqlString(file)}, 'utf-8', ${
        sqlString(head.encoding.how)
      })`,
    );
    // The lines as text, read again only to count the repeated ones.
    await connection.run(
      `CREATE OR REPLACE TEMP VIEW raw_sales AS SELECT * FROM ${
        readCsvSql(file, { ...head, columns: textColumns(head.headers) })
      }`,
    );
    return {
      kind: layout.kind,
      files: [file],
      rowsRead: rows,
      salesTable: "raw_sales",
      salesColumns: head.headers,
      dateOrders: {
        [`${file}:${resolved.date}`]: resolved.date === undefined
          ? undefined!
          : ctx.dateFormat ?? "iso",
      },
      columns: Object.entries(resolved).map(([field, column]) => ({
        field,
        file,
        column: column!,
      })),
    };
  } catch {
    await ctx.connection.run("ROLLBACK").catch(() => {});
    return null;
  }
}

/** Every column of the file as VARCHAR, as DuckDB's reader takes them. */
function textColumns(headers: readonly string[]): string {
  return `{${headers.map((h) => `${sqlString(h)}: 'VARCHAR'`).join(", ")}}`;
}

/**
 * The INSERT that reads the file into `sales`, in three levels as
 * convertFields does (the text trimmed; the values; the first rule a line
 * breaks), failing with DuckDB's error() at the first line that breaks one.
 */
function insertSql(
  file: string,
  head: CsvHead,
  resolved: ColumnMapping,
  ctx: LayoutContext,
): string {
  const fields = mappedFields(resolved);
  const inputs: string[] = [];
  const values: string[] = [];
  const bad: string[] = [];
  for (const [i, field] of fields.entries()) {
    const text = `__t${i}`;
    inputs.push(`trim(${sqlIdentifier(field.column)}) AS ${text}`);
    values.push(
      `${fieldValueSql(field, text, ctx.dateFormat)} AS ${
        sqlIdentifier(field.name)
      }`,
    );
    const rules = fieldChecks(field, text);
    if (rules.required) bad.push(rules.required.bad);
    bad.push(...rules.checks.map((c) => c.bad));
    if (field.kind === "date" && ctx.dateFormat === undefined) {
      // The checked path decides the order of such dates from the whole
      // column (or finds them ambiguous): leave them to it.
      bad.push(
        `regexp_full_match(${text}, ${sqlString(NUMERIC_DATE.source)})`,
      );
    }
  }
  const names = fields.map((f) => sqlIdentifier(f.name));
  const read = readCsvSql(file, {
    ...head,
    columns: textColumns(head.headers),
  });
  const rule = `CASE ${
    bad.map((b, at) => `WHEN ${b} THEN ${at}`).join(" ")
  } END`;
  return `INSERT INTO sales SELECT ${
    salesSelect(resolved).join(", ")
  } FROM (SELECT ${names.join(", ")}, ${rule} AS __bad FROM (SELECT ${
    fields.map((_, i) => `__t${i}`).join(", ")
  }, ${values.join(", ")} FROM (SELECT ${
    inputs.join(", ")
  } FROM ${read}))) WHERE CASE WHEN __bad IS NULL THEN true ELSE error('a value breaks a loading rule') END`;
}

async function countSales(connection: DuckDBConnection): Promise<number> {
  const reader = await connection.runAndReadAll(
    `SELECT count(*)::INTEGER FROM sales`,
  );
  return Number(reader.getRows()[0][0]);
}
