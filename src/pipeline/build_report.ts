// deno-fmt-ignore-file -- deno fmt would re-indent the markup inside the html templates
import { parseHTML } from "linkedom";
import { dataFingerprint } from "../source/data_fingerprint.ts";
import { closeDataset } from "../source/dataset.ts";
import { dataSummary } from "../source/data_summary.ts";
import { type SalesCube, salesCube } from "../analysis/sales/sales_cube.ts";
import { salesFigures } from "../analysis/sales/sales_figures.ts";
import type { SalesFilter } from "../analysis/sales/sales_filter.ts";
import type { LoadedSource } from "../source/load_report.ts";
import type { OpenSourceOptions } from "../source/open_source.ts";
import type { FilterState } from "../report/filter_state.ts";
import { type Html, html } from "../report/html.ts";
import { encodePageData } from "../report/page_data.ts";
import { type FilterOptions, renderReport } from "../report/render_report.ts";
import {
  renderFuelView,
  renderSalesView,
  salesViewTables,
  type ViewContext,
} from "../report/render_sales_view.ts";
import type { ReportModel, ReportParameters } from "../report/report_model.ts";
import { FUEL_CHARTS, SALES_CHARTS } from "../report/sales_charts.ts";
import { tableCsv, type TableSpec } from "../report/table_spec.ts";
import { type CustomerSection, customerSection } from "../report/customer_section.ts";

/** Options for {@linkcode buildReport}. */
export interface BuildReportOptions {
  source: OpenSourceOptions;
  /** The analysis date; default the day after the last sale. */
  asOf?: string;
  seed: number;
  /** Fixed number of clusters; default: chosen by silhouette. */
  k?: number;
  /** Categories per region in "top categories". Default 2. */
  topN?: number;
  /** Filters applied before anything is computed (the page can narrow them further). */
  filters?: FilterState;
  /** Chart width in pixels. Default 640. */
  width?: number;
  /** The cube's cell budget (see salesCube). */
  maxCells?: number;
  /**
   * The most bytes the page may take: past it, the page is built again
   * with the cube's time cut coarser (day, week, month). Default 2,000,000.
   */
  maxPageBytes?: number;
}

/** The default of {@linkcode BuildReportOptions.maxPageBytes}. */
export const MAX_PAGE_BYTES = 2_000_000;

/** The side effects a build needs, injected so that tests can fake them. */
export interface BuildEffects {
  openSource(options: OpenSourceOptions): Promise<LoadedSource>;
  now(): Date;
  /** A progress line (stderr in the command). */
  log(message: string): void;
  /** The page's bundled script. */
  bundleClient(): Promise<string>;
}

/** A built report: its model and the files of its run folder. */
export interface BuiltReport {
  runId: string;
  model: ReportModel;
  /** index.html, report.json, one CSV per table, rejected_rows.csv when rows were rejected. */
  files: Map<string, string>;
}

const SUB_CATEGORY_NOTE =
  "Sub-categories follow the report's command-line filters, not the page's.";

/**
 * Builds a report: loads the data, runs the sales analyses and the customer
 * segmentation, renders every chart and table, and returns the run's files.
 * Nothing is written here; see writeRun.
 */
