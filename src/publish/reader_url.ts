import { GetBucketWebsiteCommand, type S3Client } from "@aws-sdk/client-s3";
import { usesPathStyle } from "./create_s3_client.ts";
import type { PublishConfig } from "./publish_config.ts";
import { describeS3Error } from "./publish_error.ts";
import { websiteUrl } from "./website_url.ts";

/** Where readers find the report, or why that is not known. */
export interface ReaderUrl {
  /** The URL to give readers, when there is one. */
  url?: string;
  /** Says plainly why there is no URL, or how it was found. */
  note: string;
}

/**
 * Where readers open the published report: the configured public URL; else,
 * when static website hosting is on (GetBucketWebsite), the bucket's website
 * endpoint for its region; with a custom endpoint (no AWS website host), the
 * top-level `index.html` on that endpoint. When hosting is off, there is no
 * URL and the note says how to turn it on.
 */
export async function readerUrl(
  client: S3Client,
  config: PublishConfig,
  bucketRegion?: string,
): Promise<ReaderUrl> {
  if (config.publicUrl) {
    return { url: config.publicUrl, note: "the configured public URL" };
  }
  try {
    const website = await client.send(
      new GetBucketWebsiteCommand({ Bucket: config.bucket }),
    );
    if (!website.IndexDocument?.Suffix && !website.RedirectAllRequestsTo) {
      return {
        note: `static website hosting on bucket ${
          JSON.stringify(config.bucket)
        } has no index document: run "deno task publish --setup-website"`,
      };
    }
    if (config.endpoint) {
      return {
        url: objectUrl(config, "index.html"),
        note: "the report's address on the custom endpoint",
      };
    }
    const region = bucketRegion ?? config.region ??
      await client.config.region();
    return {
      url: websiteUrl(config.bucket, region, config.prefix),
      note:
        "the bucket's website endpoint (HTTP only; see docs/publish.md for HTTPS)",
    };
  } catch (error) {
    const name = (error as Error)?.name;
    if (name === "NoSuchWebsiteConfiguration") {
      return {
        note: `static website hosting is not enabled on bucket ${
          JSON.stringify(config.bucket)
        }: run "deno task publish --setup-website" to enable it, or set a public URL (--public-url, BASKET_PUBLIC_URL)`,
      };
    }
    return {
      note: `cannot tell whether bucket ${
        JSON.stringify(config.bucket)
      } hosts a website (GetBucketWebsite failed: ${
        describeS3Error(error, config.endpoint)
      }): set a public URL (--public-url, BASKET_PUBLIC_URL)`,
    };
  }
}

/**
 * The URL of an object below the prefix on a custom endpoint: path-style
 * when configured or when the endpoint is an IP address or `localhost`.
 */
export function objectUrl(config: PublishConfig, path: string): string {
  const endpoint = new URL(
    config.endpoint ??
      `https://s3.${config.region ?? "us-east-1"}.amazonaws.com`,
  );
  const key = (config.prefix ? `${config.prefix}/${path}` : path)
    .split("/").map(encodeURIComponent).join("/");
  const base = endpoint.href.replace(/\/+$/, "");
  if (usesPathStyle(config)) return `${base}/${config.bucket}/${key}`;
  return `${endpoint.protocol}//${config.bucket}.${endpoint.host}${
    endpoint.pathname.replace(/\/+$/, "")
  }/${key}`;
}
