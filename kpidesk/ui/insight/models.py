"""Table models of the Insight tab, each a column spec over rows of dicts (read-only).

A column is (header, key, kind): kind says how the cell is shown and exported
(text, money, signed money, percent, chance, integer, date).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP

from kpidesk.i18n import format as fmt
from kpidesk.ui.export import Money, Percent
from kpidesk.ui.models.dashboard_models import RIGHT, RowsModel


@dataclass(frozen=True)
class Column:
    header: str  # QT_TRANSLATE_NOOP source text, context "InsightModels"
    key: str
    kind: str = "text"  # text | money | signed | percent | chance | integer | date


class ColumnsModel(RowsModel):
    """Rows of dicts shown through a list of Columns."""

    CONTEXT = "InsightModels"
    COLUMNS: tuple[Column, ...] = ()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.HEADERS = tuple(c.header for c in self.COLUMNS)

    def cell(self, row: dict, column: int):
        spec = self.COLUMNS[column]
        value = row.get(spec.key)
        f = fmt.current()
        if spec.kind == "text":
            return str(value or ""), str(value or ""), None
        if spec.kind == "date":
            return f.date(value) if value else "", value, None
        if spec.kind == "money":
            return f.figure(value, self.currency), value, RIGHT
        if spec.kind == "signed":
            if value is None:
                return f.figure(None, self.currency), None, RIGHT
            sign = "+" if value > 0 else ("-" if value < 0 else "")
            return sign + f.figure(abs(value), self.currency), value, RIGHT
        if spec.kind in ("percent", "chance"):
            return f.percent(value, places=0 if spec.kind == "chance" else 1), value, RIGHT
        if spec.kind == "integer":
            return f.integer(value), value, RIGHT
        if spec.kind == "decimal":
            return f.decimal(value, 1), value, RIGHT
        raise ValueError(spec.kind)

    def export_value(self, row: dict, column: int) -> object:
        spec = self.COLUMNS[column]
        value = row.get(spec.key)
        if value is None:
            return ""
        if spec.kind in ("money", "signed"):
            return Money(int(value), self.currency)
        if spec.kind in ("percent", "chance"):
            return Percent(value)
        if spec.kind in ("integer", "decimal"):
            return value
        return self.cell(row, column)[0]


def _c(header: str, key: str, kind: str = "text") -> Column:
    return Column(header, key, kind)


class BridgeDetailModel(ColumnsModel):
    """What is behind one bar of the bridge: customers, or days."""

    COLUMNS = (
        _c(QT_TRANSLATE_NOOP("InsightModels", "Customer, product or day"), "label"),
        _c(QT_TRANSLATE_NOOP("InsightModels", "Change"), "value", "signed"),
    )


class ChanceModel(ColumnsModel):
    """Per salesperson: revenue, target, attainment, chance, commission."""

    COLUMNS = (
        _c(QT_TRANSLATE_NOOP("InsightModels", "Salesperson"), "name"),
        _c(QT_TRANSLATE_NOOP("InsightModels", "Revenue"), "actual", "money"),
        _c(QT_TRANSLATE_NOOP("InsightModels", "Target"), "target", "money"),
        _c(QT_TRANSLATE_NOOP("InsightModels", "Attainment"), "attainment", "percent"),
        _c(QT_TRANSLATE_NOOP("InsightModels", "Chance of making it"), "chance", "chance"),
        _c(QT_TRANSLATE_NOOP("InsightModels", "Commission"), "commission", "money"),
    )


class NeedsModel(ColumnsModel):
    """What each salesperson needs per day to reach their target."""

    COLUMNS = (
        _c(QT_TRANSLATE_NOOP("InsightModels", "Salesperson"), "name"),
        _c(QT_TRANSLATE_NOOP("InsightModels", "Target"), "target", "money"),
        _c(QT_TRANSLATE_NOOP("InsightModels", "So far"), "actual", "money"),
        _c(QT_TRANSLATE_NOOP("InsightModels", "Needed per day"), "needed_per_day", "money"),
        _c(QT_TRANSLATE_NOOP("InsightModels", "Orders per day"), "needed_orders_per_day",
           "integer"),
        _c(QT_TRANSLATE_NOOP("InsightModels", "Average order needed"), "needed_basket", "money"),
    )


class ProposalModel(ColumnsModel):
    """Next year's proposed monthly targets."""

    COLUMNS = (
        _c(QT_TRANSLATE_NOOP("InsightModels", "Month"), "month_name"),
        _c(QT_TRANSLATE_NOOP("InsightModels", "Proposed target"), "value", "money"),
        _c(QT_TRANSLATE_NOOP("InsightModels", "Trend alone"), "trend", "money"),
    )


class WeeksModel(ColumnsModel):
    """The month's target cut into weeks by the day weights."""

    COLUMNS = (
        _c(QT_TRANSLATE_NOOP("InsightModels", "From"), "first", "date"),
        _c(QT_TRANSLATE_NOOP("InsightModels", "To"), "last", "date"),
        _c(QT_TRANSLATE_NOOP("InsightModels", "Target"), "target", "money"),
        _c(QT_TRANSLATE_NOOP("InsightModels", "Revenue"), "actual", "money"),
    )


class CalendarModel(ColumnsModel):
    """Holidays and days the shop marked, of the coming months."""

    COLUMNS = (
        _c(QT_TRANSLATE_NOOP("InsightModels", "Day"), "day", "date"),
        _c(QT_TRANSLATE_NOOP("InsightModels", "Holiday"), "holiday"),
        _c(QT_TRANSLATE_NOOP("InsightModels", "The shop"), "mark"),
        _c(QT_TRANSLATE_NOOP("InsightModels", "Note"), "note"),
    )
