import { createHash } from "node:crypto";
import {
  CURRENT,
  INDEX,
  NO_CACHE,
  RUN_ID_METADATA,
  runPath,
  SHA256_METADATA,
} from "./published_run.ts";
import { PublishError } from "./publish_error.ts";
import type { RunManifest } from "./run_manifest.ts";
import type { S3Bucket } from "./s3_bucket.ts";

/** What `current.json` holds. */
export interface CurrentPointer {
  runId: string;
  /** When the run was published. */
  publishedAt: string;
  /** When it became the current run. */
  since: string;
  /** The run's manifest, relative to the prefix. */
  manifest: string;
}

/**
 * Makes a complete, verified run the one readers see: uploads its
 * `index.html` as the top-level `index.html` (no-cache, tagged with the run
 * id), checks it, then writes `current.json`. Readers switch from one
 * complete run to the next in one object write.
 */
export async function makeCurrent(
  bucket: S3Bucket,
  manifest: RunManifest,
  indexBytes: Uint8Array,
  now: Date,
  failure: string,
): Promise<void> {
  const sha256 = createHash("sha256").update(indexBytes).digest("hex");
  const listed = manifest.files.find((f) => f.path === INDEX);
  if (!listed || listed.sha256 !== sha256) {
    throw new PublishError(
      `${failure}: the index.html of run ${
        JSON.stringify(manifest.runId)
      } does not match its manifest`,
    );
  }
  await bucket.put(INDEX, indexBytes, {
    contentType: listed.contentType,
    cacheControl: NO_CACHE,
    metadata: { [RUN_ID_METADATA]: manifest.runId, [SHA256_METADATA]: sha256 },
  });
  const head = await bucket.head(INDEX);
  if (
    !head || head.size !== indexBytes.byteLength ||
    head.metadata[SHA256_METADATA] !== sha256
  ) {
    throw new PublishError(
      `${failure}: the top-level index.html did not read back as uploaded`,
    );
  }
  const pointer: CurrentPointer = {
    runId: manifest.runId,
    publishedAt: manifest.publishedAt,
    since: now.toISOString(),
    manifest: runPath(manifest.runId, "manifest.json"),
  };
  await bucket.put(
    CURRENT,
    new TextEncoder().encode(`${JSON.stringify(pointer, null, 2)}\n`),
    { contentType: "application/json", cacheControl: NO_CACHE },
  );
}
