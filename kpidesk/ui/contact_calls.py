"""The Calls tab of a contact's page: every call with its outcome, note and follow-up, a
button to log a new one and one to delete a call logged by mistake (undoable)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import QT_TRANSLATE_NOOP
from kpidesk.store import calls as store_calls
from kpidesk.store.calls import Call
from kpidesk.ui.callbacks import _view, outcome_text
from kpidesk.ui.commands import StoreCommand, push
from kpidesk.ui.commands.base import Describe
from kpidesk.ui.models.dashboard_models import RowsModel
from kpidesk.ui.server_writes import ServerWrites

tr = QCoreApplication.translate  # tr("Context", "text"): collected by tools/i18n/extract.py


class CallsModel(RowsModel):
    CONTEXT = "CallsModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("CallsModel", "Date"),
        QT_TRANSLATE_NOOP("CallsModel", "Outcome"),
        QT_TRANSLATE_NOOP("CallsModel", "Note"),
        QT_TRANSLATE_NOOP("CallsModel", "Call again on"),
        QT_TRANSLATE_NOOP("CallsModel", "Called by"),
    )

    def call(self, row: int) -> Call | None:
        return self.rows[row]["call"] if 0 <= row < len(self.rows) else None

    def cell(self, row: dict, column: int):
        c: Call = row["call"]
        f = fmt.current()
        values = [(f.date(c.date), c.date), (outcome_text(c.outcome), c.outcome),
                  (c.note, c.note), (f.date(c.follow_up) if c.follow_up else "—", c.follow_up),
                  (c.salesperson or "—", c.salesperson)]
        text, raw = values[column]
        return text, raw, None


class _DeleteCall(StoreCommand):
    def __init__(self, store, call_id: int, text: str | Describe) -> None:
        super().__init__(store, text)
        self.call_id = call_id
        self.snapshot: dict | None = None

    def redo_change(self) -> None:
        self.snapshot = store_calls.delete_call(self.store, self.call_id)

    def undo_change(self) -> None:
        if self.snapshot is not None:
            store_calls.restore_call(self.store, self.snapshot)


class ContactCallsTab(QWidget):
    def __init__(self, ctx, contact_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactCalls")
        self.ctx = ctx
        self.contact_id = contact_id
        self.model = CallsModel(self)
        self.view = _view(self, self.model, "calls")
        self.view.horizontalHeader().setSectionResizeMode(
            0, self.view.horizontalHeader().ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setSectionResizeMode(
            2, self.view.horizontalHeader().ResizeMode.Stretch)
        self.log_button = QPushButton(self)
        self.log_button.setObjectName("logCall")
        self.log_button.clicked.connect(self.log_call)
        self.delete_button = QPushButton(self)
        self.delete_button.setObjectName("deleteCall")
        self.delete_button.clicked.connect(self.delete_current)
        self.writes = ServerWrites(ctx, self)  # calls are kept on a shared shop's server
        self.writes.add(self.log_button, self.delete_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.log_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        ctx.data_changed.connect(self._on_data_changed)
        self.reload()
        self.retranslate_ui()

    def tab_title(self) -> str:
        return fmt.fill(tr("ContactCallsTab", "Calls (%1)"),
                        fmt.current().integer(self.model.rowCount()))

    def retranslate_ui(self) -> None:
        self.log_button.setText(tr("ContactCallsTab", "&Log a call…"))
        self.delete_button.setText(tr("ContactCallsTab", "&Delete call"))
        self.model.retranslate()

    def _on_data_changed(self, topics: set) -> None:
        if "calls" in topics:
            self.reload()
            tabs = self.parent()
            # the QTabWidget, not the QStackedWidget it keeps its pages in
            while tabs is not None and not hasattr(tabs, "setTabText"):
                tabs = tabs.parent()
            if tabs is not None and tabs.indexOf(self) >= 0:
                tabs.setTabText(tabs.indexOf(self), self.tab_title())

    def reload(self) -> None:
        self.model.set_rows([{"call": c}
                             for c in store_calls.calls_of(self.ctx.store, self.contact_id)])
        self.writes.enable(self.delete_button, self.model.rowCount() > 0)

    def log_call(self) -> None:
        from kpidesk.ui.dialogs.call_dialog import CallDialog

        CallDialog(self.ctx, self.contact_id, self.window()).exec()

    def delete_current(self) -> None:
        index = self.view.currentIndex()
        call = self.model.call(index.row() if index.isValid() else 0)
        if call is None:
            return
        push(self.ctx.undo_stack, _DeleteCall(
            self.ctx.store, call.id,
            lambda day=call.date: fmt.fill(tr("ContactCallsTab", "Delete the call of %1"),
                                           fmt.current().date(day))))
