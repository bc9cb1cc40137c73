// deno-fmt-ignore-file -- deno fmt would re-indent the markup inside the html templates
import type { NumberFormats } from "../figures/format/number_formats.ts";
import type { CustomerFigures } from "./customer_model.ts";
import { type Html, html } from "./html.ts";

/**
 * Below this mean silhouette, clusters are too weak to call distinct groups
 * (the usual reading: under 0.25, no substantial structure).
 */
export const WEAK_SILHOUETTE = 0.25;

/** How clearly customers split by what they buy. */
export type ClusterStrength = "one" | "weak" | "distinct";

/** How clearly the clusters split customers: one cluster, weak or distinct. */
export function clusterStrength(
  clusters: Pick<CustomerFigures["clusters"], "k" | "silhouette">,
): ClusterStrength {
  if (clusters.k <= 1 || clusters.silhouette === null) return "one";
  return clusters.silhouette < WEAK_SILHOUETTE ? "weak" : "distinct";
}

/** Which filters the customer section follows, in plain words. */
export function customerFiltersText(asOf: string | null): string {
  return `This section covers every customer with a purchase up to the as-of date (${
    asOf ?? "—"
  }). No filter changes it, neither the command line's nor the page's: segments and clusters are scored once, on all customers. The other way round, picking RFM segments or clusters in the page's filters narrows every sales section above to those customers' purchases.`;
}

/**
 * The customer section's first words when clusters are weak: customers do
 * not split into distinct groups by what they buy, so the RFM segments
 * lead. Empty otherwise.
 */
export function weakClustersLead(figures: CustomerFigures): Html {
  if (clusterStrength(figures.clusters) !== "weak") return html``;
  return html`<p class="takeaway"><strong>Customers do not split into distinct groups by what they buy.</strong> Their baskets overlap too much for the clusters to be told apart (see Methods), so read the groups below as leanings, not kinds of customer. How recently, how often and how much they buy, the RFM segments that follow, says more about them.</p>`;
}

/** The clusters in a sentence: their names in shop language and their shares. */
export function clustersSentence(
  figures: CustomerFigures,
  format: NumberFormats,
): Html {
  const { clusters } = figures;
  const groups = clusters.clusters
    .map((c) => `${c.name} (${format.percent(c.share)})`)
    .join(", ");
  return clusterStrength(clusters) === "weak"
    ? html`<p>Leanings in what customers buy, largest first: ${groups}.</p>`
    : html`<p>Customers fall into ${clusters.k} distinct groups by what they buy, largest first: ${groups}.</p>`;
}

/**
 * How the clusters were found, for the Methods section: k, the mean
 * silhouette and what it says, the sample, and the principal components.
 */
export function clusterMethodNotes(
  figures: CustomerFigures | null,
  format: NumberFormats,
): Html[] {
  if (!figures || figures.clusters.k <= 1) return [];
  const { clusters } = figures;
  const strength = clusterStrength(clusters);
  const explained =
    clusters.explainedVariance[clusters.components - 1]?.cumulative ?? 0;
  return [
    html`On this data, <strong>k = ${clusters.k}</strong>${
      clusters.silhouette === null
        ? ""
        : html` with a mean silhouette of ${clusters.silhouette.toFixed(3)}: ${
          strength === "weak"
            ? `under ${WEAK_SILHOUETTE}, so the clusters are weak (customers do not split into distinct groups by what they buy)`
            : `${WEAK_SILHOUETTE} or more, so the clusters are distinct enough to name`
        }`
    }${
      clusters.sampleSize
        ? ` (silhouettes on a seeded sample of ${format.integer(clusters.sampleSize)} customers)`
        : ""
    }; ${clusters.components} principal components explain ${
      format.percent(explained)
    } of the variance.${
      clusters.fitSample
        ? ` With ${
          format.integer(clusters.customers)
        } customers, the standardisation, the components and the clusters were fitted on a seeded sample of ${
          format.integer(clusters.fitSample)
        } of them, and every customer was then assigned to the nearest cluster centre.`
        : ""
    }`,
  ];
}
