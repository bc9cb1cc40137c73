/**
 * `deno task report` as a reader runs it: its help, its errors and exit
 * codes, the run folder and `latest/` it writes, its progress lines, and the
 * page's size on the built-in data and on four times as many lines.
 */
import { resolve } from "node:path";
import { pathToFileURL as toFileUrl } from "node:url";
import { REPORT_OPTIONS } from "../../src/cli/report.ts";
import { decodePageData } from "../../src/report/page_data.ts";
import { assertEquals, assertOk, assertStringIncludes } from "../assert.ts";
import {
  fixtureSales,
  writeFixtureCsv,
} from "../report/fixtures/report_fixture.ts";
import { withoutGeneratedAt } from "../report/golden_page.ts";
import { noisyNumbers } from "../report/noisy_numbers.ts";
import { type CliRun, runCli } from "./run_cli.ts";

/** The bound the issue sets on the page. */
const MAX_PAGE_BYTES = 2_500_000;
/** How much larger the page of four times as many lines may be. */
const MAX_GROWTH = 1.5;

const STAGES = [
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
  "write",
];

/** The JSON on the last line of a report run's stdout. */
function result(run: CliRun): { runId: string; dir: string; url: null } {
  assertEquals(run.code, 0, run.stderr);
  return JSON.parse(run.stdout.trim().split("\n").at(-1)!);
}

/** Every file under `dir`, by path relative to it, with its bytes. */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const walk = async (path: string) => {
    for await (const entry of Deno.readDir(`${dir}/${path}`)) {
      const name = path ? `${path}/${entry.name}` : entry.name;
      if (entry.isDirectory) await walk(name);
      else files.set(name, await Deno.readTextFile(`${dir}/${name}`));
    }
  };
  await walk("");
  return files;
}

async function pageData(page: string) {
  const encoded = page.match(
    /<script type="application\/json" id="basket-data">(.*?)<\/script>/s,
  )![1];
  return await decodePageData(JSON.parse(encoded));
}

