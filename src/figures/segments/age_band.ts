/** Age bands, youngest first, then "Unknown". */
export const AGE_BANDS = [
  "Under 25",
  "25–34",
  "35–44",
  "45–54",
  "55–64",
  "65 and over",
  "Unknown",
] as const;

/** One of {@linkcode AGE_BANDS}. */
export type AgeBand = typeof AGE_BANDS[number];

/**
 * The age band of someone born on `birthDate` (YYYY-MM-DD), in whole years
 * on `asOf` (YYYY-MM-DD); "Unknown" without a birth date or an as-of date.
 *
 * @example
 * ```ts
 * import { ageBand } from "./age_band.ts";
 * if (ageBand("1990-06-15", "2015-06-14") !== "Under 25") throw new Error("a day short of 25");
 * if (ageBand("1990-06-15", "2015-06-15") !== "25–34") throw new Error("25 on the day");
 * ```
 */
export function ageBand(
  birthDate: string | null,
  asOf: string | null,
): AgeBand {
  if (!birthDate || !asOf) return "Unknown";
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [ay, am, ad] = asOf.split("-").map(Number);
  const age = ay - by - (am < bm || (am === bm && ad < bd) ? 1 : 0);
  if (!Number.isFinite(age) || age < 0) return "Unknown";
  if (age < 25) return "Under 25";
  if (age >= 65) return "65 and over";
  return AGE_BANDS[1 + Math.floor((age - 25) / 10)];
}
