/** What a password is looked up for, as libpq matches `~/.pgpass` lines. */
export interface PgpassKey {
  host: string;
  port: number | string;
  database: string;
  user: string;
}

/**
 * The password of the first `~/.pgpass` line that matches, as libpq reads
 * the file: `hostname:port:database:username:password`, `*` matching
 * anything, `\:` and `\\` escaping, `#` starting a comment. Undefined when
 * no line matches.
 *
 * @example
 * ```ts
 * import { pgpassPassword } from "./pgpass.ts";
 * const text = "# warehouse\ndb.example:5432:shop:ana:s3\\:cret\n*:*:*:*:other\n";
 * const key = { host: "db.example", port: 5432, database: "shop", user: "ana" };
 * if (pgpassPassword(text, key) !== "s3:cret") throw new Error("no match");
 * ```
 */
export function pgpassPassword(
  text: string,
  key: PgpassKey,
): string | undefined {
  const wanted = [key.host, String(key.port), key.database, key.user];
  for (const line of text.split(/\r?\n/)) {
    if (line.trim() === "" || line.startsWith("#")) continue;
    const fields = splitFields(line);
    if (fields.length < 5) continue;
    if (wanted.every((value, i) => fields[i] === "*" || fields[i] === value)) {
      return fields.slice(4).join(":");
    }
  }
  return undefined;
}

function splitFields(line: string): string[] {
  const fields = [""];
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "\\" && i + 1 < line.length) {
      fields[fields.length - 1] += line[++i];
    } else if (c === ":" && fields.length < 5) fields.push("");
    else fields[fields.length - 1] += c;
  }
  return fields;
}

/**
 * Reads the password file libpq would (`PGPASSFILE`, else `~/.pgpass`),
 * ignoring it, as libpq does, when others can read it. Undefined when
 * there is no such file or no line matches.
 */
export async function readPgpass(key: PgpassKey): Promise<string | undefined> {
  const home = Deno.env.get("HOME");
  const file = Deno.env.get("PGPASSFILE") ?? (home ? `${home}/.pgpass` : null);
  if (!file) return undefined;
  try {
    const info = await Deno.stat(file);
    if (info.mode !== null && (info.mode & 0o077) !== 0) return undefined;
    return pgpassPassword(await Deno.readTextFile(file), key);
  } catch {
    return undefined;
  }
}
