"""Undoable sales actions for the QUndoStack (Ctrl+Z / Ctrl+Y).

Each command does its first write in `execute()` — called by the screen
before pushing, so a refused input raises there and nothing lands on the
stack (the rule of every command: `ui/commands/base.py`).
Undo of an add deletes the order (and the contact created with it);
redo puts them back under the same ids and uuids (`restore_order`,
`restore_contact`).
"""

from __future__ import annotations

import copy
import logging

from kpidesk.i18n.tr import translator
from kpidesk.store.contacts import ContactInput, add_contact, delete_contact, restore_contact
from kpidesk.store.db import Store
from kpidesk.store.errors import ValidationError
from kpidesk.store.sales import (
    OrderInput,
    add_order,
    change_reason,
    delete_order,
    get_order,
    restore_order,
    update_order,
)
from kpidesk.ui.commands.base import Describe, StoreCommand

log = logging.getLogger("kpidesk")


tr = translator("SalesUndo")


class _StoreCommand(StoreCommand):
    def owner_reason(self, undoing: bool) -> str | None:
        """Why undoing (or redoing) this is the owner's (the sales rule), or None."""
        return None

    def _current(self, order_id: int | None) -> OrderInput | None:
        try:
            return get_order(self.store, order_id) if order_id is not None else None
        except ValidationError:
            return None


class _NewContactMixin:
    """Create (redo) and delete (undo) the contact typed in place with the sale."""

    store: Store
    new_contact: ContactInput | None
    contact_id: int | None
    _contact_snapshot: dict | None

    def _create_contact(self) -> int | None:
        if self.new_contact is None:
            return None
        if self._contact_snapshot is not None:
            self.contact_id = restore_contact(self.store, self._contact_snapshot)
        else:
            self.contact_id = add_contact(self.store, self.new_contact)
        return self.contact_id

    def _remove_contact(self) -> None:
        if self.new_contact is not None and self.contact_id is not None:
            self._contact_snapshot = delete_contact(self.store, self.contact_id)


class AddOrderCommand(_NewContactMixin, _StoreCommand):
    """Add a sale (optionally with a customer created in place)."""

    def __init__(self, store: Store, order: OrderInput,
                 new_contact: ContactInput | None = None, text: str | Describe | None = None) -> None:
        super().__init__(store, text or (lambda: tr("Add sale")))
        self.order = copy.deepcopy(order)
        self.new_contact = new_contact
        self.contact_id: int | None = None
        self._contact_snapshot: dict | None = None
        self.order_id: int | None = None
        self._snapshot: OrderInput | None = None

    def redo_change(self) -> None:
        with self.store.transaction():
            contact_id = self._create_contact()
            if contact_id is not None:
                self.order.contact_id = contact_id
            if self._snapshot is not None and self.order_id is not None:
                restore_order(self.store, self.order_id, self._snapshot)
            else:
                self.order_id = add_order(self.store, self.order)

    def undo_change(self) -> None:
        if self.order_id is None:
            return
        with self.store.transaction():
            self._snapshot = delete_order(self.store, self.order_id)
            self._remove_contact()

    def owner_reason(self, undoing: bool) -> str | None:
        if undoing:
            return change_reason(self.store, "delete", self.order_id,
                                 self._current(self.order_id), None)
        return change_reason(self.store, "restore", self.order_id, None,
                             self._snapshot or self.order)


class EditOrderCommand(_NewContactMixin, _StoreCommand):
    """Replace an order's fields and lines; undo puts the old ones back."""

    def __init__(self, store: Store, order_id: int, order: OrderInput,
                 new_contact: ContactInput | None = None, text: str | Describe | None = None) -> None:
        super().__init__(store, text or (lambda: tr("Edit sale")))
        self.order_id = order_id
        self.old = get_order(store, order_id)
        self.order = copy.deepcopy(order)
        self.new_contact = new_contact
        self.contact_id: int | None = None
        self._contact_snapshot: dict | None = None

    def redo_change(self) -> None:
        with self.store.transaction():
            contact_id = self._create_contact()
            if contact_id is not None:
                self.order.contact_id = contact_id
            update_order(self.store, self.order_id, self.order)

    def undo_change(self) -> None:
        with self.store.transaction():
            update_order(self.store, self.order_id, self.old)
            self._remove_contact()

    def owner_reason(self, undoing: bool) -> str | None:
        current = self._current(self.order_id)
        return change_reason(self.store, "edit", self.order_id, current,
                             self.old if undoing else self.order)


class DeleteOrdersCommand(_StoreCommand):
    """Delete one or more orders; undo restores them under their ids and uuids."""

    def __init__(self, store: Store, order_ids: list[int], text: str | Describe | None = None) -> None:
        if text is None:
            one = len(order_ids) == 1
            text = (lambda: tr("Delete sale")) if one else (lambda: tr("Delete sales"))
        super().__init__(store, text)
        self.order_ids = list(dict.fromkeys(order_ids))
        self._snapshots: list[tuple[int, OrderInput]] = []

    def redo_change(self) -> None:
        with self.store.transaction():
            self._snapshots = [(oid, delete_order(self.store, oid)) for oid in self.order_ids]

    def undo_change(self) -> None:
        with self.store.transaction():
            for oid, snapshot in self._snapshots:
                restore_order(self.store, oid, snapshot)

    def owner_reason(self, undoing: bool) -> str | None:
        for oid, snapshot in self._snapshots:
            reason = (change_reason(self.store, "restore", oid, None, snapshot) if undoing
                      else change_reason(self.store, "delete", oid, snapshot, None))
            if reason:
                return reason
        return None
