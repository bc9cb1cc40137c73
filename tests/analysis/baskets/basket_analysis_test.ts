import { assertEquals, assertOk } from "../../assert.ts";
import { assertClose } from "../fixtures.ts";
import { saleLine } from "../sale_line.ts";
import { basketAnalysis } from "../../../src/analysis/baskets/basket_analysis.ts";
import {
  closeDataset,
  createDataset,
  type Dataset,
} from "../../../src/source/dataset.ts";
import { loadSource } from "../../../src/source/load_source.ts";
import { customerGroupsOf } from "../../../src/figures/segments/customer_groups.ts";
import { uploadCustomerTable } from "../../../src/analysis/segments/customer_table.ts";

const FIXTURE = new URL("../../fixtures/invoices.csv", import.meta.url)
  .pathname;
/** pandas's figures of the fixture: tests/reference/baskets_products.py. */
const REFERENCE = JSON.parse(
  await Deno.readTextFile(
    new URL("../../reference/baskets_products.json", import.meta.url),
  ),
);

async function invoices(): Promise<Dataset> {
  return (await loadSource({ path: FIXTURE })).dataset;
}

Deno.test("basketAnalysis() finds the same product pairs as pandas, with support, confidence and lift", async () => {
  const data = await invoices();
  const figures = await basketAnalysis(data, { minCount: 3, top: 100 });
  closeDataset(data);
  assertEquals(figures.note, null);
  assertEquals(figures.levels.map((l) => l.level), ["product"]);
  const [all] = figures.levels[0].scopes;
  assertEquals(all.baskets, REFERENCE.baskets);
  assertEquals(all.pairsFound, REFERENCE.pairs.length);
  assertClose(
    all.pairs.map(({ aName: _a, bName: _b, ...pair }) => pair),
    REFERENCE.pairs,
    "pairs",
  );
  assertEquals(all.pairs[0].aName, "ALARM CLOCK BAKELIKE RED");
});

Deno.test("basketAnalysis() finds the same product triples as pandas, each with its strongest rule", async () => {
  const data = await invoices();
  const figures = await basketAnalysis(data, { minCount: 3, top: 100 });
  closeDataset(data);
  const triples = figures.levels[0].triples!;
  assertOk(triples.length > 0, "no triple");
  assertClose(
    triples.map(({ names: _n, ...triple }) => triple),
    REFERENCE.triples,
    "triples",
  );
});

Deno.test("basketAnalysis() gives a segment's pairs as if only its customers' baskets were there, and no pairs for no cluster", async () => {
  const data = await invoices();
  const customers = ["17850", "13047", "15100", "15291", "13748", "12583"];
  const rows = customers.map((id, i) => ({
    id,
    segment: i < 3 ? "First" : "Second",
    cluster: i % 2 ? "1. Odd" : "(none)",
  }));
  const table = await uploadCustomerTable(data, customerGroupsOf(rows));
  const figures = await basketAnalysis(data, {
    customers: table,
    minCount: 2,
    top: 50,
  });
  const scopes = figures.levels[0].scopes;
  assertEquals(
    scopes.map((s) => `${s.dimension}:${s.scope}`),
    ["all:All baskets", "segment:Second", "segment:First", "cluster:1. Odd"],
  );
  for (const scope of scopes.slice(1)) {
    const ids = rows.filter((g) =>
      scope.dimension === "segment"
        ? g.segment === scope.scope
        : g.cluster === scope.scope
    ).map((g) => g.id);
    const alone = await basketAnalysis(data, {
      filter: { customers: ids },
      minCount: 2,
      top: 50,
    });
    const { dimension: _d, scope: _s, ...expected } = alone.levels[0].scopes[0];
    const { dimension: _d2, scope: _s2, ...actual } = scope;
    assertClose(actual, expected, scope.scope);
  }
  closeDataset(data);
});

