import type { ColumnKind } from "./table_spec.ts";
import { formatInteger, formatMoney, formatPercent } from "./format_number.ts";

const NUMBER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });

/**
 * Formats a table value for reading: money to the cent, counts with
 * thousands separators, ratios as percentages, changes with a sign; "—"
 * for a missing value.
 *
 * @example
 * ```ts
 * import { formatValue } from "./format_value.ts";
 * if (formatValue(0.125, "change") !== "+12.5%") throw new Error();
 * if (formatValue(null, "money") !== "—") throw new Error();
 * ```
 */
export function formatValue(value: unknown, kind: ColumnKind): string {
  if (value === null || value === undefined) return "—";
  if (typeof value !== "number") return String(value);
  if (!Number.isFinite(value)) return "—";
  switch (kind) {
    case "money":
      return formatMoney(value);
    case "integer":
      return formatInteger(value);
    case "percent":
      return formatPercent(value);
    case "change":
      return (value > 0 ? "+" : "") + formatPercent(value);
    case "number":
      return NUMBER.format(value);
    default:
      return String(value);
  }
}
