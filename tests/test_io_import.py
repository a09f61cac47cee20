"""Importing: own format via the CLI, all-or-nothing, skip-bad, idempotency, kill safety,
contacts / opportunities / targets, XLSX, foreign headers."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kpidesk.cli import main
from kpidesk.io.importer import Importer
from kpidesk.store import rollups
from kpidesk.store.db import Store

OWN = ["date", "order", "customer", "salesperson", "product", "category", "quantity", "amount",
       "currency", "rate", "channel"]


def own_rows(n: int, start: int = 0) -> list[list[str]]:
    """n lines, 2 lines per order, some walk-ins, USD and KHR, a few refunds."""
    rows = []
    for i in range(start, start + n):
        order = i // 2
        day = f"2026-{1 + order % 11:02d}-{1 + order % 28:02d}"
        customer = "" if order % 3 == 0 else f"Customer {order % 97}"
        if order % 5 == 0:
            amount, currency = f"{(i % 40 + 1) * 1000}", "KHR"
        else:
            amount, currency = f"{i % 50 + 1}.{i % 100:02d}", "USD"
        qty = "1"
        if order % 101 == 7:
            amount, qty = "-" + amount, "-1"
        rows.append([day, f"R{order:06d}", customer, ["សុខា", "Dara"][order % 2],
                     f"Item {i % 13}", ["Phones", "Cases"][i % 13 % 2], qty, amount, currency,
                     "4100" if order % 4 else "", ["Shop", "Facebook", ""][order % 3]])
    return rows


def write_csv(path: Path, header: list[str], rows: list[list], **kw) -> Path:
    with open(path, "w", encoding=kw.pop("encoding", "utf-8"), newline="") as f:
        w = csv.writer(f, **kw)
        w.writerow(header)
        w.writerows(rows)
    return path


def counts(db: Path) -> tuple[int, int, int, int]:
    with Store(db) as s:
        return tuple(s.scalar(f"SELECT count(*) FROM {t}") for t in
                     ("orders", "sale_lines", "contacts", "import_keys"))


def test_own_format_cli_imports_everything(tmp_path, capsys, db_location):
    rows = own_rows(300)
    path = write_csv(tmp_path / "sales.csv", OWN, rows)
    db = db_location
    assert main(["import", "sales", str(path), "--db", str(db)]) == 0
    with Store(db) as s:
        assert s.scalar("SELECT count(*) FROM sale_lines") == 300
        assert s.scalar("SELECT count(*) FROM orders") == 150
        # amounts: USD in cents, KHR whole riel, refunds negative
        expected_usd = sum(round(float(r[7]) * 100) for r in rows if r[8] == "USD")
        assert s.scalar("SELECT SUM(amount) FROM sale_lines WHERE currency = 'USD'") == \
            expected_usd
        assert s.scalar("SELECT SUM(amount) FROM sale_lines WHERE currency = 'KHR'") == \
            sum(int(r[7]) for r in rows if r[8] == "KHR")
        assert s.scalar("SELECT count(*) FROM orders WHERE contact_id IS NULL") == 50
        assert s.scalar("SELECT count(*) FROM contacts") == len({r[2] for r in rows if r[2]})
        assert {n for _, n in s.conn.execute("SELECT id, name FROM salespeople")} == \
            {"សុខា", "Dara"}
        # new contacts are created on the date of their first sale in the file
        first = {}
        for r in rows:
            if r[2]:
                first[r[2]] = min(first.get(r[2], r[0]), r[0])
        assert dict(s.conn.execute("SELECT name, created FROM contacts")) == first
        # rollups equal a rebuild from raw lines
        before = rollups.snapshot(s.conn)
        with s.transaction():
            rollups.rebuild_all(s.conn)
        assert rollups.snapshot(s.conn) == before
        assert s.scalar("SELECT SUM(revenue_usd) FROM daily_revenue") == \
            s.scalar("SELECT SUM(amount_usd) FROM sale_lines")
    assert "300 rows read" in capsys.readouterr().out


def test_one_bad_row_in_ten_thousand(tmp_path, capsys, db_location):
    rows = own_rows(10_000)
    rows[4321][7] = "12,34,5x"  # line 4323 in the file (header is line 1)
    path = write_csv(tmp_path / "sales.csv", OWN, rows)
    db = db_location
    Store(db).close()
    before = counts(db)

    assert main(["import", "sales", str(path), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "line 4323, column 'amount': not a number ('12,34,5x')" in err
    assert "nothing imported" in err
    assert counts(db) == before

    # the wizard's path: check first (nothing written), then import the good rows
    with Store(db) as s:
        report = Importer(s, "sales").check(path)
        assert (report.rows, report.good, report.bad) == (10_000, 9_999, 1)
        assert (report.errors[0].line, report.errors[0].column) == (4323, "amount")
        assert report.rejected == [(4323, rows[4321])]
    assert counts(db) == before

    assert main(["import", "sales", str(path), "--db", str(db), "--skip-bad"]) == 0
    assert counts(db)[1] == 9_999


def test_twice_imported_file_adds_nothing(tmp_path, db_location, store_kind):
    rows = own_rows(1000)
    # two identical walk-in lines without order number: both are real sales
    rows += [["2026-05-05", "", "", "Dara", "Case", "Cases", "1", "5.00", "USD", "", "Shop"]] * 2
    path = write_csv(tmp_path / "sales.csv", OWN, rows)
    db = db_location
    assert main(["import", "sales", str(path), "--db", str(db)]) == 0
    first = counts(db)
    assert first[1] == 1002
    with Store(db) as s:
        snap = rollups.snapshot(s.conn)
    assert not (tmp_path / "backups").exists()  # an empty shop has nothing to back up
    assert main(["import", "sales", str(path), "--db", str(db)]) == 0
    assert counts(db) == first
    with Store(db) as s:
        assert rollups.snapshot(s.conn) == snap
    if store_kind == "sqlite":  # a shared shop is backed up on its server (pg_dump), not here
        # the shop was backed up before the second import, with everything of the first
        from kpidesk.store.backup_files import list_backups

        made = list_backups(tmp_path / "backups", db)
        assert [b.reason for b in made] == ["import"] and made[0].sales_count() == first[0]
    # a file with one more order adds just that order
    more = write_csv(tmp_path / "more.csv", OWN, rows + own_rows(2, start=5000))
    assert main(["import", "sales", str(more), "--db", str(db)]) == 0
    assert counts(db)[:2] == (first[0] + 1, first[1] + 2)


@pytest.mark.sqlite_only("watches the shop file's WAL grow to kill the import mid-write")
def test_killed_mid_import_leaves_store_unchanged(tmp_path, db_location):
    db = db_location
    small = write_csv(tmp_path / "small.csv", OWN, own_rows(50))
    assert main(["import", "sales", str(small), "--db", str(db)]) == 0
    with Store(db) as s:
        before = (counts(db), rollups.snapshot(s.conn))
    big = write_csv(tmp_path / "big.csv", OWN, own_rows(120_000, start=100))
    proc = subprocess.Popen([sys.executable, "-m", "kpidesk", "import", "sales", str(big),
                             "--db", str(db)], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    wal = Path(str(db) + "-wal")
    deadline = time.monotonic() + 60
    # wait until batches are being written (the WAL grows), then kill
    while time.monotonic() < deadline and proc.poll() is None:
        if wal.exists() and wal.stat().st_size > 1_000_000:
            break
        time.sleep(0.01)
    assert proc.poll() is None, "the import finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    with Store(db) as s:
        assert s.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert (counts(db), rollups.snapshot(s.conn)) == before


def test_xlsx_and_foreign_headers(tmp_path, store):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Date", "Receipt number", "Receipt type", "Item", "Quantity", "Net sales",
               "Cashier name", "Customer name", "Customer contacts"])
    ws.append(["26/11/2026", "1-1001", "Sale", "Case", 2, "$10.00", "Dara", "Sokha", "012345"])
    ws.append(["26-Nov-2026", "1-1002", "Refund", "Case", 1, "5.00", "Dara", "Sokha", "012345"])
    ws.append([46351, "1-1003", "Sale", "Charger", 1, "៛20,000", "Dara", "", ""])
    path = tmp_path / "receipts.xlsx"
    wb.save(path)
    report = Importer(store, "sales").run(path)
    assert report.committed and report.bad == 0, report.errors
    lines = store.query("SELECT o.number, o.date, l.amount, l.currency, l.quantity, c.name,"
                        " c.phone FROM sale_lines l JOIN orders o ON o.id = l.order_id"
                        " LEFT JOIN contacts c ON c.id = o.contact_id ORDER BY o.number")
    assert [tuple(r) for r in lines] == [
        ("1-1001", "2026-11-26", 1000, "USD", 2.0, "Sokha", "012345"),
        ("1-1002", "2026-11-26", -500, "USD", -1.0, "Sokha", "012345"),
        ("1-1003", "2026-11-25", 20000, "KHR", 1.0, None, None),
    ]
    # the refund receipt is not an order in the rollups, its amount counts in revenue
    assert store.scalar("SELECT SUM(orders), SUM(refunds) FROM daily_orders") == 2
    assert store.scalar("SELECT SUM(revenue_usd) FROM daily_revenue") == 1000 - 500 + round(
        20000 * 100 / store.default_rate)


def test_explicit_mapping_file(tmp_path, db_location):
    path = write_csv(tmp_path / "x.csv", ["Jour", "Montant", "Client"],
                     [["26/11/2026", "12,50", "A"], ["27/11/2026", "3", "B"]], delimiter=";")
    mp = tmp_path / "map.json"
    mp.write_text('{"date": "Jour", "amount": "Montant", "customer": "Client"}')
    db = db_location
    assert main(["import", "sales", str(path), "--db", str(db)]) == 1  # no amount column guessed
    assert main(["import", "sales", str(path), "--db", str(db), "--mapping", str(mp)]) == 0
    with Store(db) as s:
        assert s.scalar("SELECT SUM(amount) FROM sale_lines") == 1550


def test_contacts_opportunities_targets(tmp_path, store):
    contacts = write_csv(tmp_path / "c.csv", ["Name", "Type", "Phone", "Created", "Source"], [
        ["Sokha", "lead", "012", "2026-01-05", "Facebook"],
        ["Dara", "customer", "015", "06/01/2026", ""],
        ["", "lead", "017", "2026-01-07", ""],
    ])
    report = Importer(store, "contacts").run(contacts)
    assert not report.committed and report.errors[0].code == "required"
    assert store.scalar("SELECT count(*) FROM contacts") == 0
    report = Importer(store, "contacts").run(contacts, skip_bad=True)
    assert report.committed and report.added["contacts"] == 2
    assert Importer(store, "contacts").run(contacts, skip_bad=True).added["contacts"] == 0
    assert [tuple(r) for r in store.query(
        "SELECT name, kind, phone, created, source FROM contacts ORDER BY id")] == [
        ("Sokha", "lead", "012", "2026-01-05", "Facebook"),
        ("Dara", "customer", "015", "2026-01-06", "")]

    opps = write_csv(tmp_path / "o.csv", ["Title", "Customer", "Value", "Stage", "Created",
                                          "Status", "Closed"], [
        ["Tablets", "Sokha", "$1,200", "Proposal", "2026-02-01", "", ""],
        ["Phones", "New Person", "៛4,100,000", "", "2026-02-02", "won", "2026-03-01"],
        ["Bad", "Sokha", "10", "Nowhere", "2026-02-03", "", ""],
    ])
    report = Importer(store, "opportunities").run(opps)
    assert not report.committed and report.errors[0].code == "unknown_stage"
    report = Importer(store, "opportunities").run(opps, skip_bad=True)
    assert report.added["opportunities"] == 2
    rows = store.query("SELECT o.title, o.value, o.currency, o.status, s.name, o.probability,"
                       " c.name, c.kind FROM opportunities o JOIN stages s ON s.id = o.stage_id"
                       " LEFT JOIN contacts c ON c.id = o.contact_id ORDER BY o.id")
    assert [tuple(r) for r in rows] == [
        ("Tablets", 120000, "USD", "open", "Proposal", 60, "Sokha", "lead"),
        ("Phones", 4100000, "KHR", "won", "Won", 100, "New Person", "lead")]
    assert Importer(store, "opportunities").run(opps, skip_bad=True).added["opportunities"] == 0

    targets = write_csv(tmp_path / "t.csv", ["Month", "Salesperson", "Measure", "Target"], [
        ["2026-11", "", "revenue", "10,000.00"], ["Nov 2026", "Dara", "new customers", "5"],
        ["2026-12", "", "profit", "1"]])
    report = Importer(store, "targets").run(targets, skip_bad=True)
    assert report.bad == 1 and report.errors[0].code == "bad_measure"
    rows = store.query("SELECT t.period, s.name, t.measure, t.value, t.currency FROM targets t"
                       " LEFT JOIN salespeople s ON s.id = t.salesperson_id ORDER BY t.id")
    assert [tuple(r) for r in rows] == [("2026-11", None, "revenue", 1000000, "USD"),
                                        ("2026-11", "Dara", "new_customers", 5, None)]
    Importer(store, "targets").run(targets, skip_bad=True)
    assert store.scalar("SELECT count(*) FROM targets") == 2


def test_cancel_rolls_back(tmp_path, store):
    from kpidesk.io.importer import Cancelled

    path = write_csv(tmp_path / "s.csv", OWN, own_rows(20_000))
    calls = []

    def cancel():
        calls.append(1)
        return len(calls) > 5

    with pytest.raises(Cancelled):
        Importer(store, "sales", should_cancel=cancel).run(path)
    assert store.scalar("SELECT count(*) FROM sale_lines") == 0
    assert store.scalar("SELECT count(*) FROM contacts") == 0
