import type { CubeGrain } from "../../figures/sales/sales_cube.ts";

/** The SQL expression of a line's period at `grain`: its day, or the first day of its week or month. */
export function periodSql(grain: CubeGrain): string {
  return grain === "day"
    ? "date"
    : `CAST(date_trunc('${grain}', CAST(date AS TIMESTAMP)) AS DATE)`;
}
