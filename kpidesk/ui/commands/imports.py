"""An import on the undo stack (see `ui/undo_import.py` for the question it asks)."""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.ui.commands.base import StoreCommand
from kpidesk.ui.context import AppContext

log = logging.getLogger("kpidesk")
tr = translator("UndoImport")


class ImportCommand(StoreCommand):
    """An import on the undo stack: Ctrl+Z asks, then removes what it added. It cannot be
    redone (import the file again instead), so it leaves the stack once undone."""

    def __init__(self, ctx: AppContext, import_id: int, file_name: str) -> None:
        super().__init__(ctx.store, lambda: fmt.fill(tr("Import %1"), file_name),
                         already_done=True)
        self.ctx = ctx
        self.import_id = import_id

    def redo_change(self) -> None:
        """Nothing: the first push, or the index put back after a "no"."""

    def undo(self) -> None:  # asks first: not the framework's plain undo
        from kpidesk.ui.undo_import import undo_import_interactive

        try:
            done = undo_import_interactive(self.ctx, QApplication.activeWindow(),
                                           self.import_id)
        except Exception:  # noqa: BLE001 - an exception cannot cross Qt's virtual call
            log.exception("undo of import %s failed", self.import_id)
            done = False
        if done:
            self.setObsolete(True)
        else:
            # The stack has stepped back already: step forward again (redo does nothing).
            QTimer.singleShot(0, self._restore_index)

    def _restore_index(self) -> None:
        stack = self.ctx.undo_stack
        if stack.index() < stack.count() and stack.command(stack.index()) is self:
            stack.redo()


def push_import(ctx: AppContext, import_id: int, file_name: str) -> ImportCommand:
    command = ImportCommand(ctx, import_id, file_name)
    ctx.undo_stack.push(command)
    return command
