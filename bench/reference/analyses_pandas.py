"""The analyses Basket's report gained after the reference was first written,
done the way a careful pandas / SciPy user would do them, so that the bench
compares the same job:

- value: each customer's purchase history (a purchase is a customer's day
  with lines of amount 0 or more, worth their sum), BG/NBD and Gamma-Gamma
  fitted by maximum likelihood with scipy.optimize (Nelder-Mead, then BFGS,
  in log-parameter space, as tests/reference/clv_cdnow.py does), then every
  customer's expected purchases over 52 weeks (scipy.special.hyp2f1),
  probability still active, expected spend and 12-month value discounted at
  1% a month; totals per RFM segment and per cluster;
- cohorts: each customer's first month with a sale, the cohort's active
  customers and revenue in each later month, as shares of the cohort;
- baskets: at the category and the sub-category level, the distinct items of
  each transaction with a sale, every pair's count, support, confidence and
  lift, among all baskets and per RFM segment and per cluster (the ten with
  the highest lift among those in at least max(3, 0.1% of the baskets)), and
  the ten strongest triples among all baskets.

Each returns DataFrames for the page's tables.
"""

import numpy as np
import pandas as pd
from scipy.optimize import minimize
from scipy.special import betaln, gammaln, hyp2f1

WEEKS_PER_MONTH = 365.25 / 12 / 7
HORIZON_WEEKS = 52.0
MONTHLY_DISCOUNT = 0.01


def _fit(ll, n, start=None):
    """Maximum likelihood in log-parameter space: Nelder-Mead, then BFGS from
    where it stopped, as tests/reference/clv_cdnow.py fits CDNOW (a BFGS
    from the start alone stops far from the maximum on these likelihoods)."""
    objective = lambda u: -ll(np.exp(u))  # noqa: E731
    rough = minimize(
        objective,
        np.zeros(n) if start is None else np.log(start),
        method="Nelder-Mead",
        options={"xatol": 1e-10, "fatol": 1e-10, "maxiter": 20000, "maxfev": 40000},
    )
    fine = minimize(objective, rough.x, method="BFGS", options={"gtol": 1e-9})
    best = fine if fine.fun <= rough.fun else rough
    return np.exp(best.x)


def _histories(sales):
    end = sales["date"].max()
    bought = sales[sales["customer_id"].notna() & (sales["amount"] >= 0)]
    days = bought.groupby(["customer_id", "date"], as_index=False, observed=True)[
        "amount"
    ].sum()
    days = days.sort_values(["customer_id", "date"])
    grouped = days.groupby("customer_id")
    first = grouped["date"].min()
    count = grouped.size()
    total = grouped["amount"].sum()
    first_value = grouped["amount"].first()
    summary = pd.DataFrame(
        {
            "x": (count - 1).astype(float),
            "tx": (grouped["date"].max() - first).dt.days / 7,
            "T": (end - first).dt.days / 7,
        }
    )
    summary["zbar"] = np.where(
        summary["x"] > 0, (total - first_value) / summary["x"].clip(lower=1), 0.0
    )
    return summary


def customer_value(sales, table, labels):
    h = _histories(sales)
    x, tx, T, zbar = (h[c].to_numpy() for c in ["x", "tx", "T", "zbar"])

    def bgnbd_ll(params):
        r, alpha, a, b = params
        a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
        a2 = betaln(a, b + x) - betaln(a, b)
        a3 = -(r + x) * np.log(alpha + T)
        with np.errstate(divide="ignore"):
            a4 = np.where(
                x > 0,
                np.log(a)
                - np.log(np.maximum(b + x - 1, 1e-300))
                - (r + x) * np.log(alpha + tx),
                -np.inf,
            )
        return np.sum(a1 + a2 + np.logaddexp(a3, a4))

    repeat = x > 0
    xs, ms = x[repeat], zbar[repeat]

    def gg_ll(params):
        p, q, v = params
        return np.sum(
            gammaln(p * xs + q)
            - gammaln(p * xs)
            - gammaln(q)
            + q * np.log(v)
            + (p * xs - 1) * np.log(ms)
            + p * xs * np.log(xs)
            - (p * xs + q) * np.log(xs * ms + v)
        )

    r, alpha, a, b = _fit(bgnbd_ll, 4)
    # Spend in money units: start the scale at the mean repeat spend.
    p, q, v = _fit(gg_ll, 3, start=[1.0, 1.0, float(np.mean(ms))])
    alive = np.where(
        x > 0,
        1.0
        / (
            1.0
            + a / np.maximum(b + x - 1, 1e-300) * ((alpha + T) / (alpha + tx)) ** (r + x)
        ),
        1.0,
    )

    def expected(t):
        z = t / (alpha + T + t)
        head = (a + b + x - 1) / (a - 1)
        tail = ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(
            r + x, b + x, a + b + x - 1, z
        )
        return head * (1 - tail) * alive

    spend = p * (v + x * zbar) / (p * x + q - 1)
    value = np.zeros(len(x))
    before = np.zeros(len(x))
    for month in range(1, 13):
        up_to = expected(month * WEEKS_PER_MONTH)
        value += (up_to - before) * spend / (1 + MONTHLY_DISCOUNT) ** month
        before = up_to
    customers = pd.DataFrame(
        {
            "expected purchases": expected(HORIZON_WEEKS),
            "probability active": alive,
            "expected spend": spend,
            "12-month value": value,
        },
        index=h.index,
    )
    customers["segment"] = table["segment"].reindex(customers.index)
    customers["cluster"] = labels.reindex(customers.index)
    by = lambda key: customers.groupby(key).agg(  # noqa: E731
        customers=("12-month value", "size"),
        value=("12-month value", "sum"),
        average=("12-month value", "mean"),
        alive=("probability active", "mean"),
    )
    top = customers.sort_values("12-month value", ascending=False).head(20)
    params = pd.DataFrame(
        {"parameter": ["r", "alpha", "a", "b", "p", "q", "gamma"], "value": [r, alpha, a, b, p, q, v]}
    )
    return {
        "Value model": params,
        "Value by segment": by("segment").reset_index(),
        "Value by cluster": by("cluster").reset_index(),
        "Top customers by value": top.reset_index(),
        "Value totals": pd.DataFrame(
            {
                "customers": [len(customers)],
                "value": [customers["12-month value"].sum()],
                "expected purchases": [customers["expected purchases"].sum()],
                "expected active": [alive.sum()],
            }
        ),
    }


