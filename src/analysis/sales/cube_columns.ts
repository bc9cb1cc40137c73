import { round6 } from "../../stats/round6.ts";

/** Text in byte order (UTF-8 bytes compare as code points), as DuckDB sorts it. */
export function byCodePoint(a: string, b: string): number {
  if (a === b) return 0;
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    if (x[i] !== y[i]) return x[i].codePointAt(0)! - y[i].codePointAt(0)!;
  }
  return x.length - y.length;
}

/**
 * Rows with each dimension's label replaced by its index in the
 * dictionary, sorted by `first` (text) and then every index and number, as
 * `ORDER BY ALL` sorted them when SQL did this. The sort keys are read once
 * into typed arrays, and the rows' order sorted by them: the same order as
 * comparing the rows' fields, without converting them on every comparison.
 */
export function indexed(
  rows: Record<string, unknown>[],
  dims: Record<string, string[]>,
  names: readonly string[],
  numbers: readonly string[] = [],
  first?: string,
): Record<string, unknown>[] {
  for (const name of names) {
    const index = new Map(dims[name].map((v, i) => [v, i]));
    for (const row of rows) row[name] = index.get(String(row[name]));
  }
  return sortRows(rows, [...names, ...numbers], first);
}

/**
 * Rows sorted by `first` (text) and then by each of `numbers`, as
 * {@linkcode indexed} sorts them, for rows whose labels already came as
 * their indices.
 */
export function sortRows(
  rows: Record<string, unknown>[],
  numbers: readonly string[],
  first?: string,
): Record<string, unknown>[] {
  const keys = numbers.map((key) =>
    Float64Array.from(rows, (row) => Number(row[key]))
  );
  const texts = first ? rows.map((row) => String(row[first])) : null;
  const order = Array.from(rows, (_, i) => i);
  order.sort((a, b) => {
    if (texts) {
      const byText = byCodePoint(texts[a], texts[b]);
      if (byText !== 0) return byText;
    }
    for (const key of keys) {
      const d = key[a] - key[b];
      if (d !== 0) return d;
    }
    return 0;
  });
  return order.map((i) => rows[i]);
}

/**
 * Sums rounded to 6 decimals, as the SQL analyses round theirs: the same
 * data gives the same cube whatever the summation order, and the page
 * carries 1234.56 rather than 1234.5600000000002 (a tenth of the cube's
 * bytes at a million lines).
 */
export const ROUNDED_MEASURES: ReadonlySet<string> = new Set([
  "net",
  "gross",
  "returns",
  "quantity",
  "gallons",
  "basketNet",
  "gallonsNet",
]);

/**
 * The named columns of rows as numbers, those in `rounded` rounded to 6
 * decimals: the cube's columnar form.
 */
export function readColumns(
  rows: Record<string, unknown>[],
  names: readonly string[],
  rounded: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  const out: Record<string, unknown> = { length: rows.length };
  for (const name of names) {
    out[name] = rounded.has(name)
      ? rows.map((row) => round6(Number(row[name])))
      : rows.map((row) => Number(row[name]));
  }
  return out;
}

/** The named columns of rows as numbers. */
export function columns(
  rows: Record<string, unknown>[],
  names: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { length: rows.length };
  for (const name of names) out[name] = rows.map((row) => Number(row[name]));
  return out;
}
