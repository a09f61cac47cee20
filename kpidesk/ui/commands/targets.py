"""Undo for targets: some cells changed in the grid, or a whole year copied."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack

from kpidesk.store import targets as store_targets
from kpidesk.store.db import Store
from kpidesk.ui.commands.base import Describe, StoreCommand

Value = tuple[int, str | None]  # (value, currency)


def write_targets(store: Store, changes: list[tuple[str, str, int | None, Value | None]]) -> None:
    """Apply (period, measure, salesperson_id, (value, currency) or None) in one transaction."""
    with store.transaction():
        for period, measure, sp, value in changes:
            if value is None:
                store_targets.set_target(store, period, measure, None, sp)
            else:
                store_targets.set_target(store, period, measure, value[0], sp,
                                         value[1] or None)


def read_targets(store: Store, keys: list[tuple[str, str, int | None]]) -> list[Value | None]:
    out = []
    for period, measure, sp in keys:
        found = store_targets.get_target(store, period, measure, sp)
        out.append(found)
    return out


class TargetsCommand(StoreCommand):
    """Old and new values of some targets; redo writes the new ones, undo the old ones."""

    def __init__(self, store: Store, keys: list[tuple[str, str, int | None]],
                 old: list[Value | None], new: list[Value | None], text: str | Describe,
                 done: bool = True) -> None:
        super().__init__(store, text, already_done=done)  # written first: errors surfaced
        self.keys = keys
        self.old = old
        self.new = new

    def _write(self, values: list[Value | None]) -> None:
        write_targets(self.store, [(*k, v) for k, v in zip(self.keys, values, strict=True)])

    def redo_change(self) -> None:
        self._write(self.new)

    def undo_change(self) -> None:
        self._write(self.old)


def apply_with_undo(store: Store, undo_stack: QUndoStack | None,
                    keys: list[tuple[str, str, int | None]], new: list[Value | None],
                    text: str | Describe) -> None:
    """Write `new` for `keys` in one transaction and push the undo command.

    Raises ValidationError (nothing written, nothing pushed) if a value is refused.
    """
    old = read_targets(store, keys)
    write_targets(store, [(*k, v) for k, v in zip(keys, new, strict=True)])
    if undo_stack is not None:
        undo_stack.push(TargetsCommand(store, keys, old, new, text))


class YearSnapshotCommand(StoreCommand):
    """Undo for a change of many targets of one year (copy from last year): pushed once
    the change is made."""

    def __init__(self, store: Store, year: int, before: list, after: list,
                 text: str | Describe) -> None:
        super().__init__(store, text, already_done=True)
        self.year = year
        self.before = before
        self.after = after

    @staticmethod
    def snapshot(store: Store, year: int) -> list[tuple]:
        return store_targets.year_snapshot(store, year)

    def _write(self, rows: list[tuple]) -> None:
        with self.store.transaction():
            wanted = {(r[0], r[1], r[2] or 0) for r in rows}
            for period, measure, sp, _value, _cur in self.snapshot(self.store, self.year):
                if (period, measure, sp or 0) not in wanted:
                    store_targets.set_target(self.store, period, measure, None, sp)
            for period, measure, sp, value, cur in rows:
                store_targets.set_target(self.store, period, measure, int(value), sp, cur or None)

    def redo_change(self) -> None:
        self._write(self.after)

    def undo_change(self) -> None:
        self._write(self.before)
