import { NUMERIC_DATE } from "./parse_date.ts";
import type { DateOrder } from "./parse_date.ts";

/** What the dates of one column say about their order. */
export type DateOrderEvidence =
  | { order: DateOrder }
  /** No date has a part above 12: `03/04/2024` could be either. */
  | { order: "ambiguous" }
  /** Some dates are day first and others month first. */
  | { order: "mixed"; dayFirst: string; monthFirst: string }
  /** No `dd-mm-yyyy`-like date at all (ISO only, or none). */
  | { order: "none" };

/**
 * Decides whether a column's `nn/nn/yyyy` dates are day first or month
 * first, from the largest value seen in each position across the whole
 * column. ISO dates carry no evidence.
 *
 * @example
 * ```ts
 * import { detectDateOrder } from "./detect_date_order.ts";
 * const evidence = detectDateOrder(["28-02-2014", "12/2/2014"]);
 * if (evidence.order !== "dmy") throw new Error();
 * ```
 */
export function detectDateOrder(values: Iterable<string>): DateOrderEvidence {
  let dayFirst: string | undefined;
  let monthFirst: string | undefined;
  let any = false;
  for (const value of values) {
    const match = NUMERIC_DATE.exec(value.trim());
    if (!match) continue;
    any = true;
    if (Number(match[1]) > 12) dayFirst ??= value;
    if (Number(match[2]) > 12) monthFirst ??= value;
  }
  return evidenceOf(any, dayFirst, monthFirst);
}

/** Combines the evidence found (also by a query) into a verdict. */
export function evidenceOf(
  any: boolean,
  dayFirst: string | undefined | null,
  monthFirst: string | undefined | null,
): DateOrderEvidence {
  if (dayFirst && monthFirst) return { order: "mixed", dayFirst, monthFirst };
  if (dayFirst) return { order: "dmy" };
  if (monthFirst) return { order: "mdy" };
  return { order: any ? "ambiguous" : "none" };
}
