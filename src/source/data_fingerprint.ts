import { type Dataset, queryRows } from "./dataset.ts";
import {
  CUSTOMER_COLUMNS,
  PRODUCT_COLUMNS,
  SALES_COLUMNS,
} from "../model/schema.ts";

/**
 * A fingerprint of the data a report was built from: the line counts and a
 * sum of row hashes of both tables, so that the same data in any order gives
 * the same fingerprint and any changed value gives another. The product
 * columns count only when one of them holds a value, so that data without
 * products keeps the fingerprint it had before they were added.
 */
export async function dataFingerprint(data: Dataset): Promise<string> {
  const [products] = await queryRows<{ n: number }>(
    data,
    `SELECT count(*)::INTEGER AS n FROM sales WHERE ${
      PRODUCT_COLUMNS.map((c) => `${c} IS NOT NULL`).join(" OR ")
    }`,
  );
  const salesColumns = products.n > 0
    ? SALES_COLUMNS
    : SALES_COLUMNS.filter((c) => !PRODUCT_COLUMNS.includes(c.name));
  const part = async (table: string, columns: readonly { name: string }[]) => {
    const names = columns.map((c) => c.name).join(", ");
    // DuckDB's hash() has no PostgreSQL twin: there, each row's text form
    // through md5, its first 64 bits as a number (another fingerprint).
    const hash = data.engine?.dialect === "postgres"
      ? `('x' || left(md5(CAST(ROW(${names}) AS TEXT)), 16))::bit(64)::bigint::numeric + 9223372036854775808`
      : `hash(${names})`;
    const [row] = await queryRows<{ n: number; h: string }>(
      data,
      `SELECT count(*) AS n, CAST(coalesce(sum(${hash}), 0) % 18446744073709551616 AS VARCHAR) AS h FROM ${table}`,
    );
    return `${row.n}:${BigInt(row.h).toString(16).padStart(16, "0")}`;
  };
  return `sales ${await part("sales", salesColumns)}; customers ${await part(
    "customers",
    CUSTOMER_COLUMNS,
  )}`;
}
