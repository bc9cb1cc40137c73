import process from "node:process";

/** Runs one named stage of a build and logs how long it took. */
export type Stage = <T>(name: string, fn: () => T | Promise<T>) => Promise<T>;

/**
 * A stage runner that logs each stage's elapsed time as `load         0.13 s`,
 * the lines the bench reads (see bench/stage_times.ts). Where the system
 * tells it, the line ends with the process's peak resident memory so far,
 * `load         0.13 s  peak 140 MB`: the stage whose line first shows the
 * run's peak is the stage that reached it. `running`,
 * when given, hears each stage's name as it begins and null as it ends (the
 * command's progress lines, see progressTicker).
 */
export function stageTimer(
  log: (message: string) => void,
  running?: (name: string | null) => void,
  memory: StageMemory = processMemory,
): Stage {
  return async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
    running?.(name);
    const start = performance.now();
    const result = await Promise.resolve(fn()).finally(() => running?.(null));
    log(stageLine(name, performance.now() - start, memory));
    return result;
  };
}

/**
 * One stage's line: its name, its time and, when known, the process's
 * peak resident memory so far (`write        0.13 s  peak 474 MB`).
 */
export function stageLine(
  name: string,
  milliseconds: number,
  memory: StageMemory = processMemory,
): string {
  const peak = memory.peak();
  return `${name.padEnd(12)} ${(milliseconds / 1000).toFixed(2)} s${
    peak === null ? "" : `  peak ${Math.round(peak / 1e6)} MB`
  }`;
}

/** Where the process's peak memory comes from. */
export interface StageMemory {
  /** The process's peak resident size so far, in bytes, or null when unknown. */
  peak(): number | null;
}

/**
 * The operating system's count (`getrusage`'s maximum resident set size,
 * through Node's `process.resourceUsage()`); null where it gives none.
 */
export const processMemory: StageMemory = {
  peak() {
    try {
      const kb = process.resourceUsage().maxRSS;
      return kb > 0 ? kb * 1024 : null;
    } catch {
      return null;
    }
  },
};
