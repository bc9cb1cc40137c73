/**
 * "Who moved" end to end: each run keeps every customer's segment
 * (segments.json, or inside the encrypted page of a locked run), and the
 * next run in the same reports folder compares with the newest earlier one.
 */
import { assertEquals, assertOk, assertStringIncludes } from "../assert.ts";
import { runCli } from "./run_cli.ts";
import { startTestS3 } from "../publish/s3_test_server.ts";
import { numberFormats } from "../../src/figures/format/number_formats.ts";
import { openLockedSidecar } from "../../src/pipeline/locked_sidecar.ts";
import { decryptPage } from "../../src/report/lock/decrypt_page.ts";
import { DOWNLOADS_ID } from "../../src/report/lock/embed_downloads.ts";

const HEADER =
  "date,store,city,region,channel,department,category,sub_category,customer_id,transaction_id,quantity,amount,gallons,fuel_type,fuel_price";
const PASSWORD = "correct horse battery staple";

/**
 * Forty customers `K-01`..`K-40` over January to June 2025: customer i buys
 * every (i % 7 + 1) weeks from week i % 5, for (10 + 3i) each, until week
 * 26 - i % 13. With `extra`, customers K-41..K-45 buy too and K-01..K-03
 * are left out (other data).
 */
function fixture(extra = false): string {
  const lines = [HEADER];
  const ids = extra
    ? [...Array(42).keys()].map((i) => i + 4)
    : [...Array(40).keys()].map((i) => i + 1);
  for (const i of ids) {
    const id = `K-${String(i).padStart(2, "0")}`;
    for (let week = i % 5; week <= 26 - (i % 13); week += i % 7 + 1) {
      const date = new Date(Date.UTC(2025, 0, 1 + 7 * week))
        .toISOString().slice(0, 10);
      lines.push(
        `${date},S1,York,North,Store,Sales,Books,Novels,${id},T${i}-${week},1,${
          10 + 3 * i
        },,,`,
      );
    }
  }
  return lines.join("\n") + "\n";
}

interface Run {
  dir: string;
  json: {
    runId: string;
    generatedAt: string;
    migration: {
      status: string;
      unreadable?: { runId: string; reason: string };
      previous: { runId: string; sameData: boolean } | null;
      counts: Record<string, number> | null;
      flows: { from: string; to: string; customers: number; revenue: number }[];
      largest: string[];
      sizes: {
        segment: string;
        before: number;
        after: number;
        change: number;
      }[];
    };
  };
  page: string;
  files: Record<string, string>;
}

async function report(args: string[], password?: string): Promise<Run> {
  const run = await runCli(
    "report",
    args,
    password ? { env: { BASKET_REPORT_PASSWORD: password } } : {},
  );
  assertEquals(run.code, 0, run.stderr);
  const { dir } = JSON.parse(run.stdout.trim().split("\n").at(-1)!);
  const page = await Deno.readTextFile(`${dir}/index.html`);
  let files: Record<string, string>;
  if (password) {
    const opened = await decryptPage(page, password);
    const match = new RegExp(
      `<script type="application/json" id="${DOWNLOADS_ID}">([^<]*)</script>`,
    ).exec(opened)!;
    files = JSON.parse(match[1]);
    const to = await Deno.makeTempFile();
    const sidecar = await openLockedSidecar(
      page,
      `${dir}/segments.json.enc`,
      password,
      to,
    );
    if (sidecar.ok) files["segments.json"] = await Deno.readTextFile(to);
    await Deno.remove(to).catch(() => {});
  } else {
    files = {};
    for (const entry of Deno.readDirSync(dir)) {
      files[entry.name] = await Deno.readTextFile(`${dir}/${entry.name}`);
    }
  }
  return { dir, json: JSON.parse(files["report.json"]), page, files };
}

