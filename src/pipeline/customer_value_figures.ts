import { purchaseHistories } from "../analysis/segments/purchase_histories.ts";
import type { HoldoutHistories } from "../figures/value/holdout_figures.ts";
import {
  type ValueFigures,
  valueFigures,
} from "../figures/value/value_figures.ts";
import type { CustomerGroups } from "../figures/segments/customer_groups.ts";
import { CliError } from "../model/cli_error.ts";
import type { Dataset } from "../source/dataset.ts";

/** Options for {@linkcode customerValueFigures}. */
export interface CustomerValueFiguresOptions {
  /** The report's as-of date: later sales are left out. */
  asOf?: string | undefined;
  /** The first day of the holdout period of the papers' check. */
  holdoutFrom?: string | undefined;
  /** Horizon of expected purchases, weeks. */
  weeks?: number | undefined;
  /** Discount rate per month of the 12-month value. */
  monthlyDiscount?: number | undefined;
}

/**
 * The report's customer-value figures: each customer's purchase history
 * up to the as-of date summarised in SQL, the models fitted and every
 * customer predicted (see valueFigures); with `holdoutFrom`, the models
 * fitted again to the days before it and checked against the purchases
 * from it on. A holdout date outside the purchases is a usage error.
 */
export async function customerValueFigures(
  data: Dataset,
  groups: CustomerGroups,
  options: CustomerValueFiguresOptions,
): Promise<ValueFigures> {
  const to = options.asOf ? { to: options.asOf } : {};
  const histories = await purchaseHistories(data, to);
  let holdout: HoldoutHistories | undefined;
  if (options.holdoutFrom !== undefined) {
    const from = options.holdoutFrom;
    if (!(from <= histories.calibrationEnd)) {
      throw new CliError(
        `Cannot use --holdout-from ${from}: the purchases end on ${histories.calibrationEnd}`,
      );
    }
    try {
      holdout = await purchaseHistories(data, {
        ...to,
        holdoutFrom: from,
      }) as HoldoutHistories;
    } catch (error) {
      throw new CliError(
        `Cannot use --holdout-from ${from}: ${
          (error as Error).message.replace(/^.*?: /, "")
        }`,
      );
    }
  }
  return valueFigures(histories, groups, {
    ...(options.weeks === undefined ? {} : { weeks: options.weeks }),
    ...(options.monthlyDiscount === undefined
      ? {}
      : { monthlyDiscount: options.monthlyDiscount }),
  }, holdout);
}
