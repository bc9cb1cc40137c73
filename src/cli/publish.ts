import { CliError } from "../model/cli_error.ts";
import { runMain } from "./run_main.ts";
import { CONFIG_OPTION } from "./data_options.ts";
import {
  PUBLISH_CREDENTIALS_HELP,
  PUBLISH_OPTIONS,
} from "./publish_options.ts";
import {
  loadPublishConfig,
  type PublishOptionValues,
  publishWithFlags,
} from "./publish_with_flags.ts";
import type { CommandSpec } from "./spine/option_spec.ts";
import { readCommandLine } from "./spine/read_command_line.ts";
import { createS3Client } from "../publish/create_s3_client.ts";
import { formatRuns } from "../publish/format_runs.ts";
import { listRuns } from "../publish/list_runs.ts";
import { lockedRunFiles } from "../publish/run_files.ts";
import { rollbackRun } from "../publish/rollback_run.ts";
import { isRunId } from "../publish/run_id.ts";
import { readRunInfo } from "../publish/run_info.ts";
import { setupWebsite } from "../publish/setup_website.ts";

const OPTIONS = [
  {
    name: "run-id",
    kind: "string",
    value: "ID",
    help: "the run's id",
    defaultText: "report.json's \"runId\", else the folder's name",
  },
  {
    name: "only-index",
    kind: "boolean",
    help:
      "publish only index.html and a manifest without figures (a locked\nreport; its other files, if any, stay behind)",
  },
  {
    name: "rollback",
    kind: "string",
    value: "RUN_ID",
    help: "make an earlier run the current one",
  },
  { name: "list-runs", kind: "boolean", help: "list published runs" },
  { name: "json", kind: "boolean", help: "with --list-runs: print JSON" },
  {
    name: "setup-website",
    kind: "boolean",
    help: "turn on static website hosting",
  },
  CONFIG_OPTION,
  ...PUBLISH_OPTIONS,
] as const;

/** `deno task publish`, declared once. */
export const PUBLISH_SPEC: CommandSpec = {
  name: "publish",
  usage: [
    "[RUN_DIR] [--run-id ID] [--only-index]   publish a run folder (default reports/latest)",
    "--rollback RUN_ID                        make an earlier run the current one",
    "--list-runs [--json]                     list published runs",
    "--setup-website                          turn on static website hosting",
  ],
  description:
    "Publish a finished report run to S3, roll back, or list what is published.",
  options: OPTIONS,
  positionals: true,
  epilogue: `${PUBLISH_CREDENTIALS_HELP}

On success the last line on stdout is JSON: {"runId": ..., "dir": ..., "url": ...}.`,
};

/** `deno task publish`: see {@linkcode PUBLISH_SPEC}. */
export async function main(args: string[]): Promise<number> {
  const parsed = readCommandLine(PUBLISH_SPEC, args);
  if (!parsed) return 0;
  const { positionals } = parsed;
  const values = parsed.flags as PublishOptionValues & {
    "run-id"?: string;
    "only-index"?: boolean;
    rollback?: string;
    "list-runs"?: boolean;
    json?: boolean;
    "setup-website"?: boolean;
  };
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
    // A locked run is published as its locked page alone, with a manifest
    // that shows no figures; one with clear files beside the page is
    // refused (readRunFiles) unless --only-index leaves them behind.
    const result = await publishWithFlags(values, info.realDir, {
      runId,
      onlyIndex: values["only-index"] === true ||
        (info.locked && await onlyIndexIn(info.realDir)),
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
        ...(result.madeCurrent
          ? {}
          : { madeCurrent: false, newer: result.newer }),
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

/**
 * Whether a run folder holds nothing but its index.html and the encrypted
 * files beside it (and hidden files).
 */
async function onlyIndexIn(dir: string): Promise<boolean> {
  for await (const entry of Deno.readDir(dir)) {
    if (
      !entry.name.startsWith(".") &&
      (!entry.isFile || lockedRunFiles([entry.name]).length === 0)
    ) {
      return false;
    }
  }
  return true;
}

if (import.meta.main) await runMain(main);
