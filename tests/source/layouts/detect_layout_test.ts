import { assertEquals } from "../../assert.ts";
import {
  csvLayout,
  folderLayout,
} from "../../../src/source/layouts/detect_layout.ts";
import { STORE_SALES_LAYOUT } from "../../../src/source/layouts/store_sales_layout.ts";

Deno.test("folderLayout() prefers the three-file schema, in any case, over Basket's own layout", () => {
  assertEquals(
    folderLayout([
      "CUSTOMER.CSV",
      "prod_cat_info.csv",
      "transactions.csv",
      "sales.csv",
    ]),
    "three-file",
  );
  assertEquals(folderLayout(["Sales.parquet", "customers.csv"]), "basket");
  assertEquals(folderLayout(["Customer.csv", "Transactions.csv"]), null);
});

Deno.test("csvLayout() takes a given mapping first, then store-sales, then Basket's own columns", () => {
  const storeSales = Object.values(STORE_SALES_LAYOUT).map((c) =>
    c!.replaceAll("_", " ").toUpperCase()
  );
  assertEquals(csvLayout(storeSales, { date: "x", amount: "y" }), {
    kind: "mapped",
    mapping: { date: "x", amount: "y" },
  });
  assertEquals(csvLayout(storeSales)?.kind, "store-sales");
  assertEquals(csvLayout(storeSales, {})?.kind, "store-sales");
  assertEquals(csvLayout(["Amount", "date", "Store", "Category", "note"]), {
    kind: "basket",
    mapping: {
      date: "date",
      store: "store",
      category: "category",
      amount: "amount",
    },
  });
  assertEquals(csvLayout(["date", "amount"]), null);
});
