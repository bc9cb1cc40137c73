/**
 * The command line's segment and cluster filters reach SQL as a table of
 * the customers they keep: the figures are those of a list of their ids.
 */
import { assertEquals } from "../assert.ts";
import { saleLine } from "../analysis/sale_line.ts";
import { salesFigures } from "../../src/analysis/sales/sales_figures.ts";
import { customerGroupsOf } from "../../src/figures/segments/customer_groups.ts";
import { closeDataset, createDataset } from "../../src/source/dataset.ts";
import { salesFilterFor } from "../../src/pipeline/sales_filter_for.ts";

const LINES = [
  saleLine({ customer_id: "A", amount: 10, store: "S1" }),
  saleLine({ customer_id: "B", amount: 20, store: "S2" }),
  saleLine({ customer_id: "C", amount: 40, store: "S1" }),
  saleLine({ customer_id: "C", amount: -5, date: "2024-01-02" }),
  saleLine({ customer_id: null, amount: 80 }),
];
const GROUPS = customerGroupsOf([
  { id: "A", segment: "Lost", cluster: "1. Books" },
  { id: "B", segment: "Champions", cluster: "1. Books" },
  { id: "C", segment: "Lost" },
]);

Deno.test("salesFilterFor() keeps the lines of the customers in the segments and clusters asked for, as a list of their ids would", async () => {
  const data = await createDataset({ sales: LINES });
  try {
    const cases: [Parameters<typeof salesFilterFor>[1], string[]][] = [
      [{ segments: ["Lost"] }, ["A", "C"]],
      [{ segments: ["Lost"], clusters: ["1. Books"] }, ["A"]],
      [{ clusters: ["1. Books"], stores: ["S1"] }, ["A"]],
      [{ segments: ["Lost", "Champions"] }, ["A", "B", "C"]],
    ];
    for (const [filters, ids] of cases) {
      const filter = await salesFilterFor(data, filters, GROUPS);
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
    const none = await salesFilterFor(data, { segments: ["Gone"] }, GROUPS);
    assertEquals((await salesFigures(data, none)).headline.saleLines, 0);
    const stores = await salesFilterFor(data, { stores: ["S1"] }, GROUPS);
    assertEquals(stores, { stores: ["S1"] });
    assertEquals((await salesFigures(data, stores)).headline.saleLines, 4);
  } finally {
    closeDataset(data);
  }
});
