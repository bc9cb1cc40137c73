/**
 * Writes an object's body to the file `toFile` as it arrives, never whole
 * in memory; an object without a body is an empty file. The file is closed
 * whether the body ends or fails (the caller removes what a failure left).
 */
export async function writeBody(
  body: { transformToWebStream(): ReadableStream<Uint8Array> } | undefined,
  toFile: string,
): Promise<void> {
  const file = await Deno.open(toFile, {
    write: true,
    create: true,
    truncate: true,
  });
  // pipeTo closes the file, whether the body ends or fails.
  await (body
    ? body.transformToWebStream()
    : new ReadableStream<Uint8Array>({ start: (c) => c.close() }))
    .pipeTo(file.writable);
}
