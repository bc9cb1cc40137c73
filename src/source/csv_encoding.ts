/** The encoding a CSV file was read in, and how Basket knew. */
export interface CsvEncoding {
  file: string;
  /** The WHATWG name: `utf-8`, `utf-16le`, `utf-16be`, `windows-1252`, ... */
  encoding: string;
  how: "given" | "byte order mark" | "valid UTF-8" | "not valid UTF-8";
}

/**
 * The encoding a name stands for (any label TextDecoder knows: `latin1`,
 * `cp1252`, `utf-16`, `iso-8859-15`, ...), as its WHATWG name. Throws a
 * RangeError naming `from` for a name it does not know.
 *
 * @example
 * ```ts
 * import { encodingName } from "./csv_encoding.ts";
 * if (encodingName("Latin1", "--encoding") !== "windows-1252") throw new Error();
 * if (encodingName("UTF-16", "--encoding") !== "utf-16le") throw new Error();
 * ```
 */
export function encodingName(name: string, from: string): string {
  try {
    return new TextDecoder(name.trim()).encoding;
  } catch {
    throw new RangeError(
      `Cannot read ${from} ${
        JSON.stringify(name)
      }: expected an encoding such as utf-8, windows-1252, latin1, utf-16le or utf-16be`,
    );
  }
}

/**
 * The encoding a file's first bytes declare with a byte order mark, if any.
 *
 * @example
 * ```ts
 * import { encodingFromBom } from "./csv_encoding.ts";
 * if (encodingFromBom(new Uint8Array([0xff, 0xfe, 0x61, 0])) !== "utf-16le") throw new Error();
 * if (encodingFromBom(new Uint8Array([0x61, 0x2c])) !== null) throw new Error();
 * ```
 */
export function encodingFromBom(head: Uint8Array): string | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return "utf-8";
  if (head[0] === 0xff && head[1] === 0xfe) return "utf-16le";
  if (head[0] === 0xfe && head[1] === 0xff) return "utf-16be";
  return null;
}

/** How an encoding is told in `inspect` and the report: `windows-1252 (the file is not valid UTF-8)`. */
export function encodingText(e: CsvEncoding): string {
  const how = {
    given: "as given by --encoding",
    "byte order mark": "from its byte order mark",
    "valid UTF-8": "the file is valid UTF-8",
    "not valid UTF-8": "the file is not valid UTF-8",
  }[e.how];
  return `${e.encoding} (${how})`;
}

/**
 * The encodings of a load's CSV files in one line: the encoding once when
 * every file shares it (`utf-8 (every file is valid UTF-8)`), else each
 * file's.
 *
 * @example
 * ```ts
 * import { encodingsText } from "./csv_encoding.ts";
 * const utf8 = (file: string) => ({ file, encoding: "utf-8", how: "valid UTF-8" as const });
 * const one = encodingsText([utf8("d/a.csv"), utf8("d/b.csv")]);
 * if (one !== "utf-8 (every file is valid UTF-8)") throw new Error(one);
 * const two = encodingsText([utf8("d/a.csv"), { file: "d/b.csv", encoding: "windows-1252", how: "not valid UTF-8" }]);
 * if (two !== "a.csv: utf-8 (the file is valid UTF-8); b.csv: windows-1252 (the file is not valid UTF-8)") throw new Error(two);
 * ```
 */
export function encodingsText(list: readonly CsvEncoding[]): string {
  const first = list[0];
  if (
    list.length > 1 &&
    list.every((e) => e.encoding === first.encoding && e.how === first.how)
  ) {
    return encodingText(first).replace("(the file is", "(every file is")
      .replace(
        "(from its byte order mark",
        "(from each file's byte order mark",
      );
  }
  return list.map((e) => `${e.file.split("/").pop()}: ${encodingText(e)}`)
    .join("; ");
}
