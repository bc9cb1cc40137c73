import { deepEqual, equal, ok, rejects } from "node:assert/strict";
import {
  decryptSidecarFile,
  encryptSidecarFile,
  openLockedSidecar,
} from "../../src/pipeline/locked_sidecar.ts";
import { encryptPage, lockKey } from "../../src/report/lock/encrypt_page.ts";
import { unlockPageKey } from "../../src/report/lock/decrypt_page.ts";
import {
  SIDECAR_HEADER_BYTES,
  SIDECAR_MAGIC,
  SIDECAR_TAG_BYTES,
} from "../../src/report/lock/sidecar_crypto.ts";
import { FAST_ITERATIONS } from "../report/lock/locked_page.ts";

const CHUNK = 64;

/** Bytes that differ from chunk to chunk, so that a swap shows. */
function bytesOf(length: number): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 7 + (i >> 6)) & 0xff);
}

async function sealed(
  plain: Uint8Array,
  chunk = CHUNK,
): Promise<{ dir: string; key: CryptoKey; file: string }> {
  const dir = await Deno.makeTempDir();
  const key = await lockKey("pw", {
    unsafeIterationsForTests: FAST_ITERATIONS,
  });
  await Deno.writeFile(`${dir}/plain`, plain);
  await encryptSidecarFile(key, `${dir}/plain`, `${dir}/sealed`, chunk);
  return { dir, key: key.key, file: `${dir}/sealed` };
}

Deno.test("a sidecar decrypts to the same bytes, whatever their length against the chunk size", async () => {
  for (
    const length of [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 1000]
  ) {
    const plain = bytesOf(length);
    const { dir, key, file } = await sealed(plain);
    const bytes = await Deno.readFile(file);
    const chunks = Math.max(1, Math.ceil(length / CHUNK));
    equal(
      bytes.length,
      SIDECAR_HEADER_BYTES + length + chunks * SIDECAR_TAG_BYTES,
      `length ${length}`,
    );
    equal(new TextDecoder().decode(bytes.subarray(0, 8)), SIDECAR_MAGIC);
    await decryptSidecarFile(key, file, `${dir}/out`);
    deepEqual(await Deno.readFile(`${dir}/out`), plain, `length ${length}`);
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("a sidecar cut short, lengthened, with chunks swapped or changed, or under another key does not decrypt, and leaves no output", async () => {
  const plain = bytesOf(4 * CHUNK + 10);
  const { dir, key, file } = await sealed(plain);
  const bytes = await Deno.readFile(file);
  const sealedChunk = CHUNK + SIDECAR_TAG_BYTES;
  const at = (i: number) => SIDECAR_HEADER_BYTES + i * sealedChunk;
  const swapped = new Uint8Array(bytes);
  swapped.set(bytes.subarray(at(1), at(2)), at(0));
  swapped.set(bytes.subarray(at(0), at(1)), at(1));
  const flipped = new Uint8Array(bytes);
  flipped[at(2) + 5] ^= 1;
  const headerChanged = new Uint8Array(bytes);
  headerChanged[20] ^= 1;
  const other = await sealed(plain);
  const cases: Record<string, Uint8Array> = {
    "cut at a chunk's end": bytes.subarray(0, at(2)),
    "cut inside a chunk": bytes.subarray(0, at(2) + 20),
    "cut to its header": bytes.subarray(0, SIDECAR_HEADER_BYTES),
    "one byte more": new Uint8Array([...bytes, 0]),
    "a chunk more": new Uint8Array([...bytes, ...bytes.subarray(at(0), at(1))]),
    "chunks swapped": swapped,
    "a byte changed": flipped,
    "its nonce prefix changed": headerChanged,
    "another file's last chunk": new Uint8Array([
      ...bytes.subarray(0, at(4)),
      ...(await Deno.readFile(other.file)).subarray(at(4)),
    ]),
  };
  for (const [name, damaged] of Object.entries(cases)) {
    await Deno.writeFile(`${dir}/damaged`, damaged);
    await rejects(
      decryptSidecarFile(key, `${dir}/damaged`, `${dir}/out`),
      (error: unknown) =>
        error instanceof DOMException && error.name === "OperationError",
      name,
    );
    await rejects(Deno.stat(`${dir}/out`), Deno.errors.NotFound, name);
  }
  await rejects(
    decryptSidecarFile(other.key, file, `${dir}/out`),
    (error: unknown) =>
      error instanceof DOMException && error.name === "OperationError",
  );
  await Deno.writeFile(`${dir}/damaged`, new TextEncoder().encode("{}"));
  await rejects(
    decryptSidecarFile(key, `${dir}/damaged`, `${dir}/out`),
    /cut short inside its header/,
  );
  await Deno.writeFile(
    `${dir}/damaged`,
    new TextEncoder().encode('{"schema":"basket-segments/1","ids":[]}'),
  );
  await rejects(
    decryptSidecarFile(key, `${dir}/damaged`, `${dir}/out`),
    /not an encrypted Basket file/,
  );
  await Deno.remove(dir, { recursive: true });
  await Deno.remove(other.dir, { recursive: true });
});

Deno.test("openLockedSidecar() opens an earlier locked run's sidecar with the page's password, or says why not", async () => {
  const dir = await Deno.makeTempDir();
  const key = await lockKey("right password", {
    unsafeIterationsForTests: FAST_ITERATIONS,
  });
  const page = await encryptPage("<p>report</p>", { key });
  equal((await unlockPageKey(page, "right password")).html, "<p>report</p>");
  const plain = new TextEncoder().encode('{"ids":["C1"],"segment":"A"}');
  await Deno.writeFile(`${dir}/segments.json`, plain);
  await encryptSidecarFile(
    key,
    `${dir}/segments.json`,
    `${dir}/segments.json.enc`,
  );
  const open = (
    page: string,
    password: string,
    sidecar = "segments.json.enc",
  ) =>
    openLockedSidecar(page, `${dir}/${sidecar}`, password, `${dir}/out.json`);

  deepEqual(await open(page, "right password"), { ok: true });
  deepEqual(await Deno.readFile(`${dir}/out.json`), plain);
  await Deno.remove(`${dir}/out.json`);

  deepEqual(await open(page, "wrong password"), {
    ok: false,
    reason: "it is locked with another password",
  });
  deepEqual(await open(page, "right password", "missing.json.enc"), {
    ok: false,
    reason: "it is locked and has no missing.json.enc",
  });
  const other = await encryptPage("<p>report</p>", {
    password: "right password",
    unsafeIterationsForTests: FAST_ITERATIONS,
  });
  deepEqual(await open(other, "right password"), {
    ok: false,
    reason:
      "its segments.json.enc is damaged: cut short, changed, or not this run's",
  });
  const bytes = await Deno.readFile(`${dir}/segments.json.enc`);
  await Deno.writeFile(`${dir}/cut.enc`, bytes.subarray(0, bytes.length - 1));
  deepEqual(await open(page, "right password", "cut.enc"), {
    ok: false,
    reason: "its cut.enc is damaged: cut short, changed, or not this run's",
  });
  const result = await open("<p>not locked</p>", "right password");
  ok(!result.ok && /holds no encrypted report/.test(result.reason));
  await rejects(Deno.stat(`${dir}/out.json`), Deno.errors.NotFound);
  await Deno.remove(dir, { recursive: true });
});
