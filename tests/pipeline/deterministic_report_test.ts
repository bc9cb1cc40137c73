/**
 * The same input and options give the same report bytes on every run, with
 * the report's queries spread over several DuckDB threads. The data is big
 * enough (over 2 DuckDB row groups of 122,880 rows) for DuckDB to aggregate
 * in parallel; four threads are asked for even on a 2-core machine, so that
 * the threads' partial sums meet in varying order.
 */
import {
  type BuildEffects,
  buildReport,
  type BuildReportOptions,
} from "../../src/pipeline/build_report.ts";
import { discardSegments } from "../../src/pipeline/run_scratch.ts";
import { openSource } from "../../src/source/open_source.ts";
import { assertEquals, assertOk } from "../assert.ts";
import { runCli } from "../cli/run_cli.ts";

// Few customers over many days: the lines DuckDB needs, and a quick
// segmentation (k fixed, not chosen).
const options = (data: string): BuildReportOptions => ({
  source: { data },
  seed: 7,
  k: 3,
});

function effects(): BuildEffects {
  return {
    openSource: async (options) => {
      const loaded = await openSource(options);
      await loaded.dataset.connection.run("SET threads = 4");
      return loaded;
    },
    now: () => new Date("2025-10-01T08:00:00.000Z"),
    log: () => {},
    bundleClient: () => Promise.resolve("/* page script */"),
  };
}

Deno.test("the report's bytes are the same on every run with four DuckDB threads", async () => {
  const data = await Deno.makeTempDir({ prefix: "basket-threads-" });
  const runs: Map<string, string>[] = [];
  try {
    const simulated = await runCli("simulate", [
      "--customers",
      "3000",
      "--days",
      "800",
      "--seed",
      "7",
      "--out",
      data,
    ]);
    assertEquals(simulated.code, 0, simulated.stderr);
    for (let run = 0; run < 3; run++) {
      const built = await buildReport(options(data), effects());
      // segments.json is on disk, beside the files held in memory.
      const files = new Map(built.files);
      files.set("segments.json", await Deno.readTextFile(built.segments!));
      await discardSegments(built.segments);
      runs.push(files);
    }
  } finally {
    await Deno.remove(data, { recursive: true });
  }
  const [first, ...others] = runs;
  const json = JSON.parse(first.get("report.json")!);
  assertOk(json.sales.headline.saleLines > 250_000, "lines");
  for (const other of others) {
    assertEquals([...other.keys()], [...first.keys()]);
    const differing = [...first.keys()].filter((name) =>
      other.get(name) !== first.get(name)
    );
    assertEquals(differing, [], "files that differ between runs");
  }
});
