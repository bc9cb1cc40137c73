import { assertEquals } from "../assert.ts";
import { closeDataset, queryRows } from "../../src/source/dataset.ts";
import {
  loadSource,
  type LoadSourceOptions,
} from "../../src/source/load_source.ts";
import { KAGGLE, loadError } from "./source_files.ts";

const HEADER = "date,category,amount\n";
const bytes = (text: string) => new TextEncoder().encode(text);

/** Writes `files` (text or bytes) into a new folder, runs `fn` on it, and removes it. */
async function withRawFiles<T>(
  files: Record<string, string | Uint8Array>,
  fn: (dir: string) => Promise<T>,
): Promise<T> {
  const dir = await Deno.makeTempDir({ prefix: "basket-stage-" });
  try {
    for (const [name, content] of Object.entries(files)) {
      await Deno.writeFile(
        `${dir}/${name}`,
        typeof content === "string" ? bytes(content) : content,
      );
    }
    return await fn(dir);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

/** Loads `sales.csv` and returns its categories, the report and the rejects. */
async function load(
  content: string | Uint8Array,
  options: { onBadRows?: "fail" | "skip"; encoding?: string } = {},
) {
  return await withRawFiles({ "sales.csv": content }, async (dir) => {
    const { dataset, report } = await loadSource({
      path: `${dir}/sales.csv`,
      ...options,
    });
    try {
      const categories =
        (await queryRows(dataset, "SELECT category FROM sales"))
          .map((r) => r.category);
      const rejects = await queryRows(
        dataset,
        `SELECT row, "column", reason FROM rejects ORDER BY row`,
      );
      return {
        categories,
        rejects,
        rowsRead: report.rowsRead,
        encodings: report.encodings.map((e) => [e.encoding, e.how]),
      };
    } finally {
      closeDataset(dataset);
    }
  });
}

const windows1252 = new Uint8Array([
  ...bytes(HEADER + "2024-01-01,Caf"),
  0xe9, // é in Windows-1252, not UTF-8
  ...bytes(",1\n2024-01-02,"),
  0x80, // € in Windows-1252 only
  ...bytes(",2\n"),
]);

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const out = [bigEndian ? 0xfe : 0xff, bigEndian ? 0xff : 0xfe];
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    out.push(...(bigEndian ? [c >> 8, c & 255] : [c & 255, c >> 8]));
  }
  return new Uint8Array(out);
}

Deno.test("stageCsv() reads a file that is not valid UTF-8 as Windows-1252 and says so", async () => {
  const loaded = await load(windows1252);
  assertEquals(loaded.categories, ["Café", "€"]);
  assertEquals(loaded.encodings, [["windows-1252", "not valid UTF-8"]]);
});

Deno.test("stageCsv() reads UTF-16 by its byte order mark, little- and big-endian", async () => {
  for (const bigEndian of [false, true]) {
    const loaded = await load(utf16(HEADER + "2024-01-01,Café,1\n", bigEndian));
    assertEquals(loaded.categories, ["Café"]);
    assertEquals(loaded.encodings, [[
      bigEndian ? "utf-16be" : "utf-16le",
      "byte order mark",
    ]]);
  }
});

Deno.test("stageCsv() reads the encoding --encoding names", async () => {
  const latin9 = new Uint8Array([
    ...bytes(HEADER + "2024-01-01,"),
    0xa4,
    ...bytes(",1\n"),
  ]);
  const loaded = await load(latin9, { encoding: "iso-8859-15" });
  assertEquals(loaded.categories, ["€"]);
  assertEquals(loaded.encodings, [["iso-8859-15", "given"]]);
});

Deno.test("stageCsv() says a file given as UTF-8 is not, rather than read it wrong", async () => {
  await withRawFiles({ "sales.csv": windows1252 }, async (dir) => {
    const error = await loadSource({
      path: `${dir}/sales.csv`,
      encoding: "utf-8",
    })
      .then(() => null, (e: Error) => e.message.replaceAll(dir, "DIR"));
    assertEquals(
      error,
      'Cannot read sales "DIR/sales.csv": is not valid UTF-8 (name its encoding with --encoding, e.g. --encoding windows-1252)',
    );
  });
});

