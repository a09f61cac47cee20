"""What every table model of the app shares: the data roles, a column spec with headers
translated on display, row look-up by id, and telling the views about a new language.

A model says its columns once::

    class PeopleModel(TableModel):
        CONTEXT = "PeopleModel"
        COLUMNS = (Column("name", QT_TRANSLATE_NOOP("PeopleModel", "Name")),
                   Column("revenue_365", QT_TRANSLATE_NOOP("PeopleModel",
                                                           "Revenue (%1 days)"), (365,),
                          kind="money"))

and implements `data()` (or, for read-only rows of dicts, `dashboard_models.RowsModel`
shows, sorts, aligns and exports each cell by its column's kind); `set_rows` (or its own
loading, then `rows_changed()`) keeps `row_of(id)` a dictionary look-up, not a scan.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any, Literal

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from kpidesk.i18n import format as fmt

INDEX = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()
_USER = int(Qt.ItemDataRole.UserRole)


class Role(IntEnum):
    """The app's own item data roles: one number per meaning, across every model."""

    ID = _USER + 1  # the record id of the row (contact, opportunity, import…)
    SORT = _USER + 2  # the raw value a column sorts by (numbers as numbers)
    ROW = _USER + 3  # the whole row (a dashboard row's dict)
    ORDER_ID = _USER + 4  # sales: the order of the line
    LINE_ID = _USER + 5  # sales: (order id, line position)
    TARGET = _USER + 6  # targets: the stored value in the reporting currency
    ACTUAL = _USER + 7  # targets: the actual of the month
    DERIVED = _USER + 8  # targets: a shop cell showing the salespeople's sum
    OPPORTUNITY = _USER + 9  # pipeline board: the card's opportunity id
    CARD = _USER + 10  # pipeline board: the card's data
    NAME = _USER + 11  # a list item's plain name
    EXPORT = _USER + 100  # a cell's value for "Export this table" (ui/export.py)


CellKind = Literal["text", "date", "money", "signed", "percent", "chance", "integer",
                   "decimal"]


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # the English header, marked with QT_TRANSLATE_NOOP in the model's context
    numbers: tuple[int, ...] = ()  # the header's %1, %2… (shown in the user's digits)
    # how a cell of row[key] is shown (money in the model's currency, signed money, a
    # percent, a chance in whole percent…), sorted (by the raw value) and aligned (numbers
    # right): see RowsModel.cell
    kind: CellKind = "text"


class TableModel(QAbstractTableModel):
    """A flat, read-mostly table: `rows` of any kind, `COLUMNS` with translated headers."""

    CONTEXT = ""
    COLUMNS: tuple[Column, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self._row_of: dict[Hashable, int] = {}

    # -- rows ------------------------------------------------------------------------------
    def row_id(self, row: Any) -> Hashable:
        """The id of a row, for `row_of` (default: row["id"])."""
        return row["id"]

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.rows_changed()
        self.endResetModel()

    def rows_changed(self) -> None:
        """Index the rows by id again (after the rows were replaced or reordered)."""
        self._row_of = {self.row_id(r): i for i, r in enumerate(self.rows)}

    def row_of(self, row_id: Hashable) -> int | None:
        return self._row_of.get(row_id)

    def column_key(self, column: int) -> str:
        return self.COLUMNS[column].key

    def column_of(self, key: str) -> int:
        return next(i for i, c in enumerate(self.COLUMNS) if c.key == key)

    # -- language ----------------------------------------------------------------------------
    def header_text(self, section: int) -> str:
        column = self.COLUMNS[section]
        text = QCoreApplication.translate(self.CONTEXT, column.header)
        if column.numbers:
            f = fmt.current()
            text = fmt.fill(text, *(f.integer(n) for n in column.numbers))
        return text

    def retranslate(self) -> None:
        """The language changed: headers and every cell are said again."""
        columns, rows = self.columnCount(), self.rowCount()
        if columns:
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, columns - 1)
        if rows and columns:
            self.dataChanged.emit(self.index(0, 0), self.index(rows - 1, columns - 1))

    # -- Qt model API ---------------------------------------------------------------------------
    def rowCount(self, parent: INDEX = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: INDEX = _ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.COLUMNS)):
            return self.header_text(section)
        return None

    def valid(self, index: INDEX) -> bool:
        """An index of a cell this model holds."""
        return (index.isValid() and 0 <= index.row() < len(self.rows)
                and 0 <= index.column() < self.columnCount())


Sorter = Callable[[Any], Any]
