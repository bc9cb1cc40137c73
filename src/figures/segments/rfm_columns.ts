/**
 * The RFM table held as columns: one typed array per measure and score
 * instead of one object per customer, so that a table of a million
 * customers costs tens of megabytes rather than hundreds. The segment
 * figures read the columns; {@linkcode rfmRows} builds the row objects on
 * demand (for notebooks and small data).
 *
 * @module
 */
import { dateOfDay } from "../../model/calendar.ts";
import type { RfmColumns, RfmRow } from "./rfm_table.ts";

export type { RfmColumns } from "./rfm_table.ts";

/** The measures and scores one can read from either rows or columns. */
export type RfmMeasure =
  | "recency"
  | "frequency"
  | "monetary"
  | "recencyScore"
  | "frequencyScore"
  | "monetaryScore";

/**
 * One object per customer from the columns, as rfmTable's `rows` gives
 * them: fine for notebooks and small data, not for a million customers.
 *
 * @example
 * ```ts
 * import { rfmRows } from "./rfm_columns.ts";
 * const [row] = rfmRows({
 *   customerIds: ["A"], lastPurchase: Int32Array.of(19723), recency: Int32Array.of(2),
 *   frequency: Int32Array.of(3), monetary: Float64Array.of(25.5),
 *   recencyScore: Uint8Array.of(5), frequencyScore: Uint8Array.of(4), monetaryScore: Uint8Array.of(3),
 *   segment: Uint8Array.of(0), segmentNames: ["Champions"],
 * });
 * if (row.lastPurchase !== "2024-01-01" || row.rfm !== "543" || row.segment !== "Champions") {
 *   throw new Error(JSON.stringify(row));
 * }
 * ```
 */
export function rfmRows(columns: RfmColumns): RfmRow[] {
  const c = columns;
  return c.customerIds.map((customerId, i): RfmRow => ({
    customerId,
    lastPurchase: dateOfDay(c.lastPurchase[i]),
    recency: c.recency[i],
    frequency: c.frequency[i],
    monetary: c.monetary[i],
    recencyScore: c.recencyScore[i],
    frequencyScore: c.frequencyScore[i],
    monetaryScore: c.monetaryScore[i],
    rfm: `${c.recencyScore[i]}${c.frequencyScore[i]}${c.monetaryScore[i]}`,
    segment: c.segmentNames[c.segment[i]],
  }));
}

/**
 * Each customer's segment as an index into `segmentNames`, from rows or
 * columns; from rows, segments not among `names` follow them in the order met.
 */
export function rfmSegmentIndex(
  input: RfmColumns | readonly Pick<RfmRow, "segment">[],
  names: readonly string[],
): { segment: ArrayLike<number>; segmentNames: readonly string[] } {
  if (isRfmColumns(input)) return input;
  const segmentNames = [...new Set(names)];
  const index = new Map(segmentNames.map((name, i) => [name, i]));
  const segment = input.map((row) => {
    let s = index.get(row.segment);
    if (s === undefined) {
      s = segmentNames.push(row.segment) - 1;
      index.set(row.segment, s);
    }
    return s;
  });
  return { segment, segmentNames };
}

/** Whether figures got columns rather than row objects. */
export function isRfmColumns(
  input: RfmColumns | readonly unknown[],
): input is RfmColumns {
  return !Array.isArray(input);
}

/**
 * One measure of every customer, from rows or columns: the column itself,
 * or the rows' values (a copy, fine for small data).
 */
export function rfmMeasure(
  input: RfmColumns | readonly Partial<Pick<RfmRow, RfmMeasure>>[],
  key: RfmMeasure,
): ArrayLike<number> {
  return isRfmColumns(input)
    ? input[key]
    : input.map((row) => row[key] as number);
}

/** How many customers rows or columns hold. */
export function rfmCount(input: RfmColumns | readonly unknown[]): number {
  return isRfmColumns(input) ? input.customerIds.length : input.length;
}
