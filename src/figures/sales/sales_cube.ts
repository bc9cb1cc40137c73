/**
 * The report's sales cube: the shape of the sums the page carries instead
 * of sale lines. `salesCube` (analysis/sales) builds it with SQL;
 * `cubeFigures` reads it in the browser. Types only, free of DuckDB.
 *
 * @module
 */

/** How finely a cube's cells cut time. */
export type CubeGrain = "day" | "week" | "month";

/**
 * Sums of sale lines by period × store × region × channel × department ×
 * category × fuel type × segment × cluster, stored by column: each dimension
 * as indexes into its list of values, each measure as numbers. It is what the
 * report's page carries instead of sale lines, so that filters can recompute
 * every figure in the browser; its size is bounded by `maxCells`, not by the
 * number of lines.
 */
export interface SalesCube {
  grain: CubeGrain;
  /** First and last day with lines. */
  from: string | null;
  to: string | null;
  /**
   * The days the SQL analyses clip their periods to, for the same options
   * as the cube's, so that the page's periods match theirs: the first and
   * last day of all the data (whatever the filter and `asOf`), and the
   * cube's own date bounds (its filter's `from`; the earlier of its
   * filter's `to` and `asOf`), null when not given.
   */
  bounds: {
    dataFrom: string | null;
    dataTo: string | null;
    from: string | null;
    to: string | null;
  };
  dims: {
    /** Period start days (`YYYY-MM-DD`; the Monday of a week, the 1st of a month). */
    period: string[];
    store: string[];
    region: string[];
    channel: string[];
    department: string[];
    category: string[];
    fuelType: string[];
    segment: string[];
    cluster: string[];
  };
  /** The city of each store (by store index); "(none)" when unknown. */
  storeCity: string[];
  cells: CubeColumns<CellDimension, CellMeasure>;
  /**
   * Transactions counted by the set of categories in which they have a sale
   * line (`mask`, amount above zero, a bit mask over `dims.category`) and
   * the set in which they have a return line (`returnMask`, below zero), so
   * that purchase and return transactions stay exact under any filter: the
   * transactions whose lines all share one period, store, region, channel,
   * segment and cluster. Null when the data has no transaction ids or more
   * than 30 categories.
   */
  baskets: CubeColumns<BasketDimension | BasketMask, "count"> | null;
  /**
   * The other transactions (a return on a later day, a basket split across
   * stores...): one row per part, a part being the transaction's lines of one
   * period, store, region, channel, segment and cluster, with the masks of
   * its categories as in `baskets`; `transaction` numbers the transactions
   * from 0, so that each counts once however many of its parts a filter
   * keeps. Null when `baskets` is.
   */
  splitBaskets:
    | CubeColumns<BasketDimension | BasketMask | "transaction", never>
    | null;
  /** Customers counted by segment, cluster and the set of categories they bought. */
  customers: CubeColumns<"segment" | "cluster" | "mask", "count"> | null;
  /**
   * Who bought, by cell (aligned with `cells`): `newNet`, the net sales of
   * lines dated on their customer's first purchase day (the first day with
   * a line above zero in all the data), and `anonymousNet`, those of lines
   * without a customer id; the rest is returning customers'. Null (or left
   * out) when no line has a customer id.
   */
  customerSales?: { newNet: number[]; anonymousNet: number[] } | null;
}

/** The dimensions of a cube cell. */
export type CellDimension = keyof SalesCube["dims"];

/** The dimensions by which transactions are counted. */
export type BasketDimension = Exclude<
  CellDimension,
  "department" | "category" | "fuelType"
>;

/**
 * The category masks of a transaction (or part of one): the categories with
 * a sale line, and those with a return line.
 */
export type BasketMask = "mask" | "returnMask";

/** The measures of a cube cell. */
export type CellMeasure =
  | "net"
  | "gross"
  | "returns"
  | "lines"
  | "returnLines"
  | "quantity"
  | "gallons"
  /**
   * Gross sales of the lines that have a transaction id (for the average
   * basket): the positive amounts, each of which belongs to a purchase.
   */
  | "basketGross"
  /** Net sales of the lines that have gallons (for the volume-weighted fuel price). */
  | "gallonsNet";

/** Columns of equal length, one per dimension and measure. */
export type CubeColumns<D extends string, M extends string> =
  & { length: number }
  & Record<D, number[]>
  & Record<M, number[]>;
