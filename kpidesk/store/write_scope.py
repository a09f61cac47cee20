"""What a committed write of sales touched, so remembered figures that read none of it
can be kept (`metrics/memo.py`).

A sales write (`store/sales.py`: add, edit, delete, restore of one order) that owns its
transaction names the days, contacts and salespeople of its rows before and after
(`Store.note_scope`). At the commit the store keeps (data fingerprint before, after,
scope) for such a transaction only when nothing else can have changed in between: it
marked no topic but sales, it was not part of a larger transaction, and no other
connection committed meanwhile. Any other write — a target, a setting, an import, a
sync, another laptop's sale, a write on another connection — leaves no record, so the
fingerprint moves unexplained and every remembered figure is forgotten, as before.

Why a record kept in memory rather than a change counter per month in the file: a write
from elsewhere must forget everything anyway (it says nothing of what it touched), the
file needs no new table or trigger, and a sale's write costs nothing more.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass

from kpidesk.store.topics import Topic

Fingerprint = tuple[int, int, int]


@dataclass(frozen=True)
class WriteScope:
    """The days (ISO dates), contacts and salespeople (None: no salesperson) of the rows
    a sales write changed, before and after."""

    days: frozenset[str] = frozenset()
    contacts: frozenset[int] = frozenset()
    salespeople: frozenset[int | None] = frozenset()

    def __or__(self, other: WriteScope) -> WriteScope:
        return WriteScope(self.days | other.days, self.contacts | other.contacts,
                          self.salespeople | other.salespeople)


class ScopeLog:
    """The last few explained commits of one store (see the module doc)."""

    KEPT = 16

    def __init__(self) -> None:
        self._records: deque[tuple[Fingerprint, Fingerprint, WriteScope]] = deque(
            maxlen=self.KEPT)
        self._scope: WriteScope | None = None
        self._unexplained = False

    def begin(self) -> None:
        self._scope, self._unexplained = None, False

    def note(self, depth: int, days: Iterable[str], contacts: Iterable[int | None],
             salespeople: Iterable[int | None]) -> None:
        """A sales write's scope; inside someone else's transaction (depth > 1) it cannot
        speak for the rest of that transaction."""
        if depth != 1:
            self._unexplained = True
            return
        scope = WriteScope(frozenset(days), frozenset(c for c in contacts if c is not None),
                           frozenset(salespeople))
        self._scope = scope if self._scope is None else self._scope | scope

    def commit(self, before: Fingerprint, after: Fingerprint, topics: Iterable[str],
               own_commit_only: bool) -> None:
        """Keep the commit's record when it is explained in full."""
        scope, self._scope = self._scope, None
        if (scope is None or self._unexplained or not own_commit_only
                or not set(topics) <= {Topic.SALES}):
            return
        self._records.append((before, after, scope))

    def since(self, start: Fingerprint, now: Fingerprint) -> WriteScope | None:
        """Everything written from `start` to `now`, or None when some of it is not
        explained (then nothing remembered from `start` can be trusted)."""
        scope = WriteScope()
        at = start
        for before, after, step in self._records:
            if before == at:
                scope, at = scope | step, after
        return scope if at == now else None
