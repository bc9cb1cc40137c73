/**
 * Reading JSON from a file a buffer at a time, byte by byte: what
 * scanSegmentsFile is made of. Everything JSON's syntax depends on is
 * ASCII, and in UTF-8 a byte below 0x80 is always the ASCII character it
 * reads as, never part of another character; so the file's bytes are
 * scanned as scanSegmentSnapshot scans its text, and only values (an id, a
 * spend, a header member) are decoded, each whole. A decoder meets the
 * same bytes between two ASCII characters as when it decodes the whole
 * file, so these values are those of the file's text.
 */

/** A syntax error at the byte offset `byte` of the file. */
export class SyntaxAt {
  constructor(readonly byte: number) {}
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * A file read forwards from an offset through a buffer of `bufferSize`
 * bytes. Reads are synchronous: the scanner is plain code between them.
 */
export class FileCursor {
  #file: Deno.FsFile;
  #buffer: Uint8Array;
  /** The file's offset of the buffer's first byte. */
  #base: number;
  #length = 0;
  /** The next byte's index in the buffer. */
  at = 0;

  constructor(path: string, start: number, bufferSize: number) {
    this.#file = Deno.openSync(path);
    try {
      if (start > 0) this.#file.seekSync(start, Deno.SeekMode.Start);
    } catch (error) {
      this.#file.close();
      throw error;
    }
    this.#base = start;
    this.#buffer = new Uint8Array(bufferSize);
  }

  /** The file's offset of the next byte. */
  get offset(): number {
    return this.#base + this.at;
  }

  /** The next byte, not taken; -1 at the end of the file. */
  peek(): number {
    if (this.at < this.#length) return this.#buffer[this.at];
    this.#base += this.#length;
    this.at = 0;
    this.#length = this.#file.readSync(this.#buffer) ?? 0;
    return this.#length > 0 ? this.#buffer[0] : -1;
  }

  /** Takes the next byte (one there is). */
  skip(): void {
    this.peek();
    this.at++;
  }

  close(): void {
    this.#file.close();
  }
}

/** A value's bytes, kept to be decoded whole. */
export class Bytes {
  #bytes = new Uint8Array(64);
  length = 0;
  #ascii = true;

  push(byte: number): void {
    if (this.length === this.#bytes.length) {
      const grown = new Uint8Array(this.length * 2);
      grown.set(this.#bytes);
      this.#bytes = grown;
    }
    this.#bytes[this.length++] = byte;
    if (byte >= 0x80) this.#ascii = false;
  }

  clear(): void {
    this.length = 0;
    this.#ascii = true;
  }

  view(): Uint8Array {
    return this.#bytes.subarray(0, this.length);
  }

  /** The bytes as UTF-8 text, as a decoder of the whole file reads them. */
  text(): string {
    const bytes = this.view();
    return this.#ascii && this.length <= 256
      ? String.fromCharCode.apply(null, bytes as unknown as number[])
      : DECODER.decode(bytes);
  }
}

/** A BOM is a character of the text, as Deno.readTextFile keeps it. */
const DECODER = new TextDecoder("utf-8", { ignoreBOM: true });

/** Skips JSON white space. */
export function space(c: FileCursor): void {
  for (;;) {
    const b = c.peek();
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return;
    c.at++;
  }
}

/**
 * Skips the JSON value at the cursor as scanSegmentSnapshot's valueEnd
 * finds its end (a string, brackets matched outside strings, or a bare
 * word up to a delimiter), keeping its bytes in `keep` when given.
 */
export function skipValue(c: FileCursor, keep?: Bytes): void {
  const start = c.offset;
  const first = c.peek();
  if (first === QUOTE) return skipString(c, keep);
  if (first === 0x5b || first === 0x7b) {
    let depth = 0;
    for (;;) {
      const b = c.peek();
      if (b < 0) throw new SyntaxAt(c.offset);
      if (b === QUOTE) {
        skipString(c, keep);
        continue;
      }
      keep?.push(b);
      c.at++;
      if (b === 0x5b || b === 0x7b) depth++;
      else if ((b === 0x5d || b === 0x7d) && --depth === 0) return;
    }
  }
  for (;;) {
    const b = c.peek();
    if (
      b < 0 || b === 0x2c || b === 0x5d || b === 0x7d || b === 0x20 ||
      b === 0x09 || b === 0x0a || b === 0x0d
    ) break;
    keep?.push(b);
    c.at++;
  }
  if (c.offset === start) throw new SyntaxAt(start);
}

/** Skips the string at the cursor: to its closing quote, no control character inside. */
function skipString(c: FileCursor, keep?: Bytes): void {
  keep?.push(QUOTE);
  c.at++;
  for (;;) {
    const b = c.peek();
    if (b < 0) throw new SyntaxAt(c.offset);
    keep?.push(b);
    c.at++;
    if (b === QUOTE) return;
    if (b === BACKSLASH) {
      const escaped = c.peek();
      if (escaped < 0) throw new SyntaxAt(c.offset);
      keep?.push(escaped);
      c.at++;
    } else if (b < 0x20) throw new SyntaxAt(c.offset - 1);
  }
}

/**
 * The elements of the JSON array at the cursor, one at a time, as
 * scanSegmentSnapshot's `elements` finds them.
 */
export class ArrayCursor {
  #first = true;
  #done = false;
  /** The file's offset of the last element read. */
  start = -1;

