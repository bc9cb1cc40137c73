import { deepEqual, equal, match, ok } from "node:assert/strict";
import { runFixtureFiles, writeRunFixture } from "../publish/run_fixture.ts";
import { startTestS3, type TestS3 } from "../publish/s3_test_server.ts";
import { runCli } from "./run_cli.ts";

const RUN_1 = "20261121T000000Z";
const RUN_2 = "20261121T060000Z";

function s3Env(s3: TestS3, credentials = { id: "S3RVER", secret: "S3RVER" }) {
  return {
    AWS_ACCESS_KEY_ID: credentials.id,
    AWS_SECRET_ACCESS_KEY: credentials.secret,
    AWS_REGION: "us-east-1",
    AWS_ENDPOINT_URL_S3: s3.endpoint,
    BASKET_S3_BUCKET: s3.bucket,
    BASKET_S3_PREFIX: "weekly",
    BASKET_S3_PATH_STYLE: "true",
  };
}

async function withProject(fn: (s3: TestS3, cwd: string) => Promise<void>) {
  const s3 = await startTestS3();
  const cwd = await Deno.makeTempDir({ prefix: "basket-project-" });
  try {
    await fn(s3, cwd);
  } finally {
    await s3.close();
    await Deno.remove(cwd, { recursive: true });
  }
}

const lastLine = (text: string) => text.trimEnd().split("\n").at(-1) ?? "";

Deno.test("deno task publish publishes reports/latest and --list-runs and --rollback work on what it published", async () => {
  await withProject(async (s3, cwd) => {
    const env = s3Env(s3);
    await writeRunFixture(`${cwd}/reports`, RUN_1);
    // The report command refreshes reports/latest/ as a copy of the newest run.
    await writeRunFixture(`${cwd}/reports`, "latest", runFixtureFiles(RUN_1));
    const first = await runCli("publish", [], { cwd, env });
    equal(first.code, 0, first.stderr);
    deepEqual(JSON.parse(lastLine(first.stdout)), {
      runId: RUN_1,
      dir: "reports/latest",
    });
    match(
      first.stderr,
      /static website hosting is not enabled on bucket "reports"/,
    );

    await writeRunFixture(`${cwd}/reports`, RUN_2);
    const second = await runCli("publish", [`reports/${RUN_2}`], { cwd, env });
    equal(second.code, 0, second.stderr);
    equal(JSON.parse(lastLine(second.stdout)).runId, RUN_2);

    const listed = await runCli("publish", ["--list-runs"], { cwd, env });
    equal(listed.code, 0, listed.stderr);
    const rows = listed.stdout.trimEnd().split("\n");
    equal(rows.length, 3);
    match(rows[1], new RegExp(`^${RUN_2} .* current$`));
    match(rows[2], new RegExp(`^${RUN_1} `));

    const rollback = await runCli("publish", ["--rollback", RUN_1], {
      cwd,
      env,
    });
    equal(rollback.code, 0, rollback.stderr);
    const index = await fetch(`${s3.endpoint}/reports/weekly/index.html`);
    equal(await index.text(), runFixtureFiles(RUN_1)["index.html"]);
  });
});

Deno.test("deno task publish asks for --run-id when the folder does not say its run id", async () => {
  await withProject(async (s3, cwd) => {
    await writeRunFixture(`${cwd}/reports`, "draft", {
      "index.html": "<p>draft</p>",
    });
    const run = await runCli("publish", ["reports/draft"], {
      cwd,
      env: s3Env(s3),
    });
    equal(run.code, 2);
    equal(
      run.stderr.trim(),
      'error: Cannot tell the run id of "reports/draft": its report.json has no "runId" and its name is not a run id: pass --run-id',
    );
  });
});

Deno.test("deno task publish never shows the credentials, even when they are wrong", async () => {
  await withProject(async (s3, cwd) => {
    const id = "AKIAFAKEBASKETTEST77";
    const secret = "fakeSecret/Basket+NeverPrinted0123456789";
    const env = s3Env(s3, { id, secret });
    await writeRunFixture(`${cwd}/reports`, RUN_1);
    const runs = [
      await runCli("publish", [`reports/${RUN_1}`, "--debug"], { cwd, env }),
      await runCli("publish", ["--list-runs", "--debug"], { cwd, env }),
      await runCli("publish", ["--rollback", RUN_1, "--debug"], { cwd, env }),
      await runCli("share", ["--expires", "1h", "--debug"], { cwd, env }),
    ];
    for (const run of runs) {
      equal(run.code, 1, run.stderr);
      match(
        run.stderr,
        /the access key id is not known to the server: check the AWS credentials/,
      );
      for (const text of [run.stdout, run.stderr]) {
        ok(!text.includes(id), `the access key id leaked: ${text}`);
        ok(!text.includes(secret), `the secret leaked: ${text}`);
        ok(!text.includes("fakeSecret"), `part of the secret leaked: ${text}`);
      }
    }
    match(
      runs[0].stderr,
      /^error: Cannot publish to "s3:\/\/reports\/weekly\/": the access key id is not known to the server: check the AWS credentials$/m,
    );
  });
});

