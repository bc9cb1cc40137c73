/**
 * The architecture test: reads every module's imports (type imports
 * included) and checks the rules in docs/architecture.md.
 */
import { assertEquals } from "./assert.ts";

const SRC = new URL("../src/", import.meta.url);
const CONFIG = new URL("../deno.json", import.meta.url);

/**
 * The folders of `src/` from the bottom up. A module imports only from its
 * own folder's layer or a layer before it. Keep in step with
 * docs/architecture.md.
 */
export const LAYERS = [
  "model",
  "stats",
  "figures",
  "simulator",
  "source",
  "analysis",
  "charts",
  "report",
  "pipeline",
  "publish",
  "schedule",
  "notebook",
  "cli",
] as const;

/** Folders whose modules run in the report page: no DuckDB, no Deno, no Node. */
const BROWSER_SAFE = ["model", "stats", "figures", "charts"];
/** Entry points bundled for the page; everything they reach must be browser-safe. */
const PAGE_ENTRIES = ["report/client/main.ts"];

interface Module {
  /** Path under src/, for example `analysis/sales/daily_sales.ts`. */
  path: string;
  /** Imports of modules in src/, type-only ones included, as paths under src/. */
  local: string[];
  /** Other imports (`npm:`, `node:` and the like), as Deno resolved them. */
  external: string[];
  /** Whether the code (comment lines aside) uses the `Deno` namespace. */
  usesDeno: boolean;
}

interface InfoDependency {
  code?: { specifier: string };
  type?: { specifier: string };
}

/**
 * Every module under src/ with its imports, read from Deno's own module graph
 * (`deno info --json`), so that type imports count and JSDoc examples do not.
 */
async function readModules(): Promise<Map<string, Module>> {
  const paths: string[] = [];
  async function walk(dir: string): Promise<void> {
    for await (const entry of Deno.readDir(new URL(dir, SRC))) {
      const path = `${dir}${entry.name}`;
      if (entry.isDirectory) await walk(`${path}/`);
      else if (entry.name.endsWith(".ts")) paths.push(path);
    }
  }
  await walk("");
  const entry = await Deno.makeTempFile({ suffix: ".ts" });
  try {
    await Deno.writeTextFile(
      entry,
      paths.map((path) => `import "${new URL(path, SRC).href}";\n`).join(""),
    );
    const output = await new Deno.Command(Deno.execPath(), {
      args: ["info", "--json", `--config=${CONFIG.pathname}`, entry],
      stdout: "piped",
      stderr: "piped",
    }).output();
    if (!output.success) {
      throw new Error(new TextDecoder().decode(output.stderr));
    }
    const info: {
      modules: { specifier: string; dependencies?: InfoDependency[] }[];
    } = JSON.parse(new TextDecoder().decode(output.stdout));
    const modules = new Map<string, Module>();
    for (const { specifier, dependencies = [] } of info.modules) {
      if (!specifier.startsWith(SRC.href)) continue;
      const path = specifier.slice(SRC.href.length);
      const local: string[] = [];
      const external: string[] = [];
      for (const dependency of dependencies) {
        for (const target of [dependency.code, dependency.type]) {
          if (!target) continue;
          if (target.specifier.startsWith(SRC.href)) {
            local.push(target.specifier.slice(SRC.href.length));
          } else external.push(target.specifier);
        }
      }
      const code = (await Deno.readTextFile(new URL(path, SRC))).split("\n")
        .filter((line) => !/^\s*(\*|\/\/|\/\*)/.test(line)).join("\n");
      modules.set(path, {
        path,
        local: [...new Set(local)],
        external: [...new Set(external)],
        usesDeno: /\bDeno\./.test(code),
      });
    }
    return modules;
  } finally {
    await Deno.remove(entry);
  }
}

const MODULES = await readModules();

/** The layer of a module: the index of its top folder in LAYERS. */
function layerOf(path: string): number {
  const top = path.split("/")[0];
  if (path === "version.ts") return 0;
  if (path === "mod.ts") return LAYERS.length;
  return LAYERS.indexOf(top as typeof LAYERS[number]);
}

Deno.test("every folder of src/ is a layer of the architecture", () => {
  const unknown = [...MODULES.keys()].filter((path) => layerOf(path) === -1);
  assertEquals(unknown, []);
});

Deno.test("no module imports against the layer order", () => {
  const against: string[] = [];
  for (const module of MODULES.values()) {
    for (const target of module.local) {
      if (layerOf(target) > layerOf(module.path)) {
        against.push(`${module.path} imports ${target}`);
      }
    }
  }
  assertEquals(against, []);
});

/** Import cycles, each as the list of its modules (Tarjan's algorithm). */
export function importCycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter++;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!graph.has(next)) continue;
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      const selfLoop = (graph.get(node) ?? []).includes(node);
      if (component.length > 1 || selfLoop) cycles.push(component.sort());
    }
  };
  for (const node of [...graph.keys()].sort()) {
    if (!index.has(node)) visit(node);
  }
  return cycles;
}

Deno.test("importCycles() finds a cycle through type imports and none in a chain", () => {
  assertEquals(
    importCycles(
      new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", []]]),
    ),
    [["a", "b", "c"]],
  );
  assertEquals(importCycles(new Map([["a", ["b"]], ["b", []]])), []);
});

Deno.test("no import cycle, type imports included", () => {
  const graph = new Map(
    [...MODULES.values()].map((module) => [module.path, module.local]),
  );
  assertEquals(importCycles(graph), []);
});

Deno.test("model, stats, figures, charts and the page's script use no DuckDB, Deno or Node API", () => {
  const starts = [...MODULES.keys()].filter((path) =>
    BROWSER_SAFE.includes(path.split("/")[0]) || PAGE_ENTRIES.includes(path)
  );
  const unsafe: string[] = [];
  const seen = new Set<string>();
  const pending = [...starts];
  while (pending.length) {
    const path = pending.pop()!;
    if (seen.has(path)) continue;
    seen.add(path);
    const module = MODULES.get(path);
    if (!module) continue;
    if (module.usesDeno) unsafe.push(`${path} uses Deno`);
    for (const specifier of module.external) {
      if (specifier.startsWith("node:") || specifier.includes("duckdb")) {
        unsafe.push(`${path} imports ${specifier}`);
      }
    }
    pending.push(...module.local);
  }
  assertEquals(unsafe, []);
});

Deno.test("no file in src/ is over 400 lines and no folder holds over 30 files", async () => {
  const long: string[] = [];
  const perFolder = new Map<string, number>();
  for (const path of MODULES.keys()) {
    const lines = (await Deno.readTextFile(new URL(path, SRC))).split("\n");
    if (lines.length > 400) long.push(`${path}: ${lines.length} lines`);
    const folder = path.includes("/")
      ? path.slice(0, path.lastIndexOf("/"))
      : ".";
    perFolder.set(folder, (perFolder.get(folder) ?? 0) + 1);
  }
  const crowded = [...perFolder].filter(([, n]) => n > 30).map(([folder, n]) =>
    `${folder}: ${n} files`
  );
  assertEquals([...long, ...crowded], []);
});
