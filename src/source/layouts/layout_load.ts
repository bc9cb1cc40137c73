import type { DuckDBConnection } from "@duckdb/node-api";
import type { DateOrder } from "../parse_date.ts";
import type { LoadReport, SourceKind } from "../load_report.ts";
import type { CsvDelimiter } from "../stage_csv.ts";

/** What every layout's loader is given: the database and how to treat bad rows and dates. */
export interface LayoutContext {
  connection: DuckDBConnection;
  onBadRows: "fail" | "skip";
  dateFormat: DateOrder | undefined;
  /** The CSV files' encoding (`--encoding`); undefined: detect it. */
  encoding?: string;
  /** Whether a sales CSV has a header (`--no-header` makes it false); default true. */
  header?: boolean;
  /** The CSV files' delimiter (`--delimiter`); undefined: detect it. */
  delimiter?: CsvDelimiter;
  /**
   * Whether a sales CSV may be read in one typed pass (see loadTypedCsv);
   * default true. False reads it through the checked path only, as the
   * tests do to compare the two.
   */
  typed?: boolean;
}

/**
 * What a layout's loader found: its part of the LoadReport, and the table
 * of sale lines as read, where loadSource counts duplicate lines.
 */
export interface LayoutLoad
  extends Pick<LoadReport, "files" | "rowsRead" | "columns" | "dateOrders"> {
  kind: SourceKind;
  /** The sale lines as read (a temporary table or view). */
  salesTable: string;
  salesColumns: string[];
  /** The lookup files' checks; none for a layout without lookups. */
  lookups?: LoadReport["lookups"];
}
