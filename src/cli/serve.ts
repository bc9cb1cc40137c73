import { parseArgs } from "node:util";
import { serveReports } from "../publish/serve_reports.ts";
import { CliError } from "./cli_error.ts";
import { runMain } from "./run_main.ts";

const HELP = `Usage: deno task serve [--dir reports] [--port 8000]

Serves the reports folder on http://127.0.0.1 (this machine only) to preview a
report, including an encrypted one: a loopback address is a secure context.
Stop it with Ctrl-C.`;

/** `deno task serve`. */
export async function serve(args: string[]): Promise<number> {
  let values;
  try {
    values = parseArgs({
      args,
      strict: true,
      options: {
        dir: { type: "string" },
        port: { type: "string" },
        help: { type: "boolean" },
      },
    }).values;
  } catch (error) {
    throw new CliError(`${(error as Error).message}; see --help`);
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const port = Number(values.port ?? 8000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError(
      `Cannot read --port ${
        JSON.stringify(values.port)
      }: expected a port number`,
    );
  }
  const root = values.dir ?? "reports";
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
