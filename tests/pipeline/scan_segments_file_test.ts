import { assertEquals, assertOk, assertRejects } from "../assert.ts";
import { scanSegmentSnapshot } from "../../src/figures/segments/read_segment_snapshot.ts";
import { formatSegmentSnapshot } from "../../src/figures/segments/segment_snapshot.ts";
import { scanSegmentsFile } from "../../src/pipeline/scan_segments_file.ts";

const RUN = "20260102T030405Z";

/** A small seeded generator (mulberry32), so that a failure repeats. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ID_PIECES = ["a", "K-01", '"', "\\", "é", "😀", "\u2028", "\n", "/", "Ω"];
const NAMES = ["Champions", "Lost", "At Risk", "Loyal Customers", "Ñew"];

/** A segments file as Basket writes it, of `n` customers with awkward ids. */
function fileText(next: () => number, n: number): string {
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const ids = [...Array(n)].map((_, i) =>
    [...Array(1 + Math.floor(next() * 4))].map(() => pick(ID_PIECES)).join("") +
    i
  );
  return formatSegmentSnapshot({
    runId: RUN,
    generatedAt: "",
    asOf: next() < 0.5 ? "2026-01-01" : null,
    source: "fixtüre",
    fingerprint: "f",
    ids,
    segments: NAMES,
    segment: ids.map(() => Math.floor(next() * NAMES.length)),
    revenue: ids.map(() => Math.round((next() - 0.3) * 1e5) / 100),
  });
}

const encoder = new TextEncoder();
/** The file's text as Deno.readTextFile reads it. */
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/** What scanSegmentSnapshot makes of the text: the header and rows, or the error. */
function fromText(bytes: Uint8Array) {
  try {
    const { rows, ...header } = scanSegmentSnapshot(
      decoder.decode(bytes),
      "r/segments.json",
      RUN,
    );
    return { header, rows: [...rows()] };
  } catch (error) {
    assertOk(error instanceof SyntaxError, String(error));
    return { error: (error as Error).message };
  }
}

/** What scanSegmentsFile makes of the same bytes in a file, read `bufferSize` bytes at a time. */
async function fromFile(path: string, bytes: Uint8Array, bufferSize: number) {
  await Deno.writeFile(path, bytes);
  try {
    const { rows, path: _, ...header } = await scanSegmentsFile(
      path,
      "r/segments.json",
      RUN,
      bufferSize,
    );
    return { header, rows: await Array.fromAsync(rows()) };
  } catch (error) {
    assertOk(error instanceof SyntaxError, String(error));
    return { error: (error as Error).message };
  }
}

/** Bytes that break a file in one place: JSON's characters, escapes, multi-byte and broken UTF-8. */
const BREAKS = [
  ...'"\\,:[]{} \n\t1-.eEAZz0u/',
  "é",
  "😀",
  "\u0001",
  "\\u00",
  "\\u0041",
  '"x":1,',
  '"schema":"other",',
  '"ids":[],',
  '"segment":"A",',
  "\ufeff",
].map((s) => encoder.encode(s)).concat([
  new Uint8Array([0x80]),
  new Uint8Array([0xc3]),
  new Uint8Array([0xf0, 0x9f]),
  new Uint8Array([0xe2, 0x82]),
  new Uint8Array([0xff]),
]);

/** `bytes` broken once: a range cut out, something put in, or the file cut short. */
function broken(next: () => number, bytes: Uint8Array): Uint8Array {
  const at = Math.floor(next() * (bytes.length + 1));
  const kind = next();
  if (kind < 0.2) return bytes.slice(0, at);
  const cut = kind < 0.5 ? 1 + Math.floor(next() * 3) : 0;
  const put = kind < 0.35 ? new Uint8Array() : BREAKS[
    Math.floor(next() * BREAKS.length)
  ];
  const out = new Uint8Array(
    bytes.length - Math.min(cut, bytes.length - at) + put.length,
  );
  out.set(bytes.subarray(0, at));
  out.set(put, at);
  out.set(bytes.subarray(Math.min(bytes.length, at + cut)), at + put.length);
  return out;
}

