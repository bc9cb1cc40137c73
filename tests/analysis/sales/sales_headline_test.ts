import { assertEquals, assertRejects } from "../../assert.ts";
import { createDataset } from "../../../src/source/dataset.ts";
import { salesHeadline } from "../../../src/analysis/sales/sales_headline.ts";
import { assertClose, line } from "../fixtures.ts";

const shop = { store: "S1", city: "Leeds", region: "North", channel: "Shop" };
const web = { store: "S2", city: "York", region: "South", channel: "e-Shop" };

/** Two weeks: one line in the first, five (one a return, one fuel) in the second. */
const LINES = [
  line({
    date: "2024-02-26",
    ...shop,
    transaction_id: "T0",
    customer_id: "C1",
    amount: 40,
  }),
  line({
    date: "2024-03-04",
    ...shop,
    transaction_id: "T1",
    customer_id: "C1",
    amount: 100,
  }),
  line({
    date: "2024-03-04",
    ...shop,
    category: "Toys",
    transaction_id: "T1",
    customer_id: "C1",
    amount: 50,
  }),
  line({
    date: "2024-03-05",
    ...web,
    transaction_id: "T2",
    customer_id: "C2",
    amount: 80,
  }),
  line({
    date: "2024-03-06",
    ...shop,
    transaction_id: "T3",
    customer_id: "C1",
    quantity: -1,
    amount: -20,
  }),
  line({
    date: "2024-03-10",
    ...web,
    category: "Fuel",
    transaction_id: "T4",
    customer_id: "C3",
    quantity: null,
    amount: 60,
    gallons: 20,
    fuel_type: "Diesel",
    fuel_price: 3,
  }),
];

Deno.test("salesHeadline() sums sales net of returns and counts what it should", async () => {
  const headline = await salesHeadline(await createDataset({ sales: LINES }));
  assertClose(headline, {
    totalSales: 310,
    grossSales: 330,
    returnsValue: 20,
    returnRate: 20 / 330,
    saleLines: 6,
    returnLines: 1,
    transactions: 4,
    returnTransactions: 1,
    averageBasket: 330 / 4,
    stores: 2,
    customers: 3,
    period: { from: "2024-02-26", to: "2024-03-10", days: 14 },
    previousPeriod: null,
    previous: null,
    change: null,
  });
});

Deno.test("salesHeadline() compares with the previous week when the data reaches back to it", async () => {
  const headline = await salesHeadline(await createDataset({ sales: LINES }), {
    from: "2024-03-04",
    to: "2024-03-10",
  });
  assertClose(headline.period, {
    from: "2024-03-04",
    to: "2024-03-10",
    days: 7,
  });
  assertClose(headline.previousPeriod, {
    from: "2024-02-26",
    to: "2024-03-03",
    days: 7,
  });
  assertEquals(headline.totalSales, 270);
  assertEquals(headline.previous?.totalSales, 40);
  assertEquals(headline.previous?.transactions, 1);
  assertClose(headline.change, {
    totalSales: 5.75,
    grossSales: (290 - 40) / 40,
    returnsValue: null,
    saleLines: 4,
    transactions: 2,
    returnTransactions: null,
    averageBasket: (290 / 3 - 40) / 40,
    customers: 2,
  });
});

/**
 * Invoices as in the UCI online-retail data: "C…" cancels, with only
 * negative lines; 536365 buys two items and returns a third on the spot.
 */
const INVOICES = [
  line({ date: "2024-03-01", transaction_id: "536365", amount: 30 }),
  line({
    date: "2024-03-01",
    category: "Toys",
    transaction_id: "536365",
    amount: 20,
  }),
  line({
    date: "2024-03-01",
    category: "Toys",
    transaction_id: "536365",
    quantity: -1,
    amount: -5,
  }),
  line({ date: "2024-03-02", transaction_id: "536366", amount: 70 }),
  line({
    date: "2024-03-02",
    transaction_id: "C536367",
    quantity: -1,
    amount: -30,
  }),
  line({
    date: "2024-03-03",
    category: "Toys",
    transaction_id: "C536368",
    quantity: -2,
    amount: -12,
  }),
  line({
    date: "2024-03-03",
    transaction_id: "C536368",
    quantity: -1,
    amount: -8,
  }),
  line({ date: "2024-03-03", transaction_id: "536369", amount: 0 }),
];

