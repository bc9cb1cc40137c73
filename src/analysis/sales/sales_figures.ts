/**
 * The SQL engine's sales figures: DuckDB sums the sale lines
 * (`salesSums`), and `salesFiguresFromSums` (figures/sales), the one
 * definition of every figure, finishes them. The report's page has a
 * second engine, `cubeFigures`, which sums the report's cube in the
 * browser so that the reader can filter offline; it finishes through the
 * same function. This one serves the notebooks, the command line's filters
 * and the report's first view, and stays exact where the cube cannot be
 * (sub-categories, distinct customers under any filter).
 *
 * @module
 */
import type { Dataset } from "../../source/dataset.ts";
import {
  type SalesFigures,
  salesFiguresFromSums,
} from "../../figures/sales/sales_figures_from_sums.ts";
import type { SalesOptions } from "./sales_options.ts";
import { salesSums } from "./sales_sums.ts";

export type { SalesFigures } from "../../figures/sales/sales_figures_from_sums.ts";

/** Options for {@linkcode salesFigures}. */
export interface SalesFiguresOptions extends SalesOptions {
  /** Categories per region in `topCategoriesByRegion`. Default 2. */
  topN?: number;
}

/**
 * Every sales figure of the report for one selection of lines: what the
 * report and the sales notebook show. The same figures as each `salesBy...`
 * analysis gives on its own.
 */
export async function salesFigures(
  data: Dataset,
  options: SalesFiguresOptions = {},
): Promise<SalesFigures> {
  const { topN = 2, ...selection } = options;
  return salesFiguresFromSums(await salesSums(data, selection), { topN });
}
