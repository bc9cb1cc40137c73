/**
 * Appends `value` as one JSON line to the file at `path`, creating the file
 * and its folder when missing.
 */
export async function appendJsonLine(
  path: string,
  value: unknown,
): Promise<void> {
  const slash = path.lastIndexOf("/");
  if (slash > 0) await Deno.mkdir(path.slice(0, slash), { recursive: true });
  await Deno.writeTextFile(path, `${JSON.stringify(value)}\n`, {
    append: true,
  });
}
