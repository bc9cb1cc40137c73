import type { CustomerGroup } from "../analysis/sales/sales_cube.ts";
import type { SalesFilter } from "../analysis/sales/sales_filter.ts";
import type { FilterState } from "../report/filter_state.ts";

/**
 * The SQL filter of the command line's filters: segment and cluster filters
 * become the ids of the customers in them (an id no customer has when none
 * is), as the sales figures know customers only by id.
 */
export function salesFilterFor(
  filters: FilterState,
  groups: readonly CustomerGroup[],
): SalesFilter {
  const filter: SalesFilter = {
    ...(filters.categories ? { categories: filters.categories } : {}),
    ...(filters.regions ? { regions: filters.regions } : {}),
    ...(filters.stores ? { stores: filters.stores } : {}),
    ...(filters.channels ? { channels: filters.channels } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
  if (filters.segments?.length || filters.clusters?.length) {
    const segments = new Set(filters.segments ?? []);
    const clusters = new Set(filters.clusters ?? []);
    filter.customers = groups
      .filter((g) =>
        (!segments.size || segments.has(g.segment)) &&
        (!clusters.size || clusters.has(g.cluster))
      )
      .map((g) => g.customer_id);
    if (filter.customers.length === 0) {
      filter.customers = ["\u0000no customer matches"];
    }
  }
  return filter;
}
