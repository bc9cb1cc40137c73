import { isRunId } from "./run_id.ts";

/** One published file of a run. */
export interface ManifestFile {
  /** The path below the run's folder, with `/` separators: `notebooks/01_sales.html`. */
  path: string;
  /** Its size in bytes. */
  size: number;
  /** Its SHA-256, in lower-case hex. */
  sha256: string;
  contentType: string;
}

/**
 * `runs/<run-id>/manifest.json`: what a complete published run holds. It is
 * uploaded after every file of the run has been uploaded and verified, so a
 * run without one is incomplete.
 */
export interface RunManifest {
  format: "basket-run@1";
  runId: string;
  /** When the run was published (ISO 8601, UTC). */
  publishedAt: string;
  /** Basket's version that built the report. */
  version: string;
  /** A fingerprint of the input data. */
  dataFingerprint?: string;
  /** The report's parameters; left out of an encrypted report's manifest. */
  parameters?: Record<string, unknown>;
  /** True when only the encrypted `index.html` was published. */
  encrypted: boolean;
  files: ManifestFile[];
}

/**
 * Parses a run's `manifest.json`, checking its shape. Throws a `SyntaxError`
 * that names `where` when it is not a Basket run manifest.
 */
export function parseRunManifest(text: string, where: string): RunManifest {
  const fail = (problem: string): never => {
    throw new SyntaxError(
      `Cannot read run manifest ${JSON.stringify(where)}: ${problem}`,
    );
  };
  let value: Record<string, unknown>;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail((error as Error).message);
  }
  if (typeof value !== "object" || value === null) fail("not a JSON object");
  if (value.format !== "basket-run@1") {
    fail(`"format" is ${JSON.stringify(value.format)}, not "basket-run@1"`);
  }
  if (typeof value.runId !== "string" || !isRunId(value.runId)) {
    fail(`"runId" ${JSON.stringify(value.runId)} is not a run id`);
  }
  if (!Array.isArray(value.files) || value.files.length === 0) {
    fail(`"files" is not a list of files`);
  }
  for (const [i, file] of (value.files as unknown[]).entries()) {
    const f = file as Partial<ManifestFile>;
    if (
      typeof f?.path !== "string" || !isSafePath(f.path) ||
      typeof f.size !== "number" || typeof f.sha256 !== "string" ||
      !/^[0-9a-f]{64}$/.test(f.sha256) || typeof f.contentType !== "string"
    ) {
      fail(`files[${i}] is not a file entry (path, size, sha256, contentType)`);
    }
  }
  return value as unknown as RunManifest;
}

/** Whether a manifest path stays inside its run's folder. */
export function isSafePath(path: string): boolean {
  return path !== "" && !path.startsWith("/") &&
    path.split("/").every((part) =>
      part !== "" && part !== "." && part !== ".."
    );
}

/** Whether two manifests list the same files with the same contents. */
export function sameFiles(a: RunManifest, b: RunManifest): boolean {
  const key = (m: RunManifest) =>
    m.files.map((f) => `${f.path}\0${f.size}\0${f.sha256}`).sort().join("\n");
  return key(a) === key(b);
}
