import { serveReports } from "../publish/serve_reports.ts";
import { CliError } from "../model/cli_error.ts";
import { runMain } from "./run_main.ts";
import type { CommandSpec } from "./spine/option_spec.ts";
import { readCommandLine } from "./spine/read_command_line.ts";
import { resolveSettings } from "./spine/resolve_settings.ts";
import { wholeNumber } from "./spine/validators.ts";

const OPTIONS = [
  {
    name: "dir",
    kind: "string",
    value: "DIR",
    help: "the folder to serve",
    default: "reports",
  },
  {
    name: "port",
    kind: "string",
    value: "PORT",
    help: "the port on 127.0.0.1 (0 picks a free one)",
    default: 8000,
    parse: wholeNumber({ max: 65535 }),
  },
] as const;

/** `deno task serve`, declared once. */
export const SERVE_SPEC: CommandSpec = {
  name: "serve",
  usage: ["[--dir reports] [--port 8000]"],
  description:
    `Serves the reports folder on http://127.0.0.1 (this machine only) to preview a
report, including an encrypted one: a loopback address is a secure context.
Stop it with Ctrl-C.`,
  options: OPTIONS,
};

/** `deno task serve`. */
export async function serve(args: string[]): Promise<number> {
  const parsed = readCommandLine(SERVE_SPEC, args);
  if (!parsed) return 0;
  const { dir: root, port } = resolveSettings(OPTIONS, parsed.flags);
  try {
    if (!(await Deno.stat(root)).isDirectory) throw new Error();
  } catch {
    throw new CliError(
      `Cannot serve ${
        JSON.stringify(root)
      }: it is not a folder; build a report first with deno task report`,
    );
  }
  const server = serveReports({
    root,
    port,
    onListen: (url) =>
      console.log(`Serving ${root}/ at ${url} (latest report: ${url}latest/)`),
  });
  await server.finished;
  return 0;
}

if (import.meta.main) await runMain(serve);
