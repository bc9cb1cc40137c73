/**
 * Sale lines for the sales tests: `line()` fills in the columns a test does
 * not care about; `syntheticSales()` makes a deterministic, varied data set
 * of any size over the same stores, categories and days.
 */
import type { SaleLine } from "../../src/model/schema.ts";

/** A sale line with every optional column empty, overridden by `fields`. */
export function line(fields: Partial<SaleLine> & { date: string }): SaleLine {
  return {
    store: null,
    city: null,
    region: null,
    channel: null,
    department: null,
    category: "Books",
    sub_category: null,
    customer_id: null,
    transaction_id: null,
    quantity: 1,
    amount: 0,
    gallons: null,
    fuel_type: null,
    fuel_price: null,
    ...fields,
  };
}

const STORES = [
  { store: "S1", city: "Leeds", region: "North", channel: "Shop" },
  { store: "S2", city: "Leeds", region: "North", channel: "e-Shop" },
  { store: "S3", city: "York", region: "South", channel: "Shop" },
  { store: "S4", city: null, region: null, channel: "Forecourt" },
];
const CATEGORIES = [
  { category: "Books", department: "Leisure", subs: ["Fiction", "Comics"] },
  { category: "Toys", department: "Leisure", subs: ["Comics", "Games"] },
  { category: "Garden", department: null, subs: ["Tools", null] },
  { category: "Fuel", department: "Forecourt", subs: [null] },
];
const FIRST_DAY = Date.UTC(2024, 0, 1);
/** Days the synthetic data spans: 2024-01-01 to 2024-03-31. */
export const SYNTHETIC_DAYS = 91;

/**
 * `count` sale lines over 2024-01-01 to 2024-03-31. Every 16 lines cover each
 * store × category, every 91 lines each day (so 1,456 lines cover every day ×
 * store × category); amounts and customers vary with a seeded generator and
 * about one line in 20 is a return.
 */
export function syntheticSales(count: number, seed = 1): SaleLine[] {
  const random = mulberry32(seed);
  const lines: SaleLine[] = [];
  for (let i = 0; i < count; i++) {
    const day = i % SYNTHETIC_DAYS;
    const date = new Date(FIRST_DAY + day * 86_400_000).toISOString().slice(
      0,
      10,
    );
    const store = STORES[i % STORES.length];
    const kind = CATEGORIES[
      Math.floor(i / STORES.length) % CATEGORIES.length
    ];
    const sign = random() < 0.05 ? -1 : 1;
    const quantity = sign * (1 + Math.floor(random() * 4));
    const customer = random() < 0.1
      ? null
      : `C${1 + Math.floor(random() * 60)}`;
    const base = {
      date,
      ...store,
      department: kind.department,
      category: kind.category,
      sub_category: kind.subs[i % kind.subs.length],
      customer_id: customer,
      transaction_id: `T${Math.floor(i / 2)}`,
      quantity,
    };
    if (kind.category === "Fuel") {
      const diesel = random() < 0.4;
      const gallons = sign * Math.round((5 + random() * 15) * 1000) / 1000;
      const price = (diesel ? 3.9 : 3.5) + (day % 7) * 0.01;
      lines.push(line({
        ...base,
        quantity: null,
        amount: Math.round(gallons * price * 100) / 100,
        gallons,
        fuel_type: diesel ? "Diesel" : "Gasoline",
        fuel_price: price,
      }));
    } else {
      const price = Math.round((2 + random() * 48) * 100) / 100;
      lines.push(
        line({ ...base, amount: Math.round(quantity * price * 100) / 100 }),
      );
    }
  }
  return lines;
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Asserts that two plain values are equal, numbers within a relative 1e-9
 * (sums taken in another order differ in the last bits).
 */
export function assertClose(
  actual: unknown,
  expected: unknown,
  path = "value",
): void {
  if (typeof actual === "number" && typeof expected === "number") {
    const scale = Math.max(1, Math.abs(expected));
    if (Math.abs(actual - expected) > 1e-9 * scale) {
      throw new Error(`${path}: expected ${expected}, got ${actual}`);
    }
    return;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      throw new Error(
        `${path}: expected ${expected.length} items, got ${
          Array.isArray(actual) ? actual.length : typeof actual
        }`,
      );
    }
    expected.forEach((item, i) =>
      assertClose(actual[i], item, `${path}[${i}]`)
    );
    return;
  }
  if (expected && typeof expected === "object") {
    if (!actual || typeof actual !== "object") {
      throw new Error(`${path}: expected an object, got ${actual}`);
    }
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of keys) {
      assertClose(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        `${path}.${key}`,
      );
    }
    return;
  }
  if (actual !== expected) {
    throw new Error(
      `${path}: expected ${JSON.stringify(expected)}, got ${
        JSON.stringify(actual)
      }`,
    );
  }
}
