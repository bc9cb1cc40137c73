import { numberFormats } from "../figures/format/number_formats.ts";
import { CliError } from "../model/cli_error.ts";
import type { BuiltReport } from "../pipeline/build_report.ts";
import {
  localRuns,
  type PreviousSegments,
  previousSegments,
  removeFile,
} from "../pipeline/previous_segments.ts";
import { SEGMENTS_FILE } from "../figures/segments/segment_snapshot.ts";
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
 * How to read the earlier run's segments for run `runId`: the bucket's
 * current run when publishing, else the newest earlier run in the reports
 * folder. A bucket that cannot be read fails the run (exit 1). Asked for
 * once, by the build (which compares in its engine) or, for a run read
 * from the cache, by withWhoMoved; nothing of it is kept after.
 */
export function earlierSegments(
  settings: WhoMovedSettings,
): (runId: string) => Promise<PreviousSegments> {
  const { password } = settings;
  return (runId) =>
    settings.publish
      ? import("./publish_with_flags.ts").then((p) =>
        p.publishedPreviousSegments(settings.publish!, runId, password)
      ).catch((error) => {
        throw new CliError((error as Error).message, 1);
      })
      : previousSegments(localRuns(settings.out), runId, password);
}

/**
 * A built run with its "Who moved" section: the comparison the build made
 * in its engine, or for a run read from the cache one made now from the
 * two runs' segments files (see migrationOfRun).
 */
export async function withWhoMoved(
  built: BuiltReport,
  earlier: (runId: string) => Promise<PreviousSegments>,
  settings: Pick<WhoMovedSettings, "currency" | "locale">,
): Promise<BuiltReport> {
  let state = built.migration;
  if (state === undefined) {
    const { migrationOfRun } = await import("../pipeline/migration_state.ts");
    // The run's segments as a file on disk, which migrationOfRun reads.
    const text = built.files.get(SEGMENTS_FILE);
    const segments = text === undefined ? null : await Deno.makeTempFile({
      prefix: "basket-segments-",
      suffix: ".json",
    });
    try {
      if (segments !== null) await Deno.writeTextFile(segments, text!);
      state = await migrationOfRun(
        built,
        segments,
        () => earlier(built.runId),
      );
    } finally {
      if (segments !== null) await removeFile(segments);
    }
  }
  return withMigration(
    built,
    state,
    numberFormats({ currency: settings.currency, locale: settings.locale }),
  );
}
