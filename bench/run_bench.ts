/**
 * `deno task bench`: the whole report's speed and memory at 50k, 1M and 10M
 * simulated sale lines, side by side with the reference pipeline in Python
 * (bench/reference/report_pandas.py), and the floor: reading the input once.
 * See BENCHMARKS.md and `--help`.
 *
 * Each pipeline runs as a process under GNU time (`/usr/bin/time -v`), which
 * gives its wall time, CPU time and peak memory, children included; each
 * prints its stages on stderr. Basket runs as `deno task report --publish`
 * against a local S3-protocol server (s3rver). The reference runs twice
 * over: on its default threads and with OpenMP and BLAS on one thread; the
 * faster of the two is the reference of every ratio (reference_modes.ts).
 * The pipelines take turns, `--repeat` times each. Missing Debian packages
 * (time, python3-pandas, python3-matplotlib, python3-seaborn,
 * python3-sklearn) are installed with apt-get (bench_machine.ts).
 *
 * @module
 */
import S3rver from "s3rver";
import { runMain } from "../src/cli/run_main.ts";
import { networkEnv } from "../src/cli/network_env.ts";
import { BENCH_SPEC, type BenchSize, parseBenchArgs } from "./bench_args.ts";
import { formatHelp } from "../src/cli/spine/format_help.ts";
import { versionText } from "../src/cli/spine/version_text.ts";
import {
  describeMachine,
  ensurePackages,
  PYTHON,
  TIME,
} from "./bench_machine.ts";
import type { BenchResult, ProcessRun, SizeResult } from "./bench_result.ts";
import { countLines } from "./count_lines.ts";
import { denoPath, simulateArgs, simulateData } from "./simulate_data.ts";
import { formatBenchTable } from "./format_bench_table.ts";
import { mergeResults } from "./merge_results.ts";
import { parseStageTimes } from "./stage_times.ts";
import { parseTimeVerbose } from "./time_verbose.ts";
import { warehouseBench } from "./warehouse_bench.ts";
import {
  REFERENCE_ENV,
  REFERENCE_LABEL,
  REFERENCE_MODES,
  type ReferenceMode,
} from "./reference_modes.ts";

const ROOT = new URL("../", import.meta.url).pathname;
const REFERENCE = `${ROOT}bench/reference/report_pandas.py`;
const BUCKET = "bench";

const decoder = new TextDecoder();
const log = (message: string) => console.error(message);

/** Runs `deno task bench` with `args`; returns the exit code. */
export async function bench(args: string[]): Promise<number> {
  const options = parseBenchArgs(args);
  if (options.help || options.version) {
    console.log(options.help ? formatHelp(BENCH_SPEC) : versionText());
    return 0;
  }
  if (options.clv) {
    const { formatValueBench, valueBench } = await import("./value_bench.ts");
    console.log(formatValueBench(valueBench(options.clvCustomers)));
    return 0;
  }
  if (options.clvStage) {
    // A process of its own: live memory is measured after full collections.
    const { code } = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--v8-flags=--expose-gc,--optimize-for-size",
        "--allow-all",
        new URL("./value_stage_bench.ts", import.meta.url).pathname,
        String(options.clvCustomers),
      ],
      stdout: "inherit",
      stderr: "inherit",
    }).output();
    return code;
  }
  if (options.publishMb !== null) {
    await ensurePackages(true);
    const { publishBench } = await import("./publish_bench.ts");
    const runs = await publishBench(options.publishMb);
    return runs.every((r) => r.error === null) ? 0 : 1;
  }
  if (options.show) {
    const saved: BenchResult = JSON.parse(
      await Deno.readTextFile(options.show),
    );
    console.log(formatBenchTable(saved));
    return 0;
  }
  if (options.warehouse) {
    await ensurePackages(true);
    return await warehouseBench(options.sizes, options.results, {
      whoMoved: options.whoMoved,
    });
  }
  await ensurePackages(options.skipReference);
  const machine = await describeMachine(options.skipReference);
  const s3Dir = await Deno.makeTempDir({ prefix: "basket-bench-s3-" });
  const server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: s3Dir,
    configureBuckets: [{ name: BUCKET, configs: [] }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const date = new Date().toISOString().slice(0, 10);
  const sizes: SizeResult[] = [];
  const scratch = await Deno.makeTempDir({ prefix: "basket-bench-" });
  try {
    for (const size of options.sizes) {
      const data = options.keepData
        ? `${options.keepData.replace(/\/$/, "")}/${size.label}`
        : `${scratch}/data-${size.label}`;
      await simulate(size, data);
      const measured = await measureSize(size, data, {
        repeat: options.repeat,
        skipReference: options.skipReference,
        scratch,
        endpoint,
      });
      sizes.push(measured);
      if (!options.keepData) await Deno.remove(data, { recursive: true });
      const result: BenchResult = {
        schema: "basket-bench/1",
        date,
        machine,
        sizes: [measured],
      };
      const saved = await save(options.results, result);
      log(`Saved ${saved}`);
    }
  } finally {
    await server.close();
    await Deno.remove(s3Dir, { recursive: true });
    await Deno.remove(scratch, { recursive: true });
  }
  console.log(
    formatBenchTable({ schema: "basket-bench/1", date, machine, sizes }),
  );
  return 0;
}

