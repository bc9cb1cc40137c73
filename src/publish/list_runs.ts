import type { S3Client } from "@aws-sdk/client-s3";
import { type PublishConfig, s3Target } from "./publish_config.ts";
import { listPublishedRuns, type PublishedRun } from "./published_runs.ts";
import { openBucket } from "./s3_bucket.ts";
import type { RetryOptions } from "./with_retry.ts";

/** Lists the published runs, newest first, marking the current one. */
export async function listRuns(
  client: S3Client,
  config: PublishConfig,
  options: { retry?: RetryOptions; log?: (message: string) => void } = {},
): Promise<PublishedRun[]> {
  const bucket = openBucket(client, config, {
    failure: `Cannot list the runs in ${JSON.stringify(s3Target(config))}`,
    ...options,
  });
  await bucket.check();
  return await listPublishedRuns(bucket);
}
