/**
 * The report page's figures, computed from the cube, must equal the SQL
 * analyses run on the same filter (a segment or cluster standing for the ids
 * of its customers), apart from the figures docs/report.md says the page
 * cannot have: customers under other filters, sub-categories. Both engines
 * finish through `salesFiguresFromSums`, so what this checks is that the
 * cube's sums (`cubeSums`) agree with the lines' (`salesSums`).
 *
 * The real data set is read from `../shared/datasets/retail-kaggle/` beside
 * the project, or from `BASKET_KAGGLE_DIR` when set.
 */
import { assertEquals, assertOk, assertThrows } from "../../assert.ts";
import {
  closeDataset,
  createDataset,
  type Dataset,
  queryRows,
} from "../../../src/source/dataset.ts";
import type { SaleLine } from "../../../src/model/schema.ts";
import { loadSource } from "../../../src/source/load_source.ts";
import {
  type SalesCube,
  salesCube,
  type SalesCubeOptions,
} from "../../../src/analysis/sales/sales_cube.ts";
import { uploadCustomerTable } from "../../../src/analysis/segments/customer_table.ts";
import {
  type CustomerGroupRow,
  type CustomerGroups,
  customerGroupsOf,
  groupCluster,
  groupSegment,
} from "../../../src/figures/segments/customer_groups.ts";
import {
  type SalesFigures,
  salesFigures,
} from "../../../src/analysis/sales/sales_figures.ts";
import type { SalesOptions } from "../../../src/figures/sales/sales_options.ts";
import {
  cubeFigures,
  type CubeFilter,
} from "../../../src/figures/sales/cube_figures.ts";
import { line, syntheticSales } from "../../analysis/fixtures.ts";

const KAGGLE = Deno.env.get("BASKET_KAGGLE_DIR") ??
  new URL("../../../../shared/datasets/retail-kaggle/", import.meta.url)
    .pathname;

// ---------------------------------------------------------------- helpers

/**
 * The first place where `actual` differs from `expected`, as
 * `path: expected ..., got ...`, or null when they agree (numbers within
 * `tolerance`, relative to the expected value, or absolute below 1).
 */
function firstDifference(
  actual: unknown,
  expected: unknown,
  path = "figures",
  tolerance = 1e-6,
): string | null {
  if (typeof expected === "number" && typeof actual === "number") {
    const scale = Math.max(1, Math.abs(expected));
    return Math.abs(actual - expected) <= tolerance * scale
      ? null
      : `${path}: expected ${expected}, got ${actual}`;
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual)) {
      return `${path}: expected an array, got ${JSON.stringify(actual)}`;
    }
    for (let i = 0; i < Math.min(actual.length, expected.length); i++) {
      const difference = firstDifference(
        actual[i],
        expected[i],
        `${path}[${i}]`,
        tolerance,
      );
      if (difference) return difference;
    }
    return actual.length === expected.length
      ? null
      : `${path}: expected ${expected.length} items, got ${actual.length}`;
  }
  if (expected !== null && typeof expected === "object") {
    if (actual === null || typeof actual !== "object") {
      return `${path}: expected an object, got ${JSON.stringify(actual)}`;
    }
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of keys) {
      const difference = firstDifference(
        (actual as Record<string, unknown>)[key],
        (expected as Record<string, unknown>)[key],
        `${path}.${key}`,
        tolerance,
      );
      if (difference) return difference;
    }
    return null;
  }
  return actual === expected
    ? null
    : `${path}: expected ${JSON.stringify(expected)}, got ${
      JSON.stringify(actual)
    }`;
}

function assertSameFigures(
  actual: unknown,
  expected: unknown,
  what: string,
): void {
  const difference = firstDifference(actual, expected);
  assertEquals(difference, null, `${what}: ${difference}`);
}

