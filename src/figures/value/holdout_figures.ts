import { expectedPurchases } from "../../stats/clv/customer_value.ts";
import {
  holdoutComparison,
  type HoldoutRow,
} from "../../stats/clv/holdout_comparison.ts";
import { fitValueModels, type ValueHistories } from "./fit_value_models.ts";
import { fittedParams, type ValueParams } from "./value_params.ts";

/** Calibration histories with each customer's purchases in the holdout period. */
export interface HoldoutHistories extends ValueHistories {
  holdout: ArrayLike<number>;
  calibrationEnd: string;
  holdoutPeriod: { from: string; to: string; weeks: number };
}

/** The papers' check of the purchase model on a holdout period. */
export type HoldoutFigures =
  & {
    /** The holdout period's first and last days and its length in weeks. */
    from: string;
    to: string;
    weeks: number;
    calibrationEnd: string;
    customers: number;
  }
  & (
    | {
      fitted: true;
      params: ValueParams;
      /** Mean holdout purchases, actual and predicted, by calibration repeat purchases (7 or more last). */
      rows: HoldoutRow[];
      /** Holdout purchases of all customers, actual and predicted. */
      actual: number;
      predicted: number;
    }
    | { fitted: false; reason: string }
  );

/**
 * Fits the models to the calibration period alone and compares each
 * group's predicted purchases over the holdout period with what they
 * bought (Fader, Hardie and Lee 2005, figure 4), or says why it cannot.
 *
 * @example
 * ```ts
 * import { holdoutFigures } from "./holdout_figures.ts";
 * const h = holdoutFigures({ customers: ["a"], x: [1], tx: [2], T: [5], zbar: [3], holdout: [1],
 *   calibrationEnd: "2024-02-01", holdoutPeriod: { from: "2024-02-02", to: "2024-03-01", weeks: 4.14 } });
 * if (h.fitted) throw new Error("one customer cannot be fitted");
 * ```
 */
export function holdoutFigures(
  histories: HoldoutHistories,
  minRepeatCustomers?: number,
): HoldoutFigures {
  const { from, to, weeks } = histories.holdoutPeriod;
  const base = {
    from,
    to,
    weeks,
    calibrationEnd: histories.calibrationEnd,
    customers: histories.customers.length,
  };
  const models = fitValueModels(histories, minRepeatCustomers);
  if (!models.fitted) return { ...base, fitted: false, reason: models.reason };
  const bg = models.bgNbd.params;
  const n = histories.customers.length;
  const predicted = new Float64Array(n);
  let actualSum = 0, predictedSum = 0;
  for (let i = 0; i < n; i++) {
    predicted[i] = expectedPurchases(bg, {
      x: histories.x[i],
      tx: histories.tx[i],
      T: histories.T[i],
    }, weeks);
    actualSum += histories.holdout[i];
    predictedSum += predicted[i];
  }
  return {
    ...base,
    fitted: true,
    params: fittedParams(models),
    rows: holdoutComparison({
      x: histories.x,
      actual: histories.holdout,
      predicted,
    }),
    actual: actualSum,
    predicted: predictedSum,
  };
}
