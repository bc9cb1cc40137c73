/** A text file written through a buffer, in large chunks. */
export interface TextFileWriter {
  /** Adds text; call {@linkcode flushIfFull} now and then. */
  push(text: string): void;
  /** Whether the buffer is full enough to be written. */
  readonly full: boolean;
  /** Writes the buffer out if it is full. */
  flushIfFull(): Promise<void>;
  /** Writes everything out and closes the file. */
  close(): Promise<void>;
  /** Closes the file without writing the rest (after an error). */
  abort(): void;
}

const BUFFER_CHARS = 1 << 20;

/**
 * Opens (creating or truncating) a text file for buffered writing: text is
 * gathered up to about a million characters, then encoded and written, so
 * that files of any size are written with little memory.
 */
export async function openTextFileWriter(
  path: string,
): Promise<TextFileWriter> {
  const file = await Deno.open(path, {
    write: true,
    create: true,
    truncate: true,
  });
  const encoder = new TextEncoder();
  let parts: string[] = [];
  let size = 0;
  let closed = false;
  const flush = async () => {
    if (parts.length === 0) return;
    const bytes = encoder.encode(parts.join(""));
    parts = [];
    size = 0;
    let written = 0;
    while (written < bytes.length) {
      written += await file.write(bytes.subarray(written));
    }
  };
  return {
    push(text) {
      parts.push(text);
      size += text.length;
    },
    get full() {
      return size >= BUFFER_CHARS;
    },
    async flushIfFull() {
      if (size >= BUFFER_CHARS) await flush();
    },
    async close() {
      if (closed) return;
      try {
        await flush();
      } finally {
        closed = true;
        file.close();
      }
    },
    abort() {
      if (closed) return;
      closed = true;
      file.close();
    },
  };
}