/** Segment and cluster of a customer id, from a hash; some have none. */
function groupsOf(ids: Iterable<string>): CustomerGroups {
  const groups: CustomerGroupRow[] = [];
  for (const id of ids) {
    let hash = 2166136261;
    for (const char of id) {
      hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
    }
    if (hash % 11 === 0) continue;
    groups.push({
      id,
      segment: ["Champions", "Loyal", "At risk", "Hibernating"][hash % 4],
      cluster: `Cluster ${1 + (Math.floor(hash / 4) % 3)}`,
    });
  }
  return customerGroupsOf(groups);
}

/** The cube of `data` with `groups` as its customer table. */
async function cubeWith(
  data: Dataset,
  groups: CustomerGroups,
  options: SalesCubeOptions = {},
): Promise<SalesCube> {
  const customers = await uploadCustomerTable(data, groups);
  return await salesCube(data, { ...options, customers });
}

/** The SQL options equal to a page filter: segments and clusters as ids. */
function sqlOptions(filter: CubeFilter, groups: CustomerGroups) {
  const { segments, clusters, ...rest } = filter;
  if (!segments?.length && !clusters?.length) return rest;
  const ids = groups.ids.filter((_, i) =>
    (!segments?.length || segments.includes(groupSegment(groups, i))) &&
    (!clusters?.length || clusters.includes(groupCluster(groups, i)))
  );
  // An empty list would mean "no restriction": name a customer nobody is.
  return { ...rest, customers: ids.length ? ids : ["(no such customer)"] };
}

/**
 * The SQL options of a cube built with `built` (a filter and asOf) and then
 * filtered by `page`: lists intersected, the later `from`, the earlier `to`.
 */
function combined(built: SalesOptions, page: SalesOptions): SalesOptions {
  const out: SalesOptions = { ...built, ...page, asOf: built.asOf };
  for (
    const key of [
      "categories",
      "regions",
      "stores",
      "channels",
      "customers",
    ] as const
  ) {
    const [a, b] = [built[key], page[key]];
    if (!a?.length || !b?.length) continue;
    const both = a.filter((value) => b.includes(value));
    // An empty list would mean "no restriction": name a value nobody has.
    out[key] = both.length ? both : ["(nothing)"];
  }
  const from = [built.from, page.from].filter((d) => d).sort();
  const to = [built.to, page.to].filter((d) => d).sort();
  out.from = from[from.length - 1];
  out.to = to[0];
  return out;
}

/**
 * What the page must show, from what the SQL analyses give: no
 * sub-categories, and customers only when `wholeCustomers` (the filter keeps
 * whole customers) or the selection is empty.
 */
function pageFigures(
  sql: SalesFigures,
  wholeCustomers: boolean,
): SalesFigures {
  const { headline } = sql;
  const keep = (exact: boolean, customers: number | null) =>
    exact ? customers : null;
  const customers = keep(
    wholeCustomers || headline.saleLines === 0,
    headline.customers,
  );
  const previous = headline.previous && {
    ...headline.previous,
    customers: keep(
      headline.previous.saleLines === 0,
      headline.previous.customers,
    ),
  };
  return {
    ...sql,
    headline: {
      ...headline,
      customers,
      previous,
      change: headline.change && {
        ...headline.change,
        customers: customers === null || previous?.customers == null
          ? null
          : headline.change.customers,
      },
    },
    bySubCategory: [],
  };
}

interface Case {
  filter: CubeFilter;
  /** Whether the filter keeps whole customers (customers stay countable). */
  wholeCustomers: boolean;
}

async function assertCubeMatchesSql(
  data: Dataset,
  cube: SalesCube,
  groups: CustomerGroups,
  cases: Record<string, Case>,
  built: SalesOptions = {},
): Promise<void> {
  for (const [name, { filter, wholeCustomers }] of Object.entries(cases)) {
    const sql = await salesFigures(
      data,
      combined(built, sqlOptions(filter, groups)),
    );
    assertSameFigures(
      cubeFigures(cube, filter),
      pageFigures(sql, wholeCustomers),
      `filter "${name}"`,
    );
  }
}

