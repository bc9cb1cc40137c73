/**
 * What the browser tests of the comparisons share: pandas' reference
 * (tests/reference/comparison_reference.json), the cards' comparison lines
 * and the movers' names as the page shows them, and the assertion that
 * they are the reference's.
 *
 * @module
 */
import type { Page } from "puppeteer-core";
import { assertEquals } from "../assert.ts";
import { numberFormats } from "../../src/figures/format/number_formats.ts";

const FORMAT = numberFormats();

export interface Figures {
  totalSales: number;
  grossSales: number;
  returnsValue: number;
  saleLines: number;
}

export interface Case {
  name: string;
  filter: { from?: string; to?: string };
  previous: Figures | null;
  yearAgo: Figures | null;
  current: Figures;
  movers: Record<string, { key: string } | null> | null;
}

export const REFERENCE: { cases: Case[] } = JSON.parse(
  await Deno.readTextFile(
    new URL("../reference/comparison_reference.json", import.meta.url),
  ),
);
export const reference = (name: string) =>
  REFERENCE.cases.find((c) => c.name === name)!;

/** A card's comparison line as the page should word it. */
function expectedLine(
  now: number,
  earlier: number | undefined,
  kind: "money" | "integer",
  label: string,
): string {
  if (earlier === undefined) return `${label}: no earlier data`;
  const difference = now - earlier;
  const arrow = difference > 0 ? "▲" : difference < 0 ? "▼" : "▶";
  const shown = kind === "money"
    ? FORMAT.moneyChange(difference)
    : FORMAT.integerChange(difference);
  return `${arrow} ${shown} (${FORMAT.change(difference / earlier)}) ${label}`;
}

/** The cards' comparison lines and the movers' names on the page. */
export function shown(page: Page) {
  return page.evaluate(() => {
    const line = (figure: string, basis: string) =>
      (document.querySelector(
        `[data-figure="${figure}"] .change[data-basis="${basis}"]`,
      ) as HTMLElement | null)?.innerText.trim() ?? null;
    const lines: Record<string, (string | null)[]> = {};
    const none: Record<string, string | null> = {};
    for (const f of ["totalSales", "grossSales", "returnsValue", "saleLines"]) {
      lines[f] = [line(f, "previous"), line(f, "yearAgo")];
      none[f] = (document.querySelector(
        `[data-figure="${f}"] .change.none:not([data-basis])`,
      ) as HTMLElement | null)?.innerText.trim() ?? null;
    }
    const movers: Record<string, string | null> = {};
    for (
      const [dimension, anchor] of [
        ["category", "chart-categories"],
        ["store", "chart-stores"],
        ["region", "table-regions"],
      ]
    ) {
      movers[dimension] = document.querySelector(
        `#what-changed [data-takeaway="mover"] a[href="#${anchor}"]`,
      )?.textContent ?? null;
    }
    return { lines, none, movers };
  });
}

/** Asserts that the page shows the comparison lines and movers of `expected`. */
export function assertShows(
  actual: Awaited<ReturnType<typeof shown>>,
  expected: Case,
): void {
  for (
    const [figure, kind] of [
      ["totalSales", "money"],
      ["grossSales", "money"],
      ["returnsValue", "money"],
      ["saleLines", "integer"],
    ] as const
  ) {
    if (!expected.previous && !expected.yearAgo) {
      // One line says so.
      assertEquals(actual.lines[figure], [null, null]);
      assertEquals(actual.none[figure], "no earlier data to compare");
      continue;
    }
    assertEquals(actual.lines[figure], [
      expectedLine(
        expected.current[figure],
        expected.previous?.[figure],
        kind,
        "vs previous period",
      ),
      expectedLine(
        expected.current[figure],
        expected.yearAgo?.[figure],
        kind,
        "vs last year",
      ),
    ], `${expected.name}: ${figure}`);
  }
  for (const dimension of ["category", "store", "region"]) {
    assertEquals(
      actual.movers[dimension],
      expected.movers?.[dimension]?.key ?? null,
      `${expected.name}: ${dimension}`,
    );
  }
}
