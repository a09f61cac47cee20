"""To call today, per salesperson: follow-ups due, then at-risk customers not called since
their last purchase. Enter or double-click logs a call."""

from __future__ import annotations

from dataclasses import asdict

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.fonts import HINT_COLOUR
from kpidesk.metrics.callbacks import due_today
from kpidesk.store.reference import list_named
from kpidesk.ui.callbacks import DueCallsModel, _view
from kpidesk.ui.screen import keep_on_screen
from kpidesk.ui.server_writes import ServerWrites

tr = QCoreApplication.translate  # tr("Context", "text"): collected by tools/i18n/extract.py
SETTING = "calls/salesperson"  # the salesperson picked last time


class _Enter(QObject):
    def __init__(self, dialog: CallTodayDialog) -> None:
        super().__init__(dialog)
        self.dialog = dialog

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.dialog.log_call()
            return True
        return False


class CallTodayDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_on_screen(self)
        self.setObjectName("callTodayDialog")
        self.ctx = ctx
        self.resize(820, 480)
        self.who_label = QLabel(self)
        self.who = QComboBox(self)
        self.who.setObjectName("salesperson")
        self.who.addItem("", None)
        for sid, name in list_named(ctx.store, "salespeople", active_only=True):
            self.who.addItem(name, sid)
        remembered = ctx.settings.value(SETTING)
        if remembered not in (None, ""):
            self.who.setCurrentIndex(max(0, self.who.findData(int(remembered))))
        self.who.currentIndexChanged.connect(self._who_changed)
        self.who_label.setBuddy(self.who)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {HINT_COLOUR};")
        self.model = DueCallsModel(self)
        self.view = _view(self, self.model, "dueCalls")
        self.view.doubleClicked.connect(lambda _i: self.log_call())
        self.view.installEventFilter(_Enter(self))
        self.log_button = QPushButton(self)
        self.log_button.setObjectName("logCall")
        self.log_button.clicked.connect(self.log_call)
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("openContact")
        self.open_button.clicked.connect(self.open_contact)
        self.writes = ServerWrites(ctx, self)  # calls and contacts are on the server
        self.writes.add(self.log_button, self.open_button)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.buttons.addButton(self.log_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        top = QHBoxLayout()
        top.addWidget(self.who_label)
        top.addWidget(self.who, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.buttons)
        ctx.data_changed.connect(self._on_data_changed)
        ctx.language.language_changed.connect(self.retranslate_ui)
        self.reload()
        self.retranslate_ui()

    def retranslate_ui(self, *_: object) -> None:
        self.setWindowTitle(tr("CallTodayDialog", "To call today"))
        self.who_label.setText(tr("CallTodayDialog", "&Salesperson:"))
        self.who.setItemText(0, tr("CallTodayDialog", "Everyone"))
        self.hint.setText(fmt.fill(
            tr("CallTodayDialog", "%1 to call on %2: first the follow-ups promised, then good"
                                  " customers who stopped coming and were not called yet."),
            fmt.current().integer(self.model.rowCount()), fmt.current().date(self.ctx.today())))
        self.log_button.setText(tr("CallTodayDialog", "&Log a call…"))
        self.open_button.setText(tr("CallTodayDialog", "Open &contact"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            tr("CallTodayDialog", "Close"))
        self.model.retranslate()

    def _who_changed(self, _index: int) -> None:
        value = self.who.currentData()
        self.ctx.settings.setValue(SETTING, "" if value is None else int(value))
        self.reload()

    def _on_data_changed(self, topics: set) -> None:
        if topics & {"calls", "sales", "contacts", "imports"}:
            self.reload()

    def reload(self) -> None:
        rows = due_today(self.ctx.store, self.ctx.today(), self.who.currentData())
        self.model.set_rows([asdict(r) | {"last_call": r.last_call} for r in rows])
        if self.model.rowCount():
            self.view.selectRow(0)
        self.retranslate_ui()

    def current_contact(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.contact_id(index.row()) if index.isValid() else None

    def log_call(self) -> None:
        contact_id = self.current_contact()
        if contact_id is None:
            return
        from kpidesk.ui.dialogs.call_dialog import CallDialog

        CallDialog(self.ctx, contact_id, self).exec()

    def open_contact(self) -> None:
        contact_id = self.current_contact()
        opener = getattr(self.parent().window() if self.parent() else None, "open_contact", None)
        if contact_id is not None and callable(opener):
            opener(contact_id)
