import { join } from "node:path";
import { generatedAtText } from "../report/generated_at_text.ts";
import type { ReportModel } from "../report/report_model.ts";
import {
  type CacheStore,
  dropEntry,
  findEntry,
  writeEntry,
} from "../source/cache/cache_store.ts";
import { sha256 } from "../source/cache/code_hash.ts";
import { loadKey } from "../source/cache/load_key.ts";
import type { BuildReportOptions, BuiltReport } from "./build_report.ts";
import { runIdFor } from "./run_id_for.ts";
import { SEGMENTS_FILE } from "../figures/segments/segment_snapshot.ts";
import { fileSha256 } from "./file_bytes.ts";
import { discardSegments, scratchSegmentsPath } from "./run_scratch.ts";

/**
 * What stands in a cached run's files for the three stamps of the time it
 * was built: the run id, the ISO time (page and report.json) and the time
 * as the page shows it.
 */
const STAMPS = [
  "{{basket:generated-at}}",
  "{{basket:generated-at-text}}",
  "{{basket:run-id}}",
] as const;

/**
 * The file of a cached run: its files with the stamps as placeholders, and
 * the SHA-256 of its segments.json, kept beside it as a file of its own
 * (it holds no stamp, and may be too large to hold).
 */
interface CachedRun {
  files: [string, string][];
  /** The SHA-256 of `JSON.stringify(files)`: a damaged entry is never used. */
  sha256: string;
  /** The SHA-256 of SEGMENTS_FILE beside it, or null when the run has none. */
  segments: string | null;
}

const RUN_FILE = "run.json";

/**
 * The cache key of a whole build: `report-` and a SHA-256 of the load's
 * key (the input's stamps, the load options, Basket's version and code)
 * and every option of the build. Every option that changes a run's
 * files is a field of {@linkcode BuildReportOptions}, so a new one is in
 * the key without a word here. The default as-of date is the day after the
 * last sale, fixed by the data and so by the load key; an explicit one is
 * an option. Throws when the input cannot be looked at.
 */
export async function reportKey(
  options: BuildReportOptions,
  version: string,
): Promise<string> {
  const load = await loadKey(options.source, version);
  // The source's options too: one the load key leaves out still misses.
  const hash = await sha256([JSON.stringify({ load, options })]);
  return `report-${hash.slice(0, 32)}`;
}

/** The three stamps of a build started at `time`, in the order of STAMPS. */
function stampsAt(time: Date): string[] {
  const generatedAt = time.toISOString();
  return [generatedAt, generatedAtText(generatedAt), runIdFor(time)];
}

/**
 * The run cached under `key`, stamped as built at `now`: its files, byte
 * for byte a fresh build's apart from the run id and the time, its
 * segments.json copied to a scratch folder (see discardSegments) and its
 * model (report.json). Null when there is none; a damaged entry (a file
 * missing, of another size, or whose content does not match its hash) is
 * removed and reads as none.
 */
export async function readCachedRun(
  store: CacheStore,
  key: string,
  now: Date,
): Promise<BuiltReport | null> {
  const dir = await findEntry(store, key);
  if (!dir) return null;
  try {
    const cached: CachedRun = JSON.parse(
      await Deno.readTextFile(join(dir, RUN_FILE)),
    );
    if (await sha256([JSON.stringify(cached.files)]) !== cached.sha256) {
      throw new SyntaxError("the files do not match their hash");
    }
    const stamps = stampsAt(now);
    const files = new Map(
      cached.files.map(([name, text]) => [name, stamp(text, STAMPS, stamps)]),
    );
    const model: ReportModel = JSON.parse(files.get("report.json")!);
    let segments: string | null = null;
    if (cached.segments !== null) {
      const kept = join(dir, SEGMENTS_FILE);
      if (await fileSha256(kept) !== cached.segments) {
        throw new SyntaxError("the segments do not match their hash");
      }
      // A copy of its own: the entry may be evicted while the run is written.
      segments = await scratchSegmentsPath();
      await Deno.copyFile(kept, segments).catch(async (error) => {
        await discardSegments(segments);
        throw error;
      });
    }
    return { runId: model.runId, model, files, segments };
  } catch {
    await dropEntry(store, key);
    return null;
  }
}

/**
 * Caches a built run under `key` (atomically, see writeEntry), its stamps
 * replaced by placeholders. Returns false, caching nothing, when the stamps
 * cannot be told apart from the rest (a file holds a placeholder already).
 */
export async function writeCachedRun(
  store: CacheStore,
  key: string,
  built: BuiltReport,
): Promise<boolean> {
  const stamps = stampsAt(new Date(built.model.generatedAt));
  const files: [string, string][] = [];
  for (const [name, text] of built.files) {
    if (STAMPS.some((placeholder) => text.includes(placeholder))) return false;
    files.push([name, stamp(text, stamps, STAMPS)]);
  }
  const cached: CachedRun = {
    files,
    sha256: await sha256([JSON.stringify(files)]),
    segments: built.segments === null ? null : await fileSha256(built.segments),
  };
  await writeEntry(store, key, async (dir) => {
    await Deno.writeTextFile(join(dir, RUN_FILE), JSON.stringify(cached));
    if (built.segments !== null) {
      await Deno.copyFile(built.segments, join(dir, SEGMENTS_FILE));
    }
  });
  return true;
}

/** `text` with each of `from` replaced by the same place in `to`. */
function stamp(
  text: string,
  from: readonly string[],
  to: readonly string[],
): string {
  return from.reduce((t, f, i) => t.replaceAll(f, () => to[i]), text);
}
