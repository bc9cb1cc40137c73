import { assertEquals, assertRejects } from "../../assert.ts";
import { createDataset } from "../../../src/source/dataset.ts";
import { rfmTable } from "../../../src/analysis/segments/rfm_table.ts";
import { saleLine } from "../sale_line.ts";
import { rfmGrid } from "../../../src/figures/segments/rfm_grid.ts";
import { rfmScoreRanges } from "../../../src/figures/segments/rfm_score_ranges.ts";
import { rfmSegments } from "../../../src/figures/segments/rfm_segments.ts";

const SALES = [
  // A: two transactions, the second partly returned two days later.
  saleLine({
    customer_id: "A",
    transaction_id: "t1",
    date: "2024-03-01",
    amount: 100,
  }),
  saleLine({
    customer_id: "A",
    transaction_id: "t2",
    date: "2024-03-20",
    amount: 50,
  }),
  saleLine({
    customer_id: "A",
    transaction_id: "t2",
    date: "2024-03-20",
    amount: 30,
  }),
  saleLine({
    customer_id: "A",
    transaction_id: "t2",
    date: "2024-03-22",
    amount: -30,
  }),
  // B: one purchase.
  saleLine({
    customer_id: "B",
    transaction_id: "t3",
    date: "2024-02-10",
    amount: 20,
  }),
  // C: only a return (of something bought before the data starts).
  saleLine({
    customer_id: "C",
    transaction_id: "t0",
    date: "2024-03-05",
    amount: -15,
  }),
  // D: lines without transaction ids: one transaction per day.
  saleLine({ customer_id: "D", date: "2024-03-10", amount: 5 }),
  saleLine({ customer_id: "D", date: "2024-03-10", amount: 6 }),
  saleLine({ customer_id: "D", date: "2024-03-11", amount: 7 }),
  // An anonymous line, the last date in the data.
  saleLine({ customer_id: null, date: "2024-03-31", amount: 12 }),
];

Deno.test("rfmTable() measures recency to the day after the last date in the data", async () => {
  const table = await rfmTable(await createDataset({ sales: SALES }));
  assertEquals(table.asOf, "2024-04-01");
  assertEquals(
    table.rows.map((r) => [r.customerId, r.lastPurchase, r.recency]),
    [["A", "2024-03-20", 12], ["B", "2024-02-10", 51], [
      "D",
      "2024-03-11",
      21,
    ]],
  );
});

Deno.test("rfmTable() counts distinct purchase transactions and nets returns off spend", async () => {
  const table = await rfmTable(await createDataset({ sales: SALES }));
  assertEquals(
    table.rows.map((r) => [r.customerId, r.frequency, r.monetary]),
    [["A", 2, 150], ["B", 1, 20], ["D", 2, 18]],
  );
});

Deno.test("rfmTable() leaves return-only customers and anonymous lines unscored but counts them", async () => {
  const table = await rfmTable(await createDataset({ sales: SALES }));
  assertEquals(table.excluded, {
    returnOnlyCustomers: 1,
    returnOnlyNetSpend: -15,
    anonymousLines: 1,
    anonymousNetSpend: 12,
  });
  assertEquals(table.rows.some((r) => r.customerId === "C"), false);
});

Deno.test("rfmTable() gives the latest buyer the top recency score and names segments", async () => {
  const table = await rfmTable(await createDataset({ sales: SALES }));
  const a = table.rows.find((r) => r.customerId === "A")!;
  assertEquals([a.recencyScore, a.frequencyScore, a.monetaryScore], [5, 3, 5]);
  assertEquals(a.rfm, "535");
  assertEquals(a.segment, "Potential Loyalists");
  const b = table.rows.find((r) => r.customerId === "B")!;
  assertEquals([b.recencyScore, b.frequencyScore, b.segment], [1, 1, "Lost"]);
});

Deno.test("rfmTable() takes an explicit as-of date and a sales filter", async () => {
  const data = await createDataset({ sales: SALES });
  const table = await rfmTable(data, { asOf: "2024-06-30", to: "2024-03-15" });
  assertEquals(
    table.rows.map((r) => [r.customerId, r.recency, r.frequency, r.monetary]),
    [["A", 121, 1, 100], ["B", 141, 1, 20], ["D", 111, 2, 18]],
  );
});

Deno.test("rfmTable() applies a replacement segment map", async () => {
  const data = await createDataset({ sales: SALES });
  const segmentMap = [
    { segment: "Recent", recency: [3, 5], frequency: [1, 5] },
    { segment: "Lapsed", recency: [1, 2], frequency: [1, 5] },
  ] as const;
  const table = await rfmTable(data, { segmentMap });
  assertEquals(table.rows.map((r) => r.segment), [
    "Recent",
    "Lapsed",
    "Recent",
  ]);
});

