"""The table of sale lines: fetched on demand, 500 rows at a time, never all at once.

The rows come from `kpidesk.store.sales_table.SalesQuery`: keyset pages read by walking
an index in the order of the sorted column, so opening the table, sorting it by any
column and scrolling to the 2,000th page each cost about what one page costs, at ten
million lines as at a hundred. A line is known by (order id, position in the order).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from kpidesk.i18n import format as fmt
from kpidesk.i18n.defaults import display_name
from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.tr import QT_TRANSLATE_NOOP
from kpidesk.store.db import Store
from kpidesk.store.sales_table import SalesQuery, sales_query, totals
from kpidesk.store.sales_table_sql import (
    R_AMOUNT,
    R_CATEGORY,
    R_CHANNEL,
    R_CURRENCY,
    R_CUSTOMER,
    R_DAILY,
    R_DATE,
    R_KHR,
    R_NOTE,
    R_NUMBER,
    R_ORDER,
    R_POSITION,
    R_PRODUCT,
    R_QUANTITY,
    R_SALESPERSON,
    R_USD,
    SalesFilter,
)
from kpidesk.ui.export import EXPORT_ROLE, Money, iso_day
from kpidesk.ui.models.base import Column, Role, TableModel

CONTEXT = "SalesTableModel"
_ROOT = QModelIndex()
PAGE_SIZE = 500
MAX_RELOAD = 20_000  # rows re-read at most on a refresh (the rest come back on scroll)

(COL_DATE, COL_NUMBER, COL_CUSTOMER, COL_SALESPERSON, COL_CHANNEL, COL_PRODUCT,
 COL_CATEGORY, COL_QUANTITY, COL_AMOUNT, COL_REPORTING, COL_NOTE) = range(11)

COLUMNS = (
    Column("date", QT_TRANSLATE_NOOP("SalesTableModel", "Date")),
    Column("number", QT_TRANSLATE_NOOP("SalesTableModel", "Receipt no.")),
    Column("customer", QT_TRANSLATE_NOOP("SalesTableModel", "Customer")),
    Column("salesperson", QT_TRANSLATE_NOOP("SalesTableModel", "Salesperson")),
    Column("channel", QT_TRANSLATE_NOOP("SalesTableModel", "Channel")),
    Column("product", QT_TRANSLATE_NOOP("SalesTableModel", "Product")),
    Column("category", QT_TRANSLATE_NOOP("SalesTableModel", "Category")),
    Column("quantity", QT_TRANSLATE_NOOP("SalesTableModel", "Quantity")),
    Column("amount", QT_TRANSLATE_NOOP("SalesTableModel", "Amount")),
    Column("reporting", QT_TRANSLATE_NOOP("SalesTableModel", "Amount (%1)")),  # %1: currency
    Column("note", QT_TRANSLATE_NOOP("SalesTableModel", "Note")),
)
WALK_IN = QT_TRANSLATE_NOOP("SalesTableModel", "Walk-in")
FUTURE_TIP = QT_TRANSLATE_NOOP("SalesTableModel", "Dated after today: this sale counts in no "
                                                  "figure until its day comes.")
FUTURE_DATE = QT_TRANSLATE_NOOP("SalesTableModel", "%1 (not yet)")
FUTURE_COLOUR = "#1565c0"
DAILY_TOTAL = QT_TRANSLATE_NOOP("SalesTableModel", "Daily total")

ORDER_ID_ROLE = Role.ORDER_ID
LINE_ID_ROLE = Role.LINE_ID
SORT_ROLE = Role.SORT

# The sort of each column (the amount columns sort by the value in the reporting currency).
_SORT_OF = {
    COL_DATE: "date", COL_NUMBER: "number", COL_CUSTOMER: "customer",
    COL_SALESPERSON: "salesperson", COL_CHANNEL: "channel", COL_PRODUCT: "product",
    COL_CATEGORY: "category", COL_QUANTITY: "quantity", COL_AMOUNT: "amount",
    COL_REPORTING: "amount", COL_NOTE: "note",
}


class SalesTableModel(TableModel):
    """Sale lines, newest first by default; rows arrive with `fetchMore` (a page at a time,
    so `set_rows` is not used: `reload` resets, `fetchMore` appends and indexes the new
    page). A row is a tuple of the query; its id (order id, position) gives `row_of`."""

    CONTEXT = CONTEXT
    COLUMNS = COLUMNS

    def __init__(self, store: Store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.filter = SalesFilter()
        self.sort_column = COL_DATE
        self.sort_order = Qt.SortOrder.DescendingOrder
        self._more = False
        self._busy = False  # inside a reset or an insert: no nested fetches
        self._query: SalesQuery | None = None
        self._currency = store.reporting_currency
        # The shop's date (the sales tab sets the app's): later sales are marked.
        self.today: Callable[[], date] = date.today
        self.reload()

    # -- queries ------------------------------------------------------------------
    def _make_query(self) -> SalesQuery:
        flt = replace(self.filter, text=fmt.latin_digits(self.filter.text.strip()))
        return sales_query(self.store, flt, _SORT_OF.get(self.sort_column, "date"),
                          self.sort_order == Qt.SortOrder.DescendingOrder, self._currency)

    def page_size(self) -> int:
        return PAGE_SIZE

    def reload(self, keep_loaded: bool = False) -> None:
        """Read the first page again (or as many rows as were shown, up to MAX_RELOAD)."""
        from kpidesk.ui.server_status import offline_safe

        self._currency = self.store.reporting_currency
        want = self.page_size()
        if keep_loaded:
            want = min(MAX_RELOAD, max(want, len(self.rows)))

        def first_page() -> list:
            self._query = self._make_query()
            return self._query.page(None, want)

        # a shared shop opened without its server: no sale to show until it answers
        rows: list = offline_safe(first_page, [])
        self._busy = True
        try:
            self.beginResetModel()
            self.rows = rows
            self.rows_changed()
            self._more = len(rows) == want
            self.endResetModel()
        finally:
            self._busy = False

    def set_filter(self, flt: SalesFilter) -> None:
        self.filter = flt
        self.reload()

    def summary(self) -> tuple[int, int, str] | None:
        """(lines, revenue, currency) of the filtered period from the daily rollup;
        None when a text filter is on (that would need a scan)."""
        if self.filter.text.strip():
            return None
        from kpidesk.ui.server_status import offline_safe

        found = offline_safe(lambda: totals(self.store, self.filter), None)
        if found is None:  # a shared shop's server away: no total to show
            return None
        lines, usd, khr = found
        return lines, (khr if self._currency == "KHR" else usd), self._currency

    # -- fetching on demand ------------------------------------------------------------
    def canFetchMore(self, parent=_ROOT) -> bool:  # noqa: N802 (Qt API)
        if parent.isValid() or self._busy:
            return False
        return self._more

    def fetchMore(self, parent=_ROOT) -> None:  # noqa: N802 (Qt API)
        if parent.isValid() or not self._more or self._busy or self._query is None:
            return
        size = self.page_size()
        page = self._query.page(self.rows[-1] if self.rows else None, size)
        self._more = len(page) == size
        if not page:
            return
        first = len(self.rows)
        self._busy = True
        try:
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self.rows.extend(page)
            self._row_of.update((self.row_id(r), i) for i, r in enumerate(page, first))
            self.endInsertRows()
        finally:
            self._busy = False

    def row_id(self, row: tuple) -> tuple[int, int]:
        return (row[R_ORDER], row[R_POSITION])

    def header_text(self, section: int) -> str:
        text = super().header_text(section)
        return fill_in(text, self._currency) if section == COL_REPORTING else text

    # -- Qt model API -------------------------------------------------------------------
    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.ItemDataRole.DisplayRole):
        if (role == Qt.ItemDataRole.TextAlignmentRole and orientation == Qt.Orientation.Horizontal
                and section in (COL_QUANTITY, COL_AMOUNT, COL_REPORTING)):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return super().headerData(section, orientation, role)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not self.valid(index):
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not self.valid(index):
            return None
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == EXPORT_ROLE:
            return self._export(row, col)
        if role == ORDER_ID_ROLE:
            return row[R_ORDER]
        if role == LINE_ID_ROLE:
            return (row[R_ORDER], row[R_POSITION])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if col in (COL_QUANTITY, COL_AMOUNT, COL_REPORTING):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        future = row[R_DATE] > self.today().isoformat()
        if role == Qt.ItemDataRole.ForegroundRole:
            if col in (COL_AMOUNT, COL_REPORTING) and row[R_AMOUNT] < 0:
                return QBrush(QColor("#c62828"))
            if future:
                return QBrush(QColor(FUTURE_COLOUR))
            if col == COL_CUSTOMER and row[R_CUSTOMER] is None:
                return QBrush(QColor("#757575"))
        if future and role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setItalic(True)
            return font
        if future and role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(CONTEXT, FUTURE_TIP)
        return None

    def _display(self, row: tuple, col: int) -> str:
        f = fmt.current()
        if col == COL_DATE:
            if row[R_DATE] > self.today().isoformat():
                return fill_in(QCoreApplication.translate(CONTEXT, FUTURE_DATE), f.date(row[R_DATE]))
            return f.date(row[R_DATE])
        if col == COL_NUMBER:
            return row[R_NUMBER] or ""
        if col == COL_CUSTOMER:
            if row[R_CUSTOMER] is not None:
                return row[R_CUSTOMER]
            return QCoreApplication.translate(CONTEXT, DAILY_TOTAL if row[R_DAILY] else WALK_IN)
        if col == COL_SALESPERSON:
            return row[R_SALESPERSON] or ""
        if col == COL_CHANNEL:
            return display_name(row[R_CHANNEL] or "")  # a seeded channel in the UI language
        if col == COL_PRODUCT:
            return row[R_PRODUCT] or ""
        if col == COL_CATEGORY:
            return row[R_CATEGORY] or ""
        if col == COL_QUANTITY:
            qty = row[R_QUANTITY]
            if qty is None:
                return ""
            return f.decimal(qty, 0 if float(qty).is_integer() else 2)
        if col == COL_AMOUNT:
            return f.money(row[R_AMOUNT], row[R_CURRENCY])
        if col == COL_REPORTING:
            minor = row[R_KHR] if self._currency == "KHR" else row[R_USD]
            return f.money(minor, self._currency,
                           converted=row[R_CURRENCY] != self._currency)
        if col == COL_NOTE:
            return row[R_NOTE] or ""
        return ""

    def _export(self, row: tuple, col: int) -> object:
        """The cell as a value for "Export this table" (see ``kpidesk.ui.export``)."""
        if col == COL_DATE:
            return iso_day(row[R_DATE])
        if col == COL_QUANTITY:
            qty = row[R_QUANTITY]
            return "" if qty is None else (int(qty) if float(qty).is_integer() else qty)
        if col == COL_AMOUNT:
            return Money(row[R_AMOUNT], row[R_CURRENCY])
        if col == COL_REPORTING:
            return Money(row[R_KHR] if self._currency == "KHR" else row[R_USD], self._currency)
        return self._display(row, col)  # text (names, receipt number, note)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.COLUMNS):
            column, order = COL_DATE, Qt.SortOrder.DescendingOrder
        self.sort_column = column
        self.sort_order = order
        self.reload()  # one page, read by walking an index in that column's order

    # -- helpers for the view ----------------------------------------------------------------
    def order_id(self, row: int) -> int | None:
        return self.rows[row][R_ORDER] if 0 <= row < len(self.rows) else None

    def line_id(self, row: int) -> tuple[int, int] | None:
        """The line shown in `row`: (order id, position in the order)."""
        if not 0 <= row < len(self.rows):
            return None
        return self.row_id(self.rows[row])

    def row_of_line(self, line_id: tuple[int, int]) -> int | None:
        """The row showing a line (order id, position), if it is loaded."""
        return self.row_of(tuple(line_id))

    def retranslate(self) -> None:
        """After a language change: headers and every cell (digits, month names)."""
        self._currency = self.store.reporting_currency
        super().retranslate()
