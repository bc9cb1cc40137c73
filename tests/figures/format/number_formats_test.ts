import { assertEquals, assertThrows } from "../../assert.ts";
import {
  numberFormats,
  parseCurrency,
  parseLocale,
} from "../../../src/figures/format/number_formats.ts";

const NBSP = "\u00a0";

Deno.test("numberFormats() writes en-US dollars by default", () => {
  const f = numberFormats();
  assertEquals(f.money(48579771.37), "$48,579,771.37");
  assertEquals(f.money(-12.5), "-$12.50");
  assertEquals(f.money(-0), "$0.00");
  assertEquals(f.compactMoney(48579771.37), "$48.6M");
  assertEquals(f.compactMoney(5300), "$5.3K");
  assertEquals(f.compactMoney(888.2), "$888");
  assertEquals(f.compactMoney(0), "$0");
  assertEquals(f.wholeMoney(1234.5), "$1,235");
  assertEquals(f.integer(23053), "23,053");
  assertEquals(f.number(1.256), "1.26");
  assertEquals(f.percent(0.0944), "9.4%");
  assertEquals(f.change(0.125), "+12.5%");
  assertEquals(f.change(-0.03), "-3.0%");
  assertEquals(f.change(0), "0.0%");
});

Deno.test("numberFormats() writes euros the German way with de-DE", () => {
  const f = numberFormats({ currency: "EUR", locale: "de-DE" });
  assertEquals(f.money(48579771.37), `48.579.771,37${NBSP}€`);
  assertEquals(f.money(-12.5), `-12,50${NBSP}€`);
  assertEquals(f.compactMoney(48579771.37), `48,6${NBSP}Mio.${NBSP}€`);
  assertEquals(f.compactMoney(14633.83), `14.600${NBSP}€`);
  assertEquals(f.compactMoney(888.2), `888${NBSP}€`);
  assertEquals(f.wholeMoney(1234.5), `1.235${NBSP}€`);
  assertEquals(f.integer(23053), "23.053");
  assertEquals(f.number(1.256), "1,26");
  assertEquals(f.percent(0.0944), `9,4${NBSP}%`);
  assertEquals(f.change(0.125), `+12,5${NBSP}%`);
});

Deno.test("parseCurrency() reads ISO 4217 codes and refuses others", () => {
  assertEquals(parseCurrency("eur", "--currency"), "EUR");
  assertThrows(
    () => parseCurrency("XYZ", "--currency"),
    RangeError,
    'Cannot read --currency "XYZ": expected an ISO 4217 currency code',
  );
  assertThrows(() => parseCurrency("euro", "--currency"), RangeError);
});

Deno.test("parseLocale() canonicalises language tags and refuses others", () => {
  assertEquals(parseLocale("de-de", "--locale"), "de-DE");
  assertThrows(
    () => parseLocale("en_US!", "--locale"),
    RangeError,
    'Cannot read --locale "en_US!": expected a language tag',
  );
  assertThrows(() => numberFormats({ locale: "" }), RangeError);
});