/** Every number in `value`, with its path. */
function* numbers(
  value: unknown,
  path = "figures",
): Generator<[string, number]> {
  if (typeof value === "number") yield [path, value];
  else if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      yield* numbers(value[i], `${path}[${i}]`);
    }
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      yield* numbers(item, `${path}.${key}`);
    }
  }
}

// --------------------------------------------------------------- fixtures

/**
 * Three months of synthetic lines (transactions spread over two days and
 * stores, returns, fuel), plus lines without transaction id, customer,
 * store or region, a fuel line without gallons or type, and a store that
 * sells in the first and third weeks only (its return of week 3 belongs to a
 * transaction of week 1), and return-only transactions.
 */
const FIXTURE: SaleLine[] = [
  ...syntheticSales(1600),
  line({ date: "2024-01-05", channel: "Shop", amount: 12.5, quantity: 1 }),
  line({
    date: "2024-02-14",
    store: "S2",
    channel: "e-Shop",
    category: "Toys",
    customer_id: "C7",
    amount: 7,
  }),
  line({
    date: "2024-03-02",
    store: "S4",
    channel: "Forecourt",
    department: "Forecourt",
    category: "Fuel",
    customer_id: "C9",
    transaction_id: "F1",
    quantity: null,
    amount: 20,
  }),
  line({
    date: "2024-01-02",
    store: "S5",
    city: "Hull",
    region: "East",
    channel: "Shop",
    category: "Garden",
    customer_id: "C61",
    transaction_id: "X1",
    quantity: 2,
    amount: 40,
  }),
  line({
    date: "2024-01-16",
    store: "S5",
    city: "Hull",
    region: "East",
    channel: "Shop",
    category: "Garden",
    customer_id: "C61",
    transaction_id: "X1",
    quantity: -1,
    amount: -20,
  }),
  // Return-only transactions (a cancellation invoice "C…"): one of two
  // lines on one day, one split over two days and stores; and a purchase
  // whose Toys line is a return, so that a Toys filter keeps a return.
  ...[["Books", -15], ["Toys", -5]].map(([category, amount]) =>
    line({
      date: "2024-02-20",
      store: "S1",
      city: "Leeds",
      region: "North",
      channel: "Shop",
      category: category as string,
      customer_id: "C3",
      transaction_id: "C100",
      quantity: -1,
      amount: amount as number,
    })
  ),
  line({
    date: "2024-03-10",
    store: "S2",
    region: "North",
    channel: "e-Shop",
    category: "Toys",
    transaction_id: "C200",
    quantity: -1,
    amount: -8,
  }),
  line({
    date: "2024-03-11",
    store: "S3",
    region: "South",
    channel: "Shop",
    category: "Books",
    transaction_id: "C200",
    quantity: -1,
    amount: -4,
  }),
  ...[["Books", 30], ["Toys", -10]].map(([category, amount]) =>
    line({
      date: "2024-02-21",
      store: "S1",
      region: "North",
      channel: "Shop",
      category: category as string,
      transaction_id: "M1",
      quantity: Math.sign(amount as number),
      amount: amount as number,
    })
  ),
];

