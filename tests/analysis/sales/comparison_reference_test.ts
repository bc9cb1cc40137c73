/**
 * The comparisons and "What changed" of the real retail data set against an
 * independent pandas computation (tests/reference/comparison_reference.py,
 * whose output tests/reference/comparison_reference.json is committed), for
 * selections as the page's filters make them: the periods compared, the
 * headline sums and the net sales of every category, store, region, channel
 * and buyer in each period (to the cent), the largest movers and the shares
 * of new and returning customers. The figures come from the report's cube,
 * as in the page (`cubeFigures`, `cubeComparison`).
 *
 * The data set is read from `../shared/datasets/retail-kaggle/` beside the
 * project, or from `BASKET_KAGGLE_DIR` when set.
 */
import { assertAlmostEquals, assertEquals } from "../../assert.ts";
import { loadSource } from "../../../src/source/load_source.ts";
import { closeDataset } from "../../../src/source/dataset.ts";
import { salesCube } from "../../../src/analysis/sales/sales_cube.ts";
import { cubeFigures } from "../../../src/figures/sales/cube_figures.ts";
import { cubeComparison } from "../../../src/figures/sales/cube_comparison.ts";
import type {
  ComparedGroup,
  GroupChange,
} from "../../../src/figures/sales/sales_comparison.ts";
import {
  type Takeaway,
  whatChanged,
} from "../../../src/figures/sales/what_changed.ts";
import type { CubeFilter } from "../../../src/figures/sales/cube_selection.ts";

const KAGGLE = Deno.env.get("BASKET_KAGGLE_DIR") ??
  new URL("../../../../shared/datasets/retail-kaggle/", import.meta.url)
    .pathname;

interface PeriodFigures {
  totalSales: number;
  grossSales: number;
  returnsValue: number;
  saleLines: number;
  returnLines: number;
  returnRate: number;
  groups: Record<
    "category" | "store" | "region" | "channel",
    Record<string, number>
  >;
  buyers: Record<string, number>;
}

interface Shares {
  newShare: number;
  returningShare: number;
}

interface Case {
  name: string;
  filter: CubeFilter;
  period: { from: string; to: string; days: number };
  previousPeriod: { from: string; to: string } | null;
  yearAgoPeriod: { from: string; to: string } | null;
  current: PeriodFigures;
  previous: PeriodFigures | null;
  yearAgo: PeriodFigures | null;
  basis: "previous" | "yearAgo" | null;
  movers: Record<string, { key: string; difference: number } | null> | null;
  buyerShares: Shares | null;
  earlierBuyerShares: Shares | null;
}

const REFERENCE: { cases: Case[] } = JSON.parse(
  await Deno.readTextFile(
    new URL("../../reference/comparison_reference.json", import.meta.url),
  ),
);

/** Half a cent: the sums agree to the cent. */
const CENT = 0.005;

/** The real data set's cube, as a report builds it. */
async function kaggle() {
  const { dataset } = await loadSource({ path: KAGGLE });
  try {
    return { cube: await salesCube(dataset) };
  } finally {
    closeDataset(dataset);
  }
}

/** A group's net sales in one period, as the comparison lists them. */
function sumsOf(
  groups: readonly GroupChange[],
  basis: "totalSales" | "previous" | "yearAgo",
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const g of groups) {
    const value = g[basis];
    // A group with lines only in another period reads 0 here.
    if (value !== null && (value !== 0 || basis === "totalSales")) {
      out[g.key] = value;
    }
  }
  return out;
}

function assertSameSums(
  actual: Record<string, number>,
  expected: Record<string, number>,
  what: string,
): void {
  const nonZero = (r: Record<string, number>) =>
    Object.keys(r).filter((k) => Math.abs(r[k]) >= CENT).sort();
  assertEquals(nonZero(actual), nonZero(expected), what);
  for (const [key, value] of Object.entries(expected)) {
    assertAlmostEquals(actual[key] ?? 0, value, CENT, `${what} "${key}"`);
  }
}

