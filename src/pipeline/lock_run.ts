import { encryptPage, lockKey } from "../report/lock/encrypt_page.ts";
import { embedDownloads } from "../report/lock/embed_downloads.ts";
import { SEGMENTS_FILE } from "../figures/segments/segment_snapshot.ts";
import { encryptSidecarFile, SIDECAR_SUFFIX } from "./locked_sidecar.ts";
import type { RunFile } from "./write_run.ts";

/** Options for {@linkcode lockRun}. */
export interface LockRunOptions {
  password: string;
  runId: string;
  rememberDays?: number;
}

/** A locked run's files: its encrypted page and the files beside it. */
export interface LockedRun {
  /** The locked `index.html`. */
  page: string;
  /** Files kept encrypted beside the page, on disk: `segments.json.enc`. */
  beside: [string, RunFile][];
}

/**
 * Locks a run: its report.json, CSVs and rejected rows go inside the
 * encrypted page (offered by its Downloads), and its `segments.json`, which
 * grows with the customers, is encrypted beside the page as
 * `segments.json.enc` with the page's key, so that the page stays small and
 * one password opens both. `files` holds the run's files, `index.html`
 * among them and `segments.json` as a file on disk; the sidecar is written
 * beside it.
 */
export async function lockRun(
  files: ReadonlyMap<string, RunFile>,
  options: LockRunOptions,
): Promise<LockedRun> {
  const key = await lockKey(options.password);
  const inside: Record<string, string> = {};
  for (const [name, content] of files) {
    if (name === "index.html" || name === SEGMENTS_FILE) continue;
    if (typeof content !== "string") {
      throw new TypeError(
        `Cannot lock run "${options.runId}": ${name} is not text`,
      );
    }
    inside[name] = content;
  }
  const beside: [string, RunFile][] = [];
  const segments = files.get(SEGMENTS_FILE);
  if (segments !== undefined) {
    if (typeof segments === "string" || segments instanceof Uint8Array) {
      throw new TypeError(
        `Cannot lock run "${options.runId}": its ${SEGMENTS_FILE} is not a file on disk`,
      );
    }
    // Encrypted from disk to disk a chunk at a time, beside the clear file
    // (in the build's scratch folder, see discardSegments).
    const sealed = `${segments.path}${SIDECAR_SUFFIX}`;
    await encryptSidecarFile(key, segments.path, sealed);
    beside.push([`${SEGMENTS_FILE}${SIDECAR_SUFFIX}`, { path: sealed }]);
  }
  const page = embedDownloads(
    files.get("index.html") as string,
    inside,
    segments === undefined ? [] : [SEGMENTS_FILE],
    options.runId,
  );
  return {
    page: await encryptPage(page, {
      key,
      runId: options.runId,
      ...(options.rememberDays === undefined
        ? {}
        : { rememberDays: options.rememberDays }),
    }),
    beside,
  };
}
