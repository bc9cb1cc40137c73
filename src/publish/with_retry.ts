import { networkCode } from "./publish_error.ts";

/** How a failing S3 call is retried. */
export interface RetryOptions {
  /** Attempts in all, the first included (default 4). */
  attempts?: number;
  /**
   * Milliseconds to wait before the 2nd, 3rd, ... attempt; the last delay
   * repeats (default 500, 2000, 8000).
   */
  delays?: readonly number[];
  /** Waits; tests pass one that returns at once. */
  sleep?: (ms: number) => Promise<void>;
  /** Whether an error is worth another attempt (default {@linkcode isRetryable}). */
  retryable?: (error: unknown) => boolean;
  /** Called before each retry, e.g. to log it. */
  onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
}

/** An error that survived every attempt; `cause` is the last one. */
export class RetriesExhausted extends Error {
  override name = "RetriesExhausted";
  readonly attempts: number;
  constructor(cause: unknown, attempts: number) {
    super(cause instanceof Error ? cause.message : String(cause), { cause });
    this.attempts = attempts;
  }
}

/** The default delays between attempts, in milliseconds. */
export const DEFAULT_RETRY_DELAYS: readonly number[] = [500, 2000, 8000];

/**
 * Calls `fn` until it succeeds, retrying errors that `retryable` accepts after
 * the configured delays. A non-retryable error is thrown as it is; one that
 * fails every attempt is thrown as {@linkcode RetriesExhausted}.
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  options: RetryOptions = {},
): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 4);
  const delays = options.delays?.length ? options.delays : DEFAULT_RETRY_DELAYS;
  const sleep = options.sleep ?? defaultSleep;
  const retryable = options.retryable ?? isRetryable;
  for (let attempt = 1;; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      if (!retryable(error)) throw error;
      if (attempt >= attempts) throw new RetriesExhausted(error, attempt);
      const delay = delays[Math.min(attempt - 1, delays.length - 1)];
      options.onRetry?.(error, attempt, delay);
      await sleep(delay);
    }
  }
}

/**
 * Whether an S3 call's error is transient: a timeout, a network failure, a
 * 5xx answer (not 501), throttling (429, SlowDown), or a body the store found damaged
 * in transit (BadDigest: its checksum did not match).
 */
export function isRetryable(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const e = error as {
    name?: string;
    $metadata?: { httpStatusCode?: number };
  };
  const status = e.$metadata?.httpStatusCode;
  // 501 Not Implemented is an answer, not an outage.
  if (status === 501) return false;
  if (status !== undefined && (status >= 500 || status === 429)) return true;
  if (
    [
      "TimeoutError",
      "RequestTimeout",
      "SlowDown",
      "InternalError",
      // The body arrived damaged and the store refused it: send it again.
      "BadDigest",
      "InvalidDigest",
      "XAmzContentSHA256Mismatch",
    ].includes(e.name ?? "")
  ) return true;
  return networkCode(error) !== undefined;
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
