"""Log a call to a customer: outcome, note, follow-up date; with ready messages in Khmer
and English to copy (the customer's name and what they usually buy)."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.fonts import HINT_COLOUR
from kpidesk.metrics.callbacks import usual_products
from kpidesk.store import calls as store_calls
from kpidesk.store.calls import OUTCOMES, CallInput
from kpidesk.store.contacts import get_contact
from kpidesk.store.errors import ServerError, StoreError, ValidationError
from kpidesk.store.reference import list_named
from kpidesk.ui.callbacks import last_call_text, outcome_text, ready_message
from kpidesk.ui.messages import store_error_text, validation_text
from kpidesk.ui.screen import keep_on_screen
from kpidesk.ui.server_writes import refuse_save
from kpidesk.ui.widgets import DateEdit, ErrorLabel

tr = QCoreApplication.translate  # tr("Context", "text"): collected by tools/i18n/extract.py
FOLLOW_UP_DAYS = {"no_answer": 2, "promised": 7}  # a follow-up proposed after such a call


class CallDialog(QDialog):
    """One call to one contact; `saved_id` holds the call's id once saved."""

    def __init__(self, ctx, contact_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_on_screen(self)
        self.setObjectName("callDialog")
        self.ctx = ctx
        self.contact_id = contact_id
        self.saved_id: int | None = None
        store = ctx.store
        self.contact = get_contact(store, contact_id)
        self.products = usual_products(store, contact_id)
        history = store_calls.calls_of(store, contact_id)
        self.last_call = history[0] if history else None

        self.name_label = QLabel(self)
        font = self.name_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.name_label.setFont(font)
        self.about_label = QLabel(self)
        self.about_label.setWordWrap(True)
        self.about_label.setStyleSheet(f"color: {HINT_COLOUR};")

        self.outcome = QComboBox(self)
        self.outcome.setObjectName("outcome")
        for code in OUTCOMES:
            self.outcome.addItem("", code)
        self.outcome.currentIndexChanged.connect(self._outcome_changed)
        self.called_by = QComboBox(self)
        self.called_by.setObjectName("calledBy")
        self.called_by.addItem("", None)
        for sid, name in list_named(store, "salespeople", active_only=True):
            self.called_by.addItem(name, sid)
        if self.contact.salesperson_id is not None:
            index = self.called_by.findData(self.contact.salesperson_id)
            self.called_by.setCurrentIndex(max(0, index))
        self.day = DateEdit(self, default=ctx.today())
        self.day.setObjectName("callDate")
        self.follow_up = DateEdit(self, optional=True)
        self.follow_up.setObjectName("followUp")
        self._proposed = False  # the follow-up shown is the one proposed, not typed
        self.follow_up.textEdited.connect(lambda _t: setattr(self, "_proposed", False))
        self.note = QLineEdit(self)
        self.note.setObjectName("note")
        self.error = ErrorLabel(self)

        self.form = QFormLayout()
        self.labels = {key: QLabel(self) for key in ("outcome", "by", "date", "follow", "note")}
        for key, widget in (("outcome", self.outcome), ("by", self.called_by),
                            ("date", self.day), ("follow", self.follow_up),
                            ("note", self.note)):
            self.labels[key].setBuddy(widget)
            self.form.addRow(self.labels[key], widget)

        self.messages = QGroupBox(self)
        grid = QGridLayout(self.messages)
        self.message_km = QPlainTextEdit(self.messages)
        self.message_en = QPlainTextEdit(self.messages)
        self.copy_km = QPushButton(self.messages)
        self.copy_en = QPushButton(self.messages)
        self.copy_km.setObjectName("copyKhmer")
        self.copy_en.setObjectName("copyEnglish")
        for row, (edit, button, lang) in enumerate(((self.message_km, self.copy_km, "km"),
                                                    (self.message_en, self.copy_en, "en"))):
            edit.setReadOnly(True)
            edit.setFixedHeight(edit.fontMetrics().height() * 4 + 14)
            button.clicked.connect(lambda _=False, e=edit: self.copy(e))
            grid.addWidget(edit, row, 0)
            grid.addWidget(button, row, 1)
            edit.setPlainText(ready_message(lang, self.contact.name,
                                            ctx.store.setting("shop_name"), self.products))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name_label)
        layout.addWidget(self.about_label)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.messages)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.outcome.setFocus()

    def retranslate_ui(self) -> None:
        f = fmt.current()
        self.setWindowTitle(fmt.fill(tr("CallDialog", "Call %1"), self.contact.name))
        phone = f.phone(self.contact.phone) or tr("CallDialog", "no phone number")
        self.name_label.setText(f"{self.contact.name} · {phone}")
        about = []
        if self.products:
            about.append(fmt.fill(tr("CallDialog", "Usually buys: %1"), ", ".join(self.products)))
        about.append(fmt.fill(tr("CallDialog", "Last call: %1"), last_call_text(self.last_call)))
        if self.last_call is not None and self.last_call.note:
            about.append(f"“{self.last_call.note}”")
        self.about_label.setText(" · ".join(about))
        for i in range(self.outcome.count()):
            self.outcome.setItemText(i, outcome_text(self.outcome.itemData(i)))
        self.called_by.setItemText(0, tr("CallDialog", "(not said)"))
        self.labels["outcome"].setText(tr("CallDialog", "&Outcome:"))
        self.labels["by"].setText(tr("CallDialog", "Called &by:"))
        self.labels["date"].setText(tr("CallDialog", "&Date:"))
        self.labels["follow"].setText(tr("CallDialog", "Call &again on:"))
        self.labels["note"].setText(tr("CallDialog", "&Note:"))
        self.follow_up.setToolTip(tr("CallDialog", "Leave empty when no new call is needed"))
        self.messages.setTitle(tr("CallDialog", "Ready messages to send (Telegram, SMS)"))
        self.copy_km.setText(tr("CallDialog", "Copy &Khmer"))
        self.copy_en.setText(tr("CallDialog", "Copy &English"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("CallDialog", "&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(
            tr("CallDialog", "Cancel"))

    def _outcome_changed(self, _index: int) -> None:
        """Propose a follow-up after "no answer" (2 days) or "promised" (a week)."""
        days = FOLLOW_UP_DAYS.get(self.outcome.currentData())
        if self.follow_up.text().strip() and not self._proposed:
            return  # typed by the user: kept
        try:
            day = self.day.date()
        except ValidationError:
            day = self.ctx.today()
        self.follow_up.set_date(day + timedelta(days=days) if days else None)
        self._proposed = True

    def copy(self, edit: QPlainTextEdit) -> None:
        # without the zero-width word breaks (kept by chat apps, they break searching)
        QGuiApplication.clipboard().setText(edit.toPlainText().replace("\u200b", ""))

    def error_sentence(self, err: ValidationError) -> str:
        if err.field == "follow_up" and err.code == "before_call":
            return tr("CallDialog", "The follow-up date is before the call.")
        if err.field == "follow_up" and err.code == "bad_date":
            return tr("CallDialog", "The follow-up date does not exist.")
        if err.field == "contact":
            return tr("CallDialog", "This contact no longer exists.")
        return validation_text(err)

    def save(self) -> bool:
        try:
            call = CallInput(self.contact_id, self.day.iso("date") or "",
                             self.outcome.currentData(), self.note.text(),
                             self.follow_up.iso("follow_up"), self.called_by.currentData())
            self.saved_id = store_calls.add_call(self.ctx.store, call)
        except ValidationError as err:
            self.error.show_error(self.error_sentence(err))
            return False
        except ServerError as err:  # the server went away while this was open
            if not refuse_save(self.error, err):
                self.error.show_error(store_error_text(err))
            return False
        except StoreError as err:
            self.error.show_error(store_error_text(err))
            return False
        self.accept()
        return True
