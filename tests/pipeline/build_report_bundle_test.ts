import {
  assertEquals,
  assertOk,
  assertRejects,
  assertStringIncludes,
} from "../assert.ts";
import { openSource } from "../../src/source/open_source.ts";
import { buildReport } from "../../src/pipeline/build_report.ts";

const SMALL = { simulate: { customers: 60, days: 21 }, seed: 1 };

Deno.test("buildReport() bundles the page's script while the data loads, not after", async () => {
  const events: string[] = [];
  const built = await buildReport({ source: SMALL, seed: 1 }, {
    openSource: async (options) => {
      events.push("load starts");
      const loaded = await openSource(options);
      events.push("load ends");
      return loaded;
    },
    now: () => new Date("2026-01-05T06:00:00Z"),
    log: () => {},
    bundleClient: () => {
      events.push("bundle starts");
      return Promise.resolve("/* the page's script */");
    },
  });
  assertOk(
    events.indexOf("bundle starts") < events.indexOf("load ends"),
    events.join(", "),
  );
  assertStringIncludes(
    built.files.get("index.html")!,
    "/* the page's script */",
  );
});

Deno.test("buildReport() reports a failed load, not the bundle's failure, and leaves no rejection unhandled", async () => {
  await assertRejects(
    () =>
      buildReport({ source: SMALL, seed: 1 }, {
        openSource: () => Promise.reject(new Error("Cannot read the data")),
        now: () => new Date("2026-01-05T06:00:00Z"),
        log: () => {},
        bundleClient: () => Promise.reject(new Error("Cannot bundle")),
      }),
    Error,
    "Cannot read the data",
  );
  // An unhandled rejection would fail this test once the event loop turns.
  await new Promise((resolve) => setTimeout(resolve, 10));
  assertEquals(true, true);
});
