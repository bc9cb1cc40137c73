import { assertEquals, assertOk, assertStringIncludes } from "../assert.ts";
import { runCli } from "./run_cli.ts";

const KAGGLE =
  new URL("../../../shared/datasets/retail-kaggle/", import.meta.url).pathname;

Deno.test("inspect prints what the real three-file data set holds and which column fed which field", async () => {
  const run = await runCli("inspect", ["--data", KAGGLE]);
  assertEquals(run.code, 0, run.stderr);
  assertStringIncludes(run.stdout, "Rows read      23,053");
  assertStringIncludes(run.stdout, "Returns        2,177 lines");
  assertStringIncludes(
    run.stdout,
    "Duplicates     13 lines repeat an earlier line (kept)",
  );
  assertStringIncludes(run.stdout, "Period         2011-01-25 to 2014-02-28");
  assertStringIncludes(
    run.stdout,
    "5,506 on sale lines; 5,647 in the customers table",
  );
  assertStringIncludes(run.stdout, "amount ← Transactions.csv: total_amt");
  assertStringIncludes(run.stdout, "Transactions.csv:tran_date: day first");
});

Deno.test("inspect --json prints the same facts as JSON, on the built-in data by default", async () => {
  const run = await runCli("inspect", ["--json"]);
  assertEquals(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout);
  assertEquals(result.source.kind, "simulated");
  assertEquals(result.source.rowsRead, result.summary.lines);
  assertOk(result.summary.lines > 40_000);
  assertEquals(result.summary.categories.length, 6);
});

