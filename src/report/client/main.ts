/**
 * The report page's script: decodes the embedded cube, reads the filters
 * from the form and the URL hash, and re-renders every view with the same
 * chart and table functions the server used. No request leaves the page.
 *
 * @module
 */
import { cubeFigures } from "../../figures/sales/cube_figures.ts";
import { cubeComparison } from "../../figures/sales/cube_comparison.ts";
import { numberFormats } from "../../figures/format/number_formats.ts";
import type { SalesFigures } from "../../figures/sales/sales_figures_from_sums.ts";
import {
  filterHash,
  type FilterState,
  isFiltered,
  offeredFilters,
  parseFilterHash,
} from "../filter_state.ts";
import { decodePageData, type PageData } from "../page_data.ts";
import {
  renderFuelView,
  renderSalesView,
  salesViewTables,
  type ViewContext,
} from "../render_sales_view.ts";
import { FUEL_CHARTS, SALES_CHARTS } from "../sales_charts.ts";
import { absentDimensions } from "../slots/absent_dimensions.ts";
import { chartFilterHref, clickedFilters } from "../slots/chart_filter.ts";
import { chartFigure, type ChartSlot } from "../slots/chart_slots.ts";
import { CLUSTER_CHARTS, RFM_CHARTS } from "../slots/customer_charts.ts";
import type { CubeGrain } from "../../figures/sales/sales_cube.ts";
import { onChartClick } from "./chart_clicks.ts";
import { closeFilterLists } from "./filter_lists.ts";
import { fitCharts, fitChartsGradually, fitOnResize } from "./fit_charts.ts";
import { addSegmentChange } from "./segment_change.ts";
import { csvFileName, tableCsv, type TableSpec } from "../table_spec.ts";
import { chartDownloads } from "./chart_downloads.ts";
import { cohortTable } from "../../figures/cohorts/cohort_table.ts";
import { cohortCellsFromColumns } from "../../figures/cohorts/cohort_columns.ts";
import { cohortTables } from "../customers/cohort_tables.ts";
import { renderCohortsView } from "../customers/render_cohorts_view.ts";
import { COHORT_CHARTS } from "../customers/cohort_charts.ts";
import {
  periodShortcuts,
  shortcutDays,
} from "../../figures/sales/period_shortcuts.ts";
import { withPeriod } from "../slots/period_buttons.ts";
import { markPeriod, onPeriodClick } from "./period_buttons.ts";

const LIST_FIELDS = {
  category: "categories",
  region: "regions",
  store: "stores",
  channel: "channels",
  segment: "segments",
  cluster: "clusters",
} as const;

