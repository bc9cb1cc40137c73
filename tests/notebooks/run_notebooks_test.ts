import { reportJson as reportJsonText } from "../../src/report/report_json.ts";
import type { ReportModel } from "../../src/report/report_model.ts";
import { resolve } from "node:path";
import { assertEquals, assertOk, assertStringIncludes } from "../assert.ts";
import { runCli } from "../cli/run_cli.ts";
import {
  type Notebook,
  NOTEBOOK_NAMES,
  parametersShown,
  problems,
  readNotebook,
  summaryShown,
} from "./executed_notebook.ts";

/** A value as report.json writes it: numbers to 15 significant digits. */
function asInReportJson<T>(value: T): T {
  return JSON.parse(reportJsonText(value as unknown as ReportModel));
}

const ROOT = new URL("../../", import.meta.url).pathname;
const KAGGLE = "../shared/datasets/retail-kaggle";

/** The report.json of `deno task report` with the given flags. */
async function reportJson(args: string[], out: string) {
  const run = await runCli("report", ["--out", out, ...args]);
  assertEquals(run.code, 0, run.stderr);
  const { dir } = JSON.parse(run.stdout.trim().split("\n").pop()!);
  return JSON.parse(await Deno.readTextFile(`${dir}/report.json`));
}

/** Runs `deno task notebooks` and reads the executed notebooks. */
async function runNotebooks(
  args: string[],
  env: Record<string, string>,
): Promise<Map<string, { notebook: Notebook; html: string }>> {
  const run = await runCli("notebooks", args, { env });
  assertEquals(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout.trim().split("\n").pop()!);
  const executed = new Map<string, { notebook: Notebook; html: string }>();
  for (const entry of result.notebooks) {
    executed.set(`${entry.name}.ipynb`, {
      notebook: await readNotebook(entry.ipynb),
      html: await Deno.readTextFile(entry.html),
    });
    assertEquals(entry.errors, 0);
  }
  return executed;
}

/** The segments, k and cluster sizes of a report, as the notebook shows them. */
function reportSegmentation(report: {
  customers: {
    count: number;
    rfm: { asOf: string; segments: { name: string; customers: number }[] };
    clusters: { k: number; clusters: { size: number }[] };
  };
}) {
  const sizes = report.customers.clusters.clusters.map((c) => c.size);
  return {
    asOf: report.customers.rfm.asOf,
    customers: report.customers.count,
    segments: report.customers.rfm.segments.map((s) => ({
      segment: s.name,
      customers: s.customers,
    })),
    k: report.customers.clusters.k,
    clusterSizes: sizes,
    largestCluster: Math.max(...sizes),
  };
}

/** The customer value of a report, as the notebook shows it. */
function reportValue(report: {
  value: {
    calibrationEnd: string;
    customers: number;
    repeatCustomers: number;
    fitted: boolean;
    totals?: { value: number; expectedPurchases: number };
    bySegment?: { group: string; customers: number; value: number }[];
  };
}) {
  const v = report.value;
  return {
    calibrationEnd: v.calibrationEnd,
    customers: v.customers,
    repeatCustomers: v.repeatCustomers,
    fitted: v.fitted,
    totalValue: v.totals?.value,
    expectedPurchases: v.totals?.expectedPurchases,
    bySegment: v.bySegment?.map((row) => ({
      segment: row.group,
      customers: row.customers,
      value: row.value,
    })),
  };
}

function notebookValue(summary: Record<string, unknown>) {
  const {
    calibrationEnd,
    customers,
    repeatCustomers,
    fitted,
    totalValue,
    expectedPurchases,
    bySegment,
  } = summary;
  return {
    calibrationEnd,
    customers,
    repeatCustomers,
    fitted,
    totalValue,
    expectedPurchases,
    bySegment,
  };
}

function notebookSegmentation(summary: Record<string, unknown>) {
  const { asOf, customers, segments, k, clusterSizes, largestCluster } =
    summary;
  return { asOf, customers, segments, k, clusterSizes, largestCluster };
}

