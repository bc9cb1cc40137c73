/**
 * `deno task report` through the run cache: a rerun on the same input reads
 * its load (and the page's script) from the cache and writes the same files,
 * byte for byte apart from the run id and time; `--no-cache` writes no cache.
 */
import { assertEquals, assertOk, assertStringIncludes } from "../assert.ts";
import { withoutGeneratedAt } from "../report/golden_page.ts";
import { type CliRun, runCli } from "./run_cli.ts";

const KAGGLE =
  new URL("../../../shared/datasets/retail-kaggle", import.meta.url)
    .pathname;

function result(run: CliRun): { runId: string; dir: string } {
  assertEquals(run.code, 0, run.stderr);
  return JSON.parse(run.stdout.trim().split("\n").at(-1)!);
}

async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for await (const entry of Deno.readDir(dir)) {
    if (entry.isFile) {
      files.set(entry.name, await Deno.readTextFile(`${dir}/${entry.name}`));
    }
  }
  return files;
}

/** A run's files with its id and time blanked, as a rerun must repeat them. */
function comparable(files: Map<string, string>, runId: string) {
  return new Map(
    [...files].map(([name, text]) => {
      let same = withoutGeneratedAt(text).replaceAll(runId, "(run id)");
      if (name === "report.json") {
        same = same.replace(/"generatedAt": ?"[^"]*"/, '"generatedAt":null');
      }
      return [name, same];
    }),
  );
}

async function rerun(args: string[], tmp: string) {
  const env = { XDG_CACHE_HOME: `${tmp}/xdg` };
  const first = await runCli("report", [...args, "--out", `${tmp}/a`], { env });
  const second = await runCli("report", [...args, "--out", `${tmp}/b`], {
    env,
  });
  const a = result(first);
  const b = result(second);
  assertOk(!first.stderr.includes("cache "), first.stderr);
  assertStringIncludes(second.stderr, `load read from ${tmp}/xdg/basket/load-`);
  const before = await snapshot(a.dir);
  const after = await snapshot(b.dir);
  assertOk(before.has("report.json"));
  assertEquals(comparable(after, b.runId), comparable(before, a.runId));
  return before;
}

Deno.test("report reruns from the cache with the same files: a fixture with a rejected row", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-report-cache-" });
  try {
    await Deno.mkdir(`${tmp}/data`);
    await Deno.writeTextFile(
      `${tmp}/data/sales.csv`,
      "date,store,category,customer_id,transaction_id,quantity,amount\n" +
        [
          "2025-03-03,S1,Books,C1,T1,1,10.5",
          "2025-03-04,S1,Toys,C2,T2,2,31.25",
          "2025-03-04,S1,Toys,C2,T2,2,31.25",
          "2025-03-05,S2,Books,C1,T3,five,12",
          "2025-03-09,S2,Garden,C3,T4,1,7.75",
          "2025-04-01,S1,Books,C4,T5,3,45",
        ].join("\n") + "\n",
    );
    const files = await rerun(
      [
        "--data",
        `${tmp}/data`,
        "--on-bad-rows",
        "skip",
        "--as-of",
        "2025-04-02",
      ],
      tmp,
    );
    assertStringIncludes(files.get("rejected_rows.csv")!, "five");
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

Deno.test("report reruns from the cache with the same files: the retail-kaggle data set", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-report-cache-" });
  try {
    await rerun(["--data", KAGGLE, "--on-bad-rows", "skip"], tmp);
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

Deno.test("report --no-cache and BASKET_NO_CACHE write no cache; --cache-dir names the folder", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-report-cache-" });
  try {
    const env = { XDG_CACHE_HOME: `${tmp}/xdg` };
    const data = ["--data", KAGGLE, "--on-bad-rows", "skip"];
    result(
      await runCli("report", [...data, "--no-cache", "--out", `${tmp}/r`], {
        env,
      }),
    );
    result(
      await runCli("report", [...data, "--out", `${tmp}/r`], {
        env: { ...env, BASKET_NO_CACHE: "1" },
      }),
    );
    assertOk(!(await exists(`${tmp}/xdg`)), "no cache folder");
    result(
      await runCli("report", [
        ...data,
        "--cache-dir",
        `${tmp}/c`,
        "--out",
        `${tmp}/r`,
      ], {
        env,
      }),
    );
    const entries = [...Deno.readDirSync(`${tmp}/c`)].map((e) => e.name);
    assertEquals(
      entries.map((name) => name.split("-")[0]).sort(),
      ["bundle", "load"],
    );
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

async function exists(path: string): Promise<boolean> {
  return await Deno.stat(path).then(() => true, () => false);
}
