import { assertEquals, assertNotEquals } from "../assert.ts";
import type {
  BuildReportOptions,
  BuiltReport,
} from "../../src/pipeline/build_report.ts";
import {
  readCachedRun,
  reportKey,
  writeCachedRun,
} from "../../src/pipeline/cached_report.ts";
import { reportJson } from "../../src/report/report_json.ts";
import { discardSegments } from "../../src/pipeline/run_scratch.ts";
import type { ReportModel } from "../../src/report/report_model.ts";

/** A small built run stamped at `time`, as buildReport lays one out. */
function builtAt(
  time: string,
  store = "S1",
  segments: string | null = null,
): BuiltReport {
  const runId = time.replace(/[-:]/g, "").replace(/\.\d+Z$/, "Z");
  const model = {
    schema: "basket-report/1",
    runId,
    generatedAt: time,
    parameters: { seed: 1 },
    data: { source: "sales.csv", fingerprint: "abc" },
  } as unknown as ReportModel;
  const text = time.replace("T", " ").replace(/\.\d+Z$/, " UTC");
  return {
    runId,
    model,
    files: new Map([
      [
        "index.html",
        `<h1>Sales $& report</h1><time datetime="${time}">${text}</time><p>${store}</p>`,
      ],
      ["report.json", reportJson(model)],
      ["stores.csv", `store,sales\n${store},10.5\n`],
    ]),
    segments,
  };
}

async function withStore(
  test: (store: { dir: string; maxBytes: number }) => Promise<void>,
) {
  const dir = await Deno.makeTempDir({ prefix: "basket-run-cache-" });
  try {
    await test({ dir, maxBytes: 10_000_000 });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
}

Deno.test("readCachedRun() gives a cached run back stamped with the new time, every other byte the same", async () => {
  await withStore(async (store) => {
    const first = builtAt("2026-12-05T08:51:35.501Z");
    assertEquals(await writeCachedRun(store, "report-a", first), true);
    const later = "2026-12-06T02:00:09.120Z";
    const again = await readCachedRun(store, "report-a", new Date(later));
    assertEquals(again?.runId, "20261206T020009Z");
    assertEquals(again?.files, builtAt(later).files);
    assertEquals(again?.model, builtAt(later).model);
  });
});

Deno.test("readCachedRun() gives the cached segments.json back as a copy of its own, and drops an entry whose segments changed", async () => {
  await withStore(async (store) => {
    const dir = await Deno.makeTempDir({ prefix: "basket-run-segments-" });
    try {
      const segments = `${dir}/segments.json`;
      const text =
        '{"schema":"basket-segments/1","ids":["{{basket:run-id}}"]}\n';
      await Deno.writeTextFile(segments, text);
      const built = builtAt("2026-12-05T08:51:35.501Z", "S1", segments);
      assertEquals(await writeCachedRun(store, "report-a", built), true);
      await Deno.remove(segments);
      const again = await readCachedRun(store, "report-a", new Date());
      assertNotEquals(again?.segments, null);
      assertNotEquals(again?.segments, segments);
      // Its bytes as written: the file holds no stamp to replace.
      assertEquals(await Deno.readTextFile(again!.segments!), text);
      await discardSegments(again!.segments);
      const kept = `${store.dir}/report-a/segments.json`;
      await Deno.writeTextFile(kept, text.replace("run-id", "run-ID"));
      assertEquals(await readCachedRun(store, "report-a", new Date()), null);
      assertEquals([...Deno.readDirSync(store.dir)].length, 0);
    } finally {
      await Deno.remove(dir, { recursive: true });
    }
  });
});

Deno.test("readCachedRun() removes a damaged entry, cut short or changed in place, and reads it as none", async () => {
  await withStore(async (store) => {
    for (
      const damage of [
        (text: string) => text.slice(0, -10),
        (text: string) => text.replace("S1", "S2"),
      ]
    ) {
      await writeCachedRun(store, "report-a", builtAt("2026-12-05T08:51:35Z"));
      const file = `${store.dir}/report-a/run.json`;
      await Deno.writeTextFile(file, damage(await Deno.readTextFile(file)));
      assertEquals(await readCachedRun(store, "report-a", new Date()), null);
      assertEquals([...Deno.readDirSync(store.dir)].length, 0);
    }
  });
});

Deno.test("writeCachedRun() caches nothing when a file holds a placeholder already", async () => {
  await withStore(async (store) => {
    const built = builtAt("2026-12-05T08:51:35.501Z", "{{basket:run-id}}");
    assertEquals(await writeCachedRun(store, "report-a", built), false);
    assertEquals(await readCachedRun(store, "report-a", new Date()), null);
  });
});

Deno.test("reportKey() changes with every option of the build and with the input's stamps", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-run-key-" });
  try {
    const data = `${tmp}/sales.csv`;
    await Deno.writeTextFile(data, "date,store\n");
    const base: BuildReportOptions = { source: { data }, seed: 1 };
    const variants: BuildReportOptions[] = [
      { ...base, source: { data, dateFormat: "dmy" } },
      { ...base, source: { data, onBadRows: "skip" } },
      { ...base, asOf: "2025-01-01" },
      { ...base, seed: 2 },
      { ...base, k: 3 },
      { ...base, topN: 3 },
      { ...base, width: 700 },
      { ...base, filters: { stores: ["S1"] } },
      { ...base, maxCells: 1000 },
      { ...base, maxPageBytes: 1000 },
    ];
    const key = await reportKey(base, "1.0.0");
    assertEquals(await reportKey({ ...base }, "1.0.0"), key);
    assertEquals(key.startsWith("report-"), true);
    const keys = [
      key,
      await reportKey(base, "1.0.1"),
      ...await Promise.all(variants.map((v) => reportKey(v, "1.0.0"))),
    ];
    assertEquals(new Set(keys).size, keys.length);
    await Deno.writeTextFile(data, "date,store\n2025-01-01,S1\n");
    assertNotEquals(await reportKey(base, "1.0.0"), key);
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});
