/**
 * The customer-value fit on many customers: `deno task bench --clv`
 * (`--clv-customers N`, default 1,000,000). Histories are drawn from the
 * models (see syntheticHistories, with CDNOW's published parameters), then
 * timed: the BG/NBD fit, the Gamma-Gamma fit, and every customer's
 * predictions (expected purchases in 52 weeks, probability active,
 * expected spend, 12-month discounted value). Prints the times and the
 * parameters recovered; the target is the two fits in about 10 s.
 */
import { cpuUsage } from "node:process";
import { fitBgNbd } from "../src/stats/clv/bg_nbd.ts";
import { fitGammaGamma } from "../src/stats/clv/gamma_gamma.ts";
import { customerValues } from "../src/figures/value/customer_values.ts";
import { syntheticHistories } from "./synthetic_histories.ts";

/** CDNOW's published parameters (Fader, Hardie and Lee 2005). */
const BG = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const GG = { p: 6.25, q: 3.74, gamma: 15.44 };

/** What one run of the value bench measured. */
export interface ValueBenchResult {
  customers: number;
  repeatCustomers: number;
  /** Wall time. */
  seconds: { bgNbd: number; gammaGamma: number; fit: number; predict: number };
  /** CPU time of the process (user and system): what a busy machine does not inflate. */
  cpuSeconds: { fit: number; predict: number };
  iterations: { bgNbd: number; gammaGamma: number };
  params: { bgNbd: typeof BG; gammaGamma: typeof GG };
}

/** Times the fit and the predictions on `customers` synthetic customers. */
export function valueBench(customers: number): ValueBenchResult {
  const h = syntheticHistories(customers, BG, GG);
  let repeat = 0;
  for (const x of h.x) if (x > 0) repeat++;
  const cpu = () => {
    const { user, system } = cpuUsage();
    return (user + system) / 1e6;
  };
  const c0 = cpu();
  const t0 = performance.now();
  const bg = fitBgNbd(h);
  const t1 = performance.now();
  const gg = fitGammaGamma(h);
  const t2 = performance.now();
  const c2 = cpu();
  const values = customerValues(h, bg.params, gg.params);
  const t3 = performance.now();
  const c3 = cpu();
  if (!(values.value.every(Number.isFinite))) {
    throw new Error("A predicted value is not finite");
  }
  return {
    customers,
    repeatCustomers: repeat,
    seconds: {
      bgNbd: (t1 - t0) / 1000,
      gammaGamma: (t2 - t1) / 1000,
      fit: (t2 - t0) / 1000,
      predict: (t3 - t2) / 1000,
    },
    cpuSeconds: { fit: c2 - c0, predict: c3 - c2 },
    iterations: { bgNbd: bg.iterations, gammaGamma: gg.iterations },
    params: { bgNbd: bg.params, gammaGamma: gg.params },
  };
}

/** The result as lines for the terminal. */
export function formatValueBench(result: ValueBenchResult): string {
  const s = result.seconds;
  const round = (o: Record<string, number>) =>
    Object.entries(o).map(([k, v]) => `${k} = ${v.toPrecision(4)}`).join(", ");
  return [
    `Customer value on ${
      result.customers.toLocaleString("en-US")
    } synthetic customers (${
      result.repeatCustomers.toLocaleString("en-US")
    } with a repeat purchase)`,
    `BG/NBD fit       ${
      s.bgNbd.toFixed(2)
    } s (${result.iterations.bgNbd} iterations): ${
      round({ ...result.params.bgNbd })
    } (drawn with ${round(BG)})`,
    `Gamma-Gamma fit  ${
      s.gammaGamma.toFixed(2)
    } s (${result.iterations.gammaGamma} iterations): ${
      round({ ...result.params.gammaGamma })
    } (drawn with ${round(GG)})`,
    `Both fits        ${s.fit.toFixed(2)} s wall, ${
      result.cpuSeconds.fit.toFixed(2)
    } s CPU (target: about 10 s or less)`,
    `Predictions      ${s.predict.toFixed(2)} s wall, ${
      result.cpuSeconds.predict.toFixed(2)
    } s CPU (every customer: 52-week purchases, P(active), spend, 12-month value)`,
  ].join("\n");
}
