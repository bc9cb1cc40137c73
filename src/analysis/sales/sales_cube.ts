import type { Dataset } from "../../source/dataset.ts";
import { engineOf } from "../../source/duckdb_engine.ts";
import { type SalesFilter, salesWhere } from "./sales_filter.ts";
import {
  byCodePoint,
  columns,
  indexed,
  readColumns,
  ROUNDED_MEASURES,
  sortRows,
} from "./cube_columns.ts";
import { lastDay } from "./sales_options.ts";
import { periodSql } from "./period_sql.ts";
import type {
  BasketDimension,
  CellDimension,
  CubeGrain,
  SalesCube,
} from "../../figures/sales/sales_cube.ts";
import { sqlIdentifier } from "../../model/sql_string.ts";
import type { CustomerTable } from "../segments/customer_table.ts";
import { withCustomerTable } from "../segments/with_customer_table.ts";

export type {
  BasketDimension,
  CellDimension,
  CellMeasure,
  CubeColumns,
  CubeGrain,
  SalesCube,
} from "../../figures/sales/sales_cube.ts";

/** Options for {@linkcode salesCube}. */
export interface SalesCubeOptions {
  /** The customer table of each one's RFM segment and cluster (see uploadCustomerTable); lines of other customers get "(none)". */
  customers?: CustomerTable | null | undefined;
  /** Lines after this day are left out, `YYYY-MM-DD`. */
  asOf?: string;
  /** Only the lines this filter selects go into the cube. */
  filter?: SalesFilter;
  /** The most cells the cube may have: the grain coarsens from day to week to month to stay within it. Default 60,000. */
  maxCells?: number;
}

const DIMENSIONS: readonly CellDimension[] = [
  "period",
  "store",
  "region",
  "channel",
  "department",
  "category",
  "fuelType",
  "segment",
  "cluster",
];
const BASKET_DIMENSIONS: readonly BasketDimension[] = [
  "period",
  "store",
  "region",
  "channel",
  "segment",
  "cluster",
];
const NONE = "(none)";
const GRAINS: readonly CubeGrain[] = ["day", "week", "month"];

/**
 * Builds the report's sales cube from the data model. Its queries are
 * written once for DuckDB and PostgreSQL (see docs/warehouse.md): what
 * comes back is sums by day and dimension, never sale lines; labels are
 * turned into dictionary indices and sorted here, not in SQL.
 */
export function salesCube(
  data: Dataset,
  options: SalesCubeOptions = {},
): Promise<SalesCube> {
  return withCustomerTable(
    data,
    options.customers,
    (table) => cubeOf(data, table, options),
  );
}

