import { deepEqual, equal, ok } from "node:assert/strict";
import type { S3Client } from "@aws-sdk/client-s3";
import {
  publishRun,
  type PublishRunOptions,
} from "../../src/publish/publish_run.ts";
import { writeRunFixture } from "./run_fixture.ts";
import { NO_WAIT, startTestS3, type TestS3 } from "./s3_test_server.ts";
import {
  delayRequests,
  emulateConditionalWrites,
  Lock,
} from "./fault_middleware.ts";

const ROUNDS = 20;
/** Retention's grace in these tests: longer than any hold below. */
const GRACE_MS = 1500;

/** A small seeded generator, so that a failing round can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** What a reader polling the top-level index saw. */
interface Reader {
  samples: number;
  /** Reports whose run folder was not complete while readers were shown them. */
  incomplete: string[];
  /** Times the report went back to an older run. */
  backwards: string[];
  stop(): Promise<void>;
}

const titleRun = (html: string) =>
  /<title>Basket report (\S+)<\/title>/.exec(html)?.[1];

/**
 * Polls the top-level index.html as a browser would, and for each page it
 * shows checks that the run's folder is complete: its manifest and every
 * file the manifest lists. A sample counts only when the index still shows
 * the same run after the check (else the check raced a switch).
 */
function startReader(s3: TestS3): Reader {
  const base = `${s3.endpoint}/${s3.bucket}/weekly/`;
  // Its own connections, closed when it stops, so that s3rver can shut down.
  const http = Deno.createHttpClient({});
  const get = (url: string, method = "GET") =>
    fetch(url, { method, client: http } as RequestInit);
  const text = async (path: string) => {
    const response = await get(`${base}${path}`);
    const body = await response.text();
    return response.ok ? body : undefined;
  };
  let running = true;
  let newest = "";
  const reader: Reader = {
    samples: 0,
    incomplete: [],
    backwards: [],
    stop: async () => {
      running = false;
      await loop;
      http.close();
    },
  };
  const loop = (async () => {
    while (running) {
      try {
        await sample();
      } catch {
        // s3rver cut a download short while the object was being replaced:
        // what a reader would retry; no sample.
      }
    }
  })();
  async function sample() {
    {
      const page = await text("index.html");
      const run = page && titleRun(page);
      if (!run) {
        await new Promise((resolve) => setTimeout(resolve, 2));
        return;
      }
      const manifest = await text(`runs/${run}/manifest.json`);
      let missing = manifest === undefined ? "manifest.json" : undefined;
      for (const file of manifest ? JSON.parse(manifest).files : []) {
        const head = await get(`${base}runs/${run}/${file.path}`, "HEAD");
        await head.body?.cancel();
        if (!head.ok) missing ??= file.path;
      }
      const again = await text("index.html");
      if (!again || titleRun(again) !== run) return;
      reader.samples++;
      if (missing) reader.incomplete.push(`${run} lacks ${missing}`);
      if (run < newest) reader.backwards.push(`${newest} -> ${run}`);
      if (run > newest) newest = run;
    }
  }
  return reader;
}

function runIds(round: number): [older: string, newer: string] {
  const hour = String(Math.floor(round / 6)).padStart(2, "0");
  const minute = String((round % 6) * 10).padStart(2, "0");
  return [`20261121T${hour}${minute}00Z`, `20261121T${hour}${minute}01Z`];
}

/**
 * ROUNDS rounds of two publishes at once to one prefix, the older run's
 * manifest held back (long in every third round, as in the incident), every
 * request delayed a little at random, with a reader polling throughout.
 */
