"""Table models of the Analysis tab: the breakdown rows and the sale lines behind one row.

Each model has a column spec (header, how a row shows, its raw value for sorting and
export); rows are dataclasses from `kpidesk.metrics.analysis`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from kpidesk.i18n import format as fmt
from kpidesk.i18n.defaults import display_name
from kpidesk.i18n.tr import QT_TRANSLATE_NOOP, translator
from kpidesk.metrics.analysis import BreakdownRow
from kpidesk.metrics.basket import BasketDay
from kpidesk.metrics.breakdown_lines import SaleLineView
from kpidesk.ui.export import EXPORT_ROLE, Money, Percent, iso_day
from kpidesk.ui.models import base
from kpidesk.ui.models.base import TableModel

SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a cell's raw value
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CONTEXT = "AnalysisModel"


tr = translator(CONTEXT)


WEEKDAYS = (
    QT_TRANSLATE_NOOP("AnalysisModel", "Monday"), QT_TRANSLATE_NOOP("AnalysisModel", "Tuesday"),
    QT_TRANSLATE_NOOP("AnalysisModel", "Wednesday"),
    QT_TRANSLATE_NOOP("AnalysisModel", "Thursday"),
    QT_TRANSLATE_NOOP("AnalysisModel", "Friday"), QT_TRANSLATE_NOOP("AnalysisModel", "Saturday"),
    QT_TRANSLATE_NOOP("AnalysisModel", "Sunday"),
)
NONE_LABELS = {
    "product": QT_TRANSLATE_NOOP("AnalysisModel", "No product"),
    "category": QT_TRANSLATE_NOOP("AnalysisModel", "No category"),
    "salesperson": QT_TRANSLATE_NOOP("AnalysisModel", "No salesperson"),
    "channel": QT_TRANSLATE_NOOP("AnalysisModel", "No channel"),
    "payment": QT_TRANSLATE_NOOP("AnalysisModel", "Payment not recorded"),
    "customer": QT_TRANSLATE_NOOP("AnalysisModel", "Walk-in"),
    "hour": QT_TRANSLATE_NOOP("AnalysisModel", "No time"),
    "branch": QT_TRANSLATE_NOOP("AnalysisModel", "This shop"),  # no branch name
}


BASKET = "basket"  # the days with their orders, basket and items per order (no other keys)


def key_label(by: str, row: BreakdownRow) -> str:
    """What a row is called: a name, a date, a weekday or an hour, in the user's language."""
    f = fmt.current()
    by = "day" if by == BASKET else by
    if row.key is None:
        return tr(NONE_LABELS.get(by, "—"))
    if by == "day":
        return f.date(str(row.key))
    if by == "weekday":
        return tr(WEEKDAYS[int(row.key) - 1])
    if by == "hour":
        return fmt.fill(tr("%1:00–%2:00"), f.digits(f"{int(row.key):02d}"),
                        f.digits(f"{(int(row.key) + 1) % 24:02d}"))
    if by in ("payment", "channel") and row.name:
        return display_name(row.name)  # a seeded name in the user's language
    return row.name or "—"


def _basket(row: BreakdownRow) -> int | None:
    """Revenue per order (the average basket) of a row; None without orders."""
    return round(row.revenue / row.orders) if row.orders > 0 else None


@dataclass(frozen=True)
class Column:
    header: str  # QT_TRANSLATE_NOOP text of CONTEXT
    text: Callable  # row → shown text
    raw: Callable  # row → value to sort and export
    right: bool = True
    compare_only: bool = False


