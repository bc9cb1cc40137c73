import { FUEL_CATEGORY, type SaleLine } from "../model/schema.ts";

/** One row of the store-sales layout: a store's day in one category and department. */
export interface StoreSalesLayoutRow {
  store_id: string;
  sales_date: string;
  product_category: string;
  department: string | null;
  /** Net sales (returns subtracted). */
  sales_amount: number;
  /** Fuel rows only. */
  gallons_sold: number | null;
  fuel_type: string | null;
  fuel_price: number | null;
}

/** The store-sales layout's columns, in file order. */
export const STORE_SALES_COLUMNS = [
  "store_id",
  "sales_date",
  "product_category",
  "department",
  "sales_amount",
  "gallons_sold",
  "fuel_type",
  "fuel_price",
] as const;

interface Sum {
  row: StoreSalesLayoutRow;
  cents: number;
  milliGallons: number;
  minPrice: number;
  maxPrice: number;
}

/**
 * Sums sale lines into the store-sales layout: one row per store, day,
 * category and department, and per fuel type for fuel. Amounts are summed
 * in whole cents, so the rows' total equals the lines' total to the cent.
 * The fuel price is the one price of the day, or the volume-weighted mean
 * when the price changed. Lines must come in date order; a day's rows are
 * sorted by store, category, department and fuel type. Streams: only one
 * day is held in memory.
 *
 * @example
 * ```ts
 * import { storeSalesRows } from "./store_sales_rows.ts";
 * const line = { date: "2025-01-02", store: "S01", city: null, region: null, channel: null,
 *   department: "Sales", category: "Books", sub_category: "Fiction", customer_id: null,
 *   transaction_id: null, quantity: 1, amount: 0.1, gallons: null, fuel_type: null, fuel_price: null };
 * const [row] = [...storeSalesRows([line, { ...line, amount: 0.2 }])];
 * if (row.sales_amount !== 0.3) throw new Error(String(row.sales_amount));
 * ```
 */
export function* storeSalesRows(
  lines: Iterable<SaleLine>,
): Generator<StoreSalesLayoutRow, void, undefined> {
  let date = "";
  let day = new Map<string, Sum>();
  const flush = function* () {
    const keys = [...day.keys()].sort();
    for (const key of keys) yield finish(day.get(key)!);
    day = new Map();
  };
  for (const line of lines) {
    if (line.date !== date) {
      if (line.date < date) {
        throw new RangeError(
          `Cannot sum sale lines into store sales: ${
            JSON.stringify(line.date)
          } comes after ${JSON.stringify(date)}; lines must be in date order`,
        );
      }
      yield* flush();
      date = line.date;
    }
    const fuel = line.category === FUEL_CATEGORY;
    const key = [
      line.store ?? "",
      line.category,
      line.department ?? "",
      fuel ? line.fuel_type ?? "" : "",
    ]
      .join("\u0000");
    let sum = day.get(key);
    if (!sum) {
      sum = {
        row: {
          store_id: line.store ?? "",
          sales_date: line.date,
          product_category: line.category,
          department: line.department,
          sales_amount: 0,
          gallons_sold: fuel ? 0 : null,
          fuel_type: fuel ? line.fuel_type : null,
          fuel_price: null,
        },
        cents: 0,
        milliGallons: 0,
        minPrice: Infinity,
        maxPrice: -Infinity,
      };
      day.set(key, sum);
    }
    sum.cents += Math.round(line.amount * 100);
    if (fuel) {
      sum.milliGallons += Math.round((line.gallons ?? 0) * 1000);
      if (line.fuel_price !== null) {
        sum.minPrice = Math.min(sum.minPrice, line.fuel_price);
        sum.maxPrice = Math.max(sum.maxPrice, line.fuel_price);
      }
    }
  }
  yield* flush();
}

function finish(sum: Sum): StoreSalesLayoutRow {
  const row = sum.row;
  row.sales_amount = sum.cents / 100;
  if (row.gallons_sold !== null) {
    row.gallons_sold = sum.milliGallons / 1000;
    if (sum.minPrice === sum.maxPrice) row.fuel_price = sum.minPrice;
    else if (sum.milliGallons > 0) {
      row.fuel_price = Math.round(sum.cents * 10 / sum.milliGallons * 1000) /
        1000;
    }
  }
  return row;
}