Deno.test("deno task report", async (t) => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-report-cli-" });
  try {
    await t.step("--help documents every option", async () => {
      const run = await runCli("report", ["--help"]);
      assertEquals(run.code, 0, run.stderr);
      const documented = new Set(run.stdout.match(/--[a-z][a-z0-9-]*/g));
      const missing = Object.keys(REPORT_OPTIONS).filter((name) =>
        !documented.has(`--${name}`)
      );
      assertEquals(missing, []);
      assertOk(documented.has("--debug"));
      assertStringIncludes(run.stdout, "reports/<run-id>/index.html");
      assertStringIncludes(run.stdout, "refreshes reports/latest/");
    });

    await t.step(
      "an unknown flag or a bad value exits 2 and says why",
      async () => {
        const unknown = await runCli("report", ["--colour", "--out", tmp]);
        assertEquals(unknown.code, 2);
        assertStringIncludes(unknown.stderr, '"--colour"');
        assertStringIncludes(unknown.stderr, "see --help");
        const date = await runCli("report", ["--as-of", "1 May", "--out", tmp]);
        assertEquals(date.code, 2);
        assertEquals(
          date.stderr.trim(),
          'error: Cannot read --as-of "1 May": expected a date as YYYY-MM-DD',
        );
        const width = await runCli("report", ["--width", "100", "--out", tmp]);
        assertEquals(width.code, 2);
        assertEquals(
          width.stderr.trim(),
          'error: Cannot read --width "100": expected a whole number of 320 or more',
        );
        assertEquals([...Deno.readDirSync(tmp)], [], "nothing written");
      },
    );

    const out = `${tmp}/reports`;
    let defaultSize = 0;
    await t.step(
      "on the built-in data it writes the run's page, report.json and one CSV per table, and refreshes latest/",
      async () => {
        const run = await runCli("report", ["--out", out]);
        const { runId, dir, url } = result(run);
        assertOk(/^\d{8}T\d{6}Z$/.test(runId), runId);
        assertEquals(dir, `${out}/${runId}`);
        assertEquals(url, null);
        const files = await snapshot(dir);
        const page = files.get("index.html")!;
        const markup = page.replace(/<script\b.*?<\/script>/gs, "");
        const tables = [
          ...markup.matchAll(/class="csv" data-table="([^"]+)"/g),
        ].map((m) => `${m[1]}.csv`);
        assertOk(tables.length >= 15, `${tables.length} tables`);
        assertEquals(
          [...files.keys()].sort(),
          // segments.json: every customer's segment, for the next run.
          ["index.html", "report.json", "segments.json", ...tables].sort(),
        );
        const json = JSON.parse(files.get("report.json")!);
        assertEquals(json.runId, runId);
        assertStringIncludes(json.data.source, "simulated retail chain");
        for (const key of ["data", "sales", "customers", "parameters"]) {
          assertOk(json[key], key);
        }
        assertEquals(noisyNumbers(files.get("report.json")!), []);
        assertEquals(await snapshot(`${out}/latest`), files);
        assertEquals(
          [...Deno.readDirSync(out)].map((e) => e.name).sort(),
          [runId, "latest"].sort(),
        );
        defaultSize = new TextEncoder().encode(page).length;
        assertOk(
          defaultSize < MAX_PAGE_BYTES,
          `The default page has ${defaultSize} bytes`,
        );
        assertStringIncludes(
          run.stderr,
          `Report written to ${dir}/index.html (${
            (defaultSize / 1024).toFixed(0)
          } KiB)`,
        );
        // Then a link to open the page with.
        assertStringIncludes(
          run.stderr,
          `KiB)\nOpen it: ${toFileUrl(resolve(dir, "index.html")).href}\n`,
        );
        const stages = run.stderr.split("\n").filter((line) =>
          /^[a-z]+ +\d+\.\d\d s( {2}peak \d+ MB)?$/.test(line)
        ).map((line) => line.split(" ")[0]);
        assertEquals(stages, STAGES);
        // Any line between them names a stage as it runs, never a stage time.
        for (const line of run.stderr.split("\n")) {
          if (/ running, /.test(line)) {
            assertOk(
              /^[a-z]+ running, \d+ s so far \(\d+ s in all\)$/.test(line),
              line,
            );
          }
        }
      },
    );

    await t.step(
      "bad data exits 65 and leaves latest/ and the runs as they were",
      async () => {
        const before = await snapshot(out);
        const bad = `${tmp}/bad`;
        await writeFixtureCsv(bad);
        await Deno.writeTextFile(
          `${bad}/sales.csv`,
          "2025-02-30,North Quay,Leeds,North,Shop,Leisure,Books,Fiction,C01,T9999,1,5,,,\n",
          { append: true },
        );
        const run = await runCli("report", ["--data", bad, "--out", out]);
        assertEquals(run.code, 65, run.stderr);
        assertStringIncludes(
          run.stderr,
          `error: Cannot read sales "${bad}/sales.csv": row ${
            fixtureSales().length + 2
          }, column "date": "2025-02-30"`,
        );
        assertEquals(await snapshot(out), before);
      },
    );

    await t.step(
      "a filter value the data lacks is a usage error naming what exists; a combination that matches no sale exits 65; latest/ stays as it was",
      async () => {
        const before = await snapshot(out);
        const data = `${tmp}/filters`;
        await writeFixtureCsv(data);
        const typo = await runCli("report", [
          "--data",
          data,
          "--category",
          "Bookz",
          "--out",
          out,
        ]);
        assertEquals(typo.code, 2, typo.stderr);
        assertStringIncludes(
          typo.stderr,
          'error: Cannot filter by --category "Bookz": the data has no such value; did you mean "Books"? Its categories: ',
        );
        const reversed = await runCli("report", [
          "--data",
          data,
          "--from",
          "2025-03-01",
          "--to",
          "2025-02-01",
          "--out",
          out,
        ]);
        assertEquals(reversed.code, 2, reversed.stderr);
        assertStringIncludes(
          reversed.stderr,
          "error: Cannot filter by dates: --from 2025-03-01 is after --to 2025-02-01",
        );
        const nothing = await runCli("report", [
          "--data",
          data,
          "--category",
          "Books",
          "--from",
          "1999-01-01",
          "--to",
          "1999-01-31",
          "--out",
          out,
        ]);
        assertEquals(nothing.code, 65, nothing.stderr);
        assertStringIncludes(
          nothing.stderr,
          'error: Cannot build a report: no sale line matches --category "Books" --from 1999-01-01 --to 1999-01-31',
        );
        assertEquals(await snapshot(out), before);
      },
    );

    await t.step(
      "--config supplies the data, seed, as-of date and bad-row policy; two runs give the same bytes apart from the generated-at time",
      async () => {
        const data = `${tmp}/fixture`;
        await writeFixtureCsv(data);
        await Deno.writeTextFile(
          `${data}/sales.csv`,
          "2025-04-01,North Quay,Leeds,North,Shop,Leisure,Books,Fiction,C01,T9999,1,five,,,\n",
          { append: true },
        );
        const config = `${tmp}/basket.config.json`;
        await Deno.writeTextFile(
          config,
          JSON.stringify({
            data,
            seed: 5,
            asOf: "2025-04-20",
            onBadRows: "skip",
          }),
        );
        const first = result(
          await runCli("report", ["--config", config, "--out", `${tmp}/a`]),
        );
        // Built again, not read from the run cache: the build is deterministic.
        const second = result(
          await runCli("report", [
            "--config",
            config,
            "--no-cache",
            "--out",
            `${tmp}/b`,
          ]),
        );
        const a = await snapshot(first.dir);
        const b = await snapshot(second.dir);
        const json = JSON.parse(a.get("report.json")!);
        assertEquals(json.parameters.data, data);
        assertEquals(json.parameters.seed, 5);
        assertEquals(json.parameters.asOf, "2025-04-20");
        assertEquals(json.sales.headline.period.to, "2025-04-20");
        assertEquals(json.data.rejectedRows, 1);
        assertStringIncludes(a.get("rejected_rows.csv")!, "five");
        assertStringIncludes(
          a.get("index.html")!,
          "<dt>As of</dt><dd>2025-04-20</dd>",
        );
        assertEquals([...a.keys()].sort(), [...b.keys()].sort());
        for (const [name, content] of a) {
          if (name === "index.html") {
            assertEquals(
              withoutGeneratedAt(b.get(name)!),
              withoutGeneratedAt(content),
            );
          } else if (name === "report.json") {
            const other = JSON.parse(b.get(name)!);
            assertEquals(
              { ...other, runId: null, generatedAt: null },
              { ...json, runId: null, generatedAt: null },
            );
          } else assertEquals(b.get(name), content, name);
        }
      },
    );

    await t.step(
      `four times as many lines give a page under 2.5 MB and less than ${MAX_GROWTH} times the default's size`,
      async () => {
        const lines = `${tmp}/lines200k`;
        const simulated = await runCli("simulate", [
          "--lines",
          "200000",
          "--out",
          lines,
        ]);
        assertEquals(simulated.code, 0, simulated.stderr);
        const { dir } = result(
          await runCli("report", ["--data", lines, "--out", `${tmp}/large`]),
        );
        const page = await Deno.readTextFile(`${dir}/index.html`);
        const json = JSON.parse(await Deno.readTextFile(`${dir}/report.json`));
        assertOk(json.data.rows > 190_000, `${json.data.rows} lines`);
        const size = new TextEncoder().encode(page).length;
        assertOk(size < MAX_PAGE_BYTES, `The page has ${size} bytes`);
        assertOk(
          size < MAX_GROWTH * defaultSize,
          `The page has ${size} bytes, the default ${defaultSize}`,
        );
        const { cube } = await pageData(page);
        assertOk(cube.cells.length <= 60_000, `${cube.cells.length} cells`);
      },
    );
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

Deno.test("report on data without a category column leaves the clusters out and says which column they need", async () => {
  const dir = await Deno.makeTempDir({ prefix: "basket-no-category-" });
  try {
    const lines = fixtureSales().filter((l) => l.customer_id).map((l) =>
      `${l.date},${l.customer_id},${l.transaction_id},${l.amount}`
    );
    await Deno.writeTextFile(
      `${dir}/sales.csv`,
      ["Day,Customer,Receipt,Total", ...lines].join("\n") + "\n",
    );
    const run = await runCli("report", [
      "--data",
      `${dir}/sales.csv`,
      "--map",
      "date=Day",
      "--map",
      "customer=Customer",
      "--map",
      "transaction=Receipt",
      "--map",
      "amount=Total",
      "--out",
      `${dir}/reports`,
    ]);
    const { dir: runDir } = result(run);
    const files = await snapshot(runDir);
    const page = files.get("index.html")!;
    assertStringIncludes(
      page,
      '<p class="notice">Clusters of what customers buy need spend in at least two product categories or sub-categories; the data has one (&quot;Uncategorised&quot;). Map a category column (--map category=COLUMN, and sub_category) to see them</p>',
    );
    assertOk(!page.includes('id="chart-pca-scatter"'), "no cluster chart");
    assertOk(!page.includes('name="cluster"'), "no cluster filter");
    assertOk(files.has("rfm-segments.csv"));
    assertOk(
      !files.has("clusters.csv") && !files.has("segment-by-cluster.csv"),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