  constructor(readonly cursor: FileCursor) {
    cursor.skip(); // The "[".
    space(cursor);
    if (cursor.peek() === 0x5d) this.#done = true;
  }

  /** Skips the next element, its bytes in `keep` when given; false after the last. */
  next(keep?: Bytes): boolean {
    if (this.#done) return false;
    const c = this.cursor;
    if (!this.#first) {
      space(c);
      const b = c.peek();
      if (b === 0x5d) {
        this.#done = true;
        return false;
      }
      if (b !== 0x2c) throw new SyntaxAt(c.offset);
      c.at++;
      space(c);
    }
    this.#first = false;
    keep?.clear();
    this.start = c.offset;
    skipValue(c, keep);
    return true;
  }
}

const ESCAPES: Record<number, number> = {
  0x22: 0x22,
  0x5c: 0x5c,
  0x2f: 0x2f,
  0x62: 0x08,
  0x66: 0x0c,
  0x6e: 0x0a,
  0x72: 0x0d,
  0x74: 0x09,
};

/**
 * The UTF-16 code units of the JSON string at the cursor (a string whose
 * end skipValue has found), escapes read as JSON reads them, one at a
 * time: the letters of a segments file, never held whole. An escape JSON
 * does not know is a syntax error at the string's start, where JSON.parse
 * of the whole string puts it.
 */
export class StringUnits {
  #decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  #run = new Bytes();
  #pending = "";
  #next = 0;
  #start: number;

  constructor(readonly cursor: FileCursor) {
    this.#start = cursor.offset;
    cursor.skip(); // The opening quote.
  }

  /** The next code unit; -1 at the closing quote. */
  next(): number {
    if (this.#next < this.#pending.length) {
      return this.#pending.charCodeAt(this.#next++);
    }
    const c = this.cursor;
    const b = c.peek();
    if (b === QUOTE) return -1;
    // The end of the file inside the string: only a file changed since
    // skipValue found the string's end.
    if (b < 0) throw new SyntaxAt(c.offset);
    if (b < 0x80) {
      c.at++;
      return b === BACKSLASH ? this.#escape() : b;
    }
    // A run of other bytes, up to the next ASCII one: decoded in pieces,
    // as one.
    this.#run.clear();
    let decoded = "";
    for (;;) {
      const d = c.peek();
      if (d < 0) throw new SyntaxAt(c.offset);
      if (d < 0x80) break;
      this.#run.push(d);
      c.at++;
      if (this.#run.length === 4096) {
        decoded += this.#decoder.decode(this.#run.view(), { stream: true });
        this.#run.clear();
      }
    }
    this.#pending = decoded + this.#decoder.decode(this.#run.view());
    this.#next = 0;
    return this.next();
  }

  #escape(): number {
    const c = this.cursor;
    const b = c.peek();
    c.at++;
    const plain = ESCAPES[b];
    if (plain !== undefined) return plain;
    if (b !== 0x75) throw new SyntaxAt(this.#start);
    let unit = 0;
    for (let k = 0; k < 4; k++) {
      const h = c.peek();
      const digit = h >= 0x30 && h <= 0x39
        ? h - 0x30
        : h >= 0x61 && h <= 0x66
        ? h - 0x57
        : h >= 0x41 && h <= 0x46
        ? h - 0x37
        : -1;
      if (digit < 0) throw new SyntaxAt(this.#start);
      c.at++;
      unit = unit * 16 + digit;
    }
    return unit;
  }
}

/**
 * How many UTF-16 code units the text of the file's first `bytes` bytes
 * has (a BOM counted, as Deno.readTextFile keeps it): the character a
 * syntax error is at, read a buffer at a time. `bytes` is always just
 * after an ASCII character (or the start or end of the file), where the
 * decoder has no character half read.
 */
export function charsBefore(
  path: string,
  bytes: number,
  bufferSize: number,
): number {
  const decoder = new TextDecoder("utf-8", { ignoreBOM: true });
  const file = Deno.openSync(path);
  try {
    const buffer = new Uint8Array(bufferSize);
    let chars = 0;
    for (let left = bytes; left > 0;) {
      const n = file.readSync(buffer.subarray(0, Math.min(left, bufferSize)));
      if (!n) break;
      chars += decoder.decode(buffer.subarray(0, n), { stream: true }).length;
      left -= n;
    }
    return chars + decoder.decode().length;
  } finally {
    file.close();
  }
}
