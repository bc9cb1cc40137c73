import { encryptPage, lockKey } from "../report/lock/encrypt_page.ts";
import { embedDownloads } from "../report/lock/embed_downloads.ts";
import { SEGMENTS_FILE } from "../figures/segments/segment_snapshot.ts";
import { encryptSidecarFile, SIDECAR_SUFFIX } from "./locked_sidecar.ts";

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
  /** Files kept encrypted beside the page: `segments.json.enc`. */
  beside: [string, Uint8Array][];
}

/**
 * Locks a run: its report.json, CSVs and rejected rows go inside the
 * encrypted page (offered by its Downloads), and its `segments.json`, which
 * grows with the customers, is encrypted beside the page as
 * `segments.json.enc` with the page's key, so that the page stays small and
 * one password opens both. `files` holds the run's files, `index.html`
 * among them.
 */
export async function lockRun(
  files: ReadonlyMap<string, string>,
  options: LockRunOptions,
): Promise<LockedRun> {
  const key = await lockKey(options.password);
  const inside = new Map(
    [...files].filter(([name]) =>
      name !== "index.html" && name !== SEGMENTS_FILE
    ),
  );
  const beside: [string, Uint8Array][] = [];
  const segments = files.get(SEGMENTS_FILE);
  if (segments !== undefined) {
    // TODO(segments on disk): segments.json is still a string in the run's
    // files; once the build gives its path, encrypt from that path directly
    // and hand writeRun the sidecar as `{ path }` instead of its bytes.
    const scratch = await Deno.makeTempDir({ prefix: "basket-lock-" });
    try {
      const clear = `${scratch}/${SEGMENTS_FILE}`;
      const sealed = `${clear}${SIDECAR_SUFFIX}`;
      await Deno.writeTextFile(clear, segments);
      await encryptSidecarFile(key, clear, sealed);
      beside.push([
        `${SEGMENTS_FILE}${SIDECAR_SUFFIX}`,
        await Deno.readFile(sealed),
      ]);
    } finally {
      await Deno.remove(scratch, { recursive: true });
    }
  }
  const page = embedDownloads(
    files.get("index.html")!,
    Object.fromEntries(inside),
    segments === undefined ? [] : [SEGMENTS_FILE],
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
