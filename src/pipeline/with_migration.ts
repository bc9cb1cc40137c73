import type { NumberFormats } from "../figures/format/number_formats.ts";
import { reportJson } from "../report/report_json.ts";
import type { ReportModel } from "../report/report_model.ts";
import {
  migrationModel,
  type MigrationState,
  renderMigrationView,
} from "../report/customers/render_migration_view.ts";
import {
  MIGRATION_END,
  MIGRATION_START,
} from "../report/customers/render_migration_view.ts";
import type { BuiltReport } from "./build_report.ts";

/**
 * A built run with its "Who moved" section and report.json's `migration`
 * set to `state` (see migrationInEngine, migrationOfRun): done after the
 * build's files are made (and after the run cache, which keeps them without
 * it), as the previous run is not part of the build's input. The page's
 * section is replaced between its markers; nothing else changes.
 */
export function withMigration(
  built: BuiltReport,
  state: MigrationState,
  format: NumberFormats,
): BuiltReport {
  const page = built.files.get("index.html")!;
  const start = page.indexOf(MIGRATION_START);
  const end = page.indexOf(MIGRATION_END, start);
  if (start < 0 || end < 0) {
    throw new Error(
      `Cannot add who moved to run "${built.runId}": its page has no migration section`,
    );
  }
  const model: ReportModel = {
    ...built.model,
    migration: migrationModel(state, format),
  };
  const files = new Map(built.files);
  files.set(
    "index.html",
    page.slice(0, start + MIGRATION_START.length) +
      renderMigrationView(state, format).markup + page.slice(end),
  );
  files.set("report.json", reportJson(model));
  return { ...built, model, files };
}
