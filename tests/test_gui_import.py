"""The import wizard driven end to end with pytest-qt, and the table export helper."""

from __future__ import annotations

import csv

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from test_io_import import OWN, own_rows, write_csv

from kpidesk.ui.import_wizard import ImportWizard


def _wizard(qtbot, ctx, path, kind="sales"):
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.set_file(path, kind)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert wizard.pages.currentIndex() == 1, wizard.file_error.text()
    return wizard


def test_wizard_imports_good_rows(qtbot, ctx, tmp_path):
    rows = own_rows(400)
    rows[10][0] = "31/02/2026"  # line 12: impossible date
    path = write_csv(tmp_path / "sales.csv", OWN, rows)
    wizard = _wizard(qtbot, ctx, path)
    # the mapping was guessed; the preview shows the first rows as they will be stored
    assert wizard.field_combos["amount"].currentData() == "amount"
    assert wizard.preview_table.rowCount() == 8
    headers = [wizard.preview_table.horizontalHeaderItem(c).text()
               for c in range(wizard.preview_table.columnCount())]
    amount_col = headers.index("Amount (line total)")
    first = rows[0]
    assert wizard.preview_table.item(0, amount_col).text().replace(",", "") in (
        f"${first[7]}", f"{first[7]}៛")
    assert wizard.preview_table.item(0, headers.index("Date")).text() == "1 Jan 2026"

    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.report is not None, timeout=10_000)
    # validation wrote nothing
    assert ctx.store.scalar("SELECT count(*) FROM sale_lines") == 0
    assert wizard.errors_table.rowCount() == 1
    assert [wizard.errors_table.item(0, c).text() for c in range(4)] == [
        "12", "date", "31/02/2026", "not a date"]
    assert "400 rows read: 399 good, 1 with errors" in wizard.check_summary.text()

    rejected = wizard.save_rejected(str(tmp_path / "rejected.csv"))
    with open(rejected, encoding="utf-8-sig", newline="") as f:
        saved = list(csv.reader(f))
    assert saved[0] == OWN + ["line", "problem"]
    assert saved[1] == rows[10] + ["12", "date: not a date"]

    changed = []
    ctx.data_changed.connect(changed.append)
    assert wizard.import_button.isEnabled()
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert wizard.pages.currentIndex() == 3
    assert wizard.result.committed
    assert ctx.store.scalar("SELECT count(*) FROM sale_lines") == 399
    assert ctx.store.scalar("SELECT SUM(revenue_usd) FROM daily_revenue") == \
        ctx.store.scalar("SELECT SUM(amount_usd) FROM sale_lines")
    assert "Imported 399 sales lines" in wizard.done_label.text()
    assert changed and "sales" in changed[-1]


def test_wizard_mapping_change_and_cancel(qtbot, ctx, tmp_path):
    path = write_csv(tmp_path / "x.csv", ["Jour", "Somme", "Qui"],
                     [["26/11/2026", "12,50", "A"], ["27/11/2026", "3", "B"]], delimiter=";")
    wizard = _wizard(qtbot, ctx, path)
    # the amount is not guessed: the wizard says so and will not go on
    assert not wizard.next_button.isEnabled()
    assert wizard.mapping_error.text()
    wizard.field_combos["date"].setCurrentText("Jour")
    wizard.field_combos["amount"].setCurrentText("Somme")
    wizard.field_combos["customer"].setCurrentText("Qui")
    wizard.currency_combo.setCurrentIndex(wizard.currency_combo.findData("KHR"))
    assert wizard.next_button.isEnabled()
    texts = [wizard.preview_table.item(0, c).text()
             for c in range(wizard.preview_table.columnCount())]
    assert "not a whole number of riel (12,50)" in texts  # no rounding to ៛12
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.report is not None, timeout=10_000)
    assert [(e.line, e.code) for e in wizard.report.errors] == [(2, "fractional_riel")]
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert ctx.store.scalar("SELECT SUM(amount) FROM sale_lines WHERE currency = 'KHR'") == 3
    # the mapping is remembered for the next file of the same shape
    wizard2 = _wizard(qtbot, ctx, path)
    assert wizard2.field_combos["amount"].currentData() == "Somme"
    assert wizard2.next_button.isEnabled()


