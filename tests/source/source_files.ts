/** Temporary folders of source files for the loader's tests. */
import { assertRejects } from "../assert.ts";
import { InputError } from "../../src/model/input_error.ts";
import {
  loadSource,
  type LoadSourceOptions,
} from "../../src/source/load_source.ts";

/** The real three-file retail data set. */
export const KAGGLE =
  new URL("../../../shared/datasets/retail-kaggle/", import.meta.url).pathname;

/** Writes `files` into a new temporary folder, runs `fn` on it, and removes it. */
export async function withFiles<T>(
  files: Record<string, string>,
  fn: (dir: string) => Promise<T>,
): Promise<T> {
  const dir = await Deno.makeTempDir({ prefix: "basket-load-" });
  try {
    for (const [name, text] of Object.entries(files)) {
      await Deno.writeTextFile(`${dir}/${name}`, text);
    }
    return await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** The message of the InputError that loading `path(dir)` throws, with the folder written `DIR`. */
export async function loadError(
  files: Record<string, string>,
  path: (dir: string) => string,
  options: Partial<LoadSourceOptions> = {},
) {
  return await withFiles(files, async (dir) => {
    const error = await assertRejects(
      () => loadSource({ path: path(dir), ...options }),
      InputError,
    );
    return error.message.replaceAll(dir, "DIR");
  });
}
