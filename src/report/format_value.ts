import type { NumberFormats } from "../figures/format/number_formats.ts";
import type { ColumnKind } from "./table_spec.ts";

/**
 * Formats a table value for reading, in the report's currency and locale:
 * money exactly, counts with thousands separators, ratios as percentages,
 * changes with a sign; "—" for a missing value.
 *
 * @example
 * ```ts
 * import { numberFormats } from "../figures/format/number_formats.ts";
 * import { formatValue } from "./format_value.ts";
 * const format = numberFormats({ currency: "EUR", locale: "de-DE" });
 * if (formatValue(0.125, "change", format) !== "+12,5\u00a0%") throw new Error();
 * if (formatValue(1234.5, "money", format) !== "1.234,50\u00a0€") throw new Error();
 * if (formatValue(null, "money", format) !== "—") throw new Error();
 * ```
 */
export function formatValue(
  value: unknown,
  kind: ColumnKind,
  format: NumberFormats,
): string {
  if (value === null || value === undefined) return "—";
  if (typeof value !== "number") return String(value);
  if (!Number.isFinite(value)) return "—";
  switch (kind) {
    case "money":
      return format.money(value);
    case "integer":
      return format.integer(value);
    case "percent":
      return format.percent(value);
    case "change":
      return format.change(value);
    case "number":
      return format.number(value);
    default:
      return String(value);
  }
}
