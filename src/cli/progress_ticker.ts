/** The clock and timers a {@linkcode progressTicker} uses, injected for tests. */
export interface TickerClock {
  /** Milliseconds, from any origin. */
  now(): number;
  setInterval(fn: () => void, ms: number): number;
  clearInterval(id: number): void;
}

/** What {@linkcode progressTicker} returns. */
export interface ProgressTicker {
  /**
   * A stage begins (its name: from now on, its name and time so far are
   * repeated) or ends (null: quiet until the next one).
   */
  stageRunning(name: string | null): void;
  /** Stops the ticking (call it when the run ends, whatever way). */
  stop(): void;
}

const REAL_CLOCK: TickerClock = {
  now: () => performance.now(),
  setInterval: (fn, ms) => {
    const id = setInterval(fn, ms) as unknown as number;
    // A run that ends without stop() is not kept alive by its ticker.
    Deno.unrefTimer(id);
    return id;
  },
  clearInterval: (id) => globalThis.clearInterval(id),
};

/**
 * Says every `everyMs` which build stage is running and for how long
 * (`segmentation running, 4 s so far (9 s in all)`), so that a long run is
 * never silent for more than a few seconds between the stage lines. The
 * lines do not look like stage lines (`load         1.50 s`), which the
 * bench reads. On the thread of a stage that holds it (a computation with
 * no await), the next tick waits until it yields: see tickerInWorker.
 */
export function progressTicker(
  write: (line: string) => void,
  { everyMs = 2000, clock = REAL_CLOCK }: {
    everyMs?: number;
    clock?: TickerClock;
  } = {},
): ProgressTicker {
  const start = clock.now();
  let stage: { name: string; since: number } | null = null;
  const seconds = (ms: number) => Math.round(ms / 1000);
  const id = clock.setInterval(() => {
    if (!stage) return;
    const now = clock.now();
    write(
      `${stage.name} running, ${seconds(now - stage.since)} s so far (${
        seconds(now - start)
      } s in all)`,
    );
  }, everyMs);
  return {
    stageRunning(name) {
      stage = name === null ? null : { name, since: clock.now() };
    },
    stop() {
      stage = null;
      clock.clearInterval(id);
    },
  };
}

/**
 * A progress ticker on a thread of its own (a worker running
 * progressTicker), so that its lines keep coming while the main thread is
 * held by a computation that does not yield: the stage's name is posted as
 * it begins, and the worker does the rest.
 */
export function tickerInWorker(): ProgressTicker {
  const worker = new Worker(
    new URL("./progress_worker.ts", import.meta.url),
    { type: "module" },
  );
  let stopped = false;
  return {
    stageRunning(name) {
      if (!stopped) worker.postMessage({ stage: name });
    },
    stop() {
      if (stopped) return;
      stopped = true;
      worker.postMessage({ stop: true });
      // The worker closes itself once its last line is out; end it anyway
      // soon after, so that it never keeps the command alive.
      Deno.unrefTimer(setTimeout(() => worker.terminate(), 200));
    },
  };
}
