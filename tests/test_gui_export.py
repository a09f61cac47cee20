"""Export this table: values a spreadsheet can use, read back by openpyxl and by csv."""

from __future__ import annotations

import csv
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
from PySide6.QtCore import QStandardPaths, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from kpidesk.ui import export as export_mod


class _SaveDialog:
    """Stands in for the save dialog: answers `name` with filter number `choice`, and
    remembers the folder it was opened in."""

    def __init__(self, monkeypatch, path: Path, choice: int) -> None:
        self.path, self.choice, self.opened_in = path, choice, []
        monkeypatch.setattr(QFileDialog, "getSaveFileName", self)

    def __call__(self, parent, title, start, filters, selected=""):
        self.opened_in.append(Path(start).parent)
        return str(self.path), filters.split(";;")[self.choice]


def _close_message(qtbot, seen: list, open_folder: bool = False) -> None:
    def close() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox) or box.objectName() != "exportDone":
            QTimer.singleShot(20, close)
            return
        seen.append(box.text())
        button = next(b for b in box.buttons()
                      if (box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole) == open_folder)
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, close)


@pytest.fixture
def sales_view(main_window):
    page = main_window.show_tab("sales")
    model = page.table.model()
    while model.canFetchMore():
        model.fetchMore()
    return main_window, page.table


