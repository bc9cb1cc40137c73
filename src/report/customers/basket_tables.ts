// deno-fmt-ignore-file -- deno fmt would re-indent the markup inside the html templates
import {
  type BasketFigures,
  type BasketLevelFigures,
  LEVEL_NOUNS,
} from "../../figures/baskets/basket_figures.ts";
import type { ProductFigures } from "../../figures/products/product_figures.ts";
import type { TableColumn, TableSpec } from "../table_spec.ts";

const PAIR_COLUMNS: TableColumn[] = [
  { key: "pair", label: "Pair", kind: "text" },
  { key: "baskets", label: "Baskets with both", kind: "integer" },
  { key: "support", label: "Support", kind: "percent" },
  { key: "confidenceAB", label: "Confidence first → second", kind: "percent" },
  { key: "confidenceBA", label: "Confidence second → first", kind: "percent" },
  { key: "lift", label: "Lift", kind: "number" },
];

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The id of a level's table of a kind: `basket-pairs-sub-category`. */
export function basketTableId(kind: "pairs" | "triples" | "groups", level: string): string {
  return `basket-${kind}-${level.replace("_", "-")}`;
}

/**
 * The basket tables of one level: the strongest pairs among all baskets,
 * the strongest triples (when listed) and the strongest pairs of each RFM
 * segment and cluster. Product ids stand beside the names.
 */
export function basketLevelTables(level: BasketLevelFigures): TableSpec[] {
  const [, plural] = LEVEL_NOUNS[level.level];
  const ids: TableColumn[] = level.level === "product"
    ? [{ key: "a", label: "First id", kind: "text" }, { key: "b", label: "Second id", kind: "text" }]
    : [];
  const pairRow = (p: BasketLevelFigures["scopes"][number]["pairs"][number]) => ({
    ...p,
    pair: `${p.aName} + ${p.bName}`,
  });
  const [all, ...groups] = level.scopes;
  const tables: TableSpec[] = [{
    id: basketTableId("pairs", level.level),
    title: `${capital(plural)} bought together`,
    columns: [...PAIR_COLUMNS, ...ids],
    rows: (all?.pairs ?? []).map(pairRow),
  }];
  if (level.triples?.length) {
    tables.push({
      id: basketTableId("triples", level.level),
      title: `Three ${plural} bought together`,
      columns: [
        { key: "rule", label: "Rule", kind: "text" },
        { key: "baskets", label: "Baskets with all three", kind: "integer" },
        { key: "support", label: "Support", kind: "percent" },
        { key: "confidence", label: "Confidence", kind: "percent" },
        { key: "lift", label: "Lift", kind: "number" },
      ],
      rows: level.triples.map((t) => {
        const name = (id: string) => t.names[t.items.indexOf(id)];
        return {
          ...t,
          rule: `${name(t.given[0])} + ${name(t.given[1])} → ${name(t.then)}`,
        };
      }),
    });
  }
  if (groups.length) {
    tables.push({
      id: basketTableId("groups", level.level),
      title: `${capital(plural)} bought together by RFM segment and cluster`,
      columns: [
        { key: "group", label: "Group", kind: "text" },
        { key: "groupBaskets", label: "Baskets in the group", kind: "integer" },
        ...PAIR_COLUMNS,
        ...ids,
      ],
      rows: groups.flatMap((g) =>
        g.pairs.map((p) => ({
          ...pairRow(p),
          group: `${g.dimension === "segment" ? "Segment" : "Cluster"}: ${g.scope}`,
          groupBaskets: g.baskets,
        }))
      ),
      folded: true,
    });
  }
  return tables;
}

/** Every basket table of a report. */
export function basketTables(figures: BasketFigures): TableSpec[] {
  return figures.levels.flatMap(basketLevelTables);
}

const PRODUCT_COLUMNS: TableColumn[] = [
  { key: "rank", label: "Rank by net sales", kind: "integer" },
  { key: "product", label: "Product", kind: "text" },
  { key: "name", label: "Name", kind: "text" },
  { key: "netSales", label: "Net sales", kind: "money" },
  { key: "share", label: "Share of net sales", kind: "percent" },
  { key: "customers", label: "Customers", kind: "integer" },
  { key: "transactions", label: "Transactions", kind: "integer" },
  { key: "quantity", label: "Units", kind: "number" },
  { key: "abcClass", label: "ABC class", kind: "text" },
];

/** The product tables: the top products by net sales and by customers, and the ABC classes. */
export function productTables(figures: ProductFigures): TableSpec[] {
  const rows = <T extends object>(list: readonly T[]) => list as unknown as Record<string, unknown>[];
  const byCustomers = [PRODUCT_COLUMNS[1], PRODUCT_COLUMNS[2], PRODUCT_COLUMNS[5], ...PRODUCT_COLUMNS.filter((_, i) => i !== 1 && i !== 2 && i !== 5)];
  return [
    {
      id: "products-by-sales",
      title: "Top products by net sales",
      // In rank order: the rank is the row's place.
      columns: PRODUCT_COLUMNS.slice(1),
      rows: rows(figures.topBySales),
    },
    {
      id: "products-by-customers",
      title: "Top products by customers",
      columns: byCustomers,
      rows: rows(figures.topByCustomers),
    },
    {
      id: "products-abc",
      title: "ABC classes of products",
      columns: [
        { key: "abcClass", label: "Class", kind: "text" },
        { key: "products", label: "Products", kind: "integer" },
        { key: "productShare", label: "Share of products", kind: "percent" },
        { key: "netSales", label: "Net sales", kind: "money" },
        { key: "salesShare", label: "Share of net sales", kind: "percent" },
      ],
      rows: rows(figures.abc.classes),
    },
  ];
}
