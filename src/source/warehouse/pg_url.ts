/** A `postgresql://` (or `postgres://`) connection URL, as `--data` takes it. */
export function isWarehouseUrl(data: string): boolean {
  return /^postgres(ql)?:\/\//i.test(data);
}

/**
 * The URL as Basket shows it (in messages, report.json and the page):
 * without its password, and without any query parameter, which may
 * carry one (`?password=`, `?sslpassword=`).
 *
 * @example
 * ```ts
 * import { redactedUrl } from "./pg_url.ts";
 * const shown = redactedUrl("postgresql://ana:s3cret@db.example:5432/shop?sslmode=require");
 * if (shown !== "postgresql://ana@db.example:5432/shop") throw new Error(shown);
 * ```
 */
export function redactedUrl(url: string): string {
  const match = /^(postgres(?:ql)?:\/\/)([^@/?#]*@)?([^?#]*)/i.exec(url);
  if (!match) return "postgresql://…";
  const user = match[2] ? match[2].slice(0, -1).split(":")[0] : "";
  return `${match[1]}${user ? `${user}@` : ""}${match[3]}`;
}
