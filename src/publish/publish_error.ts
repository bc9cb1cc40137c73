/**
 * A publish, rollback, listing or share that failed talking to S3, or found
 * the bucket in a state it cannot work with. The message follows the house
 * style and never holds credentials:
 *
 * `Cannot publish to "s3://acme/weekly/": the bucket does not exist`
 */
export class PublishError extends Error {
  override name = "PublishError";
}

interface SdkErrorLike {
  name?: string;
  code?: string;
  message?: string;
  $metadata?: { httpStatusCode?: number };
  cause?: unknown;
}

const BY_NAME: Readonly<Record<string, string>> = {
  NoSuchBucket: "the bucket does not exist",
  AccessDenied:
    "access is denied: the credentials lack a permission this needs (see docs/publish.md for the IAM policy)",
  AllAccessDisabled: "access to the bucket is disabled",
  InvalidAccessKeyId:
    "the access key id is not known to the server: check the AWS credentials",
  SignatureDoesNotMatch:
    "the request signature does not match: check the AWS secret access key",
  ExpiredToken: "the AWS session token has expired: renew the credentials",
  InvalidToken: "the AWS session token is not valid: renew the credentials",
  TokenRefreshRequired:
    "the AWS session token has expired: renew the credentials",
  CredentialsProviderError:
    "no AWS credentials were found: set them in the environment, a shared profile or an instance role",
  PermanentRedirect:
    "the bucket is in another region: set the region (--s3-region or AWS_REGION)",
  AuthorizationHeaderMalformed:
    "the bucket is in another region: set the region (--s3-region or AWS_REGION)",
  InvalidBucketName: "the bucket name is not valid",
  KMS_AccessDeniedException:
    "access to the KMS key is denied: the credentials need kms:GenerateDataKey and kms:Decrypt",
  KMSAccessDenied:
    "access to the KMS key is denied: the credentials need kms:GenerateDataKey and kms:Decrypt",
  RequestTimeTooSkewed:
    "the machine's clock differs too much from the server's: correct the clock",
};

const NETWORK_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNABORTED",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);

/**
 * What an AWS SDK error means, in words, for a house-style message: known
 * error names (NoSuchBucket, AccessDenied, InvalidAccessKeyId, ...) map to a
 * plain sentence; others give their name, HTTP status and first sentence.
 * Anything that looks like an access key id is masked.
 */
export function describeS3Error(error: unknown, endpoint?: string): string {
  const e =
    (typeof error === "object" && error !== null ? error : {}) as SdkErrorLike;
  const name = e.name ?? "";
  const status = e.$metadata?.httpStatusCode;
  const known = BY_NAME[name];
  if (known) return known;
  if (/Region is missing/i.test(e.message ?? "")) {
    return "no region is set: pass --s3-region, set AWS_REGION or a region in the AWS profile";
  }
  if (
    /Could not load credentials|credentials? (?:is|are) missing/i.test(
      e.message ?? "",
    )
  ) {
    return BY_NAME.CredentialsProviderError;
  }
  const code = networkCode(e);
  if (code || name === "TimeoutError" || name === "RequestTimeout") {
    const where = endpoint ? `the server at ${JSON.stringify(endpoint)}` : "S3";
    return `${where} did not answer (${code ?? "timed out"})`;
  }
  if (status === 403 && (name === "Forbidden" || name === "403")) {
    return BY_NAME.AccessDenied;
  }
  if (status !== undefined && status >= 500) {
    return `the server failed (HTTP ${status}${
      name && name !== String(status) ? ` ${name}` : ""
    })`;
  }
  const first = (e.message ?? String(error)).split(/(?<=\.)\s|\n/)[0]
    .replace(/\.$/, "");
  const label = [name, status ? `HTTP ${status}` : ""].filter(Boolean).join(
    ", ",
  );
  return mask(label ? `${first} (${label})` : first);
}

/** The network error code (`ECONNREFUSED`, ...) behind an SDK error, if any. */
export function networkCode(error: unknown): string | undefined {
  let e: unknown = error;
  for (
    let depth = 0;
    depth < 4 && typeof e === "object" && e !== null;
    depth++
  ) {
    const code = (e as SdkErrorLike).code;
    if (code && NETWORK_CODES.has(code)) return code;
    const message = (e as SdkErrorLike).message ?? "";
    const match = /\b(E[A-Z_]{4,})\b/.exec(message);
    if (match && NETWORK_CODES.has(match[1])) return match[1];
    if (/socket hang up/i.test(message)) return "ECONNRESET";
    e = (e as SdkErrorLike).cause;
  }
  return undefined;
}

function mask(text: string): string {
  return text
    .replace(/\b(?:AKIA|ASIA|AIDA|AROA)[A-Z0-9]{8,}\b/g, "<access key id>")
    .replace(/Credential=[^,\s&]+/g, "Credential=<hidden>")
    .replace(/Signature=[0-9a-f]+/g, "Signature=<hidden>");
}

/** Errors about the bucket or the credentials, not one request. */
const WHOLE_BUCKET = new Set([
  "NoSuchBucket",
  "InvalidAccessKeyId",
  "SignatureDoesNotMatch",
  "ExpiredToken",
  "InvalidToken",
  "TokenRefreshRequired",
  "CredentialsProviderError",
  "PermanentRedirect",
  "AuthorizationHeaderMalformed",
  "InvalidBucketName",
  "AllAccessDisabled",
  "RequestTimeTooSkewed",
]);

/**
 * The house-style message for an S3 call that failed: `failure` says what
 * could not be done (`Cannot publish to "s3://b/p/"`), `step` the request
 * (`uploading "runs/x/index.html"`). Problems with the bucket or credentials
 * leave the step out; `attempts` is said when there were retries.
 */
export function s3FailureMessage(
  failure: string,
  step: string,
  error: unknown,
  attempts = 1,
  endpoint?: string,
): string {
  const detail = describeS3Error(error, endpoint);
  const name = (error as SdkErrorLike | undefined)?.name ?? "";
  if (WHOLE_BUCKET.has(name) || detail === BY_NAME.CredentialsProviderError) {
    return `${failure}: ${detail}`;
  }
  const tries = attempts > 1 ? ` after ${attempts} attempts` : "";
  return `${failure}: ${step} failed${tries}: ${detail}`;
}
