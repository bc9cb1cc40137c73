import { CliError } from "../model/cli_error.ts";
import { didYouMean } from "../model/did_you_mean.ts";
import { NONE_LABEL } from "../model/none_label.ts";
import type { CustomerTable } from "../analysis/segments/customer_table.ts";
import { type Dataset, queryRows } from "../source/dataset.ts";
import type { FilterState } from "../report/filter_state.ts";

/** The filters that take values from the data, with their flag and noun. */
const LIST_FILTERS = [
  {
    field: "categories",
    flag: "category",
    noun: "categories",
    column: "category",
  },
  { field: "regions", flag: "region", noun: "regions", column: "region" },
  { field: "stores", flag: "store", noun: "stores", column: "store" },
  { field: "channels", flag: "channel", noun: "channels", column: "channel" },
  { field: "segments", flag: "segment", noun: "RFM segments", column: null },
  { field: "clusters", flag: "cluster", noun: "clusters", column: null },
] as const;

/** The values each list filter can take: those the data holds. */
export type FilterValues = Record<
  typeof LIST_FILTERS[number]["field"],
  readonly string[]
>;

/**
 * The values the data holds for each filter: categories, regions, stores and
 * channels of its sale lines (a missing one as "(none)", as the report shows
 * it), and the segments and clusters its customers fall in: the label
 * lists of the customer table `customers` ("(none)", no cluster, left out).
 */
export async function filterValues(
  dataset: Dataset,
  customers: CustomerTable | null,
): Promise<FilterValues> {
  const column = async (name: string) =>
    (await queryRows<{ v: string }>(
      dataset,
      `SELECT DISTINCT coalesce(${name}, '${NONE_LABEL}') AS v FROM sales ORDER BY v`,
    )).map((r) => r.v);
  const labels = (names: readonly string[] = []) =>
    [...new Set(names)].filter((v) => v !== NONE_LABEL).sort();
  return {
    categories: await column("category"),
    regions: await column("region"),
    stores: await column("store"),
    channels: await column("channel"),
    segments: labels(customers?.segments),
    clusters: labels(customers?.clusters),
  };
}

/**
 * Checks the command line's filters before anything is computed: a value the
 * data does not hold, or a date range that ends before it starts, is a usage
 * error (exit 2) that names the values there are and the closest one. A
 * typo must never become an empty report.
 *
 * @example
 * ```ts
 * import { checkFilters } from "./check_filters.ts";
 * const values = { categories: ["Books", "Toys"], regions: [], stores: [],
 *   channels: [], segments: [], clusters: [] };
 * checkFilters({ categories: ["Books"] }, values);
 * try {
 *   checkFilters({ categories: ["Bookz"] }, values);
 *   throw new Error("not refused");
 * } catch (error) {
 *   if (!String(error).includes('did you mean "Books"')) throw error;
 * }
 * ```
 */
export function checkFilters(
  filters: FilterState,
  values: FilterValues,
): void {
  for (const { field, flag, noun } of LIST_FILTERS) {
    const known = values[field];
    for (const value of filters[field] ?? []) {
      if (known.includes(value)) continue;
      const close = didYouMean(value, known) ??
        known.find((k) => k.toLowerCase() === value.toLowerCase());
      throw new CliError(
        `Cannot filter by --${flag} ${
          JSON.stringify(value)
        }: the data has no such value${
          close ? `; did you mean ${JSON.stringify(close)}?` : ""
        } ${
          known.length ? `Its ${noun}: ${listed(known)}` : `It has no ${noun}`
        }`,
      );
    }
  }
  if (filters.from && filters.to && filters.from > filters.to) {
    throw new CliError(
      `Cannot filter by dates: --from ${filters.from} is after --to ${filters.to}`,
    );
  }
}

/**
 * The error for filters that are each valid but together match no sale line:
 * exit 65, as for data that cannot make a report.
 */
export function emptySelectionError(
  filters: FilterState,
  asOf?: string,
): CliError {
  const parts: string[] = [];
  for (const { field, flag } of LIST_FILTERS) {
    for (const value of filters[field] ?? []) {
      parts.push(`--${flag} ${JSON.stringify(value)}`);
    }
  }
  if (filters.from) parts.push(`--from ${filters.from}`);
  if (filters.to) parts.push(`--to ${filters.to}`);
  if (asOf) parts.push(`--as-of ${asOf}`);
  return new CliError(
    `Cannot build a report: no sale line matches ${parts.join(" ")}`,
    65,
  );
}

function listed(values: readonly string[]): string {
  const shown = values.slice(0, 12).map((v) => JSON.stringify(v)).join(", ");
  return values.length > 12 ? `${shown} and ${values.length - 12} more` : shown;
}
