import { compareNames } from "../../model/compare_names.ts";

/** One row of {@linkcode valueByGroup}: a segment's or cluster's predicted value. */
export interface ValueGroupRow {
  group: string;
  customers: number;
  /** The customers' discounted value, summed and on average. */
  value: number;
  averageValue: number;
  /** The group's share of everyone's value. */
  valueShare: number;
  /** Expected purchases in the horizon, summed. */
  expectedPurchases: number;
  averageProbabilityAlive: number;
}

/**
 * Totals and averages of predicted value by group (RFM segment or
 * cluster), largest total first; `groupOf` names each customer's group
 * (by id, or by its position `i`), undefined for a customer in none
 * ("(none)").
 *
 * @example
 * ```ts
 * import { valueByGroup } from "./value_by_group.ts";
 * const rows = valueByGroup(["a", "b", "c"], { value: [10, 30, 20], expectedPurchases: [1, 2, 1], probabilityAlive: [0.5, 1, 0.9] },
 *   (id) => id === "a" ? "Lost" : "Champions");
 * if (rows[0].group !== "Champions" || rows[0].value !== 50 || rows[1].averageValue !== 10) throw new Error(JSON.stringify(rows));
 * ```
 */
export function valueByGroup(
  customers: readonly string[],
  values: {
    value: ArrayLike<number>;
    expectedPurchases: ArrayLike<number>;
    probabilityAlive: ArrayLike<number>;
  },
  groupOf: (customer: string, i: number) => string | undefined,
): ValueGroupRow[] {
  const sums = valueGroupSums();
  for (let i = 0; i < customers.length; i++) {
    sums.add(
      groupOf(customers[i], i),
      values.value[i],
      values.expectedPurchases[i],
      values.probabilityAlive[i],
    );
  }
  return sums.rows();
}

/** What {@linkcode valueGroupSums} returns. */
export interface ValueGroupSums {
  /** Adds one customer's predictions to its group's (undefined or null: "(none)"). */
  add(
    group: string | null | undefined,
    value: number,
    expectedPurchases: number,
    probabilityAlive: number,
  ): void;
  /** The rows of valueByGroup for the customers added. */
  rows(): ValueGroupRow[];
}

/**
 * The sums behind {@linkcode valueByGroup}, customers added one at a time:
 * the same rows, summed in the same order, as one call with them all.
 */
export function valueGroupSums(): ValueGroupSums {
  const sums = new Map<string, [number, number, number, number]>();
  let total = 0;
  return {
    add(group, value, purchases, alive) {
      const key = group ?? "(none)";
      const s = sums.get(key) ?? [0, 0, 0, 0];
      s[0]++;
      s[1] += value;
      s[2] += purchases;
      s[3] += alive;
      sums.set(key, s);
      total += value;
    },
    rows: () =>
      [...sums].map(([group, [n, value, purchases, alive]]) => ({
        group,
        customers: n,
        value,
        averageValue: value / n,
        valueShare: total > 0 ? value / total : 0,
        expectedPurchases: purchases,
        averageProbabilityAlive: alive / n,
      })).sort((a, b) => b.value - a.value || compareNames(a.group, b.group)),
  };
}
