"""Asking for the owner PIN before owner-only actions.

`owner_session()` is the way in for every owner-only route of the app: it asks for the
PIN (when the shop has one) saying why, and runs the action inside the store's owner
session, so the store lets the change through and the change history notes the PIN.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager

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
from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.tr import QT_TRANSLATE_NOOP, translator
from kpidesk.store import security
from kpidesk.store.db import Store
from kpidesk.store.errors import ValidationError
from kpidesk.ui.screen import keep_on_screen

tr = translator("PinDialog")


# Why the PIN is asked, by the reason codes of PinRequiredError and the app's routes.
REASONS = {
    "past_day": QT_TRANSLATE_NOOP("PinDialog", "Changing or deleting a sale of an earlier day "
                                               "is for the owner."),
    "negative": QT_TRANSLATE_NOOP("PinDialog", "Refunds and amounts below zero are for the "
                                               "owner."),
    "target": QT_TRANSLATE_NOOP("PinDialog", "Targets are set by the owner."),
    "merge": QT_TRANSLATE_NOOP("PinDialog", "Merging contacts is for the owner."),
    "setting": QT_TRANSLATE_NOOP("PinDialog", "The shop's settings are changed by the owner."),
    "delete": QT_TRANSLATE_NOOP("PinDialog", "Deleting records is for the owner."),
    "undo": QT_TRANSLATE_NOOP("PinDialog", "The owner made this change: undoing or redoing it "
                                           "is for the owner too."),
    "export": QT_TRANSLATE_NOOP("PinDialog", "Exporting is for the owner: the files hold "
                                             "customers' names and phone numbers."),
    "report": QT_TRANSLATE_NOOP("PinDialog", "Saving or printing the report is for the owner: "
                                             "it holds customers' names and phone numbers."),
    "import_targets": QT_TRANSLATE_NOOP("PinDialog", "Importing targets is for the owner."),
    "share": QT_TRANSLATE_NOOP("PinDialog", "Sharing the month's figures is for the owner."),
    "backups": QT_TRANSLATE_NOOP("PinDialog", "Restoring backups and changing how long they "
                                              "are kept is for the owner."),
    "history": QT_TRANSLATE_NOOP("PinDialog", "The change history is for the owner."),
    "pin": QT_TRANSLATE_NOOP("PinDialog", "Changing the owner PIN needs the current one."),
    "sync": QT_TRANSLATE_NOOP("PinDialog", "Bringing in a branch file changes the shop's "
                                           "figures: it is for the owner."),
    "discard_queued": QT_TRANSLATE_NOOP("PinDialog", "Throwing away a sale that waits to be "
                                                     "sent is for the owner."),
}


def reason_text(reason: str | None) -> str:
    return tr(REASONS[reason]) if reason in REASONS else ""


def require_owner(store: Store, parent: QWidget | None = None,
                  reason: str | None = None) -> bool:
    """True when no PIN is set, or the user typed the right one (asked saying why)."""
    if not security.has_pin(store):
        return True
    prompt = tr("This needs the owner's PIN:")
    why = reason_text(reason)
    if security.pin_state(store)[0] == "tampered":
        why = (why + "\n" if why else "") + tr(
            "The owner PIN was changed outside KPI Desk. Type the owner's PIN to put it back.")
    if why:
        prompt = why + "\n\n" + prompt
    return _ask_until_right(parent, prompt, lambda: security.seconds_to_wait(store),
                            lambda pin: security.check_pin(store, pin))


def _ask_until_right(parent: QWidget | None, prompt: str, seconds_to_wait: Callable[[], int],
                     check: Callable[[str], bool]) -> bool:
    """Ask the PIN until it is right (True), or the user cancels or must wait after too
    many wrong tries (False)."""
    while True:
        wait = seconds_to_wait()
        if wait:
            QMessageBox.warning(parent, tr("Owner PIN"),
                                fill_in(tr("Too many wrong PINs. Try again in %1 seconds."),
                                        fmt.current().integer(wait)))
            return False
        pin, ok = QInputDialog.getText(parent, tr("Owner PIN"), prompt,
                                       QLineEdit.EchoMode.Password)
        if not ok:
            return False
        try:
            if check(pin):
                return True
        except security.PinDelayError:
            continue
        QMessageBox.warning(parent, tr("Owner PIN"), tr("That PIN is not right."))


def require_owner_offline(known_copy, parent: QWidget | None = None,
                          reason: str | None = None) -> bool:
    """`require_owner` while a shared shop's server does not answer: the PIN is checked
    against its hash as this laptop last copied it (`store/known_copy.py`), wrong tries
    counted on this laptop."""
    from kpidesk.store import known_copy as copies

    if not copies.has_pin_offline(known_copy):
        return True
    why = reason_text(reason)
    prompt = tr("This needs the owner's PIN:")
    if why:
        prompt = why + "\n\n" + prompt
    return _ask_until_right(parent, prompt, lambda: copies.seconds_to_wait_offline(known_copy),
                            lambda pin: copies.check_pin_offline(known_copy, pin))


@contextmanager
def owner_session(store: Store, parent: QWidget | None = None,
                  reason: str | None = None) -> Iterator[bool]:
    """Ask for the owner PIN if the shop has one; yields whether the owner allowed it.
    Inside, the store makes owner-only changes (and the history notes the PIN)::

        with owner_session(store, self, "delete") as allowed:
            if not allowed:
                return False
            ...
    """
    typed = security.has_pin(store)
    if not require_owner(store, parent, reason):
        yield False
        return
    with security.owner_session(store, with_pin=typed):
        yield True


class OwnerPinDialog(QDialog):
    """Set, change or remove the owner PIN (the current one is asked first)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_on_screen(self)  # inside a small laptop's screen, whatever it holds
        self.store = store
        self.with_pin = security.has_pin(store)  # the current PIN was typed to get here
        self.setObjectName("ownerPinDialog")
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
        self.intro.setText(tr("With an owner PIN, staff can still enter sales and contacts, "
                              "correct today's sales and see every figure. Changing sales of "
                              "earlier days, refunds, targets and settings, deleting or "
                              "merging records, restoring backups, exporting, saving or "
                              "printing reports and the change history ask for the PIN."))
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
            with security.owner_session(self.store, with_pin=self.with_pin):
                security.set_pin(self.store, pin)
        except ValidationError:
            f = fmt.current()
            self.error.setText(fmt.fill(tr("A PIN is %1 to %2 digits."), f.integer(4),
                                        f.integer(12)))
            return
        self.accept()

    def remove(self) -> None:
        with security.owner_session(self.store, with_pin=self.with_pin):
            security.set_pin(self.store, None)
        self.accept()


def change_owner_pin(store: Store, parent: QWidget | None = None) -> bool:
    """Ask for the current PIN (if any), then let the owner set, change or remove it."""
    if not require_owner(store, parent, "pin"):
        return False
    return OwnerPinDialog(store, parent).exec() == QDialog.DialogCode.Accepted
