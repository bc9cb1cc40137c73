import { compareNames } from "../../model/compare_names.ts";
import { NONE_LABEL } from "../../model/none_label.ts";
import {
  type CustomerGroups,
  groupCluster,
  groupIndex,
  groupSegment,
} from "../segments/customer_groups.ts";
import { type AliveGrid, aliveGrid } from "./alive_grid.ts";
import {
  type CustomerValueOptions,
  type CustomerValues,
  customerValues,
  VALUE_DEFAULTS,
} from "./customer_values.ts";
import { fitValueModels, type ValueHistories } from "./fit_value_models.ts";
import {
  type HoldoutFigures,
  holdoutFigures,
  type HoldoutHistories,
} from "./holdout_figures.ts";
import { type ValueBin, valueBins } from "./value_bins.ts";
import { valueByGroup, type ValueGroupRow } from "./value_by_group.ts";
import { fittedParams, type ValueParams } from "./value_params.ts";

/** A customer among those of highest predicted value. */
export interface TopValueCustomer {
  customer: string;
  segment: string | null;
  cluster: string | null;
  repeatPurchases: number;
  /** Weeks from the last purchase to the end of the period (T − tx). */
  weeksSinceLast: number;
  probabilityAlive: number;
  expectedPurchases: number;
  expectedSpend: number;
  value: number;
}

/** The settings the value figures were computed with. */
export interface ValueSettings {
  /** Horizon of expected purchases, weeks. */
  weeks: number;
  monthlyDiscount: number;
  /** Months of the discounted value. */
  months: number;
}

/** What the report's customer-value section shows; report.json's `value`. */
export type ValueFigures =
  & {
    settings: ValueSettings;
    /** The last day of the period the models are fitted to. */
    calibrationEnd: string;
    /** Customers with a purchase in the period, and those with more than one purchase day. */
    customers: number;
    repeatCustomers: number;
    holdout: HoldoutFigures | null;
  }
  & (
    | {
      fitted: true;
      params: ValueParams;
      totals: {
        /** Discounted value of everyone, and per customer. */
        value: number;
        averageValue: number;
        /** Expected purchases of everyone in the horizon. */
        expectedPurchases: number;
        /** Expected active customers: the sum of P(active). */
        expectedActive: number;
      };
      distribution: ValueBin[];
      aliveGrid: AliveGrid;
      top: TopValueCustomer[];
      bySegment: ValueGroupRow[];
      /** Empty when customers are not clustered (one cluster). */
      byCluster: ValueGroupRow[];
    }
    | { fitted: false; reason: string }
  );

/** Options for {@linkcode valueFigures}. */
export interface ValueFiguresOptions extends CustomerValueOptions {
  /** Customers in the table of highest value. Default 20. */
  top?: number;
  /** See fitValueModels. */
  minRepeatCustomers?: number;
}

/**
 * The report's customer-value figures: fits BG/NBD and Gamma-Gamma to the
 * histories, predicts every customer, and sums the predictions by RFM
 * segment and cluster (`groups`), with the value distribution, the
 * probability-active heat map and the customers of highest value; with
 * calibration histories (`holdout`), the papers' holdout check too. When
 * the models cannot be fitted, says why instead.
 */
export function valueFigures(
  histories: ValueHistories & { calibrationEnd: string },
  groups: CustomerGroups,
  options: ValueFiguresOptions = {},
  holdout?: HoldoutHistories,
): ValueFigures {
  const settings = {
    weeks: options.weeks ?? VALUE_DEFAULTS.weeks,
    monthlyDiscount: options.monthlyDiscount ?? VALUE_DEFAULTS.monthlyDiscount,
    months: options.months ?? VALUE_DEFAULTS.months,
  };
  let repeatCustomers = 0;
  for (let i = 0; i < histories.x.length; i++) {
    if (histories.x[i] > 0) repeatCustomers++;
  }
  const base = {
    settings,
    calibrationEnd: histories.calibrationEnd,
    customers: histories.customers.length,
    repeatCustomers,
    holdout: holdout
      ? holdoutFigures(holdout, options.minRepeatCustomers)
      : null,
  };
  const models = fitValueModels(histories, options.minRepeatCustomers);
  if (!models.fitted) return { ...base, fitted: false, reason: models.reason };
  const values = customerValues(
    histories,
    models.bgNbd.params,
    models.gammaGamma.params,
    settings,
  );
  // Each history's row in `groups` (-1: none), found by binary search
  // rather than through maps of every customer.
  const n = histories.customers.length;
  const row = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    row[i] = groupIndex(groups, histories.customers[i]);
  }
  const segmentOf = (i: number) =>
    row[i] < 0 ? undefined : groupSegment(groups, row[i]);
  const clusterOf = (i: number) =>
    row[i] < 0 ? undefined : groupCluster(groups, row[i]);
  const clustered = groups.cluster.some((c) =>
    groups.clusters[c] !== NONE_LABEL
  );
  let value = 0, purchases = 0, active = 0, maxT = 0;
  for (let i = 0; i < n; i++) {
    value += values.value[i];
    purchases += values.expectedPurchases[i];
    active += values.probabilityAlive[i];
    if (histories.T[i] > maxT) maxT = histories.T[i];
  }
  return {
    ...base,
    fitted: true,
    params: fittedParams(models),
    totals: {
      value,
      averageValue: n ? value / n : 0,
      expectedPurchases: purchases,
      expectedActive: active,
    },
    distribution: valueBins(values.value),
    aliveGrid: aliveGrid(models.bgNbd.params, maxT, {
      maxRepeatPurchases: percentile(histories.x, 0.99),
    }),
    top: topCustomers(histories, values, options.top ?? 20, (i) => ({
      segment: segmentOf(i) ?? null,
      cluster: clustered ? clusterOf(i) ?? null : null,
    })),
    bySegment: valueByGroup(
      histories.customers,
      values,
      (_, i) => segmentOf(i),
    ),
    byCluster: clustered
      ? valueByGroup(histories.customers, values, (_, i) => clusterOf(i))
      : [],
  };
}

/** The `count` customers of highest value, ties by id. */
function topCustomers(
  histories: ValueHistories,
  values: CustomerValues,
  count: number,
  groupsOf: (i: number) => { segment: string | null; cluster: string | null },
): TopValueCustomer[] {
  const ids = histories.customers;
  const before = (i: number, j: number) =>
    values.value[j] - values.value[i] || compareNames(ids[i], ids[j]);
  // The best `count` so far, in order: one pass, no sort of every customer.
  const order: number[] = [];
  if (count <= 0) return [];
  for (let i = 0; i < ids.length; i++) {
    if (order.length === count && before(i, order[count - 1]) >= 0) continue;
    let at = order.length;
    while (at > 0 && before(i, order[at - 1]) < 0) at--;
    order.splice(at, 0, i);
    if (order.length > count) order.pop();
  }
  return order.map((i) => ({
    customer: ids[i],
    ...groupsOf(i),
    repeatPurchases: histories.x[i],
    weeksSinceLast: histories.T[i] - histories.tx[i],
    probabilityAlive: values.probabilityAlive[i],
    expectedPurchases: values.expectedPurchases[i],
    expectedSpend: values.expectedSpend[i],
    value: values.value[i],
  }));
}

function percentile(values: ArrayLike<number>, q: number): number {
  const sorted = Float64Array.from(values).sort();
  return sorted.length ? sorted[Math.floor(q * (sorted.length - 1))] : 0;
}
