/**
 * `deno task bench --warehouse`: the whole report with its sale lines in a
 * local PostgreSQL server, at each `--sizes` (default 10m). For each size:
 * simulate the lines, load them with COPY (timed apart: the warehouse's
 * own work), then run `deno task report --data postgresql://...` under GNU
 * time and record its wall time, its peak memory (Basket's process; the
 * server is not its child) and what the warehouse returned (report.json's
 * data.engine). Writes bench/results/warehouse-<date>.json. See
 * BENCHMARKS.md, "Warehouse".
 *
 * @module
 */
import type { BenchSize } from "./bench_args.ts";
import { denoPath, simulateData } from "./simulate_data.ts";
import { parseTimeVerbose, type ProcessUsage } from "./time_verbose.ts";
import { parseStageTimes, type StageTime } from "./stage_times.ts";
import { startPostgres } from "../tests/source/warehouse/pg_server.ts";
import { CUSTOMER_COLUMNS, SALES_COLUMNS } from "../src/model/schema.ts";

const ROOT = new URL("../", import.meta.url).pathname;
const decoder = new TextDecoder();
const log = (message: string) => console.error(message);
const PG_TYPES = {
  DATE: "date",
  VARCHAR: "text",
  DOUBLE: "double precision",
  "DECIMAL(18,4)": "numeric(18,4)",
};

/** One size's measurement. */
export interface WarehouseRun extends ProcessUsage {
  label: string;
  lines: number;
  /** Rows of the customers table. */
  customers: number;
  /** Customers the report scored (report.json's customers.count); null when it failed. */
  scoredCustomers: number | null;
  /** The size of the run's segments.json, in bytes; null without one. */
  segmentsBytes: number | null;
  /** report.json's migration.status: `first`, or `compared` for a run that said who moved. */
  whoMoved?: string | null;
  /** COPY of both CSV files into the server, and ANALYZE. */
  loadSeconds: number;
  stages: StageTime[];
  /** report.json's data.engine: queries, result rows, bytes returned. */
  engine: unknown;
  error: string | null;
}

/** Measures each size; returns the exit code. */
export async function warehouseBench(
  sizes: BenchSize[],
  results: string,
  options: { whoMoved?: boolean } = {},
): Promise<number> {
  const scratch = await Deno.makeTempDir({ prefix: "basket-bench-wh-" });
  await Deno.chmod(scratch, 0o755); // The server reads the CSV files.
  const server = await startPostgres();
  const runs: WarehouseRun[] = [];
  try {
    for (const size of sizes) {
      const data = `${scratch}/data-${size.label}`;
      await simulate(size, data);
      for (const file of ["sales.csv", "customers.csv"]) {
        await Deno.chmod(`${data}/${file}`, 0o644);
      }
      log(`${size.label}: loading into PostgreSQL`);
      const started = performance.now();
      for (
        const [table, columns] of [
          ["sales", SALES_COLUMNS],
          ["customers", CUSTOMER_COLUMNS],
        ] as const
      ) {
        await server.sql(`DROP TABLE IF EXISTS ${table}`);
        await server.sql(
          `CREATE TABLE ${table} (${
            columns.map((c) => `${c.name} ${PG_TYPES[c.type]}`).join(", ")
          })`,
        );
        // The simulator leaves out columns it has no values for (product):
        // COPY the CSV's own columns, by its header.
        const header = await csvHeader(`${data}/${table}.csv`);
        await server.sql(
          `COPY ${table} (${
            header.join(", ")
          }) FROM '${data}/${table}.csv' (FORMAT csv, HEADER true)`,
        );
        await server.sql(`ANALYZE ${table}`);
      }
      const loadSeconds = (performance.now() - started) / 1000;
      const [{ lines }] = await server.sql(
        "SELECT count(*)::integer AS lines FROM sales",
      );
      const [{ customers }] = await server.sql(
        "SELECT count(*)::integer AS customers FROM customers",
      );
      log(
        `${size.label}: ${lines} lines loaded in ${
          loadSeconds.toFixed(1)
        } s; report`,
      );
      const out = `${scratch}/out-${size.label}`;
      const measured = {
        lines: Number(lines),
        customers: Number(customers),
        loadSeconds,
      };
      runs.push({
        label: size.label,
        ...measured,
        ...await runReport(server.url, out),
      });
      if (options.whoMoved) {
        // The same data again into the same folder: this run reads the
        // first one's segments.json and says who moved since.
        log(`${size.label}: report again, who moved since the first run`);
        runs.push({
          label: `${size.label}-who-moved`,
          ...measured,
          ...await runReport(server.url, out),
        });
      }
      await Deno.remove(data, { recursive: true });
    }
  } finally {
    await server.stop();
    await Deno.remove(scratch, { recursive: true });
  }
  const date = new Date().toISOString().slice(0, 10);
  await Deno.mkdir(results, { recursive: true });
  const file = `${results.replace(/\/$/, "")}/warehouse-${date}.json`;
  await Deno.writeTextFile(
    file,
    JSON.stringify(
      { schema: "basket-bench-warehouse/1", date, runs },
      null,
      2,
    ) +
      "\n",
  );
  log(`Saved ${file}`);
  console.log(formatRuns(runs));
  return runs.every((r) => r.error === null) ? 0 : 1;
}