def test_sales_table_exported_as_values(qtbot, sales_view, tmp_path, monkeypatch):
    window, view = sales_view
    store = window.ctx.store
    window.ctx.language.set_language("km")  # the screen shows Khmer digits and months
    opened = []
    monkeypatch.setattr(export_mod.QDesktopServices, "openUrl", opened.append)
    dialog = _SaveDialog(monkeypatch, tmp_path / "out" / "sales", 0)
    (tmp_path / "out").mkdir()
    seen: list = []
    _close_message(qtbot, seen, open_folder=True)
    path = window.export_table(view)
    assert path == tmp_path / "out" / "sales.xlsx"
    assert seen and "sales.xlsx" in seen[0]
    assert opened and Path(opened[0].toLocalFile()) == tmp_path / "out"
    # the dialog opened in Documents the first time, in the last folder after
    documents = Path(QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation))
    assert dialog.opened_in[0] in (documents, Path.home())

    from openpyxl import load_workbook

    rows = list(load_workbook(path, read_only=True).active.iter_rows(values_only=True))
    header, body = list(rows[0]), rows[1:]
    n_lines = store.scalar("SELECT count(*) FROM sale_lines")
    assert len(body) == n_lines
    date_col = 0
    amount = header.index(QApplication.translate("SalesTableModel", "Amount"))
    assert header[amount + 1].endswith("រូបិយប័ណ្ណ")  # its currency column
    reporting = amount + 2
    assert all(isinstance(r[date_col], datetime) for r in body)
    assert all(isinstance(r[amount], (int, float)) for r in body)
    assert all(isinstance(r[reporting], (int, float)) for r in body)
    usd = sum(Decimal(str(r[amount])) for r in body if r[amount + 1] == "USD")
    khr = sum(Decimal(str(r[amount])) for r in body if r[amount + 1] == "KHR")
    assert usd * 100 == store.scalar(
        "SELECT SUM(amount) FROM sale_lines WHERE currency = 'USD'")
    assert khr == store.scalar("SELECT SUM(amount) FROM sale_lines WHERE currency = 'KHR'")
    reporting_sum = sum(Decimal(str(r[reporting])) for r in body)
    assert reporting_sum * 100 == store.scalar("SELECT SUM(amount_usd) FROM sale_lines")
    assert {r[date_col].date() for r in body} == {
        date.fromisoformat(d) for (d,) in store.conn.execute("SELECT DISTINCT date FROM orders")}

    # again as CSV: the dialog opens in that folder now; ISO dates, Latin digits
    dialog.path = tmp_path / "out" / "sales.csv"
    dialog.choice = 1
    _close_message(qtbot, seen)
    assert window.export_table(view) == tmp_path / "out" / "sales.csv"
    assert dialog.opened_in[1] == tmp_path / "out"
    with open(tmp_path / "out" / "sales.csv", encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    assert len(table) == n_lines + 1
    body = table[1:]
    assert all(date.fromisoformat(r[0]) for r in body)
    assert sum(Decimal(r[reporting]) for r in body) * 100 == store.scalar(
        "SELECT SUM(amount_usd) FROM sale_lines")
    assert sum(Decimal(r[amount]) for r in body if r[amount + 1] == "KHR") == khr
    khmer_digits = set("០១២៣៤៥៦៧៨៩")
    assert not khmer_digits & set("".join(c for r in body for c in (r[0], r[amount])))
    window.ctx.language.set_language("en")


def test_contacts_table_keeps_phone_numbers_as_text(qtbot, main_window, tmp_path,
                                                    monkeypatch):
    page = main_window.show_tab("contacts")
    store = main_window.ctx.store
    main_window.ctx.language.set_language("km")
    _SaveDialog(monkeypatch, tmp_path / "contacts.xlsx", 0)
    _close_message(qtbot, [])
    path = main_window.export_table(page.table)
    from openpyxl import load_workbook

    rows = list(load_workbook(path, read_only=True).active.iter_rows(values_only=True))
    header = list(rows[0])
    phone = header.index(QApplication.translate("ContactsModel", "Phone"))
    orders = header.index(QApplication.translate("ContactsModel", "Orders"))
    phones = {r[phone] for r in rows[1:] if r[phone]}
    stored = {p for (p,) in store.conn.execute("SELECT phone FROM contacts WHERE phone <> ''")}
    assert phones == stored and any(p.startswith("0") for p in phones)
    assert all(isinstance(p, str) for p in phones)
    assert sum(r[orders] for r in rows[1:]) == store.scalar(
        "SELECT SUM(orders) FROM customer_day")  # orders, refund receipts not counted

    # the display text is an option: what the screen shows (Khmer month names, digits…)
    _SaveDialog(monkeypatch, tmp_path / "shown.csv", 3)
    _close_message(qtbot, [])
    shown = main_window.export_table(page.table)
    with open(shown, encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    model = page.table.model()
    assert len(table) == model.rowCount() + 1
    on_screen = [[str(model.index(r, c).data() or "") for c in range(model.columnCount())]
                 for r in range(model.rowCount())]
    assert [[cell.lstrip("'") for cell in row] for row in table[1:]] == on_screen
    created = header.index(QApplication.translate("ContactsModel", "Created"))
    assert any(c in "០១២៣៤៥៦៧៨៩" for c in "".join(r[created] for r in table[1:]))
    main_window.ctx.language.set_language("en")


def test_dashboard_and_targets_tables(qtbot, main_window, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    page = main_window.show_tab("targets")
    _SaveDialog(monkeypatch, tmp_path / "targets.xlsx", 0)
    _close_message(qtbot, [])
    rows = list(load_workbook(main_window.export_table(page.view), read_only=True)
                .active.iter_rows(values_only=True))
    assert rows[0][0] == "Month" and rows[1][0] == f"{page.model.year}-01"
    assert len(rows) == 13
    assert rows[0][2].endswith(": currency") or "USD" in rows[0][1]

    dashboard = main_window.show_tab("dashboard")
    dashboard.pages.setCurrentIndex(1)  # the customers page: cohorts and the call-back list
    views = [v for v in dashboard.findChildren(type(page.view)) if v.model().rowCount()]
    assert len(views) == 4  # attainment per salesperson, the call-back list, cohorts, win-back
    for n, view in enumerate(views):
        _SaveDialog(monkeypatch, tmp_path / f"dash{n}.xlsx", 0)
        _close_message(qtbot, [])
        rows = list(load_workbook(main_window.export_table(view), read_only=True)
                    .active.iter_rows(values_only=True))
        assert len(rows) == view.model().rowCount() + 1
        for row in rows[1:]:  # no formatted text where a number belongs
            for value in row:
                assert not (isinstance(value, str) and value[:1] in "$៛")
                assert not (isinstance(value, str) and value.endswith("%"))
