import { assertEquals, assertOk, assertStringIncludes } from "../assert.ts";
import { runCli } from "./run_cli.ts";

const CDNOW =
  new URL("../../../shared/datasets/cdnow/CDNOW_sample.txt", import.meta.url)
    .pathname;
/** CDNOW read as a user reads it (see its README): no header, whitespace. */
const CDNOW_FLAGS = [
  "--data",
  CDNOW,
  "--no-header",
  "--delimiter",
  "whitespace",
  "--map",
  "customer=2",
  "--map",
  "date=3",
  "--map",
  "quantity=4",
  "--map",
  "amount=5",
];

Deno.test("report on CDNOW with --holdout-from shows the customer value and the papers' holdout check", async () => {
  const out = await Deno.makeTempDir();
  try {
    const run = await runCli("report", [
      ...CDNOW_FLAGS,
      "--out",
      out,
      "--holdout-from",
      "1997-10-01",
      "--value-weeks",
      "39",
      "--discount-rate",
      "1.5%",
    ]);
    assertEquals(run.code, 0, run.stderr);
    const { dir } = JSON.parse(run.stdout.trim().split("\n").at(-1)!);
    const json = JSON.parse(await Deno.readTextFile(`${dir}/report.json`));
    const value = json.value;
    assertEquals(value.settings, {
      weeks: 39,
      monthlyDiscount: 0.015,
      months: 12,
    });
    assertEquals(value.fitted, true);
    assertEquals(value.customers, 2357);
    // The holdout check is fitted to the calibration period alone: the
    // published parameters, and the paper's figure 4.
    const holdout = value.holdout;
    assertEquals(holdout.calibrationEnd, "1997-09-30");
    assertEquals([holdout.from, holdout.to, holdout.weeks], [
      "1997-10-01",
      "1998-06-30",
      39,
    ]);
    const { r, alpha, a, b } = holdout.params.bgNbd;
    assertEquals(
      [r, alpha, a, b].map((v: number) => v.toFixed(3)),
      ["0.243", "4.414", "0.793", "2.426"],
    );
    assertEquals(
      holdout.rows.map((row: { actual: number; predicted: number }) =>
        row.predicted.toFixed(2)
      ),
      ["0.23", "0.52", "1.04", "1.52", "2.16", "2.65", "3.50", "6.16"],
    );
    // The value itself is fitted to every purchase up to the last day.
    assertEquals(value.calibrationEnd, "1998-06-30");
    const segments = value.bySegment.reduce(
      (n: number, row: { customers: number }) => n + row.customers,
      0,
    );
    assertEquals(segments, 2357);
    const page = await Deno.readTextFile(`${dir}/index.html`);
    for (
      const id of [
        'id="value"',
        'id="chart-value-distribution"',
        'id="chart-alive-heatmap"',
        'id="chart-value-holdout"',
        'id="table-value-top-customers"',
        'id="table-value-by-segment"',
        'id="table-value-holdout"',
        '<a href="#value">Customer value</a>',
      ]
    ) assertStringIncludes(page, id);
    assertOk(!page.includes('id="value-not-fitted"'));
    // Headings in the section never skip a level (charts' titles are h4).
    const section = page.slice(
      page.indexOf('<section id="value"'),
      page.indexOf("</section>", page.indexOf('<section id="value"')),
    );
    const levels = [...section.matchAll(/<h([1-6])\b/g)].map((m) =>
      Number(m[1])
    );
    assertEquals(levels[0], 2);
    levels.forEach((level, i) =>
      assertOk(i === 0 || level <= levels[i - 1] + 1, `levels ${levels}`)
    );
    const top = await Deno.readTextFile(`${dir}/value-top-customers.csv`);
    assertEquals(top.split("\r\n").length, 22); // header, 20 rows, ""
    assertStringIncludes(
      top.split("\r\n")[0],
      "Predicted 12-month value (USD)",
    );
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("report refuses a --holdout-from outside the purchases, a bad --discount-rate and a misspelt flag, before writing anything", async () => {
  const out = await Deno.makeTempDir();
  try {
    const late = await runCli("report", [
      ...CDNOW_FLAGS,
      "--out",
      out,
      "--holdout-from",
      "1999-01-01",
    ]);
    assertEquals(late.code, 2, late.stderr);
    assertEquals(
      late.stderr.trim().split("\n").at(-1),
      "error: Cannot use --holdout-from 1999-01-01: the purchases end on 1998-06-30",
    );
    const early = await runCli("report", [
      ...CDNOW_FLAGS,
      "--out",
      out,
      "--holdout-from",
      "1997-01-01",
    ]);
    assertEquals(early.code, 2, early.stderr);
    assertEquals(
      early.stderr.trim().split("\n").at(-1),
      "error: Cannot use --holdout-from 1997-01-01: the purchases run from 1997-01-01 to 1998-06-30",
    );
    const rate = await runCli("report", ["--discount-rate", "2"]);
    assertEquals(rate.code, 2);
    assertStringIncludes(
      rate.stderr,
      'Cannot read --discount-rate "2": expected a rate from 0 to below 1, as a decimal or a percentage, like 0.01 or 1%',
    );
    const weeks = await runCli("report", [], {
      env: { BASKET_VALUE_WEEKS: "0" },
    });
    assertEquals(weeks.code, 2);
    assertStringIncludes(weeks.stderr, 'Cannot read BASKET_VALUE_WEEKS "0"');
    const typo = await runCli("report", ["--holdout-frm", "1997-10-01"]);
    assertEquals(typo.code, 2);
    assertStringIncludes(
      typo.stderr,
      'Unknown option "--holdout-frm" (did you mean "--holdout-from"?)',
    );
    assertEquals([...Deno.readDirSync(out)].length, 0);
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});
