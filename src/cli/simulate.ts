/**
 * `deno task simulate`: writes the built-in simulated retail chain to files
 * (see docs/simulator.md and `--help`).
 *
 * @module
 */
import { simulateRetail } from "../simulator/simulate_retail.ts";
import { createProgressReporter } from "../simulator/progress_reporter.ts";
import { writeSimulation } from "../simulator/write_simulation.ts";
import { runMain } from "./run_main.ts";
import { parseSimulateArgs, SIMULATE_HELP } from "./simulate_args.ts";

const number = new Intl.NumberFormat("en-US");

/** Runs `deno task simulate` with `args`; returns the exit code. */
export async function simulateMain(args: string[]): Promise<number> {
  const command = parseSimulateArgs(args);
  if (command.help) {
    console.log(SIMULATE_HELP);
    return 0;
  }
  const encoder = new TextEncoder();
  const now = () => performance.now();
  const startedAt = now();
  const progress = createProgressReporter({
    write: (text) => Deno.stderr.writeSync(encoder.encode(text)),
    terminal: Deno.stderr.isTerminal(),
    now,
  });
  const simulation = simulateRetail(command.simulate);
  const result = await writeSimulation(simulation, {
    out: command.out,
    format: command.format,
    layout: command.layout,
    now,
    startedAt,
    onProgress: (p) => {
      if (p.phase === "writing") {
        progress.update(
          "Simulating",
          p.day / p.days,
          `day ${p.day}/${p.days}, ${number.format(p.lines)} lines`,
        );
      } else progress.note("Converting to Parquet");
    },
  }).finally(() => progress.done());
  const { options } = simulation;
  const rows = command.layout === "store-sales"
    ? `${number.format(result.rows)} store-sales rows from ${
      number.format(result.lines)
    } lines`
    : `${number.format(result.lines)} lines`;
  console.log(
    `Wrote ${result.files.join(", ")}: ${rows}, ${
      number.format(simulation.customers.length)
    } customers, ` +
      `${options.stores} stores, ${options.from} to ${options.asOf}, seed ${options.seed}, ` +
      `in ${result.seconds.toFixed(1)} s`,
  );
  return 0;
}

if (import.meta.main) await runMain(simulateMain);
