import type { ColumnMapping } from "./column_mapping.ts";
import { countDuplicates } from "./count_duplicates.ts";
import { closeDataset, type Dataset, openDatabase } from "./dataset.ts";
import { dropTemporary } from "./drop_temporary.ts";
import { InputError } from "../model/input_error.ts";
import { loadBasketFolder } from "./layouts/basket_layout.ts";
import { folderLayout } from "./layouts/detect_layout.ts";
import type { LayoutContext, LayoutLoad } from "./layouts/layout_load.ts";
import { loadMappedCsv } from "./layouts/mapped_csv_layout.ts";
import { loadParquet } from "./layouts/parquet_layout.ts";
import { loadThreeFile, THREE_FILES } from "./layouts/three_file_layout.ts";
import type { LoadedSource, LoadReport } from "./load_report.ts";
import type { DateOrder } from "./parse_date.ts";
import { rejectReasons } from "./reject_reasons.ts";
import {
  type CsvDelimiter,
  csvEncodings,
  ensureRejectsTable,
} from "./stage_csv.ts";
import { openProblem } from "./csv_header.ts";

/** Options for {@linkcode loadSource}. */
export interface LoadSourceOptions {
  /** A folder (three-file schema, or `sales.csv` + `customers.csv`) or a CSV file. */
  path: string;
  /** `--map` column mapping for a sales CSV in any layout. */
  map?: ColumnMapping;
  /** Forces the order of `nn/nn/yyyy` dates. */
  dateFormat?: DateOrder;
  /** `fail` (default) stops at the first bad row; `skip` rejects it with a reason. */
  onBadRows?: "fail" | "skip";
  /** The CSV files' encoding (a TextDecoder label); by default detected. */
  encoding?: string;
  /**
   * Whether a sales CSV's first line is a header (default true). Without
   * one, its columns are named `1`, `2`, ... for `map`; only a single CSV
   * file may lack a header.
   */
  header?: boolean;
  /** How the CSV files' fields are separated; by default detected from the first line. */
  delimiter?: CsvDelimiter;
  /**
   * Whether a sales CSV may be read in one typed pass, falling back to the
   * checked path (see loadTypedCsv); default true. False: the checked path
   * only, as tests do to compare the two.
   */
  typed?: boolean;
}

/**
 * Reads a source into the data model: the three-file retail schema (a
 * folder with `Customer.csv`, `prod_cat_info.csv`, `Transactions.csv`), a
 * folder in Basket's own layout (`sales.csv` or `sales.parquet`, optional
 * `customers.csv`/`.parquet`), a store-sales CSV, or any sales CSV through a
 * column mapping. Bad input throws an InputError naming the file, row,
 * column and value, unless `onBadRows` is `skip`.
 */
export async function loadSource(
  options: LoadSourceOptions,
): Promise<LoadedSource> {
  const connection = await openDatabase();
  try {
    const ctx: LayoutContext = {
      connection,
      onBadRows: options.onBadRows ?? "fail",
      dateFormat: options.dateFormat,
      ...(options.encoding ? { encoding: options.encoding } : {}),
      ...(options.header === false ? { header: false } : {}),
      ...(options.delimiter ? { delimiter: options.delimiter } : {}),
      ...(options.typed === false ? { typed: false } : {}),
    };
    await ensureRejectsTable(connection);
    const loaded = await loadLayout(ctx, options.path, options.map);
    return await finishLoad(ctx, options.path, loaded);
  } catch (error) {
    closeDataset({ connection });
    throw error;
  }
}

/** Finds the layout of the file or folder at `path` and reads it with that layout's loader. */
async function loadLayout(
  ctx: LayoutContext,
  path: string,
  map: ColumnMapping | undefined,
): Promise<LayoutLoad> {
  let stat: Deno.FileInfo;
  try {
    stat = await Deno.stat(path);
  } catch (error) {
    throw new InputError({
      what: "data",
      file: path,
      problem: openProblem(error),
    });
  }
  const parquet = path.toLowerCase().endsWith(".parquet");
  if (ctx.header === false && (stat.isDirectory || parquet)) {
    throw new InputError({
      what: "data",
      file: path,
      problem: `is ${
        stat.isDirectory ? "a folder" : "a Parquet file"
      }: --no-header is for one CSV file of sales, read through --map`,
    });
  }
  if (!stat.isDirectory) {
    return parquet
      ? await loadParquet(ctx, path)
      : await loadMappedCsv(ctx, path, map);
  }
  const files = new Map<string, string>();
  for await (const entry of Deno.readDir(path)) {
    if (entry.isFile) {
      files.set(
        entry.name.toLowerCase(),
        `${path.replace(/\/$/, "")}/${entry.name}`,
      );
    }
  }
  switch (folderLayout(files.keys())) {
    case "three-file":
      return await loadThreeFile(ctx, {
        transactions: files.get(THREE_FILES.transactions)!,
        categories: files.get(THREE_FILES.categories)!,
        customers: files.get(THREE_FILES.customers)!,
      });
    case "basket":
      return await loadBasketFolder(ctx, files);
    default:
      throw new InputError({
        what: "data",
        file: path,
        problem:
          "holds neither the three-file retail schema (Customer.csv, prod_cat_info.csv, Transactions.csv) nor Basket's layout (sales.csv, customers.csv)",
      });
  }
}

/**
 * Counts what loading rejected and the duplicate sale lines, then drops
 * every temporary table, so that only the data model's tables are left.
 */
async function finishLoad(
  ctx: LayoutContext,
  path: string,
  loaded: LayoutLoad,
): Promise<LoadedSource> {
  const { connection } = ctx;
  const reasons = await rejectReasons(connection);
  const encodings = await csvEncodings(connection);
  // Only the sale lines as read are needed from here on.
  await dropTemporary(connection, [
    loaded.salesTable,
    `${loaded.salesTable}__text`,
  ]);
  const [{ lines }] = (await connection.runAndReadAll(
    `SELECT count(*)::INTEGER AS lines FROM sales`,
  )).getRowObjectsJS();
  const rowsRejected = reasons.reduce((sum, r) => sum + r.count, 0);
  if (Number(lines) === 0) {
    throw new InputError({
      what: "data",
      file: path,
      problem: `has no sale line left: all ${rowsRejected} ${
        rowsRejected === 1 ? "row was" : "rows were"
      } rejected (${
        reasons.map((r) => `${r.count} × ${r.reason}`).join("; ")
      })`,
    });
  }
  const report: LoadReport = {
    kind: loaded.kind,
    path,
    files: loaded.files,
    encodings,
    // The sale lines kept: with the rows rejected, every record of the file.
    rowsRead: Number(lines),
    rowsRejected,
    rejectReasons: reasons,
    duplicateLines: await countDuplicates(
      connection,
      loaded.salesTable,
      loaded.salesColumns,
    ),
    lookups: loaded.lookups ?? [],
    columns: loaded.columns,
    dateOrders: loaded.dateOrders,
  };
  await dropTemporary(connection);
  const customers = await connection.runAndReadAll(
    `SELECT count(*)::INTEGER FROM customers`,
  );
  const dataset: Dataset = {
    connection,
    hasCustomers: Number(customers.getRows()[0][0]) > 0,
    source: `${loaded.kind} ${path}`,
  };
  return { dataset, report };
}
