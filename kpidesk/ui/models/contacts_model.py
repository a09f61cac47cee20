"""The contacts table: leads and customers with their purchases and status.

Rows come from `kpidesk.store.contacts.contact_table` (customer rollups, never the
sale lines), kept as tuples read by column name (`ContactRow`): a shop of 250,000
contacts stays near 100 MB. Statuses come from
`kpidesk.metrics.contact_status.contact_statuses`.
"""

from __future__ import annotations

from array import array

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import QT_TRANSLATE_NOOP
from kpidesk.metrics.contact_status import STATUSES as STATUS_NAMES
from kpidesk.metrics.contact_status import status_codes
from kpidesk.store.contacts import CONTACT_TABLE_COLUMNS, contact_table
from kpidesk.store.db import Store
from kpidesk.ui.export import EXPORT_ROLE, Money, iso_day
from kpidesk.ui.models.base import Column, Role, TableModel
from kpidesk.ui.models.opportunities_model import display_name

CTX = "ContactsModel"
COLUMNS = (
    Column("type", QT_TRANSLATE_NOOP("ContactsModel", "Type")),
    Column("name", QT_TRANSLATE_NOOP("ContactsModel", "Name")),
    Column("phone", QT_TRANSLATE_NOOP("ContactsModel", "Phone")),
    Column("source", QT_TRANSLATE_NOOP("ContactsModel", "Source")),
    Column("salesperson", QT_TRANSLATE_NOOP("ContactsModel", "Salesperson")),
    Column("created", QT_TRANSLATE_NOOP("ContactsModel", "Created")),
    Column("first_purchase", QT_TRANSLATE_NOOP("ContactsModel", "First purchase")),
    Column("last_purchase", QT_TRANSLATE_NOOP("ContactsModel", "Last purchase")),
    Column("orders", QT_TRANSLATE_NOOP("ContactsModel", "Orders")),
    Column("revenue_365", QT_TRANSLATE_NOOP("ContactsModel", "Revenue, last %1 days"), (365,)),
    Column("status", QT_TRANSLATE_NOOP("ContactsModel", "Status")),
)
COL = {column.key: i for i, column in enumerate(COLUMNS)}

STATUS_CTX = "ContactStatus"
STATUSES = {
    "new": QT_TRANSLATE_NOOP("ContactStatus", "New"),
    "active": QT_TRANSLATE_NOOP("ContactStatus", "Active"),
    "loyal": QT_TRANSLATE_NOOP("ContactStatus", "Loyal"),
    "at_risk": QT_TRANSLATE_NOOP("ContactStatus", "At risk"),
    "lapsed": QT_TRANSLATE_NOOP("ContactStatus", "Lapsed"),
    "lead": QT_TRANSLATE_NOOP("ContactStatus", "No purchase yet"),
}
STATUS_COLORS = {"new": "#1565c0", "loyal": "#2e7d32", "at_risk": "#c62828",
                 "lapsed": "#757575"}
KINDS = {
    "lead": QT_TRANSLATE_NOOP("ContactKind", "Lead"),
    "customer": QT_TRANSLATE_NOOP("ContactKind", "Customer"),
}

ID_ROLE = Role.ID
SORT_ROLE = Role.SORT


# What a row keeps of contact_table's columns (what the table shows and sorts by).
ROW_COLUMNS = ("id", "name", "phone", "source", "salesperson", "created", "first_purchase",
               "last_purchase", "orders", "revenue_365", "status", "type")
_POSITION = {key: i for i, key in enumerate(ROW_COLUMNS)}
_FROM_TABLE = [CONTACT_TABLE_COLUMNS.index(key) for key in ROW_COLUMNS[:8]]


class ContactRow(tuple):
    """One contact of the table: a tuple of ROW_COLUMNS, also read by name (row["name"])."""

    __slots__ = ()

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            return tuple.__getitem__(self, _POSITION[key])
        return tuple.__getitem__(self, key)

    def get(self, key: str, default=None):
        return self[key] if key in _POSITION else default


def status_label(status: str) -> str:
    return QCoreApplication.translate(STATUS_CTX, STATUSES.get(status, status))


def kind_label(kind: str) -> str:
    return QCoreApplication.translate("ContactKind", KINDS.get(kind, kind))