const FIXTURE_CASES: Record<string, Case> = {
  "none": { filter: {}, wholeCustomers: true },
  "one category": { filter: { categories: ["Toys"] }, wholeCustomers: true },
  "two categories": {
    filter: { categories: ["Books", "Fuel"] },
    wholeCustomers: true,
  },
  "a region": { filter: { regions: ["North"] }, wholeCustomers: false },
  "a store": { filter: { stores: ["S5"] }, wholeCustomers: false },
  "a channel": { filter: { channels: ["Forecourt"] }, wholeCustomers: false },
  "a date range with a previous period": {
    filter: { from: "2024-02-10", to: "2024-03-05" },
    wholeCustomers: false,
  },
  "a date range from before the data": {
    filter: { from: "2023-12-01", to: "2024-01-20" },
    wholeCustomers: false,
  },
  "a date range around all the data": {
    filter: { from: "2023-12-01", to: "2024-04-30" },
    wholeCustomers: true,
  },
  "a date range before the data": {
    filter: { from: "2023-01-01", to: "2023-06-30" },
    wholeCustomers: false,
  },
  "a date range after the data": {
    filter: { from: "2024-06-01", to: "2024-06-30" },
    wholeCustomers: false,
  },
  "a segment": { filter: { segments: ["Loyal"] }, wholeCustomers: true },
  "a segment, a cluster and a category": {
    filter: {
      segments: ["Champions", "At risk"],
      clusters: ["Cluster 2"],
      categories: ["Books"],
    },
    wholeCustomers: true,
  },
  "a cluster, a channel and dates": {
    filter: {
      clusters: ["Cluster 1"],
      channels: ["Shop"],
      from: "2024-03-01",
      to: "2024-03-21",
    },
    wholeCustomers: false,
  },
  "nothing": {
    filter: { categories: ["No such category"] },
    wholeCustomers: true,
  },
  "nothing, with dates": {
    filter: { stores: ["No such store"], from: "2024-02-01" },
    wholeCustomers: false,
  },
};

const ONE_DAY = FIXTURE.filter((l) => l.date === "2024-01-02");

function customerIds(lines: readonly SaleLine[]): Set<string> {
  return new Set(lines.flatMap((l) => l.customer_id ? [l.customer_id] : []));
}

// ------------------------------------------------------------------ tests

/** Runs `check` on a data set of `lines`, closing it afterwards. */
async function withData(
  lines: SaleLine[],
  check: (data: Dataset) => Promise<void>,
): Promise<void> {
  const data = await createDataset({ sales: lines });
  try {
    await check(data);
  } finally {
    closeDataset(data);
  }
}

Deno.test("firstDifference() names the first path that differs, numbers within a relative 1e-6", () => {
  assertEquals(
    firstDifference({ a: [1, { b: 2 }], c: "x" }, { a: [1, { b: 3 }], c: "y" }),
    "figures.a[1].b: expected 3, got 2",
  );
  assertEquals(firstDifference({ a: 1e6 + 0.5 }, { a: 1e6 }), null);
  assertEquals(
    firstDifference({ a: 1e6 + 2 }, { a: 1e6 }),
    "figures.a: expected 1000000, got 1000002",
  );
  assertEquals(
    firstDifference({ a: [1] }, { a: [1, 2] }),
    "figures.a: expected 2 items, got 1",
  );
  assertEquals(
    firstDifference({ a: null }, { a: 0 }),
    "figures.a: expected 0, got null",
  );
  assertEquals(
    firstDifference({}, { b: [] }),
    "figures.b: expected an array, got undefined",
  );
});

Deno.test("cubeFigures() of a day cube equals salesFigures() for every filter", () =>
  withData(FIXTURE, async (data) => {
    const groups = groupsOf(customerIds(FIXTURE));
    const cube = await cubeWith(data, groups);
    assertEquals(cube.grain, "day");
    await assertCubeMatchesSql(data, cube, groups, FIXTURE_CASES);
  }));

Deno.test("cubeFigures() of a cube built as of a day ends its periods there, as salesFigures() does given asOf", () =>
  withData(FIXTURE, async (data) => {
    const groups = groupsOf(customerIds(FIXTURE));
    for (const asOf of ["2024-02-10", "2024-12-31"]) {
      const cube = await cubeWith(data, groups, { asOf });
      await assertCubeMatchesSql(data, cube, groups, {
        "none": { filter: {}, wholeCustomers: true },
        "a store without sales on its last days": {
          filter: { stores: ["S5"] },
          wholeCustomers: false,
        },
        "a category and dates": {
          filter: {
            categories: ["Fuel"],
            from: "2024-01-20",
            to: "2024-03-10",
          },
          wholeCustomers: false,
        },
        "a segment": {
          filter: { segments: ["Champions"] },
          wholeCustomers: true,
        },
      }, { asOf });
    }
  }));

