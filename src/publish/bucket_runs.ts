import {
  type EarlierRuns,
  removeFile,
  scratchFile,
} from "../pipeline/previous_segments.ts";
import { currentRunId, runPath, RUNS } from "./published_run.ts";
import type { S3Bucket } from "./s3_bucket.ts";

/**
 * A bucket's current run, as the earlier run a published run compares its
 * segments with (see previousSegments): what readers see now is what the
 * new run says who moved since. Nothing published: no earlier run. Its
 * segments file is downloaded into a scratch file (see EarlierRuns.local).
 */
export function bucketRuns(bucket: S3Bucket): EarlierRuns {
  return {
    // The folder the runs are in, so that a message names the object read.
    where: `${bucket.target.replace(/\/$/, "")}/${RUNS.replace(/\/$/, "")}`,
    async runIds() {
      const current = await currentRunId(bucket);
      return current === undefined ? [] : [current];
    },
    async read(runId, file) {
      const bytes = await bucket.get(runPath(runId, file));
      return bytes === undefined ? null : new TextDecoder().decode(bytes);
    },
    async local(runId, file, scratch) {
      // Streamed to disk, never whole in memory; removed when released.
      const path = await scratchFile(scratch);
      try {
        if (!(await bucket.download(runPath(runId, file), path))) {
          await removeFile(path);
          return null;
        }
      } catch (error) {
        await removeFile(path);
        throw error;
      }
      return { path, release: () => removeFile(path) };
    },
  };
}
