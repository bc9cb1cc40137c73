/** A run id from a time: `20261121T214500Z`. */
export function runIdFor(time: Date): string {
  return time.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}

/**
 * When a run starts: now, or the next second when a run of `out` is already
 * named after this one (a run id is the UTC second its build started, and a
 * rerun read from the cache can follow another within the same second).
 */
export async function startInFreeSecond(
  out: string,
  now: () => Date = () => new Date(),
  sleep: (ms: number) => Promise<void> = (ms) =>
    new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<Date> {
  for (;;) {
    const started = now();
    const taken = await Deno.lstat(`${out}/${runIdFor(started)}`).then(
      () => true,
      () => false,
    );
    if (!taken) return started;
    await sleep(1000 - started.getUTCMilliseconds());
  }
}
