import { equal, ok, rejects } from "node:assert/strict";
import {
  decryptSidecarStream,
  sidecarHeader,
} from "../../../src/report/lock/sidecar_crypto.ts";
import { lockKey } from "../../../src/report/lock/encrypt_page.ts";
import { FAST_ITERATIONS } from "./locked_page.ts";

Deno.test("decryptSidecarStream() refuses a header whose chunk size is damaged to a large one before it reads a chunk, so that it never holds the file", async () => {
  const { key } = await lockKey("pw", {
    unsafeIterationsForTests: FAST_ITERATIONS,
  });
  const header = sidecarHeader(1 << 20, new Uint8Array(8));
  // One bit flipped in the size's high byte: 1 MiB reads as 257 MiB.
  header[12] ^= 0x10;
  let pulled = 0;
  async function* pieces() {
    yield header;
    // 64 MiB of a damaged file, 64 KiB at a time.
    for (let i = 0; i < 1024; i++) {
      pulled += 1 << 16;
      yield new Uint8Array(1 << 16);
    }
  }
  let written = 0;
  await rejects(
    decryptSidecarStream(key, pieces(), () => {
      written++;
    }),
    (error: Error) =>
      error instanceof SyntaxError &&
      /chunk size 269484032/.test(error.message),
  );
  equal(written, 0);
  ok(pulled <= 1 << 16, `${pulled} bytes read past the header`);
});

Deno.test("sidecarHeader() refuses a chunk size over 16 MiB, which no reader would open", () => {
  equal(sidecarHeader(1 << 24, new Uint8Array(8)).length, 24);
  let refused = false;
  try {
    sidecarHeader((1 << 24) + 1, new Uint8Array(8));
  } catch (error) {
    refused = error instanceof RangeError;
  }
  ok(refused);
});
