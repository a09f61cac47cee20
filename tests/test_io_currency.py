"""Amounts with their currency: written with it ($1.50, ៛3,000, 4000៛, 2.00 USD), from a
currency column, or by a rule the user chose when the file mixes dollars and riel;
fractional riel is an error, never rounded."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from test_gui_import import _wizard

from kpidesk.cli import main
from kpidesk.i18n.format import current
from kpidesk.io.importer import Importer
from kpidesk.store.db import Store

MIXED = ["៛3,000", "4000៛", "$1.50", "2.00 USD", "1.25", "45000", "0.75", "12,000", "៛ 500",
         "KHR 2,500", "US$ 3", "1 500 riel"]
STORED = [(3000, "KHR"), (4000, "KHR"), (150, "USD"), (200, "USD"), (125, "USD"),
          (45000, "KHR"), (75, "USD"), (12000, "KHR"), (500, "KHR"), (2500, "KHR"),
          (300, "USD"), (1500, "KHR")]


def _write(path, amounts, header="date,customer,amount", extra=None):
    lines = [header]
    for i, amount in enumerate(amounts):
        cells = [f"2026-11-{1 + i % 28:02d}", f"C{i}", f'"{amount}"']
        if extra:
            cells.append(extra[i])
        lines.append(",".join(cells))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _stored(store) -> list[tuple]:
    return [tuple(r) for r in store.conn.execute(
        "SELECT amount, currency FROM sale_lines ORDER BY order_id, position")]


def test_mixed_currency_file_through_the_wizard(qtbot, ctx, tmp_path):
    path = _write(tmp_path / "mixed.csv", MIXED)
    wizard = _wizard(qtbot, ctx, path)
    # amounts that say no currency look like both dollars and riel: the wizard asks
    assert wizard.currency_warning.isVisible()
    assert wizard.currency_combo.currentText() == "— choose —"
    assert not wizard.next_button.isEnabled()
    combo = wizard.currency_combo
    index = combo.findData("by_size")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert not wizard.currency_warning.isVisible()
    assert wizard.riel_from_edit.isVisible() and wizard.riel_from_edit.text() == "1000"
    assert combo.findData(None) == -1
    assert wizard.next_button.isEnabled()
    headers = [wizard.preview_table.horizontalHeaderItem(c).text()
               for c in range(wizard.preview_table.columnCount())]
    amounts = [wizard.preview_table.item(r, headers.index("Amount (line total)")).text()
               for r in range(wizard.preview_table.rowCount())]
    assert amounts == [current().money(minor, cur) for minor, cur in STORED[:8]]
    assert amounts[:3] == ["3,000៛", "4,000៛", "$1.50"]
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.report is not None, timeout=10_000)
    assert wizard.report.bad == 0, wizard.report.errors
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert wizard.result.committed
    assert _stored(ctx.store) == STORED
    # the answer is remembered with the mapping: the next file of this shape asks nothing
    again = _wizard(qtbot, ctx, path)
    assert not again.currency_warning.isVisible()
    assert again.currency_combo.currentData() == "by_size"


def test_wizard_asks_when_the_mix_shows_only_past_the_sample(qtbot, ctx, tmp_path):
    amounts = [f"{i % 9}.{i % 100:02d}" for i in range(60)] + ["45000", "125000", "8000"]
    path = _write(tmp_path / "late.csv", amounts)
    wizard = _wizard(qtbot, ctx, path)
    assert not wizard.currency_warning.isVisible() and wizard.next_button.isEnabled()
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.report is not None, timeout=10_000)
    assert wizard.report.mixed_currency
    assert "look like dollars and others like riel" in wizard.check_summary.text()
    assert not wizard.import_button.isEnabled()
    qtbot.mouseClick(wizard.back_button, Qt.MouseButton.LeftButton)
    assert wizard.currency_warning.isVisible() and not wizard.next_button.isEnabled()
    # the file has a column saying the currency after all: mapping it answers the question
    combo = wizard.currency_combo
    index = combo.findData("by_size")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.report is not None and not wizard.busy, timeout=10_000)
    assert not wizard.report.mixed_currency and wizard.report.bad == 0
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert _stored(ctx.store)[-3:] == [(45000, "KHR"), (125000, "KHR"), (8000, "KHR")]


def test_currency_column_answers_the_question(qtbot, ctx, tmp_path):
    path = _write(tmp_path / "cur.csv", ["1.50", "3000", "2.25", "45000"],
                  header="date,customer,amount,money", extra=["USD", "KHR", "$", "៛"])
    wizard = _wizard(qtbot, ctx, path)
    assert wizard.currency_warning.isVisible()
    wizard.field_combos["currency"].setCurrentText("money")
    assert not wizard.currency_warning.isVisible() and wizard.next_button.isEnabled()


def test_cli_amounts_with_their_currency(tmp_path, capsys, db_location):
    db = db_location
    path = _write(tmp_path / "mixed.csv", MIXED)
    # no currency column, amounts of both kinds that say nothing: refused, one sentence
    assert main(["import", "sales", str(path), "--db", str(db)]) == 1
    err = capsys.readouterr().err
    assert "look like a mix of dollars and riel" in err and len(err.splitlines()) == 1
    rule = tmp_path / "rule.json"
    rule.write_text(json.dumps({"options": {"currency_rule": "by_size", "riel_from": 1000}}))
    assert main(["import", "sales", str(path), "--db", str(db), "--mapping", str(rule)]) == 0
    with Store(db) as s:
        assert _stored(s) == STORED


def test_fractional_riel_is_a_row_error_not_rounded(tmp_path, store):
    path = _write(tmp_path / "riel.csv", ["0.50", "1.5", "2000", "2,000.00", "៛1,250.5"],
                  header="date,customer,amount,currency", extra=["KHR"] * 5)
    report = Importer(store, "sales").run(path, skip_bad=True)
    assert [(e.line, e.code, e.value) for e in report.errors] == [
        (2, "fractional_riel", "0.50"), (3, "fractional_riel", "1.5"),
        (6, "fractional_riel", "៛1,250.5")]
    assert _stored(store) == [(2000, "KHR"), (2000, "KHR")]


def test_amount_and_currency_column_that_disagree(tmp_path, store):
    path = _write(tmp_path / "c.csv", ["$1.50", "៛3,000", "2.00"],
                  header="date,customer,amount,currency", extra=["KHR", "KHR", "USD"])
    report = Importer(store, "sales").run(path, skip_bad=True)
    assert [(e.line, e.code) for e in report.errors] == [(2, "currency_conflict")]
    assert _stored(store) == [(3000, "KHR"), (200, "USD")]


def test_xlsx_numbers_formatted_with_their_currency(tmp_path, store):
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["date", "customer", "amount"])
    for i, (value, fmt) in enumerate([(3000, '#,##0 "៛"'), (1.5, '"$"#,##0.00'),
                                      (12.25, "[$$-409]#,##0.00"), (45000, "[$៛-453]#,##0"),
                                      (2.5, "0.00")]):
        ws.append(["2026-11-20", f"C{i}", value])
        ws.cell(row=i + 2, column=3).number_format = fmt
    path = tmp_path / "fmt.xlsx"
    wb.save(path)
    report = Importer(store, "sales").run(path)
    assert report.committed, report.errors
    assert _stored(store) == [(3000, "KHR"), (150, "USD"), (1225, "USD"), (45000, "KHR"),
                              (250, "USD")]