export async function buildReport(
  options: BuildReportOptions,
  effects: BuildEffects,
): Promise<BuiltReport> {
  const started = effects.now();
  const stage = stageTimer(effects);
  // The page's script does not depend on the data: bundle it (a
  // subprocess) while the data loads and the analyses run. The "bundle"
  // stage is then only what is left to wait for.
  const bundling = effects.bundleClient();
  bundling.catch(() => {}); // Awaited below; a failure earlier must not leave it unhandled.
  const { dataset, report: load } = await stage(
    "load",
    () => effects.openSource(options.source),
  );
  try {
    // DuckDB adds floating-point sums in whatever order its threads finish,
    // so that a total can differ in its last digit from one run to the
    // next; one thread makes every figure, and so the report's bytes, the
    // same on every run.
    await dataset.connection.run("SET threads = 1");
    const summary = await stage("inspect", () => dataSummary(dataset));
    const fingerprint = await dataFingerprint(dataset);
    const filters = options.filters ?? {};
    const customers = await stage(
      "segmentation",
      () =>
        customerSection(dataset, {
          asOf: options.asOf,
          seed: options.seed,
          k: options.k,
        }),
    );
    const sqlFilter = toSalesFilter(filters, customers);
    const topN = options.topN ?? 2;
    const figures = await stage(
      "sales",
      () =>
        salesFigures(dataset, {
          ...sqlFilter,
          topN,
          ...(options.asOf ? { asOf: options.asOf } : {}),
        }),
    );
    const cubeFor = (maxCells: number | undefined) =>
      salesCube(dataset, {
        groups: customers?.groups ?? [],
        filter: sqlFilter,
        ...(options.asOf ? { asOf: options.asOf } : {}),
        ...(maxCells ? { maxCells } : {}),
      });
    let cube = await stage("cube", () => cubeFor(options.maxCells));
    const rejects = load.rowsRejected
      ? await dataset.connection.runAndReadAll(
        `SELECT file, row, "column", value, reason FROM rejects ORDER BY file, row`,
      )
      : null;
    const generatedAt = started.toISOString();
    const parameters: ReportParameters = {
      data: options.source.data ?? null,
      map: options.source.map
        ? { ...options.source.map } as Record<string, string>
        : null,
      dateFormat: options.source.dateFormat ?? null,
      onBadRows: options.source.onBadRows ?? "fail",
      seed: options.seed,
      asOf: options.asOf ?? null,
      k: options.k ?? null,
      topN,
      filters,
    };
    const model: ReportModel = {
      schema: "basket-report/1",
      runId: runIdFor(started),
      generatedAt,
      parameters,
      data: {
        source: dataset.source,
        kind: load.kind,
        files: load.files,
        rows: load.rowsRead,
        rejectedRows: load.rowsRejected,
        rejectReasons: load.rejectReasons,
        returns: summary.returns,
        duplicates: load.duplicateLines,
        from: summary.from,
        to: summary.to,
        stores: summary.stores,
        customers: summary.customers,
        columns: load.columns,
        fingerprint,
      },
      sales: { total: figures.headline.totalSales, ...figures },
      customers: customers?.model ?? null,
    };
    const { page, tables } = await stage("charts", () => {
      const { document } = parseHTML(
        "<!DOCTYPE html><html><body></body></html>",
      );
      const context: ViewContext = {
        document: document as unknown as Document,
        width: options.width ?? 640,
        subCategoryNote: SUB_CATEGORY_NOTE,
      };
      const tables: TableSpec[] = [
        ...salesViewTables(figures, context),
        ...(customers?.tables ?? []),
      ];
      return {
        tables,
        page: {
          salesView: renderSalesView(figures, SALES_CHARTS, context),
          fuelView: renderFuelView(figures, FUEL_CHARTS, context),
          customersView: customers ? customers.render(context) : html`
            <p
              class="notice">The data has no customer ids, so there is no customer segmentation.</p>
          `,
        },
      };
    });
    const script = await stage("bundle", () => bundling);
    const renderIndex = async (cube: SalesCube) => {
      const filterOptions: FilterOptions = {
        categories: cube.dims.category,
        regions: cube.dims.region,
        stores: cube.dims.store,
        channels: cube.dims.channel,
        segments: cube.dims.segment.filter((s) => s !== "(none)"),
        clusters: cube.dims.cluster.filter((c) => c !== "(none)"),
        from: cube.from,
        to: cube.to,
      };
      const pageData = await encodePageData({
        cube,
        figures,
        staticTables: customers?.tables ?? [],
        width: options.width ?? 640,
        topN,
        subCategoryNote: SUB_CATEGORY_NOTE,
      });
      return renderReport({
        model,
        ...page,
        filterOptions,
        pageData,
        script,
        methods: methodNotes(cube.grain, customers),
      });
    };
    const maxPageBytes = options.maxPageBytes ?? MAX_PAGE_BYTES;
    const files = await stage("html", async () => {
      let index = await renderIndex(cube);
      let bytes = new TextEncoder().encode(index).length;
      while (bytes > maxPageBytes && cube.grain !== "month") {
        // Every other part of the page is bounded by the data's period, not
        // by its lines: only the cube's time grain is left to give.
        const coarser = await cubeFor(cube.cells.length - 1);
        effects.log(
          `The page would take ${bytes} bytes with sums by ${cube.grain}, over ${maxPageBytes}: cutting time by ${coarser.grain}`,
        );
        cube = coarser;
        index = await renderIndex(cube);
        bytes = new TextEncoder().encode(index).length;
      }
      if (bytes > maxPageBytes) {
        effects.log(
          `The page takes ${bytes} bytes, over ${maxPageBytes}, even with sums by month`,
        );
      }
      const files = new Map<string, string>([["index.html", index], [
        "report.json",
        JSON.stringify(model, null, 2) + "\n",
      ]]);
      for (const table of tables) files.set(`${table.id}.csv`, tableCsv(table));
      if (rejects) {
        files.set(
          "rejected_rows.csv",
          tableCsv({
            id: "rejected_rows",
            title: "Rejected rows",
            columns: ["file", "row", "column", "value", "reason"].map((
              key,
            ) => ({ key, label: key, kind: "text" as const })),
            rows: rejects.getRowObjectsJS() as Record<string, unknown>[],
          }),
        );
      }
      return files;
    });
    return { runId: model.runId, model, files };
  } finally {
    closeDataset(dataset);
  }
}

