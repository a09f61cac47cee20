"""Undo for the owner's settings of issue #19: commission rates, targets per product
category, and the days the shop marks closed or special (Settings ▸ Calendar).

Each command holds the values before and after; redo writes the after, undo the before,
in one transaction (the store writes each change's history entry in it). The first run
is the screen's (`push`): a refusal raises there and nothing is on the stack. Pushed in
the owner's session, undoing asks for the PIN again (`ui.context.OwnerUndoStack`).
"""

from __future__ import annotations

from dataclasses import dataclass

from kpidesk.store import insight as store_insight
from kpidesk.store.db import Store
from kpidesk.ui.commands.base import Describe, StoreCommand

RateKey = tuple[int, int]  # (salesperson_id or 0, category_id or 0)
CategoryKey = tuple[str, int]  # (period 'YYYY-MM', category_id)
CategoryValue = tuple[int, str]  # (value in minor units, currency)


@dataclass(frozen=True)
class RateChange:
    key: RateKey
    before: int | None  # basis points, None: no rate
    after: int | None


@dataclass(frozen=True)
class CategoryTargetChange:
    key: CategoryKey
    before: CategoryValue | None
    after: CategoryValue | None


class RatesAndCategoryTargetsCommand(StoreCommand):
    """Some commission rates and category targets changed together (one Save)."""

    def __init__(self, store: Store, text: str | Describe, rates: list[RateChange],
                 targets: list[CategoryTargetChange]) -> None:
        super().__init__(store, text)
        self.rates = rates
        self.targets = targets

    def _write(self, after: bool) -> None:
        with self.store.transaction():
            for change in self.rates:
                sp, cat = change.key
                store_insight.set_commission_rate(
                    self.store, change.after if after else change.before, sp or None,
                    cat or None)
            for target in self.targets:
                period, cat = target.key
                value = target.after if after else target.before
                store_insight.set_category_target(
                    self.store, period, cat, None if value is None else value[0],
                    None if value is None else value[1])

    def redo_change(self) -> None:
        self._write(after=True)

    def undo_change(self) -> None:
        self._write(after=False)


DayMark = tuple[str, str]  # (kind 'closed' | 'special', note)


class MarkDayCommand(StoreCommand):
    """One day of the shop's calendar marked (closed, special) or unmarked."""

    def __init__(self, store: Store, text: str | Describe, day: str,
                 after: DayMark | None) -> None:
        super().__init__(store, text)
        self.day = day
        self.before = day_mark(store, day)
        self.after = after

    def _write(self, mark: DayMark | None) -> None:
        store_insight.mark_day(self.store, self.day, mark[0] if mark else None,
                               mark[1] if mark else "")

    def redo_change(self) -> None:
        self._write(self.after)

    def undo_change(self) -> None:
        self._write(self.before)


def day_mark(store: Store, day: str) -> DayMark | None:
    """How the day is marked now, or None."""
    found = store_insight.shop_days(store, day, day)
    return (found[0].kind, found[0].note) if found else None


class SettingCommand(StoreCommand):
    """One shop setting changed (e.g. how a month's target is paced): undo puts the
    value before back."""

    def __init__(self, store: Store, text: str | Describe, key: str, before: str,
                 after: str) -> None:
        super().__init__(store, text)
        self.key, self.before, self.after = key, before, after

    def redo_change(self) -> None:
        self.store.set_setting(self.key, self.after)

    def undo_change(self) -> None:
        self.store.set_setting(self.key, self.before)
