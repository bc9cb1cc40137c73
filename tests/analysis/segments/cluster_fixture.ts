/**
 * Sales of three kinds of customers for clustering tests: comic readers,
 * buyers of men's shoes and buyers of men's clothes (a sub-category name
 * that repeats across categories), 12 each, who now and then buy a little
 * of what the others buy. Seeded.
 */
import type { Customer, SaleLine } from "../../../src/model/schema.ts";
import { seededRandom } from "../../../src/stats/seeded_random.ts";
import { saleLine } from "../sale_line.ts";

export const PRODUCTS = [
  ["Books", "Comics"],
  ["Clothing", "Mens"],
  ["Footwear", "Mens"],
] as const;

const FAVOURITE = { comics: 0, clothes: 1, shoes: 2 } as const;

/** Sale lines and customers of the fixture. */
export function clusterFixture(seed = 1): {
  sales: SaleLine[];
  customers: Customer[];
} {
  const random = seededRandom(seed);
  const sales: SaleLine[] = [];
  const customers: Customer[] = [];
  let transaction = 0;
  for (const [kind, favourite] of Object.entries(FAVOURITE)) {
    for (let i = 0; i < 12; i++) {
      const id = `${kind}-${String(i).padStart(2, "0")}`;
      const visits = 2 + Math.floor(random() * 2);
      for (let v = 0; v < visits; v++) {
        const day = 1 + Math.floor(random() * 28);
        const tid = `t${transaction++}`;
        const date = `2024-02-${String(day).padStart(2, "0")}`;
        const [category, sub_category] = PRODUCTS[favourite];
        sales.push(saleLine({
          customer_id: id,
          transaction_id: tid,
          date,
          category,
          sub_category,
          amount: Math.round(80 + random() * 40),
        }));
        if (random() > 0.3) continue;
        const other = PRODUCTS[Math.floor(random() * PRODUCTS.length)];
        sales.push(saleLine({
          customer_id: id,
          transaction_id: tid,
          date,
          category: other[0],
          sub_category: other[1],
          amount: Math.round(5 + random() * 10),
        }));
      }
      customers.push({
        customer_id: id,
        birth_date: `${1950 + Math.floor(random() * 50)}-06-15`,
        gender: i % 3 === 0 ? null : i % 2 ? "F" : "M",
        city: `City ${1 + (i % 4)}`,
      });
    }
  }
  return { sales, customers };
}
