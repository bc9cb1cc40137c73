/**
 * The command line's segment and cluster filters reach SQL as a table of
 * the customers they keep, selected from the customer table in the
 * engine: the figures are those of a list of their ids.
 */
import { assertEquals } from "../assert.ts";
import { saleLine } from "../analysis/sale_line.ts";
import { salesFigures } from "../../src/analysis/sales/sales_figures.ts";
import { uploadCustomerTable } from "../../src/analysis/segments/customer_table.ts";
import { customerGroupsOf } from "../../src/figures/segments/customer_groups.ts";
import { closeDataset, createDataset } from "../../src/source/dataset.ts";
import { salesFilterFor } from "../../src/pipeline/sales_filter_for.ts";
import { filterValues } from "../../src/pipeline/check_filters.ts";

const LINES = [
  saleLine({ customer_id: "A", amount: 10, store: "S1" }),
  saleLine({ customer_id: "B", amount: 20, store: "S2" }),
  saleLine({ customer_id: "C", amount: 40, store: "S1" }),
  saleLine({ customer_id: "C", amount: -5, date: "2024-01-02" }),
  saleLine({ customer_id: "D", amount: 7, store: "S2" }),
  saleLine({ customer_id: null, amount: 80 }),
];
const GROUPS = customerGroupsOf([
  { id: "A", segment: "Lost", cluster: "1. Books" },
  { id: "B", segment: "Champions", cluster: "1. Books" },
  { id: "C", segment: "Lost" },
  { id: "D", segment: "Can't Lose Them", cluster: "2. Men's shoes" },
]);

Deno.test("salesFilterFor() keeps the lines of the customers in the segments and clusters asked for, as a list of their ids would", async () => {
  const data = await createDataset({ sales: LINES });
  try {
    const table = await uploadCustomerTable(data, GROUPS);
    const cases: [Parameters<typeof salesFilterFor>[1], string[]][] = [
      [{ segments: ["Lost"] }, ["A", "C"]],
      [{ segments: ["Lost"], clusters: ["1. Books"] }, ["A"]],
      [{ clusters: ["1. Books"], stores: ["S1"] }, ["A"]],
      [{ segments: ["Lost", "Champions"] }, ["A", "B", "C"]],
      [{ segments: ["Can't Lose Them"] }, ["D"]],
      [{ clusters: ["2. Men's shoes", "1. Books"] }, ["A", "B", "D"]],
    ];
    for (const [filters, ids] of cases) {
      const filter = await salesFilterFor(data, filters, table);
      const { customersIn: _table, ...rest } = filter;
      assertEquals(
        (await salesFigures(data, filter)).headline,
        (await salesFigures(data, { ...rest, customers: ids })).headline,
        JSON.stringify(filters),
      );
    }
  } finally {
    closeDataset(data);
  }
});

Deno.test("salesFilterFor() keeps no line when no customer is in the segment, and no customer table without one", async () => {
  const data = await createDataset({ sales: LINES });
  try {
    const table = await uploadCustomerTable(data, GROUPS);
    const none = await salesFilterFor(data, { segments: ["Gone"] }, table);
    assertEquals((await salesFigures(data, none)).headline.saleLines, 0);
    const stores = await salesFilterFor(data, { stores: ["S1"] }, table);
    assertEquals(stores, { stores: ["S1"] });
    assertEquals((await salesFigures(data, stores)).headline.saleLines, 4);
    // Without scored customers, no customer is in any segment.
    const unscored = await salesFilterFor(data, { segments: ["Lost"] });
    assertEquals((await salesFigures(data, unscored)).headline.saleLines, 0);
  } finally {
    closeDataset(data);
  }
});

Deno.test("filterValues() lists the customer table's segments and clusters, sorted, without no cluster", async () => {
  const data = await createDataset({ sales: LINES });
  try {
    const values = await filterValues(
      data,
      await uploadCustomerTable(data, GROUPS),
    );
    assertEquals(values.segments, ["Can't Lose Them", "Champions", "Lost"]);
    assertEquals(values.clusters, ["1. Books", "2. Men's shoes"]);
    assertEquals(values.stores, ["S1", "S2"]);
    const unscored = await filterValues(data, null);
    assertEquals([unscored.segments, unscored.clusters], [[], []]);
  } finally {
    closeDataset(data);
  }
});
