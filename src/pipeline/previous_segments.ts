import { join } from "node:path";
import { SEGMENTS_FILE } from "../figures/segments/segment_snapshot.ts";
import {
  scanSegmentSnapshot,
  type SegmentSnapshotRows,
} from "../figures/segments/read_segment_snapshot.ts";
import { decryptPage } from "../report/lock/decrypt_page.ts";
import { DOWNLOADS_ID } from "../report/lock/embed_downloads.ts";
import { isLockedPage } from "../report/lock/is_locked_page.ts";
import { openLockedSidecar, SIDECAR_SUFFIX } from "./locked_sidecar.ts";

/** Where earlier runs are: a reports folder, or a bucket's current run. */
export interface EarlierRuns {
  /** Where they are, in words, for messages: `"reports"`, `"s3://bucket/prefix"`. */
  where: string;
  /** The run ids there, in any order. */
  runIds(): Promise<string[]>;
  /** A file of a run, or null when it has none. */
  read(runId: string, file: string): Promise<string | null>;
  /**
   * A file of a run as a file on this machine (its own path when the runs
   * are local, else a copy made in the folder `scratch`), or null when the
   * run has none: to decrypt a locked run's `segments.json.enc` from disk.
   */
  onDisk?(runId: string, file: string, scratch: string): Promise<
    string | null
  >;
}

/** What the earlier run offers to compare with. */
export type PreviousSegments =
  | { kind: "first" }
  | { kind: "unreadable"; runId: string; reason: string }
  | { kind: "found"; snapshot: SegmentSnapshotRows };

const RUN_ID = /^\d{8}T\d{6}Z/;

/**
 * The segments of the newest run before `runId` among `runs`: its
 * `segments.json`, or for a locked run the one inside its encrypted page,
 * opened with `password` (this run's). `first` when there is no earlier
 * run; `unreadable`, with the reason in words, when the newest earlier run
 * holds no segments or cannot be opened. Only the newest is looked at: an
 * older run would answer another question than "since the last report".
 * The file is checked whole but not parsed into arrays: its customers are
 * read from its text as they are uploaded (see scanSegmentSnapshot).
 */
export async function previousSegments(
  runs: EarlierRuns,
  runId: string,
  password?: string,
): Promise<PreviousSegments> {
  const earlier = (await runs.runIds())
    .filter((id) => RUN_ID.test(id) && id < runId)
    .sort();
  const previous = earlier.at(-1);
  if (previous === undefined) return { kind: "first" };
  const unreadable = (reason: string): PreviousSegments => ({
    kind: "unreadable",
    runId: previous,
    reason,
  });
  const where = `${runs.where}/${previous}`;
  let text = await runs.read(previous, SEGMENTS_FILE);
  if (text === null) {
    const page = await runs.read(previous, "index.html");
    if (page === null || !isLockedPage(page)) {
      return unreadable(
        "it holds no segments (made before runs kept them, or from data without customer ids)",
      );
    }
    if (password === undefined) {
      return unreadable(
        "it is locked, and this run has no password to open it",
      );
    }
    let opened: string;
    try {
      opened = await decryptPage(page, password);
    } catch {
      return unreadable("it is locked with another password");
    }
    const found = embeddedFile(opened, SEGMENTS_FILE) ??
      await sidecarText(runs, previous, page, password);
    if (typeof found !== "string") return unreadable(found.reason);
    text = found;
  }
  try {
    return {
      kind: "found",
      snapshot: scanSegmentSnapshot(
        text,
        `${where}/${SEGMENTS_FILE}`,
        previous,
      ),
    };
  } catch (error) {
    return unreadable((error as Error).message);
  }
}

/**
 * A locked run's segments from its encrypted `segments.json.enc`, decrypted
 * to a scratch file and read back (runs on this machine only).
 */
async function sidecarText(
  runs: EarlierRuns,
  runId: string,
  page: string,
  password: string,
): Promise<string | { reason: string }> {
  const none = { reason: "it is locked and holds no segments" };
  if (!runs.onDisk) return none;
  const scratch = await Deno.makeTempDir({ prefix: "basket-segments-" });
  try {
    const sidecar = await runs.onDisk(
      runId,
      SEGMENTS_FILE + SIDECAR_SUFFIX,
      scratch,
    );
    if (sidecar === null) return none;
    const to = join(scratch, SEGMENTS_FILE);
    const opened = await openLockedSidecar(page, sidecar, password, to);
    return opened.ok ? await Deno.readTextFile(to) : opened;
  } finally {
    await Deno.remove(scratch, { recursive: true });
  }
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
    async onDisk(runId, file) {
      const path = join(out, runId, file);
      try {
        await Deno.stat(path);
        return path;
      } catch (error) {
        if (error instanceof Deno.errors.NotFound) return null;
        throw error;
      }
    },
    async read(runId, file) {
      try {
        return await Deno.readTextFile(join(out, runId, file));
      } catch (error) {
        if (error instanceof Deno.errors.NotFound) return null;
        throw error;
      }
    },
  };
}
