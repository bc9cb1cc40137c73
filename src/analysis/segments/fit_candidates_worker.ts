/**
 * A Web Worker that fits some values of k (see fitCandidates in
 * stats/choose_k.ts) for {@linkcode chooseKInWorkers}: it receives the
 * rows' values (transferred) and the values of k, and posts back each
 * fit and its silhouette, its typed arrays transferred.
 *
 * @module
 */
import { fitCandidates } from "../../stats/choose_k.ts";

/** What the worker is sent. */
export interface FitRequest {
  rows: number;
  cols: number;
  values: Float64Array;
  candidates: number[];
  seed: number;
  starts: number;
}

/** What the worker posts back: the fits, or why it failed. */
export type FitReply =
  | { ok: true; fits: ReturnType<typeof fitCandidates> }
  | { ok: false; message: string };

const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<FitRequest>) => void) | null;
  postMessage(message: FitReply, transfer: Transferable[]): void;
  close(): void;
};

scope.onmessage = (event) => {
  const { rows, cols, values, candidates, seed, starts } = event.data;
  try {
    const fits = fitCandidates({ rows, cols, values }, candidates, {
      seed,
      starts,
    });
    const transfer = fits.fits.flatMap((fit) =>
      fit ? [fit.labels.buffer, fit.centroids.buffer] : []
    );
    scope.postMessage({ ok: true, fits }, transfer);
  } catch (error) {
    scope.postMessage({
      ok: false,
      message: error instanceof Error ? error.message : String(error),
    }, []);
  }
};
