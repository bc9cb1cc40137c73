import { parseArgs } from "node:util";
import { CliError } from "./cli_error.ts";
import { parseDuration } from "./parse_duration.ts";
import {
  loadPublishConfig,
  PUBLISH_OPTIONS,
  PUBLISH_OPTIONS_HELP,
} from "./publish_options.ts";
import { runMain } from "./run_main.ts";
import { createS3Client } from "../publish/create_s3_client.ts";
import { isRunId } from "../publish/run_id.ts";
import { MAX_SHARE_SECONDS, shareLink } from "../publish/share_link.ts";

const HELP =
  `Print a link to a published report that works for a limited time, for a
private bucket (a presigned GET of the run's index.html).

Usage:
  deno task share --expires 7d [--run RUN_ID]

Options:
  --expires DURATION   how long the link works: 30m, 12h, 7d, 604800s (at most 7d)
  --run RUN_ID         the run to share (default: the current run)
  --debug              print the stack of an error
  --help               show this help

${PUBLISH_OPTIONS_HELP}

The link also stops working when the credentials that signed it expire
(temporary credentials from a role last hours, not days).`;

/** `deno task share`: see {@linkcode HELP}. */
export async function main(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      strict: true,
      options: {
        ...PUBLISH_OPTIONS,
        expires: { type: "string" },
        run: { type: "string" },
        help: { type: "boolean" },
      },
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message}: see --help`);
  }
  const { values } = parsed;
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  if (values.expires === undefined) {
    throw new CliError(
      'Missing --expires: say how long the link works, like "7d" or "12h"',
    );
  }
  let seconds: number;
  try {
    seconds = parseDuration(values.expires);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  if (seconds > MAX_SHARE_SECONDS || seconds < 1) {
    throw new CliError(
      `Cannot share a link valid for ${JSON.stringify(values.expires)}: ${
        seconds < 1
          ? "it must last at least 1 second"
          : "S3 presigned links last at most 7 days (604800 seconds)"
      }`,
    );
  }
  if (values.run !== undefined && !isRunId(values.run)) {
    throw new CliError(
      `Invalid --run: ${JSON.stringify(values.run)} is not a run id`,
    );
  }
  const config = await loadPublishConfig(values);
  const client = createS3Client(config);
  try {
    const link = await shareLink(client, config, {
      expiresIn: seconds,
      ...(values.run ? { runId: values.run } : {}),
      log: (message) => console.error(message),
    });
    console.error(
      `run ${link.runId}; the link works until ${link.expiresAt.toISOString()}`,
    );
    console.log(link.url);
    return 0;
  } finally {
    client.destroy();
  }
}

if (import.meta.main) await runMain(main);
