const TYPES: Readonly<Record<string, string>> = {
  html: "text/html; charset=utf-8",
  htm: "text/html; charset=utf-8",
  json: "application/json",
  csv: "text/csv; charset=utf-8",
  txt: "text/plain; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  css: "text/css; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  mjs: "text/javascript; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  ico: "image/x-icon",
  pdf: "application/pdf",
  ipynb: "application/x-ipynb+json",
  woff: "font/woff",
  woff2: "font/woff2",
};

/**
 * The HTTP Content-Type a published file is served with, from its name's
 * extension (text types carry `charset=utf-8`); unknown extensions are
 * `application/octet-stream`.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { contentType } from "./content_type.ts";
 *
 * deepEqual(contentType("runs/x/index.html"), "text/html; charset=utf-8");
 * deepEqual(contentType("sales.CSV"), "text/csv; charset=utf-8");
 * ```
 */
export function contentType(path: string): string {
  const name = path.slice(path.lastIndexOf("/") + 1);
  const dot = name.lastIndexOf(".");
  if (dot <= 0) return "application/octet-stream";
  return TYPES[name.slice(dot + 1).toLowerCase()] ?? "application/octet-stream";
}
