/**
 * The sales figures of the real retail data set against an independent
 * pandas computation (tests/reference/sales_reference.py, whose output
 * tests/reference/sales_reference.json is committed): every money figure
 * must agree to the cent, every count exactly.
 *
 * The data set is read from `../shared/datasets/retail-kaggle/` beside the
 * project, or from `BASKET_KAGGLE_DIR` when set.
 */
import { assertAlmostEquals, assertEquals } from "../../assert.ts";
import { loadSource } from "../../../src/source/load_source.ts";
import type { Dataset } from "../../../src/source/dataset.ts";
import { salesHeadline } from "../../../src/analysis/sales/sales_headline.ts";
import { salesByCategory } from "../../../src/analysis/sales/sales_by_category.ts";
import { salesBySubCategory } from "../../../src/analysis/sales/sales_by_sub_category.ts";
import { salesByChannel } from "../../../src/analysis/sales/sales_by_channel.ts";
import { monthlySales } from "../../../src/analysis/sales/monthly_sales.ts";
import { categoryShares } from "../../../src/analysis/sales/category_shares.ts";

const KAGGLE = Deno.env.get("BASKET_KAGGLE_DIR") ??
  new URL("../../../../shared/datasets/retail-kaggle/", import.meta.url)
    .pathname;

interface Reference {
  from: string;
  to: string;
  totalSales: number;
  grossSales: number;
  returnsValue: number;
  saleLines: number;
  returnLines: number;
  transactions: number;
  returnTransactions: number;
  averageBasket: number;
  customers: number;
  byCategory: Record<string, number>;
  bySubCategory: Record<string, number>;
  byChannel: Record<string, number>;
  byRegion: Record<string, number>;
  byMonth: Record<string, number>;
}

const REFERENCE: Reference = JSON.parse(
  await Deno.readTextFile(
    new URL("../../reference/sales_reference.json", import.meta.url),
  ),
);

/** Half a cent: the sums agree to the cent. */
const CENT = 0.005;

function assertSameSums(
  actual: Record<string, number>,
  expected: Record<string, number>,
  what: string,
): void {
  assertEquals(Object.keys(actual).sort(), Object.keys(expected).sort(), what);
  for (const [key, value] of Object.entries(expected)) {
    assertAlmostEquals(actual[key], value, CENT, `${what} "${key}"`);
  }
}

/**
 * Runs `check` on the loaded data set, closing it afterwards: DuckDB must not
 * be left open when the test process exits.
 */
async function withKaggle(check: (data: Dataset) => Promise<void>) {
  const { dataset } = await loadSource({ path: KAGGLE });
  try {
    await check(dataset);
  } finally {
    dataset.connection.closeSync();
  }
}

Deno.test("salesHeadline() of the real data set matches pandas to the cent", () =>
  withKaggle(async (data) => {
    const headline = await salesHeadline(data);
    assertAlmostEquals(headline.totalSales, REFERENCE.totalSales, CENT);
    assertAlmostEquals(headline.grossSales, REFERENCE.grossSales, CENT);
    assertAlmostEquals(headline.returnsValue, REFERENCE.returnsValue, CENT);
    assertAlmostEquals(headline.averageBasket!, REFERENCE.averageBasket, CENT);
    assertEquals(
      [
        headline.saleLines,
        headline.returnLines,
        headline.transactions,
        headline.returnTransactions,
        headline.customers,
        headline.period?.from,
        headline.period?.to,
      ],
      [
        REFERENCE.saleLines,
        REFERENCE.returnLines,
        REFERENCE.transactions,
        REFERENCE.returnTransactions,
        REFERENCE.customers,
        REFERENCE.from,
        REFERENCE.to,
      ],
    );
  }));

Deno.test("salesByCategory() and salesBySubCategory() of the real data set match pandas to the cent", () =>
  withKaggle(async (data) => {
    const categories = await salesByCategory(data);
    assertSameSums(
      Object.fromEntries(categories.map((r) => [r.category, r.totalSales])),
      REFERENCE.byCategory,
      "category",
    );
    const subs = await salesBySubCategory(data);
    assertSameSums(
      Object.fromEntries(
        subs.map((r) => [`${r.category} / ${r.sub_category}`, r.totalSales]),
      ),
      REFERENCE.bySubCategory,
      "sub-category",
    );
  }));

Deno.test("salesByChannel() of the real data set matches pandas' totals by store type to the cent", () =>
  withKaggle(async (data) => {
    const rows = await salesByChannel(data);
    assertSameSums(
      Object.fromEntries(rows.map((r) => [r.channel, r.totalSales])),
      REFERENCE.byChannel,
      "store type",
    );
  }));

Deno.test("monthlySales() of the real data set matches pandas' totals by month to the cent", () =>
  withKaggle(async (data) => {
    const rows = await monthlySales(data);
    assertSameSums(
      Object.fromEntries(rows.map((r) => [r.month, r.totalSales])),
      REFERENCE.byMonth,
      "month",
    );
  }));

Deno.test("categoryShares() by region of the real data set adds up to pandas' region totals", () =>
  withKaggle(async (data) => {
    const rows = await categoryShares(data, { within: "region" });
    const byRegion: Record<string, number> = {};
    for (const row of rows) byRegion[row.group] = row.groupSales;
    assertSameSums(byRegion, REFERENCE.byRegion, "region");
  }));
