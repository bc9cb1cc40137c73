import type { SalesFilter } from "../analysis/sales/sales_filter.ts";
import {
  type CustomerGroups,
  NO_CUSTOMER_GROUPS,
} from "../figures/segments/customer_groups.ts";
import type { FilterState } from "../report/filter_state.ts";
import type { Dataset } from "../source/dataset.ts";
import { engineOf } from "../source/duckdb_engine.ts";

/** The temporary table of the customers the segment and cluster filters keep. */
export const FILTER_CUSTOMERS = "filter_customers";

/**
 * The SQL filter of the command line's filters. Segment and cluster
 * filters become the temporary table {@linkcode FILTER_CUSTOMERS} of the
 * ids of the customers in them (empty when none is), uploaded here, as the
 * sales figures know customers only by id: the queries read it, rather than
 * a list of ids as long as the customers kept.
 */
export async function salesFilterFor(
  data: Dataset,
  filters: FilterState,
  groups: CustomerGroups = NO_CUSTOMER_GROUPS,
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
    const segments = new Set(filters.segments ?? []);
    const clusters = new Set(filters.clusters ?? []);
    const keep = (names: readonly string[], wanted: Set<string>) =>
      names.map((name) => !wanted.size || wanted.has(name));
    const segmentKept = keep(groups.segments, segments);
    const clusterKept = keep(groups.clusters, clusters);
    await engineOf(data).createTempTable(
      FILTER_CUSTOMERS,
      [{ name: "customer_id", type: "VARCHAR" }],
      (function* () {
        for (let i = 0; i < groups.ids.length; i++) {
          if (
            segmentKept[groups.segment[i]] && clusterKept[groups.cluster[i]]
          ) {
            yield [groups.ids[i]];
          }
        }
      })(),
    );
    filter.customersIn = FILTER_CUSTOMERS;
  }
  return filter;
}
