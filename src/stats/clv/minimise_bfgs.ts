/** A function's value and gradient at a point. */
export interface ValueAndGradient {
  value: number;
  gradient: number[];
}

/** Options for {@linkcode minimiseBfgs}. */
export interface MinimiseBfgsOptions {
  /** Stop when every gradient component is below this; default 1e-8 × (1 + |f|). */
  gradientTolerance?: number;
  /** Default 500. */
  maxIterations?: number;
  /**
   * Also stop, as converged, when the value can no longer be lowered at
   * double precision (two steps running gain nothing past rounding, or
   * no step gains anything) and every gradient component is below this;
   * default 1e-6 × (1 + |f|). A sum over many terms has rounding noise
   * that a tight `gradientTolerance` cannot see through.
   */
  stallTolerance?: number;
}

/** Where {@linkcode minimiseBfgs} stopped. */
export interface BfgsResult {
  point: number[];
  value: number;
  iterations: number;
  /**
   * Whether the gradient fell below the tolerance, or below the stall
   * tolerance where no step could improve the value any more (else:
   * iterations ran out, or no step improved far from a minimum).
   */
  converged: boolean;
}

/**
 * Minimises a smooth function of a few unconstrained variables by BFGS
 * with a backtracking (Armijo) line search. A value that is not finite
 * counts as worse than any finite one, so the search backs away from it.
 *
 * @example
 * ```ts
 * import { minimiseBfgs } from "./minimise_bfgs.ts";
 * const result = minimiseBfgs(([x, y]) => ({
 *   value: (x - 1) ** 2 + 10 * (y + 2) ** 2,
 *   gradient: [2 * (x - 1), 20 * (y + 2)],
 * }), [0, 0]);
 * if (Math.abs(result.point[0] - 1) > 1e-6 || Math.abs(result.point[1] + 2) > 1e-6) {
 *   throw new Error(String(result.point));
 * }
 * ```
 */
export function minimiseBfgs(
  f: (point: number[]) => ValueAndGradient,
  start: readonly number[],
  options: MinimiseBfgsOptions = {},
): BfgsResult {
  const n = start.length;
  const maxIterations = options.maxIterations ?? 500;
  let x = [...start];
  let current = f(x);
  if (!Number.isFinite(current.value)) {
    throw new RangeError(
      `Cannot minimise from ${
        JSON.stringify(start)
      }: the value there is ${current.value}`,
    );
  }
  // The inverse Hessian estimate, first scaled to the gradient.
  let h = identity(n, 1 / Math.max(1, norm(current.gradient)));
  const stalledAt = (point: ValueAndGradient) => {
    const tolerance = options.stallTolerance ??
      1e-6 * (1 + Math.abs(point.value));
    return point.gradient.every((g) => Math.abs(g) < tolerance);
  };
  // What a sum's rounding may change the value by: gains below it are noise.
  const noise = (value: number) => 64 * Number.EPSILON * (1 + Math.abs(value));
  let stalled = 0;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    const tolerance = options.gradientTolerance ??
      1e-8 * (1 + Math.abs(current.value));
    if (current.gradient.every((g) => Math.abs(g) < tolerance)) {
      return {
        point: x,
        value: current.value,
        iterations: iteration,
        converged: true,
      };
    }
    let direction = times(h, current.gradient).map((v) => -v);
    let slope = dot(direction, current.gradient);
    if (!(slope < 0)) {
      // Not a descent direction: restart from steepest descent.
      h = identity(n, 1 / Math.max(1, norm(current.gradient)));
      direction = current.gradient.map((g) => -g * h[0][0]);
      slope = dot(direction, current.gradient);
    }
    // A step whose whole predicted gain is below the value's rounding
    // cannot be told from no step: stop here when that is near a minimum.
    if (
      -slope <= noise(current.value) &&
      stalledAt(current)
    ) {
      return {
        point: x,
        value: current.value,
        iterations: iteration,
        converged: true,
      };
    }
    let step = 1;
    let next: ValueAndGradient | undefined;
    let y: number[] = x;
    for (let tries = 0; tries < 40; tries++) {
      y = x.map((v, i) => v + step * direction[i]);
      const candidate = f(y);
      if (
        Number.isFinite(candidate.value) &&
        candidate.value <= current.value + 1e-4 * step * slope
      ) {
        next = candidate;
        break;
      }
      step /= 2;
      // Past this a step's whole predicted gain is rounding noise: shorter
      // ones cannot be told from no step.
      if (-step * slope < noise(current.value) && stalledAt(current)) break;
    }
    if (!next) {
      return {
        point: x,
        value: current.value,
        iterations: iteration,
        converged: stalledAt(current),
      };
    }
    const gained = current.value - next.value > noise(current.value);
    stalled = gained ? 0 : stalled + 1;
    const s = y.map((v, i) => v - x[i]);
    const g = next.gradient.map((v, i) => v - current.gradient[i]);
    const sg = dot(s, g);
    if (sg > 1e-12 * norm(s) * norm(g)) {
      const hg = times(h, g);
      const ghg = dot(g, hg);
      // H ← H + (sᵀg + gᵀHg) ssᵀ / (sᵀg)² − (Hg sᵀ + s gᵀH) / sᵀg
      h = h.map((row, i) =>
        row.map((v, j) =>
          v + (sg + ghg) * s[i] * s[j] / (sg * sg) -
          (hg[i] * s[j] + s[i] * hg[j]) / sg
        )
      );
    }
    x = y;
    current = next;
    if (stalled >= 2 && stalledAt(current)) {
      return {
        point: x,
        value: current.value,
        iterations: iteration + 1,
        converged: true,
      };
    }
  }
  return {
    point: x,
    value: current.value,
    iterations: maxIterations,
    converged: false,
  };
}

function identity(n: number, scale: number): number[][] {
  return Array.from(
    { length: n },
    (_, i) => Array.from({ length: n }, (_, j) => (i === j ? scale : 0)),
  );
}

function times(m: number[][], v: number[]): number[] {
  return m.map((row) => dot(row, v));
}

function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

function norm(v: readonly number[]): number {
  return Math.sqrt(dot(v, v));
}
