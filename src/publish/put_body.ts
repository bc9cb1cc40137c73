import { Buffer } from "node:buffer";
import { createReadStream } from "node:fs";
import type { PutObjectCommandInput } from "@aws-sdk/client-s3";

/**
 * A file on disk to upload as it is read, with its size and SHA-256 known in
 * advance (see `readRunFiles`): its body is never held in memory.
 */
export interface FileBody {
  /** The file on disk. */
  localPath: string;
  size: number;
  /** SHA-256, lower-case hex. */
  sha256: string;
}

/** The body fields of one PUT request, and how to close what they opened. */
export interface PutBody {
  input: Pick<
    PutObjectCommandInput,
    "Body" | "ContentLength" | "ChecksumAlgorithm" | "ChecksumSHA256"
  >;
  /** Closes the file a {@linkcode FileBody} was opened as (no-op otherwise). */
  close(): void;
}

/**
 * The body of one PUT attempt. Bytes are sent as they are, with a SHA-256
 * checksum the SDK computes when `checksum` is set. A {@linkcode FileBody} is
 * opened afresh (a stream is read only once, so each attempt needs its own)
 * and sent as a stream of at most `size` bytes, with its Content-Length and
 * its SHA-256 as `x-amz-checksum-sha256`, which the store checks. That header
 * also keeps the SDK from computing a checksum of its own over the stream,
 * which it would send as an `aws-chunked` body with a trailer.
 */
export function putBody(
  body: Uint8Array | FileBody,
  checksum: boolean,
): PutBody {
  if (body instanceof Uint8Array) {
    return {
      input: {
        Body: body,
        ContentLength: body.byteLength,
        ...(checksum ? { ChecksumAlgorithm: "SHA256" } : {}),
      },
      close: () => {},
    };
  }
  const stream = body.size > 0
    ? createReadStream(body.localPath, { start: 0, end: body.size - 1 })
    : undefined;
  return {
    input: {
      Body: stream ?? new Uint8Array(),
      ContentLength: body.size,
      ChecksumSHA256: Buffer.from(body.sha256, "hex").toString("base64"),
    },
    close: () => stream?.destroy(),
  };
}
