import { assertEquals } from "../assert.ts";
import {
  escapeHtml,
  html,
  jsonForScript,
  unsafeRawHtml,
} from "../../src/report/html.ts";

Deno.test("html escapes every interpolated value, so a store named <script> shows as text", () => {
  const store = `<script>alert(1)</script>`;
  assertEquals(
    html`<td title="${`"quoted" & 'single'`}">${store}</td>`.markup,
    `<td title="&quot;quoted&quot; &amp; &#39;single&#39;">&lt;script&gt;alert(1)&lt;/script&gt;</td>`,
  );
});

Deno.test("html joins arrays, prints nothing for null, undefined and false, and nests safely", () => {
  const items = ["a<b", "c"].map((x) => html`<li>${x}</li>`);
  assertEquals(
    html`<ul>${items}${null}${undefined}${false}</ul>`.markup,
    "<ul><li>a&lt;b</li><li>c</li></ul>",
  );
});

Deno.test("unsafeRawHtml() is the one way to let markup in unescaped", () => {
  assertEquals(
    html`<div>${unsafeRawHtml("<svg></svg>")}</div>`.markup,
    "<div><svg></svg></div>",
  );
  assertEquals(escapeHtml("<svg>"), "&lt;svg&gt;");
});

Deno.test("jsonForScript() cannot close its script element", () => {
  const markup =
    jsonForScript({ store: "</script><script>alert(1)</script>" }).markup;
  assertEquals(markup.includes("</script"), false);
  assertEquals(JSON.parse(markup).store, "</script><script>alert(1)</script>");
});