async function cubeOf(
  data: Dataset,
  table: CustomerTable,
  options: SalesCubeOptions,
): Promise<SalesCube> {
  const engine = engineOf(data);
  const maxCells = options.maxCells ?? 60_000;
  const condition = salesWhere({
    ...options.filter,
    ...(options.asOf &&
        (!options.filter?.to || options.asOf < options.filter.to)
      ? { to: options.asOf }
      : {}),
  }, "s");
  const label = (column: string) =>
    `coalesce(CAST(${column} AS VARCHAR), '${NONE}')`;
  const labels = sqlIdentifier(table.name);
  // The selected lines with their labels, as a CTE: read where lines are
  // needed (day sums, transactions, customers), never stored, since a copy
  // of 10 million lines would take gigabytes. Only the day sums need each
  // customer's first day (a join over every line), so only they join it.
  const linesWith = (firstDay: boolean) =>
    `WITH cube_lines AS (
    SELECT s.date, ${label("s.store")} AS store, ${label("s.region")} AS region,
           ${label("s.channel")} AS channel, ${
      label("s.department")
    } AS department,
           s.category, ${
      label(
        "CASE WHEN s.gallons IS NOT NULL OR s.category = 'Fuel' THEN s.fuel_type END",
      )
    } AS fuel_type,
           ${label("g.segment")} AS segment, ${label("g.cluster")} AS cluster,
           s.city, s.transaction_id, s.customer_id, s.amount, s.quantity, s.gallons${
      firstDay ? ",\n           s.date = f.first_day AS first_purchase_day" : ""
    }
    FROM sales s LEFT JOIN ${labels} g ON g.customer_id = s.customer_id${
      firstDay
        ? `
      LEFT JOIN (
        SELECT customer_id, min(date) AS first_day FROM sales
        WHERE amount > 0 AND customer_id IS NOT NULL GROUP BY customer_id
      ) f ON f.customer_id = s.customer_id`
        : ""
    } ${condition.sql})`;
  // Sums by day and every dimension, in one pass over the lines: the grain,
  // the dictionaries and the cells all come from these, and every measure
  // adds up from days to weeks and months.
  await engine.createTempTableAs(
    "cube_days",
    `${linesWith(true)}
    SELECT date, store, region, channel, department, category, fuel_type, segment, cluster,
      min(city) AS city,
      sum(amount) AS net,
      coalesce(sum(amount) FILTER (WHERE amount > 0), 0) AS gross,
      coalesce(-sum(amount) FILTER (WHERE amount < 0), 0) AS returns,
      count(*) AS "lines",
      count(*) FILTER (WHERE amount < 0) AS "returnLines",
      sum(quantity) AS quantity,
      sum(gallons) AS gallons,
      coalesce(sum(amount) FILTER (WHERE transaction_id IS NOT NULL AND amount > 0), 0) AS "basketGross",
      coalesce(sum(amount) FILTER (WHERE gallons IS NOT NULL), 0) AS "gallonsNet",
      coalesce(sum(amount) FILTER (WHERE first_purchase_day), 0) AS "newNet",
      coalesce(sum(amount) FILTER (WHERE customer_id IS NULL), 0) AS "anonymousNet",
      count(transaction_id) AS transaction_lines,
      count(customer_id) AS customer_lines
    FROM cube_lines GROUP BY ${GROUP_DIMENSIONS}`,
    condition.params,
  );
  let grain: CubeGrain = "day";
  for (const candidate of GRAINS) {
    grain = candidate;
    // By day, the cells are cube_days' rows (grouped by day and every
    // dimension): counting them needs no DISTINCT.
    const [{ n }] = await engine.query<{ n: number }>(
      candidate === "day"
        ? "SELECT count(*) AS n FROM cube_days"
        : `SELECT count(*) AS n FROM (SELECT DISTINCT ${
          periodSql(candidate)
        } AS period, store, region, channel, department, category, fuel_type, segment, cluster FROM cube_days) AS combinations`,
    );
    if (n <= maxCells) break;
  }
  const period = `CAST(${periodSql(grain)} AS VARCHAR)`;
  const dictionary = async (column: string) =>
    (await engine.query<{ v: string }>(
      `SELECT DISTINCT ${column} AS v FROM cube_days`,
    )).map((r) => String(r.v)).sort(byCodePoint);
  const dims = {
    period: await dictionary(period),
    store: await dictionary("store"),
    region: await dictionary("region"),
    channel: await dictionary("channel"),
    department: await dictionary("department"),
    category: await dictionary("category"),
    fuelType: await dictionary("fuel_type"),
    segment: await dictionary("segment"),
    cluster: await dictionary("cluster"),
  };
  // Each label's index in its dictionary, as a table the cells and baskets
  // join: they come back as numbers, not as text decoded value by value.
  await engine.createTempTable(
    "cube_codes",
    [
      { name: "dim", type: "VARCHAR" },
      { name: "label", type: "VARCHAR" },
      { name: "code", type: "INTEGER" },
    ],
    Object.entries(dims).flatMap(([dim, labels]) =>
      labels.map((label, code) => [dim, label, code])
    ),
  );
  const cellRows = await engine.query<Record<string, unknown>>(
    cellsSql(grain),
  );
  const cellsReader = sortRows(cellRows, DIMENSIONS);
  const cells = readColumns(cellsReader, [
    ...DIMENSIONS,
    "net",
    "gross",
    "returns",
    "lines",
    "returnLines",
    "quantity",
    "gallons",
    "basketGross",
    "gallonsNet",
  ], ROUNDED_MEASURES) as SalesCube["cells"];
  const split = readColumns(cellsReader, [
    "newNet",
    "anonymousNet",
  ], CUSTOMER_SALES) as unknown as NonNullable<SalesCube["customerSales"]>;
  const storeCity = (await engine.query<{ store: string; city: string }>(
    `SELECT store, coalesce(min(city), '${NONE}') AS city FROM cube_days GROUP BY store`,
  )).sort((a, b) => byCodePoint(a.store, b.store)).map((r) => String(r.city));
  let baskets: SalesCube["baskets"] = null;
  let splitBaskets: SalesCube["splitBaskets"] = null;
  const [{ t: hasTransactions, c: hasCustomers }] = await engine.query<
    { t: boolean; c: boolean }
  >(
    "SELECT coalesce(sum(transaction_lines), 0) > 0 AS t, coalesce(sum(customer_lines), 0) > 0 AS c FROM cube_days",
  );
  // Each category's bit, its names bound as parameters: bit i for the
  // dictionary's i-th category.
  const categoryBit = `CASE category ${
    dims.category.map((_, i) => `WHEN ? THEN ${2 ** i}`).join(" ")
  } END`;
  const bitParams = dims.category;
  if (hasTransactions && dims.category.length <= 30) {
    await engine.createTempTableAs(
      "cube_parts",
      `${linesWith(false)}
      SELECT transaction_id, CAST(${
        periodSql(grain)
      } AS VARCHAR) AS period, store, region,
             channel, segment, cluster,
             CAST(coalesce(bit_or(${categoryBit}) FILTER (WHERE amount > 0), 0) AS INTEGER) AS mask,
             CAST(coalesce(bit_or(${categoryBit}) FILTER (WHERE amount < 0), 0) AS INTEGER) AS "returnMask",
             count(*) OVER (PARTITION BY transaction_id) AS parts
      FROM cube_lines WHERE transaction_id IS NOT NULL
      GROUP BY 1, 2, 3, 4, 5, 6, 7`,
      [...condition.params, ...bitParams, ...bitParams],
    );
    // A transaction's parts are counted once, as cube_parts is made (a
    // window over its groups), rather than by a semi-join per query.
    const parts = (comparison: string) => `parts ${comparison}`;
    const basketRows = await engine.query<Record<string, unknown>>(`
      SELECT ${coded(BASKET_DIMENSIONS)}, mask, "returnMask",
        CAST(count(*) AS INTEGER) AS count
      FROM cube_parts ${codeJoins(BASKET_DIMENSIONS)}
      WHERE ${parts("= 1")} GROUP BY 1, 2, 3, 4, 5, 6, 7, 8`);
    baskets = readColumns(
      sortRows(basketRows, [...BASKET_DIMENSIONS, "mask", "returnMask"]),
      [...BASKET_DIMENSIONS, "mask", "returnMask", "count"],
    ) as NonNullable<SalesCube["baskets"]>;
    const splitRows = await engine.query<Record<string, unknown>>(`
      SELECT transaction_id AS id, period, store, region, channel, segment, cluster, mask, "returnMask"
      FROM cube_parts WHERE ${parts("> 1")}`);
    const split = indexed(splitRows, dims, BASKET_DIMENSIONS, [
      "mask",
      "returnMask",
    ], "id");
    const numbers = new Map<unknown, number>();
    for (const row of split) {
      row.transaction = numbers.get(row.id) ?? numbers.size;
      numbers.set(row.id, row.transaction as number);
    }
    splitBaskets = columns(split, [
      "transaction",
      ...BASKET_DIMENSIONS,
      "mask",
      "returnMask",
    ]) as NonNullable<SalesCube["splitBaskets"]>;
    await engine.run("DROP TABLE cube_parts");
  }
  let customers: SalesCube["customers"] = null;
  if (hasCustomers && dims.category.length <= 30) {
    const rows = await engine.query<Record<string, unknown>>(
      `
      ${linesWith(false)}, c AS (
        SELECT customer_id, min(segment) AS segment, min(cluster) AS cluster,
          CAST(bit_or(${categoryBit}) AS INTEGER) AS mask
        FROM cube_lines WHERE customer_id IS NOT NULL GROUP BY customer_id
      )
      SELECT segment, cluster, mask, CAST(count(*) AS INTEGER) AS count
      FROM c GROUP BY 1, 2, 3`,
      [...condition.params, ...bitParams],
    );
    customers = readColumns(
      indexed(rows, dims, ["segment", "cluster"], ["mask"]),
      ["segment", "cluster", "mask", "count"],
    ) as NonNullable<SalesCube["customers"]>;
  }
  const range = async (table: string) => {
    const [row] = await engine.query<{ f: string | null; t: string | null }>(
      `SELECT CAST(min(date) AS VARCHAR) AS f, CAST(max(date) AS VARCHAR) AS t FROM ${table}`,
    );
    return [row.f, row.t];
  };
  const selected = await range("cube_days");
  const all = await range("sales");
  const bounds = {
    dataFrom: all[0],
    dataTo: all[1],
    from: options.filter?.from || null,
    to: lastDay({ to: options.filter?.to, asOf: options.asOf }) ?? null,
  };
  await engine.run("DROP TABLE cube_days");
  await engine.run("DROP TABLE cube_codes");
  return {
    grain,
    from: selected[0],
    to: selected[1],
    bounds,
    dims,
    storeCity,
    cells,
    baskets,
    splitBaskets,
    customers,
    customerSales: hasCustomers
      ? { newNet: split.newNet, anonymousNet: split.anonymousNet }
      : null,
  };
}