class AnalysisModel(TableModel):
    """The breakdown rows: name, revenue, share, orders, quantity, gross profit, margin and,
    with a comparison period, its revenue and the change."""

    CONTEXT = CONTEXT

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.by = "product"
        self.currency = "USD"
        self.rows: list[BreakdownRow] = []
        self.with_compare = False
        self.basket: dict[str, BasketDay] = {}  # by day, for the orders-and-basket view
        self._use_columns(self.columns())

    def _use_columns(self, spec: list[Column]) -> None:
        """The shown columns: their cells (spec) and, for the base, their headers."""
        self._columns = spec
        self.COLUMNS = tuple(base.Column(c.header, c.header) for c in spec)

    def row_id(self, row: BreakdownRow) -> object:
        return row.key

    def chart_value(self, row: BreakdownRow) -> int | None:
        """What the chart draws for a row: revenue; the average basket of a day."""
        if self.by == BASKET:
            day = self.basket.get(str(row.key))
            return day.average_basket if day else None
        return row.revenue

    def _basket_columns(self) -> list[Column]:
        f = fmt.current()

        def of(row: BreakdownRow) -> BasketDay | None:
            return self.basket.get(str(row.key))

        def per_order(row: BreakdownRow) -> float | None:
            day = of(row)
            return day.items_per_order if day else None

        return [
            Column(QT_TRANSLATE_NOOP("AnalysisModel", "Name"),
                   lambda r: key_label(self.by, r), self._name_order, False),
            Column(QT_TRANSLATE_NOOP("AnalysisModel", "Orders"),
                   lambda r: f.integer(r.orders), lambda r: r.orders),
            Column(QT_TRANSLATE_NOOP("AnalysisModel", "Average basket"),
                   lambda r: f.figure(self.chart_value(r), self.currency), self.chart_value),
            Column(QT_TRANSLATE_NOOP("AnalysisModel", "Items per order"),
                   lambda r: f.decimal(per_order(r), 1), per_order),
            Column(QT_TRANSLATE_NOOP("AnalysisModel", "Revenue"),
                   lambda r: f.figure(r.revenue, self.currency), lambda r: r.revenue),
        ]

    def columns(self) -> list[Column]:
        f = fmt.current()
        if self.by == BASKET:
            return self._basket_columns()
        money = lambda v: f.figure(v, self.currency)  # noqa: E731
        spec = [
            Column(QT_TRANSLATE_NOOP("AnalysisModel", "Name"),
                   lambda r: key_label(self.by, r), self._name_order, False),
            Column(QT_TRANSLATE_NOOP("AnalysisModel", "Revenue"),
                   lambda r: money(r.revenue), lambda r: r.revenue),
            Column(QT_TRANSLATE_NOOP("AnalysisModel", "Share"),
                   lambda r: f.percent(r.share), lambda r: r.share),
            Column(QT_TRANSLATE_NOOP("AnalysisModel", "Orders"),
                   lambda r: f.integer(r.orders), lambda r: r.orders),
            Column(QT_TRANSLATE_NOOP("AnalysisModel", "Per order"),
                   lambda r: money(_basket(r)), _basket),
            Column(QT_TRANSLATE_NOOP("AnalysisModel", "Quantity"),
                   lambda r: f.decimal(r.quantity, 0 if float(r.quantity).is_integer() else 2),
                   lambda r: r.quantity),
            Column(QT_TRANSLATE_NOOP("AnalysisModel", "Gross profit"),
                   lambda r: money(r.gross_profit), lambda r: r.gross_profit),
            Column(QT_TRANSLATE_NOOP("AnalysisModel", "Margin"),
                   lambda r: f.percent(r.margin), lambda r: r.margin),
            Column(QT_TRANSLATE_NOOP("AnalysisModel", "Compared period"),
                   lambda r: money(r.previous_revenue), lambda r: r.previous_revenue,
                   compare_only=True),
            Column(QT_TRANSLATE_NOOP("AnalysisModel", "Change"),
                   lambda r: f.percent(r.change, signed=True), lambda r: r.change,
                   compare_only=True),
        ]
        return [c for c in spec if self.with_compare or not c.compare_only]

    def _name_order(self, row: BreakdownRow):
        """Days, weekdays and hours sort in time order (no time last), names by name."""
        if self.by in ("day", "weekday", "hour", BASKET):
            return "~" if row.key is None else f"{row.key:>10}"
        return key_label(self.by, row)

    def set_rows(self, by: str, rows: list[BreakdownRow], currency: str,
                 with_compare: bool) -> None:
        self.beginResetModel()
        self.by, self.rows, self.currency, self.with_compare = by, list(rows), currency, \
            with_compare
        self._use_columns(self.columns())
        self.rows_changed()
        self.endResetModel()

    def row_at(self, row: int) -> BreakdownRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def retranslate(self) -> None:
        self._use_columns(self.columns())  # the cells format in the new language
        super().retranslate()

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not self.valid(index):
            return None
        row, column = self.rows[index.row()], self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == SORT_ROLE:
            value = column.raw(row)
            return value if value is not None else float("-inf")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column.right else None
        if role == EXPORT_ROLE:
            value = column.raw(row)
            if value is None:
                return ""
            if column.header in ("Revenue", "Gross profit", "Compared period", "Per order",
                                 "Average basket"):
                return Money(int(value), self.currency)
            if column.header in ("Share", "Margin", "Change"):
                return Percent(value)
            return value
        if role == Qt.ItemDataRole.ForegroundRole and column.header in ("Change", "Gross profit"):
            value = column.raw(row)
            if value is not None and value < 0:
                return QColor("#b3261e")
        return None


class SaleLinesModel(TableModel):
    """The sale lines behind one breakdown row."""

    CONTEXT = CONTEXT
    COLUMNS = (
        base.Column("date", QT_TRANSLATE_NOOP("AnalysisModel", "Date")),
        base.Column("time", QT_TRANSLATE_NOOP("AnalysisModel", "Time")),
        base.Column("receipt", QT_TRANSLATE_NOOP("AnalysisModel", "Receipt")),
        base.Column("product", QT_TRANSLATE_NOOP("AnalysisModel", "Product")),
        base.Column("customer", QT_TRANSLATE_NOOP("AnalysisModel", "Customer")),
        base.Column("quantity", QT_TRANSLATE_NOOP("AnalysisModel", "Quantity")),
        base.Column("amount", QT_TRANSLATE_NOOP("AnalysisModel", "Amount")),
        base.Column("gross_profit", QT_TRANSLATE_NOOP("AnalysisModel", "Gross profit")),
    )

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.rows: list[SaleLineView] = []
        self.currency = "USD"

    def row_id(self, row: SaleLineView) -> object:
        return row.order_id  # several lines of one order: row_of gives the last

    def set_rows(self, rows: list[SaleLineView], currency: str) -> None:  # type: ignore[override]
        self.currency = currency
        super().set_rows(rows)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not self.valid(index):
            return None
        line, column = self.rows[index.row()], index.column()
        f = fmt.current()
        values = (line.date, line.time, line.number, line.product, line.customer,
                  line.quantity, line.amount, line.gross_profit)
        if role == EXPORT_ROLE:
            if column == 0:
                return iso_day(line.date) or ""
            if column in (6, 7):
                value = values[column]
                return "" if value is None else Money(int(value), self.currency)
            return values[column] if values[column] is not None else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column >= 5 else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == 0:
            return f.date(line.date)
        if column == 1:
            return f.digits(line.time) if line.time else "—"
        if column == 5:
            q = line.quantity
            return f.decimal(q, 0 if float(q).is_integer() else 2)
        if column in (6, 7):
            return f.figure(values[column], self.currency)
        return str(values[column] or "")
