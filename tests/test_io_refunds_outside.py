"""Refunds made outside the app, imported (online-retail style: a "C" invoice cancels the
invoice of the same number). KPI.md: a refund is a sale with a negative amount, dated when
refunded, "linked to the sale it refunds when known". So a refund whose sale is in the
shop and whose lines are that sale's lines (within what it sold) is tied to it, and the
app then refunds only what is left; any other refund — its sale not in the shop, other
items, more than was sold — is taken as a stand-alone return, never refused, and the
import's summary says how many were."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest

from kpidesk.cli import main
from kpidesk.io.importer import Importer
from kpidesk.metrics.kpis import all_kpis
from kpidesk.store import receipts
from kpidesk.store.errors import ValidationError

HEADER = ["InvoiceNo", "StockCode", "Description", "Quantity", "InvoiceDate", "UnitPrice",
          "CustomerID", "Country"]
ROWS = [
    # a sale of two items, then a cancellation of 2 of its lanterns: tied to it
    ["536366", "85123A", "WHITE HANGING HEART T-LIGHT HOLDER", "6", "2010-12-01 08:26:00",
     "2.55", "17850.0", "United Kingdom"],
    ["536366", "71053", "WHITE METAL LANTERN", "6", "2010-12-01 08:26:00", "3.39", "17850.0",
     "United Kingdom"],
    ["C536366", "71053", "WHITE METAL LANTERN", "-2", "2010-12-03 10:00:00", "3.39",
     "17850.0", "United Kingdom"],
    # a cancellation whose invoice is not in the shop (the export began after it)
    ["C536379", "D", "Discount", "-1", "2010-12-01 09:41:00", "27.50", "14527.0",
     "United Kingdom"],
    # a sale, and a cancellation of an item it never had
    ["536370", "22728", "ALARM CLOCK BAKELIKE PINK", "24", "2010-12-01 08:45:00", "3.75",
     "12583.0", "France"],
    ["C536370", "22222", "OTHER THING", "-1", "2010-12-02 11:00:00", "1.00", "12583.0",
     "France"],
    # a sale, and a cancellation of more than it sold
    ["536371", "22086", "PAPER CHAIN KIT 50'S CHRISTMAS", "4", "2010-12-01 09:00:00", "2.55",
     "13748.0", "United Kingdom"],
    ["C536371", "22086", "PAPER CHAIN KIT 50'S CHRISTMAS", "-10", "2010-12-04 09:00:00",
     "2.55", "13748.0", "United Kingdom"],
]
TODAY = date(2010, 12, 31)


def _write(path: Path, rows: list[list[str]]) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows(rows)
    return path


def _order(store, number: str) -> int:
    return int(store.scalar("SELECT id FROM orders WHERE number = ?", (number,)))


def test_refunds_are_tied_to_their_sale_or_taken_as_returns_of_their_own(store, tmp_path):
    report = Importer(store, "sales", today=TODAY).run(_write(tmp_path / "r.csv", ROWS))
    assert report.committed and report.bad == 0
    assert (report.linked_refunds, report.standalone_refunds) == (1, 3)
    links = {r["number"]: r["refund_of"] for r in store.query(
        "SELECT number, refund_of FROM orders WHERE number LIKE 'C%'")}
    assert links == {"C536366": _order(store, "536366"), "C536379": None, "C536370": None,
                     "C536371": None}
    # every refund counts as KPI.md says, tied or not: a negative sale of its own date,
    # no order; computed here from the rows of the file
    cents = [round(float(r[3]) * float(r[5]) * 100) for r in ROWS]
    figures = all_kpis(store, "2010-12", TODAY)
    assert figures["revenue"] == sum(cents)
    assert figures["orders"] == len({r[0] for r in ROWS if not r[0].startswith("C")})
    # the tied sale: the app refunds what is left (4 lanterns), not the 2 given back again
    sale = _order(store, "536366")
    left = receipts.refund_input(store, sale, day="2010-12-05")
    assert [(line.quantity, line.amount) for line in left.lines] == [(-6, -1530), (-4, -1356)]
    # a sale whose imported refund was not of its lines is not "already refunded"
    for number in ("536370", "536371"):
        again = receipts.refund_input(store, _order(store, number), day="2010-12-05")
        assert again.lines and all(line.amount < 0 for line in again.lines)
    # and a refund (tied or not) is no sale to refund
    with pytest.raises(ValidationError):
        receipts.refund_input(store, _order(store, "C536379"), day="2010-12-05")


def test_a_refund_of_a_sale_imported_before_is_tied_to_it(store, tmp_path):
    first = Importer(store, "sales", today=TODAY).run(_write(tmp_path / "a.csv", ROWS[:2]))
    assert (first.linked_refunds, first.standalone_refunds) == (0, 0)
    later = Importer(store, "sales", today=TODAY).run(_write(tmp_path / "b.csv", ROWS[2:3]))
    assert (later.linked_refunds, later.standalone_refunds) == (1, 0)
    # a second cancellation of 5 more lanterns: only 4 are left, so it stands alone
    more = ["C536366", "71053", "WHITE METAL LANTERN", "-5", "2010-12-06 10:00:00", "3.39",
            "17850.0", "United Kingdom"]
    last = Importer(store, "sales", today=TODAY).run(_write(tmp_path / "c.csv", [more]))
    assert (last.linked_refunds, last.standalone_refunds) == (0, 1)
    assert receipts.refunds_fit(store, _order(store, "536366"))


def test_the_import_command_says_how_many_stood_alone(db_location, tmp_path, capsys):
    assert main(["import", "sales", str(_write(tmp_path / "r.csv", ROWS)), "--db",
                 str(db_location)]) == 0
    out = capsys.readouterr().out
    assert "3 refund(s) taken as stand-alone returns" in out
    assert "1 refund(s) tied to their sale" in out


def test_the_wizard_says_how_many_stood_alone(qtbot, ctx, tmp_path):
    from PySide6.QtCore import Qt
    from test_gui_import import _wizard

    wizard = _wizard(qtbot, ctx, _write(tmp_path / "r.csv", ROWS))
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.report is not None, timeout=20_000)
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=20_000)
    assert wizard.result.committed
    assert "3 refunds were taken as returns of their own" in wizard.done_label.text()
