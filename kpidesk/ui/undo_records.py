"""Undo commands for contacts and opportunities (pushed on ``ctx.undo_stack``).

A command does its work in ``execute()`` *before* it is pushed, so a refused
input (ValidationError) reaches the screen that asked and nothing lands on the
stack; the first ``redo()`` Qt calls on push is then skipped. Undo and redo put
back whole rows saved by the store (ids and uuids kept), each in one transaction.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from kpidesk.store import contacts as cstore
from kpidesk.store import opportunities as ostore
from kpidesk.store.db import Store
from kpidesk.store.errors import StoreError
from kpidesk.store.sales import delete_order, get_order, restore_order

log = logging.getLogger("kpidesk")


class _Command(QUndoCommand):
    def __init__(self, store: Store, text: str) -> None:
        super().__init__(text)
        self.store = store
        self._done = False

    def execute(self):  # pragma: no cover - overridden
        raise NotImplementedError

    def redo(self) -> None:
        if not self._done:  # first push: execute() already did the work
            self._done = True
            return
        self._guard(self._redo)

    def undo(self) -> None:
        self._guard(self._undo)

    def _guard(self, action: Callable[[], None]) -> None:
        # An exception cannot cross Qt's virtual call: log it, keep the app alive.
        try:
            action()
        except StoreError:
            log.exception("undo/redo of %r failed", self.text())
            self.setObsolete(True)

    def _redo(self) -> None:
        raise NotImplementedError

    def _undo(self) -> None:
        raise NotImplementedError


def push(stack: QUndoStack, command: _Command):
    """Execute the command (may raise ValidationError) and put it on the stack."""
    result = command.execute()
    stack.push(command)
    return result


# -- contacts -----------------------------------------------------------------------------
class AddContact(_Command):
    def __init__(self, store: Store, text: str, contact: cstore.ContactInput) -> None:
        super().__init__(store, text)
        self.contact = contact
        self.snapshot: dict | None = None
        self.contact_id: int | None = None

    def execute(self) -> int:
        self.contact_id = cstore.add_contact(self.store, self.contact)
        return self.contact_id

    def _undo(self) -> None:
        self.snapshot = cstore.delete_contact(self.store, self.contact_id)

    def _redo(self) -> None:
        cstore.restore_contact(self.store, self.snapshot)


class EditContact(_Command):
    def __init__(self, store: Store, text: str, contact_id: int,
                 contact: cstore.ContactInput) -> None:
        super().__init__(store, text)
        self.contact_id = contact_id
        self.before = cstore.get_contact(store, contact_id)
        self.after = contact

    def execute(self) -> None:
        cstore.update_contact(self.store, self.contact_id, self.after)

    def _undo(self) -> None:
        cstore.update_contact(self.store, self.contact_id, self.before)

    def _redo(self) -> None:
        cstore.update_contact(self.store, self.contact_id, self.after)


class DeleteContact(_Command):
    def __init__(self, store: Store, text: str, contact_id: int) -> None:
        super().__init__(store, text)
        self.contact_id = contact_id
        self.snapshot: dict | None = None

    def execute(self) -> None:
        self.snapshot = cstore.delete_contact(self.store, self.contact_id)

    def _undo(self) -> None:
        cstore.restore_contact(self.store, self.snapshot)

    def _redo(self) -> None:
        self.execute()


class MergeContacts(_Command):
    def __init__(self, store: Store, text: str, keep_id: int, remove_id: int) -> None:
        super().__init__(store, text)
        self.keep_id, self.remove_id = keep_id, remove_id
        self.snapshot: dict | None = None

    def execute(self) -> None:
        self.snapshot = cstore.merge_contacts(self.store, self.keep_id, self.remove_id)

    def _undo(self) -> None:
        cstore.unmerge_contacts(self.store, self.snapshot)

    def _redo(self) -> None:
        self.execute()


# -- opportunities --------------------------------------------------------------------------
class OpportunityChange(_Command):
    """Any change of one opportunity: `action(store)` does it (add: returns the new id).

    Undo writes back the row as it was before (or deletes an added one); redo the row
    as it was after. A sale recorded by "won" is deleted on undo and restored on redo,
    in the same transaction as the opportunity.
    """

    def __init__(self, store: Store, text: str, opp_id: int | None,
                 action: Callable[[Store], object], *, creates_sale: bool = False) -> None:
        super().__init__(store, text)
        self.opp_id = opp_id
        self.action = action
        self.creates_sale = creates_sale
        self.before = ostore.snapshot(store, opp_id) if opp_id is not None else None
        self.after: dict | None = None
        self.order_id: int | None = None
        self.order = None

    def execute(self):
        with self.store.transaction():
            result = self.action(self.store)
            if self.opp_id is None:
                self.opp_id = int(result)
            if self.creates_sale and result is not None:
                self.order_id = int(result)
            exists = ostore.opportunity_exists(self.store, self.opp_id)
            self.after = ostore.snapshot(self.store, self.opp_id) if exists else None
        return result

    def _undo(self) -> None:
        with self.store.transaction():
            if self.before is None:
                ostore.delete_opportunity(self.store, self.opp_id)
            else:
                ostore.put_back(self.store, self.before)
            if self.order_id is not None:
                self.order = get_order(self.store, self.order_id)
                delete_order(self.store, self.order_id)

    def _redo(self) -> None:
        with self.store.transaction():
            if self.order_id is not None and self.order is not None:
                restore_order(self.store, self.order_id, self.order)
            if self.after is None:
                ostore.delete_opportunity(self.store, self.opp_id)
            else:
                ostore.put_back(self.store, self.after)