def cohorts(sales):
    known = sales[sales["customer_id"].notna()]
    first = known[known["amount"] > 0].groupby("customer_id")["date"].min().rename("first")
    lines = known.join(first, on="customer_id")
    lines = lines[lines["first"].notna() & (lines["date"] >= lines["first"])]
    cohort = lines["first"].dt.to_period("M")
    month = lines["date"].dt.to_period("M")
    lines = lines.assign(cohort=cohort, month=month)
    sizes = first.dt.to_period("M").value_counts().sort_index()
    active = (
        lines[lines["amount"] > 0]
        .groupby(["cohort", "month"])["customer_id"]
        .nunique()
        .unstack(fill_value=0)
    )
    revenue = lines.groupby(["cohort", "month"])["amount"].sum().unstack(fill_value=0)
    shares = active.div(sizes, axis=0)
    return {
        "Cohorts: active customers": active.reset_index(),
        "Cohorts: share active": shares.reset_index(),
        "Cohorts: revenue": revenue.reset_index(),
    }


def _pairs(items, baskets, min_count, top):
    """items: (basket, item) rows, distinct. The top pairs by lift."""
    n = baskets
    counts = items.groupby("item").size()
    pairs = items.merge(items, on="basket")
    pairs = pairs[pairs["item_x"] < pairs["item_y"]]
    together = pairs.groupby(["item_x", "item_y"]).size().rename("baskets").reset_index()
    together = together[together["baskets"] >= min_count]
    support_a = together["item_x"].map(counts) / n
    support_b = together["item_y"].map(counts) / n
    together["support"] = together["baskets"] / n
    together["confidence a→b"] = together["baskets"] / together["item_x"].map(counts)
    together["confidence b→a"] = together["baskets"] / together["item_y"].map(counts)
    together["lift"] = together["support"] / (support_a * support_b)
    return together.sort_values(
        ["lift", "baskets", "item_x", "item_y"], ascending=[False, False, True, True]
    ).head(top)


def _triples(items, baskets, min_count, top):
    n = baskets
    counts = items.groupby("item").size()
    a = items.rename(columns={"item": "a"})
    b = items.rename(columns={"item": "b"})
    c = items.rename(columns={"item": "c"})
    two = a.merge(b, on="basket")
    two = two[two["a"] < two["b"]]
    pair_counts = two.groupby(["a", "b"]).size()
    three = two.merge(c, on="basket")
    three = three[three["b"] < three["c"]]
    together = three.groupby(["a", "b", "c"]).size().rename("baskets").reset_index()
    together = together[together["baskets"] >= min_count]
    if together.empty:
        return together
    rules = []
    for given, then in [(("a", "b"), "c"), (("a", "c"), "b"), (("b", "c"), "a")]:
        keys = pd.MultiIndex.from_arrays([together[given[0]], together[given[1]]])
        confidence = together["baskets"].to_numpy() / pair_counts.reindex(keys).to_numpy()
        lift = confidence / (together[then].map(counts).to_numpy() / n)
        rules.append((confidence, lift))
    best = np.argmax(np.stack([r[0] for r in rules]), axis=0)
    together["confidence"] = np.choose(best, [r[0] for r in rules])
    together["lift"] = np.choose(best, [r[1] for r in rules])
    together["support"] = together["baskets"] / n
    return together.sort_values(["lift", "baskets"], ascending=[False, False]).head(top)


def baskets(sales, table, labels):
    bought = sales[sales["transaction_id"].notna() & (sales["amount"] > 0)]
    tables = {}
    for level in ["category", "sub_category"]:
        # A sub-category is named with its category, as in Basket's tables.
        item = bought["category"].astype(str)
        if level == "sub_category":
            item = item + " / " + bought["sub_category"].astype(str)
        items = (
            pd.DataFrame(
                {
                    "basket": bought["transaction_id"],
                    "customer_id": bought["customer_id"],
                    "item": item.where(bought[level].notna()),
                }
            )
            .dropna(subset=["item"])
            .drop_duplicates(["basket", "item"])
        )
        n = items["basket"].nunique()
        min_count = max(3, int(np.ceil(n / 1000)))
        tables[f"Pairs of {level}"] = _pairs(items[["basket", "item"]], n, min_count, 10)
        tables[f"Triples of {level}"] = _triples(items[["basket", "item"]], n, min_count, 10)
        groups = {
            "segment": table["segment"],
            "cluster": labels,
        }
        for name, series in groups.items():
            keyed = items.join(series.rename("group"), on="customer_id")
            parts = []
            for group, part in keyed.groupby("group"):
                size = part["basket"].nunique()
                found = _pairs(
                    part[["basket", "item"]], size, max(3, int(np.ceil(size / 1000))), 10
                )
                parts.append(found.assign(group=group))
            if parts:
                tables[f"Pairs of {level} by {name}"] = pd.concat(parts)
    return tables