async function start(): Promise<void> {
  const form = document.getElementById("filters") as HTMLFormElement | null;
  const dataElement = document.getElementById("basket-data");
  if (!form || !dataElement) return;
  const data: PageData = await decodePageData(
    JSON.parse(dataElement.textContent ?? '""'),
  );
  const slots = {
    sales: document.querySelector<HTMLElement>('[data-slot="sales-view"]')!,
    fuel: document.querySelector<HTMLElement>('[data-slot="fuel-view"]')!,
  };
  const initial = { sales: slots.sales.innerHTML, fuel: slots.fuel.innerHTML };
  // The cohorts follow the segment and cluster filters only (see
  // COHORT_FILTER_NOTE): summed again from the cells the page carries.
  const cohortSlot = document.querySelector<HTMLElement>(
    '[data-slot="cohorts-view"]',
  );
  const initialCohorts = cohortSlot?.innerHTML ?? "";
  const cohortCells = data.cohorts
    ? cohortCellsFromColumns(data.cohorts)
    : null;
  const periods = periodShortcuts(shortcutDays(data.cube));
  const context: ViewContext = {
    document,
    width: data.width,
    format: numberFormats({ currency: data.currency, locale: data.locale }),
    subCategoryNote: data.subCategoryNote,
    absent: absentDimensions(data.figures),
    filterHref: chartFilterHref,
    periods,
  };
  // The figures the page shows, and their time grain: the server's (by
  // day) unfiltered, the cube's for a filter.
  let shown: { figures: SalesFigures; grain: CubeGrain } = {
    figures: data.figures,
    grain: "day",
  };
  const drawAt = <F>(
    slots: readonly ChartSlot<F>[],
    figures: () => F | null | undefined,
    headingLevel: 3 | 4,
  ) =>
  (id: string, width: number) => {
    const slot = slots.find((s) => s.id === id);
    const f = figures();
    return slot && f
      ? chartFigure(
        slot,
        f,
        { ...context, width, grain: shown.grain },
        headingLevel,
      )
      : null;
  };
  const customersSlot = document.querySelector<HTMLElement>(
    '[data-slot="customers-view"]',
  );
  // Draws the sales and fuel charts for their columns' widths at once (a
  // filter's view); `all` draws them even at the width they have (markup
  // has no live tips).
  // The cohort heat map of the reader's segment and cluster selection.
  const drawCohorts = drawAt(
    COHORT_CHARTS,
    () =>
      cohortCells &&
      cohortTable(cohortCells, {
        segments: current.segments,
        clusters: current.clusters,
      }),
    3,
  );
  const fit = (all = false) => {
    fitCharts(slots.sales, drawAt(SALES_CHARTS, () => shown.figures, 3), all);
    fitCharts(slots.fuel, drawAt(FUEL_CHARTS, () => shown.figures, 3), all);
    if (cohortSlot) fitCharts(cohortSlot, drawCohorts, all);
  };

  let tables = new Map<string, TableSpec>();
  let current: FilterState = {};
  const remember = (figures: SalesFigures, state: FilterState = {}) => {
    const cohorts = cohortCells
      ? cohortTables(
        cohortTable(cohortCells, {
          segments: state.segments,
          clusters: state.clusters,
        }),
      )
      : [];
    tables = new Map(
      [...salesViewTables(figures, context), ...data.staticTables, ...cohorts]
        .map((t) => [t.id, t]),
    );
  };
  remember(data.figures);
  addSegmentChange(document);
  const status = document.getElementById("filter-status");

  // While the page loads, its charts are drawn one at a time afterwards.
  let loading = true;
  const apply = (state: FilterState) => {
    current = state;
    writeForm(form, state);
    markPeriod(form, periods, state);
    if (!isFiltered(state)) {
      shown = { figures: data.figures, grain: "day" };
      slots.sales.innerHTML = initial.sales;
      slots.fuel.innerHTML = initial.fuel;
      if (cohortSlot) cohortSlot.innerHTML = initialCohorts;
      addSegmentChange(document);
      remember(data.figures);
      if (!loading) fit(true);
      if (status) status.textContent = "Showing all sales";
      return;
    }
    const options = { topN: data.topN };
    const selected = cubeFigures(data.cube, state, options);
    const figures = {
      ...selected,
      comparison: cubeComparison(data.cube, state, selected, options),
    };
    shown = { figures, grain: data.cube.grain };
    const view = { ...context, grain: data.cube.grain, deferred: true };
    slots.sales.innerHTML = renderSalesView(figures, SALES_CHARTS, view).markup;
    slots.fuel.innerHTML = renderFuelView(figures, FUEL_CHARTS, view).markup;
    addSegmentChange(document);
    if (cohortSlot && cohortCells) {
      const selection = { segments: state.segments, clusters: state.clusters };
      cohortSlot.innerHTML =
        renderCohortsView(cohortCells, selection, context).markup;
    }
    remember(figures, state);
    fit();
    if (status) status.textContent = `Filtered: ${describe(state)}`;
  };

  form.addEventListener("change", () => {
    const state = readForm(form);
    history.replaceState(
      null,
      "",
      filterHash(state) || location.pathname + location.search,
    );
    apply(state);
  });
  form.addEventListener("reset", (event) => {
    event.preventDefault();
    history.replaceState(null, "", location.pathname + location.search);
    apply({});
  });
  const offered = Object.fromEntries(
    Object.entries(LIST_FIELDS).map(([name, field]) => [
      field,
      [...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)]
        .map((i) => i.value),
    ]),
  );
  const fromHash = () => {
    const { state, dropped } = offeredFilters(
      parseFilterHash(location.hash),
      offered,
    );
    apply(state);
    if (dropped.length) {
      history.replaceState(
        null,
        "",
        filterHash(state) || location.pathname + location.search,
      );
      if (status) {
        status.textContent += `. Left out of the link, as this report has no ${
          dropped.join(", ")
        }`;
      }
    }
  };
  globalThis.addEventListener("hashchange", fromHash);
  onChartClick(document, (hash) => {
    // A value the form does not offer has no sales (a segment of no
    // customer in the segment table): say so rather than filter to nothing.
    const clicked = parseFilterHash(hash);
    const missing = Object.entries(LIST_FIELDS).flatMap(([name, field]) =>
      (clicked[field] ?? [])
        .filter((v) => offered[field].length && !offered[field].includes(v))
        .map((v) => `${name} "${v}"`)
    );
    if (missing.length) {
      if (status) {
        status.textContent = `Nothing to filter by: no sales of ${
          missing.join(", ")
        }`;
      }
      return;
    }
    const state = clickedFilters(current, hash);
    history.replaceState(
      null,
      "",
      filterHash(state) || location.pathname + location.search,
    );
    apply(state);
  });
  onPeriodClick(document, periods, (shortcut) => {
    const state = withPeriod(current, shortcut);
    history.replaceState(
      null,
      "",
      filterHash(state) || location.pathname + location.search,
    );
    apply(state);
  });
  closeFilterLists(form);
  document.addEventListener("click", (event) => {
    const button = (event.target as Element).closest?.("button.csv");
    const table = button && tables.get(button.getAttribute("data-table") ?? "");
    if (!table) return;
    const url = URL.createObjectURL(
      new Blob([tableCsv(table, data.currency)], { type: "text/csv" }),
    );
    const link = document.createElement("a");
    link.href = url;
    link.download = csvFileName(table.id, current);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  });
  globalThis.addEventListener("beforeprint", () => {
    for (const details of document.querySelectorAll("details")) {
      details.open = true;
    }
  });
  chartDownloads(document.getElementById("main")!);
  fromHash();
  loading = false;
  document.documentElement.dataset.ready = "true";
  const parts = (force: boolean) => [
    {
      root: slots.sales,
      draw: drawAt(SALES_CHARTS, () => shown.figures, 3),
      force: force && !isFiltered(current),
    },
    {
      root: slots.fuel,
      draw: drawAt(FUEL_CHARTS, () => shown.figures, 3),
      force: force && !isFiltered(current),
    },
    ...(cohortSlot && cohortCells
      ? [{
        root: cohortSlot,
        draw: drawCohorts,
        force,
      }]
      : []),
    ...(customersSlot
      ? [{
        root: customersSlot,
        draw: drawAt(
          [...RFM_CHARTS, ...CLUSTER_CHARTS],
          () => data.customerCharts,
          4,
        ),
        force,
      }]
      : []),
  ];
  // `data-charts` says whether charts are still being drawn again: "drawn"
  // once every pass (the first, and each after a resize) has finished.
  let drawing = 0;
  const drawGradually = async (force: boolean) => {
    drawing++;
    document.documentElement.dataset.charts = "drawing";
    try {
      await fitChartsGradually(parts(force));
    } finally {
      if (--drawing === 0) document.documentElement.dataset.charts = "drawn";
    }
  };
  await drawGradually(true);
  fitOnResize(
    document.querySelector("main") ?? document.body,
    () => drawGradually(false),
  );
}

