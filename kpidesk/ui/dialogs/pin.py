"""Asking for the owner PIN before owner-only actions."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget

from kpidesk.store import security
from kpidesk.store.db import Store


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
