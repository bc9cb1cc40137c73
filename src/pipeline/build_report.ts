import { parseHTML } from "linkedom";
import { salesCube } from "../analysis/sales/sales_cube.ts";
import { salesFigures } from "../analysis/sales/sales_figures.ts";
import { customerTables } from "../report/customer_tables.ts";
import {
  absentDimensions,
  absentNotes,
} from "../report/slots/absent_dimensions.ts";
import { customerChartData } from "../report/slots/customer_charts.ts";
import { isFiltered } from "../report/filter_state.ts";
import { methodNotes } from "../report/method_notes.ts";
import { clusterMethodNotes } from "../report/customer_words.ts";
import { encodePageData } from "../report/page_data.ts";
import { renderCustomersView } from "../report/render_customers_view.ts";
import { renderReport } from "../report/render_report.ts";
import {
  renderFuelView,
  renderSalesView,
  salesViewTables,
  type ViewContext,
} from "../report/render_sales_view.ts";
import type { ReportModel } from "../report/report_model.ts";
import { FUEL_CHARTS, SALES_CHARTS } from "../report/sales_charts.ts";
import { dataFingerprint } from "../source/data_fingerprint.ts";
import { dataSummary } from "../source/data_summary.ts";
import { closeDataset } from "../source/dataset.ts";
import type { LoadedSource } from "../source/load_report.ts";
import type { OpenSourceOptions } from "../source/open_source.ts";
import { rejectedRows } from "../source/rejected_rows.ts";
import { customerFigures } from "./customer_figures.ts";
import type { BuildReportOptions } from "./build_report_options.ts";
import { engineFacts, reportModel } from "./report_model_for.ts";
import { cohortCells } from "../analysis/cohorts/cohort_cells.ts";
import { selectCohortCells } from "../figures/cohorts/select_cohort_cells.ts";
import { renderCohortsView } from "../report/customers/render_cohorts_view.ts";
import { cohortTables } from "../report/customers/cohort_tables.ts";
import { cohortModel } from "../report/customers/cohort_model.ts";
import { cohortTable } from "../figures/cohorts/cohort_table.ts";
import { cohortColumns } from "../figures/cohorts/cohort_columns.ts";
import {
  migrationModel,
  type MigrationState,
  renderMigrationView,
} from "../report/customers/render_migration_view.ts";
import { segmentSnapshotPieces } from "../analysis/segments/segment_snapshot_pieces.ts";
import { writeSegmentsFile } from "./write_segments_file.ts";
import { discardSegments, scratchSegmentsPath } from "./run_scratch.ts";
import { migrationInEngine } from "./migration_state.ts";
import type { PreviousSegments } from "./previous_segments.ts";
import { fitPage } from "./fit_page.ts";
import { reportFiles } from "./report_files.ts";
import { salesFilterFor } from "./sales_filter_for.ts";
export { runIdFor } from "./run_id_for.ts";
import {
  checkFilters,
  emptySelectionError,
  filterValues,
} from "./check_filters.ts";
import { stageTimer } from "./stage_timer.ts";
import { customerValueFigures } from "./customer_value_figures.ts";
import { renderValueView } from "../report/customers/render_value_view.ts";
import { valueMethodNotes } from "../report/customers/value_method_notes.ts";
import { valueTables } from "../report/customers/value_tables.ts";
import { numberFormats } from "../figures/format/number_formats.ts";
import { basketAnalysis } from "../analysis/baskets/basket_analysis.ts";
import { productAnalysis } from "../analysis/products/product_analysis.ts";
import {
  basketTables,
  productTables,
} from "../report/customers/basket_tables.ts";
import {
  basketMethodNotes,
  renderBasketsView,
  renderProductsView,
} from "../report/customers/render_baskets_view.ts";
import { cubeComparison } from "../figures/sales/cube_comparison.ts";
import {
  periodShortcuts,
  shortcutDays,
} from "../figures/sales/period_shortcuts.ts";

export type { BuildReportOptions } from "./build_report_options.ts";