/** The column names of a CSV file's first line (the simulator's: no quotes). */
async function csvHeader(path: string): Promise<string[]> {
  const file = await Deno.open(path);
  try {
    const buffer = new Uint8Array(4096);
    const read = await file.read(buffer) ?? 0;
    const [line] = decoder.decode(buffer.subarray(0, read)).split(/\r?\n/);
    return line.split(",");
  } finally {
    file.close();
  }
}

async function simulate(size: BenchSize, dir: string): Promise<void> {
  log(`Simulating ${size.label} sale lines into ${dir}`);
  await simulateData(size, dir);
}

async function runReport(
  url: string,
  out: string,
): Promise<
  Omit<WarehouseRun, "label" | "lines" | "customers" | "loadSeconds">
> {
  const report = await Deno.makeTempFile({ prefix: "basket-time-" });
  try {
    const output = await new Deno.Command("/usr/bin/time", {
      args: [
        "-v",
        "-o",
        report,
        Deno.execPath(),
        "task",
        "--quiet",
        `--config=${ROOT}deno.json`,
        "report",
        "--data",
        url,
        "--table",
        "sales",
        "--customers-table",
        "customers",
        "--out",
        out,
        "--no-cache",
      ],
      cwd: ROOT,
      env: { PATH: denoPath() },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const usage = parseTimeVerbose(await Deno.readTextFile(report));
    const stderr = decoder.decode(output.stderr);
    const ok = usage.exitStatus === 0;
    let engine: unknown = null;
    let scoredCustomers: number | null = null;
    let segmentsBytes: number | null = null;
    let whoMoved: string | null = null;
    if (ok) {
      const last = decoder.decode(output.stdout).trimEnd().split("\n").at(-1)!;
      const { dir } = JSON.parse(last) as { dir: string };
      const json = JSON.parse(await Deno.readTextFile(`${dir}/report.json`));
      engine = json.data.engine;
      scoredCustomers = json.customers?.count ?? null;
      whoMoved = json.migration?.status ?? null;
      segmentsBytes = await Deno.stat(`${dir}/segments.json`).then(
        (s) => s.size,
        () => null,
      );
    }
    return {
      ...usage,
      scoredCustomers,
      segmentsBytes,
      whoMoved,
      stages: parseStageTimes(stderr),
      engine,
      error: ok ? null : stderr.trim().split("\n").slice(-3).join(" / "),
    };
  } finally {
    await Deno.remove(report);
  }
}

export function formatRuns(runs: WarehouseRun[]): string {
  const rows = runs.map((r) => {
    const engine = r.engine as
      | { queries: number; rowsReturned: number; bytesReturned: number }
      | null;
    return `| ${r.label} | ${r.lines.toLocaleString("en-US")} | ${
      r.loadSeconds.toFixed(1)
    } s | ${r.wallSeconds.toFixed(1)} s | ${
      (r.maxRssBytes / 1e6).toFixed(1)
    } MB | ${
      engine
        ? `${engine.queries} | ${
          engine.rowsReturned.toLocaleString("en-US")
        } | ${(engine.bytesReturned / 1e6).toFixed(1)} MB`
        : `failed: ${r.error}`
    } | ${r.scoredCustomers?.toLocaleString("en-US") ?? ""} | ${
      r.segmentsBytes === null || r.segmentsBytes === undefined
        ? ""
        : `${(r.segmentsBytes / 1e6).toFixed(1)} MB`
    } |`;
  });
  return [
    "| size | sale lines | COPY + ANALYZE | report wall time | Basket peak memory (RSS) | queries | result rows | bytes returned | customers scored | segments.json |",
    "| ---- | ---------: | -------------: | ---------------: | -----------------------: | ------: | ----------: | -------------: | ---------------: | ------------: |",
    ...rows,
    "",
    ...runs.flatMap(formatStages),
    ...runs.map((r) =>
      `${r.label}: Basket's peak memory ${
        (r.maxRssBytes / 1e6).toFixed(1)
      } MB, ${
        r.maxRssBytes < MEMORY_TARGET ? "under" : "NOT under"
      } the target of ${MEMORY_TARGET / 1e6} MB`
    ),
  ].join("\n");
}

/** The issue's bound on Basket's own peak memory, whatever the table's size. */
export const MEMORY_TARGET = 500e6;

/**
 * One size's stages: time, and the process's peak memory at the stage's
 * end (the stage that first shows the run's peak reached it).
 */
function formatStages(run: WarehouseRun): string[] {
  return [
    `| ${run.label}: stage | time | peak memory so far |`,
    "| --- | ---: | ---: |",
    ...run.stages.map((stage) =>
      `| ${stage.name} | ${stage.seconds.toFixed(1)} s | ${
        stage.peakBytes === undefined
          ? ""
          : `${(stage.peakBytes / 1e6).toFixed(0)} MB`
      } |`
    ),
    "",
  ];
}
