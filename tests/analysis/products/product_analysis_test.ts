import { assertEquals } from "../../assert.ts";
import { assertClose } from "../fixtures.ts";
import { saleLine } from "../sale_line.ts";
import { productAnalysis } from "../../../src/analysis/products/product_analysis.ts";
import { closeDataset, createDataset } from "../../../src/source/dataset.ts";
import { loadSource } from "../../../src/source/load_source.ts";

const FIXTURE = new URL("../../fixtures/invoices.csv", import.meta.url)
  .pathname;
/** pandas's figures of the fixture: tests/reference/baskets_products.py. */
const REFERENCE = JSON.parse(
  await Deno.readTextFile(
    new URL("../../reference/baskets_products.json", import.meta.url),
  ),
);

Deno.test("productAnalysis() ranks and classes the products as pandas does", async () => {
  const { dataset } = await loadSource({ path: FIXTURE });
  const figures = (await productAnalysis(dataset, { top: 100 }))!;
  closeDataset(dataset);
  assertEquals(figures.products, REFERENCE.products.length);
  assertClose(
    figures.topBySales.map((p) => ({
      product: p.product,
      rank: p.rank,
      netSales: p.netSales,
      quantity: p.quantity,
      customers: p.customers,
      transactions: p.transactions,
      share: p.share,
      cumulativeShare: p.cumulativeShare,
      abcClass: p.abcClass,
    })),
    REFERENCE.products,
    "products",
  );
  assertClose(figures.abc.top20Count, REFERENCE.top20Count);
  assertClose(figures.abc.top20Share, REFERENCE.top20Share);
  assertClose(figures.abc.totalNetSales, REFERENCE.totalNetSales);
  assertClose(
    figures.abc.classes.map((c) => ({
      products: c.products,
      netSales: c.netSales,
    })),
    ["A", "B", "C"].map((c) => REFERENCE.classes[c]),
  );
  assertEquals(figures.linesWithoutProduct, 0);
});

Deno.test("productAnalysis() names a product by its most frequent description", async () => {
  const { dataset } = await loadSource({ path: FIXTURE });
  const figures = (await productAnalysis(dataset))!;
  closeDataset(dataset);
  const heart = figures.topBySales.find((p) => p.product === "85123A")!;
  assertEquals(heart.name, "WHITE HANGING HEART T-LIGHT HOLDER");
});

Deno.test("productAnalysis() is null without product ids and counts the lines it leaves out", async () => {
  const none = await createDataset({ sales: [saleLine({})] });
  assertEquals(await productAnalysis(none), null);
  closeDataset(none);
  const some = await createDataset({
    sales: [
      saleLine({ product: "P1", customer_id: "C1", amount: 30 }),
      saleLine({ product: "P2", customer_id: "C1", amount: 20 }),
      saleLine({ product: "P2", customer_id: "C2", amount: 20 }),
      saleLine({ product: null, amount: 7 }),
      saleLine({ product: "P3", customer_id: "C3", amount: -5 }),
    ],
  });
  const figures = (await productAnalysis(some))!;
  closeDataset(some);
  assertEquals(figures.topBySales.map((p) => p.product), ["P2", "P1", "P3"]);
  // A return is no purchase: P3's only customer returned it.
  assertEquals(figures.topByCustomers.map((p) => p.customers), [2, 1, 0]);
  assertEquals(figures.linesWithoutProduct, 1);
  assertEquals(figures.netSalesWithoutProduct, 7);
});
