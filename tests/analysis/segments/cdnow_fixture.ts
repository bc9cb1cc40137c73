import type { Dataset } from "../../../src/source/dataset.ts";
import { loadSource } from "../../../src/source/load_source.ts";

/** The CDNOW sample (see ../shared/datasets/cdnow/README.md), never copied into the project. */
export const CDNOW_DIR = new URL(
  "../../../../shared/datasets/cdnow/",
  import.meta.url,
);

/** The published calibration summary: ID → x, t_x, T, zbar (rounded to 2 decimals). */
export function cdnowSummary(): Map<number, number[]> {
  const text = Deno.readTextFileSync(
    new URL("cdnow_customers_summary.csv", CDNOW_DIR),
  );
  return new Map(
    text.trim().split("\n").slice(1).map((line) => {
      const [id, ...rest] = line.split(",").map(Number);
      return [id, rest];
    }),
  );
}

/**
 * The CDNOW purchases read as a user reads them: a whitespace-separated
 * file without a header, through `--map`. The customer is column 2, the
 * id within the sample, which the summary's `ID` names (column 1 is the id
 * in the whole CDNOW base); a customer's lines on one day are one purchase.
 */
export async function cdnowDataset(): Promise<Dataset> {
  const { dataset } = await loadSource({
    path: new URL("CDNOW_sample.txt", CDNOW_DIR).pathname,
    header: false,
    delimiter: "whitespace",
    map: { customer_id: "2", date: "3", quantity: "4", amount: "5" },
  });
  return dataset;
}