class ContactsModel(TableModel):
    CONTEXT = CTX
    COLUMNS = COLUMNS

    def __init__(self, store: Store, today, parent=None, load: bool = True) -> None:
        super().__init__(parent)
        self.store = store
        self._today = today  # callable → date
        self.rows: list[ContactRow] = []
        self._row_at = array("i")  # row of each contact id (see rows_changed)
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self.currency = store.reporting_currency
        if load:
            self.reload()

    # -- data -------------------------------------------------------------------
    def reload(self) -> None:
        self.beginResetModel()
        today = self._today()
        self.rows = []  # the old rows go before the new ones are made
        self._row_at = array("i")
        codes = status_codes(self.store, today)
        currency = self.store.reporting_currency
        at = CONTACT_TABLE_COLUMNS.index
        first, kind, orders = at("first_purchase"), at("kind"), at("orders")
        revenue = at("revenue_365_usd" if currency == "USD" else "revenue_365_khr")

        def status(r: tuple) -> str:
            code = codes[r[0]] if r[0] < len(codes) else -1
            return STATUS_NAMES[code] if code >= 0 else ("active" if r[first] else "lead")

        self.rows = [
            ContactRow((*(r[i] for i in _FROM_TABLE), r[orders], r[revenue], status(r),
                        "customer" if (r[first] or r[kind] == "customer") else "lead"))
            for r in contact_table(self.store, today)]
        self.currency = currency
        self._sort_rows()
        self.endResetModel()

    def sort_key(self, key: str):
        """The raw value a column sorts by (numbers as numbers, the status in its order)."""
        if key in ("orders", "revenue_365"):
            return lambda r: int(r[key] or 0)
        if key == "status":
            order = {status: i for i, status in enumerate(STATUSES)}
            return lambda r: order.get(r["status"], 99)
        return lambda r: str(r[key] or "").casefold()

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort in Python on the raw values: ~25k contacts in a few ms, where a proxy
        asking data() for every comparison took seconds."""
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        ids = [self.rows[i.row()]["id"] for i in persistent]
        self._sort_rows()
        moved = [self.index(self._row_at[i], p.column())
                 for i, p in zip(ids, persistent, strict=True)]
        self.changePersistentIndexList(persistent, moved)
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        if self._sort is not None:
            column, order = self._sort
            self.rows.sort(key=self.sort_key(COLUMNS[column].key),
                           reverse=order == Qt.SortOrder.DescendingOrder)
        self.rows_changed()

    def rows_changed(self) -> None:
        """Row of each contact id: ids are dense, so an array of ints, not the base's dict
        (250,000 contacts)."""
        top = max((r[0] for r in self.rows), default=0)
        self._row_at = array("i", [-1]) * (top + 1)
        for i, r in enumerate(self.rows):
            self._row_at[r[0]] = i

    def row_of(self, contact_id: int) -> int | None:  # type: ignore[override]
        if not 0 <= contact_id < len(self._row_at) or self._row_at[contact_id] < 0:
            return None
        return self._row_at[contact_id]

    def contact(self, row: int) -> ContactRow:
        return self.rows[row]

    # -- Qt model API --------------------------------------------------------------
    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not self.valid(index):
            return None
        r = self.rows[index.row()]
        key = COLUMNS[index.column()].key
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(r, key)
        if role == SORT_ROLE:
            value = r[key]
            if key in ("orders", "revenue_365"):
                return int(value or 0)
            if key == "status":
                return list(STATUSES).index(value) if value in STATUSES else 99
            return str(value or "")
        if role == ID_ROLE:
            return r["id"]
        if role == EXPORT_ROLE:
            return self._export(r, key)
        if role == Qt.ItemDataRole.TextAlignmentRole and key in ("orders", "revenue_365"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and key == "status":
            color = STATUS_COLORS.get(r["status"])
            return QBrush(QColor(color)) if color else None
        return None

    def _export(self, r: ContactRow, key: str) -> object:
        """The cell as a value for "Export this table": dates, numbers, money, plain text
        (a phone number as typed, with its leading 0 and Latin digits)."""
        if key in ("created", "first_purchase", "last_purchase"):
            return iso_day(r[key])
        if key == "orders":
            return int(r["orders"] or 0)
        if key == "revenue_365":
            return Money(int(r["revenue_365"] or 0), self.currency)
        if key == "phone":
            return r["phone"] or ""
        return self._display(r, key)

    def _display(self, r: ContactRow, key: str) -> str:
        f = fmt.current()
        if key == "type":
            return kind_label(r["type"])
        if key == "status":
            return status_label(r["status"])
        if key in ("created", "first_purchase", "last_purchase"):
            return f.date(r[key])
        if key == "orders":
            return f.integer(r["orders"])
        if key == "revenue_365":
            return f.figure(r["revenue_365"], self.currency)
        if key == "source":
            return display_name(r["source"] or "")
        if key == "phone":
            return f.phone(r["phone"])
        return str(r[key] or "")


class ContactsFilter(QSortFilterProxyModel):
    """Search in name or phone (Khmer or Latin digits), filter by status, sort by raw values."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._text = ""
        self._status = ""
        self.setSortRole(SORT_ROLE)
        self.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._text = fmt.latin_digits(text.strip()).casefold()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_status(self, status: str) -> None:
        self.beginFilterChange()
        self._status = status or ""
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """The source model sorts itself (fast); this proxy keeps its order and only filters."""
        self.sourceModel().sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent) -> bool:  # noqa: N802
        model = self.sourceModel()
        r = model.rows[source_row]
        if self._status and r["status"] != self._status:
            return False
        if self._text:
            phone = (r["phone"] or "").replace(" ", "")
            return (self._text in r["name"].casefold()
                    or self._text.replace(" ", "") in phone)
        return True
