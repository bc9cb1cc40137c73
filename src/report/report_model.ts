import type { CohortModel } from "./customers/cohort_model.ts";
import type { MigrationModel } from "./customers/render_migration_view.ts";
import type { DataSummary } from "../source/data_summary.ts";
import type { ComparedSalesFigures } from "../figures/sales/sales_comparison.ts";
import type { LoadReport, LookupCheck } from "../source/load_report.ts";
import type { FilterState } from "./filter_state.ts";
import type { ValueFigures } from "../figures/value/value_figures.ts";
import type { BasketFigures } from "../figures/baskets/basket_figures.ts";
import type { ProductFigures } from "../figures/products/product_figures.ts";

/** What a report was built from and with. */
export interface ReportParameters {
  /** The data path, or null for the built-in simulator. */
  data: string | null;
  map: Record<string, string> | null;
  dateFormat: string | null;
  onBadRows: "fail" | "skip";
  seed: number;
  /** The analysis date as given; null for the default, the day after the last sale. */
  asOf: string | null;
  /** Clusters: fixed k, or null when chosen by silhouette. */
  k: number | null;
  topN: number;
  /** Filters applied on the command line. */
  filters: FilterState;
  /** The ISO 4217 code every amount is shown in: "USD". */
  currency: string;
  /** The language tag numbers are formatted for: "en-US". */
  locale: string;
}

/** The data-quality facts the report states. */
export interface ReportData {
  source: string;
  kind: LoadReport["kind"];
  files: string[];
  /** The encoding each CSV file was read in. */
  encodings: LoadReport["encodings"];
  /** Sale lines read from the source. */
  rows: number;
  rejectedRows: number;
  rejectReasons: LoadReport["rejectReasons"];
  returns: DataSummary["returns"];
  duplicates: number;
  /** Lookup files' repeated rows (dropped) and unmatched sale lines (kept as "(unknown)"). */
  lookups: LookupCheck[];
  from: string | null;
  to: string | null;
  stores: number;
  customers: number;
  columns: LoadReport["columns"];
  /** Line counts and a hash of the data's rows (see dataFingerprint). */
  fingerprint: string;
  /**
   * For a warehouse source only (see docs/warehouse.md): the server that
   * summed the lines, the lines each pass over them scans, and what came
   * back by the time the figures were computed: queries, result rows and
   * bytes received.
   */
  engine?: {
    name: string;
    rowsScanned: number;
    queries: number;
    rowsReturned: number;
    bytesReturned: number;
  };
}

/** Everything a report shows; `report.json` is this without the cube. */
export interface ReportModel {
  schema: "basket-report/1";
  runId: string;
  generatedAt: string;
  parameters: ReportParameters;
  data: ReportData;
  sales: ComparedSalesFigures & { total: number };
  /** Null when the data has no customer ids. */
  customers: unknown | null;
  /** Predicted customer value (see valueFigures); null when the data has no customer ids. */
  value?: ValueFigures | null;
  /** What sells together (see docs/report.md); set by every build. */
  baskets?: BasketFigures;
  /** Which products carry the business; null when no line has a product id. */
  products?: ProductFigures | null;
  /** Customers by the month of their first purchase (see CohortModel); null without customer ids. */
  cohorts?: CohortModel | null;
  /** Who moved between RFM segments since the previous run (see MigrationModel). */
  migration?: MigrationModel;
}
