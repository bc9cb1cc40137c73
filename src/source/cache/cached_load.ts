import { join } from "node:path";
import { closeDataset, openDatabase } from "../dataset.ts";
import type { LoadedSource, LoadReport } from "../load_report.ts";
import { ensureRejectsTable } from "../stage_csv.ts";
import { sqlString } from "../../model/sql_string.ts";
import {
  type CacheStore,
  dropEntry,
  findEntry,
  writeEntry,
} from "./cache_store.ts";

/** The tables a load leaves, each cached as one Parquet file. */
const TABLES = ["sales", "customers", "rejects"] as const;

/** What a cached load keeps besides its tables. */
interface LoadFacts {
  report: LoadReport;
  source: string;
  hasCustomers: boolean;
}

/**
 * The load cached under `key`, read back into a new in-memory database,
 * or null when there is none; a damaged entry (a file missing, cut short or
 * unreadable) is removed and reads as none.
 */
export async function readCachedLoad(
  store: CacheStore,
  key: string,
): Promise<LoadedSource | null> {
  const dir = await findEntry(store, key);
  if (!dir) return null;
  let connection;
  try {
    const facts: LoadFacts = JSON.parse(
      await Deno.readTextFile(join(dir, "load.json")),
    );
    connection = await openDatabase();
    await ensureRejectsTable(connection);
    for (const table of TABLES) {
      await connection.run(
        `INSERT INTO ${table} SELECT * FROM read_parquet(${
          sqlString(join(dir, `${table}.parquet`))
        })`,
      );
    }
    return {
      dataset: {
        connection,
        hasCustomers: facts.hasCustomers,
        source: facts.source,
      },
      report: facts.report,
    };
  } catch {
    if (connection) closeDataset({ connection });
    await dropEntry(store, key);
    return null;
  }
}

/**
 * Caches a load under `key`: its three tables as Parquet (in their order,
 * each value exactly) and its load report, atomically (see writeEntry).
 */
export async function writeCachedLoad(
  store: CacheStore,
  key: string,
  loaded: LoadedSource,
): Promise<void> {
  const { connection } = loaded.dataset;
  await ensureRejectsTable(connection);
  await writeEntry(store, key, async (dir) => {
    for (const table of TABLES) {
      await connection.run(
        `COPY ${table} TO ${
          sqlString(join(dir, `${table}.parquet`))
        } (FORMAT parquet, COMPRESSION zstd)`,
      );
    }
    const facts: LoadFacts = {
      report: loaded.report,
      source: loaded.dataset.source,
      hasCustomers: loaded.dataset.hasCustomers,
    };
    await Deno.writeTextFile(join(dir, "load.json"), JSON.stringify(facts));
  });
}
