import { networkEnv } from "../../src/cli/network_env.ts";

const ROOT = new URL("../../", import.meta.url);

/** What a command printed and how it ended. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * The permission flags of a task in deno.json (`--allow-*`, `--unstable-*`),
 * so that tests run commands with exactly the task's permissions.
 */
export async function taskPermissions(task: string): Promise<string[]> {
  const config = JSON.parse(
    await Deno.readTextFile(new URL("deno.json", ROOT)),
  );
  const line: string = config.tasks[task];
  return line.split(/\s+/).filter((word) =>
    /^--(allow|deny|unstable)-|^--v8-flags=/.test(word)
  );
}

/**
 * Runs one of Basket's commands (`src/cli/<name>.ts`) as a subprocess with
 * the permissions of its deno.json task, only the environment given (plus
 * PATH, the Deno cache and the network settings), in `cwd`.
 */
export async function runCli(
  name: string,
  args: string[],
  options: { cwd?: string; env?: Record<string, string> } = {},
): Promise<CliRun> {
  const home = Deno.env.get("HOME") ?? "/root";
  const permissions = await taskPermissions(name);
  // Each command gets a cache of its own, empty, unless the test gives one:
  // a cache shared between runs (or clones) would turn a build into a hit.
  const cache = options.env?.XDG_CACHE_HOME
    ? null
    : await Deno.makeTempDir({ prefix: "basket-test-cache-" });
  const command = new Deno.Command(Deno.execPath(), {
    args: [
      "run",
      "--quiet",
      ...permissions,
      `--config=${new URL("deno.json", ROOT).pathname}`,
      new URL(`src/cli/${name}.ts`, ROOT).pathname,
      ...args,
    ],
    cwd: options.cwd ?? new URL(".", ROOT).pathname,
    clearEnv: true,
    env: {
      PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
      HOME: home,
      DENO_DIR: Deno.env.get("DENO_DIR") ?? `${home}/.cache/deno`,
      NO_COLOR: "1",
      ...networkEnv(),
      AWS_CONFIG_FILE: "/nonexistent/aws-config",
      AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/aws-credentials",
      AWS_EC2_METADATA_DISABLED: "true",
      ...(cache ? { XDG_CACHE_HOME: cache } : {}),
      ...options.env,
    },
    stdout: "piped",
    stderr: "piped",
  });
  const output = await command.output().finally(() =>
    cache ? Deno.remove(cache, { recursive: true }) : undefined
  );
  return {
    code: output.code,
    stdout: new TextDecoder().decode(output.stdout),
    stderr: new TextDecoder().decode(output.stderr),
  };
}
