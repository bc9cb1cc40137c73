import {
  type CustomerBehaviour,
  JOIN_WINDOW,
  LAPSE_WINDOW,
  LAPSED_SHARE,
  NEW_SHARE,
  SHOPPING_STYLES,
} from "./customer_behaviours.ts";
import { dateOfDay } from "../model/calendar.ts";
import { cumulative, type Random } from "./random.ts";
import { CATEGORIES, CITIES } from "./retail_catalog.ts";
import type { Customer } from "../model/schema.ts";

/** A simulated customer, with the behaviour the simulation gave them. */
export interface SimulatedCustomer extends Customer {
  behaviour: CustomerBehaviour;
}

/**
 * How each customer shops, as parallel typed arrays (index = position in the
 * customer list), compact enough for a million customers.
 */
export interface CustomerPlans {
  count: number;
  /** Index into {@linkcode SHOPPING_STYLES}. */
  style: Uint8Array;
  /** Index into {@linkcode CITIES}: the home city. */
  city: Uint8Array;
  /** Chance of a visit on an ordinary day. */
  rate: Float64Array;
  /** First and last day (0-based in the window) the customer may buy. */
  firstDay: Int32Array;
  lastDay: Int32Array;
  /** Whether the customer surely buys on `firstDay` (new customers). */
  joins: Uint8Array;
  /** Favourite sub-category, an index within the style's favourite category. */
  favourite: Uint8Array;
}

/** Options for {@linkcode simulateCustomers}. */
export interface SimulateCustomersOptions {
  count: number;
  /** Length of the window in days. */
  days: number;
  /** Day number (days since 1970-01-01) of the window's last day. */
  lastDay: number;
}

const RATE_SPREAD = 0.5;
const UNKNOWN_GENDER = 0.02;

/**
 * Draws the customers: a shopping style for each, then whether they lapse or
 * join late, their home city (by city size), age and gender (by style) and
 * how often they shop. New customers get the highest ids, as if numbered in
 * the order they signed up.
 */
export function simulateCustomers(
  options: SimulateCustomersOptions,
  random: Random,
): { customers: SimulatedCustomer[]; plans: CustomerPlans } {
  const { count, days, lastDay } = options;
  const styleSums = cumulative(SHOPPING_STYLES.map((s) => s.share));
  const citySums = cumulative(CITIES.map((c) => c.weight));
  const favouriteSums = SHOPPING_STYLES.map((style) =>
    cumulative(
      CATEGORIES.find((c) => c.name === style.favouriteCategory)!.subCategories
        .map((sc) => sc.weight),
    )
  );
  const plans: CustomerPlans = {
    count,
    style: new Uint8Array(count),
    city: new Uint8Array(count),
    rate: new Float64Array(count),
    firstDay: new Int32Array(count),
    lastDay: new Int32Array(count),
    joins: new Uint8Array(count),
    favourite: new Uint8Array(count),
  };
  const drawn: {
    behaviour: CustomerBehaviour;
    birth: string;
    gender: string | null;
  }[] = [];
  const rateScale = Math.exp(-RATE_SPREAD * RATE_SPREAD / 2);
  for (let i = 0; i < count; i++) {
    const s = random.cumulativeIndex(styleSums);
    const style = SHOPPING_STYLES[s];
    const lifecycle = random.next();
    let behaviour: CustomerBehaviour = style.behaviour;
    let first = 0, last = days - 1, joins = 0;
    if (lifecycle < LAPSED_SHARE) {
      behaviour = "lapsed";
      last = Math.floor(
        days * random.uniform(LAPSE_WINDOW[0], LAPSE_WINDOW[1]),
      );
    } else if (lifecycle < LAPSED_SHARE + NEW_SHARE) {
      behaviour = "new";
      first = Math.min(
        days - 1,
        Math.floor(days * random.uniform(JOIN_WINDOW[0], JOIN_WINDOW[1])),
      );
      joins = 1;
    }
    plans.style[i] = s;
    plans.city[i] = random.cumulativeIndex(citySums);
    plans.rate[i] = style.visitsPerDay *
      random.logNormal(rateScale, RATE_SPREAD);
    plans.firstDay[i] = first;
    plans.lastDay[i] = last;
    plans.joins[i] = joins;
    plans.favourite[i] = random.cumulativeIndex(favouriteSums[s]);
    const age = Math.min(
      90,
      Math.max(18, random.normal(style.age[0], style.age[1])),
    );
    const birth = dateOfDay(lastDay - Math.ceil(age * 365.25));
    const gender = random.chance(UNKNOWN_GENDER)
      ? null
      : random.chance(style.female)
      ? "F"
      : "M";
    drawn.push({ behaviour, birth, gender });
  }
  const order: number[] = [];
  for (const late of [false, true]) {
    drawn.forEach((d, i) => (d.behaviour === "new") === late && order.push(i));
  }
  const width = Math.max(5, String(count).length);
  const customers: SimulatedCustomer[] = order.map((i, rank) => ({
    customer_id: `C${String(rank + 1).padStart(width, "0")}`,
    birth_date: drawn[i].birth,
    gender: drawn[i].gender,
    city: CITIES[plans.city[i]].name,
    behaviour: drawn[i].behaviour,
  }));
  return { customers, plans: permute(plans, order) };
}

function permute(plans: CustomerPlans, order: number[]): CustomerPlans {
  const take = <T extends Uint8Array | Int32Array | Float64Array>(a: T): T => {
    const out = a.slice() as T;
    order.forEach((from, to) => out[to] = a[from]);
    return out;
  };
  return {
    count: plans.count,
    style: take(plans.style),
    city: take(plans.city),
    rate: take(plans.rate),
    firstDay: take(plans.firstDay),
    lastDay: take(plans.lastDay),
    joins: take(plans.joins),
    favourite: take(plans.favourite),
  };
}
