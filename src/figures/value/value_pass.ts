/**
 * The customer-value figures summed over the customers as they are read,
 * in batches, so that what is held does not grow with the customers: see
 * {@linkcode valuePass}.
 *
 * @module
 */
import { compareNames } from "../../model/compare_names.ts";
import type { BgNbdFit } from "../../stats/clv/bg_nbd.ts";
import type { GammaGammaFit } from "../../stats/clv/gamma_gamma.ts";
import {
  HELD_NUMBERS,
  type RankSelector,
  rankSelector,
} from "../../stats/rank_selector.ts";
import { type AliveGrid, aliveGrid } from "./alive_grid.ts";
import { customerValues } from "./customer_values.ts";
import type { ValueHistories } from "./fit_value_models.ts";
import {
  binOf,
  binWidths,
  emptyBins,
  percentileRank,
  VALUE_BINS,
  type ValueBin,
  valueBinCounter,
} from "./value_bins.ts";
import { type ValueGroupRow, valueGroupSums } from "./value_by_group.ts";

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

/** Customers' histories with their RFM segment and cluster (null: none). */
export interface ValueBatch extends ValueHistories {
  segment: ArrayLike<string | null>;
  cluster: ArrayLike<string | null>;
}

/** What a pass over every customer gives the value figures. */
export interface ValuePassFigures {
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

/** Options for {@linkcode valuePass}. */
export interface ValuePassOptions {
  settings: ValueSettings;
  /** The customers every pass reads. */
  customers: number;
  /** Customers in the table of highest value. */
  top: number;
  /** Whether the customers are clustered: else no figures by cluster. */
  clustered: boolean;
  /** Values held at most to find the 99th percentile (see rankSelector). */
  held?: number;
}

/** What {@linkcode valuePass} returns. */
export interface ValuePass {
  /** Reads a batch of customers, in the order of their ids. */
  add(batch: ValueBatch): void;
  /**
   * Ends a pass over every customer: true when the figures are ready;
   * false when every customer's history must be read again (readAgain),
   * for the value distribution alone.
   */
  endPass(): boolean;
  /** Reads a batch of histories again. */
  readAgain(histories: ValueHistories): void;
  figures(): ValuePassFigures;
}

/**
 * Predicts each customer under the fitted models as the batches arrive,
 * in the order of the ids, and sums the report's figures: the totals, by
 * segment and cluster in the order the customers come (so that the sums
 * are the same bits whatever the batches), the customers of highest value
 * (a list of `top`), the repeat purchases' 99th percentile (counts per
 * number of purchases) and the longest history for the heat map, and the
 * value distribution: each value counted in the bars of every width it
 * may take (valueBinCounter) while the 99th percentile is found exactly
 * among values held in a bounded heap (rankSelector). Past the heap's
 * bound, or with a percentile of a width not counted, every customer is
 * read again (endPass says so). Nothing it holds grows with the
 * customers.
 */
export function valuePass(
  models: { bgNbd: BgNbdFit; gammaGamma: GammaGammaFit },
  options: ValuePassOptions,
): ValuePass {
  const { settings, customers: n, clustered } = options;
  const bg = models.bgNbd.params, gg = models.gammaGamma.params;
  let value = 0, purchases = 0, active = 0, maxT = 0, read = 0;
  const repeatCounts = new Map<number, number>();
  const bySegment = valueGroupSums(), byCluster = valueGroupSums();
  const top = topList(options.top);
  const counter = valueBinCounter(VALUE_BINS);
  const selector: RankSelector | null = n > 0
    ? rankSelector(n, percentileRank(n), options.held ?? HELD_NUMBERS)
    : null;
  let distribution: ValueBin[] | null = n > 0 ? null : [];
  /** Bars counted again once the percentile is known, when needed. */
  let recount: { width: number; count: number; bins: ValueBin[] } | null = null;
  const valuesOf = (h: ValueHistories) =>
    customerValues(h, bg, gg, settings).value;
  return {
    add(batch) {
      const values = customerValues(batch, bg, gg, settings);
      for (let i = 0; i < batch.customers.length; i++) {
        const v = values.value[i];
        value += v;
        purchases += values.expectedPurchases[i];
        active += values.probabilityAlive[i];
        if (batch.T[i] > maxT) maxT = batch.T[i];
        const x = batch.x[i];
        repeatCounts.set(x, (repeatCounts.get(x) ?? 0) + 1);
        const segment = batch.segment[i];
        const cluster = clustered ? batch.cluster[i] : null;
        bySegment.add(
          segment,
          v,
          values.expectedPurchases[i],
          values.probabilityAlive[i],
        );
        if (clustered) {
          byCluster.add(
            cluster,
            v,
            values.expectedPurchases[i],
            values.probabilityAlive[i],
          );
        }
        top.offer(v, batch.customers[i], () => ({
          customer: batch.customers[i],
          segment,
          cluster,
          repeatPurchases: x,
          weeksSinceLast: batch.T[i] - batch.tx[i],
          probabilityAlive: values.probabilityAlive[i],
          expectedPurchases: values.expectedPurchases[i],
          expectedSpend: values.expectedSpend[i],
          value: v,
        }));
      }
      read += batch.customers.length;
      counter.add(values.value);
      selector?.add(values.value);
    },
    endPass() {
      if (read !== n) {
        throw new RangeError(
          `Cannot sum the value figures: ${read} customers were read of ${n}`,
        );
      }
      if (distribution) return true;
      if (recount) {
        distribution = recount.bins;
        return true;
      }
      const kth = selector!.endPass();
      read = 0;
      if (kth === undefined) return false;
      distribution = counter.bins(kth);
      if (distribution) return true;
      const { width, count } = binWidths(kth, VALUE_BINS);
      recount = { width, count, bins: emptyBins(width, count) };
      return false;
    },
    readAgain(histories) {
      const values = valuesOf(histories);
      read += values.length;
      if (!recount) selector!.add(values);
      else {
        for (const v of values) {
          recount.bins[binOf(v, recount.width, recount.count)].customers++;
        }
      }
    },
    figures() {
      if (!distribution) {
        throw new Error("Cannot give the value figures before the last pass");
      }
      return {
        totals: {
          value,
          averageValue: n ? value / n : 0,
          expectedPurchases: purchases,
          expectedActive: active,
        },
        distribution,
        aliveGrid: aliveGrid(bg, maxT, {
          maxRepeatPurchases: countsPercentile(repeatCounts, n, 0.99),
        }),
        top: top.list(),
        bySegment: bySegment.rows(),
        byCluster: clustered ? byCluster.rows() : [],
      };
    },
  };
}

/**
 * The `count` customers of highest value, ties by id, offered one at a
 * time: a list kept in order, never a sort of every customer.
 */
function topList(count: number) {
  const list: TopValueCustomer[] = [];
  /** Negative when (value, id) comes before `t`. */
  const before = (value: number, id: string, t: TopValueCustomer) =>
    t.value - value || compareNames(id, t.customer);
  return {
    offer(value: number, id: string, make: () => TopValueCustomer) {
      if (count <= 0) return;
      if (list.length === count && before(value, id, list[count - 1]) >= 0) {
        return;
      }
      let at = list.length;
      while (at > 0 && before(value, id, list[at - 1]) < 0) at--;
      list.splice(at, 0, make());
      if (list.length > count) list.pop();
    },
    list: () => list,
  };
}

/** The `q` quantile (the sorted values' element at ⌊q(n − 1)⌋) of values given as counts. */
function countsPercentile(
  counts: Map<number, number>,
  n: number,
  q: number,
): number {
  if (n === 0) return 0;
  let rank = Math.floor(q * (n - 1));
  for (const v of Float64Array.from(counts.keys()).sort()) {
    rank -= counts.get(v)!;
    if (rank < 0) return v;
  }
  throw new RangeError(`Cannot find the ${q} quantile of ${n} values`);
}
