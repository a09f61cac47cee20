"""Table models of the dashboard: attainment per salesperson, the at-risk call-back
list, and the cohort table (drawn as a heat map through BackgroundRole).

Each model is fed rows from `kpidesk.metrics` with ``set_rows`` (one model
reset, no widget rebuilt) and formats on display through
``kpidesk.i18n.format.current()``. Headers are ``QT_TRANSLATE_NOOP`` strings
translated in ``headerData``; ``retranslate()`` tells the views.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from kpidesk.i18n import format as fmt
from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.tr import QT_TRANSLATE_NOOP
from kpidesk.reports.insight import chance_words
from kpidesk.ui.export import EXPORT_ROLE, Money, Percent, iso_day
from kpidesk.ui.models.base import Column, Role, TableModel

ROW_ROLE = Role.ROW  # the row's dict
SORT_ROLE = Role.SORT  # raw value of a cell
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignCenter)


class RowsModel(TableModel):
    """Read-only rows of dicts, each column a `Column` (header translated in CONTEXT): its
    kind says how `cell` shows, sorts and aligns row[key] and how it is exported. A model
    that formats its cells itself gives HEADERS (then COLUMNS are made from them) and
    overrides `cell` (and `export_value`)."""

    CONTEXT = "RowsModel"
    HEADERS: tuple[str, ...] = ()
    HEADER_NUMBERS: dict[int, tuple[int, ...]] = {}  # the %1… of a header, as numbers

    def __init_subclass__(cls, **kwargs) -> None:
        super().__init_subclass__(**kwargs)
        if "HEADERS" in cls.__dict__:  # not a model that gives its COLUMNS
            cls.COLUMNS = tuple(Column(str(i), header, cls.HEADER_NUMBERS.get(i, ()))
                                for i, header in enumerate(cls.HEADERS))

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.currency = "USD"

    def set_rows(self, rows: list[dict], currency: str | None = None) -> None:  # type: ignore[override]
        if currency:
            self.currency = currency
        super().set_rows(rows)

    def rows_changed(self) -> None:
        """Dashboard rows are looked up by position, not by id."""

    def retranslate(self) -> None:
        super().retranslate()
        if self.rowCount():
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def cell(self, row: dict, column: int) -> tuple[str, Any, int | None]:
        """(display text, raw value to sort by, alignment) of a cell, by its column's
        kind."""
        spec = self.COLUMNS[column]
        value = row.get(spec.key)
        f = fmt.current()
        kind = spec.kind
        if kind == "text":
            return str(value or ""), str(value or ""), None
        if kind == "date":
            return f.date(value) if value else "", value, None
        if kind == "money":
            return f.figure(value, self.currency), value, RIGHT
        if kind == "signed":
            if value is None:
                return f.figure(None, self.currency), None, RIGHT
            sign = "+" if value > 0 else ("-" if value < 0 else "")
            return sign + f.figure(abs(value), self.currency), value, RIGHT
        if kind in ("percent", "chance"):
            return f.percent(value, places=0 if kind == "chance" else 1), value, RIGHT
        if kind == "integer":
            return f.integer(value), value, RIGHT
        return f.decimal(value, 1), value, RIGHT  # decimal

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not self.valid(index):
            return None
        row = self.rows[index.row()]
        if role == ROW_ROLE:
            return row
        if role == EXPORT_ROLE:
            return self.export_value(row, index.column())
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE, Qt.ItemDataRole.TextAlignmentRole):
            text, raw, align = self.cell(row, index.column())
            if role == Qt.ItemDataRole.DisplayRole:
                return text
            if role == SORT_ROLE:
                return raw
            return align
        return self.extra_data(row, index.column(), role)

    def extra_data(self, row: dict, column: int, role: int):
        return None

    def export_value(self, row: dict, column: int) -> object:
        """The cell as a value for "Export this table": money and percents as numbers a
        spreadsheet reads, text and dates as shown."""
        spec = self.COLUMNS[column]
        if spec.kind in ("text", "date"):
            return self.cell(row, column)[0]
        value = row.get(spec.key)
        if value is None:
            return ""
        if spec.kind in ("money", "signed"):
            return Money(int(value), self.currency)
        if spec.kind in ("percent", "chance"):
            return Percent(value)
        return value  # integer, decimal


class SalespersonAttainmentModel(RowsModel):
    """Per salesperson: revenue of the month, target, attainment, pace, and the chance of
    making their target (KPI.md §2b; `chance` in the row, 0..1 or None) with its meaning
    in words on hover."""

    CONTEXT = "SalespersonAttainmentModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("SalespersonAttainmentModel", "Salesperson"),
        QT_TRANSLATE_NOOP("SalespersonAttainmentModel", "Revenue"),
        QT_TRANSLATE_NOOP("SalespersonAttainmentModel", "Target"),
        QT_TRANSLATE_NOOP("SalespersonAttainmentModel", "Attainment"),
        QT_TRANSLATE_NOOP("SalespersonAttainmentModel", "Pace"),
        QT_TRANSLATE_NOOP("SalespersonAttainmentModel", "Chance"),
    )
    CHANCE = 5  # the chance column

    def cell(self, row: dict, column: int):
        f = fmt.current()
        if column == 0:
            return str(row.get("name") or ""), str(row.get("name") or ""), None
        if column == 1:
            return f.figure(row.get("actual"), self.currency), row.get("actual"), RIGHT
        if column == 2:
            return f.figure(row.get("target"), self.currency), row.get("target"), RIGHT
        if column == 3:
            return f.percent(row.get("attainment")), row.get("attainment"), RIGHT
        if column == self.CHANCE:
            return f.percent(row.get("chance"), places=0), row.get("chance"), RIGHT
        return f.percent(row.get("pace")), row.get("pace"), RIGHT

    def export_value(self, row: dict, column: int) -> object:
        if column in (1, 2):
            value = row.get("actual" if column == 1 else "target")
            return "" if value is None else Money(int(value), self.currency)
        if column in (3, 4, self.CHANCE):
            value = row.get({3: "attainment", 4: "pace", self.CHANCE: "chance"}[column])
            return "" if value is None else Percent(value)
        return str(row.get("name") or "")

    def extra_data(self, row: dict, column: int, role: int):
        if role == Qt.ItemDataRole.ForegroundRole and column in (3, 4, self.CHANCE):
            value = row.get({3: "attainment", 4: "pace", self.CHANCE: "chance"}[column])
            if value is not None:
                good = 0.5 if column == self.CHANCE else 1
                return QColor("#1b7f3b") if value >= good else QColor("#b3261e")
        if role == Qt.ItemDataRole.ToolTipRole and column == self.CHANCE:
            return self.chance_tooltip(row)
        return None

    @staticmethod
    def chance_tooltip(row: dict) -> str:
        """The chance in words: "Chance of making the target: about 3 in 10"."""
        translate = QCoreApplication.translate
        chance = row.get("chance")
        if chance is None:
            return translate("SalespersonAttainmentModel",
                             "No chance to show: no target, a month not in progress, or "
                             "under four weeks of sales")
        target, actual = row.get("target"), row.get("actual")
        met = target is not None and actual is not None and actual >= target
        return fill_in(translate("SalespersonAttainmentModel",
                                 "Chance of making the target: %1"),
                       chance_words(translate, fmt.current(), chance, met))


class AtRiskModel(RowsModel):
    """The call-back list: good customers who have stopped coming."""

    CONTEXT = "AtRiskModel"
    HEADERS: tuple[str, ...] = (
        QT_TRANSLATE_NOOP("AtRiskModel", "Customer"),
        QT_TRANSLATE_NOOP("AtRiskModel", "Phone"),
        QT_TRANSLATE_NOOP("AtRiskModel", "Last purchase"),
        QT_TRANSLATE_NOOP("AtRiskModel", "Usual gap (days)"),
        QT_TRANSLATE_NOOP("AtRiskModel", "Days since"),
        QT_TRANSLATE_NOOP("AtRiskModel", "Revenue %1 d"),
    )
    HEADER_NUMBERS = {5: (365,)}

    def contact_id(self, row: int) -> int | None:
        if 0 <= row < len(self.rows):
            value = self.rows[row].get("contact_id")
            return int(value) if value is not None else None
        return None

    def cell(self, row: dict, column: int):
        f = fmt.current()
        if column == 0:
            return str(row.get("name") or ""), str(row.get("name") or ""), None
        if column == 1:
            phone = str(row.get("phone") or "")
            return f.phone(phone), phone, None
        if column == 2:
            return f.date(row.get("last_purchase")), str(row.get("last_purchase") or ""), None
        if column == 3:
            gap = row.get("usual_gap_days")
            return (f.integer(round(gap)) if gap is not None else "—"), gap, RIGHT
        if column == 4:
            return f.integer(row.get("days_since")), row.get("days_since"), RIGHT
        return f.figure(row.get("revenue_365"), self.currency), row.get("revenue_365"), RIGHT

    def export_value(self, row: dict, column: int) -> object:
        if column == 1:
            return str(row.get("phone") or "")  # as typed: leading 0, Latin digits
        if column == 2:
            return iso_day(row.get("last_purchase")) or ""
        if column == 3:
            gap = row.get("usual_gap_days")
            return "" if gap is None else round(float(gap), 1)
        if column == 4:
            return "" if row.get("days_since") is None else int(row["days_since"])
        if column == 5:
            return Money(int(row.get("revenue_365") or 0), self.currency)
        return str(row.get("name") or "")

    def extra_data(self, row: dict, column: int, role: int):
        if role == Qt.ItemDataRole.ToolTipRole:
            return QCoreApplication.translate(
                "AtRiskModel", "Double-click or press Enter to open the contact")
        return None


def heat_colour(share: float) -> QColor:
    """White (0 %) to a deep blue (100 %)."""
    share = max(0.0, min(1.0, share))
    r = round(255 - (255 - 31) * share)
    g = round(255 - (255 - 89) * share)
    b = round(255 - (255 - 158) * share)
    return QColor(r, g, b)


class CohortModel(TableModel):
    """Rows: cohorts (first-purchase month, `row_of("YYYY-MM")`); column 0 the cohort's
    size, then column k + 1 = share of the cohort active k months later (headed by k in
    the user's digits: the columns are as many as the longest row's shares)."""

    CONTEXT = "CohortModel"
    SIZE_HEADER = QT_TRANSLATE_NOOP("CohortModel", "Customers")
    MONTH_TOOLTIP = QT_TRANSLATE_NOOP("CohortModel", "Months after the first purchase")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.width = 0

    def row_id(self, row: dict) -> str:
        return str(row["cohort"])

    def rows_changed(self) -> None:
        super().rows_changed()
        self.width = max((len(r.get("shares") or []) for r in self.rows), default=0)
        self.COLUMNS = (Column("size", self.SIZE_HEADER),
                        *(Column(f"month_{k}", str(k)) for k in range(self.width))) \
            if self.rows else ()

    def header_text(self, section: int) -> str:
        if section == 0:
            return super().header_text(section)
        return fmt.current().digits(str(section - 1))

    def retranslate(self) -> None:
        super().retranslate()
        if self.rowCount():
            self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, self.rowCount() - 1)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.ToolTipRole and 0 < section < self.columnCount():
                return QCoreApplication.translate(self.CONTEXT, self.MONTH_TOOLTIP)
            return super().headerData(section, orientation, role)
        if 0 <= section < len(self.rows) and role == Qt.ItemDataRole.DisplayRole:
            return fmt.current().month(str(self.rows[section]["cohort"]), short=True)
        if 0 <= section < len(self.rows) and role == EXPORT_ROLE:
            return str(self.rows[section]["cohort"])  # YYYY-MM
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not self.valid(index):
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def export_row_title(self) -> str:
        """Export: the rows' titles (cohort months) become a first column of this name."""
        return QCoreApplication.translate("CohortModel", "First purchase month")

    def share(self, row: int, k: int) -> float | None:
        shares = self.rows[row].get("shares") or []
        return shares[k] if 0 <= k < len(shares) else None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not self.valid(index):
            return None
        row = self.rows[index.row()]
        f = fmt.current()
        if index.column() == 0:
            if role == EXPORT_ROLE:
                return int(row.get("size") or 0)
            if role == Qt.ItemDataRole.DisplayRole:
                return f.integer(row.get("size"))
            if role == SORT_ROLE:
                return row.get("size")
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return RIGHT
            return None
        share = self.share(index.row(), index.column() - 1)
        if role == EXPORT_ROLE:
            return "" if share is None else Percent(share)
        if role == Qt.ItemDataRole.DisplayRole:
            return "" if share is None else f.percent(share, places=0)
        if role == SORT_ROLE:
            return share
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return CENTER
        if share is None:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            return heat_colour(share)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor("white") if share >= 0.5 else QColor("#222222")
        if role == Qt.ItemDataRole.ToolTipRole:
            return fill_in(QCoreApplication.translate(
                "CohortModel", "%1: %2 of %3 customers active %4 months later"), f.month(str(row["cohort"])), f.percent(share), f.integer(row.get("size")), f.integer(index.column() - 1))
        return None
