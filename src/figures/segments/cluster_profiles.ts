import { AGE_BANDS, ageBand } from "./age_band.ts";
import type { CustomerFeatures, FeatureColumn } from "./customer_features.ts";
import { DEFAULT_SEGMENT_MAP, type RfmSegmentMap } from "./rfm_segment_map.ts";
import { round6 } from "../../stats/round6.ts";
import { segmentMixOf } from "./cluster_segment_counts.ts";

/** A count of customers with a share of the cluster. */
export interface CustomerCount {
  name: string;
  customers: number;
  /** Share of the cluster's customers, 0 to 1. */
  share: number;
}

/** Who a cluster's customers are, when a customers table exists. */
export interface ClusterDemographics {
  /** Every age band, youngest first, "Unknown" last. */
  ageBands: CustomerCount[];
  /** Genders as given, most common first; missing ones as "Unknown". */
  genders: CustomerCount[];
  /** The 10 most common home cities, then "Other cities", then "Unknown". */
  cities: CustomerCount[];
}

/** A sub-category a cluster buys more of than customers at large. */
export interface ClusterFeatureLift {
  key: string;
  label: string;
  /** The cluster's share of spend on it over everyone's share (1 = average). */
  lift: number;
  /** Share of the cluster's net spend that goes to it, 0 to 1. */
  spendShare: number;
}

/** One cluster, described. */
export interface ClusterProfile {
  /** 1 = the largest cluster. */
  id: number;
  /** From its top sub-categories in shop language, e.g. "Comics & men's footwear" (see clusterName). */
  name: string;
  size: number;
  /** Share of clustered customers, 0 to 1. */
  share: number;
  /** Net spend of its customers. */
  revenue: number;
  /** Net spend per customer. */
  averageSpend: number;
  /** Up to three sub-categories with lift above 1, highest first. */
  topSubCategories: ClusterFeatureLift[];
  /** Lift of every feature, in the order of the features (null when undefined). */
  lift: (number | null)[];
  /** Customers per RFM segment, in the segment map's order. */
  segmentMix: CustomerCount[];
  /** Null when the data has no customers table. */
  demographics: ClusterDemographics | null;
}

/** One customer's row of the customers table. */
export interface CustomerDetails {
  birth_date: string | null;
  gender: string | null;
  city: string | null;
}

/** Inputs of {@linkcode clusterProfiles}. */
export interface ClusterProfilesInput {
  features: Pick<CustomerFeatures, "columns" | "customerIds" | "spend">;
  /** Cluster of each row of the features, 0 = the largest. */
  labels: ArrayLike<number>;
  k: number;
  /** RFM segment of each customer id (scored customers only). */
  segments?: ReadonlyMap<string, string>;
  /** Each cluster's customers per segment, counted already (instead of from `segments`; see clusterSegmentCounts). */
  segmentCounts?: readonly ReadonlyMap<string, number>[];
  /** The segment map whose order segmentMix follows. */
  segmentMap?: RfmSegmentMap;
  /** Customers table rows by id, or undefined when there is none. */
  customers?: ReadonlyMap<string, CustomerDetails>;
  /** The day ages are counted to, YYYY-MM-DD. */
  asOf?: string | null;
}

const TOP_FEATURES = 3;

/** The lift a sub-category needs to give a cluster its name. */
export const NAME_MIN_LIFT = 1.5;
const TOP_CITIES = 10;

/**
 * Describes clusters: size, revenue and spend per customer, the lift of each
 * sub-category (the cluster's share of spend on it over all customers'
 * share: 2 means it takes twice the weight in their baskets), a name from
 * the two sub-categories with the highest lift of at least 1.5 (see
 * clusterName; a repeated name gets the cluster number), the RFM
 * segment mix and, with a customers table, age bands, genders and cities.
 *
 * @example
 * ```ts
 * import { clusterProfiles } from "./cluster_profiles.ts";
 * const features = {
 *   columns: [
 *     { key: "Books / Comics", category: "Books", subCategory: "Comics", label: "Books: Comics" },
 *     { key: "Books / DIY", category: "Books", subCategory: "DIY", label: "Books: DIY" },
 *   ],
 *   customerIds: ["A", "B"],
 *   spend: { rows: 2, cols: 2, values: Float64Array.from([30, 0, 0, 10]) },
 * };
 * const [first, second] = clusterProfiles({ features, labels: [0, 1], k: 2 });
 * // Comics: (30 / 30) / (30 / 40) = 1.33, too little to name a cluster after.
 * if (first.name !== "Mixed baskets" || second.name !== "DIY" || second.lift[1] !== 4) {
 *   throw new Error(JSON.stringify([first.name, second]));
 * }
 * ```
 */
