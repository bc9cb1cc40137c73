"""Reference sales figures of the real retail data set, computed with pandas.

Reads the three CSVs of datasets/retail-kaggle/ on its own (it shares no code
with Basket), maps them as Basket's data model does, and writes
sales_reference.json beside this script. Amounts are summed as exact decimals,
so the JSON holds the true sums; Basket's figures must agree to the cent.

Run: /usr/bin/python3 tests/reference/sales_reference.py [path/to/retail-kaggle]
"""

import json
import sys
from decimal import Decimal
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
DEFAULT_DATA = HERE.parents[2] / "shared" / "datasets" / "retail-kaggle"
NONE = "(none)"


def day_first(text: pd.Series) -> pd.Series:
    """Reads tran_date day first: both dd-mm-yyyy and d/m/yyyy occur."""
    dashed = pd.to_datetime(text, format="%d-%m-%Y", errors="coerce")
    slashed = pd.to_datetime(text, format="%d/%m/%Y", errors="coerce")
    dates = dashed.fillna(slashed)
    if dates.isna().any():
        bad = text[dates.isna()].iloc[0]
        raise ValueError(f'tran_date "{bad}" is not a day-first date')
    return dates


def load(folder: Path) -> pd.DataFrame:
    tx = pd.read_csv(folder / "Transactions.csv", dtype=str)
    cats = pd.read_csv(folder / "prod_cat_info.csv", dtype=str)
    customers = pd.read_csv(folder / "Customer.csv", dtype=str)
    tx["date"] = day_first(tx["tran_date"])
    tx["amount"] = tx["total_amt"].map(Decimal)
    # Category and sub-category: joined on BOTH codes (sub-category codes
    # repeat across categories).
    tx = tx.merge(
        cats.rename(columns={"prod_cat_code": "cat", "prod_sub_cat_code": "sub"}),
        how="left",
        left_on=["prod_cat_code", "prod_subcat_code"],
        right_on=["cat", "sub"],
    )
    # A category name even when the sub-category code is unknown.
    names = cats.drop_duplicates("prod_cat_code").set_index("prod_cat_code")["prod_cat"]
    tx["category"] = tx["prod_cat_code"].map(names)
    tx["sub_category"] = tx["prod_subcat"]
    # Region: "City " + the customer's city code, when known.
    city = customers.set_index("customer_Id")["city_code"].dropna()
    tx["region"] = tx["cust_id"].map("City " + city)
    tx["channel"] = tx["Store_type"]
    return tx


def sums(frame: pd.DataFrame, by) -> dict:
    """Exact net sales per group, NULL groups labelled "(none)"."""
    keys = frame[by].fillna(NONE)
    grouped = frame["amount"].groupby([keys[c] for c in by] if isinstance(by, list) else keys)
    out = {}
    for key, values in grouped:
        label = " / ".join(key) if isinstance(key, tuple) else key
        out[label] = float(sum(values, Decimal(0)))
    return dict(sorted(out.items()))


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_DATA
    tx = load(folder)
    amounts = tx["amount"]
    tx["month"] = tx["date"].dt.strftime("%Y-%m")
    with_id = tx[tx["transaction_id"].notna()]
    by_id = with_id["amount"].groupby(with_id["transaction_id"])
    purchase = by_id.apply(lambda a: any(x > 0 for x in a))
    has_return = by_id.apply(lambda a: any(x < 0 for x in a))
    basket_lines = with_id["amount"]
    reference = {
        "source": "datasets/retail-kaggle (Transactions.csv, prod_cat_info.csv, Customer.csv)",
        "tool": f"pandas {pd.__version__}, exact decimal sums",
        "from": tx["date"].min().strftime("%Y-%m-%d"),
        "to": tx["date"].max().strftime("%Y-%m-%d"),
        "totalSales": float(sum(amounts, Decimal(0))),
        "grossSales": float(sum((a for a in amounts if a > 0), Decimal(0))),
        "returnsValue": float(-sum((a for a in amounts if a < 0), Decimal(0))),
        "saleLines": int(len(tx)),
        "returnLines": int((amounts < 0).sum()),
        # A purchase transaction has a line above zero; a return transaction
        # has lines below zero and none above (docs/sales.md).
        "transactions": int(purchase.sum()),
        "returnTransactions": int((has_return & ~purchase).sum()),
        "averageBasket": float(
            sum((a for a in basket_lines if a > 0), Decimal(0)) / Decimal(int(purchase.sum()))
        ),
        "customers": int(tx["cust_id"].nunique()),
        "byCategory": sums(tx, "category"),
        "bySubCategory": sums(tx, ["category", "sub_category"]),
        "byChannel": sums(tx, "channel"),
        "byRegion": sums(tx, "region"),
        "byMonth": sums(tx, "month"),
    }
    target = HERE / "sales_reference.json"
    target.write_text(json.dumps(reference, indent=2) + "\n")
    print(f"Wrote {target}")


if __name__ == "__main__":
    main()
