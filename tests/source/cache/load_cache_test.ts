import { assertEquals, assertNotEquals, assertOk } from "../../assert.ts";
import {
  type CacheStore,
  evictEntries,
  writeEntry,
} from "../../../src/source/cache/cache_store.ts";
import { loadKey } from "../../../src/source/cache/load_key.ts";
import {
  openCachedSource,
  type SourceCache,
} from "../../../src/source/cache/open_cached_source.ts";
import { closeDataset, queryRows } from "../../../src/source/dataset.ts";
import type { LoadedSource } from "../../../src/source/load_report.ts";
import type { OpenSourceOptions } from "../../../src/source/open_source.ts";

const HEADER =
  "transaction_id,cust_id,tran_date,prod_subcat_code,prod_cat_code,Qty,Rate,Tax,total_amt,Store_type\n";

/** A three-file folder with a bad row, a repeated line and an unknown customer. */
async function writeThreeFile(dir: string): Promise<void> {
  await Deno.mkdir(dir, { recursive: true });
  await Deno.writeTextFile(
    `${dir}/Transactions.csv`,
    HEADER +
      "9,1,28-02-2014,4,1,1,10,1,11,e-Shop\n" +
      "9,1,28-02-2014,4,1,1,10,1,11,e-Shop\n" +
      "10,2,31-02-2014,4,1,1,10,1,11,e-Shop\n" +
      "11,7,03-03-2014,4,1,2,10.5,2.1,23.1,TeleShop\n",
  );
  await Deno.writeTextFile(
    `${dir}/prod_cat_info.csv`,
    "prod_cat_code,prod_cat,prod_sub_cat_code,prod_subcat\n1,Clothing,4,Mens\n",
  );
  await Deno.writeTextFile(
    `${dir}/Customer.csv`,
    "customer_Id,DOB,Gender,city_code\n1,25-01-1970,M,4\n2,02-02-1980,F,3\n",
  );
}

/** Everything a load leaves: its report, its source line and every row of its tables, in order. */
async function contents(loaded: LoadedSource) {
  const rows = async (table: string) =>
    await queryRows(loaded.dataset, `SELECT * FROM ${table}`);
  return {
    report: loaded.report,
    source: loaded.dataset.source,
    hasCustomers: loaded.dataset.hasCustomers,
    sales: await rows("sales"),
    customers: await rows("customers"),
    rejects: await rows("rejects"),
  };
}

async function withCache(
  fn: (cache: SourceCache, tmp: string, logged: string[]) => Promise<void>,
) {
  const tmp = await Deno.makeTempDir({ prefix: "basket-cache-" });
  const logged: string[] = [];
  try {
    await fn(
      {
        dir: `${tmp}/cache`,
        maxBytes: 100_000_000,
        version: "test",
        log: (line) => logged.push(line),
      },
      tmp,
      logged,
    );
  } finally {
    await Deno.remove(tmp, { recursive: true });
  }
}

async function open(options: OpenSourceOptions, cache: SourceCache) {
  const loaded = await openCachedSource(options, cache);
  try {
    return await contents(loaded);
  } finally {
    closeDataset(loaded.dataset);
  }
}

Deno.test("openCachedSource() reads a rerun back from the cache: the same rows in the same order, the same load report and rejected rows", async () => {
  await withCache(async (cache, tmp, logged) => {
    await writeThreeFile(`${tmp}/data`);
    const options: OpenSourceOptions = {
      data: `${tmp}/data`,
      onBadRows: "skip",
    };
    const first = await open(options, cache);
    assertEquals(logged.length, 0);
    assertEquals(first.report.rowsRejected, 1);
    assertEquals(first.report.duplicateLines, 1);
    const second = await open(options, cache);
    assertEquals(logged.length, 1);
    assertOk(logged[0].startsWith("cache "), logged[0]);
    assertEquals(second, first);
  });
});

Deno.test("openCachedSource() caches the built-in data by seed", async () => {
  await withCache(async (cache, _tmp, logged) => {
    const options = { seed: 3, simulate: { days: 20, customers: 30 } };
    const first = await open(options, cache);
    const second = await open(options, cache);
    assertEquals(logged.length, 1);
    assertEquals(second, first);
    await open({ ...options, seed: 4 }, cache);
    assertEquals(logged.length, 1, "another seed is another entry");
  });
});

Deno.test("loadKey() changes with a file's stamp, the load options and the version", async () => {
  await withCache(async (_cache, tmp) => {
    await writeThreeFile(`${tmp}/data`);
    const options: OpenSourceOptions = { data: `${tmp}/data` };
    const key = await loadKey(options, "1");
    assertEquals(await loadKey(options, "1"), key);
    assertNotEquals(await loadKey(options, "2"), key);
    assertNotEquals(await loadKey({ ...options, onBadRows: "skip" }, "1"), key);
    assertNotEquals(await loadKey({ ...options, dateFormat: "mdy" }, "1"), key);
    assertNotEquals(await loadKey({ ...options, encoding: "utf-8" }, "1"), key);
    assertNotEquals(await loadKey({ ...options, header: false }, "1"), key);
    assertNotEquals(await loadKey({ ...options, delimiter: ";" }, "1"), key);
    assertNotEquals(
      await loadKey({ ...options, map: { amount: "total_amt" } }, "1"),
      key,
    );
    await Deno.utime(`${tmp}/data/Customer.csv`, 1, 1_000);
    assertNotEquals(await loadKey(options, "1"), key);
  });
});

Deno.test("openCachedSource() ignores, removes and rebuilds a damaged entry", async () => {
  await withCache(async (cache, tmp, logged) => {
    await writeThreeFile(`${tmp}/data`);
    const options: OpenSourceOptions = {
      data: `${tmp}/data`,
      onBadRows: "skip",
    };
    const first = await open(options, cache);
    const [entry] = [...Deno.readDirSync(cache.dir)].map((e) => e.name);
    const sales = `${cache.dir}/${entry}/sales.parquet`;
    // The same size, other bytes: only reading it shows the damage.
    const bytes = await Deno.readFile(sales);
    bytes.fill(7, 4, bytes.length - 8);
    await Deno.writeFile(sales, bytes);
    assertEquals(await open(options, cache), first);
    assertEquals(logged.length, 0, "the damaged entry was not used");
    // Cut short: its manifest says otherwise.
    await Deno.truncate(sales, 10);
    assertEquals(await open(options, cache), first);
    assertEquals(logged.length, 0, "the cut entry was not used");
    await Deno.remove(`${cache.dir}/${entry}/entry.json`);
    assertEquals(await open(options, cache), first);
    assertEquals(logged.length, 0, "an entry without its manifest is not used");
    assertEquals(await open(options, cache), first);
    assertEquals(logged.length, 1, "the rebuilt entry is used");
  });
});

Deno.test("evictEntries() removes the least recently used entries past the bound", async () => {
  await withCache(async (cache, tmp) => {
    const store: CacheStore = { dir: `${tmp}/store`, maxBytes: 1_000_000 };
    for (const [i, key] of ["a", "b", "c"].entries()) {
      await writeEntry(store, key, async (dir) => {
        await Deno.writeFile(`${dir}/data`, new Uint8Array(400_000));
      });
      await Deno.utime(`${store.dir}/${key}/entry.json`, i + 1, [3, 1, 2][i]);
    }
    await evictEntries({ ...store, maxBytes: 900_000 });
    const left = [...Deno.readDirSync(store.dir)].map((e) => e.name).sort();
    assertEquals(left, ["a", "c"], "b was used least recently");
    assertOk(cache);
  });
});
