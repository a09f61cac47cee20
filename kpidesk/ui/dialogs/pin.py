"""Asking for the owner PIN before owner-only actions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.store import security
from kpidesk.store.db import Store
from kpidesk.store.errors import ValidationError


def tr(text: str) -> str:
    return QCoreApplication.translate("PinDialog", text)


def require_owner(store: Store, parent: QWidget | None = None) -> bool:
    """True when no PIN is set, or the user typed the right one."""
    if not security.has_pin(store):
        return True
    while True:
        wait = security.seconds_to_wait(store)
        if wait:
            QMessageBox.warning(parent, tr("Owner PIN"),
                                tr("Too many wrong PINs. Try again in %1 seconds.")
                                .replace("%1", str(wait)))
            return False
        pin, ok = QInputDialog.getText(parent, tr("Owner PIN"),
                                       tr("This needs the owner's PIN:"),
                                       QLineEdit.EchoMode.Password)
        if not ok:
            return False
        try:
            if security.check_pin(store, pin):
                return True
        except security.PinDelayError:
            continue
        QMessageBox.warning(parent, tr("Owner PIN"), tr("That PIN is not right."))


class OwnerPinDialog(QDialog):
    """Set, change or remove the owner PIN (the current one is asked first)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("OwnerPinDialog")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.new_pin = QLineEdit()
        self.new_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat_pin = QLineEdit()
        self.repeat_pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020")
        self.new_label, self.repeat_label = QLabel(), QLabel()
        self.new_label.setBuddy(self.new_pin)
        self.repeat_label.setBuddy(self.repeat_pin)
        form = QFormLayout()
        form.addRow(self.new_label, self.new_pin)
        form.addRow(self.repeat_label, self.repeat_pin)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.remove_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.DestructiveRole)
        self.remove_button.setVisible(security.has_pin(store))
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.remove_button.clicked.connect(self.remove)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("Owner PIN"))
        self.intro.setText(tr("With an owner PIN, staff can still enter sales and contacts and "
                              "see every figure, but changing targets and settings, deleting "
                              "or merging records, restoring backups and exporting ask for "
                              "the PIN."))
        f = fmt.current()
        self.new_label.setText(fmt.fill(tr("&New PIN (%1 to %2 digits):"), f.integer(4),
                                        f.integer(12)))
        self.repeat_label.setText(tr("&Repeat it:"))
        self.remove_button.setText(tr("Remove the PIN"))

    def save(self) -> None:
        pin = self.new_pin.text().strip()
        if pin != self.repeat_pin.text().strip():
            self.error.setText(tr("The two PINs are not the same."))
            return
        try:
            security.set_pin(self.store, pin)
        except ValidationError:
            f = fmt.current()
            self.error.setText(fmt.fill(tr("A PIN is %1 to %2 digits."), f.integer(4),
                                        f.integer(12)))
            return
        self.accept()

    def remove(self) -> None:
        security.set_pin(self.store, None)
        self.accept()


def change_owner_pin(store: Store, parent: QWidget | None = None) -> bool:
    """Ask for the current PIN (if any), then let the owner set, change or remove it."""
    if not require_owner(store, parent):
        return False
    return OwnerPinDialog(store, parent).exec() == QDialog.DialogCode.Accepted