Deno.test("cubeFigures() of a cube built for a filter equals salesFigures() of both filters together", () =>
  withData(FIXTURE, async (data) => {
    const groups = groupsOf(customerIds(FIXTURE));
    const built = { regions: ["North", "East"], to: "2024-03-10" };
    const cube = await cubeWith(data, groups, {
      filter: built,
      asOf: "2024-03-20",
    });
    await assertCubeMatchesSql(data, cube, groups, {
      "none": { filter: {}, wholeCustomers: true },
      "a category": { filter: { categories: ["Toys"] }, wholeCustomers: true },
      "a region of the cube's": {
        filter: { regions: ["East"] },
        wholeCustomers: false,
      },
      "a region outside the cube's": {
        filter: { regions: ["South"] },
        wholeCustomers: false,
      },
      "a date range with a previous period": {
        filter: { from: "2024-02-10", to: "2024-03-05" },
        wholeCustomers: false,
      },
      "dates beyond the cube's": {
        filter: { from: "2024-03-01", to: "2024-03-31" },
        wholeCustomers: false,
      },
      "a segment and a cluster": {
        filter: { segments: ["Loyal", "At risk"], clusters: ["Cluster 1"] },
        wholeCustomers: true,
      },
    }, { ...built, asOf: "2024-03-20" });
  }));

Deno.test("cubeFigures() equals salesFigures() when a gap of more than MAX_GAP_DAYS is left out", () => {
  const far = [
    ...FIXTURE,
    line({ date: "2024-09-30", store: "S1", category: "Toys", amount: 9 }),
    line({ date: "2024-10-02", store: "S2", category: "Books", amount: 3 }),
  ];
  return withData(far, async (data) => {
    const groups = groupsOf(customerIds(far));
    const cube = await cubeWith(data, groups);
    await assertCubeMatchesSql(data, cube, groups, {
      "none": { filter: {}, wholeCustomers: true },
      "one category": {
        filter: { categories: ["Toys"] },
        wholeCustomers: true,
      },
      "dates across the gap": {
        filter: { from: "2024-03-20", to: "2024-12-31" },
        wholeCustomers: false,
      },
    });
    const figures = cubeFigures(cube);
    assertOk(figures.daily.length < 120);
    assertOk(figures.daily.some((r) => (r.gapBefore ?? 0) > 92));
    for (const maxCells of [400, 60]) {
      const coarse = cubeFigures(await cubeWith(data, groups, { maxCells }));
      assertOk(coarse.weekly.some((r) => r.gapBefore && r.change === null));
      assertEquals(
        Math.round(coarse.daily.reduce((n, r) => n + r.totalSales, 0) * 100),
        Math.round(figures.headline.totalSales * 100),
      );
    }
  });
});

Deno.test("cubeFigures() equals salesFigures() on a single day of data", () =>
  withData(ONE_DAY, async (data) => {
    const day = ONE_DAY;
    const groups = groupsOf(customerIds(day));
    const cube = await cubeWith(data, groups);
    await assertCubeMatchesSql(data, cube, groups, {
      "none": { filter: {}, wholeCustomers: true },
      "one category": {
        filter: { categories: ["Fuel"] },
        wholeCustomers: true,
      },
      "that day": {
        filter: { from: "2024-01-02", to: "2024-01-02" },
        wholeCustomers: true,
      },
      "the day after": {
        filter: { from: "2024-01-03" },
        wholeCustomers: false,
      },
      "a store": { filter: { stores: ["S3"] }, wholeCustomers: false },
    });
  }));