Deno.test("basketAnalysis() leaves out returns and lines after the as-of date", async () => {
  const data = await invoices();
  const before = await basketAnalysis(data, {
    asOf: "2011-01-31",
    minCount: 1,
  });
  closeDataset(data);
  const expected = new Set<string>();
  for (
    const line of (await Deno.readTextFile(FIXTURE)).trim().split("\n").slice(1)
  ) {
    const [invoice, , , quantity, date] = line.split(",");
    const [m, d, y] = date.split(" ")[0].split("/").map(Number);
    const day = `${y}-${String(m).padStart(2, "0")}-${
      String(d).padStart(2, "0")
    }`;
    if (Number(quantity) > 0 && day <= "2011-01-31") expected.add(invoice);
  }
  assertEquals(before.transactions, expected.size);
  assertEquals(before.levels[0].scopes[0].baskets, expected.size);
});

Deno.test("basketAnalysis() says there is no basket when each transaction holds one line", async () => {
  const data = await createDataset({
    sales: [
      saleLine({ transaction_id: "T1", category: "Books" }),
      saleLine({ transaction_id: "T2", category: "Toys" }),
      saleLine({ transaction_id: "T2", category: "Toys", amount: -10 }),
    ],
  });
  const figures = await basketAnalysis(data);
  assertEquals(figures.transactions, 2);
  assertEquals(figures.multiLineTransactions, 0);
  assertEquals(
    figures.note,
    "Each transaction holds one sale line, so there is no basket to analyse: nothing is bought together.",
  );
  assertEquals(figures.levels, []);
  closeDataset(data);
  const anonymous = await createDataset({ sales: [saleLine({})] });
  assertEquals(
    (await basketAnalysis(anonymous)).note,
    "The data has no transaction ids, so there is no basket to analyse.",
  );
  closeDataset(anonymous);
});

Deno.test("basketAnalysis() reads categories and sub-categories, and lists triples only when they are few enough", async () => {
  const basket = (id: string, items: [string, string][]) =>
    items.map(([category, sub_category]) =>
      saleLine({ transaction_id: id, category, sub_category })
    );
  const sales = [
    ...basket("T1", [["Books", "Comics"], ["Toys", "Dolls"], ["Food", "Tea"]]),
    ...basket("T2", [["Books", "Comics"], ["Toys", "Dolls"], ["Food", "Tea"]]),
    ...basket("T3", [["Books", "Novels"], ["Toys", "Dolls"]]),
    ...basket("T4", [["Food", "Tea"], ["Food", "Coffee"]]),
  ];
  const data = await createDataset({ sales });
  const figures = await basketAnalysis(data, { minCount: 1 });
  assertEquals(figures.levels.map((l) => l.level), [
    "category",
    "sub_category",
  ]);
  const [category, sub] = figures.levels;
  // Books and Toys: together in T1, T2, T3 of 4 baskets; Books in 3, Toys in 3.
  const booksToys = category.scopes[0].pairs.find((p) =>
    p.a === "Books" && p.b === "Toys"
  )!;
  assertClose(booksToys, {
    a: "Books",
    b: "Toys",
    aName: "Books",
    bName: "Toys",
    baskets: 3,
    support: 0.75,
    confidenceAB: 1,
    confidenceBA: 1,
    lift: 0.75 / (0.75 * 0.75),
  });
  assertEquals(sub.items, 5);
  assertOk(
    sub.scopes[0].pairs.some((p) =>
      p.a === "Books / Comics" && p.b === "Food / Tea" && p.baskets === 2
    ),
  );
  assertEquals(category.triples?.length, 1);
  assertEquals(category.triples?.[0].baskets, 2);
  const few = await basketAnalysis(data, { minCount: 1, maxTriples: 1 });
  assertEquals(few.levels[1].triples, null);
  assertEquals(
    few.levels[1].triplesNote,
    "Triples of sub-categories are not listed: the baskets hold 2 of them, more than the 1 counted at most.",
  );
  closeDataset(data);
});

Deno.test("basketAnalysis() computes lift on many baskets without overflowing a 32-bit product of counts", async () => {
  // 60,000 baskets holding Books and Toys: 60,000 × 60,000 is past 2^31.
  const sales = Array.from({ length: 60_000 }, (_, i) => [
    saleLine({ transaction_id: `T${i}`, category: "Books" }),
    saleLine({ transaction_id: `T${i}`, category: "Toys" }),
  ]).flat();
  const data = await createDataset({ sales });
  const figures = await basketAnalysis(data);
  closeDataset(data);
  const [pair] = figures.levels[0].scopes[0].pairs;
  assertEquals([pair.baskets, pair.support, pair.lift], [60_000, 1, 1]);
});
