import { equal, match } from "node:assert/strict";
import { readerUrl } from "../../src/publish/reader_url.ts";
import { setupWebsite } from "../../src/publish/setup_website.ts";
import { websiteUrl } from "../../src/publish/website_url.ts";
import { startTestS3 } from "./s3_test_server.ts";

Deno.test("websiteUrl() uses the dash form in the older regions and the dot form elsewhere", () => {
  equal(
    websiteUrl("acme", "us-east-1", "weekly"),
    "http://acme.s3-website-us-east-1.amazonaws.com/weekly/",
  );
  equal(
    websiteUrl("acme", "eu-west-1", ""),
    "http://acme.s3-website-eu-west-1.amazonaws.com/",
  );
  equal(
    websiteUrl("acme", "eu-central-1", "a/b"),
    "http://acme.s3-website.eu-central-1.amazonaws.com/a/b/",
  );
  equal(
    websiteUrl("acme", "us-east-2", "x"),
    "http://acme.s3-website.us-east-2.amazonaws.com/x/",
  );
  equal(
    websiteUrl("acme", "cn-north-1", "x"),
    "http://acme.s3-website.cn-north-1.amazonaws.com.cn/x/",
  );
});

Deno.test("readerUrl() says plainly that website hosting is off, and gives the URL once setupWebsite() turns it on", async () => {
  const s3 = await startTestS3();
  try {
    const config = s3.config();
    const client = s3.client(config);
    const before = await readerUrl(client, config);
    equal(before.url, undefined);
    match(
      before.note,
      /^static website hosting is not enabled on bucket "reports": run "deno task publish --setup-website"/,
    );
    equal(await setupWebsite(client, config), true);
    equal(await setupWebsite(client, config), false);
    const after = await readerUrl(client, config);
    equal(after.url, `${s3.endpoint}/reports/weekly/index.html`);
  } finally {
    await s3.close();
  }
});

Deno.test("readerUrl() gives a configured public URL without asking the bucket", async () => {
  const s3 = await startTestS3();
  try {
    const config = s3.config({
      publicUrl: "https://reports.example.com/weekly/",
    });
    await s3.stop();
    const reader = await readerUrl(s3.client(config), config);
    equal(reader.url, "https://reports.example.com/weekly/");
  } finally {
    await s3.close();
  }
});
