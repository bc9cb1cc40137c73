import { deepEqual, equal, throws } from "node:assert/strict";
import {
  resolvePublishConfig,
  s3Target,
} from "../../src/publish/publish_config.ts";
import { parseConfigFile } from "../../src/cli/config_file.ts";

Deno.test("resolvePublishConfig() prefers flags to the environment and the environment to the file", () => {
  const config = resolvePublishConfig({
    flags: { bucket: "from-flag", keep: 2 },
    env: {
      BASKET_S3_BUCKET: "from-env",
      BASKET_S3_PREFIX: "/env/prefix/",
      AWS_REGION: "eu-west-3",
      BASKET_S3_PATH_STYLE: "yes",
    },
    file: {
      bucket: "from-file",
      prefix: "file",
      region: "us-west-2",
      keep: 5,
      publicUrl: "https://reports.example.com/weekly",
    },
  });
  deepEqual(config, {
    bucket: "from-flag",
    prefix: "env/prefix",
    region: "eu-west-3",
    forcePathStyle: true,
    keep: 2,
    publicUrl: "https://reports.example.com/weekly/",
  });
});

Deno.test("resolvePublishConfig() takes the S3 endpoint from AWS_ENDPOINT_URL_S3 before AWS_ENDPOINT_URL", () => {
  const both = resolvePublishConfig({
    env: {
      BASKET_S3_BUCKET: "b-1",
      AWS_ENDPOINT_URL: "http://generic:9000",
      AWS_ENDPOINT_URL_S3: "http://s3-only:9000/",
    },
  });
  equal(both.endpoint, "http://s3-only:9000");
  const generic = resolvePublishConfig({
    env: { BASKET_S3_BUCKET: "b-1", AWS_ENDPOINT_URL: "http://generic:9000" },
    file: { endpoint: "http://file:9000" },
  });
  equal(generic.endpoint, "http://generic:9000");
});

Deno.test("resolvePublishConfig() applies defaults: no prefix, keep 10, virtual-host addressing", () => {
  deepEqual(resolvePublishConfig({ file: { bucket: "acme" } }), {
    bucket: "acme",
    prefix: "",
    forcePathStyle: false,
    keep: 10,
  });
});

Deno.test("resolvePublishConfig() turns on KMS encryption when only a key id is given", () => {
  const config = resolvePublishConfig({
    flags: { bucket: "acme", kmsKeyId: "alias/reports" },
  });
  equal(config.sse, "aws:kms");
  equal(config.kmsKeyId, "alias/reports");
});

Deno.test("resolvePublishConfig() says where a bad value came from", () => {
  throws(
    () =>
      resolvePublishConfig({
        env: { BASKET_S3_BUCKET: "acme", BASKET_S3_KEEP: "many" },
      }),
    {
      name: "RangeError",
      message:
        'Cannot read BASKET_S3_KEEP "many": expected a whole number of runs, 0 or more',
    },
  );
  throws(
    () =>
      resolvePublishConfig({
        file: { bucket: "acme", sse: "DES" },
        filePath: "basket.config.json",
      }),
    {
      message:
        'Invalid "publish.sse" in "basket.config.json": "DES" is not "AES256" or "aws:kms"',
    },
  );
  throws(
    () => resolvePublishConfig({ flags: { bucket: "Not_A_Bucket" } }),
    {
      message: 'Invalid --bucket: "Not_A_Bucket" is not a valid S3 bucket name',
    },
  );
  throws(
    () =>
      resolvePublishConfig({
        flags: { bucket: "acme", sse: "AES256", kmsKeyId: "k" },
      }),
    {
      message:
        'Invalid --kms-key-id: a KMS key needs "aws:kms" encryption, but --sse is "AES256"',
    },
  );
  throws(
    () =>
      resolvePublishConfig({
        env: { BASKET_S3_BUCKET: "acme", BASKET_S3_PATH_STYLE: "maybe" },
      }),
    { message: 'Invalid BASKET_S3_PATH_STYLE: "maybe" is not true or false' },
  );
});

Deno.test("resolvePublishConfig() asks for a bucket when none is set", () => {
  throws(() => resolvePublishConfig({ env: {} }), {
    name: "RangeError",
    message:
      'Cannot publish: no bucket is set: pass --bucket, set BASKET_S3_BUCKET or "publish.bucket" in the config file',
  });
});

Deno.test("s3Target() names the bucket and prefix as an s3:// address", () => {
  equal(
    s3Target({ bucket: "acme", prefix: "weekly/shop" }),
    "s3://acme/weekly/shop/",
  );
  equal(s3Target({ bucket: "acme", prefix: "" }), "s3://acme/");
});

Deno.test("parseConfigFile() reads the publish and schedule sections and rejects other shapes", () => {
  const file = parseConfigFile(
    '{"publish": {"bucket": "acme", "keep": 3}, "schedule": {"cron": "0 6 * * *"}, "report": {}}',
    "basket.config.json",
  );
  deepEqual(file.publish, { bucket: "acme", keep: 3 });
  equal(file.schedule?.cron, "0 6 * * *");
  throws(() => parseConfigFile('{"publish": []}', "c.json"), {
    name: "SyntaxError",
    message: 'Cannot read config file "c.json": "publish" is not an object',
  });
  throws(() => parseConfigFile("{", "c.json"), { name: "SyntaxError" });
});
