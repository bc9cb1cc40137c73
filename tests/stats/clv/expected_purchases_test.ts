import { assertOk } from "../../assert.ts";
import {
  expectedPurchases,
  hyp2f1,
  probabilityAlive,
} from "../../../src/stats/clv/mod.ts";

/** The paper's eq. 10 as printed (Fader, Hardie and Lee 2005): 0 / 0 at a = 1. */
function paperExpectedPurchases(
  params: { r: number; alpha: number; a: number; b: number },
  h: { x: number; tx: number; T: number },
  t: number,
): number {
  const { r, alpha, a, b } = params;
  const z = t / (alpha + h.T + t);
  const tail = Math.pow((alpha + h.T) / (alpha + h.T + t), r + h.x) *
    hyp2f1(r + h.x, b + h.x, a + b + h.x - 1, z);
  return (a + b + h.x - 1) / (a - 1) * (1 - tail) * probabilityAlive(params, h);
}

const PARAMS = { r: 0.243, alpha: 4.414, b: 2.426 };
const HISTORIES = [
  { x: 0, tx: 0, T: 38.86 },
  { x: 2, tx: 30.43, T: 38.86 },
  { x: 14, tx: 37, T: 38 },
];

function close(actual: number, expected: number, relative: number) {
  return Math.abs(actual - expected) <= relative * Math.abs(expected);
}

Deno.test("expectedPurchases() equals the paper's formula away from a = 1", () => {
  for (const a of [0.3, 0.793, 1.5, 4]) {
    for (const h of HISTORIES) {
      for (const t of [1, 39, 520]) {
        const ours = expectedPurchases({ ...PARAMS, a }, h, t);
        const paper = paperExpectedPurchases({ ...PARAMS, a }, h, t);
        assertOk(
          close(ours, paper, 1e-9),
          `a ${a}, x ${h.x}, t ${t}: ${ours} against ${paper}`,
        );
      }
    }
  }
});

Deno.test("expectedPurchases() at exactly a = 1 gives the limit, not 0 / 0", () => {
  for (const h of HISTORIES) {
    for (const t of [1, 39, 520]) {
      const atOne = expectedPurchases({ ...PARAMS, a: 1 }, h, t);
      assertOk(
        Number.isFinite(atOne) && atOne > 0,
        `x ${h.x}, t ${t}: ${atOne}`,
      );
      // The function is smooth in a: the mean of the paper's formula on
      // either side of 1 is within O(δ²) of the value at 1.
      const delta = 1e-3;
      const around =
        (paperExpectedPurchases({ ...PARAMS, a: 1 - delta }, h, t) +
          paperExpectedPurchases({ ...PARAMS, a: 1 + delta }, h, t)) / 2;
      assertOk(
        close(atOne, around, 1e-5),
        `x ${h.x}, t ${t}: ${atOne} against ${around}`,
      );
    }
  }
});

Deno.test("expectedPurchases() keeps its digits just beside a = 1", () => {
  for (const h of HISTORIES) {
    const atOne = expectedPurchases({ ...PARAMS, a: 1 }, h, 39);
    for (const a of [1 - 1e-12, 1 + 1e-12, 1 + 1e-9]) {
      const near = expectedPurchases({ ...PARAMS, a }, h, 39);
      assertOk(
        close(near, atOne, 1e-8),
        `a ${a}, x ${h.x}: ${near} against ${atOne}`,
      );
    }
  }
});
