"""The undo-command framework: every undoable change of the shop is a StoreCommand.

The rule, for every command:
- the first run happens in `push(stack, command)` (or `command.execute()` then
  `stack.push`), before the command is on the stack: a refusal (ValidationError,
  PinRequiredError, a failed write) raises there, the screen says it, and nothing is
  on the stack;
- Qt's redo() on push does nothing (the change is made); later redo() and undo() are
  called by Qt, where an exception cannot cross: a failure is logged and the command
  becomes obsolete (Qt drops it from the stack), so one failed step never leaves a
  stack that lies about the data;
- `owner_reason(undoing)` says when undoing or redoing is the owner's (see
  `ui.context.needs_owner`).

A subclass writes `redo_change()` and `undo_change()`, and `do()` when the first run
differs from a redo (it returns what the screen needs, e.g. a new id).

A command's text is best given as a `Describe` (a function that says it in the current
language, e.g. `lambda: tr("Remove targets")`): the stack says it again after a language
switch (`retranslate_stack`); a plain string stays as it was written.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from kpidesk.store.db import Store
from kpidesk.store.errors import StoreError

log = logging.getLogger("kpidesk")

Describe = Callable[[], str]  # the command's text, said in the language of the moment


class StoreCommand(QUndoCommand):
    def __init__(self, store: Store, text: str | Describe, *,
                 already_done: bool = False) -> None:
        super().__init__(text() if callable(text) else text)
        self.describe: Describe | None = text if callable(text) else None
        self.store = store
        # True once the change is made and Qt's next redo() (on push) must not repeat it
        self._made = already_done

    # -- what a command implements ---------------------------------------------------------
    def do(self) -> object:
        """The first run (default: a redo). May raise: nothing is then on the stack."""
        return self.redo_change()

    def redo_change(self) -> object:
        raise NotImplementedError

    def undo_change(self) -> None:
        raise NotImplementedError

    def owner_reason(self, undoing: bool) -> str | None:
        """Why undoing (or redoing) this is the owner's, or None (see ui.context)."""
        return None

    def retranslate(self) -> None:
        """Say the text again in the current language (when it was given as a Describe)."""
        if self.describe is not None:
            self.setText(self.describe())

    # -- the framework ---------------------------------------------------------------------
    def execute(self) -> object:
        result = self.do()
        self._made = True
        return result

    def redo(self) -> None:
        if self._made:
            self._made = False
            return
        self._guard(self.redo_change, "redo")

    def undo(self) -> None:
        self._guard(self.undo_change, "undo")

    def _guard(self, step, name: str) -> None:
        try:
            step()
        except StoreError as exc:  # e.g. a full disk, a PIN refused: nothing was written
            log.warning("%s of %r failed: %s", name, self.text(), exc)
            self.setObsolete(True)
        except Exception:  # noqa: BLE001 - Qt calls this; the error is logged, not lost
            log.exception("%s of %r failed", name, self.text())
            self.setObsolete(True)


def push(stack: QUndoStack, command: StoreCommand) -> object:
    """Make the change (may raise: then nothing is pushed) and put it on the stack."""
    result = command.execute()
    stack.push(command)
    return result


def retranslate_stack(stack: QUndoStack) -> None:
    """After a language switch: every command that can says its text again, and the
    stack tells its listeners (the Edit menu's Undo/Redo items) the new texts."""
    for i in range(stack.count()):
        command = stack.command(i)
        retranslate = getattr(command, "retranslate", None)
        if retranslate is not None:
            retranslate()
    stack.undoTextChanged.emit(stack.undoText())
    stack.redoTextChanged.emit(stack.redoText())
