"""Export what a table view shows (its model, current filter and order, headers included)
to CSV or XLSX — as values a spreadsheet can use, or as the text on screen.

Values come from each model's ``EXPORT_ROLE``: a ``Money`` (minor units and currency)
is written as a number of dollars or riel with a currency column beside it, a
``date`` as a date (ISO in CSV), a ``Percent`` as a share, numbers as numbers
(Latin digits), text as text (a phone number keeps its leading 0). A model that
gives no export value falls back on its display text, a plain number in it
(Khmer or Latin digits, no leading zero) becoming a number. Every text is
neutralised against formula injection (see ``kpidesk.io.exporter``).

The save dialog starts in the user's Documents folder, then in the last folder
used; a message confirms with "Open folder".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QSettings,
    QStandardPaths,
    Qt,
    QUrl,
)
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from kpidesk.i18n.format import current, latin_digits
from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.tr import translator
from kpidesk.io.exporter import Percent, write_table
from kpidesk.store.money import to_major
from kpidesk.ui.models.base import Role

EXPORT_ROLE = Role.EXPORT  # a cell's value for export (see above)
FOLDER_KEY = "export/folder"

_PLAIN_NUMBER = re.compile(r"-?(0|[1-9]\d*)(\.\d+)?")

__all__ = ["EXPORT_ROLE", "Money", "Percent", "export_model", "export_view", "model_rows"]


@dataclass(frozen=True)
class Money:
    """An amount for export: minor units (cents, riel) and its currency."""

    minor: int
    currency: str


_tr = translator("Export")


def iso_day(value: str | date | None) -> date | None:
    """A stored ISO date as a `date` (for EXPORT_ROLE), None when empty or not a date."""
    if isinstance(value, date) or value is None:
        return value
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _fallback(model: QAbstractItemModel, index: QModelIndex) -> object:
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


def _cell(model: QAbstractItemModel, index: QModelIndex, as_shown: bool) -> object:
    if as_shown:
        text = model.data(index, Qt.ItemDataRole.DisplayRole)
        return "" if text is None else str(text)
    value = model.data(index, EXPORT_ROLE)
    if value is None:
        return _fallback(model, index)
    return value


def _fetch_all(model: QAbstractItemModel) -> None:
    root = QModelIndex()
    while model.canFetchMore(root):
        model.fetchMore(root)


def _source(model: QAbstractItemModel) -> QAbstractItemModel:
    while hasattr(model, "sourceModel") and model.sourceModel() is not None:
        model = model.sourceModel()
    return model


def model_rows(model: QAbstractItemModel, as_shown: bool = False
               ) -> tuple[list[str], list[list]]:
    """Header texts and every row of a (flat) model, lazily loaded rows fetched first.

    As values (the default), each money column is followed by its currency column
    (unless its header already names the one currency of all its amounts), and a model
    whose rows have titles (months, cohorts) gets them as a first column."""
    root = QModelIndex()
    _fetch_all(model)
    cols = model.columnCount(root)
    n = model.rowCount(root)
    header = [str(model.headerData(c, Qt.Orientation.Horizontal,
                                   Qt.ItemDataRole.DisplayRole) or "") for c in range(cols)]
    rows = [[_cell(model, model.index(r, c, root), as_shown) for c in range(cols)]
            for r in range(n)]
    source = _source(model)
    title = getattr(source, "export_row_title", None)
    if callable(title):
        role = Qt.ItemDataRole.DisplayRole if as_shown else EXPORT_ROLE
        header.insert(0, title())
        for r, row in enumerate(rows):
            label = model.headerData(r, Qt.Orientation.Vertical, role)
            row.insert(0, "" if label is None else label)
    if as_shown:
        return header, rows
    return _expand_money(header, rows)


def _expand_money(header: list[str], rows: list[list]) -> tuple[list[str], list[list]]:
    money_cols = [c for c in range(len(header)) if any(isinstance(r[c], Money) for r in rows)]
    if not money_cols:
        return header, rows
    plan: list[tuple[int, bool]] = []  # (column, add a currency column after it)
    for c in range(len(header)):
        if c not in money_cols:
            plan.append((c, False))
            continue
        currencies = {r[c].currency for r in rows if isinstance(r[c], Money)}
        named = len(currencies) == 1 and next(iter(currencies)) in header[c]
        plan.append((c, not named))
    new_header: list[str] = []
    for c, with_currency in plan:
        new_header.append(header[c])
        if with_currency:
            new_header.append(fill_in(_tr("%1: currency"), header[c]))
    new_rows = []
    for row in rows:
        out: list[object] = []
        for c, with_currency in plan:
            value = row[c]
            if isinstance(value, Money):
                out.append(to_major(value.minor, value.currency))
                if with_currency:
                    out.append(value.currency)
            else:
                out.append(value)
                if with_currency:
                    out.append("")
        new_rows.append(out)
    return new_header, new_rows


def export_model(model: QAbstractItemModel, path: Path | str, as_shown: bool = False) -> int:
    """Write the model to `path` (.csv or .xlsx); returns the number of rows."""
    header, rows = model_rows(model, as_shown)
    return write_table(path, header, rows)


def start_folder(settings: QSettings | None) -> Path:
    """The last folder exported to, else the user's Documents folder."""
    if settings is not None:
        last = settings.value(FOLDER_KEY)
        if last and Path(str(last)).is_dir():
            return Path(str(last))
    documents = QStandardPaths.writableLocation(
        QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def export_view(parent: QWidget, model: QAbstractItemModel, default_name: str,
                settings: QSettings | None = None) -> Path | None:
    """Ask for a file name and export what the model shows; None if the user cancelled."""
    filters = [_tr("Excel workbook (*.xlsx)"), _tr("CSV, opens in Excel (*.csv)"),
               _tr("Excel workbook, text as on screen (*.xlsx)"),
               _tr("CSV, text as on screen (*.csv)")]
    folder = start_folder(settings)
    name, chosen = QFileDialog.getSaveFileName(
        parent, _tr("Export"), str(folder / f"{default_name}.xlsx"), ";;".join(filters),
        filters[0])
    if not name:
        return None
    as_shown = chosen in filters[2:]
    path = Path(name)
    if path.suffix.lower() not in (".csv", ".xlsx"):
        path = path.with_name(path.name + (".csv" if "csv" in chosen.lower() else ".xlsx"))
    try:
        rows = export_model(model, path, as_shown=as_shown)
    except OSError as exc:
        QMessageBox.warning(parent, _tr("Export"),
                            fill_in(_tr("Could not write %1: %2"), str(path), exc.strerror or str(exc)))
        return None
    if settings is not None:
        settings.setValue(FOLDER_KEY, str(path.parent))
    confirm_export(parent, path, rows)
    return path


def confirm_export(parent: QWidget | None, path: Path, rows: int) -> None:
    """"Saved N rows to FILE", with a button that opens the folder."""
    box = QMessageBox(parent)
    box.setObjectName("exportDone")
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(_tr("Export"))
    box.setText(fill_in(_tr("Saved %1 rows to %2."), current().integer(rows), path.name))
    box.setInformativeText(str(path.parent))
    open_button = box.addButton(_tr("&Open folder"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Close)
    box.exec()
    if box.clickedButton() is open_button:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path.parent)))
    box.deleteLater()
