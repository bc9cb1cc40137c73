/**
 * The report's value stage on many customers: `deno task bench --clv-stage`
 * (`--clv-customers N`). Sale lines are made from histories drawn from the
 * models (syntheticHistories: a line on the first purchase day and on each
 * repeat purchase day), loaded into DuckDB with a customer table of three
 * segments and two clusters, and customerValueFigures is run once, as the
 * report runs it. Measured: its wall time, and what it holds: the live
 * JavaScript heap and external memory after a full collection every 100 ms
 * (the peak above what was live before it started), and the resident size
 * (which includes DuckDB's own working memory: the engine runs in the
 * process here, on a warehouse it is the server's). Run in a process of its
 * own with `--expose-gc` and `--optimize-for-size`, as the report runs.
 */
import { uploadCustomerTable } from "../src/analysis/segments/customer_table.ts";
import { customerGroupsOf } from "../src/figures/segments/customer_groups.ts";
import type { SaleLine } from "../src/model/schema.ts";
import { customerValueFigures } from "../src/pipeline/customer_value_figures.ts";
import { closeDataset, createDataset } from "../src/source/dataset.ts";
import { syntheticHistories } from "./synthetic_histories.ts";

/** What one run of the value stage bench measured. */
export interface ValueStageBenchResult {
  customers: number;
  lines: number;
  /** Customers the models were fitted on, when a sample. */
  fitSample: number | null;
  seconds: number;
  /** Peak live heap + external memory above the start, MB. */
  liveMB: number;
  /** Peak resident size above the start, MB (DuckDB's included). */
  residentMB: number;
}

const MB = 1e6;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

/** Runs the value stage on `customers` synthetic customers and measures it. */
export async function valueStageBench(
  customers: number,
): Promise<ValueStageBenchResult> {
  if (!(globalThis as { gc?: unknown }).gc) {
    throw new Error("Cannot measure live memory without --expose-gc");
  }
  const h = syntheticHistories(
    customers,
    { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 },
    { p: 6.25, q: 3.74, gamma: 15.44 },
  );
  const end = Date.parse("2025-12-31");
  const day = (weeksBefore: number) =>
    new Date(end - Math.round(weeksBefore * 7) * 86_400_000).toISOString()
      .slice(0, 10);
  let lines = 0;
  const line = (customer: string, date: string, amount: number): SaleLine => {
    lines++;
    return {
      date,
      store: null,
      city: null,
      region: null,
      channel: null,
      department: null,
      category: "CDs",
      sub_category: null,
      customer_id: customer,
      transaction_id: null,
      quantity: 1,
      amount,
      gallons: null,
      fuel_type: null,
      fuel_price: null,
    };
  };
  const data = await createDataset({
    sales: (function* () {
      for (let i = 0; i < customers; i++) {
        const id = `C${String(i).padStart(8, "0")}`;
        const x = h.x[i];
        yield line(id, day(h.T[i]), 20);
        const days = new Set<string>();
        for (let k = 1; k <= x; k++) days.add(day(h.T[i] - h.tx[i] * k / x));
        const amount = Math.round(100 * h.zbar[i]) / 100 || 1;
        for (const d of days) yield line(id, d, amount);
      }
    })(),
  });
  try {
    const segments = ["Champions", "At Risk", "Lost"];
    const table = await uploadCustomerTable(
      data,
      customerGroupsOf(h.customers.map((_, i) => ({
        id: `C${String(i).padStart(8, "0")}`,
        segment: segments[i % 3],
        cluster: `${1 + (i % 2)}. Cluster`,
      }))),
    );
    // DuckDB frees its results in finalizers, which run after a collection:
    // a pause between two collections lets them.
    gc();
    await new Promise((resolve) => setTimeout(resolve, 500));
    gc();
    const start = Deno.memoryUsage();
    const live = (m: Deno.MemoryUsage) => m.heapUsed + m.external;
    let peakLive = live(start), peakResident = start.rss;
    const timer = setInterval(() => {
      gc();
      const m = Deno.memoryUsage();
      peakLive = Math.max(peakLive, live(m));
      peakResident = Math.max(peakResident, m.rss);
    }, 100);
    const t0 = performance.now();
    let figures;
    try {
      figures = await customerValueFigures(data, table, { seed: 1 });
    } finally {
      clearInterval(timer);
    }
    const seconds = (performance.now() - t0) / 1000;
    if (!figures.fitted) throw new Error(`Not fitted: ${figures.reason}`);
    return {
      customers: figures.customers,
      lines,
      fitSample: figures.fitSample ?? null,
      seconds,
      liveMB: (peakLive - live(start)) / MB,
      residentMB: (peakResident - start.rss) / MB,
    };
  } finally {
    closeDataset(data);
  }
}

/** The result as a line for the terminal. */
export function formatValueStageBench(r: ValueStageBenchResult): string {
  return `Value stage on ${r.customers.toLocaleString("en-US")} customers (${
    r.lines.toLocaleString("en-US")
  } lines; fitted on ${
    r.fitSample === null
      ? "all"
      : `a sample of ${r.fitSample.toLocaleString("en-US")}`
  }): ${r.seconds.toFixed(1)} s, live memory +${
    r.liveMB.toFixed(1)
  } MB, resident +${r.residentMB.toFixed(1)} MB (DuckDB's included)`;
}

if (import.meta.main) {
  const customers = Number(Deno.args[0]);
  console.log(formatValueStageBench(await valueStageBench(customers)));
  Deno.exit(0);
}
