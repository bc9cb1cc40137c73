/**
 * The assertions Basket's tests use, in the shape of Deno std's
 * `@std/assert` (unreachable here), built on `node:assert`.
 */
import assert from "node:assert/strict";

/** Asserts deep, strict equality. */
export function assertEquals<T>(
  actual: unknown,
  expected: T,
  message?: string,
): asserts actual is T {
  if (message === undefined) assert.deepStrictEqual(actual, expected);
  else assert.deepStrictEqual(actual, expected, message);
}

/** Asserts deep, strict inequality. */
export function assertNotEquals(
  actual: unknown,
  expected: unknown,
  message?: string,
): void {
  if (message === undefined) assert.notDeepStrictEqual(actual, expected);
  else assert.notDeepStrictEqual(actual, expected, message);
}

/** Asserts that a value is truthy. */
export function assertOk(value: unknown, message?: string): asserts value {
  if (message === undefined) assert.ok(value);
  else assert.ok(value, message);
}

/** Asserts that two numbers differ by at most `tolerance`. */
export function assertAlmostEquals(
  actual: number,
  expected: number,
  tolerance: number,
  message?: string,
): void {
  if (!(Math.abs(actual - expected) <= tolerance)) {
    throw new assert.AssertionError({
      message: `${
        message ? `${message}: ` : ""
      }expected ${actual} to be within ${tolerance} of ${expected}`,
      actual,
      expected,
    });
  }
}

/** Asserts that `text` contains `part`. */
export function assertStringIncludes(
  text: string,
  part: string,
  message?: string,
): void {
  if (!text.includes(part)) {
    throw new assert.AssertionError({
      message: `${message ? `${message}: ` : ""}expected text to include ${
        JSON.stringify(part)
      }, got ${
        JSON.stringify(text.length > 500 ? text.slice(0, 500) + "..." : text)
      }`,
    });
  }
}

type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

function check<E extends Error>(
  error: unknown,
  Class?: ErrorClass<E>,
  includes?: string,
): E {
  if (Class && !(error instanceof Class)) {
    throw new assert.AssertionError({
      message: `expected a ${Class.name}, got ${
        error instanceof Error
          ? `${error.name}: ${error.message}`
          : String(error)
      }`,
    });
  }
  if (includes !== undefined) {
    assertStringIncludes((error as Error).message, includes, "error message");
  }
  return error as E;
}

/** Asserts that `fn` throws (a `Class`, whose message includes `includes`), and returns the error. */
export function assertThrows<E extends Error = Error>(
  fn: () => unknown,
  Class?: ErrorClass<E>,
  includes?: string,
): E {
  try {
    fn();
  } catch (error) {
    return check(error, Class, includes);
  }
  throw new assert.AssertionError({
    message: "expected the function to throw",
  });
}

/** Asserts that `fn` rejects (with a `Class`, whose message includes `includes`), and returns the error. */
export async function assertRejects<E extends Error = Error>(
  fn: () => Promise<unknown>,
  Class?: ErrorClass<E>,
  includes?: string,
): Promise<E> {
  try {
    await fn();
  } catch (error) {
    return check(error, Class, includes);
  }
  throw new assert.AssertionError({
    message: "expected the promise to reject",
  });
}
