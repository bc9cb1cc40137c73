import { InputError } from "../model/input_error.ts";
import { normaliseHeader } from "./normalise_header.ts";

/** A field of the data model that a CSV column can feed. */
export type MappedField =
  | "date"
  | "store"
  | "city"
  | "region"
  | "channel"
  | "department"
  | "category"
  | "sub_category"
  | "customer_id"
  | "transaction_id"
  | "quantity"
  | "amount"
  | "unit_price"
  | "gallons"
  | "fuel_type"
  | "fuel_price"
  | "product"
  | "product_name";

/** Every field a `--map` may name, with its kind. */
export const MAPPED_FIELDS: Readonly<
  Record<MappedField, "date" | "number" | "text">
> = {
  date: "date",
  store: "text",
  city: "text",
  region: "text",
  channel: "text",
  department: "text",
  category: "text",
  sub_category: "text",
  customer_id: "text",
  transaction_id: "text",
  quantity: "number",
  amount: "number",
  unit_price: "number",
  gallons: "number",
  fuel_type: "text",
  fuel_price: "number",
  product: "text",
  product_name: "text",
};

const ALIASES: Record<string, MappedField> = {
  customer: "customer_id",
  transaction: "transaction_id",
  invoice: "transaction_id",
  subcategory: "sub_category",
  store_type: "channel",
  price: "unit_price",
  qty: "quantity",
  product_id: "product",
  stockcode: "product",
  stock_code: "product",
  sku: "product",
  description: "product_name",
};

/** Which source column feeds which field (source names as in the file). */
export type ColumnMapping = Partial<Record<MappedField, string>>;

/**
 * Reads `--map field=Column` flags (or a config file's `map` object entries)
 * into a mapping. Field names accept a few aliases (`customer`,
 * `transaction`, `qty`, `price`, `product_id`, `stock_code`, `sku`,
 * `description`).
 *
 * @example
 * ```ts
 * import { parseMapFlags } from "./column_mapping.ts";
 * const map = parseMapFlags(["date=InvoiceDate", "customer=CustomerID"]);
 * if (map.customer_id !== "CustomerID") throw new Error();
 * ```
 */
export function parseMapFlags(flags: readonly string[]): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const flag of flags) {
    const at = flag.indexOf("=");
    if (at <= 0 || at === flag.length - 1) {
      throw new TypeError(
        `Cannot read --map ${JSON.stringify(flag)}: expected field=Column`,
      );
    }
    const field = mappedField(flag.slice(0, at));
    mapping[field] = flag.slice(at + 1);
  }
  return mapping;
}

/** The data-model field a `--map` name stands for. */
export function mappedField(name: string): MappedField {
  const key = normaliseHeader(name);
  const field = key in MAPPED_FIELDS ? key as MappedField : ALIASES[key];
  if (!field) {
    throw new TypeError(
      `Cannot read --map ${
        JSON.stringify(name)
      }: unknown field; expected one of ${
        Object.keys(MAPPED_FIELDS).join(", ")
      }`,
    );
  }
  return field;
}

/**
 * Finds each mapped column among a file's headers (exactly, else by
 * normalised name) and returns the mapping with the headers as they stand
 * in the file. Throws an InputError when a mapped column is missing or when neither
 * `amount` nor `quantity` and `unit_price` are mapped. In a file without a
 * header (`header: false`) the columns are `1`, `2`, ...
 */
export function resolveMapping(
  headers: readonly string[],
  mapping: ColumnMapping,
  file: string,
  options: { header: boolean } = { header: true },
): ColumnMapping {
  const resolved: ColumnMapping = {};
  for (
    const [field, column] of Object.entries(mapping) as [MappedField, string][]
  ) {
    const found = headers.find((h) => h === column) ??
      headers.find((h) => normaliseHeader(h) === normaliseHeader(column));
    if (found === undefined && !options.header) {
      throw new InputError({
        what: "sales",
        file,
        column,
        problem: `is mapped to ${field} but the file has no header and ${
          headers.length === 1
            ? "1 column, numbered 1"
            : `${headers.length} columns, numbered 1 to ${headers.length}`
        }`,
      });
    }
    if (found === undefined) {
      // `--map customer=1` on a file whose first line is read as a header.
      const hint = /^[1-9][0-9]*$/.test(column)
        ? " (a file without a header needs --no-header; its columns are then numbered 1, 2, ...)"
        : "";
      throw new InputError({
        what: "sales",
        file,
        row: 1,
        column,
        problem:
          `is mapped to ${field} but is not in the file; its columns are ${
            headers.map((h) => JSON.stringify(h)).join(", ")
          }${hint}`,
      });
    }
    resolved[field] = found;
  }
  if (!resolved.date) {
    throw new TypeError(
      `Cannot read sales ${
        JSON.stringify(file)
      }: no column is mapped to date; add --map date=COLUMN`,
    );
  }
  if (!resolved.amount && !(resolved.quantity && resolved.unit_price)) {
    throw new InputError({
      what: "sales",
      file,
      problem:
        "no column is mapped to amount; map one, or map both quantity and unit_price",
    });
  }
  return resolved;
}
