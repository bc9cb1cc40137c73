import { assertEquals } from "../assert.ts";
import { openDatabase } from "../../src/source/dataset.ts";
import { dateSql, parseDate } from "../../src/source/parse_date.ts";
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
];

Deno.test("parseDate() reads ISO, dd-mm-yyyy and dd/mm/yyyy dates and refuses impossible ones", () => {
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
  assertEquals(detectDateOrder(["2014-02-01"]), { order: "none" });
  assertEquals(detectDateOrder(["13/01/2014", "01/13/2014"]), {
    order: "mixed",
    dayFirst: "13/01/2014",
    monthFirst: "01/13/2014",
  });
});
