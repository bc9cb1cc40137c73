/** A record that cannot be read, at the file line where it starts. */
export interface CsvProblem {
  line: number;
  /** The field at fault, as a header name, when one is. */
  column?: string;
  problem: string;
  /** The record's text, when the scan was rewriting the file. */
  text?: string;
}

/** What a scan of a whole CSV file found. */
export interface CsvShape {
  /** Records after the header (if any), blank lines left out, good or bad. */
  records: number;
  /**
   * Whether record n (from 0) is file line n + 2 (n + 1 in a file without
   * a header) and DuckDB can read the
   * file as it is: no blank lines, no record over several lines, one kind
   * of line ending, no bad record.
   */
  regular: boolean;
  problems: CsvProblem[];
}

/** Options for {@linkcode CsvScanner}. */
export interface CsvScannerOptions {
  /**
   * One character, or `whitespace`: fields apart by runs of spaces and
   * tabs, spaces before the first field and after the last ignored.
   */
  delimiter: string;
  /** The header's names (or `1`, `2`, ...), which fix how many fields a record has. */
  headers: readonly string[];
  /** Whether the first line is a header; default true. */
  header?: boolean;
  /**
   * When given, receives the file rewritten for DuckDB: a leading `__row`
   * field with each record's first line number, `\n` line endings, no blank
   * lines and no bad records; fields apart by a tab when `delimiter` is
   * `whitespace`.
   */
  emit?: (text: string) => void;
  /** Stop keeping problems after this many (they are still counted as records). */
  maxProblems?: number;
}

const QUOTE = 34, CR = 13, LF = 10, SPACE = 32, TAB = 9, NUL = 0;

// Where the scan is within a field.
const START = 0, PLAIN = 1, QUOTED = 2, QUOTE_SEEN = 3, AFTER_QUOTE = 4;
/** Whitespace-separated: a field has ended, and spaces or tabs follow it. */
const BETWEEN = 5;

/**
 * Scans CSV text fed in chunks, the way DuckDB's reader parses it (double
 * quotes, `""` inside them; a quote inside an unquoted field is text),
 * finding the file line where each record starts, blank lines, mixed line
 * endings and the records that cannot be read: a wrong number of fields, a
 * NUL character, text after a closing quote, a quote never closed. With
 * `delimiter: "whitespace"` a run of spaces and tabs ends a field, and with
 * `header: false` the first line is already a record.
 *
 * @example
 * ```ts
 * import { CsvScanner } from "./scan_csv.ts";
 * const scan = new CsvScanner({ delimiter: ",", headers: ["a", "b"] });
 * scan.push('a,b\n1,"two\nlines"\n\n2,x,y\n');
 * const shape = scan.finish();
 * if (shape.records !== 2 || shape.regular) throw new Error("wrong shape");
 * const [p] = shape.problems;
 * if (p.line !== 5 || p.problem !== "has 3 fields where the header has 2") throw new Error(p.problem);
 * const spaced = new CsvScanner({ delimiter: "whitespace", headers: ["1", "2"], header: false });
 * spaced.push("  1 \t x\n2 y z\n");
 * const [q] = spaced.finish().problems;
 * if (q.line !== 2 || q.problem !== "has 3 fields where the first line has 2") throw new Error(q.problem);
 * ```
 */
export class CsvScanner {
  /** The delimiter's code; -1 for whitespace, which the scan handles apart. */
  readonly #delimiter: number;
  /** The delimiter of the rewritten copy. */
  readonly #outDelimiter: string;
  readonly #whitespace: boolean;
  readonly #header: boolean;
  readonly #headers: readonly string[];
  readonly #emit?: (text: string) => void;
  readonly #maxProblems: number;
  #state = START;
  #line = 1;
  #recordLine = 1;
  #field = 0;
  /** Whether the record so far is only spaces and tabs (a blank line). */
  #blank = true;
  #bad: CsvProblem | null = null;
  #pendingCr = false;
  #ending: string | null = null;
  #regular = true;
  #records = -1;
  #problems: CsvProblem[] = [];
  /** The current record's text, when rewriting. */
  #text = "";
  #out: string[] = [];

