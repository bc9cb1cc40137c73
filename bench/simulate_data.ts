/**
 * What the benches share to make their input: `deno task simulate` run
 * with this Deno, and the PATH that puts it first.
 *
 * @module
 */
import type { BenchSize } from "./bench_args.ts";

const ROOT = new URL("../", import.meta.url).pathname;
const decoder = new TextDecoder();

/** PATH with this Deno first: deno.json's tasks call `deno`. */
export function denoPath(): string {
  const dir = Deno.execPath().replace(/\/[^/]+$/, "");
  return `${dir}:${Deno.env.get("PATH") ?? "/usr/bin:/bin"}`;
}

/**
 * The simulator's arguments for `size`: its default, `--lines N`, or
 * `--customers N --days D` (see BenchSize.customers).
 */
export function simulateArgs(size: BenchSize): string[] {
  if (size.customers) {
    const { count, days } = size.customers;
    return ["--customers", String(count), "--days", String(days)];
  }
  return size.lines === null ? [] : ["--lines", String(size.lines)];
}

/**
 * Runs `deno task simulate` for `size` into `dir` and returns what it
 * printed; throws with its message when it fails.
 */
export async function simulateData(
  size: BenchSize,
  dir: string,
): Promise<string> {
  const output = await new Deno.Command(Deno.execPath(), {
    args: [
      "task",
      "--quiet",
      `--config=${ROOT}deno.json`,
      "simulate",
      ...simulateArgs(size),
      "--out",
      dir,
    ],
    cwd: ROOT,
    env: { PATH: denoPath() },
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!output.success) {
    throw new Error(
      `Cannot simulate ${size.label} sale lines: ${
        decoder.decode(output.stderr).trim()
      }`,
    );
  }
  return decoder.decode(output.stdout).trim();
}
