"""What every tab needs: the open store, the language, the undo stack, and
one "data changed" signal fired after each committed write."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QWidget

from kpidesk.i18n.language import LanguageManager
from kpidesk.store import security
from kpidesk.store.db import Store
from kpidesk.store.topics import Topic


class OwnerUndoStack(QUndoStack):
    """The undo stack. A command pushed inside an owner session (the owner typed the PIN
    for it: a target change, a merge, a delete…) is the owner's: undoing or redoing it
    asks for the PIN again (`AppContext.undo` / `redo`)."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store

    def push(self, command: QUndoCommand) -> None:
        if security.in_owner_session(self.store):
            command.owner_only = True
        super().push(command)


def needs_owner(command: QUndoCommand | None, undoing: bool) -> str | None:
    """Why undoing (or redoing) this command is the owner's, or None."""
    if command is None:
        return None
    check = getattr(command, "owner_reason", None)  # commands that know their own rule
    if check is not None:
        reason = check(undoing)
        if reason:
            return reason
    return "undo" if getattr(command, "owner_only", False) else None


class AppContext(QObject):
    # what a committed write changed: a set of `store.topics.Topic`
    data_changed = Signal(set)

    def __init__(self, store: Store, language: LanguageManager, settings: QSettings,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.language = language
        self.settings = settings
        self.undo_stack = OwnerUndoStack(store, self)
        # Undo texts follow the language (connected before any window: said again first)
        language.language_changed.connect(self._retranslate_undo)
        store.today_fn = self.today  # the store's staff limits use the shop's date
        store.subscribe(self._on_store_changed)

    _server_queue = None

    @property
    def server_queue(self):  # -> ui.server_status.SaleQueue | None
        """The queue of sales kept on this laptop while the shop's server does not answer;
        None for a shop file (made on first use)."""
        if not self.store.is_server:
            return None
        if self._server_queue is None:
            from kpidesk.paths import data_dir
            from kpidesk.ui.server_status import SaleQueue

            self._server_queue = SaleQueue(self.store, data_dir(), self)
        return self._server_queue

    def _on_store_changed(self, topics: set[Topic]) -> None:
        # Emitted from whichever thread committed; Qt queues it to receivers' threads.
        self.data_changed.emit(set(topics))

    def _retranslate_undo(self, _lang: str = "") -> None:
        from kpidesk.ui.commands.base import retranslate_stack

        retranslate_stack(self.undo_stack)

    def today(self) -> date:
        """The shop's local date (tests may override by setting `fixed_today`)."""
        return getattr(self, "fixed_today", None) or date.today()

    def require_owner(self, parent: QWidget | None = None, reason: str | None = None) -> bool:
        """True when no owner PIN is set or the user typed it (asks only; see
        `owner_session` for routes that then write)."""
        from kpidesk.ui.dialogs.pin import require_owner

        return require_owner(self.store, parent, reason)

    @contextmanager
    def owner_session(self, parent: QWidget | None = None,
                      reason: str | None = None) -> Iterator[bool]:
        """Ask for the owner PIN (if any); yields whether allowed, and inside it the store
        lets owner-only changes through."""
        from kpidesk.ui.dialogs.pin import owner_session

        with owner_session(self.store, parent, reason) as allowed:
            yield allowed

    # -- undo / redo: a change that was the owner's asks for the PIN again ----------------
    def undo(self, parent: QWidget | None = None) -> bool:
        return self._step(parent, undoing=True)

    def redo(self, parent: QWidget | None = None) -> bool:
        return self._step(parent, undoing=False)

    def _step(self, parent: QWidget | None, undoing: bool) -> bool:
        stack = self.undo_stack
        if not (stack.canUndo() if undoing else stack.canRedo()):
            return False
        command = stack.command(stack.index() - 1 if undoing else stack.index())
        reason = needs_owner(command, undoing)
        if reason is None or not security.has_pin(self.store):
            stack.undo() if undoing else stack.redo()
            return True
        with self.owner_session(parent, reason) as allowed:
            if not allowed:
                return False
            stack.undo() if undoing else stack.redo()
        return True

    def close(self) -> None:
        if self._server_queue is not None:
            self._server_queue.close()
            self._server_queue = None
        self.store.unsubscribe(self._on_store_changed)
        # The stack deletes its commands now, while their Python wrappers are alive: left
        # to the garbage collector, PySide6 before 6.12 may free a command twice.
        self.undo_stack.clear()

