"""The cohort table (KPI.md §4): each month's new customers and the share of them buying in
each later month."""

from __future__ import annotations

from datetime import date

from kpidesk.metrics.customers import _as_date
from kpidesk.metrics.memo import memoized
from kpidesk.metrics.periods import add_months
from kpidesk.metrics.results import CohortRow
from kpidesk.store import lookups
from kpidesk.store.db import Store


@memoized
def cohort_table(store: Store, last_month: str, cohorts: int = 24,
                 today: date | str | None = None) -> list[CohortRow]:
    """Cohorts of the `cohorts` months ending with `last_month`, oldest first.

    A cohort is the customers whose first purchase is in month c; `shares[k]` is
    the share of them with a purchase in month c + k (k = 0 … cohorts − 1), so
    `shares[0]` is 1.0. Cells after `last_month` are None, and so is every cell of
    an empty cohort (size 0). With `today`, the month in progress counts purchases up
    to today only, and later months have no cells (None).
    """
    months = [add_months(last_month, -i) for i in range(cohorts - 1, -1, -1)]
    if not months:
        return []
    counts = {(cohort, month): n for cohort, month, n in store.conn.execute(
        "SELECT cohort, month, SUM(customers) FROM cohort_month"
        " WHERE cohort BETWEEN ? AND ? AND month <= ? GROUP BY cohort, month",  # per branch
        (months[0], last_month, last_month))}
    current = last_month
    if today is not None:
        today = _as_date(today)
        current = min(f"{today:%Y-%m}", last_month)
        if current == f"{today:%Y-%m}":
            counts = {key: n for key, n in counts.items() if key[1] < current}
            # kept per day of the month (lookups): the cells up to today, by sums
            counts.update({(cohort, current): n for cohort, n in lookups.cohort_cells(
                store.conn, current, today.day).items()})
    # every customer buys in its first month: the cohort's size is its cell (c, 0)
    sizes = {cohort: counts.get((cohort, cohort), 0) for cohort in months}
    table: list[CohortRow] = []
    for i, cohort in enumerate(months):
        size = int(sizes.get(cohort, 0))
        shares: list[float | None] = []
        for k in range(cohorts):
            if i + k >= len(months) or not size or months[i + k] > current:
                shares.append(None)
            else:
                shares.append(counts.get((cohort, months[i + k]), 0) / size)
        table.append({"cohort": cohort, "size": size, "shares": shares})
    return table