Deno.test("stageCsv() numbers rows by their file line after a quoted line break", async () => {
  const csv = HEADER +
    '2024-01-01,"Two\nlines",1\n2024-01-02,Books,x\n2024-01-03,Toys,3\n';
  assertEquals(
    await loadError({ "sales.csv": csv }, (d) => `${d}/sales.csv`),
    'Cannot read sales "DIR/sales.csv": row 4, column "amount": "x" is not a number',
  );
  const loaded = await load(csv, { onBadRows: "skip" });
  assertEquals(loaded.categories, ["Two\nlines", "Toys"]);
  assertEquals(loaded.rejects.map((r) => r.row), [4]);
});

Deno.test("stageCsv() counts a blank line in a file that is otherwise plain", async () => {
  assertEquals(
    await loadError(
      { "sales.csv": HEADER + "2024-01-01,A,1\n\n2024-01-02,B,x\n" },
      (d) => `${d}/sales.csv`,
    ),
    'Cannot read sales "DIR/sales.csv": row 4, column "amount": "x" is not a number',
  );
});

Deno.test("stageCsv() reads a file whose last line is empty or only spaces", async () => {
  assertEquals((await load(HEADER + "2024-01-01,A,1\n\n")).categories, ["A"]);
  assertEquals((await load(HEADER + "2024-01-01,A,1\n  \n")).categories, [
    "A",
  ]);
});

Deno.test("stageCsv() reads a file with mixed CRLF and LF line endings", async () => {
  const loaded = await load(HEADER + "2024-01-01,A,1\r\n2024-01-02,B,2\n");
  assertEquals(loaded.categories, ["A", "B"]);
});

Deno.test("stageCsv() names the file, row and column of a NUL character", async () => {
  assertEquals(
    await loadError(
      { "sales.csv": HEADER + "2024-01-01,A,1\n2024-01-02,B\0,2\n" },
      (d) => `${d}/sales.csv`,
    ),
    'Cannot read sales "DIR/sales.csv": row 3, column "category": holds a NUL character (is the file UTF-16? see --encoding)',
  );
});

Deno.test("stageCsv() rejects a ragged row once, and rows read plus rows rejected is the file's rows", async () => {
  const csv = HEADER +
    "2024-01-01,A,1\n2024-01-02,B,2,3,4,5\n2024-01-03,C\n2024-01-04,D,4\n";
  assertEquals(
    await loadError({ "sales.csv": csv }, (d) => `${d}/sales.csv`),
    'Cannot read sales "DIR/sales.csv": row 3: has 6 fields where the header has 3',
  );
  const loaded = await load(csv, { onBadRows: "skip" });
  assertEquals(loaded.rejects, [
    {
      row: 3,
      column: null,
      reason: "is not a well-formed row: has 6 fields where the header has 3",
    },
    {
      row: 4,
      column: null,
      reason: "is not a well-formed row: has 2 fields where the header has 3",
    },
  ]);
  assertEquals(loaded.rowsRead + loaded.rejects.length, 4);
});

Deno.test("stageCsv() names the row of a quote that is never closed and of text after a closing quote", async () => {
  assertEquals(
    await loadError(
      {
        "sales.csv": HEADER +
          '2024-01-01,A,1\n2024-01-02,"B,2\n2024-01-03,C,3\n',
      },
      (d) => `${d}/sales.csv`,
    ),
    'Cannot read sales "DIR/sales.csv": row 3, column "category": has a quote that is never closed',
  );
  assertEquals(
    await loadError(
      { "sales.csv": HEADER + '2024-01-01,"A"B,1\n' },
      (d) => `${d}/sales.csv`,
    ),
    'Cannot read sales "DIR/sales.csv": row 2, column "category": has text after a closing quote',
  );
});

