import type { EarlierRuns } from "../pipeline/previous_segments.ts";
import { currentRunId, runPath } from "./published_run.ts";
import type { S3Bucket } from "./s3_bucket.ts";

/**
 * A bucket's current run, as the earlier run a published run compares its
 * segments with (see previousSegments): what readers see now is what the
 * new run says who moved since. Nothing published: no earlier run.
 */
export function bucketRuns(bucket: S3Bucket): EarlierRuns {
  return {
    where: bucket.target.replace(/\/$/, ""),
    async runIds() {
      const current = await currentRunId(bucket);
      return current === undefined ? [] : [current];
    },
    // TODO(streaming download): the file is held whole while it is written.
    async onDisk(runId, file, scratch) {
      const bytes = await bucket.get(runPath(runId, file));
      if (bytes === undefined) return null;
      const path = `${scratch}/${file.replaceAll("/", "_")}`;
      await Deno.writeFile(path, bytes);
      return path;
    },
    async read(runId, file) {
      const bytes = await bucket.get(runPath(runId, file));
      return bytes === undefined ? null : new TextDecoder().decode(bytes);
    },
  };
}
