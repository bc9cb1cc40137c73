import type { CsvEncoding } from "./csv_encoding.ts";
import type { Dataset } from "./dataset.ts";
import type { DateOrder } from "./parse_date.ts";

/** The kinds of source Basket reads. */
export type SourceKind =
  | "simulated"
  | "three-file"
  | "basket"
  | "store-sales"
  | "mapped"
  | "invoice"
  | "warehouse";

/** Which source column fed which data-model field. */
export interface FieldSource {
  field: string;
  file: string;
  column: string;
}

/** What loading found, before any analysis. */
/**
 * A lookup file of the three-file schema (product categories, customers):
 * its rows that repeat an earlier row exactly, which are dropped, and the
 * sale lines pointing to a key it lacks, which are kept and labelled
 * "(unknown)" in `field`.
 */
export interface LookupCheck {
  what: string;
  file: string;
  repeatedRows: number;
  unmatchedLines: number;
  field: string;
}

export interface LoadReport {
  kind: SourceKind;
  path: string | null;
  files: string[];
  /** The encoding each CSV file was read in, and how Basket knew. */
  encodings: CsvEncoding[];
  /**
   * Sale lines read and kept from the file(s): with the sales file's rows
   * rejected, every record (data row) of that file.
   */
  rowsRead: number;
  /** Rows (of any file) rejected with `--on-bad-rows=skip`. */
  rowsRejected: number;
  rejectReasons: { reason: string; count: number }[];
  /** Sale lines that repeat an earlier line exactly; they are kept. */
  duplicateLines: number;
  /** The lookup files' repeated rows and unmatched sale lines (three-file schema only). */
  lookups: LookupCheck[];
  columns: FieldSource[];
  dateOrders: Record<string, DateOrder | "iso">;
}

/** A loaded source. */
export interface LoadedSource {
  dataset: Dataset;
  report: LoadReport;
}
