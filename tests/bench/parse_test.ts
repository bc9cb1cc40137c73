import { assertAlmostEquals, assertEquals, assertThrows } from "../assert.ts";
import { CliError } from "../../src/model/cli_error.ts";
import { parseBenchArgs, parseBenchSize } from "../../bench/bench_args.ts";
import { simulateArgs } from "../../bench/simulate_data.ts";
import { countLines } from "../../bench/count_lines.ts";
import { parseStageTimes } from "../../bench/stage_times.ts";
import { parseTimeVerbose } from "../../bench/time_verbose.ts";

// What `deno task report --publish` printed on stderr at 50k lines.
const REPORT_STDERR = `load         0.85 s
inspect      0.01 s
segmentation 1.93 s
sales        0.16 s
cube         1.01 s
charts       0.25 s
bundle       0.69 s
html         0.12 s
write        0.03 s
Report written to /tmp/r/20261121T221230Z/index.html (1361 KiB)
warning: static website hosting is not enabled on bucket "bench"
publish      0.38 s
`;

// What GNU time 1.9 wrote with -v -o for that run.
const TIME_REPORT =
  `\tCommand being timed: "deno task report --data /tmp/bb/d50k --out /tmp/bb/r"
\tUser time (seconds): 4.69
\tSystem time (seconds): 0.36
\tPercent of CPU this job got: 63%
\tElapsed (wall clock) time (h:mm:ss or m:ss): 0:07.99
\tAverage shared text size (kbytes): 0
\tMaximum resident set size (kbytes): 381816
\tAverage resident set size (kbytes): 0
\tMajor (requiring I/O) page faults: 0
\tExit status: 0
`;

Deno.test("parseStageTimes() reads each stage line of the report's stderr and skips the others", () => {
  assertEquals(
    parseStageTimes(REPORT_STDERR).map((s) => [s.name, s.seconds]),
    [
      ["load", 0.85],
      ["inspect", 0.01],
      ["segmentation", 1.93],
      ["sales", 0.16],
      ["cube", 1.01],
      ["charts", 0.25],
      ["bundle", 0.69],
      ["html", 0.12],
      ["write", 0.03],
      ["publish", 0.38],
    ],
  );
});

Deno.test("parseStageTimes() reads the reference pipeline's stage lines, which have the same shape", () => {
  assertEquals(
    parseStageTimes("import       1.31 s\r\nload         0.40 s\r\n"),
    [{ name: "import", seconds: 1.31 }, { name: "load", seconds: 0.4 }],
  );
});

Deno.test("parseStageTimes() reads a stage's peak memory when the line ends with it", () => {
  assertEquals(
    parseStageTimes(
      "load         1.50 s  peak 140 MB\nsegmentation 12.25 s  peak 1083 MB\n",
    ),
    [
      { name: "load", seconds: 1.5, peakBytes: 140e6 },
      { name: "segmentation", seconds: 12.25, peakBytes: 1083e6 },
    ],
  );
});

Deno.test("parseTimeVerbose() reads wall time, CPU times, peak memory and exit status", () => {
  assertEquals(parseTimeVerbose(TIME_REPORT), {
    wallSeconds: 7.99,
    userSeconds: 4.69,
    systemSeconds: 0.36,
    maxRssBytes: 381816 * 1024,
    exitStatus: 0,
    signal: null,
  });
});

Deno.test("parseTimeVerbose() reads elapsed times of minutes and of hours", () => {
  const at = (elapsed: string) =>
    parseTimeVerbose(
      TIME_REPORT.replace("0:07.99", elapsed),
    ).wallSeconds;
  assertAlmostEquals(at("1:32.22"), 92.22, 1e-9);
  assertAlmostEquals(at("1:02:03"), 3723, 1e-9);
});

Deno.test("parseTimeVerbose() tells a command killed by a signal from one that exited", () => {
  const killed = parseTimeVerbose(
    `Command terminated by signal 9\n${TIME_REPORT}`,
  );
  assertEquals([killed.exitStatus, killed.signal], [null, 9]);
  const failed = parseTimeVerbose(
    `Command exited with non-zero status 3\n${
      TIME_REPORT.replace("Exit status: 0", "Exit status: 3")
    }`,
  );
  assertEquals([failed.exitStatus, failed.signal], [3, null]);
});

