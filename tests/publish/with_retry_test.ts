import { deepEqual, equal, ok } from "node:assert/strict";
import {
  isRetryable,
  RetriesExhausted,
  withRetry,
} from "../../src/publish/with_retry.ts";
import { rejection } from "./rejection.ts";

const sdkError = (name: string, status?: number, code?: string) =>
  Object.assign(new Error(name), {
    name,
    ...(status ? { $metadata: { httpStatusCode: status } } : {}),
    ...(code ? { code } : {}),
  });

Deno.test("isRetryable() retries timeouts, network failures, 5xx and throttling but not client errors", () => {
  ok(isRetryable(sdkError("InternalError", 500)));
  ok(isRetryable(sdkError("ServiceUnavailable", 503)));
  ok(isRetryable(sdkError("SlowDown", 503)));
  ok(isRetryable(sdkError("TooManyRequests", 429)));
  ok(isRetryable(sdkError("TimeoutError")));
  ok(isRetryable(sdkError("Error", undefined, "ECONNRESET")));
  ok(isRetryable(new Error("connect ECONNREFUSED 127.0.0.1:9")));
  ok(!isRetryable(sdkError("NoSuchBucket", 404)));
  ok(!isRetryable(sdkError("AccessDenied", 403)));
  ok(!isRetryable(sdkError("InvalidAccessKeyId", 403)));
});

Deno.test("withRetry() waits the configured delays between attempts and gives up after the last", async () => {
  const waits: number[] = [];
  let calls = 0;
  const error = await rejection(
    () =>
      withRetry(() => {
        calls++;
        return Promise.reject(sdkError("InternalError", 500));
      }, {
        attempts: 4,
        delays: [60_000, 300_000],
        sleep: (ms) => {
          waits.push(ms);
          return Promise.resolve();
        },
      }),
    RetriesExhausted,
  );
  equal(calls, 4);
  deepEqual(waits, [60_000, 300_000, 300_000]);
  equal(error.attempts, 4);
  equal((error.cause as Error).name, "InternalError");
});

Deno.test("withRetry() throws a client error at once", async () => {
  let calls = 0;
  const error = await rejection(
    () =>
      withRetry(() => {
        calls++;
        return Promise.reject(sdkError("NoSuchBucket", 404));
      }, { sleep: () => Promise.resolve() }),
    Error,
  );
  equal(calls, 1);
  equal(error.name, "NoSuchBucket");
});
