import type { BgNbdParams } from "../../stats/clv/bg_nbd.ts";
import { expectedPurchases } from "../../stats/clv/customer_value.ts";
import {
  type HoldoutRow,
  holdoutSums,
} from "../../stats/clv/holdout_comparison.ts";
import {
  fitValueModels,
  type ValueHistories,
  type ValueModels,
} from "./fit_value_models.ts";
import { fittedParams, type ValueParams } from "./value_params.ts";

/** Calibration histories with each customer's purchases in the holdout period. */
export interface HoldoutHistories extends ValueHistories {
  holdout: ArrayLike<number>;
  calibrationEnd: string;
  holdoutPeriod: { from: string; to: string; weeks: number };
}

/** What the holdout check says whether or not the models are fitted. */
export interface HoldoutBase {
  /** The holdout period's first and last days and its length in weeks. */
  from: string;
  to: string;
  weeks: number;
  calibrationEnd: string;
  customers: number;
  /** Customers the models were fitted to, when a seeded sample (see ValueBase). */
  fitSample?: number;
}

/** The papers' check of the purchase model on a holdout period. */
export type HoldoutFigures =
  & HoldoutBase
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
  const models = fitValueModels(histories, minRepeatCustomers);
  let pass: HoldoutPass | null = null;
  if (models.fitted) {
    pass = holdoutPass(models.bgNbd.params, weeks);
    pass.add(histories);
  }
  return holdoutFiguresOf(
    {
      from,
      to,
      weeks,
      calibrationEnd: histories.calibrationEnd,
      customers: histories.customers.length,
    },
    models,
    pass,
  );
}

/** What {@linkcode holdoutPass} returns. */
export interface HoldoutPass {
  /** Reads a batch of calibration histories, in the order of their ids. */
  add(
    histories: Omit<HoldoutHistories, "calibrationEnd" | "holdoutPeriod">,
  ): void;
  /** The check's figures over the customers read. */
  figures(): { rows: HoldoutRow[]; actual: number; predicted: number };
}

/**
 * Predicts each customer's purchases in the holdout period's `weeks` as
 * the batches arrive and sums them with the actual ones, in total and by
 * calibration repeat purchases: the same sums, in the same order, however
 * the customers are split into batches.
 */
export function holdoutPass(bg: BgNbdParams, weeks: number): HoldoutPass {
  const sums = holdoutSums();
  let actualSum = 0, predictedSum = 0;
  return {
    add(histories) {
      const n = histories.customers.length;
      const predicted = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        predicted[i] = expectedPurchases(bg, {
          x: histories.x[i],
          tx: histories.tx[i],
          T: histories.T[i],
        }, weeks);
        actualSum += histories.holdout[i];
        predictedSum += predicted[i];
      }
      sums.add({ x: histories.x, actual: histories.holdout, predicted });
    },
    figures: () => ({
      rows: sums.rows(),
      actual: actualSum,
      predicted: predictedSum,
    }),
  };
}

/**
 * The holdout check of models fitted (or not) to the calibration
 * histories, with the pass that read them all when they are fitted.
 */
export function holdoutFiguresOf(
  base: HoldoutBase,
  models: ValueModels,
  pass: HoldoutPass | null,
): HoldoutFigures {
  if (!models.fitted) return { ...base, fitted: false, reason: models.reason };
  if (!pass) {
    throw new Error("Cannot give a fitted holdout check without a pass");
  }
  return {
    ...base,
    fitted: true,
    params: fittedParams(models),
    ...pass.figures(),
  };
}
