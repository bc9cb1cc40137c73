/**
 * Basket's customer segmentation against the scikit-learn pipeline, side by
 * side on the same feature matrices: the real retail data set, the
 * simulated chain with 250,000 customers (`--no-simulated` skips it) and a
 * synthetic 250,000-customer matrix. Each matrix is written to a temporary
 * CSV that bench/reference/segmentation_sklearn.py reads with Debian's
 * Python; both sides time the pipeline from the matrix in memory
 * (standardise, PCA to 80% of the variance, k = 2..8 with k-means++ starts,
 * silhouettes, the final fit), not reading the CSV. scikit-learn runs twice
 * per matrix: with its default threads (OpenMP, BLAS: both cores) and pinned
 * to one thread, as Basket runs.
 *
 *     deno task bench-segmentation [--customers 250000] [--runs 1] [--libraries] [--save]
 *
 * `--libraries` also times ml-kmeans on the real matrix and ml-pca on the
 * synthetic one; `--all-libraries` adds ml-kmeans on the synthetic matrix
 * (many minutes). `--save` writes the table to bench/results/.
 */
import { kmeans as mlKmeans } from "ml-kmeans";
import { PCA } from "ml-pca";
import { clusterCustomers } from "../src/analysis/segments/cluster_customers.ts";
import { customerFeatures } from "../src/analysis/segments/customer_features.ts";
import { matrixRows } from "../src/stats/dense_matrix.ts";
import { featureMatrixCsv } from "../src/stats/feature_matrix_csv.ts";
import { type ClusterFit, fitClusters } from "../src/stats/fit_clusters.ts";
import { kmeans } from "../src/stats/kmeans.ts";
import { pca } from "../src/stats/pca.ts";
import { rfmTable } from "../src/analysis/segments/rfm_table.ts";
import { standardise } from "../src/stats/standardise.ts";
import { loadSource } from "../src/source/load_source.ts";
import {
  closeDataset,
  createDataset,
  type Dataset,
} from "../src/source/dataset.ts";
import { simulateRetail } from "../src/simulator/simulate_retail.ts";
import { syntheticFeatures } from "./synthetic_features.ts";
import { CliError } from "../src/model/cli_error.ts";
import type { CommandSpec, SettingsOf } from "../src/cli/spine/option_spec.ts";
import { readCommandLine } from "../src/cli/spine/read_command_line.ts";
import { resolveSettings } from "../src/cli/spine/resolve_settings.ts";
import { wholeNumber } from "../src/cli/spine/validators.ts";
import type { DenseMatrix } from "../src/stats/dense_matrix.ts";

const PYTHON = "/usr/bin/python3";
const SCRIPT = new URL("./reference/segmentation_sklearn.py", import.meta.url)
  .pathname;
const KAGGLE = Deno.env.get("BASKET_KAGGLE_DIR") ??
  new URL("../../shared/datasets/retail-kaggle/", import.meta.url).pathname;

interface SklearnResult {
  tool: string;
  rows: number;
  cols: number;
  seconds: number;
  components: number;
  sampleSize: number | null;
  k: number;
  byK: { k: number; silhouette: number; inertia: number }[];
}

interface Row {
  data: string;
  what: string;
  basket: number | null;
  other: number | null;
  otherName: string;
  note: string;
}

const OPTIONS = [
  {
    name: "customers",
    kind: "string",
    value: "N",
    help: "customers of the simulated chain",
    default: 250_000,
    parse: wholeNumber({ min: 1 }),
  },
  {
    name: "runs",
    kind: "string",
    value: "N",
    help: "runs of each pipeline per matrix, alternating",
    default: 1,
    parse: wholeNumber({ min: 1 }),
  },
  {
    name: "libraries",
    kind: "boolean",
    help:
      "also time ml-kmeans on the real matrix and ml-pca on the synthetic one",
  },
  {
    name: "all-libraries",
    kind: "boolean",
    help: "also time ml-kmeans on the synthetic matrix (many minutes)",
  },
  { name: "no-simulated", kind: "boolean", help: "skip the simulated chain" },
  { name: "save", kind: "boolean", help: "write the table to bench/results/" },
] as const;

/** `deno task bench-segmentation`, declared once. */
const SPEC: CommandSpec = {
  name: "bench-segmentation",
  usage: ["[options]"],
  description:
    `Times Basket's customer segmentation against the scikit-learn pipeline on the
same feature matrices: the real retail data set, a simulated chain and a
synthetic matrix.`,
  options: OPTIONS,
};

