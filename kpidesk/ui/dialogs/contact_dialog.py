"""Add or edit a contact (lead or customer)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.store.contacts import ContactInput
from kpidesk.store.errors import ServerError, ValidationError
from kpidesk.store.reference import list_named
from kpidesk.ui.messages import validation_text
from kpidesk.ui.models.opportunities_model import display_name
from kpidesk.ui.screen import keep_on_screen
from kpidesk.ui.server_writes import refuse_save


class ContactDialog(QDialog):
    """Name (Khmer or Latin), type, phone, source, salesperson, created date, note.

    `save(contact)` is called on OK; a ValidationError it raises is shown next to the
    field and the dialog stays open (nothing saved half-way).
    """

    def __init__(self, store, today, save: Callable[[ContactInput], object],
                 contact: ContactInput | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_on_screen(self)  # inside a small laptop's screen, whatever it holds
        self.setObjectName("contactDialog")
        self.store = store
        self._save = save
        self.editing = contact is not None
        self.result_value = None
        f = fmt.current()
        self.name_edit = QLineEdit(self)
        self.kind_combo = QComboBox(self)
        self.phone_edit = QLineEdit(self)
        self.source_combo = QComboBox(self)
        self.source_combo.setEditable(True)
        self.source_combo.addItem("")
        for _id, name in list_named(store, "channels"):
            self.source_combo.addItem(display_name(name), name)
        self.salesperson_combo = QComboBox(self)
        self.salesperson_combo.addItem("", None)
        for sp_id, name in list_named(store, "salespeople", active_only=True):
            self.salesperson_combo.addItem(name, sp_id)
        self.created_edit = QLineEdit(self)
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(70)
        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #c62828")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        self.form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(7)]
        for label, field in zip(self.labels, (self.name_edit, self.kind_combo, self.phone_edit,
                                              self.source_combo, self.salesperson_combo,
                                              self.created_edit, self.note_edit), strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        contact = contact or ContactInput(name="", created=today().isoformat())
        self.name_edit.setText(contact.name)
        self._kind = contact.kind
        self.phone_edit.setText(contact.phone)
        index = self.source_combo.findData(contact.source)
        if index >= 0:
            self.source_combo.setCurrentIndex(index)
        else:
            self.source_combo.setCurrentText(contact.source)
        index = self.salesperson_combo.findData(contact.salesperson_id)
        self.salesperson_combo.setCurrentIndex(max(0, index))
        self.created_edit.setText(f.date_numeric(contact.created))
        self.note_edit.setPlainText(contact.note)
        self.retranslate_ui()
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(contact.kind)))
        self.name_edit.setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Edit contact") if self.editing else self.tr("New contact"))
        for label, text in zip(self.labels, (
                self.tr("&Name:"), self.tr("&Type:"), self.tr("&Phone:"), self.tr("So&urce:"),
                self.tr("Sal&esperson:"), self.tr("&Created:"), self.tr("N&ote:")), strict=True):
            label.setText(text)
        current = self.kind_combo.currentData() or self._kind
        self.kind_combo.clear()
        self.kind_combo.addItem(self.tr("Customer"), "customer")
        self.kind_combo.addItem(self.tr("Lead (has not bought yet)"), "lead")
        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(current)))
        self.name_edit.setPlaceholderText(self.tr("Name in Khmer or Latin letters"))
        self.created_edit.setPlaceholderText(self.tr("day/month/year"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def value(self) -> ContactInput:
        text = self.created_edit.text().strip()
        try:
            created = fmt.parse_date(text).isoformat()
        except ValueError:
            created = text or ""
        return ContactInput(
            name=self.name_edit.text().strip(), created=created,
            kind=self.kind_combo.currentData() or "customer", phone=self.phone_edit.text().strip(),
            source=self._source(),
            salesperson_id=self.salesperson_combo.currentData(),
            note=self.note_edit.toPlainText())

    def _source(self) -> str:
        text = self.source_combo.currentText().strip()
        index = self.source_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0 and self.source_combo.itemData(index):
            return self.source_combo.itemData(index)  # stored name of a translated label
        return text

    def show_error(self, err: ValidationError) -> None:
        self.error_label.setText(validation_text(err))
        self.error_label.show()
        field = {"name": self.name_edit, "created": self.created_edit,
                 "kind": self.kind_combo}.get(err.field)
        if field is not None:
            field.setFocus(Qt.FocusReason.OtherFocusReason)

    def try_accept(self) -> None:
        try:
            self.result_value = self._save(self.value())
        except ValidationError as err:
            self.show_error(err)
            return
        except ServerError as err:  # the server went away while this was open
            if not refuse_save(self.error_label, err):
                raise
            return
        self.accept()
