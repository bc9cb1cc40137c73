import { assertEquals } from "../assert.ts";
import { openDatabase } from "../../src/source/dataset.ts";
import {
  dateSql,
  isPlausibleDate,
  parseDate,
  plausibleDateSql,
} from "../../src/source/parse_date.ts";
import { detectDateOrder } from "../../src/source/detect_date_order.ts";

const CASES: [string, "dmy" | "mdy", string | null][] = [
  ["2014-02-28", "dmy", "2014-02-28"],
  ["2014-2-3", "mdy", "2014-02-03"],
  ["2010-12-01 08:26:00", "dmy", "2010-12-01"],
  ["28-02-2014", "dmy", "2014-02-28"],
  ["12/2/2014", "dmy", "2014-02-12"],
  ["12/2/2014", "mdy", "2014-12-02"],
  ["12/1/2010 8:26", "mdy", "2010-12-01"],
  ["29-02-2012", "dmy", "2012-02-29"],
  ["29-02-2013", "dmy", null],
  ["31-02-2014", "dmy", null],
  ["13/13/2014", "dmy", null],
  ["00/01/2014", "dmy", null],
  ["2014/02/28", "dmy", null],
  ["28.02.2014", "dmy", "2014-02-28"],
  ["yesterday", "dmy", null],
  ["", "dmy", null],
  [" 01-03-2014 ", "dmy", "2014-03-01"],
  // Two-digit years, as Excel writes them: 00–29 are 20xx, 30–99 are 19xx.
  ["12/1/10 8:26", "mdy", "2010-12-01"],
  ["12/1/10 8:26", "dmy", "2010-01-12"],
  ["1/1/00", "dmy", "2000-01-01"],
  ["31.12.29", "dmy", "2029-12-31"],
  ["1-1-30", "dmy", "1930-01-01"],
  ["12/31/99 23:59:59", "mdy", "1999-12-31"],
  ["29/02/00", "dmy", "2000-02-29"],
  ["29/02/30", "dmy", null],
  ["1/1/010", "dmy", null],
  ["1/1/1", "dmy", null],
  ["10-12-01", "dmy", "2001-12-10"],
  // Real dates, however far off (whether they are plausible is another check).
  ["0001-01-01", "dmy", "0001-01-01"],
  ["01-01-0001", "dmy", "0001-01-01"],
  ["29-02-0004", "dmy", "0004-02-29"],
  ["29-02-0100", "dmy", null],
  ["0000-02-29", "dmy", "0000-02-29"],
  ["9999-12-31", "mdy", "9999-12-31"],
  // yyyymmdd, as CDNOW writes dates: year first, whatever the order.
  ["19970101", "dmy", "1997-01-01"],
  ["19970101", "mdy", "1997-01-01"],
  [" 19980630 ", "dmy", "1998-06-30"],
  ["20120229", "dmy", "2012-02-29"],
  ["20130229", "dmy", null],
  ["19971301", "dmy", null],
  ["19970100", "dmy", null],
  ["01011997", "dmy", null],
  ["12311997", "mdy", null],
  ["1997011", "dmy", null],
  ["199701011", "dmy", null],
  ["00010101", "dmy", "0001-01-01"],
];

Deno.test("parseDate() reads ISO, yyyymmdd, dd-mm-yyyy, dd/mm/yyyy and dd/mm/yy dates and refuses impossible ones", () => {
  for (const [text, order, expected] of CASES) {
    assertEquals(
      parseDate(text, order),
      expected,
      `${JSON.stringify(text)} as ${order}`,
    );
  }
});

Deno.test("dateSql() reads every date exactly as parseDate() does", async () => {
  const connection = await openDatabase();
  for (const order of ["dmy", "mdy"] as const) {
    for (const [text] of CASES) {
      const reader = await connection.runAndReadAll(
        `SELECT strftime(${dateSql("$1::VARCHAR", order)}, '%Y-%m-%d') AS d`,
        [text],
      );
      assertEquals(
        reader.getRows()[0][0] ?? null,
        parseDate(text, order),
        `${JSON.stringify(text)} as ${order}`,
      );
    }
  }
  connection.closeSync();
});

const PLAUSIBLE: [string, boolean][] = [
  ["0001-01-01", false],
  ["1899-12-31", false],
  ["1900-01-01", true],
  ["2014-02-28", true],
  ["2099-12-31", true],
  ["2100-01-01", false],
  ["9999-12-31", false],
];

Deno.test("isPlausibleDate() accepts 1900-01-01 to 2099-12-31 and nothing else", () => {
  for (const [date, expected] of PLAUSIBLE) {
    assertEquals(isPlausibleDate(date), expected, date);
  }
});

Deno.test("plausibleDateSql() draws the line exactly where isPlausibleDate() does", async () => {
  const connection = await openDatabase();
  for (const [date] of PLAUSIBLE) {
    const reader = await connection.runAndReadAll(
      `SELECT ${plausibleDateSql("$1::DATE")}`,
      [date],
    );
    assertEquals(reader.getRows()[0][0], isPlausibleDate(date), date);
  }
  connection.closeSync();
});

Deno.test("detectDateOrder() takes the order from any day above 12 in the column", () => {
  assertEquals(detectDateOrder(["28-02-2014", "12/2/2014", "1/2/2014"]), {
    order: "dmy",
  });
  assertEquals(detectDateOrder(["12/1/2010 8:26", "12/13/2010"]), {
    order: "mdy",
  });
  assertEquals(detectDateOrder(["01/02/2014", "03/04/2014"]), {
    order: "ambiguous",
  });
  assertEquals(detectDateOrder(["12/1/10 8:26", "12/13/10 9:01"]), {
    order: "mdy",
  });
  assertEquals(detectDateOrder(["12/1/10 8:26", "1/2/11 9:01"]), {
    order: "ambiguous",
  });
  assertEquals(detectDateOrder(["2014-02-01"]), { order: "none" });
  assertEquals(detectDateOrder(["13/01/2014", "01/13/2014"]), {
    order: "mixed",
    dayFirst: "13/01/2014",
    monthFirst: "01/13/2014",
  });
});
