"""Reference comparisons and "What changed" values of the real retail data set.

Computes, with pandas and on its own, what the report's comparisons should be
for a few selections of the three-file data set (datasets/retail-kaggle): the
period, the previous period of equal length and the same days a year earlier
(each only when the selection, whatever its dates, reaches back to its first
day), the headline sums of each, net sales by category, store, region and
channel, sales of new customers (lines on a customer's first purchase day),
returning customers and lines without a customer, the largest mover of each
dimension and the shares of new and returning customers. The selections are
a few fixed filters and the page's period shortcuts (see shortcut_cases). Amounts are summed
as exact decimals. Reads the CSVs with tests/reference/sales_reference.py's
loader (which shares no code with Basket) and writes comparison_reference.json
beside this script.

Run: /usr/bin/python3 tests/reference/comparison_reference.py [path/to/retail-kaggle]
"""

import json
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pandas as pd

from sales_reference import DEFAULT_DATA, HERE, NONE, load

# The selections compared: the page's filters (lists are "any of").
CASES = [
    {"name": "whole data"},
    {"name": "January and February 2014", "from": "2014-01-01"},
    {
        "name": "e-Shop, second half of 2013",
        "channels": ["e-Shop"],
        "from": "2013-07-01",
        "to": "2013-12-31",
    },
    {
        "name": "Books and Clothing, spring 2013",
        "categories": ["Books", "Clothing"],
        "from": "2013-03-01",
        "to": "2013-05-31",
    },
    {"name": "City 3, from April 2013", "regions": ["City 3"], "from": "2013-04-01"},
]

DIMENSIONS = {"category": "category", "store": "store", "region": "region", "channel": "channel"}


def total(values) -> Decimal:
    return sum(values, Decimal(0))


def iso(day: date) -> str:
    return day.strftime("%Y-%m-%d")


def year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def shortcut_cases(tx: pd.DataFrame) -> list:
    """The page's period shortcuts, worked out here on their own: whole
    calendar months ending with the last complete month of sales (a month is
    complete when a sale, a line above zero, falls on its last day; later
    returns do not count), and the partial month to the last sale day."""
    last_sale = tx.loc[tx["amount"] > 0, "day"].max()
    month_end = (pd.Timestamp(last_sale) + pd.offsets.MonthEnd(0)).date()
    complete = last_sale == month_end
    end = last_sale if complete else last_sale.replace(day=1) - timedelta(days=1)
    cases = []
    if not complete:
        cases.append({
            "name": "month to date (partial)",
            "from": iso(last_sale.replace(day=1)),
            "to": iso(last_sale),
        })
    for count, name in [(1, "last month"), (3, "last 3 months"), (12, "last 12 months")]:
        start = (pd.Timestamp(end.replace(day=1)) - pd.DateOffset(months=count - 1)).date()
        cases.append({"name": name, "from": iso(start), "to": iso(end)})
    return cases


def figures(lines: pd.DataFrame) -> dict:
    amounts = list(lines["amount"])
    gross = total(a for a in amounts if a > 0)
    returned = -total(a for a in amounts if a < 0)
    groups = {}
    for dim, column in DIMENSIONS.items():
        keys = lines[column].fillna(NONE)
        groups[dim] = {k: float(total(v)) for k, v in lines["amount"].groupby(keys)}
    new = total(lines.loc[lines["first_day_line"], "amount"])
    anonymous = total(lines.loc[lines["cust_id"].isna(), "amount"])
    buyers = {
        "New customers": float(new),
        "Returning customers": float(total(amounts) - new - anonymous),
    }
    if anonymous != 0:
        buyers["No customer id"] = float(anonymous)
    return {
        "totalSales": float(total(amounts)),
        "grossSales": float(gross),
        "returnsValue": float(returned),
        "saleLines": len(amounts),
        "returnLines": sum(1 for a in amounts if a < 0),
        "returnRate": float(returned / gross) if gross > 0 else 0.0,
        "groups": groups,
        "buyers": buyers,
    }


