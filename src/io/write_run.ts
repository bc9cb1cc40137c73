import { join } from "node:path";

/** A report run's files, by name relative to the run's folder. */
export type RunFiles = ReadonlyMap<string, string | Uint8Array>;

/**
 * Writes a run to `<out>/<runId>/` and then refreshes `<out>/latest/` to a
 * copy of it. Each folder is written in full under a temporary name first
 * and then renamed into place, so neither is ever seen half-written.
 * Returns the run's folder.
 */
export async function writeRun(
  out: string,
  runId: string,
  files: RunFiles,
): Promise<string> {
  await Deno.mkdir(out, { recursive: true });
  const dir = join(out, runId);
  await writeFolder(join(out, `.${runId}.tmp`), files);
  await Deno.rename(join(out, `.${runId}.tmp`), dir);
  const latest = join(out, "latest");
  const staged = join(out, ".latest.tmp");
  const old = join(out, ".latest.old");
  await writeFolder(staged, files);
  await Deno.remove(old, { recursive: true }).catch(() => {});
  await Deno.rename(latest, old).catch((error) => {
    if (!(error instanceof Deno.errors.NotFound)) throw error;
  });
  await Deno.rename(staged, latest);
  await Deno.remove(old, { recursive: true }).catch(() => {});
  return dir;
}

async function writeFolder(dir: string, files: RunFiles): Promise<void> {
  await Deno.remove(dir, { recursive: true }).catch(() => {});
  await Deno.mkdir(dir, { recursive: true });
  for (const [name, content] of files) {
    const path = join(dir, name);
    await Deno.mkdir(join(path, ".."), { recursive: true });
    if (typeof content === "string") await Deno.writeTextFile(path, content);
    else await Deno.writeFile(path, content);
  }
}

/** A run id from a time: `20261121T214500Z`. */
export function runIdFor(time: Date): string {
  return time.toISOString().replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
}