Deno.test("parseTimeVerbose() names the line it could not find", () => {
  assertThrows(
    () => parseTimeVerbose(TIME_REPORT.replace(/.*Maximum.*\n/, "")),
    SyntaxError,
    'no line "Maximum resident set size (kbytes)"',
  );
});

Deno.test("parseBenchSize() reads k and m suffixes and keeps 50k for the simulator's default", () => {
  assertEquals(parseBenchSize("50k"), { label: "50k", lines: null });
  assertEquals(parseBenchSize("5k"), { label: "5k", lines: 5000 });
  assertEquals(parseBenchSize("1M"), { label: "1m", lines: 1_000_000 });
  assertEquals(parseBenchSize("2.5m"), { label: "2.5m", lines: 2_500_000 });
  assertThrows(() => parseBenchSize("ten"), CliError, 'the size "ten"');
  assertThrows(() => parseBenchSize("0.5k"), CliError, "1000 or more");
});

Deno.test("parseBenchArgs() defaults to all three sizes, one run each, with the reference", () => {
  assertEquals(parseBenchArgs([]), {
    help: false,
    version: false,
    sizes: [
      { label: "50k", lines: null },
      { label: "1m", lines: 1_000_000 },
      { label: "10m", lines: 10_000_000 },
    ],
    repeat: 1,
    skipReference: false,
    keepData: null,
    results: "bench/results",
    show: null,
    warehouse: false,
    whoMoved: false,
    clv: false,
    clvStage: false,
    clvCustomers: 1_000_000,
    publishMb: null,
  });
});

Deno.test("parseBenchArgs() measures 10m on the warehouse unless --sizes says otherwise", () => {
  const warehouse = parseBenchArgs(["--warehouse"]);
  assertEquals([warehouse.warehouse, warehouse.sizes], [true, [{
    label: "10m",
    lines: 10_000_000,
  }]]);
  assertEquals(
    parseBenchArgs(["--warehouse", "--sizes", "1m"]).sizes.map((s) => s.label),
    ["1m"],
  );
});

Deno.test("parseBenchArgs() reads --publish-mb, a whole number of MiB", () => {
  assertEquals(parseBenchArgs(["--publish-mb", "200"]).publishMb, 200);
  assertThrows(() => parseBenchArgs(["--publish-mb", "0"]), CliError);
});

Deno.test("parseBenchArgs() reads --clv and its number of customers", () => {
  const args = parseBenchArgs(["--clv", "--clv-customers", "20000"]);
  assertEquals([args.clv, args.clvCustomers], [true, 20_000]);
  const stage = parseBenchArgs(["--clv-stage", "--clv-customers", "400000"]);
  assertEquals([stage.clvStage, stage.clv, stage.clvCustomers], [
    true,
    false,
    400_000,
  ]);
});

Deno.test("parseBenchArgs() reads every option and rejects a bad repeat count", () => {
  const args = parseBenchArgs([
    "--sizes",
    "50k,1m",
    "--repeat=3",
    "--skip-reference",
    "--keep-data",
    "/tmp/data",
  ]);
  assertEquals(
    [
      args.sizes.map((s) => s.label),
      args.repeat,
      args.skipReference,
      args.keepData,
    ],
    [["50k", "1m"], 3, true, "/tmp/data"],
  );
  assertThrows(() => parseBenchArgs(["--repeat", "0"]), CliError, "--repeat");
  assertThrows(() => parseBenchArgs(["--size", "1m"]), CliError, "see --help");
});

Deno.test("countLines() counts the line feeds of a chunk", () => {
  const text = new TextEncoder().encode("a,b\n1,2\n\n3,4");
  assertEquals(countLines(text), 3);
  assertEquals(countLines(new Uint8Array()), 0);
});

Deno.test("parseBenchArgs() with --days reads each size as customers simulated over that many days", () => {
  const args = parseBenchArgs([
    "--warehouse",
    "--sizes",
    "50k,2m",
    "--days",
    "14",
  ]);
  assertEquals(args.sizes, [
    {
      label: "50k-customers-14d",
      lines: null,
      customers: { count: 50_000, days: 14 },
    },
    {
      label: "2m-customers-14d",
      lines: null,
      customers: { count: 2_000_000, days: 14 },
    },
  ]);
  assertEquals(simulateArgs(args.sizes[1]), [
    "--customers",
    "2000000",
    "--days",
    "14",
  ]);
  assertEquals(simulateArgs(parseBenchArgs(["--sizes", "1m"]).sizes[0]), [
    "--lines",
    "1000000",
  ]);
});
