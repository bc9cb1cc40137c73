"""The scikit-learn pipeline that bench/segmentation_bench.ts times Basket's
clustering against, on the same feature matrix (a CSV written by Basket:
customer_id, then one column per feature).

Steps, as Basket's clusterCustomers() does them: StandardScaler; PCA keeping
the fewest components that explain at least the variance threshold; for each
k, KMeans with k-means++ and n_init starts, and the silhouette score (exact up
to --exact-limit rows, above that on a seeded sample of --sample-size rows);
the k with the highest silhouette wins.

Prints one JSON object: wall time of the pipeline (reading the CSV is not
timed), the chosen k, silhouette and inertia by k, explained variance ratios.
bench/reference/report_pandas.py runs the same pipeline through segment().

Run: /usr/bin/python3 bench/reference/segmentation_sklearn.py features.csv
"""

import argparse
import json
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler


def segment(
    x,
    seed=1,
    n_init=10,
    k_min=2,
    k_max=8,
    variance_threshold=0.8,
    exact_limit=20000,
    sample_size=10000,
):
    """The pipeline on a feature matrix `x` (rows = customers). Returns the
    chosen k, its labels and the PCA points, scores by k and timings."""
    n = x.shape[0]
    started = time.perf_counter()
    z = StandardScaler().fit_transform(x)
    pca = PCA(svd_solver="full").fit(z)
    ratios = pca.explained_variance_ratio_
    components = int(np.searchsorted(np.cumsum(ratios), variance_threshold) + 1)
    points = pca.transform(z)[:, :components]
    pca_seconds = time.perf_counter() - started

    sampled = None if n <= exact_limit else sample_size
    by_k = []
    labels = {}
    for k in range(k_min, min(k_max, n - 1) + 1):
        fit = KMeans(
            n_clusters=k, init="k-means++", n_init=n_init, random_state=seed
        ).fit(points)
        silhouette = silhouette_score(
            points, fit.labels_, sample_size=sampled, random_state=seed
        )
        labels[k] = fit.labels_
        by_k.append(
            {"k": k, "silhouette": float(silhouette), "inertia": float(fit.inertia_)}
        )
    seconds = time.perf_counter() - started
    best = max(by_k, key=lambda row: row["silhouette"])
    return {
        "seconds": seconds,
        "pcaSeconds": pca_seconds,
        "components": components,
        "explainedVarianceRatio": ratios.tolist(),
        "sampleSize": sampled,
        "k": best["k"],
        "byK": by_k,
        "labels": labels[best["k"]],
        "points": points,
    }


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("csv")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--n-init", type=int, default=10)
    parser.add_argument("--k-min", type=int, default=2)
    parser.add_argument("--k-max", type=int, default=8)
    parser.add_argument("--variance-threshold", type=float, default=0.8)
    parser.add_argument("--exact-limit", type=int, default=20000)
    parser.add_argument("--sample-size", type=int, default=10000)
    args = parser.parse_args()

    frame = pd.read_csv(args.csv, dtype={"customer_id": str})
    x = frame.drop(columns=["customer_id"]).to_numpy(dtype=np.float64)
    result = segment(
        x,
        seed=args.seed,
        n_init=args.n_init,
        k_min=args.k_min,
        k_max=args.k_max,
        variance_threshold=args.variance_threshold,
        exact_limit=args.exact_limit,
        sample_size=args.sample_size,
    )
    del result["labels"], result["points"]
    print(
        json.dumps(
            {
                "tool": f"scikit-learn {sklearn.__version__}",
                "rows": x.shape[0],
                "cols": x.shape[1],
                **result,
            }
        )
    )


if __name__ == "__main__":
    main()