let settings: SettingsOf<typeof OPTIONS>;
try {
  const parsed = readCommandLine(SPEC, Deno.args);
  if (!parsed) Deno.exit(0);
  settings = resolveSettings(OPTIONS, parsed.flags);
} catch (error) {
  console.error(`error: ${(error as Error).message}`);
  Deno.exit(error instanceof CliError ? error.exitCode : 1);
}
const flag = (
  name: "libraries" | "all-libraries" | "no-simulated" | "save",
) => settings[name];
const customers = settings.customers;
const runs = settings.runs;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)];
}

function timeIt<T>(fn: () => T): { seconds: number; value: T } {
  const start = performance.now();
  const value = fn();
  return { seconds: (performance.now() - start) / 1000, value };
}

/** Runs the scikit-learn pipeline; `oneThread` pins OpenMP and BLAS to one thread, as Basket runs. */
async function sklearn(
  csv: string,
  oneThread = false,
): Promise<SklearnResult> {
  const env: Record<string, string> = oneThread
    ? { OMP_NUM_THREADS: "1", OPENBLAS_NUM_THREADS: "1", MKL_NUM_THREADS: "1" }
    : {};
  const output = await new Deno.Command(PYTHON, {
    args: [SCRIPT, csv, "--seed", "1"],
    env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  if (!output.success) {
    throw new Error(
      `Cannot run the scikit-learn pipeline: ${
        new TextDecoder().decode(output.stderr).trim()
      }`,
    );
  }
  return JSON.parse(new TextDecoder().decode(output.stdout));
}

/** Times fitClusters and the scikit-learn script on one matrix, `runs` times each, alternating. */
async function compare(
  name: string,
  columns: string[],
  rowIds: string[],
  matrix: DenseMatrix,
): Promise<{ rows: Row[]; fit: ClusterFit; reference: SklearnResult }> {
  const csv = await Deno.makeTempFile({ suffix: ".csv" });
  try {
    await Deno.writeTextFile(
      csv,
      featureMatrixCsv({ columns, rowIds, matrix }),
    );
    const ours: number[] = [];
    const theirs: number[] = [];
    const single: number[] = [];
    let fit!: ClusterFit;
    let reference!: SklearnResult;
    for (let run = 0; run < runs; run++) {
      const timed = timeIt(() => fitClusters(matrix, { seed: 1 }));
      ours.push(timed.seconds);
      fit = timed.value;
      reference = await sklearn(csv);
      theirs.push(reference.seconds);
      single.push((await sklearn(csv, true)).seconds);
    }
    const same = reference.byK.find((r) => r.k === fit.k);
    const inertia = same
      ? `; inertia at k = ${fit.k} ${
        ((fit.inertia / same.inertia - 1) * 100).toFixed(2)
      }% from scikit-learn's`
      : "";
    const sampled = fit.sampleSize === null
      ? "exact silhouettes"
      : `k chosen on a seeded sample of ${
        fit.sampleSize.toLocaleString("en-US")
      }`;
    return {
      fit,
      reference,
      rows: [{
        data: name,
        what: "segmentation pipeline",
        basket: median(ours),
        other: median(theirs),
        otherName: reference.tool,
        note:
          `${fit.pca.components} components; k = ${fit.k} (scikit-learn ${reference.k}); ${sampled}${inertia}`,
      }, {
        data: name,
        what: "segmentation pipeline, one thread each",
        basket: median(ours),
        other: median(single),
        otherName: `${reference.tool}, OMP/BLAS 1 thread`,
        note: "Basket runs on one thread in both rows",
      }],
    };
  } finally {
    await Deno.remove(csv);
  }
}

/** ml-kmeans: 10 seeded k-means++ starts for each k = 2..8, as the pipeline does. */
function timeMlKmeans(points: DenseMatrix): number {
  const rows = matrixRows(points);
  return timeIt(() => {
    for (let k = 2; k <= 8; k++) {
      for (let start = 0; start < 10; start++) {
        mlKmeans(rows, k, { seed: start + 1, initialization: "kmeans++" });
      }
    }
  }).seconds;
}

/** Basket's kmeans on the same work as timeMlKmeans. */
function timeOurKmeans(points: DenseMatrix): number {
  return timeIt(() => {
    for (let k = 2; k <= 8; k++) kmeans(points, k, { seed: k, starts: 10 });
  }).seconds;
}

const table: Row[] = [];

/**
 * The pipeline on a dataset's feature matrix beside scikit-learn's, then
 * Basket's whole segmentation from the data: SQL features, RFM, clusters
 * and profiles.
 */
async function compareDataset(name: string, dataset: Dataset): Promise<Row[]> {
  const features = await customerFeatures(dataset);
  const label = `${name} (${
    features.customerIds.length.toLocaleString("en-US")
  } × ${features.columns.length})`;
  const result = await compare(
    label,
    features.columns.map((c) => c.label),
    features.customerIds,
    features.features,
  );
  const start = performance.now();
  const rfm = await rfmTable(dataset);
  await clusterCustomers(dataset, { rfm });
  const rows = [...result.rows, {
    data: label,
    what:
      "whole segmentation from the data (SQL features, RFM, clusters, profiles)",
    basket: (performance.now() - start) / 1000,
    other: result.rows[0].other,
    otherName: result.reference.tool,
    note: "scikit-learn column: its pipeline on the ready matrix",
  }];
  if (flag("libraries") || flag("all-libraries")) {
    const scores = pca(standardise(features.features).matrix).scores;
    if (scores.rows <= 20_000 || flag("all-libraries")) {
      rows.push({
        data: label,
        what: "k-means, k = 2..8 × 10 starts, all rows",
        basket: timeOurKmeans(scores),
        other: timeMlKmeans(scores),
        otherName: "ml-kmeans 7.0.1",
        note:
          "Basket's kmeans (typed arrays, Hamerly bounds) replaces ml-kmeans",
      });
    }
  }
  return rows;
}

// The real data set, through the loader.
{
  const { dataset } = await loadSource({ path: KAGGLE });
  table.push(...await compareDataset("retail-kaggle", dataset));
  closeDataset(dataset);
}

// The simulated chain with `customers` customers (those who bought in its
// 90 days are clustered).
if (!flag("no-simulated")) {
  const simulation = simulateRetail({ customers });
  const dataset = await createDataset({
    sales: simulation.sales,
    customers: simulation.customers,
    source: "simulation",
  });
  table.push(
    ...await compareDataset(
      `simulated, ${customers.toLocaleString("en-US")} customers`,
      dataset,
    ),
  );
  closeDataset(dataset);
}

// A synthetic matrix of `customers` customers.
{
  const synthetic = syntheticFeatures(customers, 1);
  const name = `synthetic (${
    customers.toLocaleString("en-US")
  } × ${synthetic.columns.length})`;
  const result = await compare(
    name,
    synthetic.columns,
    synthetic.rowIds,
    synthetic.matrix,
  );
  table.push(...result.rows);
  if (flag("libraries") || flag("all-libraries")) {
    const z = standardise(synthetic.matrix).matrix;
    const ours = timeIt(() => pca(z)).seconds;
    const theirs = timeIt(() => new PCA(matrixRows(z))).seconds;
    table.push({
      data: name,
      what: "PCA of the standardised matrix",
      basket: ours,
      other: theirs,
      otherName: "ml-pca 4.1.1 (SVD)",
      note:
        "Basket: covariance matrix in one typed-array pass, eigenvectors by ml-pca",
    });
    if (flag("all-libraries")) {
      const scores = pca(z).scores;
      table.push({
        data: name,
        what: "k-means, k = 2..8 × 10 starts, all rows",
        basket: timeOurKmeans(scores),
        other: timeMlKmeans(scores),
        otherName: "ml-kmeans 7.0.1",
        note:
          "Basket's kmeans (typed arrays, Hamerly bounds) replaces ml-kmeans",
      });
    }
  }
}

const seconds = (s: number | null) => s === null ? "–" : `${s.toFixed(2)} s`;
const lines = [
  `Segmentation benchmark, ${
    new Date().toISOString().slice(0, 10)
  }, median of ${runs} run${
    runs === 1 ? "" : "s"
  } (Deno ${Deno.version.deno}, ${navigator.hardwareConcurrency} cores)`,
  "",
  "| Data | What | Basket | Other | Other tool | Basket is | Notes |",
  "| --- | --- | ---: | ---: | --- | ---: | --- |",
  ...table.map((r) =>
    `| ${r.data} | ${r.what} | ${seconds(r.basket)} | ${
      seconds(r.other)
    } | ${r.otherName} | ${
      r.basket !== null && r.other !== null
        ? `${(r.other / r.basket).toFixed(1)}× as fast`
        : "–"
    } | ${r.note} |`
  ),
];
console.log(lines.join("\n"));
if (flag("save")) {
  const dir = new URL("./results/", import.meta.url);
  await Deno.mkdir(dir, { recursive: true });
  await Deno.writeTextFile(
    new URL("segmentation_bench.md", dir),
    lines.join("\n") + "\n",
  );
}
// Exit at once: Deno 2.9.5 can crash finalizing DuckDB's result chunks at
// teardown (denoland/deno#36538), which would hide the table's exit status.
Deno.exit(0);