  constructor(options: CsvScannerOptions) {
    this.#whitespace = options.delimiter === "whitespace";
    this.#delimiter = this.#whitespace ? -1 : options.delimiter.charCodeAt(0);
    this.#outDelimiter = this.#whitespace ? "\t" : options.delimiter;
    this.#header = options.header ?? true;
    // Without a header, the first line is already a record.
    if (!this.#header) this.#records = 0;
    this.#headers = options.headers;
    this.#emit = options.emit;
    this.#maxProblems = options.maxProblems ?? Infinity;
  }

  /** Scans the next chunk of text. */
  push(chunk: string): void {
    const d = this.#delimiter;
    let from = 0;
    let i = 0;
    if (this.#pendingCr) {
      this.#pendingCr = false;
      if (chunk.charCodeAt(0) === LF) {
        this.#lineEnd("\r\n");
        from = i = 1;
      } else this.#lineEnd("\r");
    }
    for (; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c > QUOTE && c !== d) {
        if (this.#state === START) this.#state = PLAIN;
        else if (this.#state >= QUOTE_SEEN) this.#afterField(PLAIN);
        this.#blank = false;
        continue;
      }
      const state = this.#state;
      if (state === QUOTED) {
        if (c === QUOTE) this.#state = QUOTE_SEEN;
        else if (c === LF) {
          this.#line++;
          this.#regular = false;
        } else if (c === NUL) this.#nul();
        continue;
      }
      if (c === d) {
        this.#field++;
        this.#state = START;
        this.#blank = false;
      } else if (c === LF || c === CR) {
        if (this.#emit) this.#text += chunk.slice(from, i);
        if (c === LF) this.#lineEnd("\n");
        else if (i + 1 === chunk.length) {
          this.#pendingCr = true;
        } else if (chunk.charCodeAt(i + 1) === LF) {
          this.#lineEnd("\r\n");
          i++;
        } else this.#lineEnd("\r");
        from = i + 1;
      } else if (c === QUOTE) {
        if (state === START) this.#state = QUOTED;
        else if (state === QUOTE_SEEN) this.#state = QUOTED;
        else if (state === AFTER_QUOTE || state === BETWEEN) {
          this.#afterField(QUOTED);
        }
        this.#blank = false;
      } else if (c === SPACE || c === TAB) {
        if (this.#whitespace) {
          if (state !== START) this.#state = BETWEEN;
        } else if (state === QUOTE_SEEN) this.#state = AFTER_QUOTE;
      } else {
        if (c === NUL) this.#nul();
        if (state === START) this.#state = PLAIN;
        else if (state >= QUOTE_SEEN) this.#afterField(PLAIN);
        this.#blank = false;
      }
    }
    if (this.#emit && from < chunk.length) this.#text += chunk.slice(from);
  }

  /** Ends the scan: the last record, and what the whole file held. */
  finish(): CsvShape {
    if (this.#pendingCr) {
      this.#pendingCr = false;
      this.#lineEnd("\r");
    }
    if (this.#state === QUOTED) {
      this.#problem("has a quote that is never closed");
      this.#endRecord();
    } else if (!this.#blank || this.#field > 0) this.#endRecord();
    this.#flush();
    return {
      records: Math.max(this.#records, 0),
      regular: this.#regular && this.#problems.length === 0,
      problems: this.#problems,
    };
  }

  #lineEnd(ending: string): void {
    if (this.#ending === null) this.#ending = ending;
    else if (ending !== this.#ending) this.#regular = false;
    this.#line++;
    if (this.#blank && this.#field === 0 && this.#records >= 0) {
      // A blank line: DuckDB skips it too, but the lines after it are
      // numbered one more than their records.
      this.#regular = false;
      this.#text = "";
      this.#recordLine = this.#line;
      return;
    }
    this.#endRecord();
  }

  #endRecord(): void {
    const fields = this.#field + 1;
    if (!this.#bad && this.#records >= 0 && fields !== this.#headers.length) {
      this.#problem(
        `has ${fields} ${fields === 1 ? "field" : "fields"} where the ${
          this.#header ? "header" : "first line"
        } has ${this.#headers.length}`,
        false,
      );
    }
    const emit = this.#emit;
    if (this.#bad) {
      if (this.#problems.length < this.#maxProblems) {
        if (emit) this.#bad.text = this.#text;
        this.#problems.push(this.#bad);
      }
      this.#bad = null;
    } else if (emit) {
      const text = this.#whitespace ? tabSeparated(this.#text) : this.#text;
      this.#out.push(
        this.#records < 0
          ? `"__row"${this.#outDelimiter}${text}\n`
          : `${this.#recordLine}${this.#outDelimiter}${text}\n`,
      );
      if (this.#out.length >= 4096) this.#flush();
    }
    this.#records++;
    this.#text = "";
    this.#state = START;
    this.#field = 0;
    this.#blank = true;
    this.#recordLine = this.#line;
  }

  #flush(): void {
    if (this.#emit && this.#out.length) {
      this.#emit(this.#out.join(""));
      this.#out = [];
    }
  }

  #nul(): void {
    this.#problem("holds a NUL character (is the file UTF-16? see --encoding)");
  }

  /**
   * A character after a field: in a whitespace-separated file, after
   * spaces, the start of the next field (`next`: PLAIN or QUOTED); else
   * text after a closing quote.
   */
  #afterField(next: number): void {
    if (this.#state === BETWEEN) {
      this.#field++;
      this.#state = next;
    } else this.#textAfterQuote();
  }

  #textAfterQuote(): void {
    this.#state = PLAIN;
    this.#problem("has text after a closing quote");
  }

  #problem(problem: string, inField = true): void {
    if (this.#bad || this.#records < 0) return;
    const column = this.#headers[this.#field];
    this.#bad = {
      line: this.#recordLine,
      ...(inField && column !== undefined ? { column } : {}),
      problem,
    };
  }
}

/**
 * A whitespace-separated record with its fields apart by one tab: runs of
 * spaces and tabs outside quotes made one tab, and those at either end
 * dropped. A field holds no tab or space unless quoted, so none is lost.
 */
function tabSeparated(text: string): string {
  let out = "";
  let quoted = false;
  let gap = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (!quoted && (c === " " || c === "\t")) {
      gap = out !== "";
      continue;
    }
    if (gap) out += "\t";
    gap = false;
    if (c === '"') quoted = !quoted;
    out += c;
  }
  return out;
}
