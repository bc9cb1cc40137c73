import { NONE_LABEL } from "../../model/none_label.ts";
import {
  type CustomerGroups,
  groupCluster,
  groupIndex,
  groupSegment,
} from "../segments/customer_groups.ts";
import {
  type CustomerValueOptions,
  VALUE_DEFAULTS,
} from "./customer_values.ts";
import {
  fitValueModels,
  type ValueHistories,
  type ValueModels,
} from "./fit_value_models.ts";
import {
  type HoldoutFigures,
  holdoutFigures,
  type HoldoutHistories,
} from "./holdout_figures.ts";
import {
  type ValuePass,
  valuePass,
  type ValuePassFigures,
  type ValueSettings,
} from "./value_pass.ts";
import { fittedParams, type ValueParams } from "./value_params.ts";

/** What the value figures say whether or not the models are fitted. */
export interface ValueBase {
  settings: ValueSettings;
  /** The last day of the period the models are fitted to. */
  calibrationEnd: string;
  /** Customers with a purchase in the period, and those with more than one purchase day. */
  customers: number;
  repeatCustomers: number;
  holdout: HoldoutFigures | null;
  /**
   * Customers the models were fitted to, when they were too many to fit on
   * all (a seeded sample; every customer is then predicted); absent when
   * all were used.
   */
  fitSample?: number;
}

/** What the report's customer-value section shows; report.json's `value`. */
export type ValueFigures =
  & ValueBase
  & (
    | ({ fitted: true; params: ValueParams } & ValuePassFigures)
    | { fitted: false; reason: string }
  );

/** Options for {@linkcode valueFigures}. */
export interface ValueFiguresOptions extends CustomerValueOptions {
  /** Customers in the table of highest value. Default 20. */
  top?: number;
  /** See fitValueModels. */
  minRepeatCustomers?: number;
}

/** The settings of the options, defaults filled in. */
export function valueSettings(options: CustomerValueOptions): ValueSettings {
  return {
    weeks: options.weeks ?? VALUE_DEFAULTS.weeks,
    monthlyDiscount: options.monthlyDiscount ?? VALUE_DEFAULTS.monthlyDiscount,
    months: options.months ?? VALUE_DEFAULTS.months,
  };
}

/**
 * The report's customer-value figures: fits BG/NBD and Gamma-Gamma to the
 * histories, predicts every customer, and sums the predictions by RFM
 * segment and cluster (`groups`), with the value distribution, the
 * probability-active heat map and the customers of highest value; with
 * calibration histories (`holdout`), the papers' holdout check too. When
 * the models cannot be fitted, says why instead. The histories held in
 * memory, in one batch of the pass the report makes in many (valuePass).
 */
export function valueFigures(
  histories: ValueHistories & { calibrationEnd: string },
  groups: CustomerGroups,
  options: ValueFiguresOptions = {},
  holdout?: HoldoutHistories,
): ValueFigures {
  let repeatCustomers = 0;
  for (let i = 0; i < histories.x.length; i++) {
    if (histories.x[i] > 0) repeatCustomers++;
  }
  const n = histories.customers.length;
  const models = fitValueModels(histories, options.minRepeatCustomers);
  const settings = valueSettings(options);
  let pass: ValuePass | null = null;
  if (models.fitted) {
    pass = valuePass(models, {
      settings,
      customers: n,
      top: options.top ?? 20,
      clustered: groups.cluster.some((c) => groups.clusters[c] !== NONE_LABEL),
    });
    // Each history's row in `groups` (-1: none), found by binary search.
    const segment = new Array<string | null>(n);
    const cluster = new Array<string | null>(n);
    for (let i = 0; i < n; i++) {
      const row = groupIndex(groups, histories.customers[i]);
      segment[i] = row < 0 ? null : groupSegment(groups, row);
      cluster[i] = row < 0 ? null : groupCluster(groups, row);
    }
    pass.add({ ...histories, segment, cluster });
    while (!pass.endPass()) pass.readAgain(histories);
  }
  return valueFiguresOf(
    {
      settings,
      calibrationEnd: histories.calibrationEnd,
      customers: n,
      repeatCustomers,
      holdout: holdout
        ? holdoutFigures(holdout, options.minRepeatCustomers)
        : null,
    },
    models,
    pass,
  );
}

/**
 * The value figures of models fitted (or not) to the customers, with the
 * pass that read them all when they are fitted.
 */
export function valueFiguresOf(
  base: ValueBase,
  models: ValueModels,
  pass: ValuePass | null,
): ValueFigures {
  if (!models.fitted) return { ...base, fitted: false, reason: models.reason };
  if (!pass) throw new Error("Cannot give fitted value figures without a pass");
  return {
    ...base,
    fitted: true,
    params: fittedParams(models),
    ...pass.figures(),
  };
}
