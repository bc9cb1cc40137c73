/** A typed array filled one value at a time, for a count not known ahead. */
export interface GrowingColumn<T extends Float64Array | Int32Array> {
  push(value: number): void;
  /** The values pushed, in a typed array of their exact length. */
  done(): T;
}

/**
 * A typed array that doubles as values are pushed: rows read in batches
 * become columns without an object per row, whatever their number.
 *
 * @example
 * ```ts
 * import { growingColumn } from "./growing_column.ts";
 * const column = growingColumn((n) => new Int32Array(n), 2);
 * for (const v of [3, 1, 4, 1, 5]) column.push(v);
 * if (column.done().join() !== "3,1,4,1,5") throw new Error("bad column");
 * ```
 */
export function growingColumn<T extends Float64Array | Int32Array>(
  make: (length: number) => T,
  initial = 1_024,
): GrowingColumn<T> {
  let values = make(Math.max(1, initial));
  let length = 0;
  return {
    push(value) {
      if (length === values.length) {
        const next = make(2 * length);
        next.set(values);
        values = next;
      }
      values[length++] = value;
    },
    done: () => values.slice(0, length) as T,
  };
}
