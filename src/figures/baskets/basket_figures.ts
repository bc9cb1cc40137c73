/**
 * What sells together: the row types of the basket analysis (pairs and
 * triples of items bought in one transaction), shared by the SQL analysis,
 * the charts and the report.
 *
 * A **basket** is a purchase transaction: a transaction id with at least
 * one sale line (amount > 0) whose item is known. Its items are the
 * distinct categories, sub-categories or products of those sale lines;
 * returns are left out. For items A and B among N baskets:
 * support(A, B) = baskets holding both / N, confidence(A → B) =
 * support(A, B) / support(A), lift = support(A, B) / (support(A) ×
 * support(B)); a lift above 1 means they are bought together more often
 * than if they were bought independently.
 *
 * @module
 */

/** The level items are taken at. */
export type BasketLevel = "category" | "sub_category" | "product";

/** A pair of items and how often they are bought together. */
export interface BasketPair {
  /** Item ids, `a` < `b`. A sub-category's id is `Category / Sub-category`. */
  a: string;
  b: string;
  /** Names to show: a product's name, else the id. */
  aName: string;
  bName: string;
  /** Baskets holding both. */
  baskets: number;
  support: number;
  /** confidence(a → b): the share of baskets with `a` that also hold `b`. */
  confidenceAB: number;
  /** confidence(b → a). */
  confidenceBA: number;
  lift: number;
}

/**
 * Three items bought together, with the strongest of its three rules
 * {X, Y} → Z (highest confidence; ties by the lower item ids).
 */
export interface BasketTriple {
  items: [string, string, string];
  names: [string, string, string];
  baskets: number;
  support: number;
  /** The rule's two given items and its consequent. */
  given: [string, string];
  then: string;
  /** support(X, Y, Z) / support(X, Y). */
  confidence: number;
  /** confidence / support(Z). */
  lift: number;
}

/** The pairs among one group of baskets: all, one RFM segment or one cluster. */
export interface BasketScope {
  dimension: "all" | "segment" | "cluster";
  /** "All baskets", the segment's name or the cluster's label. */
  scope: string;
  /** Baskets in the group. */
  baskets: number;
  /** Baskets holding two items or more. */
  multiItemBaskets: number;
  /** Pairs bought together in at least `minCount` baskets. */
  pairsFound: number;
  /** The strongest of them: highest lift first, then most baskets, then ids. */
  pairs: BasketPair[];
}

/** The basket figures at one level. */
export interface BasketLevelFigures {
  level: BasketLevel;
  /** Distinct items in the baskets. */
  items: number;
  /** The fewest baskets a pair (or triple) must be in to be listed. */
  minCount: number;
  /** All baskets first, then each RFM segment, then each cluster. */
  scopes: BasketScope[];
  /** The strongest triples among all baskets; null when not computed (see triplesNote). */
  triples: BasketTriple[] | null;
  triplesNote: string | null;
}

/** Every basket figure of a report. */
export interface BasketFigures {
  /** Purchase transactions (transaction ids with a sale line). */
  transactions: number;
  /** Those with two sale lines or more. */
  multiLineTransactions: number;
  /** Why there is nothing to analyse, in words; null when there is. */
  note: string | null;
  levels: BasketLevelFigures[];
}

/** How a level is named in prose: ["category", "categories"]. */
export const LEVEL_NOUNS: Readonly<Record<BasketLevel, [string, string]>> = {
  category: ["category", "categories"],
  sub_category: ["sub-category", "sub-categories"],
  product: ["product", "products"],
};