Deno.test("cubeFigures() of an empty cube has no period and zeros", () =>
  withData([], async (data) => {
    const cube = await salesCube(data);
    const figures = cubeFigures(cube, {});
    assertEquals(figures.headline.period, null);
    assertEquals(figures.headline.totalSales, 0);
    assertEquals(figures.headline.transactions, null);
    assertEquals(figures.daily, []);
    assertEquals(figures.fuel, null);
    assertSameFigures(
      figures,
      pageFigures(await salesFigures(data), true),
      "empty data",
    );
  }));

Deno.test("cubeFigures() rejects a date that is not a date", async () => {
  const data = await createDataset({ sales: FIXTURE });
  const cube = await salesCube(data);
  closeDataset(data);
  assertThrows(
    () => cubeFigures(cube, { from: "2024-02-30" }),
    RangeError,
    `Cannot compute the page's sales figures: option "from": "2024-02-30" is not a date (YYYY-MM-DD)`,
  );
});

Deno.test("cubeFigures() of week and month cubes gives finite numbers and the day cube's totals", () =>
  withData(FIXTURE, async (data) => {
    const groups = groupsOf(customerIds(FIXTURE));
    const daily = await cubeWith(data, groups);
    const weekly = await cubeWith(data, groups, {
      maxCells: daily.cells.length - 1,
    });
    const monthly = await cubeWith(data, groups, {
      maxCells: weekly.cells.length - 1,
    });
    assertEquals([weekly.grain, monthly.grain], ["week", "month"]);
    const filters: CubeFilter[] = [
      {},
      { categories: ["Fuel", "Toys"] },
      { segments: ["Loyal"], stores: ["S1", "S5"] },
      { from: "2024-01-10", to: "2024-02-20" },
      { from: "2024-06-01" },
    ];
    const totals = (f: SalesFigures) => ({
      totalSales: f.headline.totalSales,
      saleLines: f.headline.saleLines,
      stores: f.headline.stores,
      byCategory: f.byCategory,
      byChannel: f.byChannel,
      byDepartment: f.byDepartment,
      byStore: f.byStore.map((s) => [s.store, s.totalSales]).sort(),
      fuel: f.fuel && { ...f.fuel, byType: f.fuel.byType.length },
      weeklyTotal: f.weekly.reduce((s, w) => s + w.totalSales, 0),
      monthlyTotal: f.monthly.reduce((s, m) => s + m.totalSales, 0),
      dailyTotal: f.daily.reduce((s, d) => s + d.totalSales, 0),
    });
    for (const coarse of [weekly, monthly]) {
      for (const filter of filters) {
        const what = `${coarse.grain} grain, filter ${JSON.stringify(filter)}`;
        const figures = cubeFigures(coarse, filter);
        for (const [path, value] of numbers(figures)) {
          assertOk(Number.isFinite(value), `${what}: ${path} is ${value}`);
        }
        assertEquals(figures.weekday, [], what);
        // Undated filters keep the same lines at any grain; dated ones whole periods.
        if (!filter.from) {
          assertSameFigures(
            totals(figures),
            totals(cubeFigures(daily, filter)),
            what,
          );
        }
      }
    }
  }));

Deno.test("cubeFigures() of a week cube snaps dates to whole weeks", () =>
  withData(FIXTURE, async (data) => {
    const daily = await salesCube(data);
    const weekly = await salesCube(data, { maxCells: daily.cells.length - 1 });
    assertEquals(weekly.grain, "week");
    const figures = cubeFigures(weekly, {
      from: "2024-01-10",
      to: "2024-02-20",
    });
    assertEquals(figures.headline.period, {
      from: "2024-01-08",
      to: "2024-02-25",
      days: 49,
    });
    const sql = await salesFigures(data, {
      from: "2024-01-08",
      to: "2024-02-25",
    });
    assertSameFigures(figures.weekly, sql.weekly, "weekly sales");
    assertSameFigures(
      [figures.headline.totalSales, figures.headline.transactions],
      [sql.headline.totalSales, sql.headline.transactions],
      "headline",
    );
  }));

