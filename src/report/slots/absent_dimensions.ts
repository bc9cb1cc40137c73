/**
 * Dimensions the data does not have: a file without departments gives one
 * "(none)" department, one without cities a "(none)" city for every store.
 * Such a dimension is left out of the page (its chart, table, column and
 * filter), not drawn as one "(none)" bar, and the methods say so.
 *
 * @module
 */
import { NONE_LABEL } from "../../model/none_label.ts";
import type { SalesFigures } from "../../figures/sales/sales_figures_from_sums.ts";
import type { TableSpec } from "../table_spec.ts";
import { type Html, html } from "../html.ts";

/** A dimension of the sales that a data set may lack. */
export type Dimension =
  | "store"
  | "city"
  | "region"
  | "channel"
  | "department"
  | "category";

/** Names of the dimensions in the methods' words. */
const NAMES: Record<Dimension, string> = {
  store: "stores",
  city: "store cities",
  region: "regions",
  channel: "channels",
  department: "departments",
  category: "categories",
};

/**
 * The dimensions the whole data does not have: those whose every value is
 * "(none)" in the unfiltered figures. Compute it from the figures of all
 * the data, not a filtered selection, which may lack a value that the data
 * has.
 *
 * @example
 * ```ts
 * import { absentDimensions } from "./absent_dimensions.ts";
 * const figures = {
 *   byStore: [{ store: "e-Shop", city: "(none)" }, { store: "MBR", city: "(none)" }],
 *   byDepartment: [{ department: "(none)" }],
 *   byChannel: [{ channel: "e-Shop" }],
 *   byCategory: [{ category: "Books" }],
 *   categorySharesByRegion: [{ region: "City 1" }, { region: "(none)" }],
 * };
 * // deno-lint-ignore no-explicit-any
 * const absent = absentDimensions(figures as any);
 * if ([...absent].join() !== "city,department") throw new Error([...absent].join());
 * ```
 */
export function absentDimensions(
  figures: Pick<
    SalesFigures,
    | "byStore"
    | "byDepartment"
    | "byChannel"
    | "byCategory"
    | "categorySharesByRegion"
  >,
): Set<Dimension> {
  const none = <T>(rows: readonly T[], value: (row: T) => string) =>
    rows.every((row) => value(row) === NONE_LABEL);
  const absent = new Set<Dimension>();
  if (none(figures.byStore, (r) => r.store)) absent.add("store");
  if (none(figures.byStore, (r) => r.city)) absent.add("city");
  if (none(figures.categorySharesByRegion, (r) => r.group)) {
    absent.add("region");
  }
  if (none(figures.byChannel, (r) => r.channel)) absent.add("channel");
  if (none(figures.byDepartment, (r) => r.department)) {
    absent.add("department");
  }
  if (none(figures.byCategory, (r) => r.category)) absent.add("category");
  return absent;
}

/** The tables (and columns) of a view without those of absent dimensions. */
export function presentTables(
  tables: readonly TableSpec[],
  absent: ReadonlySet<Dimension> | undefined,
): TableSpec[] {
  if (!absent?.size) return [...tables];
  const byTable: Record<string, Dimension> = {
    stores: "store",
    departments: "department",
    channels: "channel",
    "category-share-by-channel": "channel",
    "category-share-by-region": "region",
    "top-categories-by-region": "region",
  };
  return tables
    .filter((t) => !absent.has(byTable[t.id]))
    .map((t) =>
      t.id === "stores" && absent.has("city")
        ? { ...t, columns: t.columns.filter((c) => c.key !== "city") }
        : t
    );
}

/**
 * What the methods say of the dimensions the data does not have: one note,
 * or none when it has them all.
 *
 * @example
 * ```ts
 * import { absentNotes } from "./absent_dimensions.ts";
 * const [note] = absentNotes(new Set(["city", "department"] as const));
 * if (!note.markup.startsWith("The data has no store cities and no departments:")) throw new Error(note.markup);
 * if (absentNotes(new Set()).length !== 0) throw new Error();
 * ```
 */
export function absentNotes(absent: ReadonlySet<Dimension>): Html[] {
  const names = [...absent].map((d) => NAMES[d]);
  if (names.length === 0) return [];
  const list = names.length === 1
    ? names[0]
    : `${names.slice(0, -1).join(", no ")} and no ${names.at(-1)}`;
  return [
    html`The data has no ${list}: their charts, tables, columns and filters are left out, rather than drawn as a single "(none)".`,
  ];
}
