import type { DataFrame } from "danfojs";
import type { Dataset, QueryParam } from "../source/dataset.ts";
import { type QueryResult, toDataFrame } from "./to_data_frame.ts";

/**
 * Runs a query on a Dataset and returns the result as a danfojs DataFrame
 * (see {@linkcode toDataFrame}); an empty result keeps its columns.
 *
 * @example
 * ```ts
 * import { createDataset } from "../source/dataset.ts";
 * import { queryFrame } from "./query_frame.ts";
 * const data = await createDataset({ sales: [] });
 * const frame = await queryFrame(data, "SELECT category, sum(amount) AS sales FROM sales GROUP BY category");
 * if (frame.columns.join() !== "category,sales" || frame.shape[0] !== 0) throw new Error(frame.columns.join());
 * ```
 */
export async function queryFrame(
  data: Pick<Dataset, "connection">,
  sql: string,
  params?: QueryParam[] | Record<string, QueryParam>,
): Promise<DataFrame> {
  const reader = await data.connection.runAndReadAll(sql, params as never);
  return toDataFrame(reader as unknown as QueryResult);
}
