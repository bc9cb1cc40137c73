/**
 * `deno task report` through the run cache: a rerun on the same input with
 * the same options reads the whole run from the cache, and one whose run
 * entry is gone reads its load (and the page's script); both write the same
 * files as the first, byte for byte apart from the run id and time. A
 * changed option, a locked run, a damaged entry and `--no-cache` build
 * again; `--no-cache` writes no cache.
 */
import { assertEquals, assertOk, assertStringIncludes } from "../assert.ts";
import { withoutGeneratedAt } from "../report/golden_page.ts";
import { generatedAtText } from "../../src/report/generated_at_text.ts";
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
  const cache = `${tmp}/xdg/basket`;
  const run = (out: string) =>
    runCli("report", [...args, "--out", `${tmp}/${out}`], { env });
  // Built, then read whole from the cache, then built from the cached load.
  const first = await run("a");
  const second = await run("b");
  await dropRunEntries(cache);
  const third = await run("c");
  assertOk(!first.stderr.includes("cache "), first.stderr);
  assertStringIncludes(second.stderr, `report read from ${cache}/report-`);
  assertOk(!/^(load|segmentation|html) /m.test(second.stderr), second.stderr);
  assertOk(!third.stderr.includes("report read from"), third.stderr);
  assertStringIncludes(third.stderr, `load read from ${cache}/load-`);
  const runs = [result(first), result(second), result(third)];
  const [before, ...after] = await Promise.all(
    runs.map(async (r) => comparable(await snapshot(r.dir), r.runId)),
  );
  assertOk(before.has("report.json"));
  for (const files of after) assertEquals(files, before);
  for (const { dir } of runs) {
    // The time blanked above reads the same in both its forms.
    const { generatedAt } = JSON.parse(
      await Deno.readTextFile(`${dir}/report.json`),
    );
    assertStringIncludes(
      await Deno.readTextFile(`${dir}/index.html`),
      `<time datetime="${generatedAt}">${generatedAtText(generatedAt)}</time>`,
    );
  }
  return await snapshot(runs[0].dir);
}

/** Removes the cache's whole runs, leaving its loads and bundles. */
async function dropRunEntries(cache: string): Promise<string[]> {
  const names = [...Deno.readDirSync(cache)].map((e) => e.name)
    .filter((name) => name.startsWith("report-"));
  for (const name of names) {
    await Deno.remove(`${cache}/${name}`, { recursive: true });
  }
  return names;
}

/** The names of the cache's whole runs. */
function runEntries(cache: string): string[] {
  return [...Deno.readDirSync(cache)].map((e) => e.name)
    .filter((name) => name.startsWith("report-")).sort();
}

const FIXTURE =
  "date,store,category,customer_id,transaction_id,quantity,amount\n" +
  [
    "2025-03-03,S1,Books,C1,T1,1,10.5",
    "2025-03-04,S1,Toys,C2,T2,2,31.25",
    "2025-03-04,S1,Toys,C2,T2,2,31.25",
    "2025-03-05,S2,Books,C1,T3,five,12",
    "2025-03-09,S2,Garden,C3,T4,1,7.75",
    "2025-04-01,S1,Books,C4,T5,3,45",
  ].join("\n") + "\n";

Deno.test("report reruns from the cache with the same files: a fixture with a rejected row", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-report-cache-" });
  try {
    await Deno.mkdir(`${tmp}/data`);
    await Deno.writeTextFile(`${tmp}/data/sales.csv`, FIXTURE);
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
      ["bundle", "load", "report"],
    );
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

Deno.test("report builds again for a changed option, a locked run, a damaged entry and --no-cache", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-report-cache-" });
  try {
    await Deno.mkdir(`${tmp}/data`);
    await Deno.writeTextFile(`${tmp}/data/sales.csv`, FIXTURE);
    const cache = `${tmp}/xdg/basket`;
    const env = { XDG_CACHE_HOME: `${tmp}/xdg` };
    const base = ["--data", `${tmp}/data`, "--on-bad-rows", "skip"];
    const report = async (
      args: string[],
      more: Record<string, string> = {},
    ) => {
      const run = await runCli("report", [
        ...base,
        ...args,
        "--out",
        `${tmp}/r`,
      ], {
        env: { ...env, ...more },
      });
      result(run);
      return run.stderr;
    };
    const built = (stderr: string) =>
      !stderr.includes("report read from") && /^segmentation /m.test(stderr);
    assertOk(built(await report([])));
    assertOk(!built(await report([])), "the same options read the run");
    const options = [
      ["--width", "700"],
      ["--top-n", "3"],
      ["--seed", "2"],
      ["--as-of", "2025-04-02"],
      ["--store", "S1"],
    ];
    for (const option of options) {
      const stderr = await report(option);
      assertOk(built(stderr), `${option.join(" ")} builds again: ${stderr}`);
    }
    assertEquals(runEntries(cache).length, 1 + options.length);
    // A locked run neither reads a cached run nor leaves its own.
    const locked = await report([], {
      BASKET_REPORT_PASSWORD: "a long passphrase 7",
    });
    assertOk(built(locked), locked);
    assertEquals(runEntries(cache).length, 1 + options.length);
    // --no-cache builds with an entry there.
    assertOk(built(await report(["--no-cache"])));
    // A damaged entry (changed in place, its size kept) is built again.
    const entries = await dropRunEntries(cache);
    assertEquals(entries.length, 1 + options.length);
    await report([]);
    const [entry] = runEntries(cache);
    const file = `${cache}/${entry}/run.json`;
    const text = await Deno.readTextFile(file);
    await Deno.writeTextFile(file, text.replace("Garden", "Gardem"));
    assertOk(built(await report([])), "a damaged entry builds again");
    const again = await report([]);
    assertStringIncludes(again, `report read from ${cache}/${entry}`);
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

async function exists(path: string): Promise<boolean> {
  return await Deno.stat(path).then(() => true, () => false);
}
