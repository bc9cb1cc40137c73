import { assertEquals, assertThrows } from "../../assert.ts";
import { CliError } from "../../../src/model/cli_error.ts";
import { REPORT_SPEC } from "../../../src/cli/report.ts";
import { parseCommand } from "../../../src/cli/spine/parse_command.ts";
import { didYouMean, editDistance } from "../../../src/model/did_you_mean.ts";

const refusal = (args: string[]) =>
  assertThrows(() => parseCommand(REPORT_SPEC, args), CliError);

Deno.test("parseCommand() refuses an unknown flag with exit code 2 and suggests the close one", () => {
  const error = refusal(["--categry", "Books"]);
  assertEquals(error.exitCode, 2);
  assertEquals(
    error.message,
    'Unknown option "--categry" (did you mean "--category"?): see --help for the options',
  );
  assertEquals(
    refusal(["--colour"]).message,
    'Unknown option "--colour": see --help for the options',
  );
  assertEquals(
    refusal(["-x"]).message,
    'Unknown option "-x": see --help for the options',
  );
});

Deno.test("parseCommand() reads values, repeats lists, and knows -h, --help and --version", () => {
  const parsed = parseCommand(REPORT_SPEC, [
    "--category",
    "Books",
    "--category=Toys",
    "--seed",
    "-3",
    "--publish",
  ]);
  assertEquals(parsed.flags.category, ["Books", "Toys"]);
  assertEquals(parsed.flags.seed, "-3");
  assertEquals(parsed.flags.publish, true);
  assertEquals([parsed.help, parsed.version], [false, false]);
  assertEquals(parseCommand(REPORT_SPEC, ["-h"]).help, true);
  assertEquals(parseCommand(REPORT_SPEC, ["--help"]).help, true);
  assertEquals(parseCommand(REPORT_SPEC, ["--version"]).version, true);
});

Deno.test("parseCommand() refuses a missing value, a value given twice, a value for a switch and a stray argument", () => {
  assertEquals(
    refusal(["--out"]).message,
    'Option "--out" needs a value: see --help',
  );
  assertEquals(
    refusal(["--out", "a", "--out", "b"]).message,
    'Option "--out" is given twice: see --help',
  );
  assertEquals(
    refusal(["--publish=yes"]).message,
    'Option "--publish" takes no value: see --help',
  );
  assertEquals(
    refusal(["reports"]).message,
    'Unexpected argument "reports": options start with "--"; see --help',
  );
});

Deno.test("didYouMean() suggests only a candidate within a typo's distance", () => {
  assertEquals(editDistance("categry", "category"), 1);
  assertEquals(editDistance("", "abc"), 3);
  assertEquals(didYouMean("dta", ["data", "map", "seed"]), "data");
  assertEquals(didYouMean("rows", ["days", "out"]), undefined);
  assertEquals(
    didYouMean("publish.buckt", ["publish.bucket"]),
    "publish.bucket",
  );
});
