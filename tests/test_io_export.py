"""Export: formula neutralisation, CSV with BOM, XLSX numbers, and the backup round trip."""

from __future__ import annotations

import csv
import json
from decimal import Decimal

from conftest import DEMO_TODAY

from kpidesk.cli import main
from kpidesk.io.exporter import export_kind, neutralise, write_table
from kpidesk.store.db import Store
from kpidesk.store.sales import LineInput, OrderInput, add_order
from kpidesk.store.uuids import uuid_text

DANGEROUS = ["=1+1", "+33 12", "-2+3", "@SUM(A1)", "\tx", "\rx", "=HYPERLINK(\"x\")"]


def test_neutralise():
    for text in DANGEROUS:
        assert neutralise(text) == "'" + text
    for text in ["Sokha", "12", "", "a=b", "សុខា"]:
        assert neutralise(text) == text


def test_csv_and_xlsx_neutralise_text_keep_numbers(tmp_path):
    from openpyxl import load_workbook

    header = ["name", "amount", "note"]
    rows = [[t, Decimal("-12.50"), t] for t in DANGEROUS] + [["សុខា", -3, "ok"]]
    path = tmp_path / "x.csv"
    write_table(path, header, rows, numeric={1})
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with open(path, encoding="utf-8-sig", newline="") as f:
        got = list(csv.reader(f))
    assert got[0] == header
    for row, text in zip(got[1:], DANGEROUS, strict=False):
        assert row == ["'" + text, "-12.50", "'" + text]
    assert got[-1] == ["សុខា", "-3", "ok"]

    xpath = tmp_path / "x.xlsx"
    write_table(xpath, header, rows, numeric={1})
    ws = load_workbook(xpath).active
    values = list(ws.iter_rows(values_only=True))
    assert values[0] == tuple(header)
    for row, text in zip(values[1:], DANGEROUS, strict=False):
        safe = ("'" + text).replace("\r", "\n")  # XML stores a lone CR as LF
        assert row == (safe, -12.5, safe)
    assert all(c.data_type != "f" for r in ws.iter_rows() for c in r)


def test_export_sales_formula_customer(tmp_path, store, db_locations):
    from kpidesk.store.contacts import ContactInput, add_contact

    cid = add_contact(store, ContactInput(name="=cmd|' /C calc'!A0", created="2026-11-01"))
    add_order(store, OrderInput(date="2026-11-02", contact_id=cid, number="-5",
                                lines=[LineInput(amount=-1250, currency="USD", rate=4100)]))
    out = tmp_path / "sales.csv"
    assert export_kind(store, "sales", out) == 1
    with open(out, encoding="utf-8-sig", newline="") as f:
        row = list(csv.DictReader(f))[0]
    assert row["customer"] == "'=cmd|' /C calc'!A0"
    assert row["order"] == "'-5"
    assert row["amount"] == "-12.50"
    # and it imports back as it was
    db2 = db_locations("b")
    assert main(["import", "sales", str(out), "--db", str(db2)]) == 0
    with Store(db2) as s:
        assert s.scalar("SELECT name FROM contacts") == "=cmd|' /C calc'!A0"
        assert s.scalar("SELECT number FROM orders") == "-5"
        assert s.scalar("SELECT amount FROM sale_lines") == -1250


def _named_snapshot(db):
    """Rollups with ids replaced by names/uuids, so two stores can be compared."""
    with Store(db) as s:
        q = s.conn.execute
        return {
            "daily_revenue": sorted(q(
                "SELECT d.day, sp.name, ch.name, cat.name, d.currency, d.amount, d.revenue_usd,"
                " d.revenue_khr, d.lines FROM daily_revenue d"
                " LEFT JOIN salespeople sp ON sp.id = d.salesperson_id"
                " LEFT JOIN channels ch ON ch.id = d.channel_id"
                " LEFT JOIN categories cat ON cat.id = d.category_id").fetchall(), key=repr),
            "customer_month": sorted(q(
                "SELECT c.uuid, m.month, m.orders, m.days, m.revenue_usd, m.revenue_khr"
                " FROM customer_month m JOIN contacts c ON c.id = m.contact_id").fetchall()),
            "contacts": sorted(q("SELECT uuid, kind, name, phone, created, first_purchase,"
                                 " last_purchase FROM contacts").fetchall()),
            "orders": q("SELECT count(*), SUM(is_daily_total) FROM orders").fetchall(),
            "opportunities": sorted(q(
                "SELECT uuid, title, value, currency, status, probability, created, closed"
                " FROM opportunities").fetchall()),
            "targets": sorted(q("SELECT period, IFNULL(salesperson_id, 0), measure, value,"
                                " IFNULL(currency, '') FROM targets").fetchall()),
        }


