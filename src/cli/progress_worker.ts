/**
 * The progress ticker's own thread (see tickerInWorker): it keeps saying
 * which stage runs even while the main thread is held by a computation
 * that does not yield (K-means on many customers).
 *
 * @module
 */
/// <reference lib="deno.worker" />
import { progressTicker } from "./progress_ticker.ts";

const ticker = progressTicker((line) => console.error(line));

self.onmessage = (
  event: MessageEvent<{ stage?: string | null; stop?: true }>,
) => {
  if (event.data.stop) {
    ticker.stop();
    self.close();
    return;
  }
  ticker.stageRunning(event.data.stage ?? null);
};
