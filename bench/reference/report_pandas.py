"""The reference pipeline that `deno task bench` times Basket's whole report
against: the same job done the way the original store-sales and customer
segmentation dashboards did it, with pandas, matplotlib/seaborn and
scikit-learn.

Reads a folder in Basket's layout (sales.csv, customers.csv; see
docs/simulator.md) and writes one self-contained index.html into --out:

- load: both CSVs with pandas (dates parsed, low-cardinality text columns as
  categoricals, as a careful pandas user would read 10M lines);
- sales: the headline (net, gross, returns, lines, transactions, customers),
  sales by store, category, sub-category, channel, department and weekday,
  daily sales with a 7-day moving average, weekly and monthly sales, the top
  categories of each region, the weekly volume-weighted fuel price;
- segmentation: RFM (recency, frequency, monetary, quintile scores, the
  standard segment grid), the customer × sub-category spend matrix, then
  segmentation_sklearn.segment(): StandardScaler, PCA to 80% of the variance,
  K-Means with k-means++ for k = 2..8 (10 starts each) on every customer,
  silhouettes (exact up to 20,000 customers, else on a seeded sample of
  10,000, as Basket does), and each cluster's profile;
- value, cohorts, baskets: the customer-value models, the cohort tables and
  what sells together, as Basket's report has them (analyses_pandas.py);
- charts: four PNG charts (weekly sales, sales by store, sales by category,
  the customers on the first two components by cluster);
- html: the tables (DataFrame.to_html) and the charts (base64 PNGs) in one
  page.

Each stage prints `name  X.XX s` on stderr, as `deno task report` does; the
time to import the libraries is the `import` stage.

Run: /usr/bin/python3 bench/reference/report_pandas.py DATA_DIR --out DIR
"""

import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import base64  # noqa: E402
import html  # noqa: E402
import io  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import seaborn as sns  # noqa: E402
from analyses_pandas import baskets, cohorts, customer_value  # noqa: E402
from segmentation_sklearn import segment  # noqa: E402

SEGMENTS = [
    ("Champions", (5, 5), (4, 5)),
    ("Loyal Customers", (3, 4), (4, 5)),
    ("Potential Loyalists", (4, 5), (2, 3)),
    ("New Customers", (5, 5), (1, 1)),
    ("Promising", (4, 4), (1, 1)),
    ("Need Attention", (3, 3), (3, 3)),
    ("About to Sleep", (3, 3), (1, 2)),
    ("At Risk", (1, 2), (3, 4)),
    ("Can't Lose Them", (1, 2), (5, 5)),
    ("Hibernating", (2, 2), (1, 2)),
    ("Lost", (1, 1), (1, 2)),
]

CATEGORICAL = [
    "store",
    "city",
    "region",
    "channel",
    "department",
    "category",
    "sub_category",
    "fuel_type",
]


def stage(name, started):
    print(f"{name:<12} {time.perf_counter() - started:.2f} s", file=sys.stderr)
    return time.perf_counter()


def load(folder):
    sales = pd.read_csv(
        folder / "sales.csv",
        dtype={
            **{c: "category" for c in CATEGORICAL},
            "customer_id": str,
            "transaction_id": str,
            "quantity": np.float64,
            "amount": np.float64,
            "gallons": np.float64,
            "fuel_price": np.float64,
        },
        parse_dates=["date"],
    )
    customers = pd.read_csv(
        folder / "customers.csv",
        dtype={"customer_id": str, "gender": "category", "city": "category"},
        parse_dates=["birth_date"],
    )
    return sales, customers


def sales_figures(sales):
    amount = sales["amount"]
    headline = pd.DataFrame(
        {
            "net sales": [amount.sum()],
            "gross sales": [amount[amount > 0].sum()],
            "returns": [-amount[amount < 0].sum()],
            "lines": [len(sales)],
            "transactions": [sales["transaction_id"].nunique()],
            "customers": [sales["customer_id"].nunique()],
        }
    )
    by = lambda *keys: (  # noqa: E731
        sales.groupby(list(keys), observed=True)["amount"]
        .sum()
        .reset_index()
        .sort_values("amount", ascending=False)
    )
    stores = sales.groupby(["store", "city", "region", "channel"], observed=True).agg(
        sales=("amount", "sum"), days=("date", "nunique")
    )
    stores["average daily sales"] = stores["sales"] / stores["days"]
    daily = sales.groupby("date")["amount"].sum().asfreq("D", fill_value=0)
    daily = daily.to_frame("sales")
    daily["7-day average"] = daily["sales"].rolling(7, min_periods=1).mean()
    regions = by("region", "category")
    top = regions.groupby("region", observed=True).head(2)
    fuel = sales[sales["gallons"].notna()]
    fuel_weekly = fuel.groupby(
        [pd.Grouper(key="date", freq="W-SUN"), "fuel_type"], observed=True
    )[["amount", "gallons"]].sum()
    fuel_weekly["price"] = fuel_weekly["amount"] / fuel_weekly["gallons"]
    return {
        "Headline": headline,
        "Sales by store": stores.reset_index().sort_values("sales", ascending=False),
        "Sales by category": by("category"),
        "Sales by sub-category": by("category", "sub_category"),
        "Sales by channel": by("channel"),
        "Sales by department": by("department"),
        "Sales by weekday": sales.groupby(sales["date"].dt.day_name())["amount"]
        .sum()
        .reset_index(),
        "Daily sales": daily.reset_index(),
        "Weekly sales": sales.groupby(pd.Grouper(key="date", freq="W-SUN"))["amount"]
        .sum()
        .reset_index(),
        "Monthly sales": sales.groupby(sales["date"].dt.to_period("M"))["amount"]
        .sum()
        .reset_index(),
        "Top categories by region": top,
        "Weekly fuel prices": fuel_weekly.reset_index(),
    }