Deno.test("deno task publish says plainly when the bucket does not exist", async () => {
  await withProject(async (s3, cwd) => {
    await writeRunFixture(`${cwd}/reports`, RUN_1);
    const run = await runCli("publish", [
      `reports/${RUN_1}`,
      "--bucket",
      "missing-bucket",
    ], {
      cwd,
      env: s3Env(s3),
    });
    equal(run.code, 1);
    equal(
      run.stderr.trim().split("\n").at(-1),
      'error: Cannot publish to "s3://missing-bucket/weekly/": the bucket does not exist',
    );
  });
});

Deno.test("deno task share prints a link that opens the current report, and refuses more than 7 days", async () => {
  await withProject(async (s3, cwd) => {
    const env = s3Env(s3);
    await writeRunFixture(`${cwd}/reports`, RUN_1);
    equal(
      (await runCli("publish", [`reports/${RUN_1}`], { cwd, env })).code,
      0,
    );
    const share = await runCli("share", ["--expires", "12h"], { cwd, env });
    equal(share.code, 0, share.stderr);
    const response = await fetch(share.stdout.trim());
    equal(response.status, 200);
    equal(await response.text(), runFixtureFiles(RUN_1)["index.html"]);

    const tooLong = await runCli("share", ["--expires", "8d"], { cwd, env });
    equal(tooLong.code, 2);
    equal(
      tooLong.stderr.trim(),
      'error: Cannot share a link valid for "8d": S3 presigned links last at most 7 days (604800 seconds)',
    );
  });
});

Deno.test("deno task publish --only-index publishes only the locked page and warns about a plain-HTTP address", async () => {
  await withProject(async (s3, cwd) => {
    await writeRunFixture(`${cwd}/reports`, RUN_1);
    const run = await runCli(
      "publish",
      [
        `reports/${RUN_1}`,
        "--only-index",
        "--public-url",
        "http://reports.example.com/weekly/",
      ],
      { cwd, env: s3Env(s3) },
    );
    equal(run.code, 0, run.stderr);
    deepEqual(JSON.parse(lastLine(run.stdout)), {
      runId: RUN_1,
      dir: `reports/${RUN_1}`,
      url: "http://reports.example.com/weekly/",
    });
    match(
      run.stderr,
      /warning: The locked report at "http:\/\/reports.example.com\/weekly\/" is served over plain HTTP/,
    );
    const manifest = await (await fetch(
      `${s3.endpoint}/reports/weekly/runs/${RUN_1}/manifest.json`,
    )).json();
    deepEqual(manifest.files.map((f: { path: string }) => f.path), [
      "index.html",
    ]);
    equal("parameters" in manifest, false);
    equal(
      (await fetch(`${s3.endpoint}/reports/weekly/runs/${RUN_1}/report.json`))
        .status,
      404,
    );
  });
});

Deno.test("deno task publish of an older run after a newer one publishes it but keeps readers on the newer, and says so", async () => {
  await withProject(async (s3, cwd) => {
    const env = s3Env(s3);
    await writeRunFixture(`${cwd}/reports`, RUN_2);
    await writeRunFixture(`${cwd}/reports`, RUN_1);
    const newer = await runCli("publish", [`reports/${RUN_2}`], { cwd, env });
    equal(newer.code, 0, newer.stderr);
    const older = await runCli("publish", [`reports/${RUN_1}`], { cwd, env });
    equal(older.code, 0, older.stderr);
    deepEqual(JSON.parse(lastLine(older.stdout)), {
      runId: RUN_1,
      dir: `reports/${RUN_1}`,
      madeCurrent: false,
      newer: RUN_2,
    });
    match(
      older.stderr,
      new RegExp(
        `run ${RUN_1} is published but not made current: run ${RUN_2} is newer`,
      ),
    );
    const index = await fetch(`${s3.endpoint}/reports/weekly/index.html`);
    equal(await index.text(), runFixtureFiles(RUN_2)["index.html"]);
  });
});
