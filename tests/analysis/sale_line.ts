/** Builds sale lines for tests: only the fields a test cares about. */
import type { SaleLine } from "../../src/model/schema.ts";

/** A sale line with neutral defaults for every field not given. */
export function saleLine(fields: Partial<SaleLine>): SaleLine {
  const amount = fields.amount ?? 10;
  return {
    date: "2024-01-01",
    store: "S1",
    city: null,
    region: null,
    channel: null,
    department: null,
    category: "Books",
    sub_category: "Comics",
    customer_id: "C1",
    transaction_id: null,
    quantity: Math.sign(amount),
    amount,
    gallons: null,
    fuel_type: null,
    fuel_price: null,
    ...fields,
  };
}
