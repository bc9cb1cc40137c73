import type { ColumnMapping, MappedField } from "../column_mapping.ts";
import { MAPPED_FIELDS } from "../column_mapping.ts";
import { normaliseHeader } from "../normalise_header.ts";
import { csvLayout } from "../layouts/detect_layout.ts";
import { didYouMean } from "../../model/did_you_mean.ts";
import { InputError } from "../../model/input_error.ts";
import { sqlIdentifier } from "../../model/sql_string.ts";
import { EXACT_NUMBER, SALES_COLUMNS } from "../../model/schema.ts";
import type { ResultColumn } from "./pg_engine.ts";

/** Where the sale lines are: a table (`name` or `schema.name`) or a query. */
export interface WarehouseRelation {
  /** `sales table` or `sales query`, for messages. */
  what: string;
  /** The table's name or the query's text, for messages. */
  label: string;
  /** The relation as it goes after FROM. */
  sql: string;
}

/**
 * The relation `--table` or `--query` names, the table's name quoted as
 * identifiers (`schema.name` as two), never pasted as it stands.
 */
export function warehouseRelation(
  options: { table?: string; query?: string },
): WarehouseRelation {
  if (options.query !== undefined) {
    return {
      what: "sales query",
      label: options.query,
      sql: `(${options.query.replace(/;\s*$/, "")}) AS source`,
    };
  }
  const table = options.table!;
  return {
    what: "sales table",
    label: table,
    sql: table.split(".").map(sqlIdentifier).join("."),
  };
}

/** A mapped field with the warehouse column that feeds it. */
export interface WarehouseField {
  field: MappedField;
  column: ResultColumn;
}

/**
 * Matches the columns of the warehouse's relation to the data model's
 * fields as a CSV's headers are: through `--map`, else by the data
 * model's own names or the store-sales layout. Throws an InputError when
 * a mapped column is missing, when no layout fits, or when a column's type
 * cannot hold its field (text where a number or a date is needed).
 */
export function warehouseFields(
  relation: WarehouseRelation,
  columns: readonly ResultColumn[],
  map: ColumnMapping | undefined,
): WarehouseField[] {
  const names = columns.map((c) => c.name);
  const list = names.map((n) => JSON.stringify(n)).join(", ");
  const layout = csvLayout(names, map);
  if (!layout) {
    throw new InputError({
      what: relation.what,
      file: relation.label,
      problem:
        `the columns ${list} match no layout Basket knows; map them with --map field=Column (see docs/data.md)`,
    });
  }
  const fields: WarehouseField[] = [];
  for (
    const [field, name] of Object.entries(layout.mapping) as [
      MappedField,
      string,
    ][]
  ) {
    const column = columns.find((c) => c.name === name) ??
      columns.find((c) => normaliseHeader(c.name) === normaliseHeader(name));
    if (!column) {
      const near = didYouMean(name, names);
      throw new InputError({
        what: relation.what,
        file: relation.label,
        column: name,
        problem: `is mapped to ${field} but is not in the ${
          relation.what.split(" ")[1]
        }${
          near ? ` (did you mean ${JSON.stringify(near)}?)` : ""
        }; its columns are ${list}`,
      });
    }
    const kind = MAPPED_FIELDS[field];
    if (kind !== "text" && column.kind !== kind) {
      throw new InputError({
        what: relation.what,
        file: relation.label,
        column: column.name,
        problem: `is of type ${column.type}, which cannot hold ${field}: ${
          kind === "date"
            ? "a date, timestamp or timestamptz column is needed"
            : "a numeric column (integer, numeric, real, double precision) is needed"
        }`,
      });
    }
    fields.push({ field, column });
  }
  const has = (f: MappedField) => fields.some((x) => x.field === f);
  if (!has("date")) {
    throw new InputError({
      what: relation.what,
      file: relation.label,
      problem: "no column is mapped to date; add --map date=COLUMN",
    });
  }
  if (!has("amount") && !(has("quantity") && has("unit_price"))) {
    throw new InputError({
      what: relation.what,
      file: relation.label,
      problem:
        "no column is mapped to amount; map one, or map both quantity and unit_price",
    });
  }
  return fields;
}

/**
 * The SELECT list that turns the relation's columns into the data model's
 * `sales` columns: dates as DATE, amounts and quantities as NUMERIC(18,4)
 * (DuckDB's DECIMAL(18,4)), other numbers as DOUBLE PRECISION, text as
 * TEXT that sorts byte by byte (COLLATE "C"), as DuckDB sorts, whatever
 * the database's collation.
 */
export function salesSelect(fields: readonly WarehouseField[]): string {
  const source = new Map(
    fields.map((f) => [f.field as string, sqlIdentifier(f.column.name)]),
  );
  const number = (f: string) => `CAST(${source.get(f)} AS DOUBLE PRECISION)`;
  // DuckDB's DECIMAL(18,4): sums of amounts exact on both engines.
  const exact = (expr: string) => `CAST(${expr} AS NUMERIC(18,4))`;
  return SALES_COLUMNS.map((c) => {
    const from = source.get(c.name);
    let expr: string;
    if (c.name === "amount") {
      expr = exact(
        from
          ? source.get("amount")!
          : `${number("quantity")} * ${number("unit_price")}`,
      );
    } else if (c.name === "category") {
      expr = `coalesce(CAST(${
        from ?? "NULL"
      } AS TEXT), 'Uncategorised') COLLATE "C"`;
    } else if (c.type === "DATE") {
      expr = `CAST(${from ?? "NULL"} AS DATE)`;
    } else if (c.type === EXACT_NUMBER) {
      expr = exact(from ?? "NULL");
    } else if (c.type === "DOUBLE") {
      expr = from ? number(c.name) : "CAST(NULL AS DOUBLE PRECISION)";
    } else expr = `CAST(${from ?? "NULL"} AS TEXT) COLLATE "C"`;
    return `${expr} AS ${sqlIdentifier(c.name)}`;
  }).join(",\n  ");
}
