/**
 * The warning a command prints when readers will open a locked report at
 * `url` over plain HTTP: browsers decrypt only in a secure context, so the
 * page would only explain that it cannot open. Returns `null` for https://,
 * for http:// on this machine (localhost, 127.0.0.0/8, [::1]), which
 * browsers treat as secure, and for other schemes (file:, s3:).
 *
 * Throws a `TypeError` when `url` is not a URL.
 *
 * @example
 * ```ts
 * import { equal, match } from "node:assert/strict";
 * equal(insecureUrlWarning("https://reports.example.com/r.html"), null);
 * equal(insecureUrlWarning("http://127.0.0.1:8000/r.html"), null);
 * match(
 *   insecureUrlWarning("http://shop.s3-website.eu-west-1.amazonaws.com/")!,
 *   /CloudFront/,
 * );
 * ```
 */
export function insecureUrlWarning(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new TypeError(
      `Cannot check the report address ${JSON.stringify(url)}: it is not a URL`,
    );
  }
  if (parsed.protocol !== "http:" || isLoopback(parsed.hostname)) return null;
  return `The locked report at ${
    JSON.stringify(url)
  } is served over plain HTTP, where browsers refuse to decrypt it: put an HTTPS CDN such as CloudFront in front of it and share the https:// address`;
}

function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") ||
    host === "[::1]" || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
