import { type Dataset, queryRows } from "./dataset.ts";
import { CUSTOMER_COLUMNS, SALES_COLUMNS } from "../model/schema.ts";

/**
 * A fingerprint of the data a report was built from: the line counts and a
 * sum of row hashes of both tables, so that the same data in any order gives
 * the same fingerprint and any changed value gives another.
 */
export async function dataFingerprint(data: Dataset): Promise<string> {
  const part = async (table: string, columns: readonly { name: string }[]) => {
    const [row] = await queryRows<{ n: number; h: string }>(
      data,
      `SELECT count(*) AS n, CAST(coalesce(sum(hash(${
        columns.map((c) => c.name).join(", ")
      })), 0) % 18446744073709551616 AS VARCHAR) AS h FROM ${table}`,
    );
    return `${row.n}:${BigInt(row.h).toString(16).padStart(16, "0")}`;
  };
  return `sales ${await part("sales", SALES_COLUMNS)}; customers ${await part(
    "customers",
    CUSTOMER_COLUMNS,
  )}`;
}
