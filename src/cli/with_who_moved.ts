import { numberFormats } from "../figures/format/number_formats.ts";
import { CliError } from "../model/cli_error.ts";
import type { BuiltReport } from "../pipeline/build_report.ts";
import { localRuns, previousSegments } from "../pipeline/previous_segments.ts";
import { withMigration } from "../pipeline/with_migration.ts";
import type { PublishOptionValues } from "./publish_with_flags.ts";

/** Where `report` looks for the earlier run, and how it formats. */
export interface WhoMovedSettings {
  /** The reports folder (`--out`). */
  out: string;
  /** This run's password: a locked earlier run is opened with it. */
  password: string | undefined;
  /** The publish options when the run is to be published: then the bucket's current run is the earlier one. */
  publish: PublishOptionValues | null;
  currency: string | undefined;
  locale: string | undefined;
}

/**
 * A built run with its "Who moved" section: against the bucket's current
 * run when publishing, else the newest earlier run in the reports folder.
 * Done after the build and its cache, as the earlier run is no input of the
 * build. A bucket that cannot be read fails the run (exit 1).
 */
export async function withWhoMoved(
  built: BuiltReport,
  settings: WhoMovedSettings,
): Promise<BuiltReport> {
  const { password } = settings;
  const previous = settings.publish
    ? await import("./publish_with_flags.ts").then((p) =>
      p.publishedPreviousSegments(settings.publish!, built.runId, password)
    ).catch((error) => {
      throw new CliError((error as Error).message, 1);
    })
    : await previousSegments(localRuns(settings.out), built.runId, password);
  return withMigration(
    built,
    previous,
    numberFormats({ currency: settings.currency, locale: settings.locale }),
  );
}