Deno.test("inspect exits 65 with a message naming file, row, column and value for bad data", async () => {
  const dir = await Deno.makeTempDir({ prefix: "basket-inspect-" });
  try {
    await Deno.writeTextFile(
      `${dir}/sales.csv`,
      "date,category,amount\n2024-01-01,Books,3\n2024-01-02,Books,three\n",
    );
    const run = await runCli("inspect", ["--data", `${dir}/sales.csv`]);
    assertEquals(run.code, 65);
    assertEquals(
      run.stderr.trim(),
      `error: Cannot read sales "${dir}/sales.csv": row 3, column "amount": "three" is not a number`,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("inspect --on-bad-rows skip writes every rejected row with its reason", async () => {
  const dir = await Deno.makeTempDir({ prefix: "basket-inspect-" });
  try {
    await Deno.writeTextFile(
      `${dir}/sales.csv`,
      "date,category,amount\n2024-01-01,Books,3\n2024-01-02,Books,three\n",
    );
    const run = await runCli("inspect", [
      "--data",
      `${dir}/sales.csv`,
      "--on-bad-rows",
      "skip",
      "--rejects",
      `${dir}/rejected.csv`,
    ], { cwd: dir });
    assertEquals(run.code, 0, run.stderr);
    assertStringIncludes(run.stdout, "Rows rejected  1");
    const rejects = await Deno.readTextFile(`${dir}/rejected.csv`);
    assertStringIncludes(
      rejects,
      `${dir}/sales.csv,3,amount,three,"column ""amount"": ""three"" is not a number"`,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("inspect refuses an unknown flag with a usage error", async () => {
  const run = await runCli("inspect", ["--colour", "red"]);
  assertEquals(run.code, 2);
  assertStringIncludes(run.stderr, "--colour");
});

Deno.test("inspect counts the sale lines without a customer id, and report --on-bad-rows skip stops when every row is rejected", async () => {
  const dir = await Deno.makeTempDir({ prefix: "basket-inspect-" });
  try {
    await Deno.writeTextFile(
      `${dir}/sales.csv`,
      "date,category,amount,customer_id\n2024-01-01,Books,3,c1\n2024-01-02,Books,4,\n2024-01-03,Toys,5,\n",
    );
    const run = await runCli("inspect", ["--data", `${dir}/sales.csv`]);
    assertEquals(run.code, 0, run.stderr);
    assertStringIncludes(
      run.stdout,
      "1 on sale lines; 0 in the customers table; 2 sale lines without a customer id",
    );
    await Deno.writeTextFile(
      `${dir}/bad.csv`,
      "date,category,amount\n2024-01-01,Books,three\n2024-01-02,Books,x\n",
    );
    const out = `${dir}/reports`;
    const report = await runCli("report", [
      "--data",
      `${dir}/bad.csv`,
      "--on-bad-rows",
      "skip",
      "--out",
      out,
    ]);
    assertEquals(report.code, 65, report.stderr);
    assertStringIncludes(
      report.stderr,
      `error: Cannot read data "${dir}/bad.csv": has no sale line left: all 2 rows were rejected (2 × column "amount": is not a number)`,
    );
    assertEquals(
      await Deno.stat(`${out}/latest`).then(() => true, () => false),
      false,
      "no report was written",
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("inspect reads a Windows-1252 export and says which encoding it used; --encoding overrides, a bad name exits 2", async () => {
  const dir = await Deno.makeTempDir({ prefix: "basket-inspect-enc-" });
  try {
    await Deno.writeFile(
      `${dir}/sales.csv`,
      new Uint8Array([
        ...new TextEncoder().encode("date,category,amount\n2024-01-01,Caf"),
        0xe9,
        ...new TextEncoder().encode(",3\n"),
      ]),
    );
    const run = await runCli("inspect", ["--data", `${dir}/sales.csv`]);
    assertEquals(run.code, 0, run.stderr);
    assertStringIncludes(
      run.stdout,
      "Encoding       sales.csv: windows-1252 (the file is not valid UTF-8)",
    );
    assertStringIncludes(run.stdout, "Café: 1 lines");
    const given = await runCli("inspect", [
      "--data",
      `${dir}/sales.csv`,
      "--encoding",
      "latin1",
    ]);
    assertStringIncludes(
      given.stdout,
      "sales.csv: windows-1252 (as given by --encoding)",
    );
    const bad = await runCli("inspect", [
      "--data",
      dir,
      "--encoding",
      "klingon",
    ]);
    assertEquals(bad.code, 2);
    assertStringIncludes(
      bad.stderr,
      'Cannot read --encoding "klingon": expected an encoding such as utf-8, windows-1252, latin1, utf-16le or utf-16be',
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("inspect stops at a ragged row with exit 65 and the row's file line", async () => {
  const dir = await Deno.makeTempDir({ prefix: "basket-inspect-ragged-" });
  try {
    await Deno.writeTextFile(
      `${dir}/sales.csv`,
      'date,category,amount\n2024-01-01,"A\nB",1\n2024-01-02,C,2,9\n',
    );
    const run = await runCli("inspect", ["--data", `${dir}/sales.csv`]);
    assertEquals(run.code, 65);
    assertStringIncludes(
      run.stderr,
      `Cannot read sales "${dir}/sales.csv": row 4: has 4 fields where the header has 3`,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

const CDNOW =
  new URL("../../../shared/datasets/cdnow/CDNOW_sample.txt", import.meta.url)
    .pathname;
const CDNOW_FLAGS = [
  "--data",
  CDNOW,
  "--no-header",
  "--delimiter",
  "whitespace",
  "--map",
  "customer=1",
  "--map",
  "date=3",
  "--map",
  "quantity=4",
];

Deno.test("inspect reads CDNOW, whitespace-separated without a header, through --map by column number", async () => {
  const run = await runCli("inspect", [...CDNOW_FLAGS, "--map", "amount=5"]);
  assertEquals(run.code, 0, run.stderr);
  assertStringIncludes(run.stdout, "Rows read      6,919");
  assertStringIncludes(run.stdout, "Rows rejected  0");
  assertStringIncludes(run.stdout, "Period         1997-01-01 to 1998-06-30");
  assertStringIncludes(run.stdout, "Customers      2,357 on sale lines");
  assertStringIncludes(run.stdout, "Uncategorised: 6,919 lines, $244,091.94");
  assertStringIncludes(run.stdout, "amount ← CDNOW_sample.txt: 5");
  // CDNOW writes 19970101: year first, but not ISO.
  assertStringIncludes(
    run.stdout,
    "Dates          CDNOW_sample.txt:3: year first (YYYY-MM-DD or YYYYMMDD)",
  );
});

Deno.test("inspect names the columns of a file without a header when --map names one it lacks, and refuses an unknown --delimiter", async () => {
  const run = await runCli("inspect", [...CDNOW_FLAGS, "--map", "amount=7"]);
  assertEquals(run.code, 65);
  assertEquals(
    run.stderr.trim(),
    `error: Cannot read sales "${CDNOW}": column "7": is mapped to amount but the file has no header and 5 columns, numbered 1 to 5`,
  );
  const bad = await runCli("inspect", [
    "--data",
    CDNOW,
    "--delimiter",
    "space",
  ]);
  assertEquals(bad.code, 2);
  assertStringIncludes(
    bad.stderr,
    'Cannot read --delimiter "space": expected "," or ";" or "tab" or "|" or "whitespace"',
  );
});
