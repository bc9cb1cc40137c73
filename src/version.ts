/** Basket's version, recorded in every published run's manifest. */
export const VERSION = "0.1.0";
