"""The opportunities table (the pipeline tab's table view) and stage names on screen."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import QT_TRANSLATE_NOOP
from kpidesk.store.db import Store
from kpidesk.store.opportunities import list_opportunities
from kpidesk.ui.export import EXPORT_ROLE, Money, Percent, iso_day
from kpidesk.ui.models.base import Column, Role, TableModel

try:  # seeded stage names and lost reasons shown in the UI language
    from kpidesk.i18n.defaults import display_name
except ImportError:  # pragma: no cover - until the shared module lands
    def display_name(name: str) -> str:
        return name

STATUS_LABELS = {
    "open": QT_TRANSLATE_NOOP("OpportunityStatus", "Open"),
    "won": QT_TRANSLATE_NOOP("OpportunityStatus", "Won"),
    "lost": QT_TRANSLATE_NOOP("OpportunityStatus", "Lost"),
}


def stage_label(name: str) -> str:
    return display_name(name)


def reason_label(name: str) -> str:
    return display_name(name) if name else ""


def status_label(status: str) -> str:
    return QCoreApplication.translate("OpportunityStatus", STATUS_LABELS.get(status, status))


def is_overdue(row: dict, today: date) -> bool:
    return (row["status"] == "open" and bool(row["expected_close"])
            and row["expected_close"] < today.isoformat())


CTX = "OpportunitiesModel"
COLUMNS = [
    ("title", QT_TRANSLATE_NOOP("OpportunitiesModel", "Opportunity")),
    ("contact", QT_TRANSLATE_NOOP("OpportunitiesModel", "Contact")),
    ("stage", QT_TRANSLATE_NOOP("OpportunitiesModel", "Stage")),
    ("value", QT_TRANSLATE_NOOP("OpportunitiesModel", "Value")),
    ("probability", QT_TRANSLATE_NOOP("OpportunitiesModel", "Probability")),
    ("weighted", QT_TRANSLATE_NOOP("OpportunitiesModel", "Weighted")),
    ("owner", QT_TRANSLATE_NOOP("OpportunitiesModel", "Owner")),
    ("created", QT_TRANSLATE_NOOP("OpportunitiesModel", "Created")),
    ("expected_close", QT_TRANSLATE_NOOP("OpportunitiesModel", "Expected close")),
    ("status", QT_TRANSLATE_NOOP("OpportunitiesModel", "Status")),
    ("closed", QT_TRANSLATE_NOOP("OpportunitiesModel", "Closed")),
    ("lost_reason", QT_TRANSLATE_NOOP("OpportunitiesModel", "Lost reason")),
]
COL = {key: i for i, (key, _) in enumerate(COLUMNS)}
ID_ROLE = Role.ID
_ROOT = QModelIndex()
SORT_ROLE = Role.SORT
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class OpportunitiesModel(TableModel):
    CONTEXT = CTX
    COLUMNS = tuple(Column(key, header) for key, header in COLUMNS)

    def __init__(self, store: Store, today, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self._today = today  # callable → date
        self.rows: list[dict] = []
        self.reload()

    def reload(self) -> None:
        self.currency = self.store.reporting_currency
        self.today = self._today()
        rows = list_opportunities(self.store)
        for r in rows:
            r["value_rc"] = r["value_usd"] if self.currency == "USD" else r["value_khr"]
            r["weighted"] = (r["value_rc"] * r["probability"] + 50) // 100
            r["overdue"] = is_overdue(r, self.today)
        self.set_rows(rows)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not self.valid(index):
            return None
        r = self.rows[index.row()]
        key = self.column_key(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, key)
        if role == ID_ROLE:
            return r["id"]
        if role == EXPORT_ROLE:
            return self._export(r, key)
        if role == SORT_ROLE:
            if key == "value":
                return int(r["value_rc"])
            if key in ("probability", "weighted"):
                return int(r[key])
            if key == "stage":
                return int(r["stage_position"])
            return str(r[key] or "")
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("value", "probability",
                                                                 "weighted"):
            return _RIGHT
        if r["overdue"] and key == "expected_close":
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush(QColor("#c62828"))
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.ToolTipRole:
                return QCoreApplication.translate(CTX, "Overdue: the expected close date "
                                                  "has passed")
        return None

    def _export(self, r: dict, key: str) -> object:
        """The cell as a value for "Export this table"."""
        if key == "value":
            return Money(int(r["value"]), r["currency"])
        if key == "weighted":
            return Money(int(r["weighted"]), self.currency)
        if key == "probability":
            return Percent(r["probability"] / 100)
        if key in ("created", "expected_close", "closed"):
            return iso_day(r[key]) or ""
        return self._display(r, key)

    def _display(self, r: dict, key: str) -> str:
        f = fmt.current()
        if key == "stage":
            return stage_label(r["stage"])
        if key == "value":
            return f.money(r["value"], r["currency"])
        if key == "weighted":
            return f.figure(r["weighted"], self.currency)
        if key == "probability":
            return f.percent(r["probability"] / 100, places=0)
        if key in ("created", "expected_close", "closed"):
            return f.date(r[key])
        if key == "status":
            return status_label(r["status"])
        if key == "lost_reason":
            return reason_label(r["lost_reason"])
        return str(r[key] or "")


class OpportunitiesFilter(QSortFilterProxyModel):
    """Status filter ('' = all) and text search in title or contact."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._status = ""
        self._text = ""
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_status(self, status: str) -> None:
        self.beginFilterChange()
        self._status = status or ""
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = text.strip().casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        r = self.sourceModel().rows[source_row]
        if self._status and r["status"] != self._status:
            return False
        if self._text:
            return self._text in r["title"].casefold() or self._text in r["contact"].casefold()
        return True
