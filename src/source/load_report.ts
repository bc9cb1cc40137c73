import type { CsvEncoding } from "./csv_encoding.ts";
import type { Dataset } from "./dataset.ts";
import type { DateOrder } from "./parse_date.ts";

/** The kinds of source Basket reads. */
export type SourceKind =
  | "simulated"
  | "three-file"
  | "basket"
  | "store-sales"
  | "mapped";

/** Which source column fed which data-model field. */
export interface FieldSource {
  field: string;
  file: string;
  column: string;
}

/** What loading found, before any analysis. */
export interface LoadReport {
  kind: SourceKind;
  path: string | null;
  files: string[];
  /** The encoding each CSV file was read in, and how Basket knew. */
  encodings: CsvEncoding[];
  /** Sale lines read from the file(s). */
  rowsRead: number;
  /** Rows (of any file) rejected with `--on-bad-rows=skip`. */
  rowsRejected: number;
  rejectReasons: { reason: string; count: number }[];
  /** Sale lines that repeat an earlier line exactly; they are kept. */
  duplicateLines: number;
  columns: FieldSource[];
  dateOrders: Record<string, DateOrder | "iso">;
}

/** A loaded source. */
export interface LoadedSource {
  dataset: Dataset;
  report: LoadReport;
}
