import type { SalesCube } from "../analysis/sales/sales_cube.ts";

/** Options for {@linkcode fitPage}. */
export interface FitPageOptions {
  /** Renders the page around a cube. */
  render(cube: SalesCube): Promise<string>;
  /** The cube again, cut coarser in time so that it has under `maxCells` cells. */
  recut(maxCells: number): Promise<SalesCube>;
  maxPageBytes: number;
  log(message: string): void;
}

/**
 * Renders the page, and again while it takes over `maxPageBytes`: first
 * without the cube's sales of new and returning customers
 * (`customerSales`, which only the comparisons after a filter need), then
 * with the cube's time cut coarser (day, week, month): every other part of
 * the page is bounded by the data's period, not by its lines, so only the
 * cube is left to give. Returns the page and the cube it carries.
 */
export async function fitPage(
  cube: SalesCube,
  options: FitPageOptions,
): Promise<{ page: string; cube: SalesCube }> {
  const { maxPageBytes } = options;
  let page = await options.render(cube);
  let bytes = new TextEncoder().encode(page).length;
  let split = Boolean(cube.customerSales);
  while (bytes > maxPageBytes && (split || cube.grain !== "month")) {
    if (split) {
      options.log(
        `The page would take ${bytes} bytes with new and returning customers' sales, over ${maxPageBytes}: leaving them out of the page's filters`,
      );
      split = false;
      cube = { ...cube, customerSales: null };
      page = await options.render(cube);
      bytes = new TextEncoder().encode(page).length;
      continue;
    }
    const recut = await options.recut(cube.cells.length - 1);
    const coarser = { ...recut, customerSales: null };
    options.log(
      `The page would take ${bytes} bytes with sums by ${cube.grain}, over ${maxPageBytes}: cutting time by ${coarser.grain}`,
    );
    cube = coarser;
    page = await options.render(cube);
    bytes = new TextEncoder().encode(page).length;
  }
  if (bytes > maxPageBytes) {
    options.log(
      `The page takes ${bytes} bytes, over ${maxPageBytes}, even with sums by month`,
    );
  }
  return { page, cube };
}