export function clusterProfiles(input: ClusterProfilesInput): ClusterProfile[] {
  const {
    features,
    labels,
    k,
    segments,
    segmentCounts,
    segmentMap = DEFAULT_SEGMENT_MAP,
    customers,
    asOf = null,
  } = input;
  const { columns, customerIds, spend } = features;
  const d = columns.length;
  const n = customerIds.length;
  const sizes = new Array<number>(k).fill(0);
  const clusterSpend = Array.from({ length: k }, () => new Float64Array(d));
  const allSpend = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    const c = labels[i];
    sizes[c]++;
    for (let j = 0; j < d; j++) {
      const v = spend.values[i * d + j];
      clusterSpend[c][j] += v;
      allSpend[j] += v;
    }
  }
  const members = Array.from({ length: k }, () => [] as string[]);
  for (let i = 0; i < n; i++) members[labels[i]].push(customerIds[i]);
  return clusterProfilesFromSums({
    columns,
    sizes,
    clusterSpend,
    allSpend,
    members,
    segments,
    ...(segmentCounts ? { segmentCounts } : {}),
    segmentMap,
    customers,
    asOf,
  });
}

/**
 * What {@linkcode clusterProfiles} computes from each cluster's size, spend
 * per feature and customer ids, and the spend per feature of all: for
 * clusters assigned in batches, whose spend is summed batch by batch.
 */
export interface ClusterSums
  extends Omit<ClusterProfilesInput, "features" | "labels" | "k"> {
  columns: readonly FeatureColumn[];
  sizes: readonly number[];
  clusterSpend: readonly Float64Array[];
  allSpend: Float64Array;
  /**
   * Each cluster's customer ids: needed unless the segments
   * (`segmentCounts`) and demographics (`demographicCounts`, or no
   * `customers`) are counted already.
   */
  members?: readonly (readonly string[])[];
  /** Each cluster's demographics counted already (instead of from `customers`). */
  demographicCounts?: readonly DemographicCounts[];
}

/** The profiles of clusters from their sums (see {@linkcode clusterProfiles}). */
export function clusterProfilesFromSums(input: ClusterSums): ClusterProfile[] {
  const {
    columns,
    sizes,
    clusterSpend,
    allSpend,
    members,
    segments,
    segmentMap = DEFAULT_SEGMENT_MAP,
    customers,
    asOf = null,
  } = input;
  let n = 0;
  for (const size of sizes) n += size;
  const total = sum(allSpend);
  const profiles = clusterSpend.map((spendOf, c): ClusterProfile => {
    const revenue = sum(spendOf);
    const lift = Array.from(spendOf, (v, j) => {
      const overall = total > 0 ? allSpend[j] / total : 0;
      return revenue > 0 && overall > 0 ? (v / revenue) / overall : null;
    });
    const topSubCategories = lift
      .map((value, j) => ({ value, j }))
      .filter((e): e is { value: number; j: number } =>
        e.value !== null && e.value > 1
      )
      .sort((a, b) => b.value - a.value || a.j - b.j)
      .slice(0, TOP_FEATURES)
      .map(({ value, j }): ClusterFeatureLift => ({
        key: columns[j].key,
        label: columns[j].label,
        lift: value,
        spendShare: spendOf[j] / revenue,
      }));
    return {
      id: c + 1,
      name: clusterName(topSubCategories, columns),
      size: sizes[c],
      share: n ? sizes[c] / n : 0,
      revenue: round6(revenue),
      averageSpend: sizes[c] ? round6(revenue) / sizes[c] : 0,
      topSubCategories,
      lift,
      segmentMix: input.segmentCounts
        ? segmentMixOf(input.segmentCounts[c], sizes[c], segmentMap)
        : segmentMix(members?.[c] ?? [], segments, segmentMap),
      demographics: input.demographicCounts
        ? demographicsOf(input.demographicCounts[c])
        : customers
        ? demographics(members?.[c] ?? [], customers, asOf)
        : null,
    };
  });
  const seen = new Map<string, number>();
  for (const p of profiles) seen.set(p.name, (seen.get(p.name) ?? 0) + 1);
  for (const p of profiles) {
    if (seen.get(p.name)! > 1) p.name = `${p.name} (cluster ${p.id})`;
  }
  return profiles;
}

/** Sub-categories that say whom the goods are for, as a shop says it. */
const FOR_WHOM: Readonly<Record<string, string>> = {
  men: "men's",
  mens: "men's",
  "men's": "men's",
  women: "women's",
  womens: "women's",
  "women's": "women's",
  kids: "kids'",
  "kids'": "kids'",
  children: "children's",
  "children's": "children's",
  boys: "boys'",
  girls: "girls'",
  baby: "baby",
  babies: "baby",
};

