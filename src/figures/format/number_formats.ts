/**
 * The one place numbers become text, in the report, its charts and the
 * page's script: every format is an `Intl.NumberFormat` made from the
 * report's currency and locale. Pure and free of Deno APIs, so it runs in
 * the page too.
 *
 * @module
 */

/** What the formats are made from. */
export interface NumberFormatOptions {
  /** An ISO 4217 code, such as "USD" or "EUR". Default "USD". */
  currency?: string;
  /** A BCP 47 language tag, such as "en-US" or "de-DE". Default "en-US". */
  locale?: string;
}

/** The default currency of a report. */
export const DEFAULT_CURRENCY = "USD";
/** The default locale of a report. */
export const DEFAULT_LOCALE = "en-US";

/** The report's number formats, all in one currency and locale. */
export interface NumberFormats {
  /** The ISO 4217 code, upper case: "EUR". */
  readonly currency: string;
  /** The canonical language tag: "de-DE". */
  readonly locale: string;
  /** Money exactly, in the currency's minor unit: `$48,579,771.37`, `48.579.771,37 €`. */
  money(value: number): string;
  /** Money to the whole unit, for sentences and tooltips: `$1,235`, `1.235 €`. */
  wholeMoney(value: number): string;
  /** Money in three significant digits, for cards, axes and bar labels: `$48.6M`, `48,6 Mio. €`. */
  compactMoney(value: number): string;
  /** A count: `23,053`, `23.053`. */
  integer(value: number): string;
  /** A number to at most two decimals: `1.25`, `1,25`. */
  number(value: number): string;
  /** A ratio as a percentage with one decimal: `9.4%`, `9,4 %`. */
  percent(ratio: number): string;
  /** A change as a signed percentage: `+12.5%`, `−3,0 %`; zero unsigned. */
  change(ratio: number): string;
  /** A difference of money, signed and compact: `+$1.2M`, `-1,2 Mio. €`; zero unsigned. */
  moneyChange(value: number): string;
  /** A difference of counts, signed: `+1,204`, `-1.204`; zero unsigned. */
  integerChange(value: number): string;
  /** A difference of two ratios in percentage points, signed, one decimal: `+0.5 pp`, `-0,5 pp`. */
  pointsChange(difference: number): string;
}

/**
 * Makes the formats of a currency and locale; throws a `RangeError` for an
 * unknown currency or an invalid language tag (see {@linkcode parseCurrency}
 * and {@linkcode parseLocale}).
 *
 * @example
 * ```ts
 * import { numberFormats } from "./number_formats.ts";
 * const de = numberFormats({ currency: "EUR", locale: "de-DE" });
 * if (de.money(48579771.37) !== "48.579.771,37\u00a0€") throw new Error();
 * if (de.compactMoney(48579771.37) !== "48,6\u00a0Mio.\u00a0€") throw new Error();
 * ```
 */
export function numberFormats(
  options: NumberFormatOptions = {},
): NumberFormats {
  const currency = parseCurrency(
    options.currency ?? DEFAULT_CURRENCY,
    "currency",
  );
  const locale = parseLocale(options.locale ?? DEFAULT_LOCALE, "locale");
  const format = (o: Intl.NumberFormatOptions) => {
    const f = new Intl.NumberFormat(locale, o);
    // -0 would show as "-0": a sum of returns that cancels out is no loss.
    return (value: number) => f.format(Object.is(value, -0) ? 0 : value);
  };
  const inCurrency = { style: "currency", currency } as const;
  const percent = {
    style: "percent",
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  } as const;
  return {
    currency,
    locale,
    money: format(inCurrency),
    wholeMoney: format({
      ...inCurrency,
      minimumFractionDigits: 0,
      maximumFractionDigits: 0,
    }),
    compactMoney: format({
      ...inCurrency,
      notation: "compact",
      maximumSignificantDigits: 3,
    }),
    integer: format({ maximumFractionDigits: 0 }),
    number: format({ maximumFractionDigits: 2 }),
    percent: format(percent),
    change: format({ ...percent, signDisplay: "exceptZero" }),
    moneyChange: format({
      ...inCurrency,
      notation: "compact",
      maximumSignificantDigits: 3,
      signDisplay: "exceptZero",
    }),
    integerChange: format({
      maximumFractionDigits: 0,
      signDisplay: "exceptZero",
    }),
    pointsChange:
      ((points) => (difference: number) =>
        `${points(100 * difference)}\u00a0pp`)(format({
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
          signDisplay: "exceptZero",
        })),
  };
}

/**
 * Reads an ISO 4217 currency code that `Intl` knows (`eur` reads as "EUR");
 * `from` names where it came from in the error.
 *
 * @example
 * ```ts
 * import { parseCurrency } from "./number_formats.ts";
 * if (parseCurrency("eur", "--currency") !== "EUR") throw new Error();
 * ```
 */
export function parseCurrency(text: string, from: string): string {
  const code = text.trim().toUpperCase();
  if (
    /^[A-Z]{3}$/.test(code) && Intl.supportedValuesOf("currency").includes(code)
  ) {
    return code;
  }
  throw new RangeError(
    `Cannot read ${from} ${
      JSON.stringify(text)
    }: expected an ISO 4217 currency code, like "USD", "EUR" or "GBP"`,
  );
}

/**
 * Reads a BCP 47 language tag, in its canonical form (`de-de` reads as
 * "de-DE"); `from` names where it came from in the error.
 *
 * @example
 * ```ts
 * import { parseLocale } from "./number_formats.ts";
 * if (parseLocale("de-de", "--locale") !== "de-DE") throw new Error();
 * ```
 */
export function parseLocale(text: string, from: string): string {
  try {
    const [tag] = Intl.getCanonicalLocales(text.trim());
    if (tag) return tag;
  } catch {
    // Reported below, in the house style.
  }
  throw new RangeError(
    `Cannot read ${from} ${
      JSON.stringify(text)
    }: expected a language tag, like "en-US", "de-DE" or "fr-CH"`,
  );
}
