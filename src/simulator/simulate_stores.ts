import { CHANNELS, CITIES } from "./retail_catalog.ts";

/** A store of the simulated chain. */
export interface StoreInfo {
  /** Store id, e.g. "S01". */
  store: string;
  city: string;
  region: string;
  /** The store's channel (type), e.g. "Flagship store". */
  channel: string;
  /** Whether the store has a fuel station. */
  fuel: boolean;
}

const FIRST_STORE_CHANNELS = ["Flagship store", "Flagship store"];
const MORE_STORE_CHANNELS = [
  "Express store",
  "Mall store",
  "Express store",
  "Standard store",
  "Mall store",
];
const REMOTE_CITIES = [
  "New York",
  "Dallas",
  "Los Angeles",
  "Chicago",
  "Houston",
];

/**
 * The chain's stores. The first stores go one to a city, largest city first;
 * the rest are spread in proportion to city size (D'Hondt). The two largest
 * cities get a flagship store, the other cities a standard store first, then
 * express and mall stores. From 4 stores on, one is the e-Shop, from 6 on one
 * is the TeleShop, and every 25 stores add another e-Shop. Express stores
 * have a fuel station; so does the first standard store of each region, and
 * every other standard store after it.
 * The result depends only on `count`.
 *
 * @example
 * ```ts
 * import { simulateStores } from "./simulate_stores.ts";
 * const stores = simulateStores(20);
 * if (new Set(stores.map((s) => s.city)).size !== 10) throw new Error("a city has no store");
 * ```
 */
export function simulateStores(count: number): StoreInfo[] {
  if (!Number.isInteger(count) || count < 1) {
    throw new RangeError(
      `Cannot simulate ${count} stores: the count must be a whole number of at least 1`,
    );
  }
  const eShops = count >= 4 ? 1 + Math.floor(count / 25) : 0;
  const teleShops = count >= 6 ? 1 : 0;
  const physical = count - eShops - teleShops;
  const perCity = CITIES.map(() => 0);
  const slots: { city: number; channel: string }[] = [];
  for (let i = 0; i < physical; i++) {
    let city = 0;
    if (i < CITIES.length) city = i;
    else {
      let best = -1;
      CITIES.forEach((c, j) => {
        const quotient = c.weight / (perCity[j] + 1);
        if (quotient > best) best = quotient, city = j;
      });
    }
    const channel = i < CITIES.length
      ? FIRST_STORE_CHANNELS[i] ?? "Standard store"
      : MORE_STORE_CHANNELS[(i - CITIES.length) % MORE_STORE_CHANNELS.length];
    perCity[city]++;
    slots.push({ city, channel });
  }
  for (let i = 0; i < eShops; i++) {
    slots.push({
      city: cityIndex(REMOTE_CITIES[i % REMOTE_CITIES.length]),
      channel: "e-Shop",
    });
  }
  if (teleShops) slots.push({ city: cityIndex("Dallas"), channel: "TeleShop" });
  const order = (channel: string) =>
    CHANNELS.findIndex((c) => c.name === channel);
  slots.sort((a, b) => a.city - b.city || order(a.channel) - order(b.channel));
  const width = Math.max(2, String(count).length);
  const standards = new Map<string, number>();
  return slots.map((slot, i) => {
    const share = CHANNELS[order(slot.channel)].fuelShare;
    const region = CITIES[slot.city].region;
    const nth = share > 0 && share < 1 ? standards.get(region) ?? 0 : 0;
    if (share > 0 && share < 1) standards.set(region, nth + 1);
    const fuel = share >= 1 || (share > 0 && nth % 2 === 0);
    return {
      store: `S${String(i + 1).padStart(width, "0")}`,
      city: CITIES[slot.city].name,
      region: CITIES[slot.city].region,
      channel: slot.channel,
      fuel,
    };
  });
}

function cityIndex(name: string): number {
  return CITIES.findIndex((c) => c.name === name);
}
