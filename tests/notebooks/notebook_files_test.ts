import {
  NOTEBOOK_KERNEL,
  NOTEBOOK_KERNEL_DISPLAY_NAME,
} from "../../src/notebook/notebook_kernel.ts";
import { assertEquals, assertOk } from "../assert.ts";
import {
  type Notebook,
  NOTEBOOK_NAMES,
  readNotebook,
  sourceOf,
} from "./executed_notebook.ts";

const ROOT = new URL("../../", import.meta.url);
const NOTEBOOKS = new URL("notebooks/", ROOT);

const IMPORT = /^import\s*\{([^}]*)\}\s*from\s*"([^"]+)";\s*$/gm;

async function notebooks(): Promise<[string, Notebook, string][]> {
  return await Promise.all(NOTEBOOK_NAMES.map(async (name) => {
    const url = new URL(name, NOTEBOOKS);
    return [name, await readNotebook(url), await Deno.readTextFile(url)] as [
      string,
      Notebook,
      string,
    ];
  }));
}

Deno.test("the notebooks are the four in notebooks/, committed with their outputs cleared, for Deno's kernel", async () => {
  const found = [];
  for await (const entry of Deno.readDir(NOTEBOOKS)) found.push(entry.name);
  assertEquals(found.sort(), NOTEBOOK_NAMES);
  for (const [name, notebook, text] of await notebooks()) {
    assertOk(!text.includes('"output_type"'), `${name} has outputs`);
    for (const cell of notebook.cells) {
      if (cell.cell_type !== "code") continue;
      assertEquals(cell.outputs, [], name);
      assertEquals(cell.execution_count, null, name);
    }
    // The kernel `notebooks --install-kernel` registers, so that JupyterLab
    // and VS Code open the notebooks with it without asking.
    assertEquals(notebook.metadata.kernelspec?.name, NOTEBOOK_KERNEL, name);
    assertEquals(
      notebook.metadata.kernelspec?.display_name,
      NOTEBOOK_KERNEL_DISPLAY_NAME,
      name,
    );
    assertEquals(notebook.metadata.kernelspec?.language, "typescript", name);
  }
});

Deno.test("the notebooks import only from src/mod.ts and name their parameters' environment variables in the first code cell", async () => {
  const expected: Record<string, string[]> = {
    "00_your_data.ipynb": [
      "DATA",
      "MAP",
      "DATE_FORMAT",
      "ON_BAD_ROWS",
      "ENCODING",
      "SEED",
    ],
    "01_sales_analysis.ipynb": [
      "DATA",
      "MAP",
      "DATE_FORMAT",
      "ON_BAD_ROWS",
      "ENCODING",
      "AS_OF",
      "SEED",
    ],
    "02_customer_segments.ipynb": [
      "DATA",
      "MAP",
      "DATE_FORMAT",
      "ON_BAD_ROWS",
      "ENCODING",
      "AS_OF",
      "SEED",
      "K",
    ],
    "03_customer_value.ipynb": [
      "DATA",
      "MAP",
      "DATE_FORMAT",
      "ON_BAD_ROWS",
      "ENCODING",
      "AS_OF",
      "SEED",
      "K",
    ],
  };
  for (const [name, notebook] of await notebooks()) {
    const code = notebook.cells.filter((cell) => cell.cell_type === "code")
      .map(sourceOf);
    for (const cell of code) {
      for (const line of cell.split("\n")) {
        if (/^\s*import\b/.test(line)) {
          assertOk(/^import \{/.test(line), `${name}: ${line}`);
        }
      }
      for (const [, , from] of cell.matchAll(IMPORT)) {
        assertEquals(from, "../src/mod.ts", name);
      }
      assertOk(!/\bimport\(/.test(cell), `${name} imports dynamically`);
    }
    const named = [...code[0].matchAll(/Deno\.env\.get\("BASKET_(\w+)"\)/g)]
      .map((match) => match[1]);
    assertEquals(named, expected[name], name);
    assertOk(code[0].includes("notebookParameters("), name);
    assertOk(code[0].includes("await display(parameters)"), name);
    const summaries = notebook.cells.filter((cell) =>
      cell.metadata.tags?.includes("summary")
    );
    assertEquals(summaries.length, 1, `${name} has one summary cell`);
  }
});

Deno.test("the notebooks' code type-checks against src/mod.ts", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-notebook-check-" });
  try {
    const files: string[] = [];
    for (const [name, notebook] of await notebooks()) {
      // One module per notebook: its imports merged, then every cell in order.
      const imported = new Set<string>();
      const body: string[] = [];
      for (const cell of notebook.cells) {
        if (cell.cell_type !== "code") continue;
        const source = sourceOf(cell);
        for (const [, names] of source.matchAll(IMPORT)) {
          for (const item of names.split(",")) {
            if (item.trim()) imported.add(item.trim());
          }
        }
        body.push(source.replace(IMPORT, ""));
      }
      const file = `${tmp}/${name.replace(".ipynb", ".ts")}`;
      await Deno.writeTextFile(
        file,
        `import { ${[...imported].join(", ")} } from "${
          new URL("src/mod.ts", ROOT).href
        }";\n${body.join("\n")}\nexport {};\n`,
      );
      files.push(file);
    }
    const output = await new Deno.Command(Deno.execPath(), {
      args: [
        "check",
        "--quiet",
        `--config=${new URL("deno.json", ROOT).pathname}`,
        ...files,
      ],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assertEquals(
      output.code,
      0,
      new TextDecoder().decode(output.stderr),
    );
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

// deno fmt skips notebooks/ (see deno.json): Deno 2.9.5's `fmt --check`
// reports a formatted .ipynb as unformatted, with an empty diff, whenever
// its cache has not seen the file formatted. Each code cell is checked here
// as the TypeScript it is instead.
Deno.test("every code cell of every notebook is formatted as deno fmt formats TypeScript", async () => {
  const dir = await Deno.makeTempDir({ prefix: "basket-cells-" });
  try {
    const files: string[] = [];
    for (const [name, notebook] of await notebooks()) {
      notebook.cells.forEach((cell, i) => {
        if (cell.cell_type !== "code") return;
        files.push(`${dir}/${name.replace(".ipynb", "")}-cell-${i + 1}.ts`);
        Deno.writeTextFileSync(files.at(-1)!, `${sourceOf(cell)}\n`);
      });
    }
    assertOk(files.length > 10, `${files.length} code cells`);
    const output = await new Deno.Command(Deno.execPath(), {
      args: ["fmt", "--check", "--no-config", ...files],
      stdout: "piped",
      stderr: "piped",
    }).output();
    assertOk(
      output.success,
      new TextDecoder().decode(output.stderr).replaceAll(`${dir}/`, ""),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
