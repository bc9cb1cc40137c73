import { createDataset, type Dataset } from "../../../src/source/dataset.ts";

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

/** The CDNOW purchases as a Dataset built directly from the file's fields. */
export function cdnowDataset(): Promise<Dataset> {
  const text = Deno.readTextFileSync(new URL("CDNOW_sample.txt", CDNOW_DIR));
  const sales = text.trim().split("\n").map((line) => {
    const [, customer, day, cds, amount] = line.trim().split(/\s+/);
    return {
      date: `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`,
      store: null,
      city: null,
      region: null,
      channel: null,
      department: null,
      category: "CDs",
      sub_category: null,
      customer_id: customer,
      transaction_id: null,
      quantity: Number(cds),
      amount: Number(amount),
      gallons: null,
      fuel_type: null,
      fuel_price: null,
    };
  });
  return createDataset({ sales, source: "CDNOW sample" });
}