Deno.test("the page's comparisons of the real data set match pandas", async (t) => {
  const { cube } = await kaggle();
  for (const reference of REFERENCE.cases) {
    await t.step(
      `cubeComparison() of "${reference.name}" matches pandas to the cent`,
      () => {
        const current = cubeFigures(cube, reference.filter);
        const comparison = cubeComparison(cube, reference.filter, current);
        const span = (p: { from: string; to: string } | null) =>
          p && { from: p.from, to: p.to };
        assertEquals(comparison.period, reference.period);
        assertEquals(span(comparison.previousPeriod), reference.previousPeriod);
        assertEquals(span(comparison.yearAgoPeriod), reference.yearAgoPeriod);
        for (const basis of ["previous", "yearAgo"] as const) {
          const expected = reference[basis];
          const what = `${reference.name}, ${basis}`;
          for (
            const figure of [
              "totalSales",
              "grossSales",
              "returnsValue",
              "saleLines",
              "returnRate",
            ] as const
          ) {
            const change = comparison.headline[figure][basis];
            if (!expected) {
              assertEquals(change, null, `${what}: ${figure}`);
              continue;
            }
            assertAlmostEquals(
              change!.earlier!,
              expected[figure],
              figure === "returnRate" ? 1e-9 : CENT,
              `${what}: ${figure}`,
            );
            assertAlmostEquals(
              change!.difference!,
              reference.current[figure] - expected[figure],
              figure === "returnRate" ? 1e-9 : CENT,
              `${what}: ${figure} difference`,
            );
          }
          const groups: [ComparedGroup, Record<string, number> | undefined][] =
            [
              ["category", expected?.groups.category],
              ["store", expected?.groups.store],
              ["region", expected?.groups.region],
              ["channel", expected?.groups.channel],
              ["buyer", expected?.buyers],
            ];
          for (const [group, sums] of groups) {
            const rows = comparison.groups[group];
            if (!sums) {
              assertEquals(rows.every((r) => r[basis] === null), true, what);
              continue;
            }
            assertSameSums(sumsOf(rows, basis), sums, `${what}: ${group}`);
          }
        }
        assertSameSums(
          sumsOf(comparison.groups.category, "totalSales"),
          reference.current.groups.category,
          `${reference.name}: categories now`,
        );
        assertSameSums(
          sumsOf(comparison.groups.buyer, "totalSales"),
          reference.current.buyers,
          `${reference.name}: buyers now`,
        );
      },
    );

    await t.step(
      `whatChanged() of "${reference.name}" names the movers and shares pandas finds`,
      () => {
        const current = cubeFigures(cube, reference.filter);
        const takeaways = whatChanged(
          current,
          cubeComparison(cube, reference.filter, current),
        );
        const of = <K extends Takeaway["kind"]>(kind: K) =>
          takeaways.filter((t) => t.kind === kind) as Extract<
            Takeaway,
            { kind: K }
          >[];
        assertEquals(takeaways.length >= 3 && takeaways.length <= 5, true);
        if (!reference.basis) {
          assertEquals(of("no-earlier-data").length, 1);
          assertEquals(of("mover"), []);
        } else {
          const movers = of("mover");
          for (const dimension of ["category", "store", "region"]) {
            const expected = reference.movers![dimension];
            const actual = movers.find((m) => m.mover.dimension === dimension);
            if (!expected) {
              assertEquals(actual, undefined, dimension);
              continue;
            }
            assertEquals(actual?.basis, reference.basis);
            assertEquals(actual?.mover.key, expected.key, dimension);
            assertAlmostEquals(
              actual!.mover.difference,
              expected.difference,
              CENT,
              dimension,
            );
          }
        }
        const [returns] = of("returns");
        assertAlmostEquals(
          returns.returnRate,
          reference.current.returnRate,
          1e-9,
        );
        const [buyers] = of("buyers");
        assertAlmostEquals(
          buyers.newShare,
          reference.buyerShares!.newShare,
          1e-9,
        );
        assertAlmostEquals(
          buyers.returningShare,
          reference.buyerShares!.returningShare,
          1e-9,
        );
        if (reference.earlierBuyerShares) {
          assertAlmostEquals(
            buyers.earlier!.newShare,
            reference.earlierBuyerShares.newShare,
            1e-9,
          );
        } else assertEquals(buyers.earlier, null);
      },
    );
  }

  await t.step(
    "whatChanged() of the whole data says it holds no earlier period",
    () => {
      const current = cubeFigures(cube, {});
      const comparison = cubeComparison(cube, {}, current);
      assertEquals(comparison.previousPeriod, null);
      assertEquals(comparison.yearAgoPeriod, null);
      assertEquals(
        whatChanged(current, comparison).map((t) => t.kind),
        ["no-earlier-data", "top-category", "returns", "buyers"],
      );
    },
  );
});
