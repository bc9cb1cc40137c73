import { NO_CACHE } from "./published_run.ts";
import { PublishError } from "./publish_error.ts";
import type { S3Bucket } from "./s3_bucket.ts";

/**
 * The name of the object a probe writes, below the prefix: one per probing
 * publish (`<PROBE>-<run id>`), so that two publishes probing at once never
 * see each other's object, and each removes its own.
 */
export const PROBE = ".basket-conditional-write-probe";

/**
 * Whether the store honours conditional PUTs (`If-None-Match: *` and
 * `If-Match`), as AWS S3 has since 2024 and many S3-compatible stores do.
 * Safe on a store that ignores them: it writes only its own probe object,
 * then asks to write it again under two conditions that cannot hold (it
 * exists; its ETag is not `"0"`). Both must be refused with 412 for the
 * answer to be yes; a store that overwrites instead, or rejects the headers
 * (400, 501), answers no. Errors other than those are thrown.
 */
export async function probeConditionalWrites(
  bucket: S3Bucket,
  runId = "probe",
): Promise<boolean> {
  const key = `${PROBE}-${runId}`;
  const body = new TextEncoder().encode("basket conditional write probe\n");
  const options = { contentType: "text/plain", cacheControl: NO_CACHE };
  await bucket.put(key, body, options);
  try {
    return await probe(bucket, key, body, options);
  } finally {
    // The probe holds no data, but readers of a website bucket would see it:
    // it goes as soon as it has answered.
    await bucket.remove([key]);
  }
}

async function probe(
  bucket: S3Bucket,
  key: string,
  body: Uint8Array,
  options: { contentType: string; cacheControl: string },
): Promise<boolean> {
  try {
    const created = await bucket.put(key, body, {
      ...options,
      ifNoneMatch: "*",
    });
    if (!created.refused) return false;
    const matched = await bucket.put(key, body, {
      ...options,
      ifMatch: '"00000000000000000000000000000000"',
    });
    return matched.refused === true;
  } catch (error) {
    const status =
      (error as { cause?: { $metadata?: { httpStatusCode?: number } } })
        ?.cause?.$metadata?.httpStatusCode;
    if (error instanceof PublishError && (status === 400 || status === 501)) {
      return false;
    }
    throw error;
  }
}
