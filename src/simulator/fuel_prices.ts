import type { Random } from "./random.ts";
import { FUELS, REGIONS } from "./retail_catalog.ts";

/** Weekly pump prices by region and fuel, for one window. */
export interface FuelPrices {
  /** Number of weeks covered. */
  weeks: number;
  /** Price per gallon of fuel `fuel` (index into FUELS) in `region` (index into REGIONS) in week `week`. */
  price(region: number, fuel: number, week: number): number;
}

const NATIONAL_SD = 0.035;
const REGIONAL_SD = 0.02;
const PULL_BACK = 0.1;

/**
 * Pump prices that change every week: a random walk made of a national shock
 * shared by all regions, a regional shock, and a pull back towards each
 * region's starting price (see `FUELS`). Prices end in 9/10 of a cent, as on
 * US price boards (3.459).
 */
export function fuelPrices(weeks: number, random: Random): FuelPrices {
  const table = new Float64Array(REGIONS.length * FUELS.length * weeks);
  const at = (r: number, f: number, w: number) =>
    (w * REGIONS.length + r) * FUELS.length + f;
  const level = REGIONS.map((region) =>
    FUELS.map((fuel) => fuel.startPrice[region])
  );
  for (let w = 0; w < weeks; w++) {
    const national = w === 0 ? 0 : random.normal(0, NATIONAL_SD);
    REGIONS.forEach((region, r) => {
      FUELS.forEach((fuel, f) => {
        if (w > 0) {
          const start = fuel.startPrice[region];
          level[r][f] += national + random.normal(0, REGIONAL_SD) +
            PULL_BACK * (start - level[r][f]);
        }
        const cents = Math.floor(Math.max(1, level[r][f]) * 100);
        table[at(r, f, w)] = (cents * 10 + 9) / 1000;
      });
    });
  }
  return {
    weeks,
    price: (region, fuel, week) => table[at(region, fuel, week)],
  };
}
