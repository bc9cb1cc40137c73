/**
 * Bad values as a reader meets them at the command line: exit 65 with a
 * message naming file, row, column and value, or a correct load.
 */
import { assertEquals, assertStringIncludes } from "../assert.ts";
import { openDatabase } from "../../src/source/dataset.ts";
import { runCli } from "./run_cli.ts";

/** Runs `fn` on a new temporary folder, and removes it. */
async function inTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = await Deno.makeTempDir({ prefix: "basket-values-" });
  try {
    await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("inspect exits 65 on a number too large for a double in a CSV", async () => {
  await inTempDir(async (dir) => {
    await Deno.writeTextFile(
      `${dir}/sales.csv`,
      "date,category,amount\n2024-01-01,Books,3\n2024-01-02,Books,1e309\n",
    );
    const run = await runCli("inspect", ["--data", `${dir}/sales.csv`]);
    assertEquals(run.code, 65);
    assertEquals(
      run.stderr.trim(),
      `error: Cannot read sales "${dir}/sales.csv": row 3, column "amount": "1e309" is not a finite number`,
    );
  });
});

Deno.test("inspect exits 65 on NaN in a Parquet file", async () => {
  await inTempDir(async (dir) => {
    const connection = await openDatabase();
    await connection.run(
      `COPY (SELECT * FROM (VALUES (DATE '2024-01-01', 'Books', 3.0), (DATE '2024-01-02', 'Books', 'NaN'::DOUBLE)) t(date, category, amount)) TO '${dir}/sales.parquet' (FORMAT parquet)`,
    );
    connection.closeSync();
    const run = await runCli("inspect", ["--data", dir]);
    assertEquals(run.code, 65);
    assertEquals(
      run.stderr.trim(),
      `error: Cannot read sales "${dir}/sales.parquet": row 2, column "amount": "nan" is not a finite number`,
    );
  });
});

Deno.test("report exits 65 on 0001-01-01 in a two-row file, before any work, and writes nothing", async () => {
  await inTempDir(async (dir) => {
    await Deno.writeTextFile(
      `${dir}/sales.csv`,
      "date,category,amount\n2010-12-01,Books,3\n0001-01-01,Books,4\n",
    );
    const run = await runCli("report", [
      "--data",
      `${dir}/sales.csv`,
      "--out",
      `${dir}/reports`,
    ]);
    assertEquals(run.code, 65);
    assertEquals(
      run.stderr.trim().split("\n").at(-1),
      `error: Cannot read sales "${dir}/sales.csv": row 3, column "date": "0001-01-01" is not a plausible date: Basket reads 1900-01-01 to 2099-12-31`,
    );
    assertEquals(
      [...Deno.readDirSync(dir)].map((e) => e.name),
      ["sales.csv"],
    );
  });
});

Deno.test("inspect reads Excel's 12/1/10 8:26 with --date-format mdy, detects it when a day says so, and asks when none does", async () => {
  await inTempDir(async (dir) => {
    const file = `${dir}/sales.csv`;
    await Deno.writeTextFile(
      file,
      "date,category,amount\n12/1/10 8:26,Books,3\n1/2/11 9:01,Books,4\n",
    );
    const ambiguous = await runCli("inspect", ["--data", file]);
    assertEquals(ambiguous.code, 65);
    assertEquals(
      ambiguous.stderr.trim(),
      `error: Cannot read sales "${file}": column "date": dates are ambiguous: no day or month is above 12, so they could be dd/mm/yyyy or mm/dd/yyyy; pass --date-format dmy or --date-format mdy`,
    );
    const forced = await runCli("inspect", [
      "--data",
      file,
      "--date-format",
      "mdy",
    ]);
    assertEquals(forced.code, 0, forced.stderr);
    assertStringIncludes(
      forced.stdout,
      "Period         2010-12-01 to 2011-01-02",
    );
    await Deno.writeTextFile(
      file,
      "date,category,amount\n12/1/10 8:26,Books,3\n12/13/10 9:01,Books,4\n",
    );
    const detected = await runCli("inspect", ["--data", file]);
    assertEquals(detected.code, 0, detected.stderr);
    assertStringIncludes(
      detected.stdout,
      "Period         2010-12-01 to 2010-12-13",
    );
    assertStringIncludes(detected.stdout, "sales.csv:date: month first");
  });
});
