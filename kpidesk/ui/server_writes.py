"""What needs a shared shop's server in a tab, disabled while the server does not answer.

Each tab keeps one `ServerWrites` and registers with it every action that changes the
shop, exports or prints from it, or opens a dialog that does (`add`); where a tab enables
such an action by its own rule (a selection), it says so through `enable`, so the rule and
the server's state are combined in one place. While the server does not answer
(`SaleQueue.server_down`), every registered button, action or shortcut is disabled and
shows why as its tooltip and status tip, in the user's language; when the server answers,
each gets back its own tooltip and the state its tab asked for. A route that reaches a
write by another way (a drag on the pipeline board) asks `refuse` first.

A dialog already open when the server goes away refuses its save with `refusal_text` and
keeps what was typed (`kpidesk/ui/dialogs/contact_dialog.py` and the others).

A shop file has no server: nothing is ever disabled there.
"""

from __future__ import annotations

from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction, QShortcut
from PySide6.QtWidgets import QLabel, QMainWindow, QWidget

from kpidesk.i18n.tr import translator
from kpidesk.store.errors import ServerError
from kpidesk.ui.main_window_offline import needs_server_text  # the window's own reason

tr = translator("ServerWrites")


def refusal_text() -> str:
    """What an open dialog says when its save finds the server gone."""
    return tr("Not saved: the shop's server does not answer. What you typed is still here; "
              "save again when it is back.")


def refuse_save(label: QLabel, err: ServerError) -> bool:
    """For a dialog whose save met `err`: when it is the server gone, the dialog's error
    line says so (what was typed stays), the app learns the server is lost, and True;
    False for any other ServerError (the caller raises it again)."""
    if err.reason != "unreachable":
        return False
    from kpidesk.ui.server_status import server_lost

    server_lost(err)
    label.setText(refusal_text())
    label.show()
    return True


Target = QWidget | QAction | QShortcut


@dataclass
class _Registered:
    target: Target
    wanted: bool = True  # what the tab's own rule asks
    shown_reason: str | None = None  # the reason set as its tooltip, while disabled
    own_tip: str = ""
    own_status: str = ""


class ServerWrites(QObject):
    """The actions of one tab that need the shop's server (see the module's notes)."""

    def __init__(self, ctx, parent: QWidget) -> None:
        super().__init__(parent)
        self._queue = ctx.server_queue  # None for a shop file
        self._registered: list[_Registered] = []
        if self._queue is not None:
            self._queue.changed.connect(self.apply)
            ctx.language.language_changed.connect(self._language_changed)

    def _language_changed(self, *_: object) -> None:
        # the reason in the new language now, and again once every retranslate_ui has run
        # (one connected after this may set a button's own tooltip again)
        self.apply()
        QTimer.singleShot(0, self, self.apply)

    def allowed(self) -> bool:
        """Whether writes may go to the shop now."""
        return self._queue is None or not self._queue.server_down

    def add(self, *targets: Target) -> None:
        """Register buttons, actions or shortcuts that need the server."""
        for target in targets:
            self._registered.append(_Registered(target, wanted=target.isEnabled()))
        self.apply()

    def enable(self, target: Target, wanted: bool) -> None:
        """What the tab's rule asks for a registered target; applied with the server's
        state."""
        for entry in self._registered:
            if entry.target is target:
                entry.wanted = wanted
                break
        else:
            raise KeyError("not registered as needing the server")
        target.setEnabled(wanted and self.allowed())

    def targets(self) -> list[Target]:
        """The registered targets still alive (what tests walk)."""
        return [e.target for e in self._registered if shiboken6.isValid(e.target)]

    def apply(self, *_: object) -> None:
        allowed = self.allowed()
        reason = "" if allowed else needs_server_text()
        self._registered = [e for e in self._registered if shiboken6.isValid(e.target)]
        for entry in self._registered:
            target = entry.target
            if isinstance(target, QShortcut):  # no tooltip to say why
                target.setEnabled(allowed and entry.wanted)
                continue
            if not allowed:
                if target.toolTip() != entry.shown_reason:
                    # the tab's own (maybe just retranslated): given back later
                    entry.own_tip, entry.own_status = target.toolTip(), target.statusTip()
                target.setToolTip(reason)
                target.setStatusTip(reason)
                entry.shown_reason = reason
                target.setEnabled(False)
                continue
            if entry.shown_reason is not None and target.toolTip() == entry.shown_reason:
                target.setToolTip(entry.own_tip)
                target.setStatusTip(entry.own_status)
            entry.shown_reason = None
            target.setEnabled(entry.wanted)

    def refuse(self, near: QWidget | None = None) -> bool:
        """True (and the reason shown in the window's status bar) when the server does not
        answer: for a route to a write that no registered action guards."""
        if self.allowed():
            return False
        widget = near if near is not None else self.parent()
        window = widget.window() if isinstance(widget, QWidget) else None
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(needs_server_text(), 8000)
        return True
