import { chartMarkup } from "../../src/report/chart_markup.ts";
import { storeSalesChart } from "../../src/charts/mod.ts";
import { assertEquals, assertOk, assertStringIncludes } from "../assert.ts";
import { headlessDocument } from "../charts/golden.ts";

const HOSTILE = `<script>alert(1)</script> & "quotes" 'too'`;

Deno.test("chartMarkup() escapes attribute values that linkedom's outerHTML leaves raw", () => {
  const document = headlessDocument();
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("aria-description", HOSTILE);
  const text = document.createElementNS("http://www.w3.org/2000/svg", "text");
  text.textContent = HOSTILE;
  svg.append(text);
  assertStringIncludes(svg.outerHTML, "<script>", "linkedom leaves it raw");
  assertEquals(
    chartMarkup(svg).markup,
    '<svg aria-description="&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;too&#39;">' +
      "<text>&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot; &#39;too&#39;</text></svg>",
  );
});

Deno.test("chartMarkup() gives a chart's title the heading level asked for, and its subtitle the next", () => {
  const document = headlessDocument();
  const figure = document.createElement("figure");
  figure.innerHTML =
    "<h2>Title</h2><h3>Subtitle</h3><figcaption>Note</figcaption>";
  assertEquals(
    chartMarkup(figure).markup,
    "<figure><h3>Title</h3><h4>Subtitle</h4><figcaption>Note</figcaption></figure>",
  );
  assertEquals(
    chartMarkup(figure, { headingLevel: 4 }).markup,
    "<figure><h4>Title</h4><h5>Subtitle</h5><figcaption>Note</figcaption></figure>",
  );
});

Deno.test("chartMarkup() keeps a chart's stylesheet as it is and writes no end tag for a void element", () => {
  const document = headlessDocument();
  const div = document.createElement("div");
  const style = document.createElement("style");
  style.textContent = ":where(.a > svg) { margin: 0 }";
  div.append(style, document.createElement("br"));
  assertEquals(
    chartMarkup(div).markup,
    "<div><style>:where(.a > svg) { margin: 0 }</style><br></div>",
  );
});

Deno.test("chartMarkup() of a Plot chart names a hostile store only escaped", () => {
  const chart = storeSalesChart([
    {
      store: HOSTILE,
      city: "York",
      totalSales: 1000,
      tradingDays: 10,
      averageDailySales: 100,
    },
    {
      store: "North Quay",
      city: "Leeds",
      totalSales: 3000,
      tradingDays: 10,
      averageDailySales: 300,
    },
  ], { document: headlessDocument() });
  const markup = chartMarkup(chart).markup;
  assertEquals(markup.includes("<script"), false);
  assertOk(markup.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
  assertOk(/<h3>[^<]+<\/h3>/.test(markup), "the title is an h3");
  const reparsed = headlessDocument();
  reparsed.body.innerHTML = markup;
  assertEquals(
    reparsed.querySelector("svg[aria-description]")!.getAttribute(
      "aria-description",
    )?.includes(
      "<script>alert(1)</script> &",
    ),
    true,
    "the description reads as it was written",
  );
});
