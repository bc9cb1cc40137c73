import { type ColumnMapping, parseMapFlags } from "../source/column_mapping.ts";
import type { DateOrder } from "../source/parse_date.ts";
import { encodingName } from "../source/csv_encoding.ts";
import { parseRealDate } from "../model/parse_real_date.ts";
import { parseWholeNumber } from "../model/parse_whole_number.ts";

/**
 * The environment variables that override a notebook's parameters, by
 * parameter; `deno task notebooks` sets them from its flags.
 */
export const NOTEBOOK_ENV = {
  data: "BASKET_DATA",
  map: "BASKET_MAP",
  dateFormat: "BASKET_DATE_FORMAT",
  onBadRows: "BASKET_ON_BAD_ROWS",
  encoding: "BASKET_ENCODING",
  asOf: "BASKET_AS_OF",
  seed: "BASKET_SEED",
  k: "BASKET_K",
} as const;

/**
 * A notebook's parameters as written in its first cell or read from the
 * environment: text, or a number for `seed` and `k`. Missing or empty means
 * the default.
 */
export interface NotebookParameterValues {
  /** A folder or a sales CSV; default: the built-in simulated retail chain. */
  data?: string;
  /** A column mapping, `field=Column` pairs separated by `;` or new lines. */
  map?: string;
  /** `dmy` or `mdy`, for files whose `nn/nn/yyyy` dates are ambiguous. */
  dateFormat?: string;
  /** `fail` (default) or `skip`. */
  onBadRows?: string;
  /** The CSV files' encoding (`utf-8`, `windows-1252`, `utf-16le`, ...); default: detected. */
  encoding?: string;
  /** The analysis date, `YYYY-MM-DD`; default: the day after the last sale. */
  asOf?: string;
  /** Seed of the simulator and of the clustering; default 1. */
  seed?: string | number;
  /** Number of customer clusters; default: chosen by silhouette. */
  k?: string | number;
}

/**
 * A notebook's parameters, checked; every one is present, undefined when it
 * takes its default, so that a notebook can show them all. Fits
 * `openSource` as it is; pass `asOf`, `seed` and `k` on to the analyses.
 */
export interface NotebookParameters {
  data: string | undefined;
  map: ColumnMapping | undefined;
  dateFormat: DateOrder | undefined;
  onBadRows: "fail" | "skip";
  encoding: string | undefined;
  asOf: string | undefined;
  seed: number;
  k: number | undefined;
}

/**
 * Checks a notebook's parameters and fills in the defaults. A bad value is
 * a TypeError or RangeError that names the parameter and quotes the value.
 *
 * @example
 * ```ts
 * import { notebookParameters } from "./notebook_parameters.ts";
 * const p = notebookParameters({ data: "", seed: "7", k: "", map: "date=Day; amount=Total" });
 * if (p.seed !== 7 || p.k !== undefined || p.data !== undefined || p.map?.amount !== "Total") {
 *   throw new Error(JSON.stringify(p));
 * }
 * ```
 */
export function notebookParameters(
  values: NotebookParameterValues,
): NotebookParameters {
  const text = (value: string | number | undefined) => {
    if (value === undefined) return undefined;
    const trimmed = String(value).trim();
    return trimmed === "" ? undefined : trimmed;
  };
  const data = text(values.data);
  const mapText = text(values.map);
  const map = mapText === undefined ? undefined : parseMapFlags(
    mapText.split(/[;\n]/).map((pair) => pair.trim()).filter(Boolean),
  );
  const dateFormatText = text(values.dateFormat);
  let dateFormat: DateOrder | undefined;
  if (dateFormatText !== undefined) {
    const key = dateFormatText.toLowerCase();
    if (key !== "dmy" && key !== "mdy") {
      throw new RangeError(
        `Cannot read the dateFormat parameter ${
          JSON.stringify(dateFormatText)
        }: expected dmy (day first) or mdy (month first)`,
      );
    }
    dateFormat = key;
  }
  const onBadRows = text(values.onBadRows) ?? "fail";
  if (onBadRows !== "fail" && onBadRows !== "skip") {
    throw new RangeError(
      `Cannot read the onBadRows parameter ${
        JSON.stringify(onBadRows)
      }: expected fail or skip`,
    );
  }
  const encodingText = text(values.encoding);
  const encoding = encodingText === undefined
    ? undefined
    : encodingName(encodingText, "the encoding parameter");
  const asOfText = text(values.asOf);
  const asOf = asOfText === undefined
    ? undefined
    : parseRealDate(asOfText, "the asOf parameter");
  const seed = parseWholeNumber(text(values.seed) ?? "1", "the seed parameter");
  const kText = text(values.k);
  const k = kText === undefined
    ? undefined
    : parseWholeNumber(kText, "the k parameter", { min: 1 });
  return { data, map, dateFormat, onBadRows, encoding, asOf, seed, k };
}
