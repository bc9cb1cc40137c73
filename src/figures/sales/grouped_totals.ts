/**
 * The pure halves of the grouped analyses (totals by a dimension, category
 * shares, top categories by region, store sales, the month × category
 * grid): rows from sums already grouped. The SQL analyses and the report
 * page's cube both call them. They share a file, rather than sit beside
 * their SQL halves, because those import DuckDB and the page must not.
 *
 * @module
 */
import { compareNames } from "../../model/compare_names.ts";
import { NONE_LABEL } from "../../model/none_label.ts";

/** The sums every grouped sales table reports. */
export interface SalesTotals {
  /** Net sales: sum of amounts, returns subtracted. */
  totalSales: number;
  /** Sum of the positive amounts. */
  grossSales: number;
  /** Minus the sum of the negative amounts (a positive number). */
  returnsValue: number;
  /** Number of sale lines, returns included. */
  saleLines: number;
  /** Sum of quantities (returns subtract); 0 when no line has one. */
  quantity: number;
  /** This group's share of the net sales of all groups; 0 when they sum to 0. */
  share: number;
}

/** Net and gross sales, returns, lines and share of one category. */
export interface CategorySalesRow extends SalesTotals {
  /** The category, or "(none)" for lines without one. */
  category: string;
}

/** Net and gross sales, returns, lines and share of one channel. */
export interface ChannelSalesRow extends SalesTotals {
  /** The channel, or "(none)" for lines without one. */
  channel: string;
}

/** Net and gross sales, returns, lines and share of one department. */
export interface DepartmentSalesRow extends SalesTotals {
  /** The department, or "(none)" for lines without one. */
  department: string;
}

/** Net and gross sales, returns, lines and share of one sub-category. */
export interface SubCategorySalesRow extends SalesTotals {
  category: string;
  /** The sub-category, or "(none)"; its name is unique within `category` only. */
  sub_category: string;
}

/** One category's part of one channel's or region's sales. */
export interface CategoryShareRow {
  /** The channel or region, or "(none)". */
  group: string;
  category: string;
  /** The category's net sales in the group. */
  totalSales: number;
  /** The group's net sales, all categories. */
  groupSales: number;
  /** `totalSales / groupSales`; 0 when the group's net sales are 0. */
  share: number;
}

/** One of the leading categories of a region. */
export interface TopCategoryRow {
  /** The region, or "(none)" for lines without one. */
  region: string;
  /** 1 for the region's best-selling category, 2 for the next... */
  rank: number;
  category: string;
  /** The category's net sales in the region. */
  totalSales: number;
  /** The category's share of the region's net sales; 0 when those are 0. */
  share: number;
}

/** One store's sales. */
export interface StoreSalesRow {
  /** The store, or "(none)" for lines without one. */
  store: string;
  /** The store's city, or "(none)"; the first by name if its lines disagree. */
  city: string;
  /** Net sales over the whole selection. */
  totalSales: number;
  /** Days on which the store has at least one line (a sale or a return). */
  tradingDays: number;
  /** `totalSales / tradingDays`: net sales per store-day, averaged over trading days. */
  averageDailySales: number;
}

/** One cell of the month × category grid. */
export interface MonthCategoryCell {
  /** `YYYY-MM`. */
  month: string;
  category: string;
  /** Net sales of the category in the month; 0 when it sold nothing. */
  totalSales: number;
}

/** One store's sums, from which {@linkcode StoreSalesRow} follows. */
export interface StoreTotals {
  store: string;
  /** The store's city; null when unknown. */
  city: string | null;
  /** Net sales. */
  totalSales: number;
  /** Days with at least one line of the store. */
  tradingDays: number;
}

/** The sums of one group: {@linkcode SalesTotals} before the share. */
export type GroupSums = Omit<SalesTotals, "share">;

/**
 * Adds each group's share of the net sales of all groups (0 when they sum
 * to 0) and orders the groups by net sales, largest first, ties broken by
 * the group names.
 *
 * @example
 * ```ts
 * import { salesTotalsFromSums } from "./grouped_totals.ts";
 * const sums = { grossSales: 0, returnsValue: 0, saleLines: 1, quantity: 1 };
 * const rows = salesTotalsFromSums([
 *   { category: "Books", totalSales: 10, ...sums },
 *   { category: "Toys", totalSales: 30, ...sums }], ["category"]);
 * if (rows[0].category !== "Toys" || rows[0].share !== 0.75) throw new Error("not ranked");
 * ```
 */