/** The default of {@linkcode BuildReportOptions.maxPageBytes}. */
export const MAX_PAGE_BYTES = 2_500_000;

/** The side effects a build needs, injected so that tests can fake them. */
export interface BuildEffects {
  openSource(options: OpenSourceOptions): Promise<LoadedSource>;
  now(): Date;
  /** A progress line (stderr in the command). */
  log(message: string): void;
  /**
   * Hears each stage's name as it begins and null as it ends (the
   * command's progress lines).
   */
  stageRunning?(name: string | null): void;
  /** The page's bundled script. */
  bundleClient(): Promise<string>;
  /**
   * The segments of the run before run `runId`, for "Who moved": asked for
   * once the run's files are made, and compared with the run's customers
   * in the engine before the dataset closes (see migrationInEngine). None:
   * no comparison is made.
   */
  previousSegments?(runId: string): Promise<PreviousSegments>;
}

/** A built report: its model and the files of its run folder. */
export interface BuiltReport {
  runId: string;
  model: ReportModel;
  /** index.html, report.json, one CSV per table, rejected_rows.csv when rows were rejected. */
  files: Map<string, string>;
  /**
   * The run's `segments.json` on disk (every customer's segment; see
   * writeSegmentsFile), in a scratch folder of its own to remove with
   * discardSegments once the run is written; null without customers.
   */
  segments: string | null;
  /**
   * "Who moved" against the earlier run, when the build compared (see
   * BuildEffects.previousSegments): not yet in the files, which say there
   * is no earlier run (what the run cache keeps), until withMigration.
   */
  migration?: MigrationState;
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
  const stage = stageTimer(effects.log, effects.stageRunning);
  // The page's script does not depend on the data: bundle it (a
  // subprocess) while the data loads and the analyses run. The "bundle"
  // stage is then only what is left to wait for.
  const bundling = effects.bundleClient();
  bundling.catch(() => {}); // Awaited below; a failure earlier must not leave it unhandled.
  const { dataset, report: load } = await stage(
    "load",
    () => effects.openSource(options.source),
  );
  let segments: string | null = null;
  try {
    // The queries use every DuckDB thread: amounts, quantities and gallons
    // are exact decimals (EXACT_NUMBER), so that their sums, and so the
    // report's bytes, do not depend on the order the threads finish in.
    const asOf = options.asOf ? { asOf: options.asOf } : {};
    const topN = options.topN ?? 2;
    const width = options.width ?? 640;
    const format = numberFormats(options);

    const summary = await stage("inspect", () => dataSummary(dataset));
    const fingerprint = await dataFingerprint(dataset);
    const filters = options.filters ?? {};
    const { customers, cohorts, table: customerTable } = await stage(
      "segmentation",
      async () => {
        const customers = await customerFigures(dataset, {
          asOf: options.asOf,
          seed: options.seed,
          k: options.k,
        });
        // The scored customers stay in the engine, for the later stages to
        // join or read in batches.
        const table = customers?.table ?? null;
        // Cohorts by segment and cluster, cut to the command line's segment
        // and cluster filters: the page can only narrow them further.
        const cohorts = customers
          ? selectCohortCells(
            await cohortCells(dataset, { ...asOf, customers: table }),
            { segments: filters.segments, clusters: filters.clusters },
          )
          : null;
        return { customers, cohorts, table };
      },
    );
    const value = customerTable
      ? await stage(
        "value",
        () =>
          customerValueFigures(dataset, customerTable, {
            asOf: options.asOf,
            seed: options.seed,
            holdoutFrom: options.holdoutFrom,
            weeks: options.valueWeeks,
            monthlyDiscount: options.discountRate,
          }),
      )
      : null;
    if (isFiltered(filters)) {
      checkFilters(
        filters,
        await filterValues(dataset, customerTable),
      );
    }
    const filter = await salesFilterFor(dataset, filters, customerTable);
    const lineSales = await stage(
      "sales",
      () => salesFigures(dataset, { ...filter, topN, ...asOf }),
    );
    // A report with no sale line is never written, let alone published.
    if (lineSales.headline.saleLines === 0) {
      throw emptySelectionError(filters, options.asOf);
    }
    const together = await stage("baskets", async () => ({
      baskets: await basketAnalysis(dataset, {
        customers: customerTable,
        filter,
        ...asOf,
      }),
      products: await productAnalysis(dataset, { filter, ...asOf }),
    }));
    const cubeFor = (maxCells: number | undefined) =>
      salesCube(dataset, {
        customers: customerTable,
        filter,
        ...asOf,
        ...(maxCells ? { maxCells } : {}),
      });
    const cube = await stage("cube", () => cubeFor(options.maxCells));
    // The earlier periods' figures come from the cube, as in the page.
    const sales = {
      ...lineSales,
      comparison: cubeComparison(cube, {}, lineSales, { topN }),
    };
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
      ...(dataset.engine ? { engine: engineFacts(dataset.engine, load) } : {}),
      value,
    });
    model.cohorts = cohorts ? cohortModel(cohorts) : null;
    // Who moved needs the previous run, which is no input of the build:
    // the section says there is none until withMigration compares.
    const migration: MigrationState = customers
      ? { kind: "first" }
      : { kind: "no-customers" };
    model.migration = migrationModel(migration, format);
    // The page's script makes the cohort tables from the cells it carries.
    const cohortTableList = cohorts ? cohortTables(cohortTable(cohorts)) : [];
    model.baskets = together.baskets;
    model.products = together.products;
    const customerTableList = [
      ...(customers ? customerTables(customers) : []),
      ...valueTables(value),
      ...basketTables(together.baskets),
      ...(together.products ? productTables(together.products) : []),
    ];
    const absent = absentDimensions(sales);
    const { views, tables } = await stage("charts", () => {
      const { document } = parseHTML(
        "<!DOCTYPE html><html><body></body></html>",
      );
      const context: ViewContext = {
        document: document as unknown as Document,
        width,
        format,
        subCategoryNote: SUB_CATEGORY_NOTE,
        periods: periodShortcuts(shortcutDays(cube)),
        // No filter links in the server's charts: the page's script draws
        // its own (with them), and the page stays smaller.
        absent,
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
          valueView: renderValueView(value, context),
          basketsView: renderBasketsView(together.baskets, context),
          productsView: together.products
            ? renderProductsView(together.products, context)
            : null,
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
              periods: periodShortcuts(shortcutDays(cube)),
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
              customerCharts: customers ? customerChartData(customers) : null,
              cohorts: cohorts ? cohortColumns(cohorts) : null,
            }),
            script,
            methods: [
              ...methodNotes(cube.grain, customers !== null),
              ...valueMethodNotes(value, format),
              ...absentNotes(absent),
              ...basketMethodNotes(together.products),
              ...clusterMethodNotes(customers, format),
            ],
          }),
        recut: cubeFor,
        maxPageBytes: options.maxPageBytes ?? MAX_PAGE_BYTES,
        log: effects.log,
      });
      const files = reportFiles(page, model, tables, rejects);
      if (customers && customerTable) {
        segments = await scratchSegmentsPath();
        await writeSegmentsFile(
          segments,
          await segmentSnapshotPieces(dataset, customerTable, {
            runId: model.runId,
            asOf: customers.rfm.asOf,
            source: model.data.source,
            fingerprint: model.data.fingerprint,
          }),
        );
      }
      return files;
    });
    // Compared while the customer table is still in the engine.
    const compared: MigrationState | undefined = !effects.previousSegments
      ? undefined
      : customerTable
      ? await migrationInEngine(
        dataset,
        customerTable,
        await effects.previousSegments(model.runId),
        model.data.fingerprint,
      )
      : { kind: "no-customers" };
    return {
      runId: model.runId,
      model,
      files,
      segments,
      ...(compared ? { migration: compared } : {}),
    };
  } catch (error) {
    await discardSegments(segments);
    throw error;
  } finally {
    closeDataset(dataset);
  }
}
