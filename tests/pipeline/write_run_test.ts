import { writeRun } from "../../src/pipeline/write_run.ts";
import { assertEquals, assertRejects } from "../assert.ts";

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
