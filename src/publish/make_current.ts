import { createHash } from "node:crypto";
import {
  CURRENT,
  INDEX,
  NO_CACHE,
  readManifest,
  RUN_ID_METADATA,
  runPath,
  SHA256_METADATA,
} from "./published_run.ts";
import { PublishError } from "./publish_error.ts";
import type { RunManifest } from "./run_manifest.ts";
import type { PutOptions, S3Bucket } from "./s3_bucket.ts";

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

/** Times a switch is uploaded again when it reads back damaged. */
export const DAMAGE_ATTEMPTS = 3;

/** The top-level index read back damaged every time. */
export class DamagedSwitch extends PublishError {
  override name = "DamagedSwitch";
}

/** The condition a switch is written under (conditional writes). */
export type SwitchCondition = Pick<PutOptions, "ifMatch" | "ifNoneMatch">;

/**
 * Makes a complete, verified run the one readers see, whatever is current:
 * the checked upload of {@linkcode putIndex}, then `current.json`. Used by
 * rollback, which goes back on purpose; a publish goes through
 * `switchCurrent`, which never goes back.
 */
export async function makeCurrent(
  bucket: S3Bucket,
  manifest: RunManifest,
  indexBytes: Uint8Array,
  now: Date,
  failure: string,
): Promise<void> {
  await putIndex(bucket, manifest, indexBytes, {}, failure);
  await writePointer(bucket, manifest, now);
}

/**
 * Uploads a run's page as the top-level `index.html` (no-cache, tagged with
 * the run id and SHA-256, sent with a SHA-256 checksum the store checks when
 * it can) under `condition`, and reads it back whole. A read-back whose bytes
 * differ is uploaded again, {@linkcode DAMAGE_ATTEMPTS} times in all, each
 * time conditional on the damaged object when `condition` is.
 *
 * Returns `"refused"` when the condition failed or another run's index
 * replaced ours before the read-back: the caller decides again. Throws a
 * {@linkcode DamagedSwitch} when every read-back was damaged.
 */
export async function putIndex(
  bucket: S3Bucket,
  manifest: RunManifest,
  indexBytes: Uint8Array,
  condition: SwitchCondition,
  failure: string,
  log: (message: string) => void = () => {},
): Promise<"done" | "refused"> {
  const sha256 = sha256Hex(indexBytes);
  const listed = manifest.files.find((f) => f.path === INDEX);
  if (!listed || listed.sha256 !== sha256) {
    throw new PublishError(
      `${failure}: the index.html of run ${
        JSON.stringify(manifest.runId)
      } does not match its manifest`,
    );
  }
  let when = condition;
  let problem = "";
  for (let attempt = 1; attempt <= DAMAGE_ATTEMPTS; attempt++) {
    const put = await bucket.put(INDEX, indexBytes, {
      contentType: listed.contentType,
      cacheControl: NO_CACHE,
      metadata: {
        [RUN_ID_METADATA]: manifest.runId,
        [SHA256_METADATA]: sha256,
      },
      checksum: true,
      ...when,
    });
    if (put.refused) return "refused";
    const back = await bucket.read(INDEX);
    if (back && back.metadata[RUN_ID_METADATA] !== manifest.runId) {
      return "refused";
    }
    const got = back ? sha256Hex(back.bytes) : undefined;
    if (back && got === sha256 && back.metadata[SHA256_METADATA] === sha256) {
      return "done";
    }
    problem = !back
      ? "was missing"
      : `had SHA-256 ${got?.slice(0, 12)}…, not ${sha256.slice(0, 12)}…`;
    log(
      `the top-level index.html read back damaged (attempt ${attempt}): it ${problem}`,
    );
    const etag = back?.etag ?? put.etag;
    if (condition.ifMatch || condition.ifNoneMatch) {
      when = etag ? { ifMatch: etag } : { ifNoneMatch: "*" };
    }
  }
  throw new DamagedSwitch(
    `${failure}: the top-level index.html read back damaged ${DAMAGE_ATTEMPTS} times, the last time it ${problem}`,
  );
}

/** Writes `current.json` for a run that the top-level index now shows. */
export async function writePointer(
  bucket: S3Bucket,
  manifest: RunManifest,
  now: Date,
): Promise<void> {
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

/**
 * A published run's manifest and its `index.html`, checked against each
 * other: what a switch to a run other than the one being published uploads.
 */
export async function publishedIndex(
  bucket: S3Bucket,
  runId: string,
  failure: string,
): Promise<{ manifest: RunManifest; bytes: Uint8Array }> {
  const manifest = await readManifest(bucket, runId);
  const bytes = await bucket.get(runPath(runId, INDEX));
  const listed = manifest?.files.find((f) => f.path === INDEX);
  if (!manifest || !bytes || !listed || sha256Hex(bytes) !== listed.sha256) {
    throw new PublishError(
      `${failure}: run ${
        JSON.stringify(runId)
      } is incomplete: its index.html does not match its manifest`,
    );
  }
  return { manifest, bytes };
}

function sha256Hex(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}
