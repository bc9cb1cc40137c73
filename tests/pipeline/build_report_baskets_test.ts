/**
 * buildReport() on invoice lines: the products section and product-level
 * baskets reach report.json, the page and the CSVs with pandas's figures;
 * and on data whose transactions hold one line, the page says there is no
 * basket and shows no products section.
 */
import {
  type BuildEffects,
  buildReport,
} from "../../src/pipeline/build_report.ts";
import { createDataset } from "../../src/source/dataset.ts";
import { openSource } from "../../src/source/open_source.ts";
import { assertEquals, assertOk, assertStringIncludes } from "../assert.ts";
import { assertClose } from "../analysis/fixtures.ts";
import { saleLine } from "../analysis/sale_line.ts";

const FIXTURE = new URL("../fixtures/invoices.csv", import.meta.url).pathname;
const REFERENCE = JSON.parse(
  await Deno.readTextFile(
    new URL("../reference/baskets_products.json", import.meta.url),
  ),
);

function effects(openSource: BuildEffects["openSource"]): BuildEffects {
  return {
    openSource,
    now: () => new Date("2025-05-01T12:00:00.000Z"),
    log: () => {},
    bundleClient: () => Promise.resolve("/* no script */"),
  };
}

Deno.test("buildReport() on invoice lines shows products and product baskets with pandas's figures", async () => {
  const built = await buildReport(
    { source: { data: FIXTURE }, seed: 1 },
    effects(openSource),
  );
  const json = JSON.parse(built.files.get("report.json")!);
  assertEquals(json.data.kind, "invoice");
  assertEquals(json.products.products, REFERENCE.products.length);
  assertClose(json.products.abc.top20Share, REFERENCE.top20Share);
  assertEquals(
    json.products.topBySales.map((p: { product: string }) => p.product),
    REFERENCE.products.slice(0, 10).map((p: { product: string }) => p.product),
  );
  assertEquals(
    json.baskets.levels.map((l: { level: string }) => l.level),
    ["product"],
  );
  const [all] = json.baskets.levels[0].scopes;
  assertEquals(all.dimension, "all");
  assertEquals(all.baskets, REFERENCE.baskets);
  assertClose(all.pairs[0].lift, REFERENCE.pairs[0].lift);
  assertOk(
    json.baskets.levels[0].scopes.some((s: { dimension: string }) =>
      s.dimension === "segment"
    ),
    "pairs per RFM segment",
  );
  const page = built.files.get("index.html")!;
  assertStringIncludes(page, '<section id="baskets"');
  assertStringIncludes(page, '<section id="products"');
  assertStringIncludes(page, 'href="#products"');
  assertStringIncludes(page, "The top 20% of them (2 products) hold");
  assertStringIncludes(page, 'id="chart-basket-pairs-product"');
  assertStringIncludes(page, 'id="chart-product-pareto"');
  const pairs = built.files.get("basket-pairs-product.csv")!;
  assertStringIncludes(
    pairs.split("\r\n")[1],
    "ALARM CLOCK BAKELIKE RED + ALARM CLOCK BAKELIKE PINK,9,0.1875,",
  );
  assertOk(built.files.has("products-abc.csv"));
});

Deno.test("buildReport() says plainly that one-line transactions leave no basket, and shows no products", async () => {
  const sales = ["Books", "Toys", "Books", "Food"].map((category, i) =>
    saleLine({
      transaction_id: `T${i}`,
      customer_id: `C${i % 2}`,
      category,
      date: `2024-01-0${i + 1}`,
    })
  );
  const built = await buildReport(
    { source: {}, seed: 1 },
    effects(async () => ({
      dataset: await createDataset({ sales }),
      report: {
        kind: "basket",
        path: null,
        files: [],
        encodings: [],
        rowsRead: sales.length,
        rowsRejected: 0,
        rejectReasons: [],
        duplicateLines: 0,
        lookups: [],
        columns: [],
        dateOrders: {},
      },
    })),
  );
  const json = JSON.parse(built.files.get("report.json")!);
  assertEquals(json.products, null);
  assertEquals(json.baskets.levels, []);
  const page = built.files.get("index.html")!;
  assertStringIncludes(
    page,
    "Each transaction holds one sale line, so there is no basket to analyse: nothing is bought together.",
  );
  assertOk(!page.includes('<section id="products"'), "no products section");
  assertOk(!page.includes('href="#products"'), "no products link");
});
