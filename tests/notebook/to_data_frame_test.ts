import { assertEquals, assertThrows } from "../assert.ts";
import {
  closeDataset,
  createDataset,
  openDatabase,
} from "../../src/source/dataset.ts";
import { queryFrame } from "../../src/notebook/query_frame.ts";
import { toDataFrame } from "../../src/notebook/to_data_frame.ts";
import { saleLine as line } from "../analysis/sale_line.ts";

Deno.test("toDataFrame() types whole numbers int32, other numbers float32, text string and flags boolean", () => {
  const frame = toDataFrame([
    { store: "S1", lines: 3, sales: 10.5, big: 3_000_000_000, open: true },
    { store: "S2", lines: 4, sales: 7, big: 1, open: false },
  ]);
  assertEquals(frame.columns, ["store", "lines", "sales", "big", "open"]);
  assertEquals(frame.dtypes, [
    "string",
    "int32",
    "float32",
    "float32",
    "boolean",
  ]);
  assertEquals(frame.values, [
    ["S1", 3, 10.5, 3_000_000_000, true],
    ["S2", 4, 7, 1, false],
  ]);
});

Deno.test("toDataFrame() keeps nulls as nulls and types a column by its other values", () => {
  const frame = toDataFrame([
    { region: null, amount: 2.5, returned: null, note: undefined },
    { region: "North", amount: null, returned: true },
  ]);
  assertEquals(frame.dtypes, ["string", "float32", "boolean", "string"]);
  assertEquals(frame.values, [
    [null, 2.5, null, null],
    ["North", null, true, null],
  ]);
  assertEquals(frame.isNa().values, [
    [true, false, true, true],
    [false, true, false, true],
  ]);
});

Deno.test("toDataFrame() makes a column that mixes kinds text, so no value is misread", () => {
  const frame = toDataFrame([{ code: 7 }, { code: "7b" }, { code: false }]);
  assertEquals(frame.dtypes, ["string"]);
  assertEquals(frame.values, [["7"], ["7b"], ["false"]]);
});

Deno.test("toDataFrame() shows dates as YYYY-MM-DD and times as ISO text", () => {
  const frame = toDataFrame([
    {
      day: new Date("2024-01-02T00:00:00Z"),
      at: new Date("2024-01-02T03:04:05Z"),
      iso: "2024-03-04",
    },
  ]);
  assertEquals(frame.dtypes, ["string", "string", "string"]);
  assertEquals(frame.values, [[
    "2024-01-02",
    "2024-01-02T03:04:05.000Z",
    "2024-03-04",
  ]]);
});

Deno.test("toDataFrame() turns safe bigints into numbers and larger ones into text", () => {
  const frame = toDataFrame([{ n: 5n, huge: 9007199254740993n }, {
    n: 6n,
    huge: 1n,
  }]);
  assertEquals(frame.dtypes, ["int32", "string"]);
  assertEquals(frame.values, [[5, "9007199254740993"], [6, "1"]]);
});

Deno.test("toDataFrame() writes nested values as JSON text", () => {
  const frame = toDataFrame([{ mix: [{ name: "Champions", share: 0.5 }] }]);
  assertEquals(frame.values, [['[{"name":"Champions","share":0.5}]']]);
});

Deno.test("toDataFrame() follows the given columns, so an empty result still has them", () => {
  const empty = toDataFrame([], { columns: ["store", "sales"] });
  assertEquals(empty.shape, [0, 2]);
  assertEquals(empty.columns, ["store", "sales"]);
  assertEquals(toDataFrame([]).shape, [0, 0]);
  const picked = toDataFrame([{ a: 1, b: 2 }, { c: 3 }], {
    columns: ["c", "a"],
  });
  assertEquals(picked.values, [[null, 1], [3, null]]);
});

Deno.test("toDataFrame() refuses duplicate column names", () => {
  assertThrows(
    () => toDataFrame([{ a: 1 }], { columns: ["a", "a"] }),
    TypeError,
    'Cannot make a DataFrame: column "a" appears twice; give the columns distinct names',
  );
});

Deno.test("toDataFrame() types a DuckDB result by its column types, empty or full of nulls", async () => {
  const connection = await openDatabase();
  try {
    const typed = await connection.runAndReadAll(
      `SELECT 2.0::DOUBLE AS whole_double, 3::BIGINT AS n, 1.25::DECIMAL(10, 2) AS d,
         NULL::INTEGER AS no_int, NULL::BOOLEAN AS no_flag, true AS flag,
         DATE '2024-01-02' AS day, TIMESTAMP '2024-01-02 03:04:05' AS at,
         TIME '01:02:03' AS t, [1, 2] AS list, 'x' AS text, NULL AS nothing`,
    );
    const frame = toDataFrame(typed);
    assertEquals(frame.dtypes, [
      "float32",
      "int32",
      "float32",
      "int32",
      "boolean",
      "boolean",
      "string",
      "string",
      "string",
      "string",
      "string",
      "int32",
    ]);
    assertEquals(frame.values, [[
      2,
      3,
      1.25,
      null,
      null,
      true,
      "2024-01-02",
      "2024-01-02 03:04:05",
      "01:02:03",
      "[1, 2]",
      "x",
      null,
    ]]);
    const empty = await connection.runAndReadAll(
      "SELECT date, amount, store FROM sales",
    );
    const emptyFrame = toDataFrame(empty);
    assertEquals(emptyFrame.shape, [0, 3]);
    assertEquals(emptyFrame.columns, ["date", "amount", "store"]);
    assertEquals(emptyFrame.dtypes, ["string", "float32", "string"]);
  } finally {
    closeDataset({ connection });
  }
});

Deno.test("queryFrame() runs a query on a Dataset and returns its DataFrame", async () => {
  const data = await createDataset({
    sales: [
      line({ date: "2024-01-02", category: "Books", amount: 10 }),
      line({ date: "2024-01-03", category: "Books", amount: -4 }),
      line({ date: "2024-01-03", category: "Toys", amount: 5 }),
    ],
  });
  try {
    const frame = await queryFrame(
      data,
      `SELECT category, sum(amount) AS sales, count(*) AS lines, max(date) AS last
       FROM sales WHERE amount > ? GROUP BY category ORDER BY category`,
      [-100],
    );
    assertEquals(frame.dtypes, ["string", "float32", "int32", "string"]);
    assertEquals(frame.values, [["Books", 6, 2, "2024-01-03"], [
      "Toys",
      5,
      1,
      "2024-01-03",
    ]]);
  } finally {
    closeDataset(data);
  }
});