def mover(now: dict, then: dict):
    """The named group whose net sales moved most in money; ties to the first name."""
    keys = sorted(k for k in set(now) | set(then) if k != NONE)
    if len(keys) < 2:
        return None
    best = None
    for key in keys:
        difference = now.get(key, 0.0) - then.get(key, 0.0)
        if best is None or abs(difference) > abs(best["difference"]) + 1e-9:
            best = {"key": key, "difference": difference}
    return best if best["difference"] != 0 else None


def shares(buyers: dict):
    net = sum(buyers.values())
    if not net > 0:
        return None
    return {
        "newShare": buyers.get("New customers", 0.0) / net,
        "returningShare": buyers.get("Returning customers", 0.0) / net,
    }


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA
    tx = load(folder)
    tx["store"] = tx["channel"]  # the three-file layout's store is its store type
    tx["day"] = tx["date"].dt.date
    first = tx[(tx["amount"] > 0) & tx["cust_id"].notna()].groupby("cust_id")["day"].min()
    tx["first_day_line"] = tx["cust_id"].map(first) == tx["day"]
    data_first, data_last = tx["day"].min(), tx["day"].max()
    out = []
    for case in CASES + shortcut_cases(tx):
        keep = pd.Series(True, index=tx.index)
        for field, column in [
            ("categories", "category"),
            ("regions", "region"),
            ("channels", "channel"),
            ("stores", "store"),
        ]:
            if field in case:
                keep &= tx[column].isin(case[field])
        any_date = tx[keep]
        start = date.fromisoformat(case["from"]) if "from" in case else None
        end = date.fromisoformat(case["to"]) if "to" in case else None
        dated = any_date
        if start:
            dated = dated[dated["day"] >= start]
        if end:
            dated = dated[dated["day"] <= end]
        period_from = max(start, data_first) if start else dated["day"].min()
        period_to = min(end, data_last) if end else dated["day"].max()
        days = (period_to - period_from).days + 1
        first_day = any_date["day"].min()

        def within(a: date, b: date) -> pd.DataFrame:
            return any_date[(any_date["day"] >= a) & (any_date["day"] <= b)]

        periods = {"previous": None, "yearAgo": None}
        previous_from = period_from - timedelta(days=days)
        if first_day <= previous_from:
            periods["previous"] = (previous_from, period_from - timedelta(days=1))
        year_from, year_to = year_before(period_from), year_before(period_to)
        if first_day <= year_from:
            periods["yearAgo"] = (year_from, year_to)
        current = figures(within(period_from, period_to))
        earlier = {
            basis: figures(within(*span)) if span else None for basis, span in periods.items()
        }
        basis = "previous" if earlier["previous"] else "yearAgo" if earlier["yearAgo"] else None
        movers = None
        if basis:
            movers = {
                dim: mover(current["groups"][dim], earlier[basis]["groups"][dim])
                for dim in ["category", "store", "region"]
            }
        out.append({
            "name": case["name"],
            "filter": {k: v for k, v in case.items() if k != "name"},
            "period": {"from": iso(period_from), "to": iso(period_to), "days": days},
            "previousPeriod": periods["previous"] and {
                "from": iso(periods["previous"][0]), "to": iso(periods["previous"][1])
            },
            "yearAgoPeriod": periods["yearAgo"] and {
                "from": iso(periods["yearAgo"][0]), "to": iso(periods["yearAgo"][1])
            },
            "current": current,
            "previous": earlier["previous"],
            "yearAgo": earlier["yearAgo"],
            "basis": basis,
            "movers": movers,
            "buyerShares": shares(current["buyers"]),
            "earlierBuyerShares": shares(earlier[basis]["buyers"]) if basis else None,
        })
    target = HERE / "comparison_reference.json"
    target.write_text(json.dumps({
        "source": "datasets/retail-kaggle (Transactions.csv, prod_cat_info.csv, Customer.csv)",
        "tool": f"pandas {pd.__version__}, exact decimal sums",
        "cases": out,
    }, indent=1) + "\n")
    print(f"Wrote {target}")


if __name__ == "__main__":
    main()
