import { assertEquals } from "../assert.ts";
import { openDatabase } from "../../src/source/dataset.ts";
import { numberSql, parseNumber } from "../../src/source/parse_number.ts";

const CASES: [string, number | null][] = [
  ["12", 12],
  ["-4265.3", -4265.3],
  ["+3.5", 3.5],
  [".5", 0.5],
  ["1,234.50", 1234.5],
  ["$9.99", 9.99],
  ["-$9.99", -9.99],
  ["1e3", 1000],
  ["12,5", null],
  ["1,23", null],
  ["NaN", null],
  ["Infinity", null],
  ["", null],
  ["-", null],
  ["12 units", null],
  ["5.", null],
  ["007", 7],
  [" 12 ", 12],
  ["-0.50", -0.5],
  ["1.2.3", null],
  ["+", null],
  ["1.5e", null],
  ["1e309", null],
  ["-1e309", null],
  ["$1,000e306", null],
  ["1" + "0".repeat(309), null],
  ["1.7976931348623157e308", 1.7976931348623157e308],
  ["1e-400", 0],
];

Deno.test("parseNumber() reads plain, grouped and currency numbers and refuses the rest, too large ones included", () => {
  for (const [text, expected] of CASES) {
    assertEquals(parseNumber(text), expected, JSON.stringify(text));
  }
});

Deno.test("numberSql() reads every number exactly as parseNumber() does", async () => {
  const connection = await openDatabase();
  for (const [text] of CASES) {
    const reader = await connection.runAndReadAll(
      `SELECT ${numberSql("$1::VARCHAR")}`,
      [text],
    );
    assertEquals(
      reader.getRows()[0][0] ?? null,
      parseNumber(text),
      JSON.stringify(text),
    );
  }
  connection.closeSync();
});
