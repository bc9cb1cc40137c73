import { createHash } from "node:crypto";

/**
 * The SHA-256 (lower-case hex) of the file at `path`, read a megabyte at a
 * time: a file of any size is never held whole.
 */
export async function fileSha256(path: string): Promise<string> {
  const hash = createHash("sha256");
  const file = await Deno.open(path, { read: true });
  try {
    const buffer = new Uint8Array(1 << 20);
    for (;;) {
      const read = await file.read(buffer);
      if (read === null) break;
      hash.update(buffer.subarray(0, read));
    }
  } finally {
    file.close();
  }
  return hash.digest("hex");
}
