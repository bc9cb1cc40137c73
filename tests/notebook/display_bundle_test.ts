import { DataFrame } from "danfojs";
import { assertEquals, assertOk, assertStringIncludes } from "../assert.ts";
import { html } from "../../src/report/html.ts";
import { chartDocument } from "../../src/notebook/chart_document.ts";
import { display } from "../../src/notebook/display.ts";
import { displayBundle } from "../../src/notebook/display_bundle.ts";
import { frameHtml } from "../../src/notebook/frame_html.ts";
import { frameText } from "../../src/notebook/frame_text.ts";
import { toDataFrame } from "../../src/notebook/to_data_frame.ts";
import { weekdaySalesChart } from "../../src/charts/sales/weekday_sales_chart.ts";

const stores = (n: number) =>
  toDataFrame(
    Array.from(
      { length: n },
      (_, i) => ({ store: `S${i + 1}`, sales: 1000 * i + 0.5 }),
    ),
  );

Deno.test("frameHtml() lays a DataFrame out as an escaped table with the index first and numbers to the right", () => {
  const frame = toDataFrame([
    { store: "<b>S1</b>", sales: 1234567.891, share: 0.123456, region: null },
  ]);
  assertEquals(
    frameHtml(frame).markup,
    '<table class="dataframe"><thead><tr><th></th><th>store</th>' +
      '<th style="text-align: right">sales</th><th style="text-align: right">share</th><th>region</th></tr></thead>' +
      '<tbody><tr><th>0</th><td>&lt;b&gt;S1&lt;/b&gt;</td><td style="text-align: right">1,234,567.89</td>' +
      '<td style="text-align: right">0.1235</td><td style="color: #888">null</td></tr></tbody></table>',
  );
});

Deno.test("frameHtml() cuts a long frame to its first and last rows and says its size", () => {
  const table = frameHtml(stores(40)).markup;
  assertEquals(table.match(/<tr><th>\d+<\/th>/g)!.length, 10);
  assertStringIncludes(table, "<tr><th>4</th><td>S5</td>");
  assertStringIncludes(table, "<tr><th>…</th>");
  assertStringIncludes(table, "<tr><th>35</th><td>S36</td>");
  assertStringIncludes(table, "<small>40 rows × 2 columns</small>");
  assertEquals(
    frameHtml(stores(40), { maxRows: 40 }).markup.match(/<tr><th>\d+<\/th>/g)!
      .length,
    40,
  );
});

Deno.test("frameHtml() shows an empty frame's columns and says it has no rows", () => {
  const table =
    frameHtml(toDataFrame([], { columns: ["store", "sales"] })).markup;
  assertStringIncludes(table, "<th>store</th><th>sales</th>");
  assertStringIncludes(table, "<small>0 rows × 2 columns</small>");
});

Deno.test("frameText() aligns the columns and marks the rows it leaves out", () => {
  assertEquals(
    frameText(stores(3)),
    "   store    sales\n0  S1         0.5\n1  S2     1,000.5\n2  S3     2,000.5",
  );
  const long = frameText(stores(12), { maxRows: 4 }).split("\n");
  assertEquals(long.length, 7);
  assertEquals(long[3].trim().split(/\s+/), ["…", "…", "…"]);
  assertEquals(long[6], "[12 rows × 2 columns]");
});

Deno.test("displayBundle() gives a DataFrame as HTML and text, a chart and Html as HTML", () => {
  const frame = stores(2);
  assertEquals(displayBundle(frame), {
    "text/html": frameHtml(frame).markup,
    "text/plain": frameText(frame),
  });
  const chart = weekdaySalesChart([], { document: chartDocument() });
  const bundle = displayBundle(chart);
  assertEquals(bundle["text/html"], chart.outerHTML);
  assertStringIncludes(String(bundle["text/html"]), "<svg");
  assertEquals(
    displayBundle(html`<p>${"a < b"}</p>`)["text/html"],
    "<p>a &lt; b</p>",
  );
});

Deno.test("displayBundle() shows what danfojs operations return: frames, and a Series as a one-column table", () => {
  const frame = new DataFrame([{ sales: 5 }, { sales: 7 }], {
    index: ["a", "b"],
  });
  assertEquals(
    displayBundle(frame.column("sales"))["text/plain"],
    "   sales\na      5\nb      7",
  );
  assertEquals(
    displayBundle(
      frame.sortValues("sales", { ascending: false }),
    )["text/plain"],
    "   sales\nb      7\na      5",
  );
});

Deno.test("displayBundle() gives a plain object as JSON a reader can parse and as a table", () => {
  const bundle = displayBundle({
    totalSales: 12.5,
    segments: 3,
    asOf: undefined,
    n: 2n,
  });
  assertEquals(bundle["application/json"], {
    totalSales: 12.5,
    segments: 3,
    n: "2",
  });
  assertStringIncludes(
    String(bundle["text/html"]),
    "<tr><th>asOf</th><td>(not set)</td></tr>",
  );
  assertEquals(
    JSON.parse(String(bundle["text/plain"])),
    bundle["application/json"],
  );
  assertEquals(displayBundle([1, 2])["application/json"], [1, 2]);
});

Deno.test("displayBundle() shows text, numbers and errors as plain text", () => {
  assertEquals(displayBundle("a <b>"), { "text/plain": "a <b>" });
  assertEquals(displayBundle(3), { "text/plain": "3" });
  assertEquals(displayBundle(new RangeError("Cannot x: y")), {
    "text/plain": "RangeError: Cannot x: y",
  });
});

Deno.test("display() does nothing outside a Jupyter kernel", async () => {
  const printed: unknown[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => printed.push(args);
  try {
    assertEquals(await display(stores(2)), undefined);
  } finally {
    console.log = log;
  }
  assertEquals(printed, []);
  assertOk(
    !("jupyter" in Deno) || (() => {
      try {
        return (Deno as unknown as { jupyter: unknown }).jupyter === undefined;
      } catch {
        return true;
      }
    })(),
  );
});
