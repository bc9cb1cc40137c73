"""Reference basket and product figures of tests/fixtures/invoices.csv, computed with pandas.

Reads the invoice-line fixture on its own (it shares no code with Basket):
amount = Quantity x UnitPrice, a basket is an invoice number with at least one
sale line (amount > 0), its items the distinct stock codes of those lines.
Writes baskets_products.json beside this script:

- pairs: every pair of products in at least MIN_COUNT baskets, with support,
  confidence both ways and lift;
- triples: every triple in at least MIN_COUNT baskets, with its rule
  {X, Y} -> Z of highest confidence (ties: the lower item ids) and its lift;
- products: each product's net sales, units, distinct buying customers and
  purchase invoices, its rank by net sales (ties by id) and ABC class
  (A while the products ranked above it hold < 80% of net sales, B < 95%,
  else C; C when its net sales are <= 0), and the top 20% share.

Run: /usr/bin/python3 tests/reference/baskets_products.py
"""

import itertools
import json
import math
from pathlib import Path

import pandas as pd

HERE = Path(__file__).resolve().parent
FIXTURE = HERE.parent / "fixtures" / "invoices.csv"
MIN_COUNT = 3


def main() -> None:
    lines = pd.read_csv(FIXTURE, dtype=str, keep_default_na=False)
    lines["amount"] = lines["Quantity"].astype(float) * lines["UnitPrice"].astype(float)
    lines["quantity"] = lines["Quantity"].astype(float)
    sales = lines[lines["amount"] > 0]
    baskets = sales.groupby("InvoiceNo")["StockCode"].apply(lambda s: sorted(set(s)))
    n = len(baskets)
    item_count = {}
    pair_count = {}
    triple_count = {}
    for items in baskets:
        for i in items:
            item_count[i] = item_count.get(i, 0) + 1
        for p in itertools.combinations(items, 2):
            pair_count[p] = pair_count.get(p, 0) + 1
        for t in itertools.combinations(items, 3):
            triple_count[t] = triple_count.get(t, 0) + 1
    pairs = []
    for (a, b), c in sorted(pair_count.items()):
        if c < MIN_COUNT:
            continue
        pairs.append({
            "a": a, "b": b, "baskets": c, "support": c / n,
            "confidenceAB": c / item_count[a], "confidenceBA": c / item_count[b],
            "lift": (c / n) / ((item_count[a] / n) * (item_count[b] / n)),
        })
    pairs.sort(key=lambda p: (-p["lift"], -p["baskets"], p["a"], p["b"]))
    triples = []
    for (a, b, c), k in sorted(triple_count.items()):
        if k < MIN_COUNT:
            continue
        rules = [((a, b), c), ((a, c), b), ((b, c), a)]
        scored = [(k / pair_count[g], g, z) for g, z in rules]
        scored.sort(key=lambda r: (-r[0], r[1]))
        confidence, given, then = scored[0]
        triples.append({
            "items": [a, b, c], "baskets": k, "support": k / n,
            "given": list(given), "then": then, "confidence": confidence,
            "lift": confidence / (item_count[then] / n),
        })
    triples.sort(key=lambda t: (-t["lift"], -t["baskets"], t["items"]))

    grouped = lines.groupby("StockCode")
    totals = pd.DataFrame({
        "netSales": grouped["amount"].sum(),
        "quantity": grouped["quantity"].sum(),
        "customers": sales[sales["CustomerID"] != ""].groupby("StockCode")["CustomerID"].nunique(),
        "transactions": sales.groupby("StockCode")["InvoiceNo"].nunique(),
    }).fillna(0).reset_index().rename(columns={"StockCode": "product"})
    totals = totals.sort_values(["netSales", "product"], ascending=[False, True], kind="mergesort")
    total = totals["netSales"].sum()
    before = 0.0
    products = []
    for rank, row in enumerate(totals.itertuples(index=False), start=1):
        prior = before / total
        before += row.netSales
        cls = "C" if row.netSales <= 0 else "A" if prior < 0.8 else "B" if prior < 0.95 else "C"
        products.append({
            "product": row.product, "rank": rank, "netSales": row.netSales,
            "quantity": row.quantity, "customers": int(row.customers),
            "transactions": int(row.transactions), "share": row.netSales / total,
            "cumulativeShare": before / total, "abcClass": cls,
        })
    top20 = math.ceil(len(products) / 5)
    out = {
        "minCount": MIN_COUNT,
        "baskets": n,
        "pairs": pairs,
        "triples": triples,
        "products": products,
        "totalNetSales": total,
        "top20Count": top20,
        "top20Share": sum(p["netSales"] for p in products[:top20]) / total,
        "classes": {
            c: {
                "products": sum(1 for p in products if p["abcClass"] == c),
                "netSales": sum(p["netSales"] for p in products if p["abcClass"] == c),
            }
            for c in "ABC"
        },
    }
    (HERE / "baskets_products.json").write_text(json.dumps(out, indent=1) + "\n")


if __name__ == "__main__":
    main()
