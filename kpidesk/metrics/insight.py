"""Commission earned, targets per product category, and the `kpi --json` keys of issue
#19 (the bridge, holiday-aware pacing, the chance of making the target, commission).

Commission of a salesperson over a period = Σ over product categories of their revenue
in it × the rate that applies (basis points), rounded once, half to even: the rate set
for that salesperson and category, else the salesperson's own rate, else the category's
rate for anyone; no rate, no commission (None when no rate applies at all).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from datetime import date

from kpidesk.metrics import bridge, pacing
from kpidesk.metrics.growth import as_date, div_half_even, ratio, revenue_column, windows
from kpidesk.metrics.periods import Period, parse_period
from kpidesk.metrics.results import InsightKpis, SalespersonAttainment
from kpidesk.metrics.targets import target_in
from kpidesk.store import insight
from kpidesk.store.db import Store


def rate_for(rates: dict[tuple[int, int], int], salesperson_id: int, category_id: int
             ) -> int | None:
    for key in ((salesperson_id, category_id), (salesperson_id, 0), (0, category_id)):
        if key in rates and (key[0] or key[1]):
            return rates[key]
    return None


@dataclass(frozen=True)
class Commission:
    salesperson_id: int
    name: str
    revenue: int
    commission: int | None
    target: int | None
    attainment: float | None


def commissions(store: Store, period: str | Period, today: date | str, *,
                currency: str | None = None) -> list[Commission]:
    """Commission earned per salesperson with a rate (or a category rate that applied)."""
    from kpidesk.metrics.targets import salesperson_attainment

    w = windows(period, today)
    rates = insight.commission_rates(store)
    if w.upto is None or not rates:
        return []
    col = revenue_column(store, currency)
    earned: dict[int, int] = {}
    applied: set[int] = set()
    for sp, cat, value in store.conn.execute(
            f"SELECT salesperson_id, category_id, SUM({col}) FROM daily_revenue"
            " WHERE day BETWEEN ? AND ? GROUP BY 1, 2", (w.period.first_day, w.upto)):
        rate = rate_for(rates, int(sp or 0), int(cat or 0))
        if rate is None or not sp:
            continue
        applied.add(int(sp))
        earned[int(sp)] = earned.get(int(sp), 0) + int(value or 0) * rate  # × 1/10,000 below
    with_rate = {s for (s, _c) in rates if s}
    out = []
    for row in salesperson_attainment(store, w.period, today, currency=currency):
        sp = row.salesperson_id
        if sp not in with_rate and sp not in applied:
            continue
        out.append(Commission(sp, row.name, row.actual or 0,
                              div_half_even(earned.get(sp, 0), 10_000),
                              row.target, row.attainment))
    return out


@dataclass(frozen=True)
class CategoryAttainment:
    category_id: int
    name: str
    target: int | None
    actual: int | None
    attainment: float | None


def category_attainment(store: Store, period: str | Period, today: date | str, *,
                        currency: str | None = None) -> list[CategoryAttainment]:
    """Each category with a target in the period (months summed) or revenue in it."""
    w = windows(period, today)
    p = w.period
    reporting = currency or store.reporting_currency
    stored = insight.category_targets(store, p.months()[0], p.months()[-1])
    targets: dict[int, int] = {}
    for (_month, cat), (value, cur) in stored.items():
        targets[cat] = targets.get(cat, 0) + target_in(store, value, cur, reporting)
    actuals: dict[int, int] = {}
    if w.upto is not None:
        col = revenue_column(store, reporting)
        actuals = {int(c or 0): int(v or 0) for c, v in store.conn.execute(
            f"SELECT category_id, SUM({col}) FROM daily_revenue WHERE day BETWEEN ? AND ?"
            " GROUP BY 1", (p.first_day, w.upto))}
    names = dict(store.conn.execute("SELECT id, name FROM categories").fetchall())
    out = []
    for cat in sorted(set(targets) | {c for c in actuals if c}, key=lambda c: names.get(c, "")):
        actual = None if w.upto is None else actuals.get(cat, 0)
        out.append(CategoryAttainment(cat, names.get(cat, ""), targets.get(cat), actual,
                                      ratio(actual, targets.get(cat))))
    return out


def insight_json(store: Store, period: str | Period, today: date | str, *,
                 currency: str | None = None) -> InsightKpis:
    """The keys `kpi --json` adds for issue #19."""
    today = as_date(today)
    p = parse_period(period)
    currency = currency or store.reporting_currency
    pace = pacing.pacing(store, p, today, currency=currency)
    return {
        **bridge.bridge_json(store, p.key, today, currency),
        "target_probability": pacing.target_probability(store, p.key, today,
                                                        currency=currency),
        "pacing": None if pace is None else {
            "expected_to_date": pace.expected_to_date, "pace": pace.pace,
            "needed_per_day": pace.needed_per_day, "open_days_left": pace.open_days_left,
            "from_last_year": pace.from_history},
        "commission": [asdict(c) for c in commissions(store, p, today, currency=currency)],
        "category_targets": [asdict(c) for c in category_attainment(store, p, today,
                                                                    currency=currency)],
        "week_targets": [asdict(wk) for wk in pacing.week_targets(store, p, today,
                                                                  currency=currency)],
    }


def salesperson_probabilities(store: Store, period: str | Period, today: date | str, *,
                              currency: str | None = None) -> dict[int, float | None]:
    """{salesperson_id: chance of making their target} for those with a target."""
    from kpidesk.metrics.targets import salesperson_attainment

    w = windows(period, today)
    if not w.in_progress:
        return {}
    return {row.salesperson_id: pacing.target_probability(
                store, w.period.key, as_date(today), currency=currency,
                salesperson_id=row.salesperson_id)
            for row in salesperson_attainment(store, w.period, today, currency=currency)
            if row.target is not None}


def calendar_paced(store: Store, period: str | Period, today: date | str,
                   rows: list[SalespersonAttainment], *,
                   currency: str | None = None) -> list[SalespersonAttainment]:
    """Rows of `targets.salesperson_attainment` with pace and expected_to_date by the
    shop calendar (KPI.md §2b, each salesperson's own last-year days) while the month is
    in progress; other rows unchanged."""
    if not windows(period, today).in_progress:
        return rows
    out = []
    for row in rows:
        if row.target is None:
            out.append(row)
            continue
        paced = pacing.pacing(store, period, today, currency=currency,
                              salesperson_id=row.salesperson_id, target=row.target)
        out.append(replace(row, pace=paced.pace, expected_to_date=paced.expected_to_date)
                   if paced is not None else row)
    return out
