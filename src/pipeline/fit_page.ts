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
 * Renders the page, and again with the cube's time cut coarser (day, week,
 * month) while it takes over `maxPageBytes`: every other part of the page
 * is bounded by the data's period, not by its lines, so only the cube's
 * time grain is left to give. Returns the page and the cube it carries.
 */
export async function fitPage(
  cube: SalesCube,
  options: FitPageOptions,
): Promise<{ page: string; cube: SalesCube }> {
  const { maxPageBytes } = options;
  let page = await options.render(cube);
  let bytes = new TextEncoder().encode(page).length;
  while (bytes > maxPageBytes && cube.grain !== "month") {
    const coarser = await options.recut(cube.cells.length - 1);
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
