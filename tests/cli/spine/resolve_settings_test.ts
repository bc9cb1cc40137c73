import { assertEquals, assertThrows } from "../../assert.ts";
import { CliError } from "../../../src/model/cli_error.ts";
import { CONFIG_KEYS } from "../../../src/cli/settings_file.ts";
import {
  checkConfigKeys,
  resolveSettings,
} from "../../../src/cli/spine/resolve_settings.ts";
import { DATA_OPTIONS } from "../../../src/cli/data_options.ts";
import { wholeNumber } from "../../../src/cli/spine/validators.ts";

const OPTIONS = [
  {
    name: "top-n",
    kind: "string",
    help: "",
    default: 2,
    env: ["BASKET_TOP_N"],
    config: "report.topN",
    parse: wholeNumber({ min: 1 }),
  },
] as const;

Deno.test("resolveSettings() takes the flag, else the environment, else the config file, else the default", () => {
  const env = { BASKET_TOP_N: "4" };
  const file = { report: { topN: 5 } };
  const topN = (flags: Record<string, string>, sources = {}) =>
    resolveSettings(OPTIONS, flags, sources)["top-n"];
  assertEquals(topN({ "top-n": "3" }, { env, file }), 3);
  assertEquals(topN({}, { env, file }), 4);
  assertEquals(topN({}, { env: { BASKET_TOP_N: "" }, file }), 5);
  assertEquals(topN({}, { file }), 5);
  assertEquals(topN({}), 2);
});

Deno.test("resolveSettings() checks every source's value and says where a bad one came from", () => {
  const message = (
    sources: Parameters<typeof resolveSettings>[2],
    flags = {},
  ) =>
    assertThrows(() => resolveSettings(OPTIONS, flags, sources), CliError)
      .message;
  assertEquals(
    message({}, { "top-n": "0" }),
    'Cannot read --top-n "0": expected a whole number of 1 or more',
  );
  assertEquals(
    message({ env: { BASKET_TOP_N: "two" } }),
    'Cannot read BASKET_TOP_N "two": expected a whole number of 1 or more',
  );
  assertEquals(
    message({ file: { report: { topN: 1.5 } }, filePath: "b.json" }),
    'Cannot read "report.topN" in "b.json" "1.5": expected a whole number of 1 or more',
  );
  assertEquals(
    message({ file: { report: { topN: [3] } }, filePath: "b.json" }),
    'Cannot read "report.topN" in "b.json": expected a string or a number, got [3]',
  );
});

Deno.test("resolveSettings() reads the data settings from the notebooks' variables and the config file's keys", () => {
  const settings = resolveSettings(DATA_OPTIONS, { seed: "9" }, {
    env: {
      BASKET_MAP: "date=Day; amount=Total",
      BASKET_SEED: "4",
      BASKET_DELIMITER: "whitespace",
    },
    file: {
      asOf: "2025-02-28",
      dateFormat: "dd/mm/yyyy",
      seed: 3,
      noHeader: true,
      table: "public.sales",
      customersTable: "public.customers",
    },
  });
  assertEquals(settings, {
    data: undefined,
    table: "public.sales",
    query: undefined,
    "customers-table": "public.customers",
    encoding: undefined,
    "no-header": true,
    delimiter: "whitespace",
    map: ["date=Day", "amount=Total"],
    "date-format": "dmy",
    "on-bad-rows": "fail",
    seed: 9,
    "as-of": "2025-02-28",
  });
});

Deno.test("checkConfigKeys() refuses an unknown key with exit code 2, naming the file and the close key", () => {
  const refuse = (file: Record<string, unknown>) =>
    assertThrows(
      () => checkConfigKeys(file, CONFIG_KEYS, "basket.config.json"),
      CliError,
    );
  const typo = refuse({ dta: "data/" });
  assertEquals(typo.exitCode, 2);
  assertEquals(
    typo.message,
    'Unknown key "dta" in config file "basket.config.json" (did you mean "data"?): see docs/cli.md for the keys',
  );
  assertEquals(
    refuse({ publish: { buckt: "b" } }).message,
    'Unknown key "publish.buckt" in config file "basket.config.json" (did you mean "publish.bucket"?): see docs/cli.md for the keys',
  );
  assertEquals(
    refuse({ colour: "red" }).message,
    'Unknown key "colour" in config file "basket.config.json": see docs/cli.md for the keys',
  );
  checkConfigKeys(
    {
      data: "d",
      map: { date: "Day" },
      publish: { bucket: "b", keep: 3 },
      schedule: { cron: "0 * * * *" },
    },
    CONFIG_KEYS,
    "basket.config.json",
  );
});
