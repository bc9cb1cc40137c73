/** Runs one named stage of a build and logs how long it took. */
export type Stage = <T>(name: string, fn: () => T | Promise<T>) => Promise<T>;

/**
 * A stage runner that logs each stage's elapsed time as `load         0.13 s`,
 * the lines the bench reads (see bench/stage_times.ts). `running`, when
 * given, hears each stage's name as it begins and null as it ends (the
 * command's progress lines, see progressTicker).
 */
export function stageTimer(
  log: (message: string) => void,
  running?: (name: string | null) => void,
): Stage {
  return async <T>(name: string, fn: () => T | Promise<T>): Promise<T> => {
    running?.(name);
    const start = performance.now();
    const result = await Promise.resolve(fn()).finally(() => running?.(null));
    log(
      `${name.padEnd(12)} ${((performance.now() - start) / 1000).toFixed(2)} s`,
    );
    return result;
  };
}
