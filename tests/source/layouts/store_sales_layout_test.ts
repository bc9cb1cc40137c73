import { assertEquals } from "../../assert.ts";
import { closeDataset, queryRows } from "../../../src/source/dataset.ts";
import { loadSource } from "../../../src/source/load_source.ts";
import { withFiles } from "../source_files.ts";

Deno.test("loadSource() recognises the store-sales layout with untidy header names", async () => {
  const csv =
    ` Store ID ,Sales Date,Product Category,Department,Sales Amount,Gallons Sold,Fuel Type,Fuel Price
S01,2024-03-01,Fuel,Sales,40.00,10,Gasoline,4.00
S01,2024-03-01,Books,Sales,25.5,,,
S01,2024-03-01,Books,Sales,25.5,,,
`;
  await withFiles({ "store_sales.csv": csv }, async (dir) => {
    const { dataset, report } = await loadSource({
      path: `${dir}/store_sales.csv`,
    });
    assertEquals(report.kind, "store-sales");
    assertEquals(report.duplicateLines, 1);
    const rows = await queryRows(
      dataset,
      "SELECT store, category, amount, gallons, fuel_type, fuel_price FROM sales",
    );
    assertEquals(rows, [
      {
        store: "S01",
        category: "Fuel",
        amount: 40,
        gallons: 10,
        fuel_type: "Gasoline",
        fuel_price: 4,
      },
      {
        store: "S01",
        category: "Books",
        amount: 25.5,
        gallons: null,
        fuel_type: null,
        fuel_price: null,
      },
      {
        store: "S01",
        category: "Books",
        amount: 25.5,
        gallons: null,
        fuel_type: null,
        fuel_price: null,
      },
    ]);
    closeDataset(dataset);
  });
});
