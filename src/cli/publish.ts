import { parseArgs } from "node:util";
import { CliError } from "./cli_error.ts";
import { runMain } from "./run_main.ts";
import {
  loadPublishConfig,
  PUBLISH_OPTIONS,
  PUBLISH_OPTIONS_HELP,
  publishWithFlags,
} from "./publish_options.ts";
import { createS3Client } from "../publish/create_s3_client.ts";
import { formatRuns } from "../publish/format_runs.ts";
import { listRuns } from "../publish/list_runs.ts";
import { rollbackRun } from "../publish/rollback_run.ts";
import { isRunId } from "../publish/run_id.ts";
import { readRunInfo } from "../publish/run_info.ts";
import { setupWebsite } from "../publish/setup_website.ts";

const HELP =
  `Publish a finished report run to S3, roll back, or list what is published.

Usage:
  deno task publish [RUN_DIR] [--run-id ID] [--only-index]   publish a run folder (default reports/latest)
  deno task publish --rollback RUN_ID                        make an earlier run the current one
  deno task publish --list-runs [--json]                     list published runs
  deno task publish --setup-website                          turn on static website hosting

Options:
  --run-id ID          the run's id (default: report.json's "runId", else the folder's name)
  --only-index         publish only index.html and a manifest without parameters (encrypted report)
  --debug              print the stack of an error
  --help               show this help

${PUBLISH_OPTIONS_HELP}

On success the last line on stdout is JSON: {"runId": ..., "dir": ..., "url": ...}.`;

/** `deno task publish`: see {@linkcode HELP}. */
export async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: {
        ...PUBLISH_OPTIONS,
        "run-id": { type: "string" },
        "only-index": { type: "boolean" },
        rollback: { type: "string" },
        "list-runs": { type: "boolean" },
        json: { type: "boolean" },
        "setup-website": { type: "boolean" },
        help: { type: "boolean" },
      },
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message}: see --help`);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const modes = [
    values.rollback !== undefined,
    values["list-runs"],
    values["setup-website"],
  ]
    .filter(Boolean).length;
  if (modes > 1) {
    throw new CliError(
      "Cannot combine --rollback, --list-runs and --setup-website: choose one",
    );
  }
  if (positionals.length > 1) {
    throw new CliError(
      `Expected one run folder, got ${positionals.length}: see --help`,
    );
  }
  const log = (message: string) => console.error(message);
  if (
    !values["setup-website"] && !values["list-runs"] &&
    values.rollback === undefined
  ) {
    const dir = positionals[0] ?? "reports/latest";
    const info = await readRunInfo(dir);
    const runId = values["run-id"] ?? info.runId;
    if (!runId) {
      throw new CliError(
        `Cannot tell the run id of ${
          JSON.stringify(dir)
        }: its report.json has no "runId" and its name is not a run id: pass --run-id`,
      );
    }
    if (!isRunId(runId)) {
      throw new CliError(
        `Invalid --run-id: ${
          JSON.stringify(runId)
        } is not a run id like "20261121T214500Z"`,
      );
    }
    const result = await publishWithFlags(values, info.realDir, {
      runId,
      onlyIndex: values["only-index"] === true,
      log,
      ...(info.parameters ? { parameters: info.parameters } : {}),
      ...(info.dataFingerprint
        ? { dataFingerprint: info.dataFingerprint }
        : {}),
      ...(info.version ? { version: info.version } : {}),
    });
    console.log(
      JSON.stringify({
        runId,
        dir,
        ...(result.url ? { url: result.url } : {}),
      }),
    );
    return 0;
  }
  const config = await loadPublishConfig(values);
  const client = createS3Client(config);
  try {
    if (values["setup-website"]) {
      const changed = await setupWebsite(client, config);
      log(
        changed
          ? `static website hosting is now on for bucket "${config.bucket}", with index.html as the index document`
          : `static website hosting was already on for bucket "${config.bucket}"`,
      );
      log(
        "readers also need read access: see docs/publish.md (bucket policy, Block Public Access)",
      );
      return 0;
    }
    if (values["list-runs"]) {
      const runs = await listRuns(client, config, { log });
      if (values.json) {
        console.log(JSON.stringify(runs));
      } else if (runs.length === 0) {
        log(
          `no runs are published in s3://${config.bucket}/${
            config.prefix ? `${config.prefix}/` : ""
          }`,
        );
      } else {
        console.log(formatRuns(runs));
      }
      return 0;
    }
    if (values.rollback !== undefined) {
      if (!isRunId(values.rollback)) {
        throw new CliError(
          `Invalid --rollback: ${
            JSON.stringify(values.rollback)
          } is not a run id`,
        );
      }
      const result = await rollbackRun(client, config, values.rollback, {
        log,
      });
      log(result.url ? `readers: ${result.url}` : `note: ${result.urlNote}`);
      console.log(
        JSON.stringify({
          runId: result.runId,
          ...(result.url ? { url: result.url } : {}),
        }),
      );
      return 0;
    }
    return 0;
  } finally {
    client.destroy();
  }
}

if (import.meta.main) await runMain(main);
