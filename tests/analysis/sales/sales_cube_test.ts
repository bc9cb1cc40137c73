import { assertAlmostEquals, assertEquals } from "../../assert.ts";
import {
  closeDataset,
  createDataset,
  type Dataset,
  queryRows,
} from "../../../src/source/dataset.ts";
import type { SaleLine } from "../../../src/model/schema.ts";
import { salesCube } from "../../../src/analysis/sales/sales_cube.ts";
import { line, syntheticSales } from "../fixtures.ts";

/**
 * Synthetic lines, whose transactions each span two days and stores, plus a
 * transaction of a single day and a fuel line without gallons.
 */
const LINES = [
  ...syntheticSales(1600),
  line({ date: "2024-01-02", store: "S5", transaction_id: "X1", amount: 40 }),
  line({ date: "2024-01-02", store: "S5", transaction_id: "X1", amount: 5 }),
  line({
    date: "2024-03-02",
    category: "Fuel",
    fuel_type: "Diesel",
    amount: 20,
  }),
];

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);

/** Runs `check` on a data set of `lines`, closing it afterwards. */
async function withData(
  lines: SaleLine[],
  check: (data: Dataset) => Promise<void>,
): Promise<void> {
  const data = await createDataset({ sales: lines });
  try {
    await check(data);
  } finally {
    closeDataset(data);
  }
}

Deno.test("salesCube() coarsens its grain to fit maxCells and keeps every line's sums", () =>
  withData(LINES, async (data) => {
    const [sql] = await queryRows<{
      net: number;
      lines: number;
      gallonsNet: number;
      transactions: number;
    }>(
      data,
      `SELECT sum(amount) AS net, count(*) AS lines,
       sum(amount) FILTER (WHERE gallons IS NOT NULL) AS "gallonsNet",
       count(DISTINCT transaction_id) AS transactions
     FROM sales`,
    );
    const grains = [];
    let maxCells = 100_000;
    for (let i = 0; i < 3; i++) {
      const cube = await salesCube(data, { maxCells });
      const what = `${cube.grain} cube`;
      grains.push(cube.grain);
      assertAlmostEquals(sum(cube.cells.net), sql.net, 1e-6, what);
      assertAlmostEquals(
        sum(cube.cells.gallonsNet),
        sql.gallonsNet,
        1e-6,
        what,
      );
      assertEquals(sum(cube.cells.lines), sql.lines, what);
      assertEquals(
        sum(cube.baskets!.count) + new Set(cube.splitBaskets!.transaction).size,
        sql.transactions,
        what,
      );
      maxCells = cube.cells.length - 1;
    }
    assertEquals(grains, ["day", "week", "month"]);
  }));

Deno.test("salesCube() keeps a transaction of one day and store in baskets, and splits the others by part", () =>
  withData(LINES, async (data) => {
    const cube = await salesCube(data);
    const split = cube.splitBaskets!;
    // syntheticSales() puts lines 2k and 2k + 1 on different days and stores.
    assertEquals(new Set(split.transaction).size, 800);
    assertEquals(split.length, 1600);
    assertEquals(sum(cube.baskets!.count), 1);
    const x1 = cube.baskets!.store.indexOf(cube.dims.store.indexOf("S5"));
    assertEquals(
      cube.baskets!.mask[x1],
      1 << cube.dims.category.indexOf("Books"),
    );
  }));

Deno.test("salesCube() rounds its sums to 6 decimals, so that 0.1 + 0.2 is 0.3", () =>
  withData([
    line({ date: "2024-01-02", amount: 0.1, quantity: 0.1 }),
    line({ date: "2024-01-02", amount: 0.2, quantity: 0.2 }),
  ], async (data) => {
    const cube = await salesCube(data);
    assertEquals(
      [cube.cells.net, cube.cells.gross, cube.cells.quantity, cube.cells.lines],
      [[0.3], [0.3], [0.3], [2]],
    );
  }));
