"""The targets grid: 12 months of a year × (the shop, each salesperson), one measure.

Cells edit stored targets. Typed amounts accept Khmer digits and grouping
(``parse_money`` / ``parse_int``); a bad value is refused and `message`
says why; an empty cell removes the target. Every change is one
transaction and one ``QUndoCommand`` on the shared undo stack, holding the
old and the new values.

A month with no shop-level target shows the sum of the salespeople's targets
in grey italics (that is the shop's target then, KPI.md §2). The actual of
each cell is in `ACTUAL_ROLE` and in the tooltip.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from datetime import date

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QUndoStack

from kpidesk.i18n import format as fmt
from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.tr import QT_TRANSLATE_NOOP, translator
from kpidesk.metrics.targets import actual_for, salesperson_attainment, target_in
from kpidesk.store import targets as store_targets
from kpidesk.store.db import Store
from kpidesk.store.errors import ValidationError
from kpidesk.ui.commands.base import Describe
from kpidesk.ui.commands.targets import Value, apply_with_undo
from kpidesk.ui.export import EXPORT_ROLE, Money
from kpidesk.ui.models.base import Column, Role, TableModel

CONTEXT = "TargetsModel"
SHOP_HEADER = QT_TRANSLATE_NOOP("TargetsModel", "Shop")
TARGET_ROLE = Role.TARGET  # stored value in the reporting currency
ACTUAL_ROLE = Role.ACTUAL  # actual of the month (int)
DERIVED_ROLE = Role.DERIVED  # True: shop cell showing the salespeople's sum



log = logging.getLogger("kpidesk")


tr = translator(CONTEXT)


class TargetsModel(TableModel):
    """Rows: the 12 months of `year` (`rows`, "YYYY-MM", so `row_of(month)`); columns: the
    shop, then each salesperson (`columns`: (id or None, name); `COLUMNS` the base's spec of
    them: only the shop's header is translated, a salesperson's name is shown as it is)."""

    CONTEXT = CONTEXT

    message = Signal(str, bool)  # text, is_error

    def __init__(self, store: Store, undo_stack: QUndoStack | None = None,
                 today: date | None = None, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.undo_stack = undo_stack
        # Changing targets is the owner's: the tab sets this to ask for the owner PIN;
        # the change is made inside it (the store refuses it outside an owner session).
        self.owner_session: Callable[[], AbstractContextManager[bool]] = lambda: nullcontext(True)
        self.today = today or date.today()
        self.year = self.today.year
        self.measure = "revenue"
        self.columns: list[tuple[int | None, str]] = [(None, "")]
        self.values: dict[tuple[str, int], Value] = {}
        self.actuals: dict[tuple[str, int], int] = {}
        self.converted: dict[tuple[str, int], int] = {}
        self._currency = "USD"
        self._rate = 4100
        self._use_columns(self.columns)
        self.reload()

    # -- loading -----------------------------------------------------------------
    def months(self) -> list[str]:
        return [f"{self.year:04d}-{m:02d}" for m in range(1, 13)]

    def _load_columns(self) -> list[tuple[int | None, str]]:
        people = store_targets.salespeople_with_targets(self.store, self.year, self.measure)
        return [(None, ""), *people]

    def _use_columns(self, columns: list[tuple[int | None, str]]) -> None:
        """The grid's columns and months (inside a model reset, or before any view)."""
        self.columns = columns
        self.COLUMNS = tuple(Column(self._column_key(sp), SHOP_HEADER if sp is None else name)
                             for sp, name in columns)
        self.rows = self.months()
        self.rows_changed()

    @staticmethod
    def _column_key(sp: int | None) -> str:
        return "shop" if sp is None else str(sp)

    def row_id(self, row: str) -> str:
        return row

    def _load_values(self) -> None:
        self._currency = self.store.reporting_currency
        self._rate = self.store.default_rate
        self.values = store_targets.target_values(self.store, self.year, self.measure)
        # Each target keeps its currency; it is compared and summed in the reporting one.
        self.converted = {key: target_in(self.store, value, cur, self._currency)
                          if self.is_money else value
                          for key, (value, cur) in self.values.items()}
        self.actuals = {}
        for month in self.months():
            if month > f"{self.today:%Y-%m}":
                continue  # no actual yet
            self.actuals[(month, 0)] = actual_for(self.store, month, self.measure,
                                                  today=self.today)
            for row in salesperson_attainment(self.store, month, self.today, self.measure):
                self.actuals[(month, row.salesperson_id)] = int(row.actual or 0)

    def reload(self) -> None:
        """Read the year again; a change of columns resets the model, else cells change."""
        columns = self._load_columns()
        if columns != self.columns:
            self.beginResetModel()
            self._use_columns(columns)
            self._load_values()
            self.endResetModel()
        else:
            self._load_values()
            if self.rowCount() and self.columnCount():
                self.dataChanged.emit(self.index(0, 0),
                                      self.index(self.rowCount() - 1, self.columnCount() - 1))

    def set_year(self, year: int) -> None:
        if year != self.year:
            self.year = year
            self.beginResetModel()
            self._use_columns(self._load_columns())
            self._load_values()
            self.endResetModel()

    def set_measure(self, measure: str) -> None:
        if measure not in store_targets.MEASURES:
            raise ValueError(measure)
        if measure != self.measure:
            self.measure = measure
            self.beginResetModel()
            self._use_columns(self._load_columns())
            self._load_values()
            self.endResetModel()

    def retranslate(self) -> None:
        super().retranslate()
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, len(self.rows) - 1)

    # -- what a cell is ------------------------------------------------------------
    def key_of(self, index: QModelIndex) -> tuple[str, int | None]:
        """(month, salesperson_id or None for the shop) of a cell."""
        return self.rows[index.row()], self.columns[index.column()][0]

    def column_of(self, salesperson_id: int | None) -> int:  # type: ignore[override]
        """The column of a salesperson (None: the shop); KeyError if it has none."""
        try:
            return super().column_of(self._column_key(salesperson_id))
        except StopIteration:
            raise KeyError(salesperson_id) from None

    def header_text(self, section: int) -> str:
        sp, name = self.columns[section]
        return tr(SHOP_HEADER) if sp is None else name

    @property
    def is_money(self) -> bool:
        return self.measure == "revenue"

    @property
    def currency(self) -> str:
        """The reporting currency, as read at the last reload (painting never queries)."""
        return self._currency

    def stored(self, month: str, sp: int | None) -> Value | None:
        return self.values.get((month, sp or 0))

    def derived_shop(self, month: str) -> int | None:
        """The sum of the salespeople's targets (the shop's target when it has none), in the
        reporting currency."""
        parts = [v for (m, sp), v in self.converted.items() if m == month and sp]
        return sum(parts) if parts else None

    def target_reporting(self, month: str, sp: int | None) -> int | None:
        """A stored target in the reporting currency (what actuals are compared with)."""
        return self.converted.get((month, sp or 0))

    def format_value(self, value: int | None, currency: str | None = None) -> str:
        f = fmt.current()
        if value is None:
            return ""
        if self.is_money:
            return f.figure(value, currency or self.currency)
        return f.integer(value)

    # -- Qt model API ----------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            return super().headerData(section, orientation, role)
        if not 0 <= section < len(self.rows):
            return None
        if role == EXPORT_ROLE:
            return self.rows[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return fmt.current().month_name(section + 1)
        return None

    def export_row_title(self) -> str:
        """Export: the months become a first column of this name (YYYY-MM values)."""
        return tr("Month")

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not self.valid(index):
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsEditable)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not self.valid(index):
            return None
        month, sp = self.key_of(index)
        stored = self.stored(month, sp)
        derived = self.derived_shop(month) if sp is None and stored is None else None
        if role == Qt.ItemDataRole.DisplayRole:
            if stored is not None:
                return self.format_value(*stored)
            return self.format_value(derived)
        if role == Qt.ItemDataRole.EditRole:
            if stored is None:
                return ""
            if self.is_money:
                return fmt.current().money_plain(stored[0], stored[1] or self.currency)
            return fmt.current().digits(str(stored[0]))
        if role == EXPORT_ROLE:
            if stored is not None:
                return Money(int(stored[0]), stored[1] or self.currency) if self.is_money \
                    else int(stored[0])
            if derived is None:
                return ""
            return Money(int(derived), self.currency) if self.is_money else int(derived)
        if role == TARGET_ROLE:  # in the reporting currency, as the actual
            return self.target_reporting(month, sp)
        if role == ACTUAL_ROLE:
            return self.actuals.get((month, sp or 0))
        if role == DERIVED_ROLE:
            return derived is not None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and derived is not None:
            return QColor("#777777")
        if role == Qt.ItemDataRole.FontRole and derived is not None:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(month, sp, stored, derived)
        return None

    def _tooltip(self, month: str, sp: int | None, stored: Value | None,
                 derived: int | None) -> str:
        lines = []
        if derived is not None:
            lines.append(tr("No shop target: the sum of the salespeople's targets"))
        f = fmt.current()
        if (stored is not None and self.is_money and stored[1]
                and stored[1] != self.currency):
            lines.append(fill_in(tr("Target %1 = %2 at %3 riel per dollar"), f.money(stored[0], stored[1]), f.money(self.target_reporting(month, sp), self.currency), f.integer(self._rate)))
        actual = self.actuals.get((month, sp or 0))
        if actual is not None:
            lines.append(fill_in(tr("Actual: %1"), self.format_value(actual)))
            target = self.target_reporting(month, sp) if stored is not None else derived
            if target:
                lines.append(fill_in(tr("Attainment: %1"), fmt.current().percent(actual / target)))
        return "\n".join(lines)

    def parse(self, text: str) -> int | None:
        """A typed cell value → stored value; None for an empty cell. ValueError if bad."""
        text = (text or "").strip()
        if not text:
            return None
        if self.is_money:
            value = fmt.parse_money(text, self.currency)
        else:
            value = fmt.parse_int(text)
        if value < 0:
            raise ValueError("negative")
        return value

    def setData(self, index: QModelIndex | QPersistentModelIndex, value,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self.valid(index):
            return False
        try:
            number = self.parse(str(value) if value is not None else "")
        except ValueError:
            self.message.emit(
                fill_in(tr("“%1” is not a valid amount: type a number of zero or more, or clear the"
                   " cell to remove the target."), str(value)), True)
            return False
        month, sp = self.key_of(index)
        current = self.stored(month, sp)
        if (current[0] if current else None) == number and (
                number is None or not self.is_money or current[1] in (None, self.currency)):
            return True
        new = None if number is None else (number, self.currency if self.is_money else None)
        with self.owner_session() as allowed:
            if not allowed:
                return False
            try:
                self.write_cells([(month, sp)], [new], lambda: tr("Set target"))
            except ValidationError as exc:
                self.message.emit(fill_in(tr("The target was refused (%1)."), exc.code),
                                  True)
                return False
        # the store's change notice reloads us too; reload now so the view is exact at once
        self._load_values()
        self.dataChanged.emit(self.index(index.row(), 0),
                              self.index(index.row(), self.columnCount() - 1))
        self.message.emit(tr("Target saved.") if new is not None else tr("Target removed."),
                          False)
        return True

    def set_months(self, sp: int | None, values: list[int], text: str | Describe) -> bool:
        """Set 12 months of one column at once (spread a yearly target), undoable.
        False if the owner did not allow it."""
        cells = [(m, sp) for m in self.months()]
        new = [(v, self.currency if self.is_money else None) for v in values]
        with self.owner_session() as allowed:
            if not allowed:
                return False
            self.write_cells(cells, new, text)
        self.reload()
        return True

    def write_cells(self, cells: list[tuple[str, int | None]], values: list[Value | None],
                    text: str | Describe) -> None:
        """Write the targets of some cells ((month, column id)) in one transaction and one
        undo step; None removes a target. Inside the owner's session; raises
        ValidationError (nothing written, nothing on the stack)."""
        keys = [(month, self.measure, sp) for month, sp in cells]
        apply_with_undo(self.store, self.undo_stack, keys, values, text)

    def paste(self, top_left: QModelIndex, text: str, what: str | Describe) -> int:
        """Paste a block of tab-separated cells (from a spreadsheet, or copied here) from
        `top_left`: one undo step. Returns the cells written; ValueError names a cell
        that is not a number (nothing written)."""
        cells, values = [], []
        for r, line in enumerate(text.rstrip("\r\n").split("\n")):
            for c, cell in enumerate(line.rstrip("\r").split("\t")):
                row, column = top_left.row() + r, top_left.column() + c
                if row >= self.rowCount() or column >= self.columnCount():
                    continue  # beyond the grid: dropped, as a spreadsheet clips a paste
                try:
                    number = self.parse(cell)
                except ValueError:
                    raise ValueError(cell) from None
                cells.append(self.key_of(self.index(row, column)))
                values.append(None if number is None else
                              (number, self.currency if self.is_money else None))
        if not cells:
            return 0
        with self.owner_session() as allowed:
            if not allowed:
                return 0
            self.write_cells(cells, values, what)
        self.reload()
        return len(cells)

    def copy_text(self, indexes: list[QModelIndex]) -> str:
        """The selected cells' stored targets as tab-separated lines (a spreadsheet's copy)."""
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        columns = sorted({i.column() for i in indexes})
        chosen = {(i.row(), i.column()) for i in indexes}
        return "\n".join("\t".join(
            str(self.index(r, c).data(Qt.ItemDataRole.EditRole) or "") if (r, c) in chosen
            else "" for c in columns) for r in rows)