Deno.test("stageCsv() refuses two columns that differ only in case", async () => {
  assertEquals(
    await loadError(
      { "sales.csv": "date,category,Amount,amount\n2024-01-01,A,1,2\n" },
      (d) => `${d}/sales.csv`,
    ),
    'Cannot read sales "DIR/sales.csv": row 1: columns "Amount" and "amount" differ only in case or spacing, so Basket cannot tell them apart',
  );
});

Deno.test("loadSource() says a symbolic link loop is one, not that it does not exist", async () => {
  await withRawFiles({}, async (dir) => {
    await Deno.symlink(`${dir}/b`, `${dir}/a`);
    await Deno.symlink(`${dir}/a`, `${dir}/b`);
    const error = await loadSource({ path: `${dir}/a` }).then(
      () => null,
      (e: Error) => e.message.replaceAll(dir, "DIR"),
    );
    assertEquals(
      error,
      'Cannot read data "DIR/a": is a symbolic link that leads back to itself (a loop of links)',
    );
  });
});

Deno.test("loadSource() reads the real three-file data set as UTF-8 in every file", async () => {
  const { dataset, report } = await loadSource({ path: KAGGLE });
  closeDataset(dataset);
  assertEquals(report.rowsRead, 23053);
  assertEquals(
    report.encodings.map((e) => [e.file.split("/").pop(), e.encoding]),
    [
      ["prod_cat_info.csv", "utf-8"],
      ["Customer.csv", "utf-8"],
      ["Transactions.csv", "utf-8"],
    ],
  );
});

const CDNOW_LIKE = " 00004 0001 19970101  2   29.33\r\n" +
  " 00004 0001 19970118  2   29.73\r\n" +
  "\t00007 0003 19970102\t1 \t 11.77 \r\n";
const CDNOW_MAP = { customer_id: "1", date: "3", quantity: "4", amount: "5" };

/** Loads `sales.txt` and returns its sale lines, the rejects and the columns read. */
async function loadLines(
  text: string,
  options: Omit<LoadSourceOptions, "path">,
) {
  return await withRawFiles({ "sales.txt": text }, async (dir) => {
    const { dataset, report } = await loadSource({
      path: `${dir}/sales.txt`,
      ...options,
    });
    try {
      return {
        lines: await queryRows(
          dataset,
          "SELECT date::VARCHAR AS date, customer_id, quantity, amount FROM sales",
        ),
        rejects: await queryRows(
          dataset,
          `SELECT row, "column", reason FROM rejects ORDER BY row`,
        ),
        columns: report.columns.map((c) => `${c.field}=${c.column}`),
      };
    } finally {
      closeDataset(dataset);
    }
  });
}

Deno.test("loadSource() reads a whitespace-separated file without a header, its columns numbered from 1", async () => {
  const loaded = await loadLines(CDNOW_LIKE, {
    header: false,
    delimiter: "whitespace",
    map: CDNOW_MAP,
  });
  assertEquals(loaded.lines, [
    { date: "1997-01-01", customer_id: "00004", quantity: 2, amount: 29.33 },
    { date: "1997-01-18", customer_id: "00004", quantity: 2, amount: 29.73 },
    { date: "1997-01-02", customer_id: "00007", quantity: 1, amount: 11.77 },
  ]);
  assertEquals(loaded.columns, [
    "customer_id=1",
    "date=3",
    "quantity=4",
    "amount=5",
  ]);
});

