import { assertEquals, assertThrows } from "../assert.ts";
import { CliError } from "../../src/cli/cli_error.ts";
import {
  DEFAULT_SIMULATION_DIR,
  parseSimulateArgs,
} from "../../src/cli/simulate_args.ts";

Deno.test("parseSimulateArgs() gives the defaults for no arguments", () => {
  assertEquals(parseSimulateArgs([]), {
    help: false,
    out: DEFAULT_SIMULATION_DIR,
    format: "csv",
    layout: "basket",
    simulate: {},
  });
});

Deno.test("parseSimulateArgs() reads every option, as --name value or --name=value", () => {
  assertEquals(
    parseSimulateArgs([
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
      help: false,
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
  assertEquals(parseSimulateArgs(["--customers", "42"]).simulate, {
    customers: 42,
  });
  assertEquals(parseSimulateArgs(["-h"]).help, true);
  assertEquals(parseSimulateArgs(["--help"]).help, true);
});

Deno.test("parseSimulateArgs() refuses unknown options and stray arguments", () => {
  assertThrows(
    () => parseSimulateArgs(["--dayz", "3"]),
    CliError,
    'Unknown option "--dayz"',
  );
  assertThrows(
    () => parseSimulateArgs(["30"]),
    CliError,
    'Unexpected argument "30"',
  );
});

Deno.test("parseSimulateArgs() refuses missing, repeated and bad values, naming option and value", () => {
  const message = (args: string[]) =>
    assertThrows(() => parseSimulateArgs(args), CliError).message;
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
    'Option "--seed" is given twice',
  );
  assertEquals(
    message(["--days", "0"]),
    'Bad value for "--days": "0" is not a whole number of at least 1',
  );
  assertEquals(
    message(["--stores", "2.5"]),
    'Bad value for "--stores": "2.5" is not a whole number of at least 1',
  );
  assertEquals(
    message(["--seed", "x"]),
    'Bad value for "--seed": "x" is not a whole number',
  );
  assertEquals(
    message(["--as-of", "2025-02-30"]),
    'Bad value for "--as-of": "2025-02-30" is not a date YYYY-MM-DD',
  );
  assertEquals(
    message(["--format", "xlsx"]),
    'Bad value for "--format": "xlsx" is not one of "csv", "parquet"',
  );
  assertEquals(
    message(["--layout", "wide"]),
    'Bad value for "--layout": "wide" is not one of "basket", "store-sales"',
  );
  assertEquals(
    message(["--customers", "10", "--lines", "100"]),
    'Options "--customers" and "--lines" cannot be used together: --lines sets the customers',
  );
  assertEquals(
    assertThrows(() => parseSimulateArgs(["--bad"]), CliError).exitCode,
    2,
  );
});
