import type { PublishedRun } from "./published_runs.ts";

/**
 * Formats runs as a table: run id, publishing date (UTC), size, and a
 * `current` or `incomplete` marker. Pure.
 *
 * @example
 * ```ts
 * import { deepEqual } from "node:assert/strict";
 * import { formatBytes, formatRuns } from "./format_runs.ts";
 *
 * const table = formatRuns([{
 *   runId: "20261121T214500Z", publishedAt: new Date("2026-11-21T21:46:10Z"),
 *   size: 2048, files: 3, complete: true, current: true,
 * }]);
 * deepEqual(table.split("\n")[1], "20261121T214500Z  2026-11-21 21:46:10Z  2.0 KiB  3      current");
 * deepEqual(formatBytes(3_565_158), "3.4 MiB");
 * ```
 */
export function formatRuns(runs: readonly PublishedRun[]): string {
  const rows = [
    ["RUN ID", "PUBLISHED (UTC)", "SIZE", "FILES", ""],
    ...runs.map((r) => [
      r.runId,
      r.publishedAt
        ? r.publishedAt.toISOString().replace("T", " ").replace(/\.\d+Z$/, "Z")
        : "-",
      formatBytes(r.size),
      String(r.files),
      r.current ? "current" : r.complete ? "" : "incomplete",
    ]),
  ];
  const widths = rows[0].map((_, i) =>
    Math.max(...rows.map((row) => row[i].length))
  );
  return rows
    .map((row) =>
      row.map((cell, i) => cell.padEnd(widths[i])).join("  ").trimEnd()
    )
    .join("\n");
}

/** Bytes in binary units: `512 B`, `2.0 KiB`, `3.4 MiB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KiB", "MiB", "GiB", "TiB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}
