import {
  type CustomerGroups,
  groupRows,
  NO_CUSTOMER_GROUPS,
} from "../../figures/segments/customer_groups.ts";
import type { SqlEngine } from "../../source/sql_engine.ts";

/**
 * Uploads each customer's segment and cluster label as the temporary table
 * `name` (customer_id, segment, cluster), for the analyses to join with
 * the lines. The rows are made as they are sent, never all at once; a
 * customer without a cluster gets `noCluster` ("(none)" by default).
 */
export async function createGroupsTable(
  engine: SqlEngine,
  name: string,
  groups: CustomerGroups = NO_CUSTOMER_GROUPS,
  noCluster?: string | null,
): Promise<void> {
  await engine.createTempTable(
    name,
    [
      { name: "customer_id", type: "VARCHAR" },
      { name: "segment", type: "VARCHAR" },
      { name: "cluster", type: "VARCHAR" },
    ],
    groupRows(groups, noCluster),
  );
}
