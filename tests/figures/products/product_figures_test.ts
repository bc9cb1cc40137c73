import { assertEquals } from "../../assert.ts";
import { abcSummary } from "../../../src/figures/products/product_figures.ts";

const product = (id: string, netSales: number) => ({
  product: id,
  name: null,
  netSales,
  quantity: 1,
  customers: 1,
  transactions: 1,
});

Deno.test("abcSummary() classes products A up to 80% of net sales, B up to 95%, C after", () => {
  const abc = abcSummary([
    product("a", 50),
    product("b", 25),
    product("c", 10),
    product("d", 6),
    product("e", 5),
    product("f", 4),
    product("g", -1),
  ]);
  assertEquals(
    abc.products.map((p) => `${p.product}${p.abcClass}`).join(" "),
    "aA bA cA dB eB fC gC",
  );
  assertEquals(abc.top20Count, 2);
  assertEquals(abc.top20Share, 75 / 99);
  assertEquals(abc.classes.map((c) => c.products), [3, 2, 2]);
});

Deno.test("abcSummary() puts the product that starts at exactly 80% in B", () => {
  const abc = abcSummary([product("a", 80), product("b", 15), product("c", 5)]);
  assertEquals(abc.products.map((p) => p.abcClass).join(""), "ABC");
});

Deno.test("abcSummary() ranks ties by product id and handles no sales", () => {
  const abc = abcSummary([product("y", 0), product("x", 0)]);
  assertEquals(abc.products.map((p) => p.product), ["x", "y"]);
  assertEquals(abc.products.map((p) => p.abcClass), ["C", "C"]);
  assertEquals(abc.top20Share, 0);
});
