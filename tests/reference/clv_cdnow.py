"""Reference figures for Basket's customer-value models on the CDNOW sample.

An independent implementation with SciPy (Debian's python3-scipy and
python3-pandas): it reads ../shared/datasets/cdnow/CDNOW_sample.txt itself,
summarises each customer's calibration period (to 1997-09-30) in pandas,
fits BG/NBD and Gamma-Gamma with scipy.optimize (Nelder-Mead, then BFGS
with numeric gradients, in log-parameter space) and computes each customer's
expectations with scipy.special.hyp2f1 in the papers' form (no
transformation). Writes clv_cdnow.json beside this file.

Run from the repository: /usr/bin/python3 tests/reference/clv_cdnow.py
"""

import json
import os

import numpy as np
import pandas as pd
from scipy.optimize import minimize
from scipy.special import betaln, gammaln, hyp2f1

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "..", "..", "shared", "datasets", "cdnow")
HOLDOUT_FROM = pd.Timestamp("1997-10-01")
END = HOLDOUT_FROM - pd.Timedelta(days=1)
WEEKS_PER_MONTH = 365.25 / 12 / 7
HORIZON_WEEKS = 39.0

lines = pd.read_csv(
    os.path.join(DATA, "CDNOW_sample.txt"),
    sep=r"\s+",
    header=None,
    names=["master", "customer", "date", "cds", "amount"],
    dtype={"master": str, "customer": str, "date": str},
)
lines["date"] = pd.to_datetime(lines["date"], format="%Y%m%d")
days = lines.groupby(["customer", "date"], as_index=False)["amount"].sum()
days = days.sort_values(["customer", "date"])
calibration = days[days["date"] <= END]
first = calibration.groupby("customer")["date"].min()
last = calibration.groupby("customer")["date"].max()
count = calibration.groupby("customer").size()
total = calibration.groupby("customer")["amount"].sum()
first_value = calibration.groupby("customer")["amount"].first()
summary = pd.DataFrame(
    {
        "x": count - 1,
        "tx": (last - first).dt.days / 7,
        "T": (END - first).dt.days / 7,
    }
)
summary["zbar"] = np.where(
    summary["x"] > 0, (total - first_value) / summary["x"].clip(lower=1), 0.0
)
holdout = days[days["date"] > END].groupby("customer").size()
summary["holdout"] = holdout.reindex(summary.index, fill_value=0)
summary = summary.sort_index()
x = summary["x"].to_numpy(float)
tx = summary["tx"].to_numpy()
T = summary["T"].to_numpy()
zbar = summary["zbar"].to_numpy()


def bgnbd_ll(params):
    r, alpha, a, b = params
    a1 = gammaln(r + x) - gammaln(r) + r * np.log(alpha)
    a2 = betaln(a, b + x) - betaln(a, b)
    a3 = -(r + x) * np.log(alpha + T)
    with np.errstate(divide="ignore"):
        a4 = np.where(
            x > 0,
            np.log(a) - np.log(np.maximum(b + x - 1, 1e-300)) - (r + x) * np.log(alpha + tx),
            -np.inf,
        )
    return np.sum(a1 + a2 + np.logaddexp(a3, a4))


def gg_ll(params):
    p, q, v = params
    m = x > 0
    xs, ms = x[m], zbar[m]
    return np.sum(
        gammaln(p * xs + q)
        - gammaln(p * xs)
        - gammaln(q)
        + q * np.log(v)
        + (p * xs - 1) * np.log(ms)
        + p * xs * np.log(xs)
        - (p * xs + q) * np.log(xs * ms + v)
    )


def fit(ll, n):
    objective = lambda u: -ll(np.exp(u))
    rough = minimize(objective, np.zeros(n), method="Nelder-Mead",
                     options={"xatol": 1e-10, "fatol": 1e-10, "maxiter": 20000, "maxfev": 40000})
    fine = minimize(objective, rough.x, method="BFGS", options={"gtol": 1e-9})
    best = fine if fine.fun <= rough.fun else rough
    return np.exp(best.x), -best.fun


bg, bg_ll = fit(bgnbd_ll, 4)
gg, gg_ll_value = fit(gg_ll, 3)
r, alpha, a, b = bg
p, q, v = gg


def p_alive(x, tx, T):
    if x == 0:
        return 1.0
    return 1.0 / (1.0 + a / (b + x - 1) * ((alpha + T) / (alpha + tx)) ** (r + x))


def expected(t, x, tx, T):
    """Fader, Hardie and Lee (2005), eq. 10, as printed."""
    if t == 0:
        return 0.0
    z = t / (alpha + T + t)
    head = (a + b + x - 1) / (a - 1)
    tail = ((alpha + T) / (alpha + T + t)) ** (r + x) * hyp2f1(r + x, b + x, a + b + x - 1, z)
    return head * (1 - tail) * p_alive(x, tx, T)


def spend(x, zbar):
    return p * (v + x * zbar) / (p * x + q - 1)


def value12(x, tx, T, zbar, discount=0.01):
    s, before, total = spend(x, zbar), 0.0, 0.0
    for month in range(1, 13):
        up_to = expected(month * WEEKS_PER_MONTH, x, tx, T)
        total += (up_to - before) * s / (1 + discount) ** month
        before = up_to
    return total


customers = []
for cid, row in summary.iterrows():
    args = (row["x"], row["tx"], row["T"])
    customers.append(
        {
            "customer": cid,
            "x": int(row["x"]),
            "tx": row["tx"],
            "T": row["T"],
            "zbar": row["zbar"],
            "holdout": int(row["holdout"]),
            "expectedPurchases": expected(HORIZON_WEEKS, *args),
            "probabilityAlive": p_alive(*args),
            "expectedSpend": spend(row["x"], row["zbar"]),
            "discountedValue": value12(*args, row["zbar"]),
        }
    )

with open(os.path.join(HERE, "clv_cdnow.json"), "w") as out:
    json.dump(
        {
            "script": "tests/reference/clv_cdnow.py",
            "holdoutFrom": "1997-10-01",
            "horizonWeeks": HORIZON_WEEKS,
            "monthlyDiscount": 0.01,
            "bgNbd": {"r": r, "alpha": alpha, "a": a, "b": b, "logLikelihood": bg_ll},
            "gammaGamma": {"p": p, "q": q, "gamma": v, "logLikelihood": gg_ll_value},
            "customers": customers,
        },
        out,
        indent=1,
    )
    out.write("\n")
print(json.dumps({"bgNbd": list(bg), "ll": bg_ll, "gammaGamma": list(gg)}))
