import { assertEquals } from "../assert.ts";
import { cachedBundle } from "../../src/pipeline/cached_bundle.ts";

Deno.test("cachedBundle() bundles once, then reads the script from the cache, and bundles again when the entry is damaged", async () => {
  const tmp = await Deno.makeTempDir({ prefix: "basket-bundle-cache-" });
  try {
    const store = { dir: tmp, maxBytes: 1_000_000 };
    let bundles = 0;
    const bundle = () => Promise.resolve(`console.log(${++bundles});`);
    assertEquals(await cachedBundle(store, bundle), "console.log(1);");
    assertEquals(await cachedBundle(store, bundle), "console.log(1);");
    assertEquals(bundles, 1);
    const [entry] = [...Deno.readDirSync(tmp)].map((e) => e.name);
    assertEquals(entry.startsWith("bundle-"), true);
    await Deno.writeTextFile(`${tmp}/${entry}/main.js`, "console.log(");
    assertEquals(await cachedBundle(store, bundle), "console.log(2);");
    assertEquals(await cachedBundle(store, bundle), "console.log(2);");
    assertEquals(bundles, 2);
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
});
