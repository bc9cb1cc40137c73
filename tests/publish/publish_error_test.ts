import { equal } from "node:assert/strict";
import {
  describeS3Error,
  s3FailureMessage,
} from "../../src/publish/publish_error.ts";

const sdkError = (name: string, message: string, status?: number) =>
  Object.assign(new Error(message), {
    name,
    ...(status ? { $metadata: { httpStatusCode: status } } : {}),
  });

Deno.test("describeS3Error() says in words what the SDK's error names mean", () => {
  equal(
    describeS3Error(
      sdkError("NoSuchBucket", "The specified bucket does not exist", 404),
    ),
    "the bucket does not exist",
  );
  equal(
    describeS3Error(
      sdkError(
        "InvalidAccessKeyId",
        "The AWS Access Key Id you provided does not exist",
        403,
      ),
    ),
    "the access key id is not known to the server: check the AWS credentials",
  );
  equal(
    describeS3Error(
      sdkError(
        "SignatureDoesNotMatch",
        "The request signature we calculated does not match",
        403,
      ),
    ),
    "the request signature does not match: check the AWS secret access key",
  );
  equal(
    describeS3Error(sdkError("Forbidden", "UnknownError", 403)),
    "access is denied: the credentials lack a permission this needs (see docs/publish.md for the IAM policy)",
  );
  equal(
    describeS3Error(
      sdkError(
        "CredentialsProviderError",
        "Could not load credentials from any providers",
      ),
    ),
    "no AWS credentials were found: set them in the environment, a shared profile or an instance role",
  );
  equal(
    describeS3Error(
      sdkError("ServiceUnavailable", "Please reduce your request rate.", 503),
    ),
    "the server failed (HTTP 503 ServiceUnavailable)",
  );
});

Deno.test("describeS3Error() masks anything that looks like an access key id", () => {
  equal(
    describeS3Error(sdkError("Weird", "Key AKIAIOSFODNN7EXAMPLE is odd", 400)),
    "Key <access key id> is odd (Weird, HTTP 400)",
  );
});

Deno.test("s3FailureMessage() names the failing step, except for problems with the bucket or credentials", () => {
  equal(
    s3FailureMessage(
      'Cannot publish to "s3://b/p/"',
      'uploading "index.html"',
      sdkError("NoSuchBucket", "x", 404),
    ),
    'Cannot publish to "s3://b/p/": the bucket does not exist',
  );
  equal(
    s3FailureMessage(
      'Cannot publish to "s3://b/p/"',
      'uploading "index.html"',
      sdkError("InternalError", "We encountered an internal error", 500),
      4,
    ),
    'Cannot publish to "s3://b/p/": uploading "index.html" failed after 4 attempts: the server failed (HTTP 500 InternalError)',
  );
});
