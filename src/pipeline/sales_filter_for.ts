import type { SalesFilter } from "../analysis/sales/sales_filter.ts";
import type { CustomerTable } from "../analysis/segments/customer_table.ts";
import { sqlIdentifier } from "../model/sql_string.ts";
import type { FilterState } from "../report/filter_state.ts";
import type { Dataset } from "../source/dataset.ts";
import { engineOf } from "../source/duckdb_engine.ts";

/** The temporary table of the customers the segment and cluster filters keep. */
export const FILTER_CUSTOMERS = "filter_customers";

/**
 * The SQL filter of the command line's filters. Segment and cluster
 * filters become the temporary table {@linkcode FILTER_CUSTOMERS} of the
 * ids of the customers in them (empty when none is, or without a customer
 * table), selected in the engine from the customer table `customers`, as
 * the sales figures know customers only by id: the queries read it, rather
 * than a list of ids as long as the customers kept.
 */
export async function salesFilterFor(
  data: Dataset,
  filters: FilterState,
  customers?: CustomerTable | null,
): Promise<SalesFilter> {
  const filter: SalesFilter = {
    ...(filters.categories ? { categories: filters.categories } : {}),
    ...(filters.regions ? { regions: filters.regions } : {}),
    ...(filters.stores ? { stores: filters.stores } : {}),
    ...(filters.channels ? { channels: filters.channels } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
  if (filters.segments?.length || filters.clusters?.length) {
    // A label list's condition, its labels bound as parameters; none when
    // the list is empty (every label kept).
    const conditions: string[] = [];
    const params: string[] = [];
    for (
      const [column, labels] of [
        ["segment", filters.segments ?? []],
        ["cluster", filters.clusters ?? []],
      ] as const
    ) {
      if (labels.length === 0) continue;
      conditions.push(`${column} IN (${labels.map(() => "?").join(", ")})`);
      params.push(...labels);
    }
    const engine = engineOf(data);
    // Created empty first (which replaces only a temporary table of the
    // name), then filled from the customer table in the engine.
    await engine.createTempTable(
      FILTER_CUSTOMERS,
      [{ name: "customer_id", type: "VARCHAR" }],
      [],
    );
    if (customers) {
      await engine.run(
        `INSERT INTO ${FILTER_CUSTOMERS}
         SELECT customer_id FROM ${sqlIdentifier(customers.name)}
         WHERE ${conditions.join(" AND ")}`,
        params,
      );
    }
    filter.customersIn = FILTER_CUSTOMERS;
  }
  return filter;
}
