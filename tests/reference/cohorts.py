"""Reference cohort tables, computed independently with pandas straight from
the CSVs, for tests/analysis/cohorts/cohorts_reference_test.ts.

Writes tests/reference/cohorts.json with two data sets: the real retail set
(../shared/datasets/retail-kaggle, read as Basket's loader reads it, see
segmentation_kaggle.py) and the small fixture tests/reference/cohorts_fixture/
whose numbers can be checked by hand (its data ends inside April 2024).

A customer's cohort is the month of their first line with a positive
amount; in each later month the cohort's "active" customers are those with
a line with a positive amount, its revenue the sum of all its customers'
amounts that month (returns subtracted; lines before the first purchase
left out and counted). Months the data covers in full are "complete"; the
month holding the data's last date is "partial" (no figures) unless that
date ends it; later months are absent.

Run from the repository root with Debian's Python:
    /usr/bin/python3 tests/reference/cohorts.py
"""

import json
import os
import pathlib

import pandas as pd

ROOT = pathlib.Path(__file__).resolve().parents[2]
KAGGLE = pathlib.Path(os.environ.get("BASKET_KAGGLE_DIR", ROOT.parent / "shared" / "datasets" / "retail-kaggle"))
FIXTURE = ROOT / "tests" / "reference" / "cohorts_fixture"
OUT = pathlib.Path(__file__).with_suffix(".json")


def load_kaggle():
    t = pd.read_csv(KAGGLE / "Transactions.csv", dtype={"transaction_id": str, "cust_id": str})
    return pd.DataFrame(
        {
            "date": pd.to_datetime(t.tran_date.str.replace("/", "-"), format="%d-%m-%Y"),
            "customer_id": t.cust_id,
            "amount": t.total_amt.astype(float),
        }
    )


def load_fixture():
    t = pd.read_csv(FIXTURE / "sales.csv", dtype={"customer_id": str})
    return pd.DataFrame(
        {
            "date": pd.to_datetime(t.date, format="%Y-%m-%d"),
            "customer_id": t.customer_id,
            "amount": t.amount.astype(float),
        }
    )


def month_number(dates):
    return dates.dt.year * 12 + dates.dt.month - 1


def cohorts(sales):
    last = sales.date.max()
    last_month = last.year * 12 + last.month - 1
    ends_month = (last + pd.Timedelta(days=1)).month != last.month
    known = sales[sales.customer_id.notna()].copy()
    first = known[known.amount > 0].groupby("customer_id").date.min().rename("first")
    known = known.join(first, on="customer_id")
    return_only = int(known[known["first"].isna()].customer_id.nunique())
    before = known[known["first"].notna() & (known.date < known["first"])]
    lines = known[known["first"].notna() & (known.date >= known["first"])].copy()
    lines["cohort"] = month_number(lines["first"])
    lines["month"] = month_number(lines.date)
    lines["buys"] = lines.amount > 0
    sizes = first.groupby(month_number(first)).size()
    active = lines[lines.buys].groupby(["cohort", "month"]).customer_id.nunique()
    revenue = lines.groupby(["cohort", "month"]).amount.sum()
    rows = []
    for cohort, size in sizes.sort_index().items():
        months = []
        for month in range(cohort, last_month + 1):
            partial = month == last_month and not ends_month
            text = f"{month // 12:04d}-{month % 12 + 1:02d}"
            if partial:
                months.append({"month": text, "status": "partial", "active": None, "share": None, "revenue": None})
                continue
            a = int(active.get((cohort, month), 0))
            months.append(
                {
                    "month": text,
                    "status": "complete",
                    "active": a,
                    "share": round(a / int(size), 6),
                    "revenue": round(float(revenue.get((cohort, month), 0.0)), 6),
                }
            )
        rows.append({"cohort": f"{cohort // 12:04d}-{cohort % 12 + 1:02d}", "customers": int(size), "months": months})
    return {
        "lastDate": last.strftime("%Y-%m-%d"),
        "partialMonth": None if ends_month else last.strftime("%Y-%m"),
        "rows": rows,
        "excluded": {
            "returnOnlyCustomers": return_only,
            "linesBeforeFirstPurchase": int(len(before)),
            "amountBeforeFirstPurchase": round(float(before.amount.sum()), 6),
            "anonymousLines": int(sales.customer_id.isna().sum()),
        },
    }


def main():
    result = {"pandas": pd.__version__, "kaggle": cohorts(load_kaggle()), "fixture": cohorts(load_fixture())}
    OUT.write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
