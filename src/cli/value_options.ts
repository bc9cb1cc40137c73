import { rate, realDate, wholeNumber } from "./spine/validators.ts";

const SECTION = "Customer value (see docs/report.md)";

/**
 * The options of the report's customer-value section, declared once:
 * the holdout check, the horizon of expected purchases and the monthly
 * discount rate of the 12-month value.
 */
export const VALUE_OPTIONS = [
  {
    name: "holdout-from",
    kind: "string",
    value: "DATE",
    section: SECTION,
    help:
      "check the purchase model: fit it to the purchases before DATE\n(YYYY-MM-DD) and compare its predictions with the purchases from\nDATE to the as-of date, by purchases before",
    env: ["BASKET_HOLDOUT_FROM"],
    config: "holdoutFrom",
    parse: realDate,
  },
  {
    name: "value-weeks",
    kind: "string",
    value: "N",
    section: SECTION,
    help: "the horizon of each customer's expected purchases, in weeks",
    default: 52,
    env: ["BASKET_VALUE_WEEKS"],
    config: "valueWeeks",
    parse: wholeNumber({ min: 1, max: 520, unit: "weeks" }),
  },
  {
    name: "discount-rate",
    kind: "string",
    value: "RATE",
    section: SECTION,
    help:
      "the monthly discount rate of the predicted 12-month value, a\ndecimal or a percentage (0.01, 1%)",
    default: 0.01,
    defaultText: "0.01",
    env: ["BASKET_DISCOUNT_RATE"],
    config: "discountRate",
    parse: rate,
  },
] as const;
