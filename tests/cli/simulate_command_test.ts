import { assertEquals, assertThrows } from "../assert.ts";
import { CliError } from "../../src/model/cli_error.ts";
import {
  DEFAULT_SIMULATION_DIR,
  SIMULATE_SPEC,
  simulateCommand,
} from "../../src/cli/simulate.ts";
import { parseCommand } from "../../src/cli/spine/parse_command.ts";

const read = (args: string[]) =>
  simulateCommand(parseCommand(SIMULATE_SPEC, args).flags);

Deno.test("simulateCommand() gives the defaults for no arguments", () => {
  assertEquals(read([]), {
    out: DEFAULT_SIMULATION_DIR,
    format: "csv",
    layout: "basket",
    simulate: {},
  });
});

Deno.test("simulateCommand() reads every option, as --name value or --name=value", () => {
  assertEquals(
    read([
      "--out",
      "/tmp/x",
      "--days=30",
      "--stores",
      "12",
      "--lines",
      "10_000_000",
      "--seed",
      "-7",
      "--as-of",
      "2024-12-31",
      "--format",
      "parquet",
      "--layout=store-sales",
    ]),
    {
      out: "/tmp/x",
      format: "parquet",
      layout: "store-sales",
      simulate: {
        days: 30,
        stores: 12,
        lines: 10_000_000,
        seed: -7,
        asOf: "2024-12-31",
      },
    },
  );
  assertEquals(read(["--customers", "42"]).simulate, { customers: 42 });
  assertEquals(parseCommand(SIMULATE_SPEC, ["-h"]).help, true);
  assertEquals(parseCommand(SIMULATE_SPEC, ["--help"]).help, true);
  assertEquals(parseCommand(SIMULATE_SPEC, ["--version"]).version, true);
});

Deno.test("simulateCommand() refuses unknown options and stray arguments", () => {
  assertThrows(
    () => read(["--dayz", "3"]),
    CliError,
    'Unknown option "--dayz" (did you mean "--days"?)',
  );
  assertThrows(() => read(["30"]), CliError, 'Unexpected argument "30"');
});

Deno.test("simulateCommand() refuses missing, repeated and bad values, naming option and value", () => {
  const message = (args: string[]) =>
    assertThrows(() => read(args), CliError).message;
  assertEquals(
    message(["--days"]),
    'Option "--days" needs a value: see --help',
  );
  assertEquals(
    message(["--days", "--stores", "3"]),
    'Option "--days" needs a value: see --help',
  );
  assertEquals(
    message(["--seed", "1", "--seed", "2"]),
    'Option "--seed" is given twice: see --help',
  );
  assertEquals(
    message(["--days", "0"]),
    'Cannot read --days "0": expected a whole number of 1 or more',
  );
  assertEquals(
    message(["--stores", "2.5"]),
    'Cannot read --stores "2.5": expected a whole number of 1 or more',
  );
  assertEquals(
    message(["--seed", "x"]),
    'Cannot read --seed "x": expected a whole number',
  );
  assertEquals(
    message(["--as-of", "2025-02-30"]),
    'Cannot read --as-of "2025-02-30": expected a date as YYYY-MM-DD',
  );
  assertEquals(
    message(["--format", "xlsx"]),
    'Cannot read --format "xlsx": expected "csv" or "parquet"',
  );
  assertEquals(
    message(["--layout", "wide"]),
    'Cannot read --layout "wide": expected "basket" or "store-sales"',
  );
  assertEquals(
    message(["--out", ""]),
    "Cannot read --out: it is empty",
  );
  assertEquals(
    message(["--customers", "10", "--lines", "100"]),
    'Options "--customers" and "--lines" cannot be used together: --lines sets the customers',
  );
  assertEquals(assertThrows(() => read(["--bad"]), CliError).exitCode, 2);
});
