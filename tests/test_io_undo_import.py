"""The import log and undo-import: `imports` and `undo-import` on real shop files."""

from __future__ import annotations

import json
import shutil

import pytest
from test_io_import import OWN, own_rows, write_csv

from kpidesk.cli import main
from kpidesk.io.importer import Importer
from kpidesk.store import history, imports, rollups
from kpidesk.store.db import Store
from kpidesk.store.sales import get_order, update_order


def _kpis(capsys, db, month: str) -> dict:
    capsys.readouterr()
    assert main(["kpi", "--db", str(db), "--month", month, "--json", "--today",
                 "2026-11-26"]) == 0
    return json.loads(capsys.readouterr().out)


def _state(db) -> tuple:
    with Store(db) as s:
        tables = {t: s.scalar(f"SELECT count(*) FROM {t}") for t in (
            "orders", "sale_lines", "contacts", "products", "categories", "salespeople",
            "channels", "opportunities", "targets", "import_keys")}
        return tables, rollups.snapshot(s.conn)


def _rollups_equal_rebuild(db) -> None:
    with Store(db) as s:
        now = rollups.snapshot(s.conn)
        with s.transaction():
            rollups.rebuild_all(s.conn)
        assert rollups.snapshot(s.conn) == now


def test_kpis_after_undo_equal_kpis_before_import(tmp_path, capsys, demo_location):
    db = demo_location
    months = ("2026-05", "2026-11")
    before = {m: _kpis(capsys, db, m) for m in months}
    state = _state(db)
    # customers of the demo shop buy again, new customers come, new products and a new
    # salesperson: the import touches every kind of rollup
    rows = own_rows(400)
    with Store(db) as s:
        names = [r[0] for r in s.conn.execute("SELECT name FROM contacts LIMIT 40")]
    for i, row in enumerate(rows):
        row[0] = f"2026-{5 + i // 2 % 7:02d}-{1 + i // 2 % 28:02d}"
        if i // 2 % 3 == 0:
            row[2] = names[i // 2 % len(names)]
        if i // 2 % 7 == 0:
            row[3] = "Newcomer"
    path = write_csv(tmp_path / "sales.csv", OWN, rows)
    assert main(["import", "sales", str(path), "--db", str(db)]) == 0
    assert "undo-import 1" in capsys.readouterr().out
    after_import = {m: _kpis(capsys, db, m) for m in months}
    assert after_import != before

    assert main(["imports", "--db", str(db), "--json"]) == 0
    log = json.loads(capsys.readouterr().out)
    assert [(e["id"], e["file_name"], e["kind"], e["rows_read"], e["rows_added"], e["source"],
             e["undone_at"]) for e in log] == [(1, "sales.csv", "sales", 400, 400, "cli", None)]
    assert log[0]["added"]["orders"] == 200 and log[0]["user"] is not None

    assert main(["undo-import", "1", "--db", str(db)]) == 0
    assert "removed 200 orders, 400 lines" in capsys.readouterr().out
    assert {m: _kpis(capsys, db, m) for m in months} == before
    assert _state(db) == state
    _rollups_equal_rebuild(db)

    # the log keeps the import, marked undone; a second undo is refused in one sentence
    assert main(["imports", "--db", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)[0]["undone_at"]
    assert main(["undo-import", "1", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "already undone" in err and "Traceback" not in err
    assert main(["undo-import", "99", "--db", str(db)]) == 1
    assert "no import 99" in capsys.readouterr().err

    # the same file imports again after its undo (its keys went with it)
    assert main(["import", "sales", str(path), "--db", str(db)]) == 0
    # the same figures; the customers, categories and salesperson it makes anew may get
    # new ids (PostgreSQL never numbers a row again with an id it gave before)
    assert _without_ids(_kpis(capsys, db, "2026-11")) == _without_ids(after_import["2026-11"])


def _without_ids(figures):
    """The figures with the rows' ids left out (a category's key is its id)."""
    if isinstance(figures, dict):
        return {k: _without_ids(v) for k, v in figures.items()
                if not k.endswith("_id") and not (k == "key" and "name" in figures)}
    if isinstance(figures, list):
        return [_without_ids(v) for v in figures]
    return figures


def test_undo_import_with_edited_rows(tmp_path, capsys, db_location):
    db = db_location
    first = write_csv(tmp_path / "first.csv", OWN, own_rows(20))
    assert main(["import", "sales", str(first), "--db", str(db)]) == 0
    second = write_csv(tmp_path / "second.csv", OWN, own_rows(40, start=1000))
    assert main(["import", "sales", str(second), "--db", str(db)]) == 0
    with Store(db) as s:
        orders = [r[0] for r in s.conn.execute(
            "SELECT id FROM orders WHERE import_id = 2 ORDER BY id")]
        edited = orders[3]
        order = get_order(s, edited)
        order.lines[0].amount += 100
        update_order(s, edited, order)
        contact = s.scalar("SELECT id FROM contacts WHERE import_id = 2 AND id NOT IN"
                           " (SELECT contact_id FROM orders WHERE id = ? AND contact_id"
                           " IS NOT NULL) LIMIT 1", (edited,))
        s.conn.execute("BEGIN")
        s.conn.execute("UPDATE contacts SET phone = '012 345 678' WHERE id = ?", (contact,))
        s.conn.execute("COMMIT")
        # a contact the import created buys again, entered by hand after the import
        from kpidesk.store.sales import LineInput, OrderInput, add_order

        buyer = s.scalar("SELECT contact_id FROM orders WHERE id = ?", (orders[5],))
        assert buyer is not None
        add_order(s, OrderInput(date="2026-11-20", lines=[LineInput(500)], contact_id=buyer))
        changed, n = imports.changed_since(s, 2)
        assert n == 2
        assert {(c.kind, c.row_id) for c in changed} == {("order", edited), ("contact", contact)}
        number = s.scalar("SELECT number FROM orders WHERE id = ?", (edited,))

    # not on a terminal, without --edited: refused, with the rows listed
    assert main(["undo-import", "2", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "2 record(s) of import 2 were changed after it" in err
    assert f"sale {number} of " in err and "012 345 678" in err
    assert "--edited remove" in err
    with Store(db) as s:
        assert s.scalar("SELECT count(*) FROM orders WHERE import_id = 2") == 20

    # keep them: every other row of the import goes, the edited ones and what they need stay
    assert main(["undo-import", "2", "--db", str(db), "--edited", "keep"]) == 0
    out = capsys.readouterr().out
    assert "kept 1 orders" in out
    with Store(db) as s:
        assert [r[0] for r in s.conn.execute(
            "SELECT id FROM orders WHERE import_id = 2")] == [edited]
        assert s.scalar("SELECT count(*) FROM contacts WHERE id = ?", (contact,)) == 1
        assert s.scalar("SELECT count(*) FROM contacts WHERE id = ?", (buyer,)) == 1
        # the first import is untouched
        assert s.scalar("SELECT count(*) FROM orders WHERE import_id = 1") == 10
        assert s.scalar("SELECT count(*) FROM sale_lines l JOIN orders o ON o.id = l.order_id"
                        " WHERE o.import_id = 1") == 20
        entries = [e for e in history.entries(s) if e.action in ("import", "undo_import")]
        assert [e.action for e in entries] == ["undo_import", "import", "import"]
        assert entries[0].subject == "import 2" and entries[0].source == "cli"
        assert entries[0].after["removed"]["orders"] == 19
        assert entries[1].after["file_name"] == "second.csv"
    _rollups_equal_rebuild(db)


def test_undo_import_removing_edited_rows(tmp_path, capsys, db_location):
    db = db_location
    path = write_csv(tmp_path / "s.csv", OWN, own_rows(30))
    assert main(["import", "sales", str(path), "--db", str(db)]) == 0
    with Store(db) as s:
        oid = s.scalar("SELECT MIN(id) FROM orders")
        order = get_order(s, oid)
        order.note = "checked"
        update_order(s, oid, order)
    assert main(["undo-import", "1", "--db", str(db), "--edited", "remove"]) == 0
    with Store(db) as s:
        assert s.scalar("SELECT count(*) FROM orders") == 0
        assert s.scalar("SELECT count(*) FROM contacts") == 0
        assert s.scalar("SELECT count(*) FROM import_changes") == 0
    _rollups_equal_rebuild(db)


def test_undo_of_targets_import_puts_replaced_targets_back(tmp_path, store):
    from kpidesk.store.targets import set_target

    set_target(store, "2026-11", "revenue", 500_000, currency="USD")
    path = write_csv(tmp_path / "t.csv", ["Month", "Measure", "Target"], [
        ["2026-11", "revenue", "9,000.00"], ["2026-12", "revenue", "7,000.00"]])
    report = Importer(store, "targets").run(path)
    assert report.committed and report.import_id == 1
    assert sorted(tuple(r) for r in store.query("SELECT period, value FROM targets")) == [
        ("2026-11", 900_000), ("2026-12", 700_000)]
    imports.undo_import(store, 1)
    assert [tuple(r) for r in store.query("SELECT period, value, currency FROM targets")] == [
        ("2026-11", 500_000, "USD")]


def test_undo_of_contacts_and_opportunities(tmp_path, store):
    contacts = write_csv(tmp_path / "c.csv", ["Name", "Phone", "Salesperson"], [
        ["Sokha", "012 111 222", "Vanna"], ["Dara", "015 333 444", ""]])
    opps = write_csv(tmp_path / "o.csv", ["Title", "Customer", "Value", "Created"], [
        ["Tablets", "Sokha", "$1,200", "2026-02-01"], ["Phones", "Kanha", "$300", "2026-02-02"]])
    c = Importer(store, "contacts").run(contacts)
    o = Importer(store, "opportunities").run(opps)
    assert store.scalar("SELECT count(*) FROM contacts") == 3  # Kanha came with an opportunity
    imports.undo_import(store, c.import_id)
    # Sokha has an opportunity now: kept, with her salesperson; Dara goes
    assert [r[0] for r in store.conn.execute("SELECT name FROM contacts ORDER BY id")] == [
        "Sokha", "Kanha"]
    assert [r[0] for r in store.conn.execute("SELECT name FROM salespeople")] == ["Vanna"]
    imports.undo_import(store, o.import_id)
    assert store.scalar("SELECT count(*) FROM opportunities") == 0
    assert [r[0] for r in store.conn.execute("SELECT name FROM contacts")] == ["Sokha"]
    assert [r.kind for r in imports.list_imports(store)] == ["opportunities", "contacts"]


def test_import_all_is_one_import(tmp_path, demo_file, capsys):
    src = tmp_path / "demo.db"
    shutil.copy(demo_file, src)
    out = tmp_path / "export"
    assert main(["export", "all", "--db", str(src), "--out", str(out)]) == 0
    db = tmp_path / "new.db"
    Store(db).close()
    empty = _state(db)
    assert main(["import", "all", str(out), "--db", str(db)]) == 0
    with Store(db) as s:
        assert [(r.id, r.kind, r.file_name) for r in imports.list_imports(s)] == [
            (1, "all", "export")]
        assert s.scalar("SELECT count(*) FROM sale_lines") == 6000
        assert [e.action for e in history.entries(s) if "import" in e.action] == ["import"]
    assert main(["undo-import", "1", "--db", str(db)]) == 0
    assert _state(db) == empty


def test_undo_import_is_the_owners_when_there_is_a_pin(tmp_path, capsys, monkeypatch, db_location):
    import pytest

    from kpidesk.store import security
    from kpidesk.store.errors import PinRequiredError

    db = db_location
    path = write_csv(tmp_path / "s.csv", OWN, own_rows(10))
    assert main(["import", "sales", str(path), "--db", str(db)]) == 0
    with Store(db) as s:
        security.set_pin(s, "2468")
        with pytest.raises(PinRequiredError):  # the store refuses it outside an owner session
            imports.undo_import(s, 1)
    monkeypatch.delenv("KPIDESK_PIN", raising=False)
    assert main(["undo-import", "1", "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "PIN" in err and ":kpidesk@" not in err  # a shared shop named without password
    monkeypatch.setenv("KPIDESK_PIN", "2468")
    assert main(["undo-import", "1", "--db", str(db)]) == 0
    with Store(db) as s:
        assert s.scalar("SELECT count(*) FROM orders") == 0
        undo = next(e for e in history.entries(s) if e.action == "undo_import")
        assert undo.with_pin and undo.source == "cli"


@pytest.mark.sqlite_only("runs a migration through sqlite-utils on the file")
def test_import_log_migration_can_run_again(store):
    """The migration is idempotent, so branches' migrations may be ordered freely."""
    imports.add_import_log(store.db)
    imports.add_import_log(store.db)
    assert store.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'"
                        " AND name LIKE '%_changed_after_import'") == 4


def test_undo_of_import_all_puts_the_shops_settings_back(tmp_path, demo_file, capsys):
    """`import all` writes the exported shop's settings (name, reporting currency, rate…):
    undo-import puts back what they were, so every KPI is what it was before — except a
    setting the owner changed again since the import, which stays."""
    from kpidesk.io.exporter import SETTINGS_EXPORTED

    src = tmp_path / "demo.db"
    shutil.copy(demo_file, src)
    with Store(src) as s:
        s.set_setting("reporting_currency", "KHR")
        s.set_setting("shop_name", "Exported Shop")
        s.set_setting("default_rate", "4000")
    out = tmp_path / "export"
    assert main(["export", "all", "--db", str(src), "--out", str(out)]) == 0
    db = tmp_path / "mine.db"
    with Store(db) as s:
        s.set_setting("shop_name", "My Shop")
        s.set_setting("default_rate", "4100")
        before = {k: s.setting(k) for k in SETTINGS_EXPORTED}
    kpis_before = _kpis(capsys, db, "2026-10")
    assert main(["import", "all", str(out), "--db", str(db)]) == 0
    with Store(db) as s:
        assert s.setting("reporting_currency") == "KHR" and s.setting("shop_name") == \
            "Exported Shop"
        s.set_setting("default_rate", "4050")  # the owner changes one since: it stays
    assert main(["undo-import", "1", "--db", str(db)]) == 0
    with Store(db, read_only=True) as s:
        after = {k: s.setting(k) for k in SETTINGS_EXPORTED}
    assert after == {**before, "default_rate": "4050"}
    assert _kpis(capsys, db, "2026-10") == kpis_before


def test_an_imported_sale_deleted_then_put_back_is_still_the_imports(tmp_path, store):
    """Edit ▸ Undo of a delete puts the sale back with its import number, so undo-import
    still removes exactly what the import added."""
    from kpidesk.store.sales import delete_order, restore_order

    path = write_csv(tmp_path / "s.csv", ["Date", "Receipt", "Product", "Amount"], [
        ["2026-10-01", "A1", "Tea", "2.00"], ["2026-10-02", "A2", "Tea", "3.00"]])
    report = Importer(store, "sales").run(path)
    first = store.scalar("SELECT MIN(id) FROM orders")
    snapshot = delete_order(store, first)
    restore_order(store, first, snapshot)
    assert store.scalar("SELECT import_id FROM orders WHERE id = ?", (first,)) == \
        report.import_id
    imports.undo_import(store, report.import_id)
    assert store.scalar("SELECT count(*) FROM orders") == 0
    assert store.scalar("SELECT count(*) FROM daily_revenue") == 0
