"""File ▸ History: the change history for the owner, newest first, with a filter.

Read-only: the store keeps the history append-only, and nothing here writes to it.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.tr import QT_TRANSLATE_NOOP, translator
from kpidesk.store import history
from kpidesk.store.errors import ValidationError
from kpidesk.store.topics import Topic
from kpidesk.ui.context import AppContext
from kpidesk.ui.messages import validation_text
from kpidesk.ui.models.base import Column, TableModel
from kpidesk.ui.widgets import DateEdit, ErrorLabel

LIMIT = 2000  # newest entries shown at once (the filter finds older ones)
INDEX = QModelIndex | QPersistentModelIndex

ACTION_NAMES = {
    "edit_sale": QT_TRANSLATE_NOOP("HistoryDialog", "Sale changed"),
    "delete_sale": QT_TRANSLATE_NOOP("HistoryDialog", "Sale deleted"),
    "refund": QT_TRANSLATE_NOOP("HistoryDialog", "Refund"),
    "import": QT_TRANSLATE_NOOP("HistoryDialog", "Import"),
    "undo_import": QT_TRANSLATE_NOOP("HistoryDialog", "Import undone"),
    "restore": QT_TRANSLATE_NOOP("HistoryDialog", "Backup restored"),
    "setting": QT_TRANSLATE_NOOP("HistoryDialog", "Setting changed"),
    "pin": QT_TRANSLATE_NOOP("HistoryDialog", "Owner PIN"),
    "target": QT_TRANSLATE_NOOP("HistoryDialog", "Target changed"),
    "delete": QT_TRANSLATE_NOOP("HistoryDialog", "Deleted"),
    "merge": QT_TRANSLATE_NOOP("HistoryDialog", "Contacts merged"),
    "undelete": QT_TRANSLATE_NOOP("HistoryDialog", "Put back (undo)"),
    "unmerge": QT_TRANSLATE_NOOP("HistoryDialog", "Merge undone"),
    "sync": QT_TRANSLATE_NOOP("HistoryDialog", "Branch file brought in"),
}

# The filter's choices: a label and the actions it shows.
FILTERS = [
    (QT_TRANSLATE_NOOP("HistoryDialog", "All changes"), ()),
    (QT_TRANSLATE_NOOP("HistoryDialog", "Sales changed or deleted"),
     ("edit_sale", "delete_sale", "undelete")),
    (QT_TRANSLATE_NOOP("HistoryDialog", "Refunds"), ("refund",)),
    (QT_TRANSLATE_NOOP("HistoryDialog", "Imports"), ("import", "undo_import")),
    (QT_TRANSLATE_NOOP("HistoryDialog", "Restores"), ("restore",)),
    (QT_TRANSLATE_NOOP("HistoryDialog", "Settings"), ("setting",)),
    (QT_TRANSLATE_NOOP("HistoryDialog", "Targets"), ("target",)),
    (QT_TRANSLATE_NOOP("HistoryDialog", "Deletes and merges"),
     ("delete", "merge", "unmerge", "delete_sale")),
    (QT_TRANSLATE_NOOP("HistoryDialog", "Owner PIN"), ("pin",)),
]

SETTING_NAMES = {
    "shop_name": QT_TRANSLATE_NOOP("HistoryDialog", "Shop name"),
    "branch_name": QT_TRANSLATE_NOOP("HistoryDialog", "Branch name"),
    "reporting_currency": QT_TRANSLATE_NOOP("HistoryDialog", "Reporting currency"),
    "default_rate": QT_TRANSLATE_NOOP("HistoryDialog", "Default exchange rate"),
    "loyal_min_orders": QT_TRANSLATE_NOOP("HistoryDialog", "Orders that make a loyal customer"),
    "lead_window_days": QT_TRANSLATE_NOOP("HistoryDialog", "Days a lead has to buy"),
    "backup_keep_daily": QT_TRANSLATE_NOOP("HistoryDialog", "Daily backups kept (days)"),
    "backup_keep_monthly": QT_TRANSLATE_NOOP("HistoryDialog", "Monthly backups kept (months)"),
    "backup_dir": QT_TRANSLATE_NOOP("HistoryDialog", "Backup folder"),
}

LIST_NAMES = {
    "salespeople": QT_TRANSLATE_NOOP("HistoryDialog", "Salesperson"),
    "categories": QT_TRANSLATE_NOOP("HistoryDialog", "Category"),
    "channels": QT_TRANSLATE_NOOP("HistoryDialog", "Channel"),
    "products": QT_TRANSLATE_NOOP("HistoryDialog", "Product"),
    "lost_reasons": QT_TRANSLATE_NOOP("HistoryDialog", "Lost reason"),
    "stages": QT_TRANSLATE_NOOP("HistoryDialog", "Stage"),
}

PIN_STATES = {
    "none": QT_TRANSLATE_NOOP("HistoryDialog", "no PIN"),
    "set": QT_TRANSLATE_NOOP("HistoryDialog", "PIN set"),
    "changed": QT_TRANSLATE_NOOP("HistoryDialog", "PIN changed"),
    "removed": QT_TRANSLATE_NOOP("HistoryDialog", "PIN removed"),
    "upgraded": QT_TRANSLATE_NOOP("HistoryDialog", "PIN stored more strongly"),
    "repaired": QT_TRANSLATE_NOOP("HistoryDialog", "PIN put back after a change outside KPI Desk"),
    "tampered": QT_TRANSLATE_NOOP("HistoryDialog", "changed outside KPI Desk"),
    "kept after a restore": QT_TRANSLATE_NOOP("HistoryDialog", "PIN kept after a restore"),
    "kept at an upgrade": QT_TRANSLATE_NOOP("HistoryDialog", "PIN set"),
}



tr = translator("HistoryDialog")


# -- turning entries into words ------------------------------------------------------------
def _money_list(lines: list) -> str:
    f = fmt.current()
    return " + ".join(f.money(int(amount), currency) for amount, currency in lines)


def describe_subject(entry: history.HistoryEntry) -> str:
    f = fmt.current()
    kind, _, rest = entry.subject.partition(" ")
    if entry.action == "setting" and entry.subject in SETTING_NAMES:
        return tr(SETTING_NAMES[entry.subject])
    if entry.action == "setting" and entry.subject.startswith("shared_backup_dir:"):
        return fill_in(tr("Backup folder of the laptop %1"), entry.subject.partition(":")[2])
    if kind in LIST_NAMES:
        value = entry.after if isinstance(entry.after, dict) else entry.before
        name = value.get("name", "") if isinstance(value, dict) else ""
        return f"{tr(LIST_NAMES[kind])}: {name}" if name else tr(LIST_NAMES[kind])
    if kind == "order":
        return fill_in(tr("Sale no. %1"), f.digits(rest))
    if kind == "contact":
        return fill_in(tr("Contact no. %1"), f.digits(rest))
    if kind == "opportunity":
        return fill_in(tr("Opportunity no. %1"), f.digits(rest))
    if entry.action == "target":
        parts = entry.subject.split(" ")
        if len(parts) == 3:
            period, measure, who = parts
            measures = {"revenue": tr("revenue"), "new_customers": tr("new customers"),
                        "won_opportunities": tr("won opportunities")}
            scope = tr("whole shop") if who == "shop" else fill_in(tr("salesperson no. %1"), f.digits(who))
            return f"{f.month(period)} · {measures.get(measure, measure)} · {scope}"
    if entry.action == "pin":
        return tr("Owner PIN")
    return f.digits(entry.subject)


def describe_value(entry: history.HistoryEntry, value: object) -> str:
    """One side of a change (before or after) in words; '' for nothing."""
    f = fmt.current()
    if value is None:
        return ""
    if not isinstance(value, dict):
        return f.digits(str(value))
    if entry.action == "pin":
        state = str(value.get("pin", ""))
        return tr(PIN_STATES[state]) if state in PIN_STATES else state
    if "lines" in value and "date" in value:  # a sale
        parts = [f.date(value["date"])]
        if value.get("number"):
            parts.append(f.digits(str(value["number"])))
        parts.append(_money_list(value.get("lines") or []))
        return " · ".join(parts)
    if entry.action == "target" and "value" in value:
        amount = value.get("value")
        if value.get("currency"):
            return f.money(int(amount), str(value["currency"]))
        return f.integer(int(amount))
    if entry.action == "setting" and set(value) == {"value"}:
        text = str(value["value"])
        return f.integer(int(text)) if text.isdigit() else f.digits(text)
    if "kept" in value or "removed" in value:  # a merge
        parts = []
        for key, label in (("kept", tr("kept: %1")), ("removed", tr("removed: %1"))):
            if isinstance(value.get(key), dict):
                parts.append(fill_in(label, value[key].get("name", "")))
        if value.get("orders moved") is not None:
            parts.append(fill_in(tr("%1 sales moved"), f.integer(int(value["orders moved"]))))
        return "; ".join(parts)
    if "name" in value and "phone" in value:  # a contact
        return f"{value['name']} ({f.digits(value['phone'])})" if value["phone"] else value["name"]
    if "title" in value and "value" in value:  # an opportunity
        return f"{value['title']} · {f.money(int(value['value']), str(value['currency']))}"
    words = []
    for key, item in value.items():
        if key == "active":
            words.append(tr("active") if item else tr("inactive"))
        elif key == "category":
            words.append(fill_in(tr("category: %1"), str(item) or tr("none")))
        elif key == "probability":
            words.append(f.percent(int(item) / 100, places=0))
        elif key == "position":
            words.append(fill_in(tr("position %1"), f.integer(int(item))))
        elif key in ("name", "category_id"):
            if key == "name":
                words.append(str(item))
        else:
            words.append(f.digits(f"{key}: {item}"))
    return " · ".join(words)


class HistoryModel(TableModel):
    CONTEXT = "HistoryDialog"
    COLUMNS = tuple(Column(key, header) for key, header in (
        ("when", QT_TRANSLATE_NOOP("HistoryDialog", "When")),
        ("change", QT_TRANSLATE_NOOP("HistoryDialog", "Change")),
        ("what", QT_TRANSLATE_NOOP("HistoryDialog", "What")),
        ("before", QT_TRANSLATE_NOOP("HistoryDialog", "Before")),
        ("after", QT_TRANSLATE_NOOP("HistoryDialog", "After")),
        ("pin", QT_TRANSLATE_NOOP("HistoryDialog", "Owner PIN")),
        ("by", QT_TRANSLATE_NOOP("HistoryDialog", "By"))))

    def row_id(self, row: history.HistoryEntry) -> int:
        return row.id

    def set_entries(self, rows: list[history.HistoryEntry]) -> None:
        self.set_rows(rows)

    def data(self, index: INDEX, role: int = Qt.ItemDataRole.DisplayRole):
        if not self.valid(index):
            return None
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        entry = self.rows[index.row()]
        column = self.column_key(index.column())
        f = fmt.current()
        if column == "when":
            day, _, clock = entry.at.partition("T")
            return f"{f.date(day)} {f.digits(clock[:5])}"
        if column == "change":
            return tr(ACTION_NAMES[entry.action]) if entry.action in ACTION_NAMES \
                else entry.action
        if column == "what":
            return describe_subject(entry)
        if column == "before":
            return describe_value(entry, entry.before)
        if column == "after":
            return describe_value(entry, entry.after)
        if column == "pin":
            return tr("given") if entry.with_pin else tr("not given")
        source = tr("command line") if entry.source == "cli" else tr("app")
        return f"{entry.user} ({source})" if entry.user else source


class HistoryDialog(QDialog):
    """The change history, read-only, with a filter by kind of change, text and dates."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("historyDialog")
        self.resize(1100, 620)
        self.kind_label = QLabel(self)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("historyKind")
        for _label, actions in FILTERS:
            self.kind_combo.addItem("", actions)
        self.kind_label.setBuddy(self.kind_combo)
        self.search = QLineEdit(self)
        self.search.setObjectName("historyText")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(260)
        self.from_edit = DateEdit(self, optional=True)
        self.to_edit = DateEdit(self, optional=True)
        self.from_label, self.to_label = QLabel(self), QLabel(self)
        self.from_label.setBuddy(self.from_edit)
        self.to_label.setBuddy(self.to_edit)
        for edit in (self.from_edit, self.to_edit):
            edit.setMaximumWidth(120)
        self.error = ErrorLabel(self)
        self.model = HistoryModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in enumerate((125, 130, 160, 230, 230, 110)):
            self.table.setColumnWidth(column, width)
        self.summary = QLabel(self)
        self.summary.setObjectName("historySummary")
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: palette(mid);")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        bar = QHBoxLayout()
        for widget in (self.kind_label, self.kind_combo, self.search, self.from_label,
                       self.from_edit, self.to_label, self.to_edit, self.error):
            bar.addWidget(widget, 1 if widget is self.search else 0)
        bottom = QHBoxLayout()
        bottom.addWidget(self.summary)
        bottom.addStretch(1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addLayout(bottom)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.from_edit.editingFinished.connect(self.refresh)
        self.to_edit.editingFinished.connect(self.refresh)
        ctx.language.language_changed.connect(self.retranslate_ui)
        ctx.data_changed.connect(self._on_data_changed)
        self.retranslate_ui()
        self.refresh()

    def retranslate_ui(self, *_: object) -> None:
        self.setWindowTitle(tr("Change history"))
        self.kind_label.setText(tr("&Show:"))
        for i, (label, _actions) in enumerate(FILTERS):
            self.kind_combo.setItemText(i, tr(label))
        self.search.setPlaceholderText(tr("Search: receipt, name, product, setting…"))
        self.from_label.setText(tr("&From:"))
        self.to_label.setText(tr("&To:"))
        for edit in (self.from_edit, self.to_edit):
            edit.retranslate_ui()
        self.note.setText(tr("Every change of a sale of an earlier day, delete, refund, "
                             "import, restore and setting is kept here, with whether the "
                             "owner PIN was given. Nothing here can be changed."))
        self.model.retranslate()
        self._update_summary()

    def _on_data_changed(self, _topics: set[Topic]) -> None:
        if self.isVisible():
            self.refresh()

    def done(self, result: int) -> None:
        """Closed: no refresh may run later (the shop may be closed by then)."""
        self._timer.stop()
        if not getattr(self, "_closed", False):
            self._closed = True
            self.ctx.data_changed.disconnect(self._on_data_changed)
            self.ctx.language.language_changed.disconnect(self.retranslate_ui)
        super().done(result)

    def refresh(self) -> None:
        self.error.clear_error()
        try:
            since = self.from_edit.iso()
            until = self.to_edit.iso()
        except ValidationError as err:
            self.error.show_error(validation_text(err))
            return
        found = history.entries(self.ctx.store, action=self.kind_combo.currentData() or None,
                                text=self.search.text().strip() or None, since=since,
                                until=until, limit=LIMIT + 1)
        self._more = len(found) > LIMIT
        self.model.set_entries(found[:LIMIT])
        self._update_summary()

    def _update_summary(self) -> None:
        f = fmt.current()
        count = len(self.model.rows)
        if getattr(self, "_more", False):
            text = tr("The newest %1 changes shown: narrow the filter to see older ones.")
        else:
            text = tr("%1 changes")
        self.summary.setText(fill_in(text, f.integer(count)))
