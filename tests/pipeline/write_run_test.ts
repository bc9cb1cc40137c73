import { writeRun, writeText } from "../../src/pipeline/write_run.ts";
import { assertEquals, assertOk, assertRejects } from "../assert.ts";

async function listing(dir: string): Promise<string[]> {
  const names: string[] = [];
  for await (const entry of Deno.readDir(dir)) names.push(entry.name);
  return names.sort();
}

Deno.test("writeRun() writes the run's folder and a copy of it as latest, replacing the previous latest", async () => {
  const out = await Deno.makeTempDir({ prefix: "basket-write-run-" });
  try {
    const first = await writeRun(
      out,
      "20250101T000000Z",
      new Map([["index.html", "first"], ["tables/a.csv", "a\r\n1\r\n"]]),
    );
    assertEquals(first, `${out}/20250101T000000Z`);
    await writeRun(
      out,
      "20250101T000001Z",
      new Map([["index.html", "second"]]),
    );
    assertEquals(await listing(out), [
      "20250101T000000Z",
      "20250101T000001Z",
      "latest",
    ]);
    assertEquals(
      await Deno.readTextFile(`${first}/tables/a.csv`),
      "a\r\n1\r\n",
    );
    assertEquals(await listing(`${out}/latest`), ["index.html"]);
    assertEquals(await Deno.readTextFile(`${out}/latest/index.html`), "second");
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("writeRun() refuses a run whose folder exists and leaves the folders as they were", async () => {
  const out = await Deno.makeTempDir({ prefix: "basket-write-run-" });
  try {
    await writeRun(out, "20250101T000000Z", new Map([["index.html", "first"]]));
    await assertRejects(
      () =>
        writeRun(out, "20250101T000000Z", new Map([["index.html", "again"]])),
      Error,
      `Cannot write run "20250101T000000Z": "${out}/20250101T000000Z" exists already`,
    );
    assertEquals(await listing(out), ["20250101T000000Z", "latest"]);
    assertEquals(
      await Deno.readTextFile(`${out}/20250101T000000Z/index.html`),
      "first",
    );
    assertEquals(await Deno.readTextFile(`${out}/latest/index.html`), "first");
  } finally {
    await Deno.remove(out, { recursive: true });
  }
});

Deno.test("writeText() writes the bytes TextEncoder makes, a slice at a time, never cutting a character", async () => {
  const dir = await Deno.makeTempDir({ prefix: "basket-write-text-" });
  try {
    // One-, two-, three- and four-byte characters, a lone surrogate, and
    // enough of them that small slices end inside each kind.
    const text = "a€é😀\ud800zß中🎉".repeat(3_000);
    const expected = new TextEncoder().encode(text);
    for (const chunk of [4, 5, 7, 4_096, 1 << 20]) {
      const path = `${dir}/t${chunk}.txt`;
      await Deno.writeTextFile(
        path,
        "longer text that must be truncated ".repeat(9_999),
      );
      await writeText(path, text, chunk);
      // Compared without a diff: a failure's diff of 60,000 bytes is slow.
      const written = await Deno.readFile(path);
      assertOk(
        written.length === expected.length &&
          written.every((byte, i) => byte === expected[i]),
        `slices of ${chunk} bytes: ${written.length} bytes for ${expected.length}`,
      );
    }
    await writeText(`${dir}/empty.txt`, "");
    assertEquals((await Deno.readFile(`${dir}/empty.txt`)).length, 0);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
