import { assertEquals } from "../../assert.ts";
import { closeDataset, queryRows } from "../../../src/source/dataset.ts";
import { loadSource } from "../../../src/source/load_source.ts";
import { withFiles } from "../source_files.ts";

Deno.test("loadSource() reads Basket's own folder layout with its customers", async () => {
  const sales =
    "date,store,city,region,channel,department,category,sub_category,customer_id,transaction_id,quantity,amount,gallons,fuel_type,fuel_price\n" +
    "2024-01-01,S1,Dallas,South,Flagship store,Sales,Books,Fiction,C1,T1,1,12.5,,,\n";
  const customers =
    "customer_id,birth_date,gender,city\nC1,1980-05-06,F,Dallas\n";
  await withFiles(
    { "sales.csv": sales, "customers.csv": customers },
    async (dir) => {
      const { dataset, report } = await loadSource({ path: dir });
      assertEquals(report.kind, "basket");
      assertEquals(dataset.hasCustomers, true);
      assertEquals(await queryRows(dataset, "SELECT * FROM customers"), [
        {
          customer_id: "C1",
          birth_date: "1980-05-06",
          gender: "F",
          city: "Dallas",
        },
      ]);
      assertEquals(
        (await queryRows(
          dataset,
          "SELECT sub_category, customer_id FROM sales",
        ))[0],
        { sub_category: "Fiction", customer_id: "C1" },
      );
      closeDataset(dataset);
    },
  );
});