/** The cube_days columns a cell is keyed by, in the cells' order. */
const GROUP_DIMENSIONS =
  "date, store, region, channel, department, category, fuel_type, segment, cluster";

/**
 * The cells' measures: by day, cube_days' column (null quantities and
 * gallons as 0, as their sums are); by week or month, its sum.
 */
const CELL_MEASURES: readonly [name: string, day: string, summed: string][] = [
  ["net", "net", "sum(net)"],
  ["gross", "gross", "sum(gross)"],
  ["returns", "returns", "sum(returns)"],
  ["quantity", "coalesce(quantity, 0)", "coalesce(sum(quantity), 0)"],
  ["gallons", "coalesce(gallons, 0)", "coalesce(sum(gallons), 0)"],
  ["basketGross", '"basketGross"', 'sum("basketGross")'],
  ["gallonsNet", '"gallonsNet"', 'sum("gallonsNet")'],
  ["newNet", '"newNet"', 'sum("newNet")'],
  ["anonymousNet", '"anonymousNet"', 'sum("anonymousNet")'],
  ["lines", '"lines"', 'sum("lines")'],
  ["returnLines", '"returnLines"', 'sum("returnLines")'],
];

/** The line counts among {@linkcode CELL_MEASURES}. */
const COUNTS: ReadonlySet<string> = new Set(["lines", "returnLines"]);

