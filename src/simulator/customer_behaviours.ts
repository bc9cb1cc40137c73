/**
 * How the simulated customers shop. Each customer follows one behaviour:
 * six shopping styles, plus "lapsed" customers who stop buying part-way
 * through the window and "new" customers whose first purchase comes late;
 * those two shop in one of the six styles while they are active.
 *
 * @module
 */

/** The behaviour a simulated customer follows. */
export type CustomerBehaviour =
  | "frequent grocery"
  | "big-ticket electronics"
  | "book lover"
  | "home furnisher"
  | "fashion shopper"
  | "occasional"
  | "lapsed"
  | "new";

/** A shopping style: how often, what, where and how much. */
export interface ShoppingStyle {
  behaviour: CustomerBehaviour;
  /** Share of customers with this style. */
  share: number;
  /** Mean chance of a visit on an ordinary day. */
  visitsPerDay: number;
  /** Mean number of extra lines in a basket (lines = 1 + Poisson). */
  extraLines: number;
  /** Relative weight of each goods category in the basket. */
  categories: Readonly<Record<string, number>>;
  /** Relative weight of each channel for a visit. */
  channels: Readonly<Record<string, number>>;
  /** The category in which each customer has a favourite sub-category. */
  favouriteCategory: string;
  /** Multiplier on unit prices in the favourite category. */
  priceLevel: number;
  /** Chance of filling up when the store sells fuel. */
  fuelChance: number;
  /** Age: mean and spread in years. */
  age: readonly [number, number];
  /** Share of women among those with a stated gender. */
  female: number;
}

/** The six shopping styles. Shares sum to 1 before lapsed and new are drawn. */
export const SHOPPING_STYLES: readonly ShoppingStyle[] = [
  {
    behaviour: "frequent grocery",
    share: 0.3,
    visitsPerDay: 0.1,
    extraLines: 1.2,
    categories: {
      Groceries: 94,
      "Home Goods": 3,
      Books: 2,
      Clothing: 1,
      Electronics: 0.5,
    },
    channels: {
      "Standard store": 45,
      "Express store": 30,
      "Flagship store": 15,
      "e-Shop": 10,
    },
    favouriteCategory: "Groceries",
    priceLevel: 1,
    fuelChance: 0.3,
    age: [48, 14],
    female: 0.58,
  },
  {
    behaviour: "big-ticket electronics",
    share: 0.1,
    visitsPerDay: 0.022,
    extraLines: 0.4,
    categories: {
      Electronics: 88,
      "Home Goods": 5,
      Groceries: 4,
      Books: 2,
      Clothing: 1,
    },
    channels: {
      "Flagship store": 30,
      "Mall store": 25,
      "e-Shop": 35,
      TeleShop: 10,
    },
    favouriteCategory: "Electronics",
    priceLevel: 1.5,
    fuelChance: 0.1,
    age: [36, 11],
    female: 0.3,
  },
  {
    behaviour: "book lover",
    share: 0.12,
    visitsPerDay: 0.045,
    extraLines: 0.6,
    categories: {
      Books: 85,
      Groceries: 10,
      Clothing: 2,
      "Home Goods": 2,
      Electronics: 1,
    },
    channels: {
      "Mall store": 30,
      "Flagship store": 20,
      "e-Shop": 35,
      "Express store": 15,
    },
    favouriteCategory: "Books",
    priceLevel: 1,
    fuelChance: 0.1,
    age: [45, 17],
    female: 0.6,
  },
  {
    behaviour: "home furnisher",
    share: 0.12,
    visitsPerDay: 0.03,
    extraLines: 0.7,
    categories: {
      "Home Goods": 85,
      Groceries: 9,
      Electronics: 3,
      Clothing: 2,
      Books: 1,
    },
    channels: {
      "Flagship store": 30,
      "Mall store": 25,
      "Standard store": 15,
      "e-Shop": 15,
      TeleShop: 15,
    },
    favouriteCategory: "Home Goods",
    priceLevel: 1.2,
    fuelChance: 0.15,
    age: [50, 13],
    female: 0.55,
  },
  {
    behaviour: "fashion shopper",
    share: 0.16,
    visitsPerDay: 0.045,
    extraLines: 0.9,
    categories: {
      Clothing: 88,
      Groceries: 6,
      Books: 2,
      "Home Goods": 2,
      Electronics: 2,
    },
    channels: {
      "Mall store": 45,
      "Flagship store": 20,
      "e-Shop": 30,
      TeleShop: 5,
    },
    favouriteCategory: "Clothing",
    priceLevel: 1.1,
    fuelChance: 0.05,
    age: [31, 10],
    female: 0.72,
  },
  {
    behaviour: "occasional",
    share: 0.2,
    visitsPerDay: 0.012,
    extraLines: 0.8,
    categories: {
      Groceries: 35,
      Clothing: 20,
      "Home Goods": 18,
      Books: 15,
      Electronics: 12,
    },
    channels: {
      "Standard store": 25,
      "Flagship store": 20,
      "Mall store": 20,
      "Express store": 10,
      "e-Shop": 20,
      TeleShop: 5,
    },
    favouriteCategory: "Groceries",
    priceLevel: 1,
    fuelChance: 0.2,
    age: [44, 16],
    female: 0.5,
  },
];

/** Share of customers who lapse: they stop buying between 30% and 55% of the window. */
export const LAPSED_SHARE = 0.1;
/** Share of new customers: their first purchase is in the last 30% of the window. */
export const NEW_SHARE = 0.08;
/** When lapsed customers stop, as fractions of the window. */
export const LAPSE_WINDOW: readonly [number, number] = [0.3, 0.55];
/** When new customers first buy, as fractions of the window. */
export const JOIN_WINDOW: readonly [number, number] = [0.7, 0.97];
