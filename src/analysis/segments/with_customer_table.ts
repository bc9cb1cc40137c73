import type { Dataset } from "../../source/dataset.ts";
import { engineOf } from "../../source/duckdb_engine.ts";
import {
  CUSTOMER_TABLE_COLUMNS,
  type CustomerTable,
} from "./customer_table.ts";

/** The empty table {@linkcode withCustomerTable} joins without scored customers. */
export const NO_CUSTOMER_TABLE = "basket_no_customers";

/**
 * Runs `use` with the customer table an analysis joins with the lines.
 * Without one (data with no scored customer, or an analysis run alone in
 * a notebook or test), `use` gets an empty table of the same columns,
 * dropped afterwards: every line's customer then has no segment and no
 * cluster, as when a customer is not in the table.
 */
export async function withCustomerTable<T>(
  data: Dataset,
  table: CustomerTable | null | undefined,
  use: (table: CustomerTable) => Promise<T>,
): Promise<T> {
  if (table) return await use(table);
  const engine = engineOf(data);
  await engine.createTempTable(NO_CUSTOMER_TABLE, CUSTOMER_TABLE_COLUMNS, []);
  try {
    return await use({
      name: NO_CUSTOMER_TABLE,
      count: 0,
      segments: [],
      clusters: [],
    });
  } finally {
    await engine.dropTempTable(NO_CUSTOMER_TABLE);
  }
}
