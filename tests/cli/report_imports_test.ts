/**
 * What `deno task report` loads at start-up: its static module graph, as
 * `deno info --json` reads it, leaves out the AWS SDK (loaded with
 * `--publish` only), danfojs (the notebooks') and the build (DuckDB, Plot,
 * linkedom: loaded only when the run is not in the cache).
 */
import { assertEquals } from "../assert.ts";

const REPORT = new URL("../../src/cli/report.ts", import.meta.url);

interface Graph {
  roots: string[];
  modules: {
    specifier: string;
    dependencies?: { code?: { specifier: string }; isDynamic?: boolean }[];
  }[];
}

/** Every module a static import chain from `report.ts` reaches. */
async function staticGraph(): Promise<string[]> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", REPORT.pathname],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assertEquals(output.code, 0, new TextDecoder().decode(output.stderr));
  const graph: Graph = JSON.parse(new TextDecoder().decode(output.stdout));
  const modules = new Map(graph.modules.map((m) => [m.specifier, m]));
  const seen = new Set<string>();
  const todo = [...graph.roots];
  while (todo.length) {
    const specifier = todo.pop()!;
    if (seen.has(specifier)) continue;
    seen.add(specifier);
    for (const dependency of modules.get(specifier)?.dependencies ?? []) {
      if (dependency.code && !dependency.isDynamic) {
        todo.push(dependency.code.specifier);
      }
    }
  }
  return [...seen];
}

Deno.test("report's static imports leave out the AWS SDK and danfojs", async () => {
  const graph = await staticGraph();
  assertEquals(
    graph.filter((s) => /@aws-sdk|danfojs/.test(s)),
    [],
  );
  // The graph is read: the run cache is in it.
  assertEquals(graph.some((s) => s.endsWith("/cached_report.ts")), true);
});

Deno.test("report's static imports leave out the build: a run read from the cache starts no DuckDB", async () => {
  const graph = await staticGraph();
  assertEquals(
    graph.filter((s) =>
      /@duckdb|linkedom|@observablehq|build_report\.ts|open_source\.ts/.test(s)
    ),
    [],
  );
});
