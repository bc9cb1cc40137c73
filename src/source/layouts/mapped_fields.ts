import type { ColumnMapping, MappedField } from "../column_mapping.ts";
import { MAPPED_FIELDS } from "../column_mapping.ts";
import type { FieldSpec } from "../field_sql.ts";
import { SALES_COLUMNS } from "../../model/schema.ts";
import { sqlIdentifier } from "../../model/sql_string.ts";

/**
 * The fields a sales CSV's resolved mapping reads: the date and the amount
 * are required, and without an amount the quantity and the unit price.
 */
export function mappedFields(resolved: ColumnMapping): FieldSpec[] {
  return (Object.entries(resolved) as [MappedField, string][]).map((
    [field, column],
  ) => ({
    name: field,
    column,
    kind: MAPPED_FIELDS[field],
    required: field === "date" || field === "amount" ||
      (!resolved.amount && (field === "quantity" || field === "unit_price")),
  }));
}

/**
 * The `sales` table's columns, in order, as SQL over the mapped fields:
 * without an amount, a line's amount is its quantity × unit price; without
 * a category, it is "Uncategorised".
 */
export function salesSelect(resolved: ColumnMapping): string[] {
  const has = (f: MappedField) => f in resolved;
  return SALES_COLUMNS.map((c) => {
    if (c.name === "amount") {
      return has("amount") ? "amount" : "quantity * unit_price";
    }
    if (c.name === "category") {
      return has("category")
        ? "coalesce(category, 'Uncategorised')"
        : "'Uncategorised'";
    }
    return has(c.name as MappedField) ? sqlIdentifier(c.name) : "NULL";
  });
}