/** A run id from a time: `20261121T214500Z`. */
export function runIdFor(time: Date): string {
  return time.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}

function toSalesFilter(
  filters: FilterState,
  customers: CustomerSection | null,
): SalesFilter {
  const filter: SalesFilter = {
    ...(filters.categories ? { categories: filters.categories } : {}),
    ...(filters.regions ? { regions: filters.regions } : {}),
    ...(filters.stores ? { stores: filters.stores } : {}),
    ...(filters.channels ? { channels: filters.channels } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
  if (filters.segments?.length || filters.clusters?.length) {
    const segments = new Set(filters.segments ?? []);
    const clusters = new Set(filters.clusters ?? []);
    filter.customers = (customers?.groups ?? [])
      .filter((g) =>
        (!segments.size || segments.has(g.segment)) &&
        (!clusters.size || clusters.has(g.cluster))
      )
      .map((g) => g.customer_id);
    if (filter.customers.length === 0) {
      filter.customers = ["\u0000no customer matches"];
    }
  }
  return filter;
}

function stageTimer(effects: BuildEffects) {
  return async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
    const start = performance.now();
    const result = await fn();
    effects.log(
      `${name.padEnd(12)} ${((performance.now() - start) / 1000).toFixed(2)} s`,
    );
    return result;
  };
}

function methodNotes(grain: string, customers: CustomerSection | null): Html[] {
  return [
    html`<strong>Net sales</strong> are the sum of every line's amount: returns (lines with a negative amount) are subtracted. <strong>Gross sales</strong> add only positive amounts; the <strong>return rate</strong> is returns over gross sales.`,
    html`<strong>Average daily sales per store</strong> divide a store's net sales by the days it traded (days with at least one line), so closed days do not lower it.`,
    html`Weeks are ISO weeks, Monday first. A change against the <strong>previous period</strong> is shown only when the data covers a whole period of equal length before the one shown.`,
    html`The <strong>average fuel price</strong> is volume-weighted: fuel revenue divided by gallons sold, not the mean of posted prices.`,
    ...(customers ? customers.methods : []),
    html`The page's filters recompute figures from sums by ${grain} × store × region × channel × department × category × fuel type × segment × cluster carried in the page${
      grain === "day" ? "" : html` (sums by day would have made the page too large, so filtered time series are by ${grain})`
    }. Customer counts follow category, segment and cluster filters only; sub-categories follow only the command line's filters.`,
  ];
}
