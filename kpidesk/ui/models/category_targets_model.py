"""The Targets grid's "Product categories" view: 12 months × each product category, the
revenue target of each (KPI.md §2b "targets per product category"), edited, pasted,
spread and undone like the salespeople's grid (it is the same model with other cells).

Category targets are revenue only. Each change is one `CategoryTargetsCommand` on the
shared undo stack; the store writes each target's history entry in the transaction.
"""

from __future__ import annotations

from kpidesk.metrics.insight import category_attainment
from kpidesk.metrics.targets import target_in
from kpidesk.store import insight as store_insight
from kpidesk.store import reference
from kpidesk.ui.commands.base import Describe, push
from kpidesk.ui.commands.insight import CategoryTargetChange, RatesAndCategoryTargetsCommand
from kpidesk.ui.commands.targets import Value
from kpidesk.ui.models.targets_model import TargetsModel


class CategoryTargetsModel(TargetsModel):
    """Rows: the 12 months of `year`; columns: each product category (revenue targets)."""

    def _load_columns(self) -> list[tuple[int | None, str]]:
        return list(reference.list_named(self.store, "categories"))

    def _load_values(self) -> None:
        self._currency = self.store.reporting_currency
        self._rate = self.store.default_rate
        months = self.months()
        stored = store_insight.category_targets(self.store, months[0], months[-1])
        self.values = dict(stored.items())
        self.converted = {key: target_in(self.store, value, cur, self._currency)
                          for key, (value, cur) in stored.items()}
        self.actuals = {}
        for month in months:
            if month > f"{self.today:%Y-%m}":
                continue  # no actual yet
            for row in category_attainment(self.store, month, self.today,
                                           currency=self._currency):
                if row.actual is not None:
                    self.actuals[(month, row.category_id)] = row.actual

    def set_measure(self, measure: str) -> None:
        """Category targets are of revenue only: the measure does not apply."""

    @property
    def is_money(self) -> bool:
        return True

    def derived_shop(self, month: str) -> int | None:
        return None  # no shop column here

    def write_cells(self, cells: list[tuple[str, int | None]], values: list[Value | None],
                    text: str | Describe) -> None:
        currency = self.store.reporting_currency
        changes = []
        for (month, category), value in zip(cells, values, strict=True):
            before = self.stored(month, category)
            after = None if value is None else (value[0], value[1] or currency)
            if before != after:
                changes.append(CategoryTargetChange((month, int(category or 0)), before,
                                                    after))
        if not changes:
            return
        command = RatesAndCategoryTargetsCommand(self.store, text, [], changes)
        if self.undo_stack is None:
            command.execute()
        else:
            push(self.undo_stack, command)

    def copy_year(self, from_year: int, text: str | Describe) -> int:
        """Copy the category targets of `from_year` into this year (one undo step, inside
        the owner's session); the months from_year has no target for keep theirs."""
        source = store_insight.category_targets(self.store, f"{from_year:04d}-01",
                                                f"{from_year:04d}-12")
        cells, values = [], []
        for (month, category), value in sorted(source.items()):
            cells.append((f"{self.year:04d}{month[4:]}", category))
            values.append(value)
        self.write_cells(cells, values, text)
        self.reload()
        return len(cells)
