import { assertEquals } from "../../assert.ts";
import { rfmGrid } from "../../../src/figures/segments/rfm_grid.ts";

Deno.test("rfmGrid() counts customers in all 25 cells with each cell's segment", () => {
  const rows = [
    { recencyScore: 5, frequencyScore: 5 },
    { recencyScore: 5, frequencyScore: 4 },
    { recencyScore: 1, frequencyScore: 1 },
    { recencyScore: 1, frequencyScore: 1 },
  ];
  const cells = rfmGrid(rows);
  assertEquals(cells.length, 25);
  assertEquals(cells.reduce((s, c) => s + c.customers, 0), 4);
  const lost = cells.find((c) =>
    c.recencyScore === 1 && c.frequencyScore === 1
  )!;
  assertEquals(lost, {
    recencyScore: 1,
    frequencyScore: 1,
    segment: "Lost",
    customers: 2,
    share: 0.5,
  });
  assertEquals(
    cells.filter((c) => c.segment === "Champions").map((c) => c.customers),
    [1, 1],
  );
});