async function race(
  s3: TestS3,
  reports: string,
  clientFor: () => S3Client,
  options: Partial<PublishRunOptions> = {},
) {
  const config = s3.config({ keep: 2 });
  const next = random(14);
  const reader = startReader(s3);
  const outcomes: string[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const [older, newer] = runIds(round);
      // Every third round holds the older run's manifest back long, as in
      // the incident; every third holds back its switch instead, after it
      // checked and before the newer run's switch, so that it lands last.
      const kind = round % 3;
      const hold = kind === 2 ? Math.floor(next() * 80) : 400;
      const jitter = () => Math.floor(next() * 8);
      let switchHeld = false; // only its first switch
      const olderClient = clientFor();
      const newerClient = clientFor();
      delayRequests(
        olderClient,
        (method, path) =>
          method === "PUT" && kind === 0 &&
            path.endsWith(`${older}/manifest.json`)
            ? hold
            : method === "PUT" && kind === 1 && !switchHeld &&
                path.endsWith("weekly/index.html")
            ? (switchHeld = true, hold)
            : jitter(),
      );
      delayRequests(
        newerClient,
        (method, path) =>
          method === "PUT" && kind === 1 &&
            path.endsWith(`${newer}/manifest.json`)
            ? 150
            : jitter(),
      );
      const publish = async (client: S3Client, runId: string) =>
        publishRun(client, config, await writeRunFixture(reports, runId), {
          runId,
          retry: NO_WAIT,
          retentionGraceMs: GRACE_MS,
          ...options,
        });
      const [a, b] = await Promise.allSettled([
        publish(olderClient, older),
        publish(newerClient, newer),
      ]);
      const label = `round ${round} (kind ${kind}, hold ${hold} ms)`;
      equal(
        a.status,
        "fulfilled",
        `${label}: ${(a as PromiseRejectedResult).reason}`,
      );
      equal(
        b.status,
        "fulfilled",
        `${label}: ${(b as PromiseRejectedResult).reason}`,
      );
      const first = (a as PromiseFulfilledResult<
        Awaited<ReturnType<typeof publishRun>>
      >).value;
      const second = (b as PromiseFulfilledResult<
        Awaited<ReturnType<typeof publishRun>>
      >).value;
      equal(second.madeCurrent, true, label);
      ok(first.madeCurrent || first.newer === newer, label);
      outcomes.push(first.madeCurrent ? "older first" : "older superseded");
      const index = await fetch(
        `${s3.endpoint}/${s3.bucket}/weekly/index.html`,
      );
      equal(titleRun(await index.text()), newer, `${label}: readers end on it`);
      for (const runId of [older, newer]) {
        const manifest = await fetch(
          `${s3.endpoint}/${s3.bucket}/weekly/runs/${runId}/manifest.json`,
        );
        const files = (await manifest.json()).files as { path: string }[];
        for (const file of files) {
          const head = await fetch(
            `${s3.endpoint}/${s3.bucket}/weekly/runs/${runId}/${file.path}`,
            { method: "HEAD" },
          );
          await head.body?.cancel();
          equal(head.status, 200, `${label}: ${runId}/${file.path}`);
        }
      }
    }
  } finally {
    await reader.stop();
  }
  deepEqual(reader.incomplete, []);
  ok(reader.samples >= ROUNDS, `the reader saw only ${reader.samples} pages`);
  return { reader, outcomes };
}

async function withServer(fn: (s3: TestS3, reports: string) => Promise<void>) {
  const s3 = await startTestS3();
  const reports = await Deno.makeTempDir({ prefix: "basket-reports-" });
  try {
    await fn(s3, reports);
  } finally {
    await s3.close();
    await Deno.remove(reports, { recursive: true });
  }
}

Deno.test("publishRun() run twice at once against s3rver (no conditional writes) ends on the newer run every time, and readers only ever see complete reports", async () => {
  await withServer(async (s3, reports) => {
    const { reader, outcomes } = await race(s3, reports, () => s3.client());
    // The ordering rule's window: an older run may show for a moment before
    // it puts the newer one back. Counted, not asserted (see docs/publish.md).
    console.log(
      `${reader.samples} pages read, ${reader.backwards.length} times back to an older complete run; ${
        outcomes.filter((o) => o === "older superseded").length
      } of ${ROUNDS} older runs superseded`,
    );
    const runs = await Array.fromAsync(
      Deno.readDir(`${s3.directory}/${s3.bucket}/weekly/runs`),
    );
    ok(runs.length < 2 * ROUNDS, "retention pruned old runs");
  });
});

Deno.test("publishRun() run twice at once on a store with conditional writes never takes readers back to an older run", async () => {
  await withServer(async (s3, reports) => {
    const lock = new Lock();
    const { reader, outcomes } = await race(s3, reports, () => {
      const client = s3.client();
      emulateConditionalWrites(client, s3.endpoint, lock);
      return client;
    });
    deepEqual(reader.backwards, []);
    ok(outcomes.length === ROUNDS);
  });
});
