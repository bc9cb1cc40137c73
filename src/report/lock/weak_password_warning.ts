/** The fewest characters a report password should have. */
export const MIN_PASSWORD_LENGTH = 12;

/**
 * The warning a command prints when a report password is short: anyone who
 * downloads a locked page can try passwords offline, as fast as their
 * hardware allows, so only length protects it. Returns `null` for a password
 * of {@linkcode MIN_PASSWORD_LENGTH} characters or more.
 *
 * @example
 * ```ts
 * import { equal, match } from "node:assert/strict";
 * match(weakPasswordWarning("hunter2")!, /7 characters/);
 * equal(weakPasswordWarning("x".repeat(MIN_PASSWORD_LENGTH)), null);
 * equal(weakPasswordWarning("mango orbit velvet canyon"), null);
 * ```
 */
export function weakPasswordWarning(password: string): string | null {
  const length = [...password].length;
  if (length >= MIN_PASSWORD_LENGTH) return null;
  return `The report password is short (${length} ${
    length === 1 ? "character" : "characters"
  }): anyone with the page can guess passwords offline; use ${MIN_PASSWORD_LENGTH} or more characters, such as four random words`;
}