Deno.test("scanSegmentsFile() reads what scanSegmentSnapshot reads from the same text, row for row, whatever the buffer's size", async () => {
  const dir = await Deno.makeTempDir({ prefix: "basket-scan-" });
  try {
    const next = random(7);
    for (let k = 0; k < 40; k++) {
      let text = fileText(next, Math.floor(next() * 12));
      if (k % 3 === 1) text = JSON.stringify(JSON.parse(text), null, 1);
      if (k % 3 === 2) {
        // Another order of members, and a member of no use.
        const { ids, ...rest } = JSON.parse(text);
        text = JSON.stringify({ extra: [{ a: "é" }], ...rest, ids });
      }
      const bytes = encoder.encode(text);
      const expected = fromText(bytes);
      assertOk("rows" in expected, expected.error);
      for (const size of [1, 2, 3, 5, 64, 1 << 20]) {
        assertEquals(
          await fromFile(`${dir}/s.json`, bytes, size),
          expected,
          `${text} (${size} bytes at a time)`,
        );
      }
    }
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("scanSegmentsFile() refuses every broken file scanSegmentSnapshot refuses, with the same words and character", async () => {
  const dir = await Deno.makeTempDir({ prefix: "basket-scan-" });
  try {
    const next = random(11);
    const messages = new Set<string>();
    let refused = 0;
    for (let k = 0; k < 1500; k++) {
      let bytes: Uint8Array = encoder.encode(
        fileText(next, 1 + Math.floor(next() * 5)),
      );
      for (let times = 1 + Math.floor(next() * 2); times > 0; times--) {
        bytes = broken(next, bytes);
      }
      const expected = fromText(bytes);
      if (expected.error !== undefined) {
        refused++;
        messages.add(expected.error.replace(/\d+/g, "N").slice(0, 60));
      }
      const size = [1, 2, 3, 7, 1 << 20][k % 5];
      assertEquals(
        await fromFile(`${dir}/s.json`, bytes, size),
        expected,
        `${JSON.stringify(decoder.decode(bytes))} (${size} bytes at a time)`,
      );
    }
    // The texts broke in every way a reader names.
    assertOk(refused > 1000, `${refused}`);
    assertOk(messages.size >= 5, [...messages].join("\n"));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("scanSegmentsFile() names the file, the customer and the character as scanSegmentSnapshot does", async () => {
  const dir = await Deno.makeTempDir({ prefix: "basket-scan-" });
  try {
    const text = fileText(random(3), 3);
    const fails = async (broken: string, message: string) => {
      await Deno.writeTextFile(`${dir}/s.json`, broken);
      await assertRejects(
        () => scanSegmentsFile(`${dir}/s.json`, "r/segments.json", RUN, 4),
        SyntaxError,
        `Cannot read the segments in "r/segments.json": ${message}`,
      );
    };
    await fails('{"schema":"other"}', 'its schema is "other"');
    await fails("😀[]", "it is not JSON (at character 1)");
    await fails('{"😀":1,"a"}', "it is not JSON (at character 12)");
    await fails(
      text.replace('"ids":["', '"ids":[7,"'),
      "its ids, segments and revenues do not line up",
    );
    await fails(
      text.replace('"ids":["', '"ids":["\\x'),
      `it is not JSON (at character ${text.indexOf('"ids":["') + 8})`,
    );
    await fails(
      text.replace(/"segment":"./, '"segment":"é'),
      `customer 1 (${JSON.stringify(JSON.parse(text).ids[0])}) is not readable`,
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("scanSegmentsFile() rows of a file cut inside its letters after its check fail as not JSON rather than read on past its end", async () => {
  const dir = await Deno.makeTempDir({ prefix: "basket-scan-" });
  try {
    const text = fileText(random(5), 3);
    const path = `${dir}/s.json`;
    await Deno.writeTextFile(path, text);
    const file = await scanSegmentsFile(path, "r/segments.json", RUN, 4);
    // Changed after the check: the letters become a character of two
    // bytes, and the file ends there.
    const at = text.indexOf('"segment":"') + '"segment":"'.length;
    await Deno.writeTextFile(path, text.slice(0, at) + "é");
    await assertRejects(
      () => Array.fromAsync(file.rows()),
      SyntaxError,
      'Cannot read the segments in "r/segments.json": it is not JSON',
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("scanSegmentsFile() rows of a file left with fewer ids after its check fail, rather than repeat the last id", async () => {
  const dir = await Deno.makeTempDir({ prefix: "basket-scan-" });
  try {
    const text =
      '{"schema":"basket-segments/1","asOf":null,"source":"s","fingerprint":"f","segments":["At Risk","Lost"],"ids":["a","b"],"segment":"AB","revenue":[1,2]}';
    const path = `${dir}/s.json`;
    await Deno.writeTextFile(path, text);
    const file = await scanSegmentsFile(path, "r/segments.json", RUN, 4);
    // Changed after the check, every other column where it was.
    await Deno.writeTextFile(path, text.replace('["a","b"]', '["a"]    '));
    await assertRejects(
      () => Array.fromAsync(file.rows()),
      SyntaxError,
      "do not line up",
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
