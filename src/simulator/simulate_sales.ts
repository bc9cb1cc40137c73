import { SHOPPING_STYLES } from "./customer_behaviours.ts";
import { fuelPrices } from "./fuel_prices.ts";
import { dateOfDay, weekday } from "../model/calendar.ts";
import { cumulative, type Random } from "./random.ts";
import {
  CATEGORIES,
  CHANNELS,
  CITIES,
  FUELS,
  REGIONS,
} from "./retail_catalog.ts";
import { FUEL_CATEGORY, type SaleLine } from "../model/schema.ts";
import type { CustomerPlans } from "./simulate_customers.ts";
import type { StoreInfo } from "./simulate_stores.ts";
import { type UsHoliday, usHolidays } from "./us_holidays.ts";

/** What {@linkcode simulateSales} simulates the sales of. */
export interface SimulateSalesContext {
  stores: readonly StoreInfo[];
  /** Customer ids, in the order of `plans`. */
  customerIds: readonly string[];
  plans: CustomerPlans;
  /** Day number (days since 1970-01-01) of the window's first day. */
  firstDay: number;
  days: number;
}

/** Visits by day of the week, Sunday first. */
export const SHOPPING_BY_WEEKDAY = [1.15, 0.85, 0.8, 0.85, 0.95, 1.1, 1.35];
/** Fuel fills by day of the week, Sunday first. */
export const FUEL_BY_WEEKDAY = [0.8, 0.95, 0.95, 1, 1.05, 1.3, 1.0];
/** Visits by month, January first (back to school in August, the holidays in December). */
export const SHOPPING_BY_MONTH = [
  0.85,
  0.9,
  1,
  1,
  1.02,
  1,
  1,
  1.05,
  0.97,
  1,
  1.1,
  1.3,
];

/** Anonymous baskets (no customer id) per customer and day, spread over the physical stores. */
const ANONYMOUS_BASKETS = 0.004;
/** Anonymous fuel fills per customer and day, spread over the fuel stations. */
const ANONYMOUS_FILLS = 0.01;
/** Chance that an anonymous fill comes with a grocery line in the same basket. */
const SNACK_CHANCE = 0.15;
const ANONYMOUS_CATEGORIES: Readonly<Record<string, number>> = {
  Groceries: 60,
  Books: 15,
  Clothing: 10,
  "Home Goods": 10,
  Electronics: 5,
};
const STORE_TRAFFIC: Readonly<Record<string, number>> = {
  "Flagship store": 2,
  "Mall store": 1.3,
  "Standard store": 1,
  "Express store": 0.8,
};
/** How much more likely a customer's favourite sub-category is. */
const FAVOURITE_BOOST = 6;
/** Departments of purchase lines, their shares and discounts. */
const PURCHASE_DEPARTMENTS = [
  { name: "Sales", share: 0.8, discount: 0 },
  { name: "Marketing", share: 0.13, discount: 0.15 },
  { name: "Inventory", share: 0.07, discount: 0.3 },
];
const RETURN_DEPARTMENT = "Customer Service";
/** Mean days between a purchase and its return, by category index. */
const RETURN_DELAY = [10, 6, 2, 8, 6];

const round2 = (x: number) => Math.round(x * 100) / 100;
const round3 = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The sale lines of the window, day by day, lazily: customers' baskets, then
 * anonymous baskets and fuel fills, then the day's returns of earlier
 * purchases. Memory stays small however many lines are drawn.
 */
