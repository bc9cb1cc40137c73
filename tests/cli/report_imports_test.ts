/**
 * What `deno task report` loads at start-up: its static module graph, as
 * `deno info --json` reads it, leaves out the AWS SDK (loaded with
 * `--publish` only), danfojs (the notebooks') and the build (DuckDB, Plot,
 * linkedom: loaded only when the run is not in the cache); and that a first
 * run, which loads the build, leaves out the warehouse client (`pg`, loaded
 * for a `postgresql://` URL only) and puppeteer-core (`--pdf` only).
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

/** `deno info --json` of `report.ts`: every module it can load, dynamic imports followed. */
async function reportGraph(): Promise<Graph> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: ["info", "--json", REPORT.pathname],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assertEquals(output.code, 0, new TextDecoder().decode(output.stderr));
  return JSON.parse(new TextDecoder().decode(output.stdout));
}

/** Every module a static import chain from one of `roots` reaches. */
function staticClosure(graph: Graph, roots: string[]): string[] {
  const modules = new Map(graph.modules.map((m) => [m.specifier, m]));
  const seen = new Set<string>();
  const todo = [...roots];
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

/** Every module a static import chain from `report.ts` reaches. */
async function staticGraph(): Promise<string[]> {
  const graph = await reportGraph();
  return staticClosure(graph, graph.roots);
}

/**
 * What a first `report` run loads (no cached run to read): report.ts's
 * static graph and that of each module buildOrReuse imports to build.
 */
function firstRunGraph(graph: Graph): string[] {
  const build = graph.modules.find((m) =>
    m.specifier.endsWith("/src/pipeline/build_or_reuse.ts")
  );
  const built = (build?.dependencies ?? []).filter((d) => d.code && d.isDynamic)
    .map((d) => d.code!.specifier);
  // The build's modules are read: build_report.ts is one of them.
  assertEquals(built.some((s) => s.endsWith("/build_report.ts")), true);
  return staticClosure(graph, [...graph.roots, ...built]);
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

Deno.test("a first report run, without --pdf or a postgresql:// URL, loads neither pg nor puppeteer-core", async () => {
  const graph = await reportGraph();
  const clients = /npm:\/?(pg|puppeteer-core)@/;
  assertEquals(firstRunGraph(graph).filter((s) => clients.test(s)), []);
  // Both are in the graph, loaded where they are used (a warehouse, --pdf).
  assertEquals(
    graph.modules.map((m) => m.specifier).filter((s) => clients.test(s))
      .map((s) => s.replace(/@[^@]*$/, "")).sort(),
    ["npm:/pg", "npm:/puppeteer-core"],
  );
});