Deno.test("cubeFigures() imports nothing that needs Deno, Node or DuckDB", async () => {
  const seen = new Set<string>();
  const pending = [
    new URL("../../../src/figures/sales/cube_figures.ts", import.meta.url),
  ];
  while (pending.length) {
    const url = pending.pop()!;
    if (seen.has(url.href)) continue;
    seen.add(url.href);
    const text = await Deno.readTextFile(url);
    assertOk(!/\bDeno\./.test(text), `${url.pathname} uses Deno`);
    // Imports of values only: `import type` and all-type lists are erased.
    const imports = text.matchAll(
      /^(?:import|export)\s+(?!type\b)([^;]*?)\s+from\s+"([^"]+)"/gms,
    );
    for (const [, names, specifier] of imports) {
      const list = names.match(/^\{([^}]*)\}$/)?.[1];
      if (
        list !== undefined &&
        list.split(",").map((n) => n.trim()).filter(Boolean).every((n) =>
          n.startsWith("type ")
        )
      ) continue;
      assertOk(
        specifier.startsWith("."),
        `${url.pathname} imports "${specifier}"`,
      );
      pending.push(new URL(specifier, url));
    }
  }
  const files = [...seen].map((href) => href.replace(/.*\/src\//, ""));
  assertOk(!files.includes("source/dataset.ts"), files.join(", "));
  assertOk(
    files.includes("figures/sales/series_from_days.ts"),
    files.join(", "),
  );
});

// --------------------------------------------------------------- real data

Deno.test("cubeFigures() equals salesFigures() on the real data set for every filter", async () => {
  const { dataset } = await loadSource({ path: KAGGLE });
  try {
    const ids = (await queryRows<{ id: string }>(
      dataset,
      "SELECT DISTINCT customer_id AS id FROM sales WHERE customer_id IS NOT NULL",
    )).map((r) => r.id);
    const groups = groupsOf(ids);
    const cube = await cubeWith(dataset, groups);
    assertEquals(cube.grain, "day");
    await assertCubeMatchesSql(dataset, cube, groups, {
      "none": { filter: {}, wholeCustomers: true },
      "one category": {
        filter: { categories: ["Books"] },
        wholeCustomers: true,
      },
      "two categories": {
        filter: { categories: ["Electronics", "Bags"] },
        wholeCustomers: true,
      },
      "a region": { filter: { regions: ["City 3"] }, wholeCustomers: false },
      "a store": { filter: { stores: ["e-Shop"] }, wholeCustomers: false },
      "a channel": {
        filter: { channels: ["TeleShop"] },
        wholeCustomers: false,
      },
      "a date range": {
        filter: { from: "2013-06-01", to: "2013-08-31" },
        wholeCustomers: false,
      },
      "a date range before the data": {
        filter: { from: "2001-01-01", to: "2001-12-31" },
        wholeCustomers: false,
      },
      "a date range after the data": {
        filter: { from: "2020-01-01" },
        wholeCustomers: false,
      },
      "a segment": { filter: { segments: ["At risk"] }, wholeCustomers: true },
      "a segment, a cluster and a category": {
        filter: {
          segments: ["Champions"],
          clusters: ["Cluster 3"],
          categories: ["Clothing", "Footwear"],
        },
        wholeCustomers: true,
      },
      "a segment, a store and dates": {
        filter: {
          segments: ["Loyal"],
          stores: ["MBR", "Flagship store"],
          from: "2012-12-15",
          to: "2013-01-31",
        },
        wholeCustomers: false,
      },
      "nothing": {
        filter: { regions: ["No such region"] },
        wholeCustomers: false,
      },
    });
  } finally {
    closeDataset(dataset);
  }
});
