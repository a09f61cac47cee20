"""What every tab needs: the open store, the language, the undo stack, and
one "data changed" signal fired after each committed write."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QUndoStack

from kpidesk.i18n.language import LanguageManager
from kpidesk.store.db import Store


class AppContext(QObject):
    # topics that changed: "sales", "targets", "contacts", "opportunities", "settings", …
    data_changed = Signal(set)

    def __init__(self, store: Store, language: LanguageManager, settings: QSettings,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.language = language
        self.settings = settings
        self.undo_stack = QUndoStack(self)
        store.subscribe(self._on_store_changed)

    def _on_store_changed(self, topics: set[str]) -> None:
        # Emitted from whichever thread committed; Qt queues it to receivers' threads.
        self.data_changed.emit(set(topics))

    def today(self) -> date:
        """The shop's local date (tests may override by setting `fixed_today`)."""
        return getattr(self, "fixed_today", None) or date.today()

    def require_owner(self, parent=None) -> bool:
        """True when no owner PIN is set or the user typed it (for owner-only actions)."""
        from kpidesk.ui.dialogs.pin import require_owner

        return require_owner(self.store, parent)

    def close(self) -> None:
        self.store.unsubscribe(self._on_store_changed)
