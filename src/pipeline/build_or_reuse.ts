import type { SourceCache } from "../source/cache/open_cached_source.ts";
import type { BuildReportOptions, BuiltReport } from "./build_report.ts";
import type { PreviousSegments } from "./previous_segments.ts";
import { readCachedRun, reportKey, writeCachedRun } from "./cached_report.ts";

/** How {@linkcode buildOrReuse} may use the cache. */
export interface ReuseSettings {
  /** The cache folder, or null (`--no-cache`): build everything, write nothing. */
  cache: SourceCache | null;
  /**
   * Whether a whole built run may be read from and written to the cache.
   * False for a locked run: its files in clear are never kept on disk.
   */
  reuse: boolean;
}

/** The side effects of {@linkcode buildOrReuse}. */
export interface ReuseEffects {
  now(): Date;
  /** A progress line (stderr in the command). */
  log(message: string): void;
  /** Hears each build stage's name as it begins and null as it ends. */
  stageRunning?(name: string | null): void;
  /** The earlier run's segments, for a build to compare with (see BuildEffects). */
  previousSegments?(runId: string): Promise<PreviousSegments>;
}

/**
 * A report run, from the cache when the same input (by its stamps) was
 * built with the same options by the same code: then nothing is loaded,
 * computed or bundled, and the run's files are the cached ones stamped
 * with a new run id and time. Otherwise the report is built (the load and
 * the page's script through the cache, see openCachedSource and
 * cachedBundle) and cached. The build's modules (DuckDB, Plot, linkedom)
 * load only then. A cache that cannot be written costs a warning.
 */
export async function buildOrReuse(
  options: BuildReportOptions,
  settings: ReuseSettings,
  effects: ReuseEffects,
): Promise<BuiltReport> {
  const { cache } = settings;
  let key: string | null = null;
  if (cache && settings.reuse) {
    // An input that cannot be looked at is left to the load to report.
    key = await reportKey(options, cache.version).catch(() => null);
    const cached = key && await readCachedRun(cache, key, effects.now());
    if (cached) {
      effects.log(`cache        report read from ${cache.dir}/${key}`);
      return cached;
    }
  }
  const [build, open, openCached, bundle, bundleCached] = await Promise.all([
    import("./build_report.ts"),
    import("../source/open_source.ts"),
    import("../source/cache/open_cached_source.ts"),
    import("./bundle_client.ts"),
    import("./cached_bundle.ts"),
  ]);
  const log = effects.log;
  const built = await build.buildReport(options, {
    openSource: cache
      ? (source) => openCached.openCachedSource(source, { ...cache, log })
      : open.openSource,
    now: effects.now,
    log,
    ...(effects.stageRunning ? { stageRunning: effects.stageRunning } : {}),
    ...(effects.previousSegments
      ? { previousSegments: effects.previousSegments }
      : {}),
    bundleClient: cache
      ? () => bundleCached.cachedBundle(cache, bundle.bundleClient)
      : bundle.bundleClient,
  });
  if (cache && key) {
    try {
      // The run's files, without "Who moved" (built.migration): the next
      // run to read them compares with its own earlier run.
      await writeCachedRun(cache, key, built);
    } catch (error) {
      log(
        `warning: cannot write the run cache in ${JSON.stringify(cache.dir)}: ${
          (error as Error).message
        }`,
      );
    }
  }
  return built;
}