export function* simulateSales(
  context: SimulateSalesContext,
  random: Random,
): Generator<SaleLine, void, undefined> {
  const { stores, customerIds, plans, firstDay, days } = context;
  const setup = prepare(context);
  const holidays = new Map<string, UsHoliday>(
    usHolidays(dateOfDay(firstDay), dateOfDay(firstDay + days - 1)).map((
      h,
    ) => [h.date, h]),
  );
  const weekStart = firstDay - ((weekday(firstDay) + 6) % 7);
  const prices = fuelPrices(
    Math.floor((firstDay + days - 1 - weekStart) / 7) + 1,
    random.fork("fuel"),
  );
  const pending: (SaleLine[] | undefined)[] = new Array(days);
  const departmentSums = cumulative(PURCHASE_DEPARTMENTS.map((d) => d.share));
  let transactions = 0;
  const nextTransaction = () => `T${String(++transactions).padStart(8, "0")}`;
  let date = "", week = 0;

  const line = (
    store: StoreInfo,
    customer: string | null,
    transaction: string,
    category: string,
    subCategory: string,
    department: string,
    quantity: number,
    amount: number,
  ): SaleLine => ({
    date,
    store: store.store,
    city: store.city,
    region: store.region,
    channel: store.channel,
    department,
    category,
    sub_category: subCategory,
    customer_id: customer,
    transaction_id: transaction,
    quantity,
    amount,
    gallons: null,
    fuel_type: null,
    fuel_price: null,
  });

  const goods = (
    s: number,
    customer: string | null,
    transaction: string,
    category: number,
    favourite: number,
    priceLevel: number,
  ): SaleLine => {
    const cat = CATEGORIES[category];
    const sub = cat
      .subCategories[
        random.cumulativeIndex(setup.subSums[category][favourite + 1])
      ];
    const quantity = 1 + random.poisson(cat.extraUnits);
    const unit = round2(random.logNormal(sub.price * priceLevel, sub.spread));
    const department =
      PURCHASE_DEPARTMENTS[random.cumulativeIndex(departmentSums)];
    const amount = Math.max(
      0.01,
      round2(quantity * unit * (1 - department.discount)),
    );
    return line(
      stores[s],
      customer,
      transaction,
      cat.name,
      sub.name,
      department.name,
      quantity,
      amount,
    );
  };

  const fill = (
    s: number,
    customer: string | null,
    transaction: string,
  ): SaleLine => {
    const f = random.cumulativeIndex(setup.fuelSums);
    const fuel = FUELS[f];
    const gallons = round3(
      Math.min(
        fuel.gallons * 3,
        Math.max(1.5, random.normal(fuel.gallons, fuel.gallonsSd)),
      ),
    );
    const price = prices.price(setup.storeRegion[s], f, week);
    const sale = line(
      stores[s],
      customer,
      transaction,
      FUEL_CATEGORY,
      fuel.subCategory,
      "Sales",
      1,
      round2(gallons * price),
    );
    sale.gallons = gallons;
    sale.fuel_type = fuel.type;
    sale.fuel_price = price;
    return sale;
  };

  for (let d = 0; d < days; d++) {
    const day = firstDay + d;
    date = dateOfDay(day);
    week = Math.floor((day - weekStart) / 7);
    const holiday = holidays.get(date);
    const shopping = SHOPPING_BY_WEEKDAY[weekday(day)] *
      SHOPPING_BY_MONTH[Number(date.slice(5, 7)) - 1] *
      (holiday?.shopping ?? 1);
    const fueling = FUEL_BY_WEEKDAY[weekday(day)] * (holiday?.fuel ?? 1);

    for (let c = 0; c < plans.count; c++) {
      if (d < plans.firstDay[c] || d > plans.lastDay[c]) continue;
      const sure = plans.joins[c] === 1 && d === plans.firstDay[c];
      if (!sure && random.next() >= plans.rate[c] * shopping) continue;
      const styleIndex = plans.style[c];
      const style = SHOPPING_STYLES[styleIndex];
      const channel = random.cumulativeIndex(setup.channelSums[styleIndex]);
      const choices = setup.storeChoices[plans.city[c]][channel];
      const s = choices[random.int(0, choices.length - 1)];
      const customer = customerIds[c];
      const transaction = nextTransaction();
      const lines = 1 + random.poisson(style.extraLines);
      for (let i = 0; i < lines; i++) {
        const category = random.cumulativeIndex(
          setup.categorySums[styleIndex][channel],
        );
        const favourite = category === setup.favouriteCategory[styleIndex]
          ? plans.favourite[c]
          : -1;
        const sale = goods(
          s,
          customer,
          transaction,
          category,
          favourite,
          favourite >= 0 ? style.priceLevel : 1,
        );
        const cat = CATEGORIES[category];
        if (random.chance(cat.returnRate)) {
          const back = d + 1 + random.poisson(RETURN_DELAY[category]);
          if (back < days && back <= plans.lastDay[c]) {
            (pending[back] ??= []).push(returnOf(sale, random));
          }
        }
        yield sale;
      }
      if (stores[s].fuel && random.chance(style.fuelChance)) {
        yield fill(s, customer, transaction);
      }
    }

    for (const s of setup.physicalStores) {
      const baskets = random.poisson(
        plans.count * ANONYMOUS_BASKETS * setup.traffic[s] * shopping,
      );
      const sums = setup.anonymousSums[s];
      for (let b = 0; b < baskets; b++) {
        const transaction = nextTransaction();
        const lines = 1 + random.poisson(0.6);
        for (let i = 0; i < lines; i++) {
          yield goods(
            s,
            null,
            transaction,
            random.cumulativeIndex(sums),
            -1,
            1,
          );
        }
      }
    }

    for (const s of setup.fuelStores) {
      const fills = random.poisson(
        plans.count * ANONYMOUS_FILLS / setup.fuelStores.length * fueling,
      );
      for (let b = 0; b < fills; b++) {
        const transaction = nextTransaction();
        yield fill(s, null, transaction);
        if (random.chance(SNACK_CHANCE)) {
          yield goods(s, null, transaction, setup.groceries, -1, 1);
        }
      }
    }

    for (const sale of pending[d] ?? []) {
      sale.date = date;
      sale.transaction_id = nextTransaction();
      yield sale;
    }
    pending[d] = undefined;
  }
}