function readForm(form: HTMLFormElement): FilterState {
  const state: FilterState = {};
  for (const [name, field] of Object.entries(LIST_FIELDS)) {
    const values = [
      ...form.querySelectorAll<HTMLInputElement>(
        `input[name="${name}"]:checked`,
      ),
    ].map((i) => i.value);
    if (values.length) state[field] = values;
  }
  for (const name of ["from", "to"] as const) {
    const value = (form.elements.namedItem(name) as HTMLInputElement | null)
      ?.value;
    if (value) state[name] = value;
  }
  return state;
}

function writeForm(form: HTMLFormElement, state: FilterState): void {
  for (const [name, field] of Object.entries(LIST_FIELDS)) {
    const chosen = new Set(state[field] ?? []);
    const inputs = [
      ...form.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`),
    ];
    for (const input of inputs) input.checked = chosen.has(input.value);
    const count = form.querySelector(`[data-filter="${name}"] .count`);
    if (count) {
      count.textContent = chosen.size
        ? `(${chosen.size} of ${inputs.length})`
        : "(all)";
    }
  }
  for (const name of ["from", "to"] as const) {
    const input = form.elements.namedItem(name) as HTMLInputElement | null;
    if (input) input.value = state[name] ?? "";
  }
}

function describe(state: FilterState): string {
  const parts: string[] = [];
  for (const [name, field] of Object.entries(LIST_FIELDS)) {
    if (state[field]?.length) parts.push(`${name} ${state[field]!.join(", ")}`);
  }
  if (state.from) parts.push(`from ${state.from}`);
  if (state.to) parts.push(`to ${state.to}`);
  return parts.join("; ");
}

start().catch((error) => {
  const status = document.getElementById("filter-status");
  if (status) {
    status.textContent = `Filters are unavailable: ${
      error instanceof Error ? error.message : error
    }`;
  }
  console.error(error);
});
