import { join } from "node:path";

/** A report run's files, by name relative to the run's folder. */
export type RunFiles = ReadonlyMap<string, string | Uint8Array>;

/**
 * Writes a run to `<out>/<runId>/` and then refreshes `<out>/latest/` to a
 * copy of it. Each folder is written in full under a temporary name first
 * and then renamed into place, so neither is ever seen half-written; a
 * failed write leaves no temporary folder behind. A run whose folder
 * exists already (two runs started in the same second) is refused.
 * Returns the run's folder.
 */
export async function writeRun(
  out: string,
  runId: string,
  files: RunFiles,
): Promise<string> {
  await Deno.mkdir(out, { recursive: true });
  const dir = join(out, runId);
  const exists = await Deno.lstat(dir).then(() => true, () => false);
  if (exists) {
    throw new Error(
      `Cannot write run "${runId}": "${dir}" exists already (a run is named after the second it started)`,
    );
  }
  const temporary = join(out, `.${runId}.tmp`);
  try {
    await writeFolder(temporary, files);
    await Deno.rename(temporary, dir);
  } catch (error) {
    await Deno.remove(temporary, { recursive: true }).catch(() => {});
    throw error;
  }
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
