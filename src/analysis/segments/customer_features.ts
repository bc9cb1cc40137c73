import { type Dataset, queryRows, streamRows } from "../../source/dataset.ts";
import type { DenseMatrix } from "../../stats/dense_matrix.ts";
import { round6 } from "../../stats/round6.ts";
import { sqlIdentifier } from "../../model/sql_string.ts";
import { type SalesFilter, salesWhere } from "../sales/sales_filter.ts";
import type {
  CustomerFeatures,
  FeatureColumn,
} from "../../figures/segments/customer_features.ts";

export type {
  CustomerFeatures,
  FeatureColumn,
} from "../../figures/segments/customer_features.ts";

/** Customers per block of matrix rows while the spend cells are read. */
const BLOCK_ROWS = 4_096;

/** Options for {@linkcode customerFeatures}. */
export interface CustomerFeaturesOptions extends SalesFilter {
  /** Use each customer's share of their own net spend instead of spend. Default false. */
  share?: boolean;
  /** The columns, when known already (the query that finds them is then skipped). */
  columns?: FeatureColumn[];
  /**
   * Only the customers whose ids are in this temporary table (one
   * `customer_id` column), e.g. a seeded sample (see sampledClusters).
   */
  sampleTable?: string;
  /** Only the customers whose ids are in this range, bounds included. */
  idRange?: { from: string; to: string };
}

/**
 * Builds the feature matrix the clusters are computed on: each customer's
 * net spend per (category, sub-category), optionally as a share of that
 * customer's net spend (all zeros when that is not positive). Customers are
 * those with at least one purchase line in the filter, as in rfmTable;
 * columns are every (category, sub-category) pair among the filtered lines,
 * so a sub-category nobody bought is an all-zero column. Sums are rounded to
 * 6 decimals, so the matrix does not depend on summation order.
 *
 * Not plain JSON (typed arrays): write it with featureMatrixCsv.
 *
 * @example
 * ```ts
 * import { createDataset } from "../../source/dataset.ts";
 * import { customerFeatures } from "./customer_features.ts";
 * const line = (customer_id: string, sub_category: string, amount: number) => ({
 *   date: "2024-01-01", store: null, city: null, region: null, channel: null,
 *   department: null, category: "Books", sub_category, customer_id, transaction_id: null,
 *   quantity: 1, amount, gallons: null, fuel_type: null, fuel_price: null,
 * });
 * const data = await createDataset({ sales: [line("A", "Comics", 30), line("A", "DIY", 10), line("B", "DIY", 5)] });
 * const f = await customerFeatures(data, { share: true });
 * if (f.columns[0].label !== "Books: Comics" || f.features.values.join() !== "0.75,0.25,0,1") {
 *   throw new Error(f.features.values.join());
 * }
 * ```
 */
export async function customerFeatures(
  data: Dataset,
  options: CustomerFeaturesOptions = {},
): Promise<CustomerFeatures> {
  const {
    share = false,
    columns: givenColumns,
    sampleTable,
    idRange,
    ...filter
  } = options;
  const where = salesWhere(filter);
  const columns = givenColumns ?? await featureColumns(data, filter);
  // The customers asked for, as a condition on the lines' customer_id.
  const only = [
    ...(sampleTable
      ? [
        `customer_id IN (SELECT customer_id FROM ${
          sqlIdentifier(sampleTable)
        })`,
      ]
      : []),
    ...(idRange ? ["customer_id >= ? AND customer_id <= ?"] : []),
  ];
  const onlyParams = idRange ? [idRange.from, idRange.to] : [];
  const clauses = [
    ...(where.sql ? [where.sql.replace(/^WHERE\s+/, "")] : []),
    ...only,
  ];
  const and = clauses.length ? `WHERE ${clauses.join(" AND ")} AND` : "WHERE";
  const columnIndex = new Map(columns.map((c, j) => [c.key, j]));
  const cols = columns.length;
  // The cells arrive in batches, by customer, and go straight into blocks
  // of matrix rows: no cell ever waits as an object for the others.
  const customerIds: string[] = [];
  const blocks: Float64Array[] = [];
  let block = new Float64Array(0);
  let row = -1; // In the block.
  let previous: string | null = null;
  for await (
    const batch of streamRows<{
      customer_id: string;
      category: string;
      sub_category: string | null;
      spend: number;
    }>(
      data,
      `WITH buyers AS (
         SELECT customer_id FROM sales ${and} customer_id IS NOT NULL
         GROUP BY customer_id HAVING max(amount) > 0
       )
       SELECT customer_id, category, sub_category, sum(amount) AS spend
       FROM sales ${and} customer_id IN (SELECT customer_id FROM buyers)
       GROUP BY customer_id, category, sub_category
       ORDER BY customer_id`,
      [...where.params, ...onlyParams, ...where.params, ...onlyParams],
    )
  ) {
    for (const cell of batch) {
      if (cell.customer_id !== previous) {
        previous = cell.customer_id;
        customerIds.push(cell.customer_id);
        row++;
        if ((row + 1) * cols > block.length) {
          block = new Float64Array(BLOCK_ROWS * cols);
          blocks.push(block);
          row = 0;
        }
      }
      const j = columnIndex.get(
        `${cell.category} / ${cell.sub_category ?? ""}`,
      )!;
      block[row * cols + j] = round6(cell.spend);
    }
  }
  const spend = new Float64Array(customerIds.length * cols);
  blocks.forEach((b, i) => {
    const offset = i * BLOCK_ROWS * cols;
    spend.set(b.subarray(0, Math.min(b.length, spend.length - offset)), offset);
  });
  blocks.length = 0;
  const spendMatrix = { rows: customerIds.length, cols, values: spend };
  return {
    columns,
    customerIds,
    spend: spendMatrix,
    features: share ? shares(spendMatrix) : spendMatrix,
    share,
  };
}

/** Every (category, sub-category) pair among the filtered lines: the features' columns. */
export async function featureColumns(
  data: Dataset,
  filter: SalesFilter,
): Promise<FeatureColumn[]> {
  const where = salesWhere(filter);
  const columnRows = await queryRows<
    { category: string; sub_category: string | null }
  >(
    data,
    `SELECT DISTINCT category, sub_category FROM sales ${where.sql}
     ORDER BY category, sub_category NULLS LAST`,
    where.params,
  );
  return columnRows.map((row): FeatureColumn => ({
    key: `${row.category} / ${row.sub_category ?? ""}`,
    category: row.category,
    subCategory: row.sub_category,
    label: row.sub_category === null
      ? row.category
      : `${row.category}: ${row.sub_category}`,
  }));
}

function shares({ rows, cols, values }: DenseMatrix): DenseMatrix {
  const out = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) {
    let total = 0;
    for (let j = 0; j < cols; j++) total += values[i * cols + j];
    if (!(total > 0)) continue;
    for (let j = 0; j < cols; j++) {
      out[i * cols + j] = values[i * cols + j] / total;
    }
  }
  return { rows, cols, values: out };
}