def test_wizard_cancel_during_import(qtbot, ctx, tmp_path):
    path = write_csv(tmp_path / "big.csv", OWN, own_rows(60_000))
    wizard = _wizard(qtbot, ctx, path)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.report is not None, timeout=20_000)
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not wizard.busy, timeout=20_000)
    assert wizard.result is None
    assert "Cancelled" in wizard.check_summary.text()
    assert ctx.store.scalar("SELECT count(*) FROM sale_lines") == 0


def test_export_view(qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QWidget

    from kpidesk.ui.export import export_view

    model = QStandardItemModel(0, 3)
    model.setHorizontalHeaderLabels(["Name", "Revenue", "Orders"])
    for name, revenue, orders in [("=evil()", "$1,250.50", "12"), ("សុខា", "$3.00", "៣")]:
        model.appendRow([QStandardItem(name), QStandardItem(revenue), QStandardItem(orders)])
    parent = QWidget()
    qtbot.addWidget(parent)
    out = tmp_path / "view"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(out), "Excel workbook (*.xlsx)"))
    from test_gui_export import _close_message

    seen: list = []
    _close_message(qtbot, seen)
    path = export_view(parent, model, "contacts")
    assert path == out.with_suffix(".xlsx")
    assert seen == ["Saved 2 rows to view.xlsx."]
    from openpyxl import load_workbook

    # a model without export values: plain numbers (Khmer digits too) become numbers
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows == [("Name", "Revenue", "Orders"), ("'=evil()", "$1,250.50", 12),
                    ("សុខា", "$3.00", 3)]


def test_rows_dated_after_today_are_listed_before_and_after_the_import(qtbot, ctx, tmp_path):
    path = tmp_path / "later.csv"
    path.write_text("date,amount,daily_total,receipts\n"
                    "2026-11-20,120.00,yes,14\n"
                    "2026-11-29,99.00,yes,\n"
                    "2026-12-03,10.00,,\n", encoding="utf-8")  # today is 26 Nov 2026
    wizard = _wizard(qtbot, ctx, path)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.report is not None, timeout=10_000)
    summary = wizard.check_summary.text()
    assert "2 rows are dated after today (the first: 29 Nov 2026, line 3)" in summary
    assert "Lines: 3, 4." in summary
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert "2 rows are dated after today" in wizard.done_label.text()
    assert ctx.store.conn.execute("SELECT receipts FROM orders ORDER BY date").fetchall() == [
        (14,), (None,), (None,)]


def test_the_first_page_reads_the_file_off_the_ui_thread(qtbot, ctx, tmp_path, monkeypatch):
    """A workbook's shared strings can take seconds to read: the wizard's window keeps
    painting meanwhile (the read runs on a thread), and the file is read only once."""
    import threading

    from kpidesk.ui.import_wizard import wizard as import_wizard

    path = write_csv(tmp_path / "sales.csv", OWN, own_rows(5))
    real = import_wizard.preview
    seen = {"threads": [], "events": 0}
    release = threading.Event()

    def slow_preview(*args, **kwargs):
        seen["threads"].append(threading.current_thread() is threading.main_thread())
        release.wait(10)  # until the UI thread has handled an event
        return real(*args, **kwargs)

    def on_event() -> None:
        seen["events"] += 1
        release.set()

    monkeypatch.setattr(import_wizard, "preview", slow_preview)
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.set_file(path, "sales")
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, on_event)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    assert seen["threads"] == [False] and seen["events"] == 1
    assert wizard.pages.currentIndex() == 1 and wizard.header == OWN
