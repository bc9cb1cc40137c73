import { fail, ok } from "node:assert/strict";

/** Awaits `fn`, expecting it to reject with an instance of `type`; returns the error. */
export async function rejection<E extends Error>(
  fn: () => Promise<unknown>,
  type: new (...args: never[]) => E,
): Promise<E> {
  try {
    await fn();
  } catch (error) {
    ok(error instanceof type, `expected a ${type.name}, got ${error}`);
    return error;
  }
  return fail(`expected a ${type.name}, but it resolved`);
}
