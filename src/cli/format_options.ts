import {
  DEFAULT_CURRENCY,
  DEFAULT_LOCALE,
  parseCurrency,
  parseLocale,
} from "../figures/format/number_formats.ts";

/**
 * How the report writes numbers, declared once: the data's currency and the
 * locale every figure is formatted for (see numberFormats).
 */
export const FORMAT_OPTIONS = [
  {
    name: "currency",
    kind: "string",
    value: "CODE",
    section: "Report",
    help: "the data's currency, an ISO 4217 code: EUR, GBP, INR...",
    default: DEFAULT_CURRENCY,
    env: ["BASKET_CURRENCY"],
    config: "currency",
    parse: parseCurrency,
  },
  {
    name: "locale",
    kind: "string",
    value: "TAG",
    section: "Report",
    help: "how numbers are written, a language tag: de-DE, fr-CH, en-IN...",
    default: DEFAULT_LOCALE,
    env: ["BASKET_LOCALE"],
    config: "locale",
    parse: parseLocale,
  },
] as const;
