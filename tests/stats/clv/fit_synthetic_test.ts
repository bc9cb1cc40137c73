import { assertEquals, assertOk } from "../../assert.ts";
import { fitBgNbd, fitGammaGamma } from "../../../src/stats/clv/mod.ts";
import { syntheticHistories } from "../../../bench/synthetic_histories.ts";

const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const GG = { p: 6.25, q: 3.74, gamma: 15.44 };

// 20,000 customers: the likelihood is a sum whose rounding noise is
// larger than a tight gradient tolerance can see through; the search must
// still stop, converged, once no step can improve it.
Deno.test("the fits converge on 20,000 customers drawn from the models and give back their parameters", () => {
  const h = syntheticHistories(20_000, BG, GG, 1);
  const bg = fitBgNbd(h);
  assertEquals(bg.converged, true);
  assertOk(bg.iterations < 100, String(bg.iterations));
  for (const key of ["r", "alpha", "a", "b"] as const) {
    assertOk(
      Math.abs(bg.params[key] / BG[key] - 1) < 0.1,
      `${key}: ${bg.params[key]} against ${BG[key]}`,
    );
  }
  const gg = fitGammaGamma(h);
  assertEquals(gg.converged, true);
  for (const key of ["p", "q", "gamma"] as const) {
    assertOk(
      Math.abs(gg.params[key] / GG[key] - 1) < 0.2,
      `${key}: ${gg.params[key]} against ${GG[key]}`,
    );
  }
});
