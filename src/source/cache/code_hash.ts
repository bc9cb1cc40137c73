import { join } from "node:path";

const ROOT = new URL("../../../", import.meta.url);

let memo: Promise<string> | undefined;

/**
 * A SHA-256 of Basket's own code: every file under `src/`, with
 * `deno.json` and `deno.lock` (which pin DuckDB, Plot and the rest) and the
 * Deno version. A cached entry keyed by it can never outlive a change to the
 * code that made it, even one that kept the version number. About 1.6 MB,
 * read once a process.
 */
export function codeHash(): Promise<string> {
  memo ??= hashCode();
  return memo;
}

async function hashCode(): Promise<string> {
  const root = ROOT.pathname;
  const files: string[] = [];
  const walk = async (dir: string) => {
    for await (const entry of Deno.readDir(join(root, dir))) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory) await walk(path);
      else if (entry.isFile) files.push(path);
    }
  };
  await walk("src");
  files.sort();
  files.push("deno.json", "deno.lock");
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [encoder.encode(`deno ${Deno.version.deno}\n`)];
  for (const path of files) {
    const bytes = await Deno.readFile(join(root, path)).catch(() =>
      new Uint8Array()
    );
    parts.push(encoder.encode(`${path} ${bytes.length}\n`), bytes);
  }
  return await sha256(parts);
}

/** The hex SHA-256 of some texts or bytes, one after the other. */
export async function sha256(
  parts: readonly (string | Uint8Array)[],
): Promise<string> {
  const encoder = new TextEncoder();
  const chunks = parts.map((p) =>
    typeof p === "string" ? encoder.encode(p) : p
  );
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const chunk of chunks) {
    all.set(chunk, at);
    at += chunk.length;
  }
  const digest = await crypto.subtle.digest("SHA-256", all);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0"))
    .join("");
}
