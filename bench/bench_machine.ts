/**
 * What the bench needs of the machine: the Debian packages it runs with
 * (installed when missing) and the description of the machine its results
 * record.
 *
 * @module
 */
import { CliError } from "../src/model/cli_error.ts";
import type { BenchMachine } from "./bench_result.ts";

/** GNU time, which times each pipeline's process. */
export const TIME = "/usr/bin/time";
/** Debian's Python, which runs the reference. */
export const PYTHON = "/usr/bin/python3";
const LIBRARIES =
  "import pandas, matplotlib, seaborn, sklearn, numpy; print(f'pandas {pandas.__version__}, matplotlib {matplotlib.__version__}, seaborn {seaborn.__version__}, scikit-learn {sklearn.__version__}, numpy {numpy.__version__}')";

const decoder = new TextDecoder();
const log = (message: string) => console.error(message);

async function succeeds(command: string, args: string[]): Promise<boolean> {
  try {
    const output = await new Deno.Command(command, {
      args,
      stdout: "null",
      stderr: "null",
    }).output();
    return output.success;
  } catch {
    return false;
  }
}

/** Installs the Debian packages the bench needs when they are missing. */
export async function ensurePackages(skipReference: boolean): Promise<void> {
  const missing: string[] = [];
  if (!(await succeeds(TIME, ["-V"]))) missing.push("time");
  if (!skipReference) {
    for (
      const [module, pkg] of [
        ["pandas", "python3-pandas"],
        ["matplotlib", "python3-matplotlib"],
        ["seaborn", "python3-seaborn"],
        ["sklearn", "python3-sklearn"],
      ]
    ) {
      if (!(await succeeds(PYTHON, ["-c", `import ${module}`]))) {
        missing.push(pkg);
      }
    }
  }
  if (missing.length === 0) return;
  if (Deno.uid() !== 0) {
    throw new CliError(
      `Cannot run the benchmark: it needs ${
        missing.join(", ")
      }: install them with: sudo apt-get install ${missing.join(" ")}`,
    );
  }
  log(`Installing from Debian: ${missing.join(" ")}`);
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  for (
    const args of [
      ["update", "-qq"],
      ["install", "-y", "-qq", "--no-install-recommends", ...missing],
    ]
  ) {
    const output = await new Deno.Command("apt-get", {
      args,
      env,
      stdout: "null",
      stderr: "piped",
    }).output();
    if (!output.success) {
      throw new CliError(
        `Cannot install ${missing.join(", ")} with apt-get ${args[0]}: ${
          decoder.decode(output.stderr).trim()
        }`,
      );
    }
  }
}

export async function describeMachine(
  skipReference: boolean,
): Promise<BenchMachine> {
  const cpuinfo = await Deno.readTextFile("/proc/cpuinfo");
  const cpu = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1].trim() ??
    "unknown CPU";
  let os = `Linux ${Deno.osRelease()}`;
  try {
    const release = await Deno.readTextFile("/etc/os-release");
    const name = /^PRETTY_NAME="?([^"\n]+)"?$/m.exec(release)?.[1];
    if (name) os = `${name}, ${os}`;
  } catch {
    // Not every system has it.
  }
  const ask = async (args: string[]) => {
    const output = await new Deno.Command(PYTHON, {
      args,
      stdout: "piped",
      stderr: "null",
    }).output();
    return output.success ? decoder.decode(output.stdout).trim() : null;
  };
  return {
    cpu,
    cores: navigator.hardwareConcurrency,
    memoryBytes: Deno.systemMemoryInfo().total,
    os,
    deno: Deno.version.deno,
    python: skipReference
      ? null
      : (await ask(["--version"]))?.replace(/^Python /, "") ?? null,
    libraries: skipReference ? null : await ask(["-c", LIBRARIES]),
  };
}
