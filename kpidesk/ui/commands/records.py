"""Undo commands for contacts and opportunities (pushed on ``ctx.undo_stack``).

A command does its work in ``do()`` when pushed (``push``), so a refused input
(ValidationError) reaches the screen that asked and nothing lands on the stack (the
rule of every command: ``ui/commands/base.py``). Undo and redo put back whole rows
saved by the store (ids and uuids kept), each in one transaction.
"""

from __future__ import annotations

from collections.abc import Callable

from kpidesk.store import contacts as cstore
from kpidesk.store import opportunities as ostore
from kpidesk.store.db import Store
from kpidesk.store.sales import delete_order, get_order, restore_order
from kpidesk.ui.commands.base import Describe, StoreCommand, push

__all__ = ["AddContact", "DeleteContact", "EditContact", "MergeContacts", "OpportunityChange",
           "push"]


class _Command(StoreCommand):
    """A contact or opportunity change: `do()` (returns what the screen needs), then
    `undo_change()` / `redo_change()`."""

    def do(self) -> object:
        raise NotImplementedError


# -- contacts -----------------------------------------------------------------------------
class AddContact(_Command):
    def __init__(self, store: Store, text: str | Describe, contact: cstore.ContactInput) -> None:
        super().__init__(store, text)
        self.contact = contact
        self.snapshot: dict | None = None
        self.contact_id: int | None = None

    def do(self) -> int:
        self.contact_id = cstore.add_contact(self.store, self.contact)
        return self.contact_id

    def undo_change(self) -> None:
        self.snapshot = cstore.delete_contact(self.store, self.contact_id)

    def redo_change(self) -> None:
        cstore.restore_contact(self.store, self.snapshot)


class EditContact(_Command):
    def __init__(self, store: Store, text: str | Describe, contact_id: int,
                 contact: cstore.ContactInput) -> None:
        super().__init__(store, text)
        self.contact_id = contact_id
        self.before = cstore.get_contact(store, contact_id)
        self.after = contact

    def do(self) -> None:
        cstore.update_contact(self.store, self.contact_id, self.after)

    def undo_change(self) -> None:
        cstore.update_contact(self.store, self.contact_id, self.before)

    def redo_change(self) -> None:
        cstore.update_contact(self.store, self.contact_id, self.after)


class DeleteContact(_Command):
    def __init__(self, store: Store, text: str | Describe, contact_id: int) -> None:
        super().__init__(store, text)
        self.contact_id = contact_id
        self.snapshot: dict | None = None

    def do(self) -> None:
        self.snapshot = cstore.delete_contact(self.store, self.contact_id)

    def undo_change(self) -> None:
        cstore.restore_contact(self.store, self.snapshot)

    def redo_change(self) -> None:
        self.do()


class MergeContacts(_Command):
    def __init__(self, store: Store, text: str | Describe, keep_id: int, remove_id: int) -> None:
        super().__init__(store, text)
        self.keep_id, self.remove_id = keep_id, remove_id
        self.snapshot: dict | None = None

    def do(self) -> None:
        self.snapshot = cstore.merge_contacts(self.store, self.keep_id, self.remove_id)

    def undo_change(self) -> None:
        cstore.unmerge_contacts(self.store, self.snapshot)

    def redo_change(self) -> None:
        self.do()


# -- opportunities --------------------------------------------------------------------------
class OpportunityChange(_Command):
    """Any change of one opportunity: `action(store)` does it (add: returns the new id).

    Undo writes back the row as it was before (or deletes an added one); redo the row
    as it was after. A sale recorded by "won" is deleted on undo and restored on redo,
    in the same transaction as the opportunity.
    """

    def __init__(self, store: Store, text: str | Describe, opp_id: int | None,
                 action: Callable[[Store], object], *, creates_sale: bool = False) -> None:
        super().__init__(store, text)
        self.opp_id = opp_id
        self.action = action
        self.creates_sale = creates_sale
        self.before = ostore.snapshot(store, opp_id) if opp_id is not None else None
        self.after: dict | None = None
        self.order_id: int | None = None
        self.order = None

    def do(self):
        with self.store.transaction():
            result = self.action(self.store)
            if self.opp_id is None:
                self.opp_id = int(result)
            if self.creates_sale and result is not None:
                self.order_id = int(result)
            exists = ostore.opportunity_exists(self.store, self.opp_id)
            self.after = ostore.snapshot(self.store, self.opp_id) if exists else None
        return result

    def undo_change(self) -> None:
        with self.store.transaction():
            if self.before is None:
                ostore.delete_opportunity(self.store, self.opp_id)
            else:
                ostore.put_back(self.store, self.before)
            if self.order_id is not None:
                self.order = get_order(self.store, self.order_id)
                delete_order(self.store, self.order_id)

    def redo_change(self) -> None:
        with self.store.transaction():
            if self.order_id is not None and self.order is not None:
                restore_order(self.store, self.order_id, self.order)
            if self.after is None:
                ostore.delete_opportunity(self.store, self.opp_id)
            else:
                ostore.put_back(self.store, self.after)
