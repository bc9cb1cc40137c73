import { parseHTML } from "linkedom";
import { salesCube } from "../analysis/sales/sales_cube.ts";
import {
  type SalesFigures,
  salesFigures,
} from "../analysis/sales/sales_figures.ts";
import {
  type CustomerFigures,
  customerModel,
} from "../report/customer_model.ts";
import { customerTables } from "../report/customer_tables.ts";
import { type FilterState, isFiltered } from "../report/filter_state.ts";
import { methodNotes } from "../report/method_notes.ts";
import { encodePageData } from "../report/page_data.ts";
import { renderCustomersView } from "../report/render_customers_view.ts";
import { renderReport } from "../report/render_report.ts";
import {
  renderFuelView,
  renderSalesView,
  salesViewTables,
  type ViewContext,
} from "../report/render_sales_view.ts";
import type { ReportModel, ReportParameters } from "../report/report_model.ts";
import { FUEL_CHARTS, SALES_CHARTS } from "../report/sales_charts.ts";
import { dataFingerprint } from "../source/data_fingerprint.ts";
import { type DataSummary, dataSummary } from "../source/data_summary.ts";
import { closeDataset } from "../source/dataset.ts";
import type { LoadedSource, LoadReport } from "../source/load_report.ts";
import type { OpenSourceOptions } from "../source/open_source.ts";
import { rejectedRows } from "../source/rejected_rows.ts";
import { customerFigures } from "./customer_figures.ts";
import { cohortCells } from "../analysis/cohorts/cohort_cells.ts";
import { selectCohortCells } from "../figures/cohorts/select_cohort_cells.ts";
import { renderCohortsView } from "../report/render_cohorts_view.ts";
import { cohortTables } from "../report/cohort_tables.ts";
import { cohortModel } from "../report/cohort_model.ts";
import { cohortTable } from "../figures/cohorts/cohort_table.ts";
import { cohortColumns } from "../figures/cohorts/cohort_columns.ts";
import {
  migrationModel,
  type MigrationState,
  renderMigrationView,
} from "../report/render_migration_view.ts";
import {
  formatSegmentSnapshot,
  SEGMENTS_FILE,
} from "../figures/segments/segment_snapshot.ts";
import { fitPage } from "./fit_page.ts";
import { reportFiles } from "./report_files.ts";
import { salesFilterFor } from "./sales_filter_for.ts";
import { runIdFor } from "./run_id_for.ts";
export { runIdFor } from "./run_id_for.ts";
import {
  checkFilters,
  emptySelectionError,
  filterValues,
} from "./check_filters.ts";
import { stageTimer } from "./stage_timer.ts";
import { numberFormats } from "../figures/format/number_formats.ts";

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
  /** How numbers read (see numberFormats). Default USD and en-US. */
  currency?: string;
  locale?: string;
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
 * Builds a report in named stages, each logged with its time: load the
 * data, inspect it, segment the customers, compute the sales figures and
 * the page's cube, render the charts and tables of both halves, wait for
 * the page's script, and lay out the page and the run's files. Nothing is
 * written here; see writeRun.
 */
