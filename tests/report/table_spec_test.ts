import { assertEquals } from "../assert.ts";
import { numberFormats } from "../../src/figures/format/number_formats.ts";
import { csvFileName, tableCsv } from "../../src/report/table_spec.ts";
import { renderTable } from "../../src/report/render_table.ts";
import { formatValue } from "../../src/report/format_value.ts";

const TABLE = {
  id: "stores",
  title: "Sales by store",
  columns: [
    { key: "store", label: "Store", kind: "text" as const },
    { key: "total", label: "Net sales", kind: "money" as const },
    { key: "change", label: "Change", kind: "change" as const },
  ],
  rows: [{ store: "<b>North</b>", total: 1234.5, change: -0.05 }, {
    store: 'South, "Mall"',
    total: 0,
    change: null,
  }],
};

const FORMAT = numberFormats();

Deno.test("tableCsv() writes the labels as header, money to the cent, and empty for a missing value", () => {
  assertEquals(
    tableCsv(TABLE),
    'Store,Net sales,Change\r\n<b>North</b>,1234.50,-0.05\r\n"South, ""Mall""",0.00,\r\n',
  );
});

Deno.test("tableCsv() leaves no float noise: money to the cent, ratios to 6 decimals", () => {
  const csv = tableCsv({
    id: "t",
    title: "T",
    columns: [
      { key: "total", label: "Net sales", kind: "money" },
      { key: "lines", label: "Lines", kind: "integer" },
      { key: "share", label: "Share", kind: "percent" },
    ],
    rows: [
      { total: 34375.91000000002, lines: 3, share: 0.1 + 0.2 },
      { total: 12822694.040000048, lines: 0, share: 1 / 3 },
      { total: -0.001, lines: 7, share: Infinity },
    ],
  });
  assertEquals(
    csv,
    "Net sales,Lines,Share\r\n34375.91,3,0.3\r\n12822694.04,0,0.333333\r\n0.00,7,\r\n",
  );
});

Deno.test("tableCsv() neutralises text that a spreadsheet would run as a formula, and leaves numbers alone", () => {
  const cells = ["=1+1", "+1", "-2", "@SUM(A1)", "\tx", "\rx", "a=b", "Mall"];
  const csv = tableCsv({
    id: "t",
    title: "T",
    columns: [
      { key: "name", label: "=Name", kind: "text" },
      { key: "change", label: "Change", kind: "change" },
    ],
    rows: cells.map((name) => ({ name, change: -0.25 })),
  });
  assertEquals(csv.split("\r\n"), [
    "'=Name,Change",
    "'=1+1,-0.25",
    "'+1,-0.25",
    "'-2,-0.25",
    "'@SUM(A1),-0.25",
    "'\tx,-0.25",
    '"\'\rx",-0.25',
    "a=b,-0.25",
    "Mall,-0.25",
    "",
  ]);
});

Deno.test("csvFileName() names the table and every filter in force, in a safe file name", () => {
  assertEquals(csvFileName("stores", {}), "stores.csv");
  assertEquals(
    csvFileName("stores", {
      categories: ["Books", "Home & Garden"],
      segments: ["At Risk"],
      from: "2025-01-01",
      to: "2025-03-31",
    }),
    "stores_category-Books+Home-Garden_segment-At-Risk_from-2025-01-01_to-2025-03-31.csv",
  );
  assertEquals(
    csvFileName("t", { stores: ["../../etc/passwd"] }),
    "t_store-..-..-etc-passwd.csv",
  );
});

Deno.test("renderTable() escapes values, formats numbers and offers a CSV download", () => {
  const markup = renderTable(TABLE, FORMAT).markup;
  assertEquals(markup.includes("&lt;b&gt;North&lt;/b&gt;"), true);
  assertEquals(markup.includes('<td class="num">$1,234.50</td>'), true);
  assertEquals(markup.includes('<td class="num">-5.0%</td>'), true);
  assertEquals(
    markup.includes('<button type="button" class="csv" data-table="stores">'),
    true,
  );
  assertEquals(markup.includes("<caption>Sales by store</caption>"), true);
});

Deno.test("renderTable() says so when no row matches", () => {
  assertEquals(
    renderTable({ ...TABLE, rows: [] }, FORMAT).markup.includes(
      "No sales match the filters",
    ),
    true,
  );
});

Deno.test("formatValue() formats money, counts, ratios and changes, and a dash for missing", () => {
  assertEquals(formatValue(48579771.37, "money", FORMAT), "$48,579,771.37");
  assertEquals(formatValue(23053, "integer", FORMAT), "23,053");
  assertEquals(formatValue(0.0944, "percent", FORMAT), "9.4%");
  assertEquals(formatValue(0.1, "change", FORMAT), "+10.0%");
  assertEquals(formatValue(Number.NaN, "money", FORMAT), "—");
  assertEquals(formatValue(-0, "money", FORMAT), "$0.00");
});
