/** What an external program printed and how it ended. */
export interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Options for {@linkcode runTool}. */
export interface RunToolOptions {
  /** What running it is for, for the error message: "run the notebooks". */
  what: string;
  /** Environment variables added to this process's. */
  env?: Record<string, string>;
  /** Accept a non-zero exit code instead of throwing. */
  allowFailure?: boolean;
}

/** Debian packages that provide the external programs Basket runs. */
const PACKAGES: Record<string, string> = {
  "jupyter": "jupyter-core",
  "jupyter-nbconvert": "jupyter-nbconvert python3-nbclient",
};

/**
 * Runs an external program (Jupyter's) and collects its output. A missing
 * program, or a failure unless allowed, is an Error that says what could
 * not be done and how to install the program.
 */
export async function runTool(
  program: string,
  args: string[],
  options: RunToolOptions,
): Promise<ToolRun> {
  let output: Deno.CommandOutput;
  try {
    output = await new Deno.Command(program, {
      args,
      env: options.env,
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
    }).output();
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) {
      throw new Error(
        `Cannot ${options.what}: ${program} is not installed; on Debian: apt-get install ${
          PACKAGES[program] ?? program
        }`,
      );
    }
    throw error;
  }
  const run = {
    code: output.code,
    stdout: new TextDecoder().decode(output.stdout),
    stderr: new TextDecoder().decode(output.stderr),
  };
  if (run.code !== 0 && !options.allowFailure) {
    throw new Error(
      `Cannot ${options.what}: ${program} exited with code ${run.code}: ${
        lastLine(run.stderr)
      }`,
    );
  }
  return run;
}

/** The last line of a program's error output that says something. */
export function lastLine(text: string): string {
  const lines = text.split("\n").map((line) => line.trim()).filter(Boolean);
  return lines[lines.length - 1] ?? "no output";
}
