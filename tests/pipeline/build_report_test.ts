/**
 * buildReport() end to end on a small fixture, with fake effects: a fixed
 * clock, a fixed page script, and the fixture's data instead of a file.
 */
import {
  type BuildEffects,
  buildReport,
  type BuildReportOptions,
  type BuiltReport,
} from "../../src/pipeline/build_report.ts";
import type { CustomerModel } from "../../src/report/customer_model.ts";
import { escapeHtml } from "../../src/report/html.ts";
import {
  assertAlmostEquals,
  assertEquals,
  assertOk,
  assertStringIncludes,
} from "../assert.ts";
import {
  FIXTURE_FROM,
  FIXTURE_REJECTS,
  FIXTURE_TO,
  fixtureCustomers,
  fixtureSales,
  fixtureSource,
  HOSTILE_STORE,
} from "../report/fixtures/report_fixture.ts";
import {
  assertGoldenPage,
  pageDataOf,
  withoutGeneratedAt,
} from "../report/golden_page.ts";

/** Stands in for the bundled page script; it holds a `</script>` the page must not let end its element. */
const FAKE_SCRIPT =
  'document.documentElement.dataset.script = "fake </script> end";\n';

function fakeEffects(now: string, log: string[] = []): BuildEffects {
  return {
    openSource: () => fixtureSource(),
    now: () => new Date(now),
    log: (message) => log.push(message),
    bundleClient: () => Promise.resolve(FAKE_SCRIPT),
  };
}

const OPTIONS: BuildReportOptions = { source: { seed: 1 }, seed: 1 };

