import type { StageTime } from "./stage_times.ts";
import type { ProcessUsage } from "./time_verbose.ts";

/** One timed run of a pipeline as a process. */
export interface ProcessRun extends ProcessUsage {
  /** The stage lines it printed on stderr. */
  stages: StageTime[];
  /** Size of the page it wrote (index.html), or null when there is none. */
  reportBytes: number | null;
  /** The 1-minute load average just before the run. */
  loadAverage: number;
  /** The end of its stderr when it failed, else null. */
  error: string | null;
}

/** The machine a benchmark ran on. */
export interface BenchMachine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  os: string;
  deno: string;
  python: string | null;
  libraries: string | null;
}

/** Everything measured at one data size. */
export interface SizeResult {
  label: string;
  /** Sale lines and customers in the data, as counted by the floor's pass. */
  lines: number;
  customers: number;
  /** Bytes of sales.csv and customers.csv. */
  inputBytes: number;
  /** Time to read the input bytes and count their lines, in this process. */
  floorSeconds: number;
  basket: ProcessRun[];
  /** The reference on its default threads; null when it was skipped. */
  reference: ProcessRun[] | null;
  /**
   * The reference with OpenMP and BLAS on one thread (`OMP_NUM_THREADS`,
   * `OPENBLAS_NUM_THREADS`, `MKL_NUM_THREADS` = 1); null when it was
   * skipped, absent in results saved before both modes were measured. The
   * faster of the two modes is the reference of every ratio
   * (chooseReference in reference_modes.ts).
   */
  referenceOneThread?: ProcessRun[] | null;
  /**
   * Basket's reruns on the same data with the cache on: a first run fills a
   * fresh cache folder (not measured), then each rerun reads it. Absent in
   * results saved before reruns were measured.
   */
  rerun?: ProcessRun[];
  /** When this size was measured, ISO 8601. */
  measuredAt: string;
  /** 1-minute load average before and after this size's runs. */
  loadAverage: [number, number];
}

/** A benchmark run: bench/results/<date>.json. */
export interface BenchResult {
  schema: "basket-bench/1";
  date: string;
  machine: BenchMachine;
  /** In the order measured; a size measured again the same day replaces the earlier one. */
  sizes: SizeResult[];
}
