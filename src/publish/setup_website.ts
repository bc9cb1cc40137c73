import {
  GetBucketWebsiteCommand,
  PutBucketWebsiteCommand,
  type S3Client,
} from "@aws-sdk/client-s3";
import type { PublishConfig } from "./publish_config.ts";
import { PublishError, s3FailureMessage } from "./publish_error.ts";

/**
 * Turns on static website hosting for the bucket, with `index.html` as the
 * index document, so `PREFIX/` serves `PREFIX/index.html`. Leaves a website
 * configuration that already has `index.html` as it is (returns false).
 * It does not make the bucket public: see docs/publish.md.
 */
export async function setupWebsite(
  client: S3Client,
  config: PublishConfig,
): Promise<boolean> {
  const failure = `Cannot turn on website hosting for bucket ${
    JSON.stringify(config.bucket)
  }`;
  let errorDocument: { Key: string } | undefined;
  try {
    const current = await client.send(
      new GetBucketWebsiteCommand({ Bucket: config.bucket }),
    );
    if (current.IndexDocument?.Suffix === "index.html") return false;
    if (current.ErrorDocument?.Key) {
      errorDocument = { Key: current.ErrorDocument.Key };
    }
    if (current.RoutingRules?.length || current.RedirectAllRequestsTo) {
      throw new PublishError(
        `${failure}: it already has a website configuration with redirects or routing rules; change it by hand`,
      );
    }
  } catch (error) {
    if (error instanceof PublishError) throw error;
    if ((error as Error).name !== "NoSuchWebsiteConfiguration") {
      throw new PublishError(
        s3FailureMessage(
          failure,
          "reading its website configuration",
          error,
          1,
          config.endpoint,
        ),
        { cause: error },
      );
    }
  }
  try {
    await client.send(
      new PutBucketWebsiteCommand({
        Bucket: config.bucket,
        WebsiteConfiguration: {
          IndexDocument: { Suffix: "index.html" },
          ...(errorDocument ? { ErrorDocument: errorDocument } : {}),
        },
      }),
    );
  } catch (error) {
    throw new PublishError(
      s3FailureMessage(
        failure,
        "writing its website configuration",
        error,
        1,
        config.endpoint,
      ),
      { cause: error },
    );
  }
  return true;
}
