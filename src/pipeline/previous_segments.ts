import { join } from "node:path";
import { SEGMENTS_FILE } from "../figures/segments/segment_snapshot.ts";
import { decryptPage } from "../report/lock/decrypt_page.ts";
import { DOWNLOADS_ID } from "../report/lock/embed_downloads.ts";
import { isLockedPage } from "../report/lock/is_locked_page.ts";
import { scanSegmentsFile, type SegmentsFile } from "./scan_segments_file.ts";
import { openLockedSidecar, SIDECAR_SUFFIX } from "./locked_sidecar.ts";
import { dropScratchFile, holdScratchFile } from "./run_scratch.ts";

/** A file of an earlier run on this machine's disk, to be read from there. */
export interface LocalFile {
  path: string;
  /**
   * Done with it: a copy made for the reading (a download, a file taken
   * out of a locked page) is removed; a run's own file is left alone. A
   * second call does nothing.
   */
  release(): Promise<void>;
}

/** Where earlier runs are: a reports folder, or a bucket's current run. */
export interface EarlierRuns {
  /** Where they are, in words, for messages: `"reports"`, `"s3://bucket/prefix/runs"`: a run's file is `<where>/<run id>/<file>`. */
  where: string;
  /** The run ids there, in any order. */
  runIds(): Promise<string[]>;
  /** A small file of a run as text (a locked run's page), or null when it has none. */
  read(runId: string, file: string): Promise<string | null>;
  /**
   * A file of a run on disk, never read into memory: a folder's own file,
   * or a bucket's streamed into a file of its own in the folder `scratch`
   * (the system's temporary folder when undefined); null when the run has
   * no such file.
   */
  local(
    runId: string,
    file: string,
    scratch: string | undefined,
  ): Promise<LocalFile | null>;
}

/** What the earlier run offers to compare with. */
export type PreviousSegments =
  | { kind: "first" }
  | { kind: "unreadable"; runId: string; reason: string }
  | {
    kind: "found";
    /** The earlier run's segments file, read from disk as its rows are asked for. */
    snapshot: SegmentsFile;
    /**
     * Done with the file (see LocalFile): whoever compares calls it, once
     * compared; a second call does nothing.
     */
    release(): Promise<void>;
  };

const RUN_ID = /^\d{8}T\d{6}Z/;

/**
 * The segments of the newest run before `runId` among `runs`: its
 * `segments.json`, or for a locked run its `segments.json.enc` (or, locked
 * before those, the one inside its encrypted page), opened with `password`
 * (this run's). `first` when there is no earlier
 * run; `unreadable`, with the reason in words, when the newest earlier run
 * holds no segments or cannot be opened. Only the newest is looked at: an
 * older run would answer another question than "since the last report".
 * The file is read from disk (a bucket's downloaded into `scratch` first,
 * see EarlierRuns.local), checked whole a buffer at a time and never held
 * whole: its customers are read from it as they are uploaded (see
 * scanSegmentsFile). A found file is the caller's to release once compared.
 */
export async function previousSegments(
  runs: EarlierRuns,
  runId: string,
  password?: string,
  scratch?: string,
): Promise<PreviousSegments> {
  const earlier = (await runs.runIds())
    .filter((id) => RUN_ID.test(id) && id < runId)
    .sort();
  const previous = earlier.at(-1);
  if (previous === undefined) return { kind: "first" };
  const file = await plainSegmentsFile(runs, previous, password, scratch);
  if ("unreadable" in file) {
    return { kind: "unreadable", runId: previous, reason: file.unreadable };
  }
  try {
    const snapshot = await scanSegmentsFile(
      file.path,
      `${runs.where}/${previous}/${SEGMENTS_FILE}`,
      previous,
    );
    return { kind: "found", snapshot, release: file.release };
  } catch (error) {
    await file.release();
    return {
      kind: "unreadable",
      runId: previous,
      reason: (error as Error).message,
    };
  }
}

/**
 * Where the earlier run `runId`'s segments are, as a plain segments.json
 * on disk, or why it has none to read: its own file, or for a locked run
 * the one inside its page, opened with `password` and written to a file in
 * `scratch`. The one place that knows where a run keeps its segments.
 */