/** A return line for (part of) a purchase; date and transaction are set when it happens. */
function returnOf(sale: SaleLine, random: Random): SaleLine {
  const bought = sale.quantity ?? 1;
  const back = bought > 1 && random.chance(0.5)
    ? random.int(1, bought - 1)
    : bought;
  return {
    ...sale,
    department: RETURN_DEPARTMENT,
    quantity: -back,
    amount: -round2(sale.amount * back / bought),
  };
}

/** Lookup tables for the generator, computed once per run. */
function prepare(context: SimulateSalesContext) {
  const { stores } = context;
  const channelOf = stores.map((s) =>
    CHANNELS.findIndex((c) => c.name === s.channel)
  );
  const present = CHANNELS.map((_, ch) => channelOf.includes(ch));
  const categoryIndex = (name: string) =>
    CATEGORIES.findIndex((c) => c.name === name);
  const restrict = (
    weights: Readonly<Record<string, number>>,
    channel: number,
  ) =>
    cumulative(
      CATEGORIES.map((c) =>
        CHANNELS[channel].categories.includes(c.name) ? weights[c.name] ?? 0 : 0
      ),
    );

  const channelSums = SHOPPING_STYLES.map((style) => {
    const weights = CHANNELS.map((c, ch) =>
      present[ch] ? style.channels[c.name] ?? 0 : 0
    );
    const total = weights.reduce((a, b) => a + b, 0);
    return cumulative(total > 0 ? weights : present.map((p) => p ? 1 : 0));
  });
  const categorySums = SHOPPING_STYLES.map((style) =>
    CHANNELS.map((_, ch) => restrict(style.categories, ch))
  );
  const favouriteCategory = SHOPPING_STYLES.map((style) =>
    categoryIndex(style.favouriteCategory)
  );
  const subSums = CATEGORIES.map((cat) =>
    [-1, ...cat.subCategories.keys()].map((favourite) =>
      cumulative(
        cat.subCategories.map((sc, i) =>
          sc.weight * (i === favourite ? FAVOURITE_BOOST : 1)
        ),
      )
    )
  );

  // Where a customer of a city goes for a channel: the home city, else the region, else anywhere.
  const storeChoices = CITIES.map((city) =>
    CHANNELS.map((_, ch) => {
      const of = (keep: (s: StoreInfo) => boolean) =>
        stores.flatMap((s, i) => channelOf[i] === ch && keep(s) ? [i] : []);
      const home = of((s) => s.city === city.name);
      if (home.length) return home;
      const region = of((s) => s.region === city.region);
      return region.length ? region : of(() => true);
    })
  );

  const physicalStores = stores.flatMap((_, i) =>
    CHANNELS[channelOf[i]].physical ? [i] : []
  );
  const totalTraffic = physicalStores.reduce(
    (sum, i) => sum + (STORE_TRAFFIC[stores[i].channel] ?? 1),
    0,
  );
  const traffic = stores.map((s) =>
    (STORE_TRAFFIC[s.channel] ?? 1) / totalTraffic
  );
  const anonymousSums = stores.map((_, i) =>
    restrict(ANONYMOUS_CATEGORIES, channelOf[i])
  );
  return {
    channelSums,
    categorySums,
    favouriteCategory,
    subSums,
    storeChoices,
    physicalStores: physicalStores.filter((i) =>
      anonymousSums[i][anonymousSums[i].length - 1] > 0
    ),
    traffic,
    anonymousSums,
    fuelStores: stores.flatMap((s, i) => s.fuel ? [i] : []),
    fuelSums: cumulative(FUELS.map((f) => f.weight)),
    storeRegion: stores.map((s) => REGIONS.indexOf(s.region)),
    groceries: categoryIndex("Groceries"),
  };
}