/** A word's first letter lower-cased, unless the word is an acronym (DIY). */
function lowerFirst(text: string): string {
  const first = text.split(/\s/)[0];
  return first.length > 1 && first === first.toUpperCase()
    ? text
    : text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * A cluster's name in shop language, from its (up to) two sub-categories
 * with a lift of at least NAME_MIN_LIFT: a sub-category that says whom the
 * goods are for reads with its category ("Footwear: Mens" is "men's
 * footwear"), another by itself ("Electronics: Cameras" is "cameras"), a
 * category without sub-categories by its name; two are joined with "&"
 * ("Men's footwear & children's books", "Men's & women's clothing").
 * "Mixed baskets" when none reaches the lift.
 */
export function clusterName(
  top: readonly Pick<ClusterFeatureLift, "label" | "lift">[],
  columns: readonly Pick<FeatureColumn, "label" | "category" | "subCategory">[],
): string {
  const named = top.filter((t) => t.lift >= NAME_MIN_LIFT).slice(0, 2)
    .map((t) => columns.find((c) => c.label === t.label)!);
  if (named.length === 0) return "Mixed baskets";
  const whom = (c: (typeof named)[number]) =>
    c.subCategory === null ? undefined : FOR_WHOM[c.subCategory.toLowerCase()];
  const phrases = named.map((c) => {
    const who = whom(c);
    if (who) return `${who} ${lowerFirst(c.category)}`;
    return c.subCategory ?? c.category;
  });
  if (
    named.length === 2 && named[0].category === named[1].category &&
    whom(named[0]) && whom(named[1])
  ) {
    phrases.splice(0, 2, `${whom(named[0])} & ${phrases[1]}`);
  }
  const name = phrases.map((p, i) => i === 0 ? p : lowerFirst(p)).join(" & ");
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function sum(values: Float64Array): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function segmentMix(
  ids: readonly string[],
  segments: ReadonlyMap<string, string> | undefined,
  segmentMap: RfmSegmentMap,
): CustomerCount[] {
  if (!segments) return [];
  const counts = new Map<string, number>(
    segmentMap.map((rule) => [rule.segment, 0]),
  );
  for (const id of ids) {
    const segment = segments.get(id);
    if (segment !== undefined) {
      counts.set(segment, (counts.get(segment) ?? 0) + 1);
    }
  }
  return [...counts].map(([name, customers]) => ({
    name,
    customers,
    share: ids.length ? customers / ids.length : 0,
  }));
}

function demographics(
  ids: readonly string[],
  customers: ReadonlyMap<string, CustomerDetails>,
  asOf: string | null,
): ClusterDemographics {
  const counts = demographicCounts();
  for (const id of ids) countCustomer(counts, customers.get(id), asOf);
  return demographicsOf(counts);
}

/** One cluster's customers counted by age band, gender and home city. */
export interface DemographicCounts {
  customers: number;
  ages: Map<string, number>;
  genders: Map<string, number>;
  cities: Map<string, number>;
}

/** Empty {@linkcode DemographicCounts}. */
export function demographicCounts(): DemographicCounts {
  return {
    customers: 0,
    ages: new Map<string, number>(AGE_BANDS.map((band) => [band, 0])),
    genders: new Map<string, number>(),
    cities: new Map<string, number>(),
  };
}

/** Counts one customer (undefined: not in the customers table, all Unknown). */
export function countCustomer(
  counts: DemographicCounts,
  details: CustomerDetails | undefined,
  asOf: string | null,
): void {
  const bump = (map: Map<string, number>, key: string) =>
    map.set(key, (map.get(key) ?? 0) + 1);
  counts.customers++;
  bump(counts.ages, ageBand(details?.birth_date ?? null, asOf));
  bump(counts.genders, details?.gender ?? "Unknown");
  bump(counts.cities, details?.city ?? "Unknown");
}

function demographicsOf(
  { customers: total, ages, genders, cities }: DemographicCounts,
): ClusterDemographics {
  const count = (name: string, customers: number): CustomerCount => ({
    name,
    customers,
    share: total ? customers / total : 0,
  });
  const byCount = (map: Map<string, number>) =>
    [...map].filter(([name]) => name !== "Unknown").sort((a, b) =>
      b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)
    );
  const withUnknown = (list: CustomerCount[], map: Map<string, number>) =>
    map.get("Unknown")
      ? [...list, count("Unknown", map.get("Unknown")!)]
      : list;
  const cityList = byCount(cities);
  const topCities = cityList.slice(0, TOP_CITIES).map(([n, c]) => count(n, c));
  const others = cityList.slice(TOP_CITIES).reduce((s, [, c]) => s + c, 0);
  if (others > 0) topCities.push(count("Other cities", others));
  return {
    ageBands: [...ages].map(([name, customers]) => count(name, customers)),
    genders: withUnknown(
      byCount(genders).map(([n, c]) => count(n, c)),
      genders,
    ),
    cities: withUnknown(topCities, cities),
  };
}
