/** One row of {@linkcode holdoutComparison}: the customers with a number of calibration repeat purchases. */
export interface HoldoutRow {
  /** Calibration repeat purchases; the last row holds `atLeast` or more. */
  repeatPurchases: number;
  /** Whether the row holds every customer with `repeatPurchases` or more. */
  orMore: boolean;
  customers: number;
  /** Mean repeat purchases in the holdout period, actual and predicted. */
  actual: number;
  predicted: number;
}

/**
 * Compares predicted with actual holdout purchases by the number of
 * calibration repeat purchases (0, 1, ..., `atLeast` or more), the check
 * of Fader, Hardie and Lee (2005, figure 4). Rows with no customer are
 * left out.
 *
 * @example
 * ```ts
 * import { holdoutComparison } from "./holdout_comparison.ts";
 * const rows = holdoutComparison({ x: [0, 0, 1, 9], actual: [0, 1, 2, 5], predicted: [0.2, 0.4, 1, 6] }, 7);
 * if (rows.length !== 3 || rows[0].actual !== 0.5 || !rows[2].orMore) throw new Error(JSON.stringify(rows));
 * ```
 */
export function holdoutComparison(
  columns: {
    x: ArrayLike<number>;
    actual: ArrayLike<number>;
    predicted: ArrayLike<number>;
  },
  atLeast = 7,
): HoldoutRow[] {
  const sums = holdoutSums(atLeast);
  sums.add(columns);
  return sums.rows();
}

/** What {@linkcode holdoutSums} returns. */
export interface HoldoutSums {
  /** Adds customers, in order: their calibration repeat purchases, actual and predicted holdout purchases. */
  add(columns: {
    x: ArrayLike<number>;
    actual: ArrayLike<number>;
    predicted: ArrayLike<number>;
  }): void;
  /** The rows of holdoutComparison for the customers added. */
  rows(): HoldoutRow[];
}

/**
 * The sums behind {@linkcode holdoutComparison}, customers added in batches:
 * the same rows, summed in the same order, as one call with them all.
 */
export function holdoutSums(atLeast = 7): HoldoutSums {
  const customers = new Array<number>(atLeast + 1).fill(0);
  const actual = new Array<number>(atLeast + 1).fill(0);
  const predicted = new Array<number>(atLeast + 1).fill(0);
  return {
    add(columns) {
      for (let i = 0; i < columns.x.length; i++) {
        const k = Math.min(columns.x[i], atLeast);
        customers[k]++;
        actual[k] += columns.actual[i];
        predicted[k] += columns.predicted[i];
      }
    },
    rows: () =>
      customers.flatMap((n, k) =>
        n === 0 ? [] : [{
          repeatPurchases: k,
          orMore: k === atLeast,
          customers: n,
          actual: actual[k] / n,
          predicted: predicted[k] / n,
        }]
      ),
  };
}
