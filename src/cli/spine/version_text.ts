import config from "../../../deno.json" with { type: "json" };
import { VERSION } from "../../version.ts";

/**
 * What `--version` prints: Basket's version, Deno's, and DuckDB's. DuckDB's
 * is read from the `@duckdb/node-api` version pinned in deno.json (its
 * version is DuckDB's plus `-r.N`), so that commands that never load DuckDB
 * (publish, share, serve, notebooks, schedule) need neither its native
 * library nor the FFI permission to say it.
 */
export function versionText(): string {
  const pinned = config.imports["@duckdb/node-api"].replace(/^npm:.*@/, "");
  return [
    `basket ${VERSION}`,
    `deno ${Deno.version.deno}`,
    `duckdb ${pinned.replace(/-r\.\d+$/, "")} (@duckdb/node-api ${pinned})`,
  ].join("\n");
}
