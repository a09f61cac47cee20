"""The table of sale lines: fetched on demand, 500 rows at a time, never all at once.

Pages are read with keyset pagination (``WHERE (sort key, …, line id) < last
row's``) rather than OFFSET, so the 2,000th page costs what the first does.
The default order — date, order id, line id, newest first — walks the
``orders(date)`` index; other columns sort with ORDER BY on the key (a full
sort of the filtered lines, under a second at a million lines).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication

from kpidesk.i18n import format as fmt
from kpidesk.i18n.defaults import display_name
from kpidesk.store.db import Store
from kpidesk.ui.export import EXPORT_ROLE, Money, iso_day

CONTEXT = "SalesTableModel"
_ROOT = QModelIndex()
PAGE_SIZE = 500
SORTED_PAGE_SIZE = 2000  # a full sort costs the same for 500 or 2,000 rows: fetch more at once
MAX_RELOAD = 20_000  # rows re-read at most on a refresh (the rest come back on scroll)

(COL_DATE, COL_NUMBER, COL_CUSTOMER, COL_SALESPERSON, COL_CHANNEL, COL_PRODUCT,
 COL_CATEGORY, COL_QUANTITY, COL_AMOUNT, COL_REPORTING, COL_NOTE) = range(11)

HEADERS = [
    QT_TRANSLATE_NOOP("SalesTableModel", "Date"),
    QT_TRANSLATE_NOOP("SalesTableModel", "Receipt no."),
    QT_TRANSLATE_NOOP("SalesTableModel", "Customer"),
    QT_TRANSLATE_NOOP("SalesTableModel", "Salesperson"),
    QT_TRANSLATE_NOOP("SalesTableModel", "Channel"),
    QT_TRANSLATE_NOOP("SalesTableModel", "Product"),
    QT_TRANSLATE_NOOP("SalesTableModel", "Category"),
    QT_TRANSLATE_NOOP("SalesTableModel", "Quantity"),
    QT_TRANSLATE_NOOP("SalesTableModel", "Amount"),
    QT_TRANSLATE_NOOP("SalesTableModel", "Amount (%1)"),
    QT_TRANSLATE_NOOP("SalesTableModel", "Note"),
]
WALK_IN = QT_TRANSLATE_NOOP("SalesTableModel", "Walk-in")
FUTURE_TIP = QT_TRANSLATE_NOOP("SalesTableModel", "Dated after today: this sale counts in no "
                                                  "figure until its day comes.")
FUTURE_DATE = QT_TRANSLATE_NOOP("SalesTableModel", "%1 (not yet)")
FUTURE_COLOUR = "#1565c0"
DAILY_TOTAL = QT_TRANSLATE_NOOP("SalesTableModel", "Daily total")

ORDER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
LINE_ID_ROLE = Qt.ItemDataRole.UserRole + 2
SORT_ROLE = Qt.ItemDataRole.UserRole + 3

_SELECT = """
SELECT o.date, o.id, l.id, o.number, c.name, sp.name, ch.name, p.name, cat.name,
       l.quantity, l.amount, l.currency, l.amount_usd, l.amount_khr,
       CASE WHEN IFNULL(l.note, '') <> '' THEN l.note ELSE IFNULL(o.note, '') END,
       o.is_daily_total, {key} AS sort_key
