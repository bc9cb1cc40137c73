import type { BgNbdFit } from "../../stats/clv/bg_nbd.ts";
import type { GammaGammaFit } from "../../stats/clv/gamma_gamma.ts";

/** The fitted parameters of both models, as report.json shows them. */
export interface ValueParams {
  bgNbd: BgNbdFit["params"] & {
    logLikelihood: number;
    iterations: number;
    customers: number;
  };
  gammaGamma: GammaGammaFit["params"] & {
    logLikelihood: number;
    iterations: number;
    /** Customers with a repeat purchase of positive value, whom the spend model is fitted to. */
    customers: number;
  };
}

/** The parameters of two fits, flat. */
export function fittedParams(
  fits: { bgNbd: BgNbdFit; gammaGamma: GammaGammaFit },
): ValueParams {
  const flat = (fit: BgNbdFit | GammaGammaFit) => ({
    logLikelihood: fit.logLikelihood,
    iterations: fit.iterations,
    customers: fit.customers,
  });
  return {
    bgNbd: { ...fits.bgNbd.params, ...flat(fits.bgNbd) },
    gammaGamma: { ...fits.gammaGamma.params, ...flat(fits.gammaGamma) },
  };
}
