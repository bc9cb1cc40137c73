/**
 * A synthetic customer × sub-category spend matrix for benchmarks: customers
 * of a few hidden types, each type preferring some of 23 sub-categories,
 * buying 1 + Poisson(3) times with log-normal amounts and some returns.
 * Seeded, so every run clusters the same matrix.
 */
import type { DenseMatrix } from "../src/stats/dense_matrix.ts";
import { seededRandom } from "../src/stats/seeded_random.ts";

/** A synthetic feature matrix with its column and row names. */
export interface SyntheticFeatures {
  columns: string[];
  rowIds: string[];
  matrix: DenseMatrix;
}

/** Builds `customers` rows of synthetic spend over 23 sub-categories. */
export function syntheticFeatures(
  customers: number,
  seed = 1,
  types = 6,
): SyntheticFeatures {
  const cols = 23;
  const random = seededRandom(seed);
  const normal = () => {
    const u = 1 - random(), v = random();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
  const preferences = Array.from({ length: types }, () => {
    const weights = Array.from(
      { length: cols },
      () => (-Math.log(1 - random())) ** 3,
    );
    const total = weights.reduce((a, b) => a + b, 0);
    let running = 0;
    return weights.map((w) => (running += w / total));
  });
  const pick = (cumulative: number[]) => {
    const r = random();
    const j = cumulative.findIndex((c) => r < c);
    return j < 0 ? cols - 1 : j;
  };
  const values = new Float64Array(customers * cols);
  for (let i = 0; i < customers; i++) {
    const type = Math.floor(random() * types);
    let baskets = 1;
    for (let limit = Math.exp(-3), p = random(); p > limit; p *= random()) {
      baskets++;
    }
    for (let b = 0; b < baskets; b++) {
      const j = random() < 0.75
        ? pick(preferences[type])
        : Math.floor(random() * cols);
      const amount = Math.round(Math.exp(7 + 0.6 * normal()) * 100) / 100;
      values[i * cols + j] += random() < 0.08 ? -amount / 2 : amount;
    }
  }
  return {
    columns: Array.from(
      { length: cols },
      (_, j) => `Synthetic: sub-category ${j + 1}`,
    ),
    rowIds: Array.from(
      { length: customers },
      (_, i) => `s${String(i).padStart(6, "0")}`,
    ),
    matrix: { rows: customers, cols, values },
  };
}
