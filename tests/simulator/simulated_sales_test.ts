import { kmeans } from "ml-kmeans";
import { assertEquals, assertOk } from "../assert.ts";
import {
  JOIN_WINDOW,
  LAPSE_WINDOW,
} from "../../src/simulator/customer_behaviours.ts";
import { dayNumber, weekday } from "../../src/model/calendar.ts";
import {
  CATEGORIES,
  CHANNELS,
  CITIES,
  DEPARTMENTS,
  FUELS,
  REGIONS,
} from "../../src/simulator/retail_catalog.ts";
import type { SaleLine } from "../../src/model/schema.ts";
import { simulateRetail } from "../../src/simulator/simulate_retail.ts";

const sim = simulateRetail();
const lines = [...sim.sales];
const behaviourOf = new Map(
  sim.customers.map((c) => [c.customer_id, c.behaviour]),
);
const FIRST_DAY = dayNumber("2025-07-03");

const distinct = <T>(values: Iterable<T>) => [...new Set(values)].sort();
const groupBy = <K>(rows: SaleLine[], key: (l: SaleLine) => K) => {
  const groups = new Map<K, SaleLine[]>();
  for (const l of rows) {
    const k = key(l);
    const group = groups.get(k);
    if (group) group.push(l);
    else groups.set(k, [l]);
  }
  return groups;
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const cents = (x: number) => Math.round(x * 100);

Deno.test("simulated sales cover every city, region and channel, with one channel per store", () => {
  assertEquals(
    distinct(lines.map((l) => l.city)),
    CITIES.map((c) => c.name).sort(),
  );
  assertEquals(distinct(lines.map((l) => l.region)), [...REGIONS].sort());
  assertEquals(
    distinct(lines.map((l) => l.channel)),
    CHANNELS.map((c) => c.name).sort(),
  );
  for (const [store, rows] of groupBy(lines, (l) => l.store)) {
    assertEquals(
      distinct(rows.map((l) => l.channel)).length,
      1,
      `store ${store}`,
    );
    assertEquals(distinct(rows.map((l) => l.city)).length, 1, `store ${store}`);
  }
  for (const l of lines.slice(0, 5_000)) {
    assertEquals(CITIES.find((c) => c.name === l.city)!.region, l.region);
  }
});

Deno.test("simulated sales cover every category, sub-category and department", () => {
  assertEquals(
    distinct(lines.map((l) => l.category)),
    [...CATEGORIES.map((c) => c.name), "Fuel"].sort(),
  );
  assertEquals(
    distinct(lines.map((l) => l.department)),
    [...DEPARTMENTS].sort(),
  );
  const byCategory = groupBy(lines, (l) => l.category);
  for (const category of CATEGORIES) {
    assertEquals(
      distinct(byCategory.get(category.name)!.map((l) => l.sub_category)),
      category.subCategories.map((s) => s.name).sort(),
    );
  }
  assertEquals(
    distinct(byCategory.get("Fuel")!.map((l) => l.sub_category)),
    FUELS.map((f) => f.subCategory).sort(),
  );
});

Deno.test("simulated amounts are whole cents, and only returns have negative amounts and quantities", () => {
  for (const l of lines) {
    assertOk(
      Math.abs(l.amount * 100 - cents(l.amount)) < 1e-6,
      `amount ${l.amount}`,
    );
    assertOk(l.amount !== 0, "zero amount");
    assertEquals(l.amount < 0, l.quantity! < 0, JSON.stringify(l));
  }
});

Deno.test("returns are a few percent of lines, each after a matching purchase by the same customer", () => {
  const returns = lines.filter((l) => l.amount < 0);
  const share = returns.length / lines.length;
  assertOk(share > 0.015 && share < 0.06, `returns share ${share}`);
  const purchases = groupBy(
    lines.filter((l) => l.amount > 0 && l.customer_id),
    (l) => `${l.customer_id}|${l.store}|${l.category}|${l.sub_category}`,
  );
  for (const r of returns) {
    assertOk(r.customer_id !== null, "anonymous return");
    assertEquals(r.department, "Customer Service");
    const earlier = purchases.get(
      `${r.customer_id}|${r.store}|${r.category}|${r.sub_category}`,
    ) ?? [];
    assertOk(
      earlier.some((p) =>
        p.date < r.date && p.quantity! >= -r.quantity! && p.amount >= -r.amount
      ),
      `no purchase before return ${JSON.stringify(r)}`,
    );
  }
});

Deno.test("transactions are baskets of lines from one day, store and customer", () => {
  const baskets = groupBy(lines, (l) => l.transaction_id);
  assertOk(!baskets.has(null), "a line without transaction");
  let several = 0;
  for (const [id, rows] of baskets) {
    if (rows.length > 1) several++;
    const keys = distinct(
      rows.map((l) => `${l.date}|${l.store}|${l.customer_id}`),
    );
    assertEquals(keys.length, 1, `transaction ${id}`);
  }
  assertOk(
    several / baskets.size > 0.2,
    `${several} of ${baskets.size} baskets have several lines`,
  );
});

Deno.test("fuel lines have gallons times price equal to the amount, and are mostly anonymous", () => {
  const fuel = lines.filter((l) => l.category === "Fuel");
  assertOk(fuel.length > 1_000, `${fuel.length} fuel lines`);
  for (const l of fuel) {
    assertEquals(
      cents(l.gallons! * l.fuel_price!),
      cents(l.amount),
      JSON.stringify(l),
    );
    assertEquals(l.fuel_type, l.sub_category!.toLowerCase());
  }
  assertEquals(distinct(fuel.map((l) => l.fuel_type)), ["diesel", "gasoline"]);
  const anonymous = fuel.filter((l) => l.customer_id === null).length /
    fuel.length;
  assertOk(anonymous > 0.5 && anonymous < 1, `anonymous share ${anonymous}`);
  const other = lines.filter((l) => l.category !== "Fuel");
  assertOk(
    other.every((l) =>
      l.gallons === null && l.fuel_type === null && l.fuel_price === null
    ),
  );
});

Deno.test("fuel prices differ by region and move from week to week", () => {
  const gasoline = lines.filter((l) => l.fuel_type === "gasoline");
  const week = (l: SaleLine) =>
    Math.floor((dayNumber(l.date) - dayNumber("2025-06-30")) / 7);
  const weekly = groupBy(gasoline, (l) => `${l.region}|${week(l)}`);
  for (const [key, rows] of weekly) {
    assertEquals(
      distinct(rows.map((l) => l.fuel_price)).length,
      1,
      `one price in ${key}`,
    );
  }
  for (const region of REGIONS) {
    const prices = distinct(
      gasoline.filter((l) => l.region === region).map((l) => l.fuel_price),
    );
    assertOk(
      prices.length >= 8,
      `${region}: ${prices.length} distinct prices over 14 weeks`,
    );
  }
  const firstWeek = REGIONS.map((r) => weekly.get(`${r}|1`)![0].fuel_price!);
  assertEquals(new Set(firstWeek).size, REGIONS.length);
  const [west, south] = ["West", "South"].map((r) =>
    firstWeek[REGIONS.indexOf(r)]
  );
  assertOk(west > south + 0.5, `West ${west}, South ${south}`);
});

Deno.test("weekends see more baskets than midweek days, and Labor Day more than other Mondays", () => {
  const perDay = [
    ...groupBy(
      lines.filter((l) => l.amount > 0 && l.category !== "Fuel"),
      (l) => l.date,
    ),
  ]
    .map(([date, rows]) => ({
      date,
      dow: weekday(dayNumber(date)),
      baskets: new Set(rows.map((l) => l.transaction_id)).size,
    }));
  const saturday = mean(
    perDay.filter((d) => d.dow === 6).map((d) => d.baskets),
  );
  const midweek = mean(
    perDay.filter((d) => d.dow === 2 || d.dow === 3).map((d) => d.baskets),
  );
  assertOk(
    saturday > midweek * 1.3,
    `Saturday ${saturday}, midweek ${midweek}`,
  );
  const laborDay = perDay.find((d) => d.date === "2025-09-01")!.baskets;
  const mondays = mean(
    perDay.filter((d) => d.dow === 1 && d.date !== "2025-09-01").map((d) =>
      d.baskets
    ),
  );
  assertOk(
    laborDay > mondays * 1.3,
    `Labor Day ${laborDay}, Mondays ${mondays}`,
  );
});

Deno.test("frequent grocery buyers visit more often than electronics buyers, who spend more per line", () => {
  const known = lines.filter((l) => l.customer_id && l.category !== "Fuel");
  const stats = new Map<
    string,
    { visits: number; buyers: number; perLine: number; main: string }
  >();
  for (
    const [behaviour, rows] of groupBy(
      known,
      (l) => behaviourOf.get(l.customer_id!)!,
    )
  ) {
    const bought = rows.filter((l) => l.amount > 0);
    const byCategory = [...groupBy(bought, (l) => l.category)]
      .sort((a, b) => b[1].length - a[1].length);
    stats.set(behaviour, {
      visits: new Set(bought.map((l) => l.transaction_id)).size,
      buyers: new Set(bought.map((l) => l.customer_id)).size,
      perLine: mean(bought.map((l) => l.amount)),
      main: byCategory[0][0],
    });
  }
  const grocery = stats.get("frequent grocery")!,
    electronics = stats.get("big-ticket electronics")!;
  const frequency = (s: typeof grocery) => s.visits / s.buyers;
  assertOk(
    frequency(grocery) > 2 * frequency(electronics),
    `${frequency(grocery)} vs ${frequency(electronics)} visits per buyer`,
  );
  assertOk(
    electronics.perLine > 10 * grocery.perLine,
    `${electronics.perLine} vs ${grocery.perLine} per line`,
  );
  assertEquals(
    [
      "frequent grocery",
      "big-ticket electronics",
      "book lover",
      "home furnisher",
      "fashion shopper",
    ]
      .map((b) => stats.get(b)!.main),
    ["Groceries", "Electronics", "Books", "Home Goods", "Clothing"],
  );
});

Deno.test("lapsed customers stop buying part-way and new customers start late, every one of them buying", () => {
  const day = (l: SaleLine) => dayNumber(l.date) - FIRST_DAY;
  const lapsed = lines.filter((l) =>
    l.customer_id && behaviourOf.get(l.customer_id) === "lapsed"
  );
  const fresh = lines.filter((l) =>
    l.customer_id && behaviourOf.get(l.customer_id) === "new"
  );
  assertOk(
    lapsed.every((l) => day(l) <= Math.ceil(LAPSE_WINDOW[1] * 90)),
    "a lapsed customer bought late",
  );
  assertOk(
    fresh.every((l) => day(l) >= Math.floor(JOIN_WINDOW[0] * 90)),
    "a new customer bought early",
  );
  const newCustomers =
    sim.customers.filter((c) => c.behaviour === "new").length;
  assertEquals(new Set(fresh.map((l) => l.customer_id)).size, newCustomers);
  assertOk(newCustomers > 200, `${newCustomers} new customers`);
  assertOk(
    new Set(lapsed.map((l) => l.customer_id)).size > 200,
    "lapsed customers bought early on",
  );
});

Deno.test("K-Means on category spend shares recovers the shopping styles", () => {
  const styles = [
    "frequent grocery",
    "big-ticket electronics",
    "book lover",
    "home furnisher",
    "fashion shopper",
  ];
  const names = CATEGORIES.map((c) => c.name);
  const spend = new Map<string, number[]>();
  for (const l of lines) {
    if (!l.customer_id || l.amount <= 0 || l.category === "Fuel") continue;
    if (!styles.includes(behaviourOf.get(l.customer_id)!)) continue;
    const row = spend.get(l.customer_id) ?? names.map(() => 0);
    row[names.indexOf(l.category)] += l.amount;
    spend.set(l.customer_id, row);
  }
  const ids = [...spend.keys()].sort();
  const shares = ids.map((id) => {
    const row = spend.get(id)!, total = row.reduce((a, b) => a + b, 0);
    return row.map((x) => x / total);
  });
  const { clusters } = kmeans(shares, 5, {
    seed: 1,
    initialization: "kmeans++",
  });
  const counts = new Map<number, Map<string, number>>();
  clusters.forEach((k, i) => {
    const m = counts.get(k) ?? new Map<string, number>();
    const b = behaviourOf.get(ids[i])!;
    m.set(b, (m.get(b) ?? 0) + 1);
    counts.set(k, m);
  });
  const purity =
    [...counts.values()].reduce((s, m) => s + Math.max(...m.values()), 0) /
    ids.length;
  assertOk(purity > 0.85, `purity ${purity}`);
});
