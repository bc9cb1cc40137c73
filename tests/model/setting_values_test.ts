import { assertEquals, assertThrows } from "../assert.ts";
import { parseWholeNumber } from "../../src/model/parse_whole_number.ts";
import { parseRealDate } from "../../src/model/parse_real_date.ts";

Deno.test("parseWholeNumber() reads digits, underscores and JSON numbers within bounds", () => {
  assertEquals(parseWholeNumber("12", "--k"), 12);
  assertEquals(parseWholeNumber("10_000", "--lines"), 10_000);
  assertEquals(parseWholeNumber(5, '"seed" in "c.json"'), 5);
  assertEquals(parseWholeNumber("-7", "--seed", { min: -Infinity }), -7);
  assertEquals(parseWholeNumber("65535", "--port", { max: 65535 }), 65535);
});

Deno.test("parseWholeNumber() refuses fractions, words, exponents and numbers out of range, naming the source", () => {
  const message = (...args: Parameters<typeof parseWholeNumber>) =>
    assertThrows(() => parseWholeNumber(...args), RangeError).message;
  assertEquals(
    message("2.5", "--stores", { min: 1 }),
    'Cannot read --stores "2.5": expected a whole number of 1 or more',
  );
  assertEquals(
    message("1e3", "BASKET_SEED"),
    'Cannot read BASKET_SEED "1e3": expected a whole number of 0 or more',
  );
  assertEquals(
    message("", "--width", { min: 320 }),
    'Cannot read --width "": expected a whole number of 320 or more',
  );
  assertEquals(
    message("70000", "--port", { max: 65535 }),
    'Cannot read --port "70000": expected a whole number from 0 to 65535',
  );
  assertEquals(
    message("0", "--timeout", { min: 1, unit: "seconds" }),
    'Cannot read --timeout "0": expected a whole number of seconds, 1 or more',
  );
  assertEquals(
    message("x", "--seed", { min: -Infinity }),
    'Cannot read --seed "x": expected a whole number',
  );
});

Deno.test("parseRealDate() takes real calendar dates and refuses 2025-02-30", () => {
  assertEquals(parseRealDate("2024-02-29", "--as-of"), "2024-02-29");
  for (const text of ["2025-02-30", "2025-13-01", "2025-2-3", "1 May", ""]) {
    assertEquals(
      assertThrows(() => parseRealDate(text, "--as-of"), RangeError).message,
      `Cannot read --as-of ${
        JSON.stringify(text)
      }: expected a date as YYYY-MM-DD`,
    );
  }
});