/** Writes the simulated data for `size` into `dir`, unless it is already there. */
async function simulate(size: BenchSize, dir: string): Promise<void> {
  const args = simulateArgs(size);
  const marker = `${dir}/.bench-simulate.json`;
  const wanted = JSON.stringify(args);
  try {
    if ((await Deno.readTextFile(marker)) === wanted) {
      log(`Reusing the ${size.label} data in ${dir}`);
      return;
    }
  } catch {
    // Not there yet.
  }
  log(`Simulating ${size.label} sale lines into ${dir}`);
  log(await simulateData(size, dir));
  await Deno.writeTextFile(marker, wanted);
}

interface MeasureOptions {
  repeat: number;
  skipReference: boolean;
  scratch: string;
  endpoint: string;
}

async function measureSize(
  size: BenchSize,
  data: string,
  options: MeasureOptions,
): Promise<SizeResult> {
  const measuredAt = new Date().toISOString();
  const loadBefore = await loadAverage();
  const floor = await readFloor([`${data}/sales.csv`, `${data}/customers.csv`]);
  const basket: ProcessRun[] = [];
  const reference: Record<ReferenceMode, ProcessRun[]> = {
    "default": [],
    "one-thread": [],
  };
  const rerun: ProcessRun[] = [];
  // Reruns read a cache of their own, filled once by a first run here.
  const cacheDir = await Deno.makeTempDir({
    dir: options.scratch,
    prefix: "cache-",
  });
  {
    const out = await Deno.makeTempDir({ dir: options.scratch });
    log(`${size.label}: Basket, a first run to fill the cache for the reruns`);
    const fill = await runBasket(data, out, options.endpoint, cacheDir);
    await Deno.remove(out, { recursive: true });
    if (fill.exitStatus !== 0) rerun.push(fill);
  }
  // Basket and each mode of the reference take turns, starting one later
  // on each run.
  const pipelines: ("basket" | ReferenceMode)[] = [
    "basket",
    ...(options.skipReference ? [] : REFERENCE_MODES),
  ];
  for (let run = 0; run < options.repeat; run++) {
    const shift = run % pipelines.length;
    const order = [...pipelines.slice(shift), ...pipelines.slice(0, shift)];
    for (const which of order) {
      const out = await Deno.makeTempDir({
        dir: options.scratch,
        prefix: `${which}-`,
      });
      if (which === "basket") {
        log(`${size.label}: Basket, run ${run + 1} of ${options.repeat}`);
        // A first run on new data by a Basket that has run before: a
        // cache folder holding only the page's bundled script (keyed by
        // the code, not the data), so the data is loaded and every figure
        // computed, as on new data.
        const codeOnly = await Deno.makeTempDir({
          dir: options.scratch,
          prefix: "code-cache-",
        });
        await copyBundles(cacheDir, codeOnly);
        basket.push(await runBasket(data, out, options.endpoint, codeOnly));
        await Deno.remove(codeOnly, { recursive: true });
        log(`${size.label}: Basket rerun, run ${run + 1} of ${options.repeat}`);
        const again = await Deno.makeTempDir({ dir: options.scratch });
        rerun.push(
          await runBasket(data, again, options.endpoint, cacheDir),
        );
        await Deno.remove(again, { recursive: true });
      } else {
        log(
          `${size.label}: reference on ${REFERENCE_LABEL[which]}, run ${
            run + 1
          } of ${options.repeat}`,
        );
        reference[which].push(await runReference(data, out, which));
      }
      await Deno.remove(out, { recursive: true });
    }
  }
  await Deno.remove(cacheDir, { recursive: true });
  return {
    label: size.label,
    lines: floor.lines[0] - 1,
    customers: floor.lines[1] - 1,
    inputBytes: floor.bytes,
    floorSeconds: floor.seconds,
    basket,
    reference: options.skipReference ? null : reference.default,
    referenceOneThread: options.skipReference ? null : reference["one-thread"],
    rerun,
    measuredAt,
    loadAverage: [loadBefore, await loadAverage()],
  };
}

/** Copies the cache's `bundle-*` entries (the page's script) into `to`. */
async function copyBundles(from: string, to: string): Promise<void> {
  for await (const entry of Deno.readDir(from)) {
    if (!entry.isDirectory || !entry.name.startsWith("bundle-")) continue;
    await Deno.mkdir(`${to}/${entry.name}`);
    for await (const file of Deno.readDir(`${from}/${entry.name}`)) {
      await Deno.copyFile(
        `${from}/${entry.name}/${file.name}`,
        `${to}/${entry.name}/${file.name}`,
      );
    }
  }
}