FROM sale_lines l JOIN orders o ON o.id = l.order_id
LEFT JOIN contacts c ON c.id = o.contact_id
LEFT JOIN salespeople sp ON sp.id = o.salesperson_id
LEFT JOIN channels ch ON ch.id = o.channel_id
LEFT JOIN products p ON p.id = l.product_id
LEFT JOIN categories cat ON cat.id = p.category_id
"""
# Row tuple positions
(R_DATE, R_ORDER, R_LINE, R_NUMBER, R_CUSTOMER, R_SALESPERSON, R_CHANNEL, R_PRODUCT,
 R_CATEGORY, R_QUANTITY, R_AMOUNT, R_CURRENCY, R_USD, R_KHR, R_NOTE, R_DAILY, R_KEY) = range(17)

# Sort key per column (never NULL, so keyset comparisons hold).
_SORT_KEYS = {
    COL_DATE: "o.date",
    COL_NUMBER: "o.number",
    COL_CUSTOMER: "IFNULL(c.name, '')",
    COL_SALESPERSON: "IFNULL(sp.name, '')",
    COL_CHANNEL: "IFNULL(ch.name, '')",
    COL_PRODUCT: "IFNULL(p.name, '')",
    COL_CATEGORY: "IFNULL(cat.name, '')",
    COL_QUANTITY: "IFNULL(l.quantity, 0)",
    COL_AMOUNT: "l.amount_khr",  # the value, whatever the currency typed
    COL_REPORTING: None,  # amount_usd or amount_khr, by the reporting currency
    COL_NOTE: "CASE WHEN IFNULL(l.note, '') <> '' THEN l.note ELSE IFNULL(o.note, '') END",
}


@dataclass
class SalesFilter:
    date_from: str | None = None  # ISO, inclusive
    date_to: str | None = None
    salesperson_id: int | None = None  # None = everyone; 0 = no salesperson
    text: str = ""  # customer name/phone, product, receipt number

    def where(self, text_ids: tuple[list[int], list[int]] | None = None
              ) -> tuple[list[str], list[object]]:
        """WHERE clauses and parameters. `text_ids`: (contact ids, order ids) already
        known to match the text (see `SalesTableModel._prepare_text`)."""
        clauses: list[str] = []
        params: list[object] = []
        if self.date_from:
            clauses.append("o.date >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append("o.date <= ?")
            params.append(self.date_to)
        if self.salesperson_id == 0:
            clauses.append("o.salesperson_id IS NULL")
        elif self.salesperson_id is not None:
            clauses.append("o.salesperson_id = ?")
            params.append(self.salesperson_id)
        text = fmt.latin_digits(self.text.strip())
        if text and text_ids is not None:
            contacts, orders = text_ids
            clauses.append(f"(o.contact_id IN ({_ints(contacts)}) OR o.id IN ({_ints(orders)}))")
        elif text:
            like = f"%{text}%"
            clauses.append(
                "(o.contact_id IN (SELECT id FROM contacts WHERE name LIKE ? OR phone LIKE ?)"
                " OR l.product_id IN (SELECT id FROM products WHERE name LIKE ?)"
                " OR o.number LIKE ?)")
            params.extend([like, like, like, like])
        return clauses, params


def _ints(ids: list[int]) -> str:
    return ",".join(str(int(i)) for i in ids) or "NULL"


# Above this many matching contacts / receipts, matches are frequent: scanning the
# lines in date order finds a page sooner than collecting them all.
TEXT_IDS_LIMIT = 5000
CONTACT_IDS_LIMIT = 500


def _keyset(keys: list[str], values: list[object], descending: bool) -> tuple[str, list[object]]:
    """SQL for 'row comes after (values) in the order of keys' (lexicographic)."""
    op = "<" if descending else ">"
    # e1 op v1 OR (e1 = v1 AND (e2 op v2 OR (e2 = v2 AND e3 op v3)))
    sql = f"{keys[-1]} {op} ?"
    params: list[object] = [values[-1]]
    for key, value in zip(reversed(keys[:-1]), reversed(values[:-1]), strict=True):
        sql = f"({key} {op} ? OR ({key} = ? AND {sql}))"
        params = [value, value, *params]
    # A plain bound on the first key lets SQLite use its index range.
    bound = f"{keys[0]} {op}= ?"
    return f"{bound} AND {sql}", [values[0], *params]


class SalesTableModel(QAbstractTableModel):
    """Sale lines, newest first by default; rows arrive with `fetchMore`."""

    def __init__(self, store: Store, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.filter = SalesFilter()
        self.sort_column = COL_DATE
        self.sort_order = Qt.SortOrder.DescendingOrder
        self._rows: list[tuple] = []
        self._more = False
        self._busy = False  # inside a reset or an insert: no nested fetches
        self._text_ids: tuple[list[int], list[int]] | None = None
        self._currency = store.reporting_currency
        # The shop's date (the sales tab sets the app's): later sales are marked.
        self.today: Callable[[], date] = date.today
        self.reload()

    # -- queries ------------------------------------------------------------------
    def _key_columns(self) -> list[str]:
        """The ORDER BY keys, the last ones unique (order id, line id)."""
        if self.sort_column == COL_DATE:
            if self._text_ids is not None:
                # "+" keeps SQLite from walking the date index: the few matching
                # orders are found through their ids and contacts, then sorted.
                return ["+o.date", "+o.id", "l.id"]
            return ["o.date", "o.id", "l.id"]
        return ["sort_key", "l.id"]

    def page_size(self) -> int:
        """Rows per fetch: 500 in date order (index walk), more when a full sort is needed."""
        if self.sort_column == COL_DATE or self._text_ids is not None:
            return PAGE_SIZE
        return SORTED_PAGE_SIZE

    def _prepare_text(self) -> None:
        """For a text filter that no product matches, find the matching contacts and
        receipts first: a rare receipt number then costs one pass over the orders'
        number index instead of a scan of every sale line."""
        self._text_ids = None
        text = fmt.latin_digits(self.filter.text.strip())
        if not text:
            return
        like = f"%{text}%"
        conn = self.store.conn
        if conn.execute("SELECT 1 FROM products WHERE name LIKE ? LIMIT 1", (like,)).fetchone():
            return
        contacts = [r[0] for r in conn.execute(
            "SELECT id FROM contacts WHERE name LIKE ? OR phone LIKE ? LIMIT ?",
            (like, like, CONTACT_IDS_LIMIT + 1))]
        if len(contacts) > min(CONTACT_IDS_LIMIT, TEXT_IDS_LIMIT):
            return
        orders = [r[0] for r in conn.execute(
            "SELECT id FROM orders WHERE number LIKE ? LIMIT ?", (like, TEXT_IDS_LIMIT + 1))]
        if len(orders) > TEXT_IDS_LIMIT:
            return
        self._text_ids = (contacts, orders)

    def _sort_expr(self) -> str:
        if self.sort_column == COL_REPORTING:
            return "l.amount_khr" if self._currency == "KHR" else "l.amount_usd"
        return _SORT_KEYS.get(self.sort_column) or "o.date"

    def _query(self, after: tuple | None, limit: int) -> list[tuple]:
        clauses, params = self.filter.where(self._text_ids)
        descending = self.sort_order == Qt.SortOrder.DescendingOrder
        keys = self._key_columns()
        sort_expr = self._sort_expr()
        if after is not None:
            if self.sort_column == COL_DATE:
                values = [after[R_DATE], after[R_ORDER], after[R_LINE]]
                where_keys = keys
            else:
                values = [after[R_KEY], after[R_LINE]]
                where_keys = [sort_expr, "l.id"]
            sql, extra = _keyset(where_keys, values, descending)
            clauses.append(sql)
            params.extend(extra)
        direction = "DESC" if descending else "ASC"
        order = ", ".join(f"{k} {direction}" for k in keys)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        sql = _SELECT.format(key=sort_expr) + where + f" ORDER BY {order} LIMIT ?"
        return [tuple(r) for r in self.store.conn.execute(sql, [*params, limit])]

    def reload(self, keep_loaded: bool = False) -> None:
        """Read the first page again (or as many rows as were shown, up to MAX_RELOAD)."""
        self._currency = self.store.reporting_currency
        self._prepare_text()
        want = self.page_size()
        if keep_loaded:
            want = min(MAX_RELOAD, max(want, len(self._rows)))
        rows = self._query(None, want)
        self._busy = True
        try:
            self.beginResetModel()
            self._rows = rows
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
        clauses, params = [], []
        if self.filter.date_from:
            clauses.append("day >= ?")
            params.append(self.filter.date_from)
        if self.filter.date_to:
            clauses.append("day <= ?")
            params.append(self.filter.date_to)
        if self.filter.salesperson_id is not None:
            clauses.append("salesperson_id = ?")
            params.append(self.filter.salesperson_id)
        column = "revenue_khr" if self._currency == "KHR" else "revenue_usd"
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        row = self.store.conn.execute(
            f"SELECT IFNULL(SUM(lines), 0), IFNULL(SUM({column}), 0) FROM daily_revenue{where}",
            params).fetchone()
        return int(row[0]), int(row[1]), self._currency

    # -- fetching on demand ------------------------------------------------------------
    def canFetchMore(self, parent=_ROOT) -> bool:  # noqa: N802 (Qt API)
        if parent.isValid() or self._busy:
            return False
        return self._more

    def fetchMore(self, parent=_ROOT) -> None:  # noqa: N802 (Qt API)
        if parent.isValid() or not self._more or self._busy:
            return
        size = self.page_size()
        page = self._query(self._rows[-1] if self._rows else None, size)
        self._more = len(page) == size
        if not page:
            return
        first = len(self._rows)
        self._busy = True
        try:
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self._rows.extend(page)
            self.endInsertRows()
        finally:
            self._busy = False

    # -- Qt model API -------------------------------------------------------------------
    def rowCount(self, parent=_ROOT) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=_ROOT) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802 (Qt API)
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            text = QCoreApplication.translate(CONTEXT, HEADERS[section])
            if section == COL_REPORTING:
                text = text.replace("%1", self._currency)
            return text
        if role == Qt.ItemDataRole.TextAlignmentRole and section in (
                COL_QUANTITY, COL_AMOUNT, COL_REPORTING):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, col)
        if role == EXPORT_ROLE:
            return self._export(row, col)
        if role == ORDER_ID_ROLE:
            return row[R_ORDER]
        if role == LINE_ID_ROLE:
            return row[R_LINE]
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
                return QCoreApplication.translate(CONTEXT, FUTURE_DATE).replace(
                    "%1", f.date(row[R_DATE]))
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
        if not 0 <= column < len(HEADERS):
            column, order = COL_DATE, Qt.SortOrder.DescendingOrder
        self.sort_column = column
        self.sort_order = order
        # Columns other than the date need a full sort of the filtered lines
        # (about a second at a million lines): show that the app is working.
        busy = column != COL_DATE and QGuiApplication.instance() is not None
        if busy:
            QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.reload()
        finally:
            if busy:
                QGuiApplication.restoreOverrideCursor()

    # -- helpers for the view ----------------------------------------------------------------
    def order_id(self, row: int) -> int | None:
        return self._rows[row][R_ORDER] if 0 <= row < len(self._rows) else None

    def line_id(self, row: int) -> int | None:
        return self._rows[row][R_LINE] if 0 <= row < len(self._rows) else None

    def row_of_line(self, line_id: int) -> int | None:
        for i, r in enumerate(self._rows):
            if r[R_LINE] == line_id:
                return i
        return None

    def retranslate(self) -> None:
        """After a language change: headers and every cell (digits, month names)."""
        self._currency = self.store.reporting_currency
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(HEADERS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, len(HEADERS) - 1),
                                  [Qt.ItemDataRole.DisplayRole])
