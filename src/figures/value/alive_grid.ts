import type { BgNbdParams } from "../../stats/clv/bg_nbd.ts";
import { probabilityAlive } from "../../stats/clv/customer_value.ts";

/** One cell of {@linkcode aliveGrid}. */
export interface AliveCell {
  /** Repeat purchases (frequency). */
  repeatPurchases: number;
  /** The row's weeks since the last purchase: from, to and the middle the cell is computed at. */
  weeksSinceFrom: number;
  weeksSinceTo: number;
  weeksSince: number;
  probabilityAlive: number;
}

/** The probability-active heat map: its customer's age and cells. */
export interface AliveGrid {
  /** Weeks since the first purchase of the customer the grid describes. */
  T: number;
  cells: AliveCell[];
}

/** Options for {@linkcode aliveGrid}. */
export interface AliveGridOptions {
  /** The most repeat purchases shown. */
  maxRepeatPurchases: number;
  /** Rows of weeks since the last purchase. Default 12. */
  rows?: number;
  /** Columns of repeat purchases at most. Default 25. */
  columns?: number;
}

/**
 * The papers' heat map (Fader, Hardie and Lee 2005): the probability that
 * a customer who first bought `T` weeks ago is still active, by repeat
 * purchases (across) and weeks since the last purchase (down, in `rows`
 * equal bands of 0 to T, each computed at its middle). Up to `columns`
 * repeat-purchase counts from 1 to `maxRepeatPurchases`, evenly spread: a
 * customer with none has no last purchase after the first, and counts as
 * active in the model whatever the weeks.
 *
 * @example
 * ```ts
 * import { aliveGrid } from "./alive_grid.ts";
 * const grid = aliveGrid({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 39, { maxRepeatPurchases: 5, rows: 4 });
 * if (grid.cells.length !== 20) throw new Error(String(grid.cells.length));
 * ```
 */
export function aliveGrid(
  params: BgNbdParams,
  T: number,
  options: AliveGridOptions,
): AliveGrid {
  const rows = options.rows ?? 12;
  const columns = options.columns ?? 25;
  const max = Math.max(1, Math.round(options.maxRepeatPurchases));
  const xs = max <= columns ? Array.from({ length: max }, (_, i) => i + 1) : [
    ...new Set(
      Array.from(
        { length: columns },
        (_, i) => 1 + Math.round(i * (max - 1) / (columns - 1)),
      ),
    ),
  ];
  const cells: AliveCell[] = [];
  for (let row = 0; row < rows; row++) {
    const from = T * row / rows, to = T * (row + 1) / rows;
    const since = (from + to) / 2;
    for (const x of xs) {
      cells.push({
        repeatPurchases: x,
        weeksSinceFrom: from,
        weeksSinceTo: to,
        weeksSince: since,
        probabilityAlive: probabilityAlive(params, { x, tx: T - since, T }),
      });
    }
  }
  return { T, cells };
}