/** A run's segments by customer id, read straight from its segments.json. */
function segmentsOf(
  run: Run,
): Map<string, { segment: string; revenue: number }> {
  const file = JSON.parse(run.files["segments.json"]);
  return new Map(
    file.ids.map((id: string, i: number) => [id, {
      segment:
        file.segments["ABCDEFGHIJKLMNOPQRSTUVWXYZ".indexOf(file.segment[i])],
      revenue: file.revenue[i],
    }]),
  );
}

/** The flows between two runs, counted here from their segments files. */
function expectedFlows(before: Run, after: Run): Map<string, [number, number]> {
  const a = segmentsOf(before);
  const b = segmentsOf(after);
  const flows = new Map<string, [number, number]>();
  const add = (key: string, revenue: number) => {
    const [n, r] = flows.get(key) ?? [0, 0];
    flows.set(key, [n + 1, r + revenue]);
  };
  for (const [id, now] of b) {
    add(`${a.get(id)?.segment ?? "(new)"} → ${now.segment}`, now.revenue);
  }
  for (const [id, then] of a) {
    if (!b.has(id)) add(`${then.segment} → (gone)`, then.revenue);
  }
  return flows;
}

function flowsOf(run: Run): Map<string, [number, number]> {
  return new Map(
    run.json.migration.flows.map((
      f,
    ) => [`${f.from} → ${f.to}`, [f.customers, f.revenue]]),
  );
}

