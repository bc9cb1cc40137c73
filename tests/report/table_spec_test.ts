import { assertEquals } from "../assert.ts";
import { tableCsv } from "../../src/report/table_spec.ts";
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

Deno.test("tableCsv() writes raw values with quoting, and empty for a missing value", () => {
  assertEquals(
    tableCsv(TABLE),
    'store,total,change\r\n<b>North</b>,1234.5,-0.05\r\n"South, ""Mall""",0,\r\n',
  );
});

Deno.test("renderTable() escapes values, formats numbers and offers a CSV download", () => {
  const markup = renderTable(TABLE).markup;
  assertEquals(markup.includes("&lt;b&gt;North&lt;/b&gt;"), true);
  assertEquals(markup.includes('<td class="num">1,234.50</td>'), true);
  assertEquals(markup.includes('<td class="num">-5.0%</td>'), true);
  assertEquals(
    markup.includes('<button type="button" class="csv" data-table="stores">'),
    true,
  );
  assertEquals(markup.includes("<caption>Sales by store</caption>"), true);
});

Deno.test("renderTable() says so when no row matches", () => {
  assertEquals(
    renderTable({ ...TABLE, rows: [] }).markup.includes(
      "No sales match the filters",
    ),
    true,
  );
});

Deno.test("formatValue() formats money, counts, ratios and changes, and a dash for missing", () => {
  assertEquals(formatValue(48579771.37, "money"), "48,579,771.37");
  assertEquals(formatValue(23053, "integer"), "23,053");
  assertEquals(formatValue(0.0944, "percent"), "9.4%");
  assertEquals(formatValue(0.1, "change"), "+10.0%");
  assertEquals(formatValue(Number.NaN, "money"), "—");
  assertEquals(formatValue(-0, "money"), "0.00");
});
