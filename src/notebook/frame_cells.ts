import type { DataFrame } from "danfojs";

/** Options for showing a DataFrame. */
export interface FrameViewOptions {
  /** Frames with more rows show their first and last rows only. Default 30. */
  maxRows?: number;
}

/** A DataFrame's cells as text, ready to lay out as a table. */
export interface FrameCells {
  columns: string[];
  /** Whether each column holds numbers (right-aligned). */
  numeric: boolean[];
  /** Each shown row: its index label and its cells; null marks a missing value. */
  rows: { index: string; cells: (string | null)[] }[];
  /** Where the omitted rows go (a row position in `rows`), or null when none are. */
  gapAt: number | null;
  shape: [rows: number, columns: number];
}

const WHOLE = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const TWO = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
const SMALL = new Intl.NumberFormat("en-US", { maximumSignificantDigits: 4 });

/**
 * A number as a table shows it: whole numbers with thousands separators,
 * others to two decimals, and values below 1 to four significant digits.
 */
export function formatCell(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return WHOLE.format(value);
  return Math.abs(value) >= 1 ? TWO.format(value) : SMALL.format(value);
}

/** The cells of a DataFrame to show: all rows, or the first and last ones. */
export function frameCells(
  frame: DataFrame,
  options: FrameViewOptions = {},
): FrameCells {
  const maxRows = options.maxRows ?? 30;
  const [rowCount, columnCount] = frame.shape as [number, number];
  const columns = (frame.columns as string[]).map(String);
  const dtypes = frame.dtypes as string[];
  const numeric = columns.map((_, j) =>
    dtypes[j] === "int32" || dtypes[j] === "float32"
  );
  const values = (rowCount ? frame.values : []) as unknown[][];
  const index = frame.index as (string | number)[];
  let shown: number[];
  let gapAt: number | null = null;
  if (rowCount > maxRows) {
    const head = Math.ceil(Math.min(maxRows, 10) / 2);
    const tail = Math.min(maxRows, 10) - head;
    shown = [
      ...Array.from({ length: head }, (_, i) => i),
      ...Array.from({ length: tail }, (_, i) => rowCount - tail + i),
    ];
    gapAt = head;
  } else shown = Array.from({ length: rowCount }, (_, i) => i);
  return {
    columns,
    numeric,
    rows: shown.map((i) => ({
      index: String(index[i]),
      cells: columns.map((_, j) => {
        const value = values[i][j];
        if (value === null || value === undefined) return null;
        if (typeof value === "number") {
          return Number.isNaN(value) ? null : formatCell(value);
        }
        return String(value);
      }),
    })),
    gapAt,
    shape: [rowCount, columnCount],
  };
}