Deno.test("report compares each run's segments with the previous run's", async (t) => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-migration-" });
  try {
    await Deno.mkdir(`${tmp}/data`);
    await Deno.mkdir(`${tmp}/other`);
    await Deno.writeTextFile(`${tmp}/data/sales.csv`, fixture());
    await Deno.writeTextFile(`${tmp}/other/sales.csv`, fixture(true));
    const out = `${tmp}/reports`;
    const base = ["--data", `${tmp}/data`, "--out", out];

    const first = await report([...base, "--as-of", "2025-04-01"]);
    await t.step(
      "the first run says there is no earlier run, and keeps its segments",
      () => {
        assertEquals(first.json.migration.status, "first");
        assertStringIncludes(
          first.page,
          "There is no earlier run to compare with",
        );
        assertEquals(segmentsOf(first).size, 40);
      },
    );

    const second = await report(base);
    await t.step(
      "the next run shows the table and the largest moves against it, with its date",
      () => {
        const m = second.json.migration;
        assertEquals(m.status, "compared");
        assertEquals(m.previous?.runId, first.json.runId);
        assertEquals(m.previous?.sameData, true);
        const expected = expectedFlows(first, second);
        const actual = flowsOf(second);
        assertEquals([...actual.keys()].sort(), [...expected.keys()].sort());
        for (const [key, [n, r]] of expected) {
          assertEquals(actual.get(key)![0], n, key);
          assertOk(Math.abs(actual.get(key)![1] - r) < 1e-6, key);
        }
        const moves = [...expected].filter(([key]) => {
          const [from, to] = key.split(" → ");
          return from !== to && from !== "(new)" && to !== "(gone)";
        });
        assertOk(moves.length > 0, "the as-of date moved some customers");
        const format = numberFormats();
        const [key, [n, r]] = moves.sort((a, b) =>
          b[1][0] - a[1][0] || b[1][1] - a[1][1]
        )[0];
        const [from, to] = key.split(" → ");
        const sentence = `${n} ${from} ${n === 1 ? "is" : "are"} now ${to}, ${
          format.wholeMoney(r)
        } of revenue`;
        assertEquals(m.largest[0], sentence);
        assertStringIncludes(second.page, sentence);
        assertStringIncludes(
          second.page,
          `Compared with the run of ${
            first.json.generatedAt.replace("T", " ").replace(/\.\d+Z$/, " UTC")
          } (${first.json.runId}, as of 2025-04-01)`,
        );
        assertEquals(m.counts, {
          common: 40,
          moved: moves.reduce((s, [, [n]]) => s + n, 0),
          stayed: 40 - moves.reduce((s, [, [n]]) => s + n, 0),
          new: 0,
          gone: 0,
        });
      },
    );

    await t.step(
      'the segment that grew most and the one that shrank most, counted here from both runs\' segments files, are in report.json and in one sentence for "What changed"',
      () => {
        const count = (run: Run) => {
          const sizes = new Map<string, number>();
          for (const { segment } of segmentsOf(run).values()) {
            sizes.set(segment, (sizes.get(segment) ?? 0) + 1);
          }
          return sizes;
        };
        const before = count(first);
        const after = count(second);
        const names = new Set([...before.keys(), ...after.keys()]);
        const sizes = second.json.migration.sizes;
        assertEquals(new Set(sizes.map((s) => s.segment)), names);
        for (const s of sizes) {
          assertEquals(
            [s.before, s.after, s.change],
            [
              before.get(s.segment) ?? 0,
              after.get(s.segment) ?? 0,
              (after.get(s.segment) ?? 0) - (before.get(s.segment) ?? 0),
            ],
            s.segment,
          );
        }
        const changes = [...names].map((name) => ({
          name,
          change: (after.get(name) ?? 0) - (before.get(name) ?? 0),
        }));
        const grew = Math.max(...changes.map((c) => c.change));
        const shrank = Math.min(...changes.map((c) => c.change));
        assertOk(grew > 0 && shrank < 0, "the as-of date moved some customers");
        const line = /<p data-what-changed>(.*?)<\/p>/s.exec(second.page);
        assertOk(line, "the Who moved section has the sentence");
        const text = line[1].replace(/<[^>]+>/g, "");
        const grewMost = changes.filter((c) => c.change === grew);
        const shrankMost = changes.filter((c) => c.change === shrank);
        assertOk(
          grewMost.some((c) =>
            text.includes(
              `${c.name} grew most, from ${before.get(c.name) ?? 0} to ${
                after.get(c.name) ?? 0
              } customers (+${grew})`,
            )
          ),
          text,
        );
        assertOk(
          shrankMost.some((c) =>
            text.includes(
              `${c.name} shrank most, from ${before.get(c.name) ?? 0} to ${
                after.get(c.name) ?? 0
              } customers (-${-shrank})`,
            )
          ),
          text,
        );
        assertEquals(
          /<p data-what-changed>/.test(first.page),
          false,
          "a first run has no sentence",
        );
      },
    );

    const other = await report(["--data", `${tmp}/other`, "--out", out]);
    await t.step(
      "a run on other data compares customers by id and counts the new and the gone",
      () => {
        const m = other.json.migration;
        assertEquals(m.previous?.runId, second.json.runId);
        assertEquals(m.previous?.sameData, false);
        assertEquals(m.counts?.new, 5);
        assertEquals(m.counts?.gone, 3);
        assertStringIncludes(other.page, "It read other data");
      },
    );

    const locked = await report(base, PASSWORD);
    await t.step(
      "a locked run keeps its segments encrypted beside its page only",
      async () => {
        assertEquals(
          [...Deno.readDirSync(locked.dir)].map((e) => e.name).sort(),
          ["index.html", "segments.json.enc"],
        );
        const sidecar = new TextDecoder("latin1").decode(
          await Deno.readFile(`${locked.dir}/segments.json.enc`),
        );
        assertEquals(locked.json.migration.previous?.runId, other.json.runId);
        const ids = [...segmentsOf(locked).keys()];
        assertEquals(ids.length, 40);
        for (
          const secret of [
            ...ids,
            "segments.json",
            "Loyal Customers",
            "basket-segments",
          ]
        ) {
          assertEquals(locked.page.includes(secret), false, secret);
          assertEquals(sidecar.includes(secret), false, secret);
        }
        const clear = await Deno.readTextFile(`${out}/latest/index.html`);
        assertEquals(clear, locked.page);
        assertEquals(
          await Deno.readFile(`${out}/latest/segments.json.enc`),
          await Deno.readFile(`${locked.dir}/segments.json.enc`),
        );
      },
    );

    await t.step(
      "the next locked run with the same password opens it and compares",
      async () => {
        const next = await report(base, PASSWORD);
        assertEquals(next.json.migration.status, "compared");
        assertEquals(next.json.migration.previous?.runId, locked.json.runId);
        assertEquals(next.json.migration.counts?.common, 40);
      },
    );

    await t.step(
      "a run that cannot open the locked previous run says why",
      async () => {
        const wrong = await report(base, "another password entirely");
        assertEquals(wrong.json.migration.status, "unreadable");
        assertEquals(
          wrong.json.migration.unreadable?.reason,
          "it is locked with another password",
        );
        const open = await report(base);
        assertEquals(
          open.json.migration.unreadable?.reason,
          "it is locked, and this run has no password to open it",
        );
        assertStringIncludes(
          open.page,
          `The earlier run ${wrong.json.runId} cannot be compared with: it is locked, and this run has no password to open it.`,
        );
      },
    );
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});

