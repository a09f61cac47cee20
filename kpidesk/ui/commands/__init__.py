"""Undoable changes of the shop (Ctrl+Z / Ctrl+Y): one framework (`base.StoreCommand`,
`base.push`) with one rule for failures; sales, contacts and opportunities, targets."""

from kpidesk.ui.commands.base import StoreCommand, push

__all__ = ["StoreCommand", "push"]