Deno.test("rfmTable() scores customers with one purchase each by recency alone", async () => {
  const sales = [
    "2024-01-01",
    "2024-01-02",
    "2024-01-03",
    "2024-01-04",
    "2024-01-05",
  ]
    .map((date, i) =>
      saleLine({ customer_id: `c${i}`, transaction_id: `t${i}`, date })
    );
  const table = await rfmTable(await createDataset({ sales }));
  assertEquals(table.rows.map((r) => r.frequency), [1, 1, 1, 1, 1]);
  assertEquals(table.rows.map((r) => r.frequencyScore), [1, 1, 1, 1, 1]);
  assertEquals(table.rows.map((r) => r.recencyScore), [1, 2, 3, 4, 5]);
  assertEquals(table.rows.map((r) => r.segment), [
    "Lost",
    "Hibernating",
    "About to Sleep",
    "Promising",
    "New Customers",
  ]);
  const ranked = await rfmTable(await createDataset({ sales }), {
    ties: "rank",
  });
  assertEquals(ranked.rows.map((r) => r.frequencyScore), [1, 2, 3, 4, 5]);
});

Deno.test("rfmTable() leaves out lines after the as-of date and rejects a malformed one", async () => {
  const data = await createDataset({ sales: SALES });
  const table = await rfmTable(data, { asOf: "2024-03-15" });
  assertEquals(
    table.rows.map((r) => [r.customerId, r.recency, r.frequency, r.monetary]),
    [["A", 14, 1, 100], ["B", 34, 1, 20], ["D", 4, 2, 18]],
  );
  assertEquals(table.excluded.returnOnlyCustomers, 1);
  assertEquals(table.excluded.anonymousLines, 0);
  await assertRejects(
    () => rfmTable(data, { asOf: "15/03/2024" }),
    RangeError,
    'Cannot compute RFM as of "15/03/2024": the date is not in YYYY-MM-DD form',
  );
});

Deno.test("rfmTable() returns no rows and no as-of date for an empty selection", async () => {
  const data = await createDataset({ sales: SALES });
  const table = await rfmTable(data, { categories: ["Garden"] });
  assertEquals(table.asOf, null);
  assertEquals(table.rows, []);
});

Deno.test("rfmTable() holds the customers as columns, and rows builds them as objects on demand", async () => {
  const table = await rfmTable(await createDataset({ sales: SALES }));
  const { columns } = table;
  assertEquals(columns.customerIds, ["A", "B", "D"]);
  assertEquals(Array.from(columns.recency), [12, 51, 21]);
  assertEquals(Array.from(columns.frequency), [2, 1, 2]);
  assertEquals(Array.from(columns.monetary), [150, 20, 18]);
  assertEquals(columns.recencyScore instanceof Uint8Array, true);
  assertEquals(
    table.rows.map((r) => [r.lastPurchase, r.rfm, r.segment]),
    Array.from(columns.customerIds, (_, i) => [
      ["2024-03-20", "2024-02-10", "2024-03-11"][i],
      `${columns.recencyScore[i]}${columns.frequencyScore[i]}${
        columns.monetaryScore[i]
      }`,
      columns.segmentNames[columns.segment[i]],
    ]),
  );
  // Copying the table does not build the rows.
  assertEquals(Object.keys({ ...table }).includes("rows"), false);
});

Deno.test("the segment figures give the same from the columns as from the rows", async () => {
  const sales = Array.from({ length: 60 }, (_, i) =>
    saleLine({
      customer_id: `c${i % 23}`,
      transaction_id: `t${i}`,
      date: `2024-0${1 + (i % 7)}-${String(1 + (i * 7) % 28).padStart(2, "0")}`,
      amount: i % 11 === 0 ? -3 : 5 + (i * 37) % 41 + 0.1,
    }));
  for (const ties of ["quantile", "rank"] as const) {
    const table = await rfmTable(await createDataset({ sales }), { ties });
    const { segmentMap } = table;
    assertEquals(
      rfmSegments(table.columns, { segmentMap }),
      rfmSegments(table.rows, { segmentMap }),
    );
    assertEquals(
      rfmGrid(table.columns, { segmentMap }),
      rfmGrid(table.rows, { segmentMap }),
    );
    assertEquals(rfmScoreRanges(table.columns), rfmScoreRanges(table.rows));
  }
});