Deno.test("a published run compares with the bucket's current run", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-migration-s3-" });
  const s3 = await startTestS3();
  const env = {
    AWS_ACCESS_KEY_ID: "S3RVER",
    AWS_SECRET_ACCESS_KEY: "S3RVER",
    AWS_REGION: "us-east-1",
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    BASKET_S3_BUCKET: s3.bucket,
    BASKET_S3_PREFIX: "weekly",
    BASKET_S3_PATH_STYLE: "true",
  };
  try {
    await Deno.mkdir(`${tmp}/data`);
    await Deno.writeTextFile(`${tmp}/data/sales.csv`, fixture());
    const publish = async (out: string, extra: string[], password?: string) => {
      const run = await runCli("report", [
        "--data",
        `${tmp}/data`,
        "--out",
        `${tmp}/${out}`,
        "--publish",
        ...extra,
      ], {
        env: password ? { ...env, BASKET_REPORT_PASSWORD: password } : env,
      });
      assertEquals(run.code, 0, run.stderr);
      const { dir, runId } = JSON.parse(run.stdout.trim().split("\n").at(-1)!);
      if (password) {
        const opened = await decryptPage(
          await Deno.readTextFile(`${dir}/index.html`),
          password,
        );
        const match = new RegExp(
          `<script type="application/json" id="${DOWNLOADS_ID}">([^<]*)</script>`,
        ).exec(opened)!;
        return {
          runId: runId as string,
          json: JSON.parse(JSON.parse(match[1])["report.json"]),
        };
      }
      return {
        runId: runId as string,
        json: JSON.parse(await Deno.readTextFile(`${dir}/report.json`)),
      };
    };
    const first = await publish("a", ["--as-of", "2025-04-01"]);
    assertEquals(first.json.migration.status, "first");
    // Another machine, another reports folder: the bucket's current run is
    // the one to compare with.
    const second = await publish("b", []);
    assertEquals(second.json.migration.status, "compared");
    assertEquals(second.json.migration.previous.runId, first.runId);
    assertEquals(second.json.migration.counts.common, 40);
    assertOk(second.json.migration.counts.moved > 0);
    // A locked run published from a third folder, then another from a
    // fourth: the bucket's segments.json.enc is fetched and opened with the
    // same password.
    const third = await publish("c", [], PASSWORD);
    assertEquals(third.json.migration.previous.runId, second.runId);
    const fourth = await publish("d", [], PASSWORD);
    assertEquals(fourth.json.migration.status, "compared");
    assertEquals(fourth.json.migration.previous.runId, third.runId);
    assertEquals(fourth.json.migration.counts.common, 40);
  } finally {
    await s3.close();
    await Deno.remove(tmp, { recursive: true });
  }
});
