import type { DuckDBResultReader } from "@duckdb/node-api";
import type { Dataset } from "../../source/dataset.ts";
import { type SalesFilter, salesWhere } from "./sales_filter.ts";
import { round6 } from "../../stats/round6.ts";
import { lastDay } from "./sales_options.ts";
import type {
  BasketDimension,
  CellDimension,
  CubeGrain,
  CustomerGroup,
  SalesCube,
} from "../../figures/sales/sales_cube.ts";

export type {
  BasketDimension,
  CellDimension,
  CellMeasure,
  CubeColumns,
  CubeGrain,
  CustomerGroup,
  SalesCube,
} from "../../figures/sales/sales_cube.ts";

/** Options for {@linkcode salesCube}. */
export interface SalesCubeOptions {
  /** Each customer's RFM segment and cluster, one entry per customer; lines of other customers get "(none)". */
  groups?: readonly CustomerGroup[];
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

/** Builds the report's sales cube from the data model. */
export async function salesCube(
  data: Dataset,
  options: SalesCubeOptions = {},
): Promise<SalesCube> {
  const { connection } = data;
  const maxCells = options.maxCells ?? 60_000;
  await connection.run(
    "CREATE OR REPLACE TEMP TABLE cube_groups (customer_id VARCHAR, segment VARCHAR, cluster VARCHAR)",
  );
  if (options.groups?.length) {
    const appender = await connection.createAppender("cube_groups");
    for (const g of options.groups) {
      appender.appendVarchar(g.customer_id);
      appender.appendVarchar(g.segment);
      appender.appendVarchar(g.cluster);
      appender.endRow();
    }
    appender.closeSync();
  }
  const condition = salesWhere({
    ...options.filter,
    ...(options.asOf &&
        (!options.filter?.to || options.asOf < options.filter.to)
      ? { to: options.asOf }
      : {}),
  }, "s");
  const label = (column: string) =>
    `coalesce(CAST(${column} AS VARCHAR), '${NONE}')`;
  // The selected lines with their labels, as a CTE: read where lines are
  // needed (day sums, transactions, customers), never stored, since a copy
  // of 10 million lines would take gigabytes.
  const lines = `WITH cube_lines AS (
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
           s.city, s.transaction_id, s.customer_id, s.amount, s.quantity, s.gallons,
           s.date = f.first_day AS first_purchase_day
    FROM sales s LEFT JOIN cube_groups g ON g.customer_id = s.customer_id
      LEFT JOIN (
        SELECT customer_id, min(date) AS first_day FROM sales
        WHERE amount > 0 AND customer_id IS NOT NULL GROUP BY customer_id
      ) f ON f.customer_id = s.customer_id ${condition.sql})`;
  // Sums by day and every dimension, in one pass over the lines: the grain,
  // the dictionaries and the cells all come from these, and every measure
  // adds up from days to weeks and months.
  await connection.run(
    `CREATE OR REPLACE TEMP TABLE cube_days AS ${lines}
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
    FROM cube_lines GROUP BY ALL`,
    condition.params,
  );
  let grain: CubeGrain = "day";
  for (const candidate of GRAINS) {
    grain = candidate;
    const reader = await connection.runAndReadAll(
      `SELECT count(*) FROM (SELECT DISTINCT ${
        periodSql(candidate)
      }, store, region, channel, department, category, fuel_type, segment, cluster FROM cube_days)`,
    );
    if (Number(reader.getRows()[0][0]) <= maxCells) break;
  }
  const dictionary = async (column: string) =>
    (await connection.runAndReadAll(
      `SELECT DISTINCT ${column} AS v FROM cube_days ORDER BY v`,
    ))
      .getRows().map((r) => String(r[0]));
  const dims = {
    period: await dictionary(`strftime(${periodSql(grain)}, '%Y-%m-%d')`),
    store: await dictionary("store"),
    region: await dictionary("region"),
    channel: await dictionary("channel"),
    department: await dictionary("department"),
    category: await dictionary("category"),
    fuelType: await dictionary("fuel_type"),
    segment: await dictionary("segment"),
    cluster: await dictionary("cluster"),
  };
  const index = (dim: CellDimension, expr: string) =>
    `list_position(${listLiteral(dims[dim])}, ${expr})::INTEGER - 1 AS ${dim}`;
  const dimSelect = [
    index("period", `strftime(${periodSql(grain)}, '%Y-%m-%d')`),
    index("store", "store"),
    index("region", "region"),
    index("channel", "channel"),
    index("department", "department"),
    index("category", "category"),
    index("fuelType", "fuel_type"),
    index("segment", "segment"),
    index("cluster", "cluster"),
  ];
  const cellsReader = await connection.runAndReadAll(`
    SELECT ${dimSelect.join(", ")},
      sum(net) AS net,
      sum(gross) AS gross,
      sum(returns) AS returns,
      sum("lines")::INTEGER AS "lines",
      sum("returnLines")::INTEGER AS "returnLines",
      coalesce(sum(quantity), 0) AS quantity,
      coalesce(sum(gallons), 0) AS gallons,
      sum("basketGross") AS "basketGross",
      sum("gallonsNet") AS "gallonsNet",
      sum("newNet") AS "newNet",
      sum("anonymousNet") AS "anonymousNet"
    FROM cube_days GROUP BY ALL ORDER BY ALL`);
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
  const storeCity = (await connection.runAndReadAll(
    `SELECT store, coalesce(min(city), '${NONE}') FROM cube_days GROUP BY store ORDER BY store`,
  )).getRows().map((r) => String(r[1]));
  let baskets: SalesCube["baskets"] = null;
  let splitBaskets: SalesCube["splitBaskets"] = null;
  const [hasTransactions, hasCustomers] = (await connection.runAndReadAll(
    "SELECT coalesce(sum(transaction_lines), 0) > 0, coalesce(sum(customer_lines), 0) > 0 FROM cube_days",
  )).getRows()[0];
  const categoryBit = `(1 << (list_position(${
    listLiteral(dims.category)
  }, category) - 1))`;
  if (hasTransactions && dims.category.length <= 30) {
    await connection.run(
      `
      CREATE OR REPLACE TEMP TABLE cube_parts AS ${lines}
      SELECT transaction_id, strftime(${
        periodSql(grain)
      }, '%Y-%m-%d') AS day, store, region,
             channel, segment, cluster,
             coalesce(bit_or(${categoryBit}) FILTER (WHERE amount > 0), 0)::INTEGER AS mask,
             coalesce(bit_or(${categoryBit}) FILTER (WHERE amount < 0), 0)::INTEGER AS "returnMask"
      FROM cube_lines WHERE transaction_id IS NOT NULL
      GROUP BY transaction_id, day, store, region, channel, segment, cluster`,
      condition.params,
    );
    const basketDims = [
      index("period", "day"),
      dimSelect[1],
      dimSelect[2],
      dimSelect[3],
      dimSelect[7],
      dimSelect[8],
    ].join(", ");
    const parts = (comparison: string) =>
      `transaction_id IN (SELECT transaction_id FROM cube_parts GROUP BY transaction_id HAVING count(*) ${comparison})`;
    const basketReader = await connection.runAndReadAll(`
      SELECT ${basketDims}, mask, "returnMask", count(*)::INTEGER AS count
      FROM cube_parts WHERE ${parts("= 1")} GROUP BY ALL ORDER BY ALL`);
    baskets = readColumns(basketReader, [
      ...BASKET_DIMENSIONS,
      "mask",
      "returnMask",
      "count",
    ]) as NonNullable<SalesCube["baskets"]>;
    const splitRows = (await connection.runAndReadAll(`
      SELECT transaction_id AS id, ${basketDims}, mask, "returnMask"
      FROM cube_parts WHERE ${parts("> 1")} ORDER BY ALL`)).getRowObjectsJS();
    const numbers = new Map<unknown, number>();
    for (const row of splitRows) {
      row.transaction = numbers.get(row.id) ?? numbers.size;
      numbers.set(row.id, row.transaction as number);
    }
    splitBaskets = columns(splitRows, [
      "transaction",
      ...BASKET_DIMENSIONS,
      "mask",
      "returnMask",
    ]) as NonNullable<SalesCube["splitBaskets"]>;
    await connection.run("DROP TABLE cube_parts");
  }
  let customers: SalesCube["customers"] = null;
  if (hasCustomers && dims.category.length <= 30) {
    const reader = await connection.runAndReadAll(
      `
      ${lines}, c AS (
        SELECT customer_id, min(segment) AS segment, min(cluster) AS cluster, bit_or(${categoryBit})::INTEGER AS mask
        FROM cube_lines WHERE customer_id IS NOT NULL GROUP BY customer_id
      )
      SELECT ${dimSelect[7]}, ${dimSelect[8]}, mask, count(*)::INTEGER AS count
      FROM c GROUP BY ALL ORDER BY ALL`,
      condition.params,
    );
    customers = readColumns(reader, [
      "segment",
      "cluster",
      "mask",
      "count",
    ]) as NonNullable<SalesCube["customers"]>;
  }
  const [range] = (await connection.runAndReadAll(
    "SELECT strftime(min(date), '%Y-%m-%d'), strftime(max(date), '%Y-%m-%d') FROM cube_days",
  )).getRows();
  const [all] = (await connection.runAndReadAll(
    "SELECT strftime(min(date), '%Y-%m-%d'), strftime(max(date), '%Y-%m-%d') FROM sales",
  )).getRows();
  const bounds = {
    dataFrom: all[0] === null ? null : String(all[0]),
    dataTo: all[1] === null ? null : String(all[1]),
    from: options.filter?.from || null,
    to: lastDay({ to: options.filter?.to, asOf: options.asOf }) ?? null,
  };
  await connection.run("DROP TABLE cube_days");
  await connection.run("DROP TABLE cube_groups");
  return {
    grain,
    from: range[0] === null ? null : String(range[0]),
    to: range[1] === null ? null : String(range[1]),
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

/** The measures of `SalesCube.customerSales`, rounded as the cells' are. */
const CUSTOMER_SALES: ReadonlySet<string> = new Set(["newNet", "anonymousNet"]);

function periodSql(grain: CubeGrain): string {
  return grain === "day" ? "date" : `date_trunc('${grain}', date)::DATE`;
}

function listLiteral(values: string[]): string {
  return `[${
    values.map((v) => `'${v.replaceAll("'", "''")}'`).join(", ")
  }]::VARCHAR[]`;
}

/**
 * Sums rounded to 6 decimals, as the SQL analyses round theirs: the same
 * data gives the same cube whatever the summation order, and the page
 * carries 1234.56 rather than 1234.5600000000002 (a tenth of the cube's
 * bytes at a million lines).
 */
const ROUNDED_MEASURES: ReadonlySet<string> = new Set([
  "net",
  "gross",
  "returns",
  "quantity",
  "gallons",
  "basketNet",
  "gallonsNet",
]);

/**
 * The named columns of a query's result as numbers, those in `rounded`
 * rounded to 6 decimals. Read column by column: row objects cost ten times
 * as much for a cube of 50,000 cells.
 */
function readColumns(
  reader: DuckDBResultReader,
  names: readonly string[],
  rounded: ReadonlySet<string> = new Set(),
): Record<string, unknown> {
  const read = reader.getColumnsObjectJS();
  const out: Record<string, unknown> = { length: reader.currentRowCount };
  for (const name of names) {
    out[name] = rounded.has(name)
      ? read[name].map((v) => round6(Number(v)))
      : read[name].map(Number);
  }
  return out;
}

function columns(
  rows: Record<string, unknown>[],
  names: readonly string[],
): Record<string, unknown> {
  const out: Record<string, unknown> = { length: rows.length };
  for (const name of names) out[name] = rows.map((row) => Number(row[name]));
  return out;
}
