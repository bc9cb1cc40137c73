import { isRunId } from "./run_id.ts";
import {
  isLockedPage,
  lockedPageRunId,
} from "../report/lock/is_locked_page.ts";

/** What a local run folder says about itself. */
export interface RunInfo {
  /** The run id: report.json's `runId`, else the folder's real name when it is a run id. */
  runId?: string;
  /** The folder's path after following links (`reports/latest` → `reports/20261121T214500Z`). */
  realDir: string;
  parameters?: Record<string, unknown>;
  dataFingerprint?: string;
  version?: string;
  /** Whether its `index.html` is a locked (encrypted) page. */
  locked: boolean;
}

/**
 * Reads a finished run folder's identity: `runId`, `parameters`,
 * `dataFingerprint` and `version` from its `report.json` when present, else
 * the run id that a locked page names, else the one in the folder's real
 * name (`reports/latest` may link to `reports/<run-id>`); and whether its
 * page is locked.
 */
export async function readRunInfo(dir: string): Promise<RunInfo> {
  let realDir: string;
  try {
    realDir = await Deno.realPath(dir);
  } catch (error) {
    throw new Error(
      `Cannot read run folder ${JSON.stringify(dir)}: ${
        error instanceof Deno.errors.NotFound
          ? "no such folder"
          : (error as Error).message
      }`,
    );
  }
  const page = await Deno.readTextFile(`${realDir}/index.html`).catch(() => "");
  const info: RunInfo = { realDir, locked: isLockedPage(page) };
  let report: Record<string, unknown> = {};
  try {
    report = JSON.parse(await Deno.readTextFile(`${realDir}/report.json`));
  } catch (error) {
    if (!(error instanceof Deno.errors.NotFound)) {
      throw new Error(
        `Cannot read ${JSON.stringify(`${dir}/report.json`)}: ${
          (error as Error).message
        }`,
      );
    }
  }
  const name = realDir.slice(realDir.lastIndexOf("/") + 1);
  if (typeof report.runId === "string" && isRunId(report.runId)) {
    info.runId = report.runId;
  } else if (isRunId(lockedPageRunId(page) ?? "")) {
    info.runId = lockedPageRunId(page);
  } else if (isRunId(name)) {
    info.runId = name;
  }
  if (typeof report.parameters === "object" && report.parameters !== null) {
    info.parameters = report.parameters as Record<string, unknown>;
  }
  if (typeof report.dataFingerprint === "string") {
    info.dataFingerprint = report.dataFingerprint;
  }
  if (typeof report.version === "string") info.version = report.version;
  return info;
}