def rfm(sales):
    as_of = sales["date"].max() + pd.Timedelta(days=1)
    known = sales[sales["customer_id"].notna()]
    purchases = known[known["amount"] > 0].groupby("customer_id")
    table = pd.DataFrame(
        {
            "recency": (as_of - purchases["date"].max()).dt.days,
            "frequency": purchases["transaction_id"].nunique(),
            "monetary": known.groupby("customer_id")["amount"].sum(),
        }
    ).dropna()
    for column, ascending in [
        ("recency", False),
        ("frequency", True),
        ("monetary", True),
    ]:
        ranks = table[column].rank(method="first", ascending=ascending)
        table[column[0].upper()] = pd.qcut(ranks, 5, labels=[1, 2, 3, 4, 5]).astype(
            int
        )
    table["segment"] = ""
    for name, (r_low, r_high), (f_low, f_high) in SEGMENTS:
        cell = table["R"].between(r_low, r_high) & table["F"].between(f_low, f_high)
        table.loc[cell, "segment"] = name
    return table


def clusters(sales, customers, table):
    known = sales[sales["customer_id"].isin(table.index)]
    spend = known.pivot_table(
        index="customer_id",
        columns=["category", "sub_category"],
        values="amount",
        aggfunc="sum",
        fill_value=0,
        observed=True,
    ).reindex(table.index, fill_value=0)
    result = segment(spend.to_numpy(dtype=np.float64), seed=1)
    labels = pd.Series(result["labels"], index=spend.index, name="cluster")
    shares = spend.groupby(labels).mean()
    profile = pd.DataFrame(
        {
            "customers": labels.value_counts().sort_index(),
            "top sub-category": shares.idxmax(axis=1).map(" / ".join),
        }
    )
    details = customers.set_index("customer_id").reindex(spend.index)
    ages = (sales["date"].max() - details["birth_date"]).dt.days / 365.25
    profile["average age"] = ages.groupby(labels).mean()
    mix = pd.crosstab(labels, table["segment"])
    return result, labels, profile.join(mix)


def png(figure):
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=96, bbox_inches="tight")
    plt.close(figure)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def charts(figures, result, labels):
    images = {}
    figure, ax = plt.subplots(figsize=(8, 3.5))
    sns.lineplot(data=figures["Weekly sales"], x="date", y="amount", ax=ax)
    ax.set_title("Weekly sales")
    images["Weekly sales"] = png(figure)
    figure, ax = plt.subplots(figsize=(8, 5))
    sns.barplot(data=figures["Sales by store"], x="sales", y="store", ax=ax)
    ax.set_title("Sales by store")
    images["Sales by store"] = png(figure)
    figure, ax = plt.subplots(figsize=(8, 3.5))
    sns.barplot(data=figures["Sales by category"], x="amount", y="category", ax=ax)
    ax.set_title("Sales by category")
    images["Sales by category"] = png(figure)
    points = result["points"]
    rows = np.random.default_rng(1).permutation(len(points))[:2000]
    figure, ax = plt.subplots(figsize=(6, 5))
    sns.scatterplot(
        x=points[rows, 0],
        y=points[rows, 1] if points.shape[1] > 1 else np.zeros(len(rows)),
        hue=labels.to_numpy()[rows] + 1,
        palette="tab10",
        s=12,
        ax=ax,
    )
    ax.set_title(f"Customers on the first two components, k = {result['k']}")
    images["Customer clusters"] = png(figure)
    return images


def page(tables, images):
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'>"]
    parts.append("<title>Sales report</title></head><body><h1>Sales report</h1>")
    for title, data in images.items():
        parts.append(f"<h2>{html.escape(title)}</h2>")
        parts.append(f"<img alt='{html.escape(title)}' src='data:image/png;base64,{data}'>")
    for title, frame in tables.items():
        parts.append(f"<h2>{html.escape(title)}</h2>")
        parts.append(frame.head(1000).to_html(index=False, float_format="{:,.2f}".format))
    parts.append("</body></html>")
    return "\n".join(parts)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    clock = stage("import", STARTED)
    sales, customers = load(Path(args.data))
    clock = stage("load", clock)
    figures = sales_figures(sales)
    clock = stage("sales", clock)
    table = rfm(sales)
    result, labels, profile = clusters(sales, customers, table)
    segments = table.groupby("segment").agg(
        customers=("R", "size"),
        recency=("recency", "mean"),
        frequency=("frequency", "mean"),
        monetary=("monetary", "mean"),
    )
    clock = stage("segmentation", clock)
    value = customer_value(sales, table, labels)
    clock = stage("value", clock)
    cohort_tables = cohorts(sales)
    clock = stage("cohorts", clock)
    basket_tables = baskets(sales, table, labels)
    clock = stage("baskets", clock)
    images = charts(figures, result, labels)
    clock = stage("charts", clock)
    tables = {
        **figures,
        "RFM segments": segments.reset_index(),
        "Clusters": profile.reset_index(),
        "Silhouette by k": pd.DataFrame(result["byK"]),
        **value,
        **cohort_tables,
        **basket_tables,
    }
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "index.html").write_text(page(tables, images))
    stage("html", clock)


if __name__ == "__main__":
    main()
