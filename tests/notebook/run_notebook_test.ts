import { assertEquals, assertOk } from "../assert.ts";
import { failureReason, runNotebook } from "../../src/notebook/run_notebook.ts";
import { notebookKernelSpec } from "../../src/notebook/notebook_kernel.ts";

// The ends of what nbconvert 6 prints when it cannot run a notebook.
const TIMEOUT = `[NbConvertApp] Converting notebook slow.ipynb to notebook
Traceback (most recent call last):
  File "/usr/lib/python3/dist-packages/nbclient/client.py", line 852, in _async_handle_timeout
    raise CellTimeoutError.error_from_timeout_and_cell(
nbclient.exceptions.CellTimeoutError: A cell timed out while it was being executed, after 2 seconds.
The message was: Cell execution timed out.
Here is a preview of the cell contents:
-------------------
await new Promise((r) => setTimeout(r, 8000));

-------------------
`;
const NO_KERNEL = `Traceback (most recent call last):
  File "/usr/lib/python3/dist-packages/jupyter_client/kernelspec.py", line 294, in get_kernel_spec
    raise NoSuchKernel(kernel_name)
jupyter_client.kernelspec.NoSuchKernel: No such kernel named nope
`;

Deno.test("failureReason() gives nbconvert's exception and the cell it was running", () => {
  assertEquals(
    failureReason(TIMEOUT),
    'CellTimeoutError: A cell timed out while it was being executed, after 2 seconds. (in the cell that begins "await new Promise((r) => setTimeout(r, 8000));")',
  );
  assertEquals(
    failureReason(NO_KERNEL),
    "NoSuchKernel: No such kernel named nope",
  );
  assertEquals(
    failureReason("\nsomething odd happened\n\n"),
    "something odd happened",
  );
});

Deno.test("notebookKernelSpec() starts Deno's kernel with the V8 flag DuckDB needs", () => {
  assertEquals(notebookKernelSpec(["/opt/deno"]), {
    argv: ["/opt/deno", "jupyter", "--kernel", "--conn", "{connection_file}"],
    display_name: "Deno (Basket)",
    language: "typescript",
    env: { DENO_V8_FLAGS: "--expose-gc" },
  });
});

Deno.test("runNotebook() succeeds when the kernel crashes as it exits after the last cell", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-notebooks-" });
  try {
    // A kernel that dies of SIGSEGV once Deno's kernel has shut down, as a
    // DuckDB crash at exit would, leaving a mark to show that it did.
    const marker = `${tmp}/crashed`;
    await Deno.mkdir(`${tmp}/path/kernels/crash-at-exit`, { recursive: true });
    await Deno.writeTextFile(
      `${tmp}/path/kernels/crash-at-exit/kernel.json`,
      JSON.stringify({
        argv: [
          "/bin/sh",
          "-c",
          // Jupyter interrupts the kernel (SIGINT) before shutting it down:
          // the shell must outlive that to crash after Deno's kernel exits.
          'trap : INT; "$0" jupyter --kernel --conn "$1"; touch "$2"; kill -SEGV $$',
          Deno.execPath(),
          "{connection_file}",
          marker,
        ],
        display_name: "Deno (crashes at exit)",
        language: "typescript",
      }),
    );
    await Deno.writeTextFile(
      `${tmp}/sum.ipynb`,
      JSON.stringify({
        nbformat: 4,
        nbformat_minor: 5,
        metadata: {},
        cells: [{
          cell_type: "code",
          id: "c1",
          metadata: {},
          // Outputs go through display and a short wait (see display()).
          source: [
            'await Deno.jupyter.display({ "text/plain": "42" }, { raw: true });\n',
            "await new Promise((resolve) => setTimeout(resolve, 50));",
          ],
          execution_count: null,
          outputs: [],
        }],
      }),
    );
    const run = await runNotebook({
      notebook: `${tmp}/sum.ipynb`,
      outDir: `${tmp}/out`,
      kernel: "crash-at-exit",
      timeoutSeconds: 60,
      env: { JUPYTER_PATH: `${tmp}/path`, NO_COLOR: "1" },
    });
    assertEquals(run.errors, []);
    const executed = JSON.parse(await Deno.readTextFile(run.ipynb));
    // nbformat stores text as a list of lines.
    assertEquals(executed.cells[0].outputs[0].data["text/plain"], ["42"]);
    // nbconvert may return before the kernel process ends: wait for the mark.
    for (let i = 0; i < 50 && !(await exists(marker)); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    assertOk(await exists(marker), "the kernel went through its crash");
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}