Deno.test("deno task notebooks runs every notebook on the built-in data without an error and shows the report's figures", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-notebooks-" });
  try {
    const executed = await runNotebooks(["--out", `${tmp}/out`], {
      JUPYTER_DATA_DIR: `${tmp}/jupyter`,
    });
    assertEquals([...executed.keys()], NOTEBOOK_NAMES);
    for (const [name, { notebook, html }] of executed) {
      assertEquals(problems(notebook), [], name);
      assertEquals(
        parametersShown(notebook).seed,
        1,
        `${name} shows its parameters`,
      );
      // A standalone page: tables and charts inline, no script to fetch.
      assertStringIncludes(html, '<table class="dataframe">');
      assertOk(!/<script[^>]+src=/.test(html), `${name}.html loads a script`);
    }
    const sales = executed.get("01_sales_analysis.ipynb")!;
    const segments = executed.get("02_customer_segments.ipynb")!;
    const data = executed.get("00_your_data.ipynb")!;
    assertEquals(sales.html.match(/<svg/g)!.length >= 13, true);
    assertEquals(segments.html.match(/<svg/g)!.length >= 7, true);
    const report = await reportJson([], `${tmp}/report`);
    assertEquals(
      asInReportJson(summaryShown(sales.notebook).totalSales),
      report.sales.total,
    );
    assertEquals(
      asInReportJson(notebookSegmentation(summaryShown(segments.notebook))),
      reportSegmentation(report),
    );
    const read = summaryShown(data.notebook);
    assertEquals([read.kind, read.rowsRead], [
      report.data.kind,
      report.data.rows,
    ]);
    const value = summaryShown(
      executed.get("03_customer_value.ipynb")!.notebook,
    );
    // The notebook's sums and the report's may add in another order:
    // values agree to 1e-9.
    const rounded = (figures: Record<string, unknown>) =>
      JSON.parse(
        JSON.stringify(figures, (_, v) =>
          typeof v === "number" ? Number(v.toPrecision(9)) : v),
      );
    assertEquals(
      rounded(asInReportJson(notebookValue(value))),
      rounded(reportValue(report)),
    );
    // Running the notebooks registered no kernel in Jupyter's data folder.
    assertEquals(
      await Deno.stat(`${tmp}/jupyter`).then(() => true, () => false),
      false,
    );
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

Deno.test("deno task notebooks reads the real data set through BASKET_DATA and the notebooks match its report", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-notebooks-" });
  try {
    const flags = ["--seed", "2", "--as-of", "2014-01-01"];
    const executed = await runNotebooks(
      ["--out", `${tmp}/out`, ...flags],
      { JUPYTER_DATA_DIR: `${tmp}/jupyter`, BASKET_DATA: KAGGLE },
    );
    assertEquals([...executed.keys()], NOTEBOOK_NAMES);
    for (const [name, { notebook }] of executed) {
      assertEquals(problems(notebook), [], name);
    }
    const data = executed.get("00_your_data.ipynb")!.notebook;
    const sales = executed.get("01_sales_analysis.ipynb")!.notebook;
    const segments = executed.get("02_customer_segments.ipynb")!.notebook;
    assertEquals(parametersShown(segments), {
      data: resolve(ROOT, KAGGLE),
      onBadRows: "fail",
      asOf: "2014-01-01",
      seed: 2,
    });
    const report = await reportJson(
      ["--data", resolve(ROOT, KAGGLE), ...flags],
      `${tmp}/report`,
    );
    assertEquals(
      asInReportJson(summaryShown(sales).totalSales),
      report.sales.total,
    );
    const summary = summaryShown(segments);
    assertEquals(summary.seed, 2);
    assertEquals(
      asInReportJson(notebookSegmentation(summary)),
      reportSegmentation(report),
    );
    const read = summaryShown(data);
    assertEquals(
      [read.kind, read.rowsRead, read.customers],
      ["three-file", 23_053, 5_506],
    );
    assertEquals(read.rowsRead, report.data.rows);
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});
