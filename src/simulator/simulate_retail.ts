import { dateOfDay, dayNumber, isIsoDate } from "../model/calendar.ts";
import { createRandom } from "./random.ts";
import type { SaleLine } from "../model/schema.ts";
import {
  simulateCustomers,
  type SimulatedCustomer,
} from "./simulate_customers.ts";
import { simulateSales } from "./simulate_sales.ts";
import { simulateStores, type StoreInfo } from "./simulate_stores.ts";

/** Options for {@linkcode simulateRetail}; every one has a fixed default. */
export interface SimulateOptions {
  /** Length of the window in days, ending on `asOf`. Default 90. */
  days?: number;
  /** Number of stores. Default 20. */
  stores?: number;
  /** Number of customers. Default 5,000 (about 50,000 lines over 90 days). */
  customers?: number;
  /**
   * About how many sale lines to simulate: sets the number of customers in
   * proportion (1,000,000 lines ≈ 91,000 customers). Not with `customers`.
   */
  lines?: number;
  /** Seed of the random numbers. Default 1. */
  seed?: number;
  /** The last simulated day, `YYYY-MM-DD`. Default "2025-09-30". */
  asOf?: string;
}

/** The options a simulation ran with, all resolved. */
export interface ResolvedSimulateOptions {
  days: number;
  stores: number;
  customers: number;
  seed: number;
  /** First simulated day, `YYYY-MM-DD`. */
  from: string;
  asOf: string;
}

/** A simulated retail chain: its stores, customers and (lazily) its sales. */
export interface RetailSimulation {
  options: ResolvedSimulateOptions;
  stores: StoreInfo[];
  customers: SimulatedCustomer[];
  /**
   * The sale lines in date order, drawn lazily each time it is iterated (the
   * same lines every time), so that millions of lines can be streamed.
   */
  sales: Iterable<SaleLine>;
}

/** The defaults of {@linkcode SimulateOptions}. */
export const SIMULATE_DEFAULTS = {
  days: 90,
  stores: 20,
  customers: 5_000,
  seed: 1,
  asOf: "2025-09-30",
} as const;

/** Customers in the pilot run that measures lines per customer for `lines`. */
const PILOT_CUSTOMERS = 10_000;

/**
 * Simulates a US retail chain: stores in ten cities, customers with distinct
 * shopping behaviours, and their sale lines (baskets, returns, fuel) over a
 * window of days ending on `asOf`. Pure: the same options give the same data.
 * See docs/simulator.md.
 *
 * @example
 * ```ts
 * import { simulateRetail } from "./simulate_retail.ts";
 * const sim = simulateRetail({ customers: 200, days: 14 });
 * let lines = 0;
 * for (const line of sim.sales) if (line.date <= "2025-09-30") lines++;
 * if (sim.stores.length !== 20 || sim.customers.length !== 200 || lines === 0) {
 *   throw new Error("unexpected simulation");
 * }
 * ```
 */
export function simulateRetail(
  options: SimulateOptions = {},
): RetailSimulation {
  const days = whole("days", options.days ?? SIMULATE_DEFAULTS.days, 1);
  const storeCount = whole(
    "stores",
    options.stores ?? SIMULATE_DEFAULTS.stores,
    1,
  );
  const seed = whole(
    "seed",
    options.seed ?? SIMULATE_DEFAULTS.seed,
    Number.MIN_SAFE_INTEGER,
  );
  const asOf = options.asOf ?? SIMULATE_DEFAULTS.asOf;
  if (!isIsoDate(asOf)) {
    throw new RangeError(
      `Cannot simulate up to ${
        JSON.stringify(asOf)
      }: expected a date YYYY-MM-DD`,
    );
  }
  if (options.customers !== undefined && options.lines !== undefined) {
    throw new TypeError(
      `Cannot simulate: give "customers" or "lines", not both`,
    );
  }
  const lastDay = dayNumber(asOf);
  const firstDay = lastDay - days + 1;
  const stores = simulateStores(storeCount);
  const build = (customerCount: number) => {
    const { customers, plans } = simulateCustomers(
      { count: customerCount, days, lastDay },
      createRandom(seed).fork("customers"),
    );
    const context = {
      stores,
      customerIds: customers.map((c) => c.customer_id),
      plans,
      firstDay,
      days,
    };
    const sales: Iterable<SaleLine> = {
      [Symbol.iterator]: () =>
        simulateSales(context, createRandom(seed).fork("sales")),
    };
    return { customers, sales };
  };
  let customerCount: number = SIMULATE_DEFAULTS.customers;
  if (options.customers !== undefined) {
    customerCount = whole("customers", options.customers, 0);
  } else if (options.lines !== undefined) {
    const target = whole("lines", options.lines, 0);
    let pilotLines = 0;
    for (const _ of build(PILOT_CUSTOMERS).sales) pilotLines++;
    customerCount = pilotLines === 0
      ? 0
      : Math.round(target * PILOT_CUSTOMERS / pilotLines);
  }
  const { customers, sales } = build(customerCount);
  return {
    options: {
      days,
      stores: storeCount,
      customers: customerCount,
      seed,
      from: dateOfDay(firstDay),
      asOf,
    },
    stores,
    customers,
    sales,
  };
}

function whole(name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    const least = min > Number.MIN_SAFE_INTEGER ? ` of at least ${min}` : "";
    throw new RangeError(
      `Cannot simulate with ${name} ${
        JSON.stringify(value)
      }: expected a whole number${least}`,
    );
  }
  return value;
}