/** Reads every byte of `files` once, counting lines: the floor. */
async function readFloor(
  files: string[],
): Promise<{ seconds: number; bytes: number; lines: number[] }> {
  const started = performance.now();
  const buffer = new Uint8Array(1 << 20);
  let bytes = 0;
  const lines: number[] = [];
  for (const file of files) {
    using handle = await Deno.open(file);
    let count = 0;
    for (
      let n = await handle.read(buffer);
      n !== null;
      n = await handle.read(buffer)
    ) {
      bytes += n;
      count += countLines(buffer.subarray(0, n));
    }
    lines.push(count);
  }
  return { seconds: (performance.now() - started) / 1000, bytes, lines };
}

/**
 * Times one `deno task report --publish` with the cache in `cacheDir`: a
 * first run on new data when it holds only the page's script, a rerun when
 * a first run on the same data filled it.
 */
async function runBasket(
  data: string,
  out: string,
  endpoint: string,
  cacheDir: string,
): Promise<ProcessRun> {
  return await timed([
    Deno.execPath(),
    "task",
    "--quiet",
    `--config=${ROOT}deno.json`,
    "report",
    "--data",
    data,
    "--out",
    out,
    "--publish",
    "--cache-dir",
    cacheDir,
    "--bucket",
    BUCKET,
    "--endpoint",
    endpoint,
    "--path-style",
  ], {
    PATH: denoPath(),
    AWS_ACCESS_KEY_ID: "S3RVER",
    AWS_SECRET_ACCESS_KEY: "S3RVER",
    AWS_REGION: "us-east-1",
    AWS_CONFIG_FILE: "/nonexistent/aws-config",
    AWS_SHARED_CREDENTIALS_FILE: "/nonexistent/aws-credentials",
    AWS_EC2_METADATA_DISABLED: "true",
  }, async (stdout) => {
    const last = stdout.trimEnd().split("\n").at(-1) ?? "";
    const { dir } = JSON.parse(last) as { dir: string };
    return (await Deno.stat(`${dir}/index.html`)).size;
  });
}

/** Times the reference pipeline in one of its modes (see reference_modes.ts). */
async function runReference(
  data: string,
  out: string,
  mode: ReferenceMode,
): Promise<ProcessRun> {
  return await timed(
    [PYTHON, REFERENCE, data, "--out", out],
    { PATH: "/usr/bin:/bin", ...REFERENCE_ENV[mode] },
    async () => (await Deno.stat(`${out}/index.html`)).size,
  );
}

/**
 * Runs a command under `/usr/bin/time -v` with only `env` (plus HOME), and
 * reads its usage, stage lines and page size.
 */
async function timed(
  command: string[],
  env: Record<string, string>,
  pageSize: (stdout: string) => Promise<number>,
): Promise<ProcessRun> {
  const report = await Deno.makeTempFile({ prefix: "basket-bench-time-" });
  const loadAverageBefore = await loadAverage();
  try {
    const output = await new Deno.Command(TIME, {
      args: ["-v", "-o", report, ...command],
      cwd: ROOT,
      clearEnv: true,
      env: {
        HOME: Deno.env.get("HOME") ?? "/root",
        ...(Deno.env.get("DENO_DIR")
          ? { DENO_DIR: Deno.env.get("DENO_DIR")! }
          : {}),
        NO_COLOR: "1",
        ...networkEnv(),
        ...env,
      },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const usage = parseTimeVerbose(await Deno.readTextFile(report));
    const stdout = decoder.decode(output.stdout);
    const stderr = decoder.decode(output.stderr);
    const ok = usage.exitStatus === 0;
    return {
      ...usage,
      stages: parseStageTimes(stderr),
      reportBytes: ok ? await pageSize(stdout) : null,
      loadAverage: loadAverageBefore,
      error: ok ? null : stderr.trim().split("\n").slice(-3).join(" / "),
    };
  } finally {
    await Deno.remove(report);
  }
}

async function loadAverage(): Promise<number> {
  return Number((await Deno.readTextFile("/proc/loadavg")).split(" ")[0]);
}

async function save(dir: string, result: BenchResult): Promise<string> {
  await Deno.mkdir(dir, { recursive: true });
  const file = `${dir.replace(/\/$/, "")}/${result.date}.json`;
  let previous: BenchResult | null = null;
  try {
    previous = JSON.parse(await Deno.readTextFile(file));
  } catch {
    // None yet today.
  }
  const merged = mergeResults(previous, result);
  await Deno.writeTextFile(file, JSON.stringify(merged, null, 2) + "\n");
  return file;
}

if (import.meta.main) await runMain(bench);