def test_backup_round_trip_same_kpis(tmp_path, demo_location, db_locations, capsys):
    demo_file = demo_location
    out = tmp_path / "backup"
    assert main(["export", "all", "--db", str(demo_file), "--out", str(out)]) == 0
    assert {p.name for p in out.iterdir()} == {"settings.csv", "lists.csv", "contacts.csv",
                                                "sales.csv", "opportunities.csv",
                                                "targets.csv", "opportunity_history.csv"}
    empty = db_locations("restored")
    assert main(["import", "all", str(out), "--db", str(empty)]) == 0
    assert _named_snapshot(empty) == _named_snapshot(demo_file)
    capsys.readouterr()
    for month in ("2026-11", "2026-04", "2025-12"):
        figures = []
        for db in (demo_file, empty):
            assert main(["kpi", "--db", str(db), "--month", month, "--json",
                         "--today", DEMO_TODAY.isoformat()]) == 0
            figures.append(json.loads(capsys.readouterr().out))
        assert figures[0] == figures[1]
        assert figures[0]["revenue"] > 0
    # importing the backup again adds nothing
    assert main(["import", "all", str(out), "--db", str(empty)]) == 0
    assert _named_snapshot(empty) == _named_snapshot(demo_file)


def test_export_each_kind_csv_and_xlsx(tmp_path, demo_location, db_locations):
    demo_file = demo_location
    from openpyxl import load_workbook

    for kind, table in (("sales", "sale_lines"), ("contacts", "contacts"),
                        ("opportunities", "opportunities"), ("targets", "targets")):
        with Store(demo_file, read_only=True) as s:
            n = s.scalar(f"SELECT count(*) FROM {table}")
        csv_out = tmp_path / f"{kind}.csv"
        assert main(["export", kind, "--db", str(demo_file), "--out", str(csv_out)]) == 0
        with open(csv_out, encoding="utf-8-sig", newline="") as f:
            assert sum(1 for _ in csv.reader(f)) == n + 1
        if kind in ("contacts", "targets"):
            x_out = tmp_path / f"{kind}.xlsx"
            assert main(["export", kind, "--db", str(demo_file), "--out", str(x_out)]) == 0
            ws = load_workbook(x_out, read_only=True).active
            rows = list(ws.iter_rows(values_only=True))
            assert len(rows) == n + 1
            # the xlsx imports back too
            db = db_locations(kind)
            assert main(["import", kind, str(x_out), "--db", str(db)]) == 0
            with Store(db) as s:
                assert s.scalar(f"SELECT count(*) FROM {table}") == n


def test_identical_orders_without_number_survive_the_round_trip(tmp_path, store,
                                                                db_locations):
    for _ in range(2):
        add_order(store, OrderInput(date="2026-11-02",
                                    lines=[LineInput(amount=500, currency="USD", rate=4100)]))
    add_order(store, OrderInput(date="2026-11-03", is_daily_total=True, note="Shop, day total",
                                receipts=40,
                                lines=[LineInput(amount=90000, currency="KHR", rate=4000)]))
    out = tmp_path / "sales.csv"
    export_kind(store, "sales", out)
    db2 = db_locations("b")
    assert main(["import", "sales", str(out), "--db", str(db2)]) == 0
    assert main(["import", "sales", str(out), "--db", str(db2)]) == 0
    with Store(db2) as s:
        assert s.scalar("SELECT count(*) FROM orders") == 3
        # two receipts, and the daily total's 40 receipts (its count came back too)
        assert s.scalar("SELECT SUM(orders) FROM daily_orders") == 2 + 40
        assert [tuple(r) for r in s.query(
            "SELECT o.is_daily_total, o.note, l.amount, l.currency, l.rate, o.receipts"
            " FROM orders o JOIN sale_lines l ON l.order_id = o.id"
            " WHERE o.date = '2026-11-03'")] == [(1, "Shop, day total", 90000, "KHR", 4000, 40)]



def test_exported_sales_imported_into_their_own_shop_add_nothing(tmp_path, demo_location):
    """Each exported order carries its UUID (as text): importing the file back into the shop
    it came from finds every order by the UUIDs of its day and adds nothing."""
    db = demo_location
    out = tmp_path / "sales.csv"
    assert main(["export", "sales", "--db", str(db), "--out", str(out)]) == 0
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    with Store(db, read_only=True) as s:
        orders = s.scalar("SELECT count(*) FROM orders")
        stored = {uuid_text(r[0]) for r in s.conn.execute("SELECT uuid FROM orders")}
    assert {r["order_ref"] for r in rows} == stored  # text, as a person reads it
    assert all(len(ref) == 36 and ref.count("-") == 4 for ref in stored)
    assert main(["import", "sales", str(out), "--db", str(db)]) == 0
    with Store(db, read_only=True) as s:
        assert s.scalar("SELECT count(*) FROM orders") == orders
