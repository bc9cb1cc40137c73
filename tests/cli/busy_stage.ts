/**
 * A stage that holds the thread for `Deno.args[0]` seconds without
 * yielding, under a ticker on its own thread: run by
 * progress_ticker_test.ts.
 */
import { tickerInWorker } from "../../src/cli/progress_ticker.ts";

const ticker = tickerInWorker();
ticker.stageRunning("busy");
const until = performance.now() + Number(Deno.args[0]) * 1000;
while (performance.now() < until) {
  // Hold the thread, as a long synchronous computation does.
}
ticker.stageRunning(null);
ticker.stop();
