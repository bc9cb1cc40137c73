import { equal, throws } from "node:assert/strict";
import { insecureUrlWarning } from "../../../src/report/lock/insecure_url_warning.ts";

Deno.test("insecureUrlWarning() warns about a plain-HTTP S3 website address and names an HTTPS CDN", () => {
  const url =
    "http://shop-reports.s3-website.eu-west-1.amazonaws.com/report.html";
  equal(
    insecureUrlWarning(url),
    `The locked report at "${url}" is served over plain HTTP, where browsers refuse to decrypt it: put an HTTPS CDN such as CloudFront in front of it and share the https:// address`,
  );
});

Deno.test("insecureUrlWarning() accepts HTTPS, this machine's loopback addresses and files", () => {
  for (
    const url of [
      "https://d111111abcdef8.cloudfront.net/report.html",
      "HTTPS://REPORTS.EXAMPLE.COM/",
      "http://localhost:8000/report.html",
      "http://reports.localhost/",
      "http://127.0.0.1:8000/report.html#store=zebra",
      "http://127.1.2.3/",
      "http://[::1]:8000/",
      "file:///home/me/report.html",
    ]
  ) {
    equal(insecureUrlWarning(url), null, url);
  }
});

Deno.test("insecureUrlWarning() warns about plain HTTP on other machines, by name or address", () => {
  for (
    const url of [
      "http://reports.example.com/",
      "http://192.168.1.20:8000/report.html",
      "http://localhost.example.com/",
      "http://128.0.0.1/",
    ]
  ) {
    equal(typeof insecureUrlWarning(url), "string", url);
  }
});

Deno.test("insecureUrlWarning() refuses what is not a URL", () => {
  throws(() => insecureUrlWarning("reports/report.html"), {
    name: "TypeError",
    message:
      'Cannot check the report address "reports/report.html": it is not a URL',
  });
});
