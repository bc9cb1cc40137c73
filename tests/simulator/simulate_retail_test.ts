import {
  assertAlmostEquals,
  assertEquals,
  assertNotEquals,
  assertOk,
  assertThrows,
} from "../assert.ts";
import { dayNumber, isIsoDate } from "../../src/model/calendar.ts";
import { CITIES } from "../../src/simulator/retail_catalog.ts";
import { simulateRetail } from "../../src/simulator/simulate_retail.ts";

const fingerprint = (lines: Iterable<unknown>) => {
  let text = "";
  for (const line of lines) text += JSON.stringify(line) + "\n";
  return text;
};

const count = (lines: Iterable<unknown>) => {
  let n = 0;
  for (const _ of lines) n++;
  return n;
};

Deno.test("simulateRetail() gives the same stores, customers and lines for the same options and seed", () => {
  const options = { customers: 300, days: 30, seed: 5 };
  const a = simulateRetail(options), b = simulateRetail(options);
  assertEquals(a.customers, b.customers);
  assertEquals(a.stores, b.stores);
  assertEquals(fingerprint(a.sales), fingerprint(b.sales));
});

Deno.test("simulateRetail() gives the same lines each time its sales are iterated", () => {
  const a = simulateRetail({ customers: 300, days: 30 });
  assertEquals(fingerprint(a.sales), fingerprint(a.sales));
});

Deno.test("simulateRetail() gives different lines and customers for different seeds", () => {
  const a = simulateRetail({ customers: 300, days: 30, seed: 1 });
  const b = simulateRetail({ customers: 300, days: 30, seed: 2 });
  assertNotEquals(fingerprint(a.sales), fingerprint(b.sales));
  assertNotEquals(a.customers, b.customers);
});

Deno.test("simulateRetail() makes about 50,000 lines over 90 days to 2025-09-30 by default", () => {
  const sim = simulateRetail();
  const n = count(sim.sales);
  assertOk(n > 40_000 && n < 65_000, `${n} lines`);
  assertEquals(sim.options, {
    days: 90,
    stores: 20,
    customers: 5_000,
    seed: 1,
    from: "2025-07-03",
    asOf: "2025-09-30",
  });
});

Deno.test("simulateRetail() keeps every line between the window's first day and as-of", () => {
  const small = simulateRetail({
    days: 10,
    stores: 12,
    customers: 300,
    asOf: "2024-03-01",
  });
  const dates = new Set([...small.sales].map((l) => l.date));
  assertEquals(small.stores.length, 12);
  assertEquals([...dates].sort()[0], "2024-02-21");
  assertEquals([...dates].sort().at(-1), "2024-03-01");
  assertEquals(small.options.from, "2024-02-21");
});

Deno.test("simulateRetail() scales customers to a requested number of lines", () => {
  const result = simulateRetail({ lines: 20_000 });
  assertAlmostEquals(count(result.sales), 20_000, 2_000, "lines");
  assertAlmostEquals(result.customers.length, 2_000, 300, "customers");
  assertEquals(result.options.customers, result.customers.length);
});

Deno.test("simulateRetail() works with a single store and with no customers", () => {
  const one = simulateRetail({ stores: 1, customers: 200, days: 14 });
  const stores = new Set([...one.sales].map((l) => l.store));
  assertEquals([...stores], ["S01"]);
  const none = simulateRetail({ customers: 0, days: 14 });
  assertEquals(none.customers, []);
  assertEquals(count(none.sales), 0);
});

Deno.test("simulateRetail() refuses bad options, naming the option and its value", () => {
  assertThrows(() => simulateRetail({ days: 0 }), RangeError, "days 0");
  assertThrows(() => simulateRetail({ stores: 2.5 }), RangeError, "stores 2.5");
  assertThrows(
    () => simulateRetail({ customers: -1 }),
    RangeError,
    "customers -1",
  );
  assertThrows(
    () => simulateRetail({ asOf: "2025-02-30" }),
    RangeError,
    '"2025-02-30"',
  );
  assertThrows(
    () => simulateRetail({ customers: 10, lines: 100 }),
    TypeError,
    '"customers" or "lines"',
  );
});

Deno.test("simulated customers have unique ids, birth dates, genders and home cities", () => {
  const { customers } = simulateRetail();
  const ids = customers.map((c) => c.customer_id);
  assertEquals(new Set(ids).size, ids.length);
  assertEquals(ids, [...ids].sort());
  const cities = new Set(CITIES.map((c) => c.name));
  for (const c of customers) {
    assertOk(
      c.birth_date !== null && isIsoDate(c.birth_date),
      String(c.birth_date),
    );
    const age = (dayNumber("2025-09-30") - dayNumber(c.birth_date)) / 365.25;
    assertOk(age >= 18 && age <= 91, `age ${age}`);
    assertOk(
      c.gender === null || c.gender === "F" || c.gender === "M",
      String(c.gender),
    );
    assertOk(cities.has(c.city!), String(c.city));
  }
  assertEquals(new Set(customers.map((c) => c.city)).size, CITIES.length);
  const genders = customers.filter((c) => c.gender === null).length /
    customers.length;
  assertOk(genders > 0 && genders < 0.05, `unknown gender share ${genders}`);
});

Deno.test("simulated new customers have the last ids, as if numbered when they signed up", () => {
  const { customers } = simulateRetail();
  const ids = customers.map((c) => c.customer_id);
  const newIds = customers.filter((c) => c.behaviour === "new").map((c) =>
    c.customer_id
  );
  assertOk(newIds.length > 0);
  assertEquals(newIds, ids.slice(ids.length - newIds.length));
});