/**
 * The query of the cube's cells at `grain`. By day, cube_days' rows are the
 * cells (each its own group), so they are read as they are; by week or
 * month they are summed. The exact decimal sums become DOUBLE PRECISION in
 * the query: the same numbers as converting each decimal after it (the
 * scaled integer divided by a power of ten, correctly rounded), without a
 * decimal object per value.
 */
function cellsSql(grain: CubeGrain): string {
  const day = grain === "day";
  const measures = CELL_MEASURES.map(([name, read, summed]) =>
    `CAST(${day ? read : summed} AS ${
      COUNTS.has(name) ? "INTEGER" : "DOUBLE PRECISION"
    }) AS "${name}"`
  );
  return `
    SELECT ${coded(DIMENSIONS)},
      ${measures.join(",\n      ")}
    FROM (SELECT *, CAST(${
    periodSql(grain)
  } AS VARCHAR) AS period, fuel_type AS "fuelType" FROM cube_days) AS d
    ${codeJoins(DIMENSIONS)}${
    day ? "" : " GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9"
  }`;
}

/** The select list of `names` as their codes (see codeJoins). */
function coded(names: readonly string[]): string {
  return names.map((name) => `c_${name}.code AS "${name}"`).join(", ");
}

/**
 * Joins each of `names` (a column of the rows joined to) to its code in
 * cube_codes, the label's index in the cube's dictionary.
 */
function codeJoins(names: readonly string[]): string {
  return names.map((name) =>
    `JOIN cube_codes c_${name} ON c_${name}.dim = '${name}' AND c_${name}.label = "${name}"`
  ).join("\n    ");
}

/** The measures of `SalesCube.customerSales`, rounded as the cells' are. */
const CUSTOMER_SALES: ReadonlySet<string> = new Set(["newNet", "anonymousNet"]);