Deno.test("salesHeadline() counts purchase transactions only, returns apart, and averages the purchases' gross sales", async () => {
  const headline = await salesHeadline(
    await createDataset({ sales: INVOICES }),
  );
  assertClose(headline, {
    ...headline,
    totalSales: 65,
    grossSales: 120,
    transactions: 2,
    returnTransactions: 2,
    averageBasket: 60,
  });
});

Deno.test("salesHeadline() classes a transaction by its selected lines: its Toys return alone is a return", async () => {
  const headline = await salesHeadline(
    await createDataset({ sales: INVOICES }),
    { categories: ["Toys"] },
  );
  // 536365's Toys lines hold a sale: a purchase of 20; C536368: a return.
  assertClose(headline, {
    ...headline,
    transactions: 1,
    returnTransactions: 1,
    averageBasket: 20,
  });
  const returnsOnly = await salesHeadline(
    await createDataset({ sales: INVOICES }),
    { from: "2024-03-02", to: "2024-03-03" },
  );
  assertClose(returnsOnly, {
    ...returnsOnly,
    transactions: 1,
    returnTransactions: 2,
    averageBasket: 70,
  });
});

Deno.test("salesHeadline() gives no previous period when the data starts inside it", async () => {
  // 1 to 10 March: the previous period would start on 20 February.
  const headline = await salesHeadline(await createDataset({ sales: LINES }), {
    from: "2024-03-01",
  });
  assertEquals(headline.previousPeriod, null);
  assertEquals(headline.change, null);
});

Deno.test("salesHeadline() ends the period on asOf and ignores later lines", async () => {
  const headline = await salesHeadline(await createDataset({ sales: LINES }), {
    asOf: "2024-03-06",
  });
  assertEquals(headline.totalSales, 250);
  assertClose(headline.period, {
    from: "2024-02-26",
    to: "2024-03-06",
    days: 10,
  });
});

Deno.test("salesHeadline() leaves transactions and basket null when the data has no transaction ids", async () => {
  const headline = await salesHeadline(
    await createDataset({
      sales: LINES.map((l) => ({ ...l, transaction_id: null })),
    }),
  );
  assertEquals(headline.transactions, null);
  assertEquals(headline.averageBasket, null);
  assertEquals(headline.totalSales, 310);
});

Deno.test("salesHeadline() answers zeros and nulls when a filter matches nothing", async () => {
  const headline = await salesHeadline(await createDataset({ sales: LINES }), {
    categories: ["Garden"],
  });
  assertClose(headline, {
    totalSales: 0,
    grossSales: 0,
    returnsValue: 0,
    returnRate: 0,
    saleLines: 0,
    returnLines: 0,
    transactions: null,
    returnTransactions: null,
    averageBasket: null,
    stores: 0,
    customers: 0,
    period: null,
    previousPeriod: null,
    previous: null,
    change: null,
  });
});

Deno.test("salesHeadline() covers a single day of data", async () => {
  const headline = await salesHeadline(
    await createDataset({ sales: LINES.slice(1, 3) }),
  );
  assertClose(headline.period, {
    from: "2024-03-04",
    to: "2024-03-04",
    days: 1,
  });
  assertEquals(headline.totalSales, 150);
  assertEquals(headline.averageBasket, 150);
});

Deno.test("salesHeadline() rejects a date option that is not a date", async () => {
  const error = await assertRejects(
    async () =>
      salesHeadline(await createDataset({ sales: LINES }), {
        from: "2024-02-30",
      }),
    RangeError,
  );
  assertEquals(
    error.message,
    'Cannot compute the sales headline: option "from": "2024-02-30" is not a date (YYYY-MM-DD)',
  );
});
