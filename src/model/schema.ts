/**
 * The one data model every analysis reads: a `sales` table with one row per
 * sale line and an optional `customers` table. See docs/data.md.
 *
 * @module
 */

/** One sale line. Negative `quantity` or `amount` marks a return. */
export interface SaleLine {
  /** Calendar date of the sale, `YYYY-MM-DD`. */
  date: string;
  store: string | null;
  city: string | null;
  region: string | null;
  /** Channel or store type: "Flagship store", "e-Shop", ... */
  channel: string | null;
  department: string | null;
  category: string;
  /** Sub-category; unique within its category, not across categories. */
  sub_category: string | null;
  customer_id: string | null;
  transaction_id: string | null;
  quantity: number | null;
  /** Net value of the line in the data's currency; negative for a return. */
  amount: number;
  /** Fuel lines only. */
  gallons: number | null;
  fuel_type: string | null;
  /** Price per gallon, fuel lines only. */
  fuel_price: number | null;
  /** Product id (a stock code, SKU, ...), when the data has one. */
  product?: string | null;
  /** The product's name or description, when the data has one. */
  product_name?: string | null;
}

/** One customer. */
export interface Customer {
  customer_id: string;
  /** `YYYY-MM-DD`, when known. */
  birth_date: string | null;
  gender: string | null;
  city: string | null;
}

/**
 * The type of the amounts, quantities and gallons the report adds up: exact
 * decimals to four places (a hundredth of a cent), stored as 64-bit
 * integers, so that a sum is the same whatever order the database's threads
 * add its parts in. Values are rounded to four places on loading; their
 * magnitude must stay below {@linkcode EXACT_LIMIT}.
 */
export const EXACT_NUMBER = "DECIMAL(18,4)";

/**
 * The magnitude an {@linkcode EXACT_NUMBER} value must stay below: 10^11.
 * Numbers are read as doubles, which below it are close enough to recover
 * every value of four decimal places or fewer exactly.
 */
export const EXACT_LIMIT = 1e11;

/** A column of the data model with its DuckDB type. */
export interface ColumnSpec {
  name: string;
  type: "DATE" | "VARCHAR" | "DOUBLE" | typeof EXACT_NUMBER;
  required: boolean;
  description: string;
}

/** The columns of the `sales` table, in storage order. */
export const SALES_COLUMNS: readonly ColumnSpec[] = [
  {
    name: "date",
    type: "DATE",
    required: true,
    description: "day of the sale",
  },
  {
    name: "store",
    type: "VARCHAR",
    required: false,
    description: "store id or name",
  },
  {
    name: "city",
    type: "VARCHAR",
    required: false,
    description: "city of the store",
  },
  {
    name: "region",
    type: "VARCHAR",
    required: false,
    description: "region of the store",
  },
  {
    name: "channel",
    type: "VARCHAR",
    required: false,
    description: "channel or store type",
  },
  {
    name: "department",
    type: "VARCHAR",
    required: false,
    description: "department",
  },
  {
    name: "category",
    type: "VARCHAR",
    required: true,
    description: "product category",
  },
  {
    name: "sub_category",
    type: "VARCHAR",
    required: false,
    description: "product sub-category",
  },
  {
    name: "customer_id",
    type: "VARCHAR",
    required: false,
    description: "customer id",
  },
  {
    name: "transaction_id",
    type: "VARCHAR",
    required: false,
    description: "transaction (basket) id",
  },
  {
    name: "quantity",
    type: EXACT_NUMBER,
    required: false,
    description: "units; negative for a return",
  },
  {
    name: "amount",
    type: EXACT_NUMBER,
    required: true,
    description: "net value; negative for a return",
  },
  {
    name: "gallons",
    type: EXACT_NUMBER,
    required: false,
    description: "fuel volume, fuel lines only",
  },
  {
    name: "fuel_type",
    type: "VARCHAR",
    required: false,
    description: "gasoline or diesel, fuel lines only",
  },
  {
    name: "fuel_price",
    type: "DOUBLE",
    required: false,
    description: "price per gallon, fuel lines only",
  },
  {
    name: "product",
    type: "VARCHAR",
    required: false,
    description: "product id (stock code, SKU)",
  },
  {
    name: "product_name",
    type: "VARCHAR",
    required: false,
    description: "product name or description",
  },
];

/** The product columns, left out of a fingerprint when they are empty. */
export const PRODUCT_COLUMNS: readonly string[] = ["product", "product_name"];

/** The columns of the `customers` table, in storage order. */
export const CUSTOMER_COLUMNS: readonly ColumnSpec[] = [
  {
    name: "customer_id",
    type: "VARCHAR",
    required: true,
    description: "customer id",
  },
  {
    name: "birth_date",
    type: "DATE",
    required: false,
    description: "date of birth",
  },
  {
    name: "gender",
    type: "VARCHAR",
    required: false,
    description: "gender as given",
  },
  { name: "city", type: "VARCHAR", required: false, description: "home city" },
];

/** The category name that marks fuel lines. */
export const FUEL_CATEGORY = "Fuel";
