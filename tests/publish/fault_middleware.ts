import type { S3Client } from "@aws-sdk/client-s3";

/** The parts of an HTTP request the SDK hands to its last middleware step. */
interface WireRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: unknown;
}

function wire(args: { request: unknown }): WireRequest {
  return args.request as WireRequest;
}

function header(request: WireRequest, name: string): string | undefined {
  const found = Object.keys(request.headers).find((k) =>
    k.toLowerCase() === name
  );
  return found ? request.headers[found] : undefined;
}

/**
 * Holds each request of `client` back for `delayFor(method, path)`
 * milliseconds before it is sent (after it is built and signed).
 */
export function delayRequests(
  client: S3Client,
  delayFor: (method: string, path: string) => number,
): void {
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = wire(args);
      const ms = delayFor(request.method, decodeURIComponent(request.path));
      if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
      return next(args);
    },
    { step: "finalizeRequest", name: "delayRequests", priority: "high" },
  );
}

/**
 * Replaces the body of the next `times` PUTs whose path ends with `suffix`
 * by bytes of the same length with one changed, after the SDK computed its
 * checksum: a body damaged on the way, which s3rver stores as it comes.
 */
export function damageUploads(
  client: S3Client,
  suffix: string,
  times: number,
): { damaged: () => number } {
  let damaged = 0;
  client.middlewareStack.add(
    (next) => (args) => {
      const request = wire(args);
      if (
        damaged < times && request.method === "PUT" &&
        request.path.endsWith(suffix) && request.body instanceof Uint8Array
      ) {
        const body = request.body.slice();
        body[body.length - 2] ^= 0x20;
        request.body = body;
        damaged++;
      }
      return next(args);
    },
    { step: "finalizeRequest", name: "damageUploads", priority: "low" },
  );
  return { damaged: () => damaged };
}

/** A lock shared by the clients of {@linkcode emulateConditionalWrites}. */
export class Lock {
  #tail: Promise<void> = Promise.resolve();
  async run<T>(fn: () => Promise<T>): Promise<T> {
    const before = this.#tail;
    let release!: () => void;
    this.#tail = new Promise((resolve) => (release = resolve));
    await before;
    try {
      return await fn();
    } finally {
      release();
    }
  }
}

/**
 * Makes s3rver behave, for `client`'s PUTs, like a store that honours
 * `If-None-Match: *` and `If-Match` (s3rver 3.7.1 ignores them on PUT): every
 * PUT runs under `lock`, shared by all emulating clients, and a conditional
 * one first asks the server for the object's ETag and fails with 412
 * Precondition Failed, as AWS S3 does, when the condition does not hold.
 * Only as atomic as the lock: every writer must go through it.
 */
export function emulateConditionalWrites(
  client: S3Client,
  endpoint: string,
  lock: Lock,
): void {
  client.middlewareStack.add(
    (next) => (args) => {
      const request = wire(args);
      if (request.method !== "PUT") return next(args);
      return lock.run(async () => {
        const ifMatch = header(request, "if-match");
        const ifNoneMatch = header(request, "if-none-match");
        if (ifMatch || ifNoneMatch) {
          const head = await fetch(`${endpoint}${request.path}`, {
            method: "HEAD",
          });
          await head.body?.cancel();
          const etag = head.ok ? head.headers.get("etag") : null;
          const holds = ifNoneMatch === "*"
            ? etag === null
            : etag !== null && etag === ifMatch;
          if (!holds) {
            throw Object.assign(
              new Error(
                "At least one of the pre-conditions you specified did not hold",
              ),
              {
                name: "PreconditionFailed",
                $metadata: { httpStatusCode: 412 },
              },
            );
          }
        }
        return await next(args);
      });
    },
    { step: "finalizeRequest", name: "emulateConditionalWrites" },
  );
}
