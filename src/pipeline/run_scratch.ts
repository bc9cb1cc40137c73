import { basename, dirname, join } from "node:path";
import { SEGMENTS_FILE } from "../figures/segments/segment_snapshot.ts";

const PREFIX = "basket-run-";

/**
 * Scratch files not yet discarded, each with what to remove for it (its
 * scratch folder, or the file): removed when the process exits or is
 * stopped, at the latest.
 */
const live = new Map<string, string>();

/**
 * The signals that stop a run (Ctrl-C, a scheduler's timeout): while a
 * scratch file is live, each exits the process as the signal would (128 +
 * its number), which fires `unload` and so removes the scratch folders,
 * rather than leave a run's customers in the temporary folder.
 */
const STOPS = [["SIGINT", 130], ["SIGTERM", 143]] as const;

const stops = STOPS.map(([signal, code]) => ({
  signal,
  listener: () => {
    removeLive();
    Deno.exit(code);
  },
}));

function listen(on: boolean): void {
  if (on) globalThis.addEventListener("unload", removeLive);
  else globalThis.removeEventListener("unload", removeLive);
  for (const { signal, listener } of stops) {
    try {
      if (on) Deno.addSignalListener(signal, listener);
      else Deno.removeSignalListener(signal, listener);
    } catch {
      // A signal the system does not have (SIGTERM on Windows).
    }
  }
}

/**
 * Where a run's `segments.json` is written before the run's folder is: a
 * file in a new temporary folder of its own, to remove with
 * discardSegments once the run is written (or, at the latest, when the
 * process ends).
 */
export async function scratchSegmentsPath(): Promise<string> {
  const path = join(
    await Deno.makeTempDir({ prefix: PREFIX }),
    SEGMENTS_FILE,
  );
  if (live.size === 0) listen(true);
  live.set(path, dirname(path));
  return path;
}

/**
 * Holds a scratch file of another kind (an earlier run's segments, from a
 * bucket or decrypted, see previousSegments) to remove when the process
 * exits or is stopped, should it not be removed before: see
 * dropScratchFile.
 */
export function holdScratchFile(path: string): void {
  if (live.size === 0) listen(true);
  live.set(path, path);
}

/** Stops holding a scratch file (see holdScratchFile), once it is removed. */
export function dropScratchFile(path: string): void {
  if (live.delete(path) && live.size === 0) listen(false);
}

/**
 * Removes a run's scratch `segments.json` (see scratchSegmentsPath) and its
 * folder, with what was written beside it (a locked run's
 * `segments.json.enc`), once the run is written or has failed. Nothing for
 * none, nor for a file outside a scratch folder.
 */
export async function discardSegments(path: string | null): Promise<void> {
  if (path === null) return;
  if (live.delete(path) && live.size === 0) listen(false);
  const dir = scratchFolder(path);
  if (dir) await Deno.remove(dir, { recursive: true }).catch(() => {});
}

/** The scratch folder of a path from scratchSegmentsPath, else null. */
function scratchFolder(path: string): string | null {
  const dir = dirname(path);
  return basename(dir).startsWith(PREFIX) ? dir : null;
}

function removeLive(): void {
  for (const target of live.values()) {
    try {
      Deno.removeSync(target, { recursive: true });
    } catch {
      // Gone already: nothing to do.
    }
  }
  live.clear();
}