export async function buildReport(
  options: BuildReportOptions,
  effects: BuildEffects,
): Promise<BuiltReport> {
  const started = effects.now();
  const stage = stageTimer(effects.log);
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
    const asOf = options.asOf ? { asOf: options.asOf } : {};
    const topN = options.topN ?? 2;
    const width = options.width ?? 640;
    const format = numberFormats(options);

    const summary = await stage("inspect", () => dataSummary(dataset));
    const fingerprint = await dataFingerprint(dataset);
    const filters = options.filters ?? {};
    const { customers, cohorts } = await stage(
      "segmentation",
      async () => {
        const customers = await customerFigures(dataset, {
          asOf: options.asOf,
          seed: options.seed,
          k: options.k,
        });
        // Cohorts by segment and cluster, cut to the command line's segment
        // and cluster filters: the page can only narrow them further.
        const cohorts = customers
          ? selectCohortCells(
            await cohortCells(dataset, { ...asOf, groups: customers.groups }),
            { segments: filters.segments, clusters: filters.clusters },
          )
          : null;
        return { customers, cohorts };
      },
    );
    if (isFiltered(filters)) {
      checkFilters(
        filters,
        await filterValues(dataset, customers?.groups ?? []),
      );
    }
    const filter = salesFilterFor(filters, customers?.groups ?? []);
    const sales = await stage(
      "sales",
      () => salesFigures(dataset, { ...filter, topN, ...asOf }),
    );
    // A report with no sale line is never written, let alone published.
    if (sales.headline.saleLines === 0) {
      throw emptySelectionError(filters, options.asOf);
    }
    const cubeFor = (maxCells: number | undefined) =>
      salesCube(dataset, {
        groups: customers?.groups ?? [],
        filter,
        ...asOf,
        ...(maxCells ? { maxCells } : {}),
      });
    const cube = await stage("cube", () => cubeFor(options.maxCells));
    const rejects = load.rowsRejected ? await rejectedRows(dataset) : null;

    const model = reportModel({
      options,
      started,
      source: dataset.source,
      load,
      summary,
      fingerprint,
      sales,
      customers,
    });
    model.cohorts = cohorts ? cohortModel(cohorts) : null;
    // Who moved needs the previous run, which is no input of the build:
    // the section says there is none until withMigration compares.
    const migration: MigrationState = customers
      ? { kind: "first" }
      : { kind: "no-customers" };
    model.migration = migrationModel(migration, format);
    const customerTableList = customers ? customerTables(customers) : [];
    // The page's script makes the cohort tables from the cells it carries.
    const cohortTableList = cohorts ? cohortTables(cohortTable(cohorts)) : [];
    const { views, tables } = await stage("charts", () => {
      const { document } = parseHTML(
        "<!DOCTYPE html><html><body></body></html>",
      );
      const context: ViewContext = {
        document: document as unknown as Document,
        width,
        format,
        subCategoryNote: SUB_CATEGORY_NOTE,
      };
      return {
        tables: [
          ...salesViewTables(sales, context),
          ...customerTableList,
          ...cohortTableList,
        ],
        views: {
          salesView: renderSalesView(sales, SALES_CHARTS, context),
          fuelView: renderFuelView(sales, FUEL_CHARTS, context),
          customersView: renderCustomersView(customers, context),
          cohortsView: renderCohortsView(cohorts, {}, context),
          migrationView: renderMigrationView(migration, format),
        },
      };
    });
    const script = await stage("bundle", () => bundling);
    const files = await stage("html", async () => {
      const { page } = await fitPage(cube, {
        render: async (cube) =>
          renderReport({
            model,
            ...views,
            filterOptions: {
              categories: cube.dims.category,
              regions: cube.dims.region,
              stores: cube.dims.store,
              channels: cube.dims.channel,
              segments: cube.dims.segment.filter((s) => s !== "(none)"),
              clusters: cube.dims.cluster.filter((c) => c !== "(none)"),
              from: cube.from,
              to: cube.to,
            },
            pageData: await encodePageData({
              cube,
              figures: sales,
              staticTables: customerTableList,
              width,
              currency: format.currency,
              locale: format.locale,
              topN,
              subCategoryNote: SUB_CATEGORY_NOTE,
              cohorts: cohorts ? cohortColumns(cohorts) : null,
            }),
            script,
            methods: methodNotes(cube.grain, customers !== null),
          }),
        recut: cubeFor,
        maxPageBytes: options.maxPageBytes ?? MAX_PAGE_BYTES,
        log: effects.log,
      });
      const files = reportFiles(page, model, tables, rejects);
      if (customers) {
        files.set(
          SEGMENTS_FILE,
          formatSegmentSnapshot({
            runId: model.runId,
            generatedAt: model.generatedAt,
            asOf: customers.rfm.asOf,
            source: model.data.source,
            fingerprint: model.data.fingerprint,
            customers: customers.groups.map((g, i) => ({
              id: g.customer_id,
              segment: g.segment,
              revenue: customers.monetary[i],
            })),
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

/** What report.json holds: the build's parameters, the data's facts and both halves' figures. */
function reportModel(parts: {
  options: BuildReportOptions;
  started: Date;
  source: string;
  load: LoadReport;
  summary: DataSummary;
  fingerprint: string;
  sales: SalesFigures;
  customers: CustomerFigures | null;
}): ReportModel {
  const { options, load, summary, sales, customers } = parts;
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
    topN: options.topN ?? 2,
    filters: options.filters ?? {},
    currency: numberFormats(options).currency,
    locale: numberFormats(options).locale,
  };
  return {
    schema: "basket-report/1",
    runId: runIdFor(parts.started),
    generatedAt: parts.started.toISOString(),
    parameters,
    data: {
      source: parts.source,
      kind: load.kind,
      files: load.files,
      encodings: load.encodings,
      rows: load.rowsRead,
      rejectedRows: load.rowsRejected,
      rejectReasons: load.rejectReasons,
      returns: summary.returns,
      duplicates: load.duplicateLines,
      lookups: load.lookups,
      from: summary.from,
      to: summary.to,
      stores: summary.stores,
      customers: summary.customers,
      columns: load.columns,
      fingerprint: parts.fingerprint,
    },
    sales: { total: sales.headline.totalSales, ...sales },
    customers: customers ? customerModel(customers) : null,
  };
}
