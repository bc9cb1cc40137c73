import { assertEquals, assertThrows } from "../assert.ts";
import { formatCsvRow } from "../../src/data/format_csv.ts";

Deno.test("formatCsvRow() writes plain fields as they are and missing values as empty fields", () => {
  assertEquals(
    formatCsvRow(["S01", null, undefined, 3, -12.5]),
    "S01,,,3,-12.5\n",
  );
});

Deno.test("formatCsvRow() quotes fields with commas, quotes or line breaks, and the empty string", () => {
  assertEquals(
    formatCsvRow(["Audio, video", 'a "b"', "line\nbreak", ""]),
    '"Audio, video","a ""b""","line\nbreak",""\n',
  );
});

Deno.test("formatCsvRow() writes cents exactly, without float noise", () => {
  assertEquals(
    formatCsvRow([Math.round((0.1 + 0.2) * 100) / 100, 1e-7 + 0]),
    "0.3,1e-7\n",
  );
});

Deno.test("formatCsvRow() refuses numbers that are not finite", () => {
  assertThrows(() => formatCsvRow([NaN]), RangeError, "NaN");
});
