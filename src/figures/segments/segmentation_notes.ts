/**
 * Method notes for the report and the notebooks, one paragraph per entry,
 * plain text. docs/segments.md says the same at more length.
 *
 * @module
 */

/** How RFM is computed: what the report's method notes say about it. */
export const RFM_METHOD_NOTES: readonly string[] = [
  "Recency is the number of days from a customer's last purchase to the as-of date, by default the day after the last date in the data. Frequency is the number of distinct transactions with at least one purchase; lines without a transaction id count as one transaction per customer and day. Monetary value is net spend: purchases minus returns.",
  "Returns: a line with a negative amount is a return. Returns lower monetary value but are not visits: they neither refresh recency nor add to frequency. Customers whose lines in the period are all returns are not scored; the report counts them and their net spend apart, as it does for lines without a customer id.",
  "Each measure is scored 1 to 5 by quintile, recency reversed so that the most recent buyers score 5. Equal values share a score: the cut points are the 20th, 40th, 60th and 80th percentiles of the values, so when many customers have the same frequency some scores stay unused. (The alternative policy, rank order, fills every score equally and breaks ties by customer id.)",
  "Segments come from the recency and frequency scores on a standard 5 × 5 grid: Champions (R5, F4–5), Loyal Customers (R3–4, F4–5), Potential Loyalists (R4–5, F2–3), New Customers (R5, F1), Promising (R4, F1), Need Attention (R3, F3), About to Sleep (R3, F1–2), At Risk (R1–2, F3–4), Can't Lose Them (R1–2, F5), Hibernating (R2, F1–2) and Lost (R1, F1–2). Every cell of the grid belongs to exactly one segment.",
];

/** How the clusters are computed: what the report's method notes say about them. */
export const CLUSTER_METHOD_NOTES: readonly string[] = [
  "Clusters group customers by what they buy. Each customer is described by net spend in every sub-category (a sub-category is named with its category, since names such as Mens repeat across categories); each column is standardised to mean 0 and variance 1, so that small sub-categories weigh as much as large ones.",
  "Principal component analysis keeps the fewest components that together explain at least 80% of the variance. K-means then groups customers on those components, with k from 2 to 8 chosen by the highest mean silhouette (how much closer each customer is to their own cluster than to the next one, from −1 to 1). Each k takes the best of 10 seeded k-means++ starts, so the same data always gives the same clusters.",
  "Silhouettes are exact up to 20,000 customers. Above that, k is chosen on a seeded random sample of 10,000 customers, whose size the report states, and the chosen clustering is then refined on every customer.",
  "Clusters are numbered by size, largest first, and named in shop language (Men's footwear, Cameras) after the one or two sub-categories with the highest lift of at least 1.5 (lift: the cluster's share of spend on a sub-category divided by that share among all customers; 2 means twice the weight in their baskets). A cluster without such a sub-category is called Mixed baskets. Customers with only returns are left out, as in RFM.",
];
