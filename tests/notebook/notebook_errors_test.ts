import { assertEquals } from "../assert.ts";
import { notebookErrors } from "../../src/notebook/notebook_errors.ts";

Deno.test("notebookErrors() lists each failed cell with its position, first line of code and error", () => {
  const errors = notebookErrors({
    cells: [
      { cell_type: "markdown", source: ["# Title\n"] },
      { cell_type: "code", source: "const a = 1;", outputs: [] },
      {
        cell_type: "code",
        source: [
          "import {\n",
          "  f,\n",
          '} from "../src/mod.ts";\n',
          "\n",
          "// Why b.\n",
          "  const b = f();\n",
          "b",
        ],
        outputs: [
          { output_type: "stream" },
          {
            output_type: "error",
            ename: "ReferenceError",
            evalue: "f is not defined",
          },
        ],
      },
      {
        cell_type: "code",
        source: "throw new RangeError('x')",
        outputs: [{ output_type: "error", ename: "RangeError", evalue: "x" }],
      },
    ],
  });
  assertEquals(errors, [
    {
      cell: 3,
      code: "const b = f();",
      name: "ReferenceError",
      message: "f is not defined",
    },
    {
      cell: 4,
      code: "throw new RangeError('x')",
      name: "RangeError",
      message: "x",
    },
  ]);
});

Deno.test("notebookErrors() finds nothing in a notebook whose cells all ran", () => {
  assertEquals(
    notebookErrors({
      cells: [{
        cell_type: "code",
        source: "1",
        outputs: [{ output_type: "execute_result" }],
      }],
    }),
    [],
  );
});

Deno.test("notebookErrors() falls back to the import when a cell has nothing else", () => {
  const [error] = notebookErrors({
    cells: [{
      cell_type: "code",
      source: 'import { x } from "./nowhere.ts";',
      outputs: [{ output_type: "error", ename: "TypeError", evalue: "no" }],
    }],
  });
  assertEquals(error.code, 'import { x } from "./nowhere.ts";');
});
