import { join } from "node:path";
import { writeAll } from "./file_bytes.ts";

/**
 * A file of a run: its text, its bytes, or a file on disk to copy (a file
 * too large to hold, such as segments.json of millions of customers).
 */
export type RunFile = string | Uint8Array | { readonly path: string };

/** A report run's files, by name relative to the run's folder. */
export type RunFiles = ReadonlyMap<string, RunFile>;

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
    await writeRunFile(path, content);
  }
}

/** Writes one file of a run: its text, its bytes, or a copy of a file on disk. */
export async function writeRunFile(
  path: string,
  content: RunFile,
): Promise<void> {
  if (typeof content === "string") await writeText(path, content);
  else if (content instanceof Uint8Array) await Deno.writeFile(path, content);
  else await Deno.copyFile(content.path, path);
}

/** Bytes of text encoded at a time by {@linkcode writeText}. */
const TEXT_CHUNK = 1 << 20;

/**
 * Writes text as UTF-8 a slice at a time: a file of tens of megabytes
 * (segments.json of millions of customers) is never a second copy in
 * memory as bytes. The same bytes as `Deno.writeTextFile`.
 */
export async function writeText(
  path: string,
  text: string,
  chunkBytes: number = TEXT_CHUNK,
): Promise<void> {
  const file = await Deno.open(path, {
    write: true,
    create: true,
    truncate: true,
  });
  try {
    const encoder = new TextEncoder();
    const buffer = new Uint8Array(Math.max(chunkBytes, 4));
    let at = 0;
    while (at < text.length) {
      // A slice of a string shares the string's memory; encodeInto stops
      // before a character the buffer has no room for, never inside one.
      const { read, written } = encoder.encodeInto(text.slice(at), buffer);
      await writeAll(file, buffer.subarray(0, written));
      at += read;
    }
  } finally {
    file.close();
  }
}
