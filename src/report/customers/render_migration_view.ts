// deno-fmt-ignore-file -- deno fmt would re-indent the markup inside the html templates
import type { NumberFormats } from "../../figures/format/number_formats.ts";
import {
  largestMoves,
  type SegmentMigration,
} from "../../figures/segments/segment_migration.ts";
import {
  largestSizeChanges,
  type SegmentSizeChange,
  segmentSizeChanges,
} from "../../figures/segments/segment_size_changes.ts";
import { generatedAtText } from "../generated_at_text.ts";
import { type Html, html } from "../html.ts";

/** Where the "Who moved" section's content starts and ends in the page (see withMigration). */
export const MIGRATION_START = '<div data-slot="migration-view">';
export const MIGRATION_END = "</div><!--/migration-view-->";

/** What the "Who moved" section has to say. */
export type MigrationState =
  /** The data has no customer ids: no segments to compare. */
  | { kind: "no-customers" }
  /** No earlier run holds segments to compare with. */
  | { kind: "first" }
  /** An earlier run was found, but its segments cannot be read (why, in words). */
  | { kind: "unreadable"; runId: string; reason: string }
  | { kind: "compared"; migration: SegmentMigration };

/** The "Who moved" part of report.json. */
export interface MigrationModel {
  /** `compared`, or why there is no comparison: `first`, `unreadable`, `no-customers`. */
  status: MigrationState["kind"];
  /** For `unreadable`: the earlier run and why its segments cannot be read. */
  unreadable?: { runId: string; reason: string };
  previous: SegmentMigration["previous"] | null;
  counts: SegmentMigration["counts"] | null;
  flows: SegmentMigration["flows"];
  /** The largest moves in words, as the page shows them. */
  largest: string[];
  /** Each segment's customers in the earlier run and in this one. */
  sizes: SegmentSizeChange[];
}

/** report.json's `migration` from the section's state. */
export function migrationModel(
  state: MigrationState,
  format: NumberFormats,
): MigrationModel {
  if (state.kind !== "compared") {
    return {
      status: state.kind,
      ...(state.kind === "unreadable"
        ? { unreadable: { runId: state.runId, reason: state.reason } }
        : {}),
      previous: null,
      counts: null,
      flows: [],
      largest: [],
      sizes: [],
    };
  }
  const { migration } = state;
  return {
    status: "compared",
    previous: migration.previous,
    counts: migration.counts,
    flows: migration.flows,
    largest: largestMoves(migration, format),
    sizes: segmentSizeChanges(migration),
  };
}

/**
 * The segment that grew most and the one that shrank most since the
 * earlier run, in one sentence linked to the "Who moved" section, or null
 * when no segment changed size. "What changed" shows it too (the page's
 * script copies it there): it is about all customers, under any filter.
 */
export function segmentSizeSentence(
  migration: SegmentMigration,
  format: NumberFormats,
): Html | null {
  const { grew, shrank } = largestSizeChanges(segmentSizeChanges(migration));
  if (!grew && !shrank) return null;
  const { integer, integerChange } = format;
  const part = (s: SegmentSizeChange, verb: string) =>
    html`<a href="#migration">${s.segment}</a> ${verb} most, from ${integer(s.before)} to ${integer(s.after)} customers (${integerChange(s.change)})`;
  const parts = [grew && part(grew, "grew"), shrank && part(shrank, "shrank")]
    .filter((p): p is Html => p !== null);
  return html`Since the run of ${generatedAtText(migration.previous.generatedAt)}, among all customers: ${
    parts.length === 2 ? html`${parts[0]}; ${parts[1]}` : parts[0]
  }.`;
}

/**
 * The "Who moved" section's content: against which run, how many
 * customers moved, stayed, came and went, the largest moves in words and
 * the table of every flow; or why there is nothing to compare.
 */
export function renderMigrationView(
  state: MigrationState,
  format: NumberFormats,
): Html {
  const note = html`<p class="notice">Segments are scored on all customers up to the as-of date, so the filters do not change this section. Customers are matched by id; revenue is a flow's customers' net spend as of this run (for customers gone since, as of the earlier run).</p>`;
  switch (state.kind) {
    case "no-customers":
      return html`<p class="notice">The data has no customer ids, so there are no segments to compare.</p>`;
    case "first":
      return html`<p class="notice">There is no earlier run to compare with: the next run will show who moved between segments since this one.</p>`;
    case "unreadable":
      return html`<p class="notice">The earlier run ${state.runId} cannot be compared with: ${state.reason}.</p>`;
  }
  const { migration } = state;
  const { previous, counts, flows } = migration;
  const { integer, wholeMoney } = format;
  const moves = largestMoves(migration, format);
  const sizes = segmentSizeSentence(migration, format);
  const customers = (n: number) => `${integer(n)} ${n === 1 ? "customer" : "customers"}`;
  return html`${note}
<p>Compared with the run of ${generatedAtText(previous.generatedAt)} (${previous.runId}${
    previous.asOf ? `, as of ${previous.asOf}` : ""
  }). ${
    previous.sameData
      ? "It read the same data."
      : "It read other data (its data fingerprint differs), so customers new and gone include those of the other data."
  }</p>
${sizes ? html`<p data-what-changed>${sizes}</p>` : ""}
<p>${customers(counts.common)} in both runs: ${integer(counts.moved)} in another segment now, ${integer(counts.stayed)} in the same. ${customers(counts.new)} new since, ${customers(counts.gone)} gone (in the earlier run only).</p>
${moves.length
    ? html`<h3 id="h-largest-moves">The largest moves</h3><ul class="moves">${moves.map((m) => html`<li>${m}</li>`)}</ul>`
    : html`<p>No customer changed segment.</p>`}
<details class="table"><summary>Who moved: from segment to segment (${flows.length} rows)</summary><div class="table-wrap" tabindex="0" role="region" aria-label="Who moved: from segment to segment"><table id="table-segment-migration">
<caption>Who moved: from segment to segment</caption>
<thead><tr><th scope="col">From (earlier run)</th><th scope="col">To (this run)</th><th scope="col" class="num">Customers</th><th scope="col" class="num">Revenue</th></tr></thead>
<tbody>${flows.map((f) => html`<tr${f.from === f.to ? html` class="stayed"` : ""}><th scope="row">${f.from}</th><td>${f.to}</td><td class="num">${integer(f.customers)}</td><td class="num">${wholeMoney(f.revenue)}</td></tr>`)}</tbody>
</table></div></details>`;
}
