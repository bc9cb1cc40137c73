import {
  type CandidateFits,
  type ChooseKOptions,
  type ChooseKResult,
  chosenK,
  fitCandidates,
  planChooseK,
} from "../../stats/choose_k.ts";
import type { DenseMatrix } from "../../stats/dense_matrix.ts";
import type { FitReply, FitRequest } from "./fit_candidates_worker.ts";

/** Options for {@linkcode chooseKInWorkers}. */
export interface ChooseKInWorkersOptions extends ChooseKOptions {
  /** Web Workers to fit in. Default 2, or 1 on one core. */
  workers?: number;
  /** Below this many rows the fits run in this thread. Default 2,000. */
  minRows?: number;
}

/**
 * chooseK with the values of k fitted in Web Workers, the rows' values
 * transferred to each: the same result as chooseK, whatever the number of
 * workers, since a k's fit and silhouette do not depend on which others
 * are fitted with it. The values of k are dealt to the workers so that
 * each gets about the same work (the larger k cost more). With one worker,
 * or few rows, the fits run in this thread.
 */
export async function chooseKInWorkers(
  points: DenseMatrix,
  options: ChooseKInWorkersOptions = {},
): Promise<ChooseKResult> {
  const {
    workers = Math.min(2, navigator.hardwareConcurrency || 1),
    minRows = 2_000,
    ...chooseOptions
  } = options;
  const plan = planChooseK(points, chooseOptions);
  const groups = dealCandidates(plan.candidates, workers);
  if (groups.length < 2 || plan.points.rows < minRows) {
    return chosenK(plan, fitCandidates(plan.points, plan.candidates, plan));
  }
  const parts = await Promise.all(
    groups.map((candidates) =>
      fitInWorker({
        rows: plan.points.rows,
        cols: plan.points.cols,
        values: plan.points.values.slice(),
        candidates,
        seed: plan.seed,
        starts: plan.starts,
      })
    ),
  );
  const byK = new Map<number, [CandidateFits["fits"][number], number | null]>();
  parts.forEach((part, g) =>
    groups[g].forEach((k, i) => byK.set(k, [part.fits[i], part.scores[i]]))
  );
  return chosenK(plan, {
    fits: plan.candidates.map((k) => byK.get(k)![0]),
    scores: plan.candidates.map((k) => byK.get(k)![1]),
  });
}

/**
 * Deals the values of k to `workers` groups, largest first, each to the
 * group with the least work so far (a k-means fit costs about k).
 *
 * @example
 * ```ts
 * import { dealCandidates } from "./choose_k_in_workers.ts";
 * const groups = dealCandidates([2, 3, 4, 5, 6, 7, 8], 2);
 * if (JSON.stringify(groups) !== "[[8,5,4],[7,6,3,2]]") throw new Error(JSON.stringify(groups));
 * ```
 */
export function dealCandidates(
  candidates: readonly number[],
  workers: number,
): number[][] {
  const groups: number[][] = Array.from(
    { length: Math.max(1, Math.min(workers, candidates.length)) },
    () => [],
  );
  const load = groups.map(() => 0);
  for (const k of [...candidates].sort((a, b) => b - a)) {
    const g = load.indexOf(Math.min(...load));
    groups[g].push(k);
    load[g] += k;
  }
  return groups.filter((g) => g.length > 0);
}

function fitInWorker(request: FitRequest): Promise<CandidateFits> {
  const worker = new Worker(
    new URL("./fit_candidates_worker.ts", import.meta.url),
    { type: "module" },
  );
  return new Promise<CandidateFits>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<FitReply>) => {
      worker.terminate();
      if (event.data.ok) resolve(event.data.fits);
      else reject(new Error(event.data.message));
    };
    worker.onerror = (event) => {
      event.preventDefault();
      worker.terminate();
      reject(new Error(`Cannot fit clusters in a worker: ${event.message}`));
    };
    worker.postMessage(request, [request.values.buffer]);
  });
}
