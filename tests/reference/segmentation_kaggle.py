"""Reference numbers for Basket's segmentation on the real retail data set,
computed independently with pandas and scikit-learn, straight from the CSVs.

Writes tests/reference/segmentation_kaggle.json, which
tests/analysis/segments/segmentation_reference_test.ts compares Basket's results with:
RFM values and scores of every customer (exactly), the feature matrix
(exactly), PCA explained-variance ratios (within 1e-6), k-means inertia for
k = 2..8 (Basket within 1% of scikit-learn's best of 10 k-means++ starts) and
the silhouette of scikit-learn's labels (within 1e-6).

Run from the repository root with Debian's Python:
    /usr/bin/python3 tests/reference/segmentation_kaggle.py

The data is read as Basket's loader reads it (see docs/data.md): dates
day-first, sub-categories joined on both category and sub-category codes,
amount = total_amt, every line kept (exact duplicates included).
"""

import json
import os
import pathlib

import numpy as np
import pandas as pd
import sklearn
from sklearn.cluster import KMeans
from sklearn.decomposition import PCA
from sklearn.metrics import silhouette_score
from sklearn.preprocessing import StandardScaler

ROOT = pathlib.Path(__file__).resolve().parents[2]
DATA = pathlib.Path(os.environ.get("BASKET_KAGGLE_DIR", ROOT.parent / "shared" / "datasets" / "retail-kaggle"))
OUT = pathlib.Path(__file__).with_suffix(".json")
SEED = 0
VARIANCE_THRESHOLD = 0.8


def load_sales():
    t = pd.read_csv(DATA / "Transactions.csv", dtype={"transaction_id": str, "cust_id": str})
    p = pd.read_csv(DATA / "prod_cat_info.csv")
    t = t.merge(
        p,
        how="left",
        left_on=["prod_cat_code", "prod_subcat_code"],
        right_on=["prod_cat_code", "prod_sub_cat_code"],
    )
    return pd.DataFrame(
        {
            "date": pd.to_datetime(t.tran_date.str.replace("/", "-"), format="%d-%m-%Y"),
            "customer_id": t.cust_id,
            "transaction_id": t.transaction_id,
            "category": t.prod_cat,
            "sub_category": t.prod_subcat,
            "amount": t.total_amt.astype(float),
        }
    )


def quintile_scores(values, ids, ties, reverse=False):
    """Basket's two tie policies (see docs/segments.md)."""
    signed = -np.asarray(values, dtype=float) if reverse else np.asarray(values, dtype=float)
    if ties == "quantile":
        cuts = np.quantile(signed, [0.2, 0.4, 0.6, 0.8])
        return 1 + (signed[:, None] > cuts[None, :]).sum(axis=1)
    n = len(signed)
    order = sorted(range(n), key=lambda i: (signed[i], ids[i]))
    scores = np.empty(n, dtype=int)
    for position, i in enumerate(order):
        scores[i] = 1 + (5 * position) // n
    return scores


def rfm(sales):
    as_of = sales.date.max() + pd.Timedelta(days=1)
    known = sales[sales.customer_id.notna()]
    purchases = known[known.amount > 0]
    by_customer = purchases.groupby("customer_id")
    table = pd.DataFrame(
        {
            "last": by_customer.date.max(),
            "frequency": by_customer.transaction_id.nunique(),
        }
    )
    table["monetary"] = known.groupby("customer_id").amount.sum().round(6)
    table["recency"] = (as_of - table["last"]).dt.days
    table = table.sort_index()
    ids = list(table.index)
    out = {
        "asOf": as_of.strftime("%Y-%m-%d"),
        "customerId": ids,
        "lastPurchase": [d.strftime("%Y-%m-%d") for d in table["last"]],
        "recency": [int(v) for v in table.recency],
        "frequency": [int(v) for v in table.frequency],
        "monetary": [float(v) for v in table.monetary],
    }
    for ties in ["quantile", "rank"]:
        out[ties] = {
            "recencyScore": "".join(map(str, quintile_scores(table.recency, ids, ties, reverse=True))),
            "frequencyScore": "".join(map(str, quintile_scores(table.frequency, ids, ties))),
            "monetaryScore": "".join(map(str, quintile_scores(table.monetary, ids, ties))),
        }
    return out, ids


def features(sales, ids):
    known = sales[sales.customer_id.isin(ids)]
    spend = known.groupby(["customer_id", "category", "sub_category"]).amount.sum().round(6)
    columns = sorted(set(zip(sales.category, sales.sub_category)))
    column_index = {c: j for j, c in enumerate(columns)}
    row_index = {c: i for i, c in enumerate(ids)}
    matrix = np.zeros((len(ids), len(columns)))
    cells = []
    for (customer, category, sub), value in spend.items():
        i, j = row_index[customer], column_index[(category, sub)]
        matrix[i, j] = value
        cells.append([i, j, float(value)])
    labels = [f"{c}: {s}" for c, s in columns]
    return {"columns": labels, "cells": cells}, matrix


def clusters(matrix):
    z = StandardScaler().fit_transform(matrix)
    pca = PCA(svd_solver="full").fit(z)
    ratios = pca.explained_variance_ratio_
    cumulative = np.cumsum(ratios)
    components = int(np.argmax(cumulative >= VARIANCE_THRESHOLD) + 1)
    points = pca.transform(z)[:, :components]
    by_k = []
    for k in range(2, 9):
        fit = KMeans(n_clusters=k, init="k-means++", n_init=10, random_state=SEED).fit(points)
        by_k.append(
            {
                "k": k,
                "inertia": float(fit.inertia_),
                "labels": "".join(map(str, fit.labels_)),
                "silhouette": float(silhouette_score(points, fit.labels_)),
            }
        )
    return {
        "explainedVarianceRatio": ratios.tolist(),
        "components": components,
        "kmeans": by_k,
    }


def main():
    sales = load_sales()
    rfm_out, ids = rfm(sales)
    feature_out, matrix = features(sales, ids)
    result = {
        "script": "tests/reference/segmentation_kaggle.py",
        "versions": {
            "numpy": np.__version__,
            "pandas": pd.__version__,
            "scikit-learn": sklearn.__version__,
        },
        "seed": SEED,
        "varianceThreshold": VARIANCE_THRESHOLD,
        "rfm": rfm_out,
        "features": feature_out,
        **clusters(matrix),
    }
    OUT.write_text(json.dumps(result) + "\n")
    print(f"Wrote {OUT.relative_to(ROOT)}: {len(ids)} customers, {matrix.shape[1]} features")


if __name__ == "__main__":
    main()
