/**
 * What the simulated retail chain sells and where: cities and regions,
 * channels (store types), departments, and categories with their
 * sub-categories and price levels. Plain constants, read by the simulator.
 *
 * @module
 */

/** A city the chain has stores and customers in. */
export interface CatalogCity {
  name: string;
  region: string;
  /** Relative size (about population to the power 0.6), to spread stores and customers. */
  weight: number;
}

/** The ten cities, by US Census region. */
export const CITIES: readonly CatalogCity[] = [
  { name: "New York", region: "Northeast", weight: 4.5 },
  { name: "Los Angeles", region: "West", weight: 3.0 },
  { name: "Chicago", region: "Midwest", weight: 2.4 },
  { name: "Houston", region: "South", weight: 2.2 },
  { name: "Phoenix", region: "West", weight: 1.7 },
  { name: "Philadelphia", region: "Northeast", weight: 1.7 },
  { name: "San Antonio", region: "South", weight: 1.6 },
  { name: "San Diego", region: "West", weight: 1.5 },
  { name: "Dallas", region: "South", weight: 1.5 },
  { name: "San Jose", region: "West", weight: 1.2 },
];

/** The regions, in a fixed order. */
export const REGIONS: readonly string[] = [
  "Northeast",
  "Midwest",
  "South",
  "West",
];

/** A channel: the type of a store. Every store has exactly one. */
export interface CatalogChannel {
  name: string;
  /** Whether the store is a shop people walk into (not online or by phone). */
  physical: boolean;
  /** Share of such a store's stations that sell fuel (0 = never, 1 = always). */
  fuelShare: number;
  /** Categories sold, other than fuel. */
  categories: readonly string[];
}

const ALL_GOODS = [
  "Electronics",
  "Clothing",
  "Groceries",
  "Home Goods",
  "Books",
];

/** The channels, from the largest kind of store to the remote ones. */
export const CHANNELS: readonly CatalogChannel[] = [
  {
    name: "Flagship store",
    physical: true,
    fuelShare: 0,
    categories: ALL_GOODS,
  },
  {
    name: "Mall store",
    physical: true,
    fuelShare: 0,
    categories: ["Electronics", "Clothing", "Home Goods", "Books"],
  },
  {
    name: "Standard store",
    physical: true,
    fuelShare: 0.5,
    categories: ALL_GOODS,
  },
  {
    name: "Express store",
    physical: true,
    fuelShare: 1,
    categories: ["Groceries", "Books"],
  },
  { name: "e-Shop", physical: false, fuelShare: 0, categories: ALL_GOODS },
  {
    name: "TeleShop",
    physical: false,
    fuelShare: 0,
    categories: ["Electronics", "Clothing", "Home Goods"],
  },
];

/** The departments a line is booked to. */
export const DEPARTMENTS: readonly string[] = [
  "Sales",
  "Marketing",
  "Inventory",
  "Customer Service",
];

/** A sub-category with its typical unit price. */
export interface CatalogSubCategory {
  name: string;
  /** Relative popularity within its category. */
  weight: number;
  /** Median unit price in dollars. */
  price: number;
  /** Spread of unit prices (sigma of the log). */
  spread: number;
}

/** A category of goods (fuel is described by {@linkcode FUELS}). */
export interface CatalogCategory {
  name: string;
  subCategories: readonly CatalogSubCategory[];
  /** Mean number of extra units on a line (quantity = 1 + Poisson). */
  extraUnits: number;
  /** Probability that a line of this category is returned later. */
  returnRate: number;
}