export function salesTotalsFromSums<K extends string>(
  groups: readonly (Record<K, string> & GroupSums)[],
  columns: readonly K[],
): (Record<K, string> & SalesTotals)[] {
  const all = groups.reduce((sum, group) => sum + group.totalSales, 0);
  return groups
    .map((group) => ({
      ...group,
      share: all === 0 ? 0 : group.totalSales / all,
    }))
    .sort((a, b) => b.totalSales - a.totalSales || compareKeys(a, b, columns));
}

/** Orders two rows by their key columns (see `compareNames`). */
export function compareKeys<K extends string>(
  a: Record<K, unknown>,
  b: Record<K, unknown>,
  columns: readonly K[],
): number {
  for (const column of columns) {
    const order = compareNames(String(a[column]), String(b[column]));
    if (order !== 0) return order;
  }
  return 0;
}

/**
 * Each category's share of its channel's or region's net sales, from the
 * totals by (`within`, category). Groups in name order, categories by
 * descending sales (ties by name).
 */
export function categorySharesFromTotals<W extends "channel" | "region">(
  rows: readonly (Record<W | "category", string> & { totalSales: number })[],
  within: W,
): CategoryShareRow[] {
  const groupSales = new Map<string, number>();
  for (const row of rows) {
    groupSales.set(
      row[within],
      (groupSales.get(row[within]) ?? 0) + row.totalSales,
    );
  }
  return rows
    .map((row) => {
      const total = groupSales.get(row[within]) ?? 0;
      return {
        group: row[within],
        category: row.category,
        totalSales: row.totalSales,
        groupSales: total,
        share: total === 0 ? 0 : row.totalSales / total,
      };
    })
    .sort((a, b) =>
      compareNames(a.group, b.group) || b.totalSales - a.totalSales ||
      compareNames(a.category, b.category)
    );
}

/**
 * The `n` first categories of each region, from the totals by (region,
 * category) ranked by {@linkcode salesTotalsFromSums}. Regions in name
 * order. Throws a `RangeError` when `n` is not a positive whole number.
 */
export function topCategoriesFromTotals(
  rows: readonly { region: string; category: string; totalSales: number }[],
  n: number,
): TopCategoryRow[] {
  if (!Number.isInteger(n) || n < 1) {
    throw new RangeError(
      `Cannot compute top categories by region: option "n": ${n} is not a positive whole number`,
    );
  }
  const byRegion = new Map<string, (typeof rows)[number][]>();
  for (const row of rows) {
    byRegion.set(row.region, [...(byRegion.get(row.region) ?? []), row]);
  }
  const regions = [...byRegion.keys()].sort(compareNames);
  return regions.flatMap((region) => {
    const categories = byRegion.get(region)!;
    const regionSales = categories.reduce((s, r) => s + r.totalSales, 0);
    return categories.slice(0, n).map((row, i) => ({
      region,
      rank: i + 1,
      category: row.category,
      totalSales: row.totalSales,
      share: regionSales === 0 ? 0 : row.totalSales / regionSales,
    }));
  });
}

/**
 * Store rows from each store's net sales and trading days: the average per
 * trading day, highest first, ties by store name.
 */
export function storeSalesFromTotals(
  rows: readonly StoreTotals[],
): StoreSalesRow[] {
  return rows
    .map((row) => ({
      store: row.store,
      city: row.city ?? NONE_LABEL,
      totalSales: row.totalSales,
      tradingDays: row.tradingDays,
      averageDailySales: row.totalSales / row.tradingDays,
    }))
    .sort((a, b) =>
      b.averageDailySales - a.averageDailySales ||
      compareNames(a.store, b.store)
    );
}

/**
 * Every month of `months` (`YYYY-MM`, in date order: those of the days the
 * series list, see `coveredDays`) × every category of `rows`, with the net
 * sales of `rows` (by month and category) or 0. Categories in name order
 * within a month.
 */
export function monthCategoryGridFromTotals(
  months: readonly string[],
  rows: readonly MonthCategoryCell[],
): MonthCategoryCell[] {
  const totals = new Map(
    rows.map((r) => [`${r.month} ${r.category}`, r.totalSales]),
  );
  const categories = [...new Set(rows.map((r) => r.category))].sort(
    compareNames,
  );
  return months.flatMap((month) =>
    categories.map((category) => ({
      month,
      category,
      totalSales: totals.get(`${month} ${category}`) ?? 0,
    }))
  );
}
