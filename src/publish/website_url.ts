/** Regions whose website endpoint has a dash, `s3-website-REGION`; all others use a dot. */
const DASH_REGIONS = new Set([
  "us-east-1",
  "us-west-1",
  "us-west-2",
  "ap-southeast-1",
  "ap-southeast-2",
  "ap-northeast-1",
  "eu-west-1",
  "sa-east-1",
  "us-gov-west-1",
]);

/**
 * The URL of a prefix on an S3 bucket's static website endpoint:
 * `http://BUCKET.s3-website-REGION.amazonaws.com/PREFIX/` in the older regions,
 * `http://BUCKET.s3-website.REGION.amazonaws.com/PREFIX/` in the others
 * (`.amazonaws.com.cn` in China). Website endpoints speak only HTTP.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { websiteUrl } from "./website_url.ts";
 *
 * deepEqual(
 *   websiteUrl("acme-reports", "us-east-1", "weekly"),
 *   "http://acme-reports.s3-website-us-east-1.amazonaws.com/weekly/",
 * );
 * deepEqual(
 *   websiteUrl("acme-reports", "eu-central-1", ""),
 *   "http://acme-reports.s3-website.eu-central-1.amazonaws.com/",
 * );
 * ```
 */
export function websiteUrl(
  bucket: string,
  region: string,
  prefix: string,
): string {
  const host = DASH_REGIONS.has(region)
    ? `s3-website-${region}`
    : `s3-website.${region}`;
  const domain = region.startsWith("cn-")
    ? "amazonaws.com.cn"
    : "amazonaws.com";
  const path = prefix.split("/").filter(Boolean).map(encodeURIComponent).join(
    "/",
  );
  return `http://${bucket}.${host}.${domain}/${path ? `${path}/` : ""}`;
}
