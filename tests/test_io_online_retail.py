"""The real online-retail export (first 20,000 lines) imported with the guessed mapping.

The expected figures are computed here independently with the csv module, with
the README's definitions (clean = has CustomerID, Quantity > 0, not a C
invoice). The whole file is checked against the README in bench/import.py.
"""

from __future__ import annotations

import csv
import gzip
from collections import defaultdict
from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from itertools import islice
from pathlib import Path

import pytest

from kpidesk.cli import main
from kpidesk.store.db import Store

SOURCE = Path("/work/shared/data/online-retail/online_retail.csv.gz")
if not SOURCE.exists():  # pragma: no cover - CI checkouts beside the shared data
    SOURCE = Path(__file__).resolve().parents[2] / "shared/data/online-retail/online_retail.csv.gz"
LINES = 20_000


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Path:
    if not SOURCE.exists():
        pytest.skip("online retail data not present")
    path = tmp_path_factory.mktemp("retail") / "retail_sample.csv.gz"
    with gzip.open(SOURCE, "rt", encoding="utf-8", newline="") as src, \
            gzip.open(path, "wt", encoding="utf-8", newline="") as dst:
        dst.writelines(islice(src, LINES + 1))
    return path


def expected(path: Path) -> dict:
    cents = lambda q, p: int((Decimal(q) * Decimal(p) * 100).quantize(  # noqa: E731
        Decimal(1), rounding=ROUND_HALF_EVEN))
    e = {"rows": 0, "invoices": set(), "customers": set(), "revenue": 0,
         "monthly": defaultdict(int), "clean_rows": 0, "clean_customers": set(),
         "clean_invoices": set(), "clean_revenue": 0, "clean_monthly": defaultdict(int),
         "first": {}}
    with gzip.open(path, "rt", encoding="utf-8", newline="") as f:
        for r in csv.DictReader(f):
            amount = cents(r["Quantity"], r["UnitPrice"])
            month = r["InvoiceDate"][:7]
            e["rows"] += 1
            e["invoices"].add(r["InvoiceNo"])
            e["revenue"] += amount
            e["monthly"][month] += amount
            cid = r["CustomerID"].removesuffix(".0")
            if cid:
                e["customers"].add(cid)
            if cid and int(r["Quantity"]) > 0 and not r["InvoiceNo"].startswith("C"):
                e["clean_rows"] += 1
                e["clean_customers"].add(cid)
                e["clean_invoices"].add(r["InvoiceNo"])
                e["clean_revenue"] += amount
                e["clean_monthly"][month] += amount
                day = r["InvoiceDate"][:10]
                e["first"][cid] = min(e["first"].get(cid, day), day)
    return e


def test_online_retail_sample(sample, tmp_path):
    e = expected(sample)
    db = tmp_path / "retail.db"
    assert main(["import", "sales", str(sample), "--db", str(db)]) == 0
    with Store(db) as s:
        q = s.scalar
        assert q("SELECT count(*) FROM sale_lines") == e["rows"] == LINES
        assert q("SELECT count(*) FROM orders") == len(e["invoices"])
        assert q("SELECT count(*) FROM contacts") == len(e["customers"])
        assert q("SELECT SUM(revenue_usd) FROM daily_revenue") == e["revenue"]
        monthly = dict(s.conn.execute(
            "SELECT substr(day, 1, 7), SUM(revenue_usd) FROM daily_revenue GROUP BY 1"))
        assert monthly == dict(e["monthly"])
        clean = ("FROM sale_lines l JOIN orders o ON o.id = l.order_id"
                 " WHERE o.contact_id IS NOT NULL AND l.quantity > 0 AND o.number NOT LIKE 'C%'")
        assert q(f"SELECT count(*) {clean}") == e["clean_rows"]
        assert q(f"SELECT count(DISTINCT o.contact_id) {clean}") == len(e["clean_customers"])
        assert q(f"SELECT count(DISTINCT o.id) {clean}") == len(e["clean_invoices"])
        assert q(f"SELECT SUM(l.amount) {clean}") == e["clean_revenue"]
        # cancellations are refund receipts: negative, not counted as orders
        assert q("SELECT SUM(refunds) FROM daily_orders") == len(
            {i for i in e["invoices"] if i.startswith("C")})
        # customers: external id kept, created on their first sale, first purchase = clean
        rows = s.query("SELECT k.key, c.created, c.first_purchase FROM contacts c"
                       " JOIN import_keys k ON k.kind = 'contact' AND k.row_id = c.id")
        assert len(rows) == len(e["customers"])
        firsts = {r["key"]: r["first_purchase"] for r in rows if r["first_purchase"]}
        assert firsts == e["first"]
        assert all(r["created"] <= (r["first_purchase"] or "9999") for r in rows)
        months = dict(s.conn.execute(
            "SELECT substr(first_purchase, 1, 7), count(*) FROM contacts"
            " WHERE first_purchase IS NOT NULL GROUP BY 1"))
        exp_months = defaultdict(int)
        for day in e["first"].values():
            exp_months[day[:7]] += 1
        assert months == dict(exp_months)
        assert q("SELECT value FROM settings WHERE key = 'reporting_currency'") == "USD"
        # the metrics read the imported shop as the README counts it
        from kpidesk.metrics.customers import customer_kpis
        from kpidesk.metrics.growth import sales_summary

        today = date(2011, 12, 9)
        for month in sorted(e["monthly"]):
            assert sales_summary(s, month, today).revenue == e["monthly"][month]
            assert customer_kpis(s, month, today)["new_customers"] == exp_months[month]
