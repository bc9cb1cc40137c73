import { CliError } from "../model/cli_error.ts";
import { CONFIG_OPTION } from "./data_options.ts";
import {
  PUBLISH_CREDENTIALS_HELP,
  PUBLISH_OPTIONS,
} from "./publish_options.ts";
import {
  loadPublishConfig,
  type PublishOptionValues,
} from "./publish_with_flags.ts";
import type { CommandSpec } from "./spine/option_spec.ts";
import { readCommandLine } from "./spine/read_command_line.ts";
import { resolveSettings } from "./spine/resolve_settings.ts";
import { duration } from "./spine/validators.ts";
import { runMain } from "./run_main.ts";
import { createS3Client } from "../publish/create_s3_client.ts";
import { isRunId } from "../publish/run_id.ts";
import { MAX_SHARE_SECONDS, shareLink } from "../publish/share_link.ts";

const OPTIONS = [
  {
    name: "expires",
    kind: "string",
    value: "DURATION",
    help: "how long the link works: 30m, 12h, 7d, 604800s (at most 7d)",
    parse: duration,
  },
  {
    name: "run",
    kind: "string",
    value: "RUN_ID",
    help: "the run to share",
    defaultText: "the current run",
  },
  CONFIG_OPTION,
  ...PUBLISH_OPTIONS,
] as const;

/** `deno task share`, declared once. */
export const SHARE_SPEC: CommandSpec = {
  name: "share",
  usage: ["--expires 7d [--run RUN_ID]"],
  description:
    `Print a link to a published report that works for a limited time, for a
private bucket (a presigned GET of the run's index.html).`,
  options: OPTIONS,
  epilogue: `${PUBLISH_CREDENTIALS_HELP}

The link also stops working when the credentials that signed it expire
(temporary credentials from a role last hours, not days).`,
};

/** `deno task share`: see {@linkcode SHARE_SPEC}. */
export async function main(args: string[]): Promise<number> {
  const parsed = readCommandLine(SHARE_SPEC, args);
  if (!parsed) return 0;
  const settings = resolveSettings(OPTIONS, parsed.flags);
  const values = { ...parsed.flags as PublishOptionValues, ...settings };
  if (values.expires === undefined) {
    throw new CliError(
      'Missing --expires: say how long the link works, like "7d" or "12h"',
    );
  }
  const seconds = values.expires;
  if (seconds > MAX_SHARE_SECONDS || seconds < 1) {
    throw new CliError(
      `Cannot share a link valid for ${JSON.stringify(parsed.flags.expires)}: ${
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
