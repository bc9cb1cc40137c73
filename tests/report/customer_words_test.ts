/**
 * The customer section in plain words: on the real data set (mean
 * silhouette 0.17) it says first that customers do not split into distinct
 * groups by what they buy and leads with the RFM segments; on the simulated
 * chain (whose silhouette is checked to be 0.25 or more) it names distinct
 * groups. Either way k and the silhouette are in Methods, not in the
 * section, and the section says which filters it follows.
 */
import { assertEquals, assertOk, assertStringIncludes } from "../assert.ts";
import { runCli } from "../cli/run_cli.ts";
import { escapeHtml } from "../../src/report/html.ts";
import {
  clusterMethodNotes,
  clusterStrength,
  WEAK_SILHOUETTE,
} from "../../src/report/customer_words.ts";
import { numberFormats } from "../../src/figures/format/number_formats.ts";

const DATA = new URL("../../../shared/datasets/retail-kaggle", import.meta.url)
  .pathname;

Deno.test("clusterStrength() calls clusters weak under a mean silhouette of 0.25", () => {
  assertEquals(WEAK_SILHOUETTE, 0.25);
  assertEquals(clusterStrength({ k: 7, silhouette: 0.17 }), "weak");
  assertEquals(clusterStrength({ k: 3, silhouette: 0.2499 }), "weak");
  assertEquals(clusterStrength({ k: 3, silhouette: 0.25 }), "distinct");
  assertEquals(clusterStrength({ k: 1, silhouette: null }), "one");
});

/** The report's page and report.json, built on the command line. */
async function build(args: string[]) {
  const tmp = await Deno.makeTempDir({ prefix: "basket-customer-words-" });
  try {
    const run = await runCli("report", [...args, "--out", tmp, "--no-cache"]);
    assertEquals(run.code, 0, run.stderr);
    const { dir } = JSON.parse(run.stdout.trim().split("\n").at(-1)!);
    const page = await Deno.readTextFile(`${dir}/index.html`);
    const json = JSON.parse(await Deno.readTextFile(`${dir}/report.json`));
    const section = (id: string) => {
      const start = page.indexOf(`<section id="${id}"`);
      return page.slice(start, page.indexOf("</section>", start));
    };
    return {
      // The section's words, without its charts' own labels.
      customers: section("customers").replace(
        /<figure class="chart".*?<\/figure><\/figure>/gs,
        "",
      ),
      methods: section("methods"),
      clusters: json.customers.clusters,
    };
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
}

const LEAD = "Customers do not split into distinct groups by what they buy.";
const FILTERS =
  "No filter changes it, neither the command line&#39;s nor the page&#39;s";

Deno.test("on the real data set, weak clusters are said plainly and RFM leads", async () => {
  const { customers, methods, clusters } = await build(["--data", DATA]);
  assertOk(clusters.silhouette < WEAK_SILHOUETTE, String(clusters.silhouette));
  const lead = customers.indexOf(LEAD);
  const rfm = customers.indexOf('id="h-rfm"');
  const groups = customers.indexOf('id="h-clusters"');
  assertOk(lead > 0 && lead < rfm && rfm < groups, `${lead} ${rfm} ${groups}`);
  assertStringIncludes(
    customers,
    "What they buy: leanings, not distinct groups</h3>",
  );
  assertStringIncludes(customers, "Leanings in what customers buy");
  assertStringIncludes(customers, FILTERS);
  // Cluster names in shop language, as report.json has them.
  for (const c of clusters.clusters) {
    assertOk(!/^\w[\w ]*: /.test(c.name), c.name);
    assertStringIncludes(customers, escapeHtml(c.name));
  }
  assertStringIncludes(
    clusters.clusters.map((c: { name: string }) => c.name).join("|"),
    "Men's footwear & children's books",
  );
  // k, the silhouette and the components are in Methods, not here.
  assertEquals(/k = \d/.test(customers), false);
  assertEquals(customers.includes("silhouette of"), false);
  assertStringIncludes(
    methods,
    `<strong>k = ${clusters.k}</strong> with a mean silhouette of ${
      clusters.silhouette.toFixed(3)
    }: under 0.25, so the clusters are weak`,
  );
  assertStringIncludes(methods, "principal components explain");
});

Deno.test("on the simulated chain, distinct clusters are named as groups", async () => {
  const { customers, methods, clusters } = await build([]);
  assertOk(clusters.silhouette >= WEAK_SILHOUETTE, String(clusters.silhouette));
  assertEquals(customers.includes(LEAD), false);
  assertStringIncludes(
    customers,
    `Customers fall into ${clusters.k} distinct groups by what they buy`,
  );
  assertStringIncludes(customers, "What they buy: clusters</h3>");
  assertStringIncludes(customers, FILTERS);
  assertEquals(/k = \d/.test(customers), false);
  assertStringIncludes(
    methods,
    `with a mean silhouette of ${
      clusters.silhouette.toFixed(3)
    }: 0.25 or more, so the clusters are distinct enough to name`,
  );
});

Deno.test("the Methods section says when the clusters were fitted on a sample, and of how many", () => {
  const figures = (fitSample?: number) =>
    ({
      clusters: {
        k: 3,
        silhouette: 0.3,
        sampleSize: 10_000,
        customers: 812_345,
        components: 2,
        explainedVariance: [{ cumulative: 0.5 }, { cumulative: 0.85 }],
        ...(fitSample ? { fitSample } : {}),
      },
    }) as unknown as Parameters<typeof clusterMethodNotes>[0];
  const text = (fitSample?: number) =>
    clusterMethodNotes(figures(fitSample), numberFormats()).map(String)
      .join(" ");
  assertStringIncludes(
    text(100_000),
    "With 812,345 customers, the standardisation, the components and the clusters were fitted on a seeded sample of 100,000 of them",
  );
  assertOk(!text().includes("fitted on a seeded sample"), text());
});