export async function plainSegmentsFile(
  runs: EarlierRuns,
  runId: string,
  password: string | undefined,
  scratch: string | undefined,
): Promise<LocalFile | { unreadable: string }> {
  const own = await runs.local(runId, SEGMENTS_FILE, scratch);
  if (own !== null) return own;
  const page = await runs.read(runId, "index.html");
  if (page === null || !isLockedPage(page)) {
    return {
      unreadable:
        "it holds no segments (made before runs kept them, or from data without customer ids)",
    };
  }
  if (password === undefined) {
    return {
      unreadable: "it is locked, and this run has no password to open it",
    };
  }
  let opened: string;
  try {
    opened = await decryptPage(page, password);
  } catch {
    return { unreadable: "it is locked with another password" };
  }
  const text = embeddedFile(opened, SEGMENTS_FILE);
  if (text === null) {
    return await lockedSidecarFile(runs, runId, page, password, scratch);
  }
  const path = await scratchFile(scratch);
  try {
    await Deno.writeTextFile(path, text);
  } catch (error) {
    await removeFile(path);
    throw error;
  }
  return { path, release: () => removeFile(path) };
}

/**
 * A locked run's segments kept beside its page, encrypted with its key
 * (`segments.json.enc`, see lockRun), decrypted from disk to a file in
 * `scratch` a chunk at a time; or why it cannot be read (none, another
 * password, damaged).
 */
async function lockedSidecarFile(
  runs: EarlierRuns,
  runId: string,
  page: string,
  password: string,
  scratch: string | undefined,
): Promise<LocalFile | { unreadable: string }> {
  const sidecar = await runs.local(
    runId,
    SEGMENTS_FILE + SIDECAR_SUFFIX,
    scratch,
  );
  if (sidecar === null) {
    return { unreadable: "it is locked and holds no segments" };
  }
  const path = await scratchFile(scratch);
  try {
    const opened = await openLockedSidecar(page, sidecar.path, password, path);
    if (!opened.ok) {
      await removeFile(path);
      return { unreadable: opened.reason };
    }
  } catch (error) {
    await removeFile(path);
    throw error;
  } finally {
    await sidecar.release();
  }
  return { path, release: () => removeFile(path) };
}

/**
 * A new empty file in `scratch` (or the system's temporary folder) for an
 * earlier run's segments, to remove with removeFile; removed when the
 * process exits or is stopped at the latest (see holdScratchFile), as it
 * may hold a locked run's customers decrypted.
 */
export async function scratchFile(
  scratch: string | undefined,
): Promise<string> {
  const path = await Deno.makeTempFile({
    ...(scratch === undefined ? {} : { dir: scratch }),
    prefix: "basket-earlier-segments-",
    suffix: ".json",
  });
  holdScratchFile(path);
  return path;
}

/** Removes a file, if it is still there (a scratch file is no longer held). */
export async function removeFile(path: string): Promise<void> {
  try {
    await Deno.remove(path);
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  }
  dropScratchFile(path);
}

/** A file a locked page carries among its downloads (see embedDownloads). */
function embeddedFile(page: string, name: string): string | null {
  const start = `<script type="application/json" id="${DOWNLOADS_ID}">`;
  const at = page.indexOf(start);
  if (at < 0) return null;
  const end = page.indexOf("</script>", at);
  const files = JSON.parse(page.slice(at + start.length, end)) as Record<
    string,
    string
  >;
  return files[name] ?? null;
}

/** The runs of a local reports folder (`--out`). */
export function localRuns(out: string): EarlierRuns {
  return {
    where: out,
    async runIds() {
      const ids: string[] = [];
      try {
        for await (const entry of Deno.readDir(out)) {
          if (entry.isDirectory) ids.push(entry.name);
        }
      } catch (error) {
        if (!(error instanceof Deno.errors.NotFound)) throw error;
      }
      return ids;
    },
    async read(runId, file) {
      try {
        return await Deno.readTextFile(join(out, runId, file));
      } catch (error) {
        if (error instanceof Deno.errors.NotFound) return null;
        throw error;
      }
    },
    async local(runId, file) {
      const path = join(out, runId, file);
      try {
        if (!(await Deno.stat(path)).isFile) return null;
      } catch (error) {
        if (error instanceof Deno.errors.NotFound) return null;
        throw error;
      }
      return { path, release: () => Promise.resolve() };
    },
  };
}
