import type { ColumnMapping } from "../column_mapping.ts";

/**
 * The store-sales layout's columns and the fields they feed: one row per
 * store, day and product category, fuel with its gallons and price. A CSV
 * whose header holds all of them (in any case or spacing) is read through
 * this mapping.
 */
export const STORE_SALES_LAYOUT: Readonly<ColumnMapping> = {
  store: "store_id",
  date: "sales_date",
  category: "product_category",
  department: "department",
  amount: "sales_amount",
  gallons: "gallons_sold",
  fuel_type: "fuel_type",
  fuel_price: "fuel_price",
};
