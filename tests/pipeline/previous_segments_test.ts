import { assertEquals, assertOk } from "../assert.ts";
import { formatSegmentSnapshot } from "../../src/figures/segments/segment_snapshot.ts";
import {
  localRuns,
  type PreviousSegments,
  previousSegments,
} from "../../src/pipeline/previous_segments.ts";
import { embedDownloads } from "../../src/report/lock/embed_downloads.ts";
import { encryptPage } from "../../src/report/lock/encrypt_page.ts";
import { bucketRuns } from "../../src/publish/bucket_runs.ts";
import { RUN_ID_METADATA, runPath } from "../../src/publish/published_run.ts";
import { openBucket } from "../../src/publish/s3_bucket.ts";
import { NO_WAIT, startTestS3 } from "../publish/s3_test_server.ts";

const TEXT = formatSegmentSnapshot({
  runId: "20260101T000000Z",
  generatedAt: "",
  asOf: "2026-01-01",
  source: "fixture",
  fingerprint: "f1",
  ids: ["a", "é"],
  segments: ["Lost", "At Risk"],
  segment: [0, 1],
  revenue: [1.5, 2],
});

async function rowsOf(found: PreviousSegments) {
  assertEquals(found.kind, "found");
  if (found.kind !== "found") return [];
  return await Array.fromAsync(found.snapshot.rows());
}

function names(dir: string): string[] {
  return [...Deno.readDirSync(dir)].map((e) => e.name).sort();
}

Deno.test("previousSegments() reads a reports folder's newest earlier run from its own file, and a locked one's from a scratch file it removes when released", async () => {
  const out = await Deno.makeTempDir({ prefix: "basket-earlier-" });
  const scratch = await Deno.makeTempDir({ prefix: "basket-scratch-" });
  try {
    await Deno.mkdir(`${out}/20260101T000000Z`);
    await Deno.writeTextFile(`${out}/20260101T000000Z/segments.json`, TEXT);
    await Deno.mkdir(`${out}/20260102T000000Z`);
    const runs = localRuns(out);

    const found = await previousSegments(
      runs,
      "20260101T120000Z",
      undefined,
      scratch,
    );
    assertEquals(await rowsOf(found), [["a", "Lost", 1.5], [
      "é",
      "At Risk",
      2,
    ]]);
    if (found.kind === "found") {
      assertEquals(
        found.snapshot.path,
        `${out}/20260101T000000Z/segments.json`,
      );
      await found.release();
    }
    assertEquals(names(`${out}/20260101T000000Z`), ["segments.json"]);
    assertEquals(names(scratch), []);

    assertEquals(
      await previousSegments(runs, "20260103T000000Z", undefined, scratch),
      {
        kind: "unreadable",
        runId: "20260102T000000Z",
        reason:
          "it holds no segments (made before runs kept them, or from data without customer ids)",
      },
    );

    // A locked run: segments.json only inside its encrypted page.
    const password = "correct horse battery staple";
    await Deno.writeTextFile(
      `${out}/20260102T000000Z/index.html`,
      await encryptPage(
        embedDownloads("<html><body><p>Report</p></body></html>", {
          "segments.json": TEXT,
        }),
        { password, unsafeIterationsForTests: 1000 },
      ),
    );
    const locked = await previousSegments(
      runs,
      "20260103T000000Z",
      password,
      scratch,
    );
    assertEquals(await rowsOf(locked), [
      ["a", "Lost", 1.5],
      ["é", "At Risk", 2],
    ]);
    assertEquals(names(scratch).length, 1);
    if (locked.kind === "found") await locked.release();
    assertEquals(names(scratch), []);

    // A broken file says why, and leaves nothing behind.
    await Deno.writeTextFile(
      `${out}/20260102T000000Z/index.html`,
      await encryptPage(
        embedDownloads("<html><body></body></html>", {
          "segments.json": TEXT.slice(0, -5),
        }),
        { password, unsafeIterationsForTests: 1000 },
      ),
    );
    const broken = await previousSegments(
      runs,
      "20260103T000000Z",
      password,
      scratch,
    );
    assertEquals(broken.kind, "unreadable");
    assertOk(
      broken.kind === "unreadable" &&
        broken.reason.startsWith(
          `Cannot read the segments in "${out}/20260102T000000Z/segments.json": it is not JSON`,
        ),
      JSON.stringify(broken),
    );
    assertEquals(names(scratch), []);
  } finally {
    await Deno.remove(out, { recursive: true });
    await Deno.remove(scratch, { recursive: true });
  }
});

Deno.test("bucketRuns() streams a run's file into a scratch file, removed when released, and has none for a missing file", async () => {
  const s3 = await startTestS3();
  const scratch = await Deno.makeTempDir({ prefix: "basket-scratch-" });
  try {
    const bucket = openBucket(s3.client(), s3.config(), { retry: NO_WAIT });
    await bucket.put(
      runPath("20260101T000000Z", "segments.json"),
      new TextEncoder().encode(TEXT),
      { contentType: "application/json", cacheControl: "no-cache" },
    );
    const runs = bucketRuns(bucket);
    const file = await runs.local("20260101T000000Z", "segments.json", scratch);
    assertOk(file !== null);
    assertOk(file.path.startsWith(scratch), file.path);
    assertEquals(await Deno.readTextFile(file.path), TEXT);
    await file.release();
    await file.release();
    assertEquals(names(scratch), []);
    assertEquals(
      await runs.local("20260101T000000Z", "other.json", scratch),
      null,
    );
    assertEquals(names(scratch), []);
  } finally {
    await Deno.remove(scratch, { recursive: true });
    await s3.close();
  }
});

Deno.test("previousSegments() names a bucket's damaged segments file by the object it read, below runs/", async () => {
  const s3 = await startTestS3();
  const scratch = await Deno.makeTempDir({ prefix: "basket-scratch-" });
  try {
    const bucket = openBucket(s3.client(), s3.config(), { retry: NO_WAIT });
    const earlier = "20260101T000000Z";
    await bucket.put("index.html", new TextEncoder().encode("<p>page</p>"), {
      contentType: "text/html",
      cacheControl: "no-cache",
      metadata: { [RUN_ID_METADATA]: earlier },
    });
    await bucket.put(
      runPath(earlier, "segments.json"),
      new TextEncoder().encode(TEXT.slice(0, 40)),
      { contentType: "application/json", cacheControl: "no-cache" },
    );
    const broken = await previousSegments(
      bucketRuns(bucket),
      "20260102T000000Z",
      undefined,
      scratch,
    );
    assertOk(
      broken.kind === "unreadable" &&
        broken.reason.startsWith(
          `Cannot read the segments in "${bucket.target}${
            runPath(earlier, "segments.json")
          }": it is not JSON`,
        ),
      JSON.stringify(broken),
    );
    assertEquals(names(scratch), []);
  } finally {
    await Deno.remove(scratch, { recursive: true });
    await s3.close();
  }
});
