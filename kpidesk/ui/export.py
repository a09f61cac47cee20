"""Export what a table view shows (its model, current filter, headers included) to CSV or XLSX.

A table's Export button calls ``export_view(self, model, "sales")``. Cells are
taken from ``Qt.UserRole`` when the model gives a raw number there (money in
minor units should rather be given as a Decimal of major units, or left to the
display text), else from the display text. Display texts that are plain
numbers are written as numbers; every other text is neutralised against
formula injection (see ``kpidesk.io.exporter``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kpidesk.i18n.format import latin_digits
from kpidesk.io.exporter import write_table

_PLAIN_NUMBER = re.compile(r"-?\d+(\.\d+)?")


def _tr(text: str) -> str:
    return QCoreApplication.translate("Export", text)


def _cell(model: QAbstractItemModel, row: int, col: int, parent) -> object:
    index = model.index(row, col, parent)
    raw = model.data(index, Qt.ItemDataRole.UserRole)
    if isinstance(raw, (int, float, Decimal)) and not isinstance(raw, bool):
        return raw
    text = model.data(index, Qt.ItemDataRole.DisplayRole)
    if text is None:
        return ""
    if isinstance(text, (int, float, Decimal)) and not isinstance(text, bool):
        return text
    text = str(text)
    plain = latin_digits(text)
    if _PLAIN_NUMBER.fullmatch(plain):
        return int(plain) if "." not in plain else Decimal(plain)
    return text


def model_rows(model: QAbstractItemModel) -> tuple[list[str], list[list]]:
    """Header texts and every row of a (flat) model, fetching lazily loaded rows first."""
    from PySide6.QtCore import QModelIndex

    root = QModelIndex()
    while model.canFetchMore(root):
        model.fetchMore(root)
    cols = model.columnCount(root)
    header = [str(model.headerData(c, Qt.Orientation.Horizontal,
                                   Qt.ItemDataRole.DisplayRole) or "") for c in range(cols)]
    rows = [[_cell(model, r, c, root) for c in range(cols)] for r in range(model.rowCount(root))]
    return header, rows


def export_model(model: QAbstractItemModel, path: Path | str) -> int:
    """Write the model to `path` (.csv or .xlsx); returns the number of rows."""
    header, rows = model_rows(model)
    return write_table(path, header, rows)


def export_view(parent: QWidget, model: QAbstractItemModel, default_name: str) -> Path | None:
    """Ask for a file name and export what the model shows; None if the user cancelled."""
    filters = ";;".join([_tr("CSV, opens in Excel (*.csv)"), _tr("Excel workbook (*.xlsx)")])
    name, chosen = QFileDialog.getSaveFileName(parent, _tr("Export"), f"{default_name}.csv",
                                               filters)
    if not name:
        return None
    path = Path(name)
    if path.suffix.lower() not in (".csv", ".xlsx"):
        path = path.with_suffix(".xlsx" if "xlsx" in chosen else ".csv")
    try:
        export_model(model, path)
    except OSError as exc:
        QMessageBox.warning(parent, _tr("Export"),
                            _tr("Could not write %1: %2").replace("%1", str(path))
                            .replace("%2", exc.strerror or str(exc)))
        return None
    return path