Deno.test("loadSource() numbers the rows of a file without a header from line 1, read as it is or through a copy", async () => {
  const options = { header: false, map: { date: "1", amount: "3" } } as const;
  // Comma-separated and regular: DuckDB reads the file itself.
  assertEquals(
    await loadError(
      { "s.csv": "2024-01-01,A,1\n2024-01-02,B,two\n" },
      (d) => `${d}/s.csv`,
      options,
    ),
    'Cannot read sales "DIR/s.csv": row 2, column "3": "two" is not a number',
  );
  // Whitespace-separated: always read through a copy.
  assertEquals(
    await loadError(
      { "s.txt": "20240101 A 1\n\n20240132 B 2\n" },
      (d) => `${d}/s.txt`,
      { ...options, delimiter: "whitespace" },
    ),
    'Cannot read sales "DIR/s.txt": row 3, column "1": "20240132" is not a date',
  );
  assertEquals(
    await loadError(
      { "s.txt": "20240101 A 1\n99991231 B 2\n" },
      (d) => `${d}/s.txt`,
      { ...options, delimiter: "whitespace" },
    ),
    'Cannot read sales "DIR/s.txt": row 2, column "1": "99991231" is not a plausible date: Basket reads 1900-01-01 to 2099-12-31',
  );
});

Deno.test("loadSource() keeps a quoted field whole in a whitespace-separated file, and rejects a ragged row against the first line", async () => {
  const text = '2024-01-01 "Books, used"  3\n2024-01-02 Toys 4 extra\n';
  const options = {
    header: false,
    delimiter: "whitespace",
    map: { date: "1", category: "2", amount: "3" },
  } as const;
  assertEquals(
    await loadError({ "s.txt": text }, (d) => `${d}/s.txt`, options),
    'Cannot read sales "DIR/s.txt": row 2: has 4 fields where the first line has 3',
  );
  await withRawFiles({ "s.txt": text }, async (dir) => {
    const { dataset } = await loadSource({
      path: `${dir}/s.txt`,
      ...options,
      onBadRows: "skip",
    });
    try {
      assertEquals(
        await queryRows(dataset, "SELECT category, amount FROM sales"),
        [{ category: "Books, used", amount: 3 }],
      );
      assertEquals(
        await queryRows(dataset, `SELECT row, reason FROM rejects`),
        [{
          row: 2,
          reason:
            "is not a well-formed row: has 4 fields where the first line has 3",
        }],
      );
    } finally {
      closeDataset(dataset);
    }
  });
});

Deno.test("loadSource() reads the delimiter it is given rather than the one the first line suggests", async () => {
  const loaded = await loadLines("2024-01-01\tBooks, used, old, torn\t3\n", {
    header: false,
    delimiter: "tab",
    map: { date: "1", category: "2", amount: "3" },
  });
  assertEquals(loaded.lines, [
    { date: "2024-01-01", customer_id: null, quantity: null, amount: 3 },
  ]);
});

Deno.test("loadSource() says which columns a file without a header has when a map names another", async () => {
  assertEquals(
    await loadError(
      { "s.txt": CDNOW_LIKE },
      (d) => `${d}/s.txt`,
      {
        header: false,
        delimiter: "whitespace",
        map: { ...CDNOW_MAP, amount: "7" },
      },
    ),
    'Cannot read sales "DIR/s.txt": column "7": is mapped to amount but the file has no header and 5 columns, numbered 1 to 5',
  );
});

Deno.test("loadSource() suggests --no-header when a map names columns by number in a file read with a header", async () => {
  assertEquals(
    await loadError(
      { "s.csv": "20240101,A,5\n20240102,B,2\n" },
      (d) => `${d}/s.csv`,
      { map: { date: "1", amount: "3" } },
    ),
    'Cannot read sales "DIR/s.csv": row 1, column "1": is mapped to date but is not in the file; its columns are "20240101", "A", "5" (a file without a header needs --no-header; its columns are then numbered 1, 2, ...)',
  );
});

Deno.test("loadSource() refuses a file without a header anywhere but a single CSV", async () => {
  assertEquals(
    await loadError(
      { "sales.csv": HEADER + "2024-01-01,A,1\n" },
      (d) => d,
      { header: false },
    ),
    'Cannot read data "DIR": is a folder: --no-header is for one CSV file of sales, read through --map',
  );
});
