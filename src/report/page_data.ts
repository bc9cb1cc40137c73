import type { CohortColumns } from "../figures/cohorts/cohort_columns.ts";
import type { SalesCube } from "../figures/sales/sales_cube.ts";
import type { ComparedSalesFigures } from "../figures/sales/sales_comparison.ts";
import type { TableSpec } from "./table_spec.ts";
import type { CustomerChartData } from "./slots/customer_charts.ts";

/** What the report page's script reads: decoded from the page's embedded, gzipped JSON. */
export interface PageData {
  /** The cube every filtered figure is computed from. */
  cube: SalesCube;
  /** The figures of the whole report, as the server computed them (the unfiltered view). */
  figures: ComparedSalesFigures;
  /** Tables that do not follow the filters (customer profiles), for CSV downloads. */
  staticTables: TableSpec[];
  /** Chart width the server used. */
  width: number;
  /** The currency and locale the server formatted numbers in (see numberFormats). */
  currency: string;
  locale: string;
  /** Top N categories per region. */
  topN: number;
  subCategoryNote: string;
  /** What the customer charts draw, to draw them again at the reader's width; null without customers. */
  customerCharts?: CustomerChartData | null;
  /** The cohorts' sums by segment and cluster, for the segment and cluster filters; null without customer ids. */
  cohorts?: CohortColumns | null;
}

/** Encodes page data as base64 of gzipped JSON, the form the page embeds. */
export async function encodePageData(data: PageData): Promise<string> {
  const stream = new Blob([JSON.stringify(data)]).stream().pipeThrough(
    new CompressionStream("gzip"),
  );
  const bytes = new Uint8Array(await new Response(stream).arrayBuffer());
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Decodes what {@linkcode encodePageData} made (in the page, or in tests). */
export async function decodePageData(encoded: string): Promise<PageData> {
  const binary = atob(encoded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const stream = new Blob([bytes]).stream().pipeThrough(
    new DecompressionStream("gzip"),
  );
  return JSON.parse(await new Response(stream).text());
}
