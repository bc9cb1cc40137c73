const INTEGER = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const MONEY = new Intl.NumberFormat("en-US", {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const PERCENT = new Intl.NumberFormat("en-US", {
  style: "percent",
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/**
 * Formats a count with thousands separators: `23,053`.
 *
 * @example
 * ```ts
 * import { formatInteger } from "./format_number.ts";
 * if (formatInteger(23053) !== "23,053") throw new Error();
 * ```
 */
export function formatInteger(value: number): string {
  return INTEGER.format(value);
}

/** Formats money to the cent with thousands separators: `48,579,771.37`. */
export function formatMoney(value: number): string {
  return MONEY.format(Object.is(value, -0) ? 0 : value);
}

/** Formats a ratio as a percentage with one decimal: `9.4%`. */
export function formatPercent(ratio: number): string {
  return PERCENT.format(ratio);
}
