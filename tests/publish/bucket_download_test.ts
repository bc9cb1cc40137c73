import { assertEquals, assertOk, assertRejects } from "../assert.ts";
import { openBucket } from "../../src/publish/s3_bucket.ts";
import { PublishError } from "../../src/publish/publish_error.ts";
import { NO_WAIT, startTestS3 } from "./s3_test_server.ts";

const PUT = { contentType: "application/json", cacheControl: "no-cache" };

Deno.test("S3Bucket.download() streams an object into a file, says when there is none, and leaves no part of a failed download", async () => {
  const s3 = await startTestS3();
  const dir = await Deno.makeTempDir({ prefix: "basket-download-" });
  try {
    const client = s3.client();
    const bucket = openBucket(client, s3.config(), { retry: NO_WAIT });
    // Bytes of every value, more than one piece of the response.
    const bytes = new Uint8Array(3_000_001).map((_, i) => (i * 7919) % 256);
    await bucket.put("r/segments.json", bytes, PUT);
    const to = `${dir}/segments.json`;
    assertEquals(await bucket.download("r/segments.json", to), true);
    assertEquals(await Deno.readFile(to), bytes);

    assertEquals(await bucket.download("r/none.json", `${dir}/none`), false);
    assertEquals(await exists(`${dir}/none`), false);

    // Every answer's body breaks after its first piece.
    client.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        const output = result.output as { Body?: unknown };
        if (output.Body) {
          output.Body = {
            transformToWebStream: () => {
              let sent = false;
              return new ReadableStream<Uint8Array>({
                pull(controller) {
                  if (sent) controller.error(new Error("connection reset"));
                  else {
                    sent = true;
                    controller.enqueue(bytes.subarray(0, 1000));
                  }
                },
              });
            },
          };
        }
        return result;
      },
      { step: "initialize", name: "breakBodies" },
    );
    await assertRejects(
      () => bucket.download("r/segments.json", `${dir}/broken`),
      PublishError,
      'downloading "r/segments.json"',
    );
    assertEquals(await exists(`${dir}/broken`), false);
    assertOk(await exists(to), "an earlier download is left alone");
  } finally {
    await Deno.remove(dir, { recursive: true });
    await s3.close();
  }
});

async function exists(path: string): Promise<boolean> {
  try {
    await Deno.stat(path);
    return true;
  } catch (error) {
    if (error instanceof Deno.errors.NotFound) return false;
    throw error;
  }
}