/** The goods categories, in a fixed order. */
export const CATEGORIES: readonly CatalogCategory[] = [
  {
    name: "Electronics",
    extraUnits: 0.1,
    returnRate: 0.08,
    subCategories: [
      { name: "Mobiles", weight: 3, price: 320, spread: 0.6 },
      { name: "Computers", weight: 2, price: 650, spread: 0.5 },
      { name: "Audio and video", weight: 3, price: 140, spread: 0.8 },
      { name: "Cameras", weight: 1, price: 380, spread: 0.6 },
      { name: "Personal Appliances", weight: 3, price: 55, spread: 0.6 },
    ],
  },
  {
    name: "Clothing",
    extraUnits: 0.4,
    returnRate: 0.15,
    subCategories: [
      { name: "Women", weight: 4, price: 38, spread: 0.6 },
      { name: "Mens", weight: 3, price: 35, spread: 0.6 },
      { name: "Kids", weight: 2, price: 18, spread: 0.5 },
      { name: "Footwear", weight: 2, price: 55, spread: 0.5 },
      { name: "Accessories", weight: 1, price: 22, spread: 0.7 },
    ],
  },
  {
    name: "Groceries",
    extraUnits: 1.2,
    returnRate: 0.01,
    subCategories: [
      { name: "Fresh Produce", weight: 5, price: 6.4, spread: 0.5 },
      { name: "Dairy", weight: 4, price: 7.6, spread: 0.4 },
      { name: "Bakery", weight: 3, price: 8.2, spread: 0.4 },
      { name: "Beverages", weight: 3, price: 11.0, spread: 0.6 },
      { name: "Pantry", weight: 4, price: 9.0, spread: 0.5 },
      { name: "Frozen", weight: 2, price: 12.4, spread: 0.4 },
      { name: "Snacks", weight: 3, price: 6.8, spread: 0.4 },
    ],
  },
  {
    name: "Home Goods",
    extraUnits: 0.2,
    returnRate: 0.07,
    subCategories: [
      { name: "Furnishing", weight: 2, price: 260, spread: 0.7 },
      { name: "Kitchen", weight: 3, price: 45, spread: 0.7 },
      { name: "Bath", weight: 2, price: 28, spread: 0.5 },
      { name: "Tools", weight: 2, price: 60, spread: 0.7 },
      { name: "Decor", weight: 2, price: 35, spread: 0.7 },
      { name: "Garden", weight: 1, price: 40, spread: 0.7 },
    ],
  },
  {
    name: "Books",
    extraUnits: 0.2,
    returnRate: 0.04,
    subCategories: [
      { name: "Fiction", weight: 4, price: 16, spread: 0.35 },
      { name: "Non-Fiction", weight: 3, price: 22, spread: 0.35 },
      { name: "Children", weight: 2, price: 11, spread: 0.4 },
      { name: "Comics", weight: 1, price: 9, spread: 0.4 },
      { name: "Academic", weight: 1, price: 55, spread: 0.5 },
      { name: "DIY", weight: 1, price: 20, spread: 0.35 },
    ],
  },
];

/** A fuel sold at the pump: its sub-category name, type and price level. */
export interface CatalogFuel {
  /** The line's sub-category, e.g. "Gasoline". */
  subCategory: string;
  /** The line's `fuel_type`, e.g. "gasoline". */
  type: string;
  /** Share of fills. */
  weight: number;
  /** Median gallons per fill, and the spread (sd) around it. */
  gallons: number;
  gallonsSd: number;
  /** Price per gallon at the start of the window, by region (see {@linkcode REGIONS}). */
  startPrice: Readonly<Record<string, number>>;
}

/** The fuels: gasoline and diesel. */
export const FUELS: readonly CatalogFuel[] = [
  {
    subCategory: "Gasoline",
    type: "gasoline",
    weight: 9,
    gallons: 11,
    gallonsSd: 4,
    startPrice: { Northeast: 3.29, Midwest: 3.19, South: 2.89, West: 4.39 },
  },
  {
    subCategory: "Diesel",
    type: "diesel",
    weight: 1,
    gallons: 19,
    gallonsSd: 9,
    startPrice: { Northeast: 3.89, Midwest: 3.69, South: 3.49, West: 4.99 },
  },
];
