/**
 * The page's section navigation: "What changed" is its first entry when the
 * page has the block (its figures carry their comparison), and is left out
 * when it has none.
 */
import { parseHTML } from "linkedom";
import { buildReport } from "../../src/pipeline/build_report.ts";
import { html } from "../../src/report/html.ts";
import { renderReport } from "../../src/report/render_report.ts";
import type { ReportModel } from "../../src/report/report_model.ts";
import { assertEquals, assertOk } from "../assert.ts";
import { fixtureSource } from "./fixtures/report_fixture.ts";

const NO_OPTIONS = {
  categories: [],
  regions: [],
  stores: [],
  channels: [],
  segments: [],
  clusters: [],
  from: null,
  to: null,
};

function navLinks(page: string): string[] {
  const { document } = parseHTML(page);
  return [...document.querySelectorAll("nav.sections a")].map((a) =>
    `${a.getAttribute("href")} ${a.textContent}`
  );
}

function page(model: ReportModel, withBlock: boolean): string {
  return renderReport({
    model,
    salesView: withBlock
      ? html`
        <section id="what-changed">
          <h2>What changed</h2>
        </section>
      `
      : html``,
    fuelView: html``,
    customersView: html``,
    filterOptions: NO_OPTIONS,
    pageData: null,
    script: null,
    methods: [],
  });
}

Deno.test("the navigation leads with What changed when the page has the block, and leaves it out when not", async () => {
  const built = await buildReport(
    { source: { seed: 1 }, seed: 1 },
    {
      openSource: () => fixtureSource(),
      now: () => new Date("2025-05-01T12:00:00.000Z"),
      log: () => {},
      bundleClient: () => Promise.resolve(""),
    },
  );
  const builtPage = built.files.get("index.html")!;
  const links = navLinks(builtPage);
  assertEquals(links[0], "#what-changed What changed");
  assertEquals(links[1], "#headline Headline");
  // The link's target is on the page.
  assertOk(builtPage.includes('<section id="what-changed"'));

  const model = built.model;
  assertEquals(navLinks(page(model, true))[0], "#what-changed What changed");
  const without = navLinks(
    page({ ...model, sales: { ...model.sales, comparison: null } }, false),
  );
  assertEquals(without[0], "#headline Headline");
  assertEquals(without.filter((l) => l.includes("what-changed")), []);
});