/** Parses one of the report's CSVs (RFC 4180, CRLF line ends). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') field += text[i++];
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), field = "";
    else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field), rows.push(row), row = [], field = "", i++;
    } else field += c;
  }
  if (field !== "" || row.length) row.push(field), rows.push(row);
  return rows;
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

Deno.test("buildReport() on the fixture", async (t) => {
  const log: string[] = [];
  const built = await buildReport(
    OPTIONS,
    fakeEffects("2025-05-01T12:00:00.000Z", log),
  );
  const page = built.files.get("index.html")!;
  const json = JSON.parse(built.files.get("report.json")!);

  await t.step("the page matches its golden file", async () => {
    await assertGoldenPage("report", page);
  });

  await t.step(
    "when the value models cannot be fitted, report.json and the page say why and show no prediction",
    () => {
      // The fixture's 36 customers spend alike from one purchase to the
      // next: the spend model's likelihood has no maximum.
      assertEquals(json.value.fitted, false);
      assertEquals(json.value.customers, 36);
      assertOk(
        json.value.reason.startsWith(
          "The spend model (Gamma-Gamma) has no maximum on this data",
        ),
        json.value.reason,
      );
      assertOk(!("top" in json.value) && !("distribution" in json.value));
      const section = page.slice(page.indexOf('<section id="value"'));
      assertOk(
        section.includes(
          '<p class="notice" id="value-not-fitted"><strong>No predicted value.</strong> The spend model (Gamma-Gamma) has no maximum on this data',
        ),
      );
      assertOk(
        !section.slice(0, section.indexOf("</section>")).includes("<svg"),
      );
      assertEquals(
        [...built.files.keys()].filter((name) => name.startsWith("value-")),
        [],
      );
    },
  );

  await t.step("each stage logs its elapsed time", () => {
    const stages = log.map((line) => line.split(/\s+/)[0]);
    assertEquals(stages, [
      "load",
      "inspect",
      "segmentation",
      "value",
      "sales",
      "baskets",
      "cube",
      "charts",
      "bundle",
      "html",
    ]);
    for (const line of log) {
      assertOk(/ \d+\.\d\d s( {2}peak \d+ MB)?$/.test(line), line);
    }
  });

  await t.step(
    "report.json holds the data's facts, the parameters and when it was generated",
    () => {
      const sales = fixtureSales();
      const returns = sales.filter((l) => l.amount < 0);
      assertEquals(json.schema, "basket-report/1");
      assertEquals(json.runId, "20250501T120000Z");
      assertEquals(json.generatedAt, "2025-05-01T12:00:00.000Z");
      assertEquals(json.data.source, "report test fixture");
      assertEquals(json.data.rows, sales.length);
      assertEquals(json.data.rejectedRows, FIXTURE_REJECTS.length);
      assertEquals(json.data.rejectReasons.length, 2);
      assertEquals(json.data.returns.lines, returns.length);
      assertAlmostEquals(
        json.data.returns.amount,
        sum(returns.map((l) => l.amount)),
        1e-6,
      );
      assertOk(returns.length > 0);
      assertEquals([json.data.from, json.data.to], [FIXTURE_FROM, FIXTURE_TO]);
      assertEquals(json.data.stores, 3);
      assertEquals(json.parameters, {
        currency: "USD",
        locale: "en-US",
        data: null,
        map: null,
        dateFormat: null,
        onBadRows: "fail",
        seed: 1,
        asOf: null,
        k: null,
        topN: 2,
        filters: {},
      });
    },
  );

  await t.step(
    "report.json's sales total is the sum of every amount, and each breakdown adds up to it",
    () => {
      const total = sum(fixtureSales().map((l) => l.amount));
      assertAlmostEquals(json.sales.total, total, 1e-6);
      assertEquals(json.sales.total, json.sales.headline.totalSales);
      for (const key of ["byCategory", "byStore", "byChannel", "weekly"]) {
        const rows = json.sales[key] as { totalSales: number }[];
        assertOk(rows.length > 0, key);
        assertAlmostEquals(
          sum(rows.map((r) => r.totalSales)),
          total,
          1e-6,
          key,
        );
      }
      assertEquals(
        json.sales.byStore.map((r: { store: string }) => r.store).sort(),
        ["<script>alert(1)</script>", "Forecourt 7", "North Quay"],
      );
      assertOk(json.sales.fuel.byType.length === 2, "two fuel types");
    },
  );

  await t.step(
    "report.json's customers: segments add up to the customers scored, clusters to those clustered",
    () => {
      const customers = json.customers as CustomerModel;
      const buyers = new Set(
        fixtureSales().filter((l) => l.customer_id && l.amount > 0).map((l) =>
          l.customer_id
        ),
      );
      assertEquals(customers.count, buyers.size);
      assertEquals(customers.count, fixtureCustomers().length);
      const segments = customers.rfm.segments;
      assertOk(segments.every((s) => typeof s.name === "string"));
      assertEquals(sum(segments.map((s) => s.customers)), customers.count);
      assertAlmostEquals(
        sum(segments.map((s) => s.revenue)),
        sum(
          fixtureSales().filter((l) => l.customer_id).map((l) => l.amount),
        ),
        1e-6,
      );
      assertEquals(customers.rfm.grid.length, 25);
      assertEquals(
        sum(customers.rfm.grid.map((c) => c.customers)),
        customers.count,
      );
      const clusters = customers.clusters;
      assertOk(clusters.k >= 2, `k = ${clusters.k}`);
      assertEquals(clusters.clusters.length, clusters.k);
      assertOk(
        clusters.silhouette !== null && clusters.silhouette > 0 &&
          clusters.silhouette <= 1,
      );
      assertEquals(
        sum(clusters.clusters.map((c) => c.size)),
        clusters.customers,
      );
      assertEquals(clusters.customers, customers.count);
      for (const c of clusters.clusters) {
        assertOk(c.name.length > 0);
        assertEquals(c.label, `${c.id}. ${c.name}`);
      }
    },
  );

  await t.step(
    "every table of the page has its CSV, with the table's rows",
    () => {
      const buttons = [...page.matchAll(/class="csv" data-table="([^"]+)"/g)]
        .map((m) => m[1]);
      assertEquals(new Set(buttons).size, buttons.length);
      const csvs = [...built.files.keys()].filter((n) => n.endsWith(".csv"));
      assertEquals(
        csvs.sort(),
        [...buttons.map((id) => `${id}.csv`), "rejected_rows.csv"].sort(),
      );
      for (const id of buttons) {
        const rows = parseCsv(built.files.get(`${id}.csv`)!);
        assertOk(rows.every((r) => r.length === rows[0].length), id);
        // A long table offered only as its CSV (every month of every
        // cohort): its rows are checked in tests/report/cohort_tables_test.ts.
        if (!page.includes(`<table id="table-${id}">`)) continue;
        const body = page.match(
          new RegExp(`<table id="table-${id}">.*?<tbody>(.*?)</tbody>`, "s"),
        )![1];
        const shown = body.includes('class="empty"')
          ? 0
          : body.split("<tr>").length - 1;
        assertEquals(rows.length - 1, shown, `${id}.csv`);
        assertOk(rows.every((r) => r.length === rows[0].length), id);
      }
      const stores = parseCsv(built.files.get("stores.csv")!);
      assertEquals(stores[0], [
        "Store",
        "City",
        "Average daily sales (USD)",
        "Trading days",
        "Net sales (USD)",
        "vs previous period",
        "vs last year",
      ]);
      assertOk(stores.some((r) => r[0] === HOSTILE_STORE));
      const rejected = parseCsv(built.files.get("rejected_rows.csv")!);
      assertEquals(rejected.slice(1), [
        ["fixture/sales.csv", "17", "amount", "12,50 EUR", "not a number"],
        ["fixture/sales.csv", "230", "date", "2025-02-30", "not a date"],
      ]);
    },
  );

  await t.step(
    "the page has a header, headline, every section, data quality and methods",
    () => {
      for (
        const part of [
          "<dt>Data</dt><dd>report test fixture</dd>",
          `<dt>Period</dt><dd>${FIXTURE_FROM} to ${FIXTURE_TO}</dd>`,
          "<dt>As of</dt><dd>2025-04-28 (the day after the last sale)</dd>",
          '<time datetime="2025-05-01T12:00:00.000Z">2025-05-01 12:00:00 UTC</time>',
          "<dt>Seed</dt><dd>1</dd>",
          'data-figure="totalSales"',
          '<section id="sales"',
          '<section id="fuel" aria-labelledby="h-fuel"><h2',
          '<section id="customers"',
          '<section id="data-quality"',
          '<section id="methods"',
          "<caption>Rejected rows by reason</caption>",
          '<th scope="row">not a date</th>',
          "<dt>Returns</dt>",
          'id="chart-fuel-prices"',
          'id="chart-pca-scatter"',
        ]
      ) assertStringIncludes(page, part);
    },
  );

  await t.step(
    "the store named <script>alert(1)</script> is escaped everywhere in the page, and the page data carries it intact",
    async () => {
      assertEquals(page.includes(HOSTILE_STORE), false);
      assertEquals(page.includes("<script>alert"), false);
      assertStringIncludes(page, escapeHtml(HOSTILE_STORE));
      assertEquals(
        [...page.matchAll(/<script\b/g)].length,
        2,
        "only the page data and the page script",
      );
      assertStringIncludes(page, "fake <\\/script> end");
      const data = await pageDataOf(page);
      assertOk(data.cube.dims.store.includes(HOSTILE_STORE));
    },
  );

  await t.step(
    "the page references no resource outside itself",
    () => {
      const references = [
        ...page.matchAll(
          /\s(?:src|href|xlink:href|action|poster|srcset|data)\s*=\s*"([^"]*)"/g,
        ),
      ].map((m) => m[1]);
      assertOk(references.length > 0);
      for (const ref of references) {
        assertOk(ref.startsWith("#") || ref.startsWith("data:"), ref);
      }
      const outside = [...page.matchAll(/\b(\S+=")?https?:\/\/[^\s"')<]*/g)]
        .filter((m) => !/^xmlns(:\w+)?="$/.test(m[1] ?? ""));
      assertEquals(outside.map((m) => m[0]), []);
      assertEquals(/url\(|@import|<link\b|<iframe\b|<img\b/.test(page), false);
    },
  );

  await t.step(
    "a second build at another time gives the same page, data and tables apart from the generated-at time",
    async () => {
      const again = await buildReport(
        OPTIONS,
        fakeEffects("2026-01-02T03:04:05.678Z"),
      );
      assertEquals(again.runId, "20260102T030405Z");
      const page2 = again.files.get("index.html")!;
      assertOk(page2 !== page);
      assertEquals(withoutGeneratedAt(page2), withoutGeneratedAt(page));
      const json2 = JSON.parse(again.files.get("report.json")!);
      assertEquals(json2.generatedAt, "2026-01-02T03:04:05.678Z");
      assertEquals(
        { ...json2, runId: null, generatedAt: null },
        { ...json, runId: null, generatedAt: null },
      );
      assertEquals([...again.files.keys()], [...built.files.keys()]);
      for (const [name, content] of built.files) {
        if (name.endsWith(".csv")) assertEquals(again.files.get(name), content);
      }
    },
  );

  await t.step(
    "a page over its byte budget leaves out the new and returning customers' sales, then cuts the cube's time by week",
    async () => {
      const bytes = new TextEncoder().encode(page).length;
      assertEquals((await pageDataOf(page)).cube.grain, "day");
      assertOk((await pageDataOf(page)).cube.customerSales);
      const log: string[] = [];
      const withoutSplit = await buildReport(
        { ...OPTIONS, maxPageBytes: bytes - 1 },
        fakeEffects("2025-05-01T12:00:00.000Z", log),
      );
      const page1 = withoutSplit.files.get("index.html")!;
      const bytes1 = new TextEncoder().encode(page1).length;
      assertEquals((await pageDataOf(page1)).cube.grain, "day");
      assertEquals((await pageDataOf(page1)).cube.customerSales, null);
      assertOk(bytes1 < bytes);
      assertStringIncludes(
        log.join("\n"),
        `The page would take ${bytes} bytes with new and returning customers' sales, over ${
          bytes - 1
        }: leaving them out of the page's filters`,
      );
      const smaller = await buildReport(
        { ...OPTIONS, maxPageBytes: bytes1 - 1 },
        fakeEffects("2025-05-01T12:00:00.000Z", log),
      );
      const page2 = smaller.files.get("index.html")!;
      const data = await pageDataOf(page2);
      assertEquals(data.cube.grain, "week");
      assertEquals(data.cube.customerSales, null);
      assertOk(new TextEncoder().encode(page2).length < bytes1);
      assertStringIncludes(
        log.join("\n"),
        `The page would take ${bytes1} bytes with sums by day, over ${
          bytes1 - 1
        }: cutting time by week`,
      );
      assertStringIncludes(
        page2,
        "carried in the page (sums by day would have made the page too large, so filtered time series are by week).",
      );
      assertEquals(
        smaller.files.get("report.json"),
        built.files.get("report.json"),
      );
    },
  );

  await t.step(
    "built with filters, the report states them and compares with the previous period",
    async () => {
      const filtered: BuiltReport = await buildReport(
        {
          ...OPTIONS,
          filters: { categories: ["Books", "Toys"], from: "2025-03-31" },
        },
        fakeEffects("2025-05-01T12:00:00.000Z"),
      );
      const model = filtered.model;
      const page = filtered.files.get("index.html")!;
      const expected = sum(
        fixtureSales().filter((l) =>
          (l.category === "Books" || l.category === "Toys") &&
          l.date >= "2025-03-31"
        ).map((l) => l.amount),
      );
      assertAlmostEquals(model.sales.total, expected, 1e-6);
      assertEquals(model.sales.headline.previousPeriod, {
        from: "2025-03-03",
        to: "2025-03-30",
        days: 28,
      });
      assertOk(model.sales.headline.change?.totalSales !== null);
      assertStringIncludes(page, "vs previous period");
      assertStringIncludes(
        page,
        "<dt>Built with filters</dt>\n        <dd>category Books, Toys; from 2025-03-31</dd>",
      );
      assertEquals(model.sales.fuel, null);
      assertStringIncludes(
        page,
        '<section id="fuel" aria-labelledby="h-fuel"\n      hidden',
      );
      assertEquals(page.includes('href="#fuel"'), false);
    },
  );
});
