"""Attack: with an owner PIN set, staff could import what the Sales form refuses them —
refunds and amounts below zero — through File ▸ Import or `python -m kpidesk import`
(the importer writes its own rows). Both routes now ask for the PIN only when the file
holds such rows; without it nothing is written. And a file with two daily totals for one
day, channel and salesperson (or one the shop already has) no longer adds a silent second:
each is a listed row error (KPI.md: one daily total per day, channel and salesperson)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from test_io_import import write_csv

from kpidesk import cli
from kpidesk.io.importer import Importer
from kpidesk.store import history, security
from kpidesk.store.db import Store
from kpidesk.store.errors import PinRequiredError

PIN = "2468"
HEADER = ["Date", "Receipt", "Product", "Amount", "Currency"]


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))  # not a terminal: no prompt


@pytest.fixture
def shop(tmp_path) -> Path:
    path = tmp_path / "shop.db"
    with Store(path) as s:
        security.set_pin(s, PIN)
    return path


def _refund_file(tmp_path: Path) -> Path:
    return write_csv(tmp_path / "refunds.csv", HEADER,
                     [["2026-10-01", "R1", "Tea", "12.00", "USD"],
                      ["2026-10-02", "R2", "Tea", "-12.00", "USD"]])


def _lines(path: Path) -> int:
    with Store(path, read_only=True) as s:
        return s.scalar("SELECT count(*) FROM sale_lines")


def test_cli_import_of_refunds_needs_the_pin(shop, tmp_path, capsys):
    refunds = _refund_file(tmp_path)
    argv = ["import", "sales", str(refunds), "--db", str(shop)]
    assert cli.main(argv) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "PIN" in err and "refunds" in err, err
    assert _lines(shop) == 0
    assert cli.main([*argv, "--pin", "1111"]) == 1
    assert "not right" in capsys.readouterr().err and _lines(shop) == 0
    assert cli.main([*argv, "--pin", PIN]) == 0, capsys.readouterr().err
    with Store(shop, read_only=True) as s:
        assert s.scalar("SELECT count(*) FROM sale_lines WHERE amount < 0") == 1
        [entry] = history.entries(s, action="import")
        assert entry.with_pin and entry.source == "cli"


def test_cli_import_of_ordinary_past_sales_needs_no_pin(shop, tmp_path, capsys):
    # Adding sales of earlier days is staff's work in the form too; only refunds need the PIN.
    path = write_csv(tmp_path / "sales.csv", HEADER, [["2025-01-03", "A1", "Tea", "2.00", "USD"]])
    assert cli.main(["import", "sales", str(path), "--db", str(shop)]) == 0, \
        capsys.readouterr().err
    assert _lines(shop) == 1


def test_the_importer_refuses_staff_and_lets_the_owner_through(shop, tmp_path):
    refunds = _refund_file(tmp_path)
    with Store(shop) as s:
        report = Importer(s, "sales").check(refunds)
        assert report.owner_reason == "negative"
        with pytest.raises(PinRequiredError) as caught:
            Importer(s, "sales").run(refunds)
        assert caught.value.reason == "negative"
        assert s.scalar("SELECT count(*) FROM sale_lines") == 0
        assert s.scalar("SELECT count(*) FROM imports") == 0
        with security.owner_session(s, with_pin=True):
            assert Importer(s, "sales").run(refunds).committed


class Prompts:
    def __init__(self, monkeypatch, answer) -> None:
        self.asked = 0
        self.answer = answer
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(self._get_text))
        monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: None))

    def _get_text(self, *args, **kwargs):
        self.asked += 1
        return self.answer


def _checked_wizard(qtbot, ctx, path):
    from kpidesk.ui.import_wizard import ImportWizard

    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.set_file(path, "sales")
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.report is not None, timeout=10_000)
    return wizard


def test_wizard_import_of_refunds_asks_for_the_pin(qtbot, ctx, tmp_path, monkeypatch):
    security.set_pin(ctx.store, PIN)
    refunds = _refund_file(tmp_path)
    wizard = _checked_wizard(qtbot, ctx, refunds)
    prompts = Prompts(monkeypatch, ("", False))  # staff cancels the prompt
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    assert prompts.asked == 1 and wizard.result is None
    assert "PIN" in wizard.check_summary.text()
    assert ctx.store.scalar("SELECT count(*) FROM sale_lines") == 0
    prompts.answer = (PIN, True)  # the owner types it
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert wizard.result.committed and prompts.asked == 2
    assert ctx.store.scalar("SELECT count(*) FROM sale_lines WHERE amount < 0") == 1


def test_wizard_import_without_refunds_does_not_ask(qtbot, ctx, tmp_path, monkeypatch):
    security.set_pin(ctx.store, PIN)
    path = write_csv(tmp_path / "s.csv", HEADER, [["2025-01-03", "A1", "Tea", "2.00", "USD"]])
    wizard = _checked_wizard(qtbot, ctx, path)
    prompts = Prompts(monkeypatch, ("", False))
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert wizard.result.committed and prompts.asked == 0


DAILY = ["Date", "Daily total", "Salesperson", "Channel", "Amount", "Currency", "Receipts"]


def test_two_daily_totals_for_one_slot_are_row_errors(tmp_path, capsys):
    shop = tmp_path / "shop.db"
    path = write_csv(tmp_path / "daily.csv", DAILY, [
        ["2026-10-01", "yes", "Dara", "Shop", "100.00", "USD", "20"],
        ["2026-10-01", "yes", "Dara", "Shop", "90.00", "USD", "18"],   # the same slot
        ["2026-10-01", "yes", "Sophea", "Shop", "50.00", "USD", "9"],  # another salesperson
        ["2026-10-01", "yes", "Dara", "Online", "30.00", "USD", "4"],  # another channel
    ])
    argv = ["import", "sales", str(path), "--db", str(shop)]
    assert cli.main(argv) == 1
    err = capsys.readouterr().err
    assert "line 3" in err and "daily total" in err, err
    with Store(shop, read_only=True) as s:
        assert s.scalar("SELECT count(*) FROM orders") == 0
    assert cli.main([*argv, "--skip-bad"]) == 0, capsys.readouterr().err
    with Store(shop, read_only=True) as s:
        rows = s.conn.execute(
            "SELECT sp.name, c.name, l.amount FROM orders o JOIN sale_lines l ON l.order_id = o.id"
            " JOIN salespeople sp ON sp.id = o.salesperson_id JOIN channels c ON c.id = o.channel_id"
            " WHERE o.is_daily_total = 1 ORDER BY l.amount").fetchall()
    assert rows == [("Dara", "Online", 3000), ("Sophea", "Shop", 5000), ("Dara", "Shop", 10000)]
    # A later file with another total for a slot the shop already has: an error, not a second.
    later = write_csv(tmp_path / "later.csv", DAILY,
                      [["2026-10-01", "yes", "dara", "shop", "95.00", "USD", "19"]])
    assert cli.main(["import", "sales", str(later), "--db", str(shop)]) == 1
    assert "daily total" in capsys.readouterr().err
    with Store(shop, read_only=True) as s:
        assert s.scalar("SELECT count(*) FROM orders WHERE is_daily_total = 1") == 3


def test_a_refund_the_wizards_check_did_not_see_is_refused_in_words(qtbot, ctx, tmp_path,
                                                                    monkeypatch):
    """The file changed between the check and the import (a refund added): the importer
    still refuses it without the PIN, and the wizard says why in the user's language."""
    security.set_pin(ctx.store, PIN)
    path = write_csv(tmp_path / "s.csv", HEADER, [["2025-01-03", "A1", "Tea", "2.00", "USD"]])
    wizard = _checked_wizard(qtbot, ctx, path)
    _refund_file(tmp_path).replace(path)  # now it holds a refund
    Prompts(monkeypatch, ("", False))
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.busy, timeout=10_000)
    assert wizard.result is None
    assert "Refunds and amounts below zero are for the owner." in wizard.check_summary.text()
    assert ctx.store.scalar("SELECT count(*) FROM sale_lines") == 0
