import { dirname, join } from "node:path";
import { SEGMENTS_FILE } from "../figures/segments/segment_snapshot.ts";

/** Scratch files not yet discarded: removed when the process exits, at the latest. */
const live = new Set<string>();

/**
 * Where a run's `segments.json` is written before the run's folder is: a
 * file in a new temporary folder of its own, to remove with
 * discardSegments once the run is written (or, at the latest, when the
 * process ends).
 */
export async function scratchSegmentsPath(): Promise<string> {
  const path = join(
    await Deno.makeTempDir({ prefix: "basket-run-" }),
    SEGMENTS_FILE,
  );
  if (live.size === 0) globalThis.addEventListener("unload", removeLive);
  live.add(path);
  return path;
}

/**
 * Removes a run's scratch `segments.json` (see scratchSegmentsPath) and its
 * folder, once the run is written or has failed. Nothing for none; only an
 * empty folder is removed.
 */
export async function discardSegments(path: string | null): Promise<void> {
  if (path === null) return;
  live.delete(path);
  if (live.size === 0) globalThis.removeEventListener("unload", removeLive);
  await Deno.remove(path).catch(() => {});
  await Deno.remove(dirname(path)).catch(() => {});
}

function removeLive(): void {
  for (const path of live) {
    try {
      Deno.removeSync(path);
      Deno.removeSync(dirname(path));
    } catch {
      // Gone already, or its folder not empty: left as it is.
    }
  }
  live.clear();
}
