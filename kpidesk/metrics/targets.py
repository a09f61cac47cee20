"""Targets and attainment (KPI.md §2).

Targets are stored per month, scope (the shop, or one salesperson) and
measure (revenue, new_customers, won_opportunities). A month without a
shop-level target takes the sum of the salespeople's targets for it. A
quarter's or a year's target is the sum of its months' targets (months
without any target add nothing; None when no month has one). A revenue
target stored in another currency than the reporting one is converted at
the shop's default rate (riel per dollar), half to even.

For a period in progress, on day d of n: expected_to_date = target × d / n,
pace = actual / expected_to_date, run_rate_projection = actual / d × n,
gap = target − actual, needed_per_day = gap / (n − d) (None on the last day).
A complete past period has expected_to_date = target, pace = attainment,
run_rate_projection = actual and no needed_per_day. A period that has not
started has its target and no other figure (None). Actuals count what is
dated up to today only (a sale dated after today counts when its day comes).

Money figures are int minor units (rounded half to even); for the count
measures, expected_to_date, run_rate_projection and needed_per_day are
floats (counts per day need not be whole).
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date

from kpidesk.metrics.growth import (
    div_half_even,
    ratio,
    revenue_column,
    windows,
)
from kpidesk.metrics.periods import Period, month_range, parse_period
from kpidesk.metrics.results import AttainmentSummary, SalespersonAttainment, TargetFigures
from kpidesk.store.db import Store
from kpidesk.store.money import convert
from kpidesk.store.targets import MEASURES


def _check_measure(measure: str) -> None:
    if measure not in MEASURES:
        raise ValueError(f"unknown measure {measure!r}")


def target_in(store: Store, value: int, currency: str | None, reporting: str | None = None
              ) -> int:
    """A revenue target of `value` minor units of `currency`, in the reporting currency
    (converted at the shop's default rate, half to even; it keeps its own currency)."""
    reporting = reporting or store.reporting_currency
    if not currency or currency == reporting:
        return int(value)
    usd, khr = convert(int(value), currency, store.default_rate)
    return usd if reporting == "USD" else khr


def _monthly_targets(store: Store, months: list[str], measure: str,
                     currency: str | None) -> dict[str, dict[int, int]]:
    """{month: {salesperson_id or 0: value}} of stored targets, revenue converted."""
    result: dict[str, dict[int, int]] = {m: {} for m in months}
    if not months:
        return result
    reporting = currency or store.reporting_currency
    for period, sp, value, cur in store.conn.execute(
            "SELECT period, IFNULL(salesperson_id, 0), value, currency FROM targets"
            " WHERE measure = ? AND period BETWEEN ? AND ?", (measure, months[0], months[-1])):
        if period not in result:
            continue
        value = int(value)
        if measure == "revenue":
            value = target_in(store, value, cur, reporting)
        result[period][int(sp)] = value
    return result


def _month_value(stored: dict[int, int], salesperson_id: int | None) -> int | None:
    if salesperson_id is not None:
        return stored.get(salesperson_id)
    if 0 in stored:
        return stored[0]
    per_person = [v for sp, v in stored.items() if sp]
    return sum(per_person) if per_person else None


def _sum_or_none(values: list[int | None]) -> int | None:
    present = [v for v in values if v is not None]
    return sum(present) if present else None


def target_for(store: Store, period: str | Period, measure: str = "revenue",
               salesperson_id: int | None = None, *, currency: str | None = None) -> int | None:
    """Target of a period (month, quarter, year) for the shop or one salesperson; None if unset."""
    _check_measure(measure)
    p = parse_period(period)
    stored = _monthly_targets(store, p.months(), measure, currency)
    return _sum_or_none([_month_value(stored[m], salesperson_id) for m in p.months()])


def target_series(store: Store, last_month: str, months: int, *, measure: str = "revenue",
                  salesperson_id: int | None = None,
                  currency: str | None = None) -> list[tuple[str, int | None]]:
    """[(month_key, target or None)] for the `months` months ending with `last_month`."""
    _check_measure(measure)
    keys = month_range(last_month, months)
    stored = _monthly_targets(store, keys, measure, currency)
    return [(k, _month_value(stored[k], salesperson_id)) for k in keys]


# -- actuals ------------------------------------------------------------------
def _actuals(store: Store, p: Period, measure: str, currency: str | None,
             salesperson_id: int | None = None, upto: str | None = None) -> dict[int, int]:
    """{salesperson_id or 0: actual} over the period's days up to `upto` (default: its
    last day); with salesperson_id only that key."""
    if measure == "revenue":
        col = revenue_column(store, currency)
        sql = (f"SELECT salesperson_id, SUM({col}) FROM daily_revenue"
               " WHERE day BETWEEN ? AND ?")
        sp_col = "salesperson_id"
    elif measure == "new_customers":
        sql = ("SELECT IFNULL(salesperson_id, 0), COUNT(*) FROM contacts"
               " WHERE first_purchase BETWEEN ? AND ?")
        sp_col = "IFNULL(salesperson_id, 0)"
    else:
        sql = ("SELECT IFNULL(owner_id, 0), COUNT(*) FROM opportunities"
               " WHERE status = 'won' AND closed BETWEEN ? AND ?")
        sp_col = "IFNULL(owner_id, 0)"
    params: tuple = (p.first_day, upto or p.last_day)
    if salesperson_id is not None:
        sql += f" AND {sp_col} = ?"
        params += (salesperson_id,)
    sql += " GROUP BY 1"
    return {int(k or 0): int(v or 0) for k, v in store.conn.execute(sql, params)}


def actual_for(store: Store, period: str | Period, measure: str = "revenue",
               salesperson_id: int | None = None, *, currency: str | None = None,
               today: date | str | None = None) -> int | None:
    """Actual of a measure over a period (revenue in minor units, others as counts); with
    `today`, up to today only, and None for a period that has not started."""
    _check_measure(measure)
    p = parse_period(period)
    upto = p.last_day if today is None else windows(p, today).upto
    if upto is None:
        return None
    values = _actuals(store, p, measure, currency, salesperson_id, upto)
    return sum(values.values())


# -- attainment ---------------------------------------------------------------
def assess(target: int | None, actual: int | None, state: str, day: int, days: int,
           money: bool = True) -> TargetFigures:
    """The §2 figures from a target, an actual and where today is in the period (a period
    not started, actual None: only the target)."""
    def div(numerator: int, denominator: int) -> int | float:
        return div_half_even(numerator, denominator) if money else numerator / denominator

    if state == "future" or actual is None:
        return TargetFigures(target=target, actual=None, attainment=None, gap=None,
                             expected_to_date=None, pace=None, run_rate_projection=None,
                             needed_per_day=None)
    gap = None if target is None else target - actual
    attainment = ratio(actual, target)
    if state == "past":
        return TargetFigures(target=target, actual=actual, attainment=attainment, gap=gap,
                             expected_to_date=target, pace=attainment,
                             run_rate_projection=actual, needed_per_day=None)
    # in progress (1 <= day <= days)
    expected = pace = projection = needed = None
    if target is not None:
        expected = div(target * day, days)
        pace = ratio(actual * days, target * day)
    if day > 0:
        projection = div(actual * days, day)
    if gap is not None and days - day > 0:
        needed = div(gap, days - day)
    return TargetFigures(target=target, actual=actual, attainment=attainment, gap=gap,
                         expected_to_date=expected, pace=pace,
                         run_rate_projection=projection, needed_per_day=needed)


def attainment_summary(store: Store, period: str | Period, today: date | str,
                       salesperson_id: int | None = None, measure: str = "revenue", *,
                       currency: str | None = None) -> AttainmentSummary:
    """The §2 figures of a period for the shop or a salesperson (see AttainmentSummary)."""
    _check_measure(measure)
    w = windows(period, today)
    target = target_for(store, w.period, measure, salesperson_id, currency=currency)
    actual = actual_for(store, w.period, measure, salesperson_id, currency=currency,
                        today=today)
    figures = assess(target, actual, w.state, w.day, w.period.days, money=measure == "revenue")
    return AttainmentSummary(
        **asdict(figures),
        period=w.period.key,
        measure=measure,
        currency=(currency or store.reporting_currency) if measure == "revenue" else None,
        in_progress=w.in_progress,
        day=w.day,
        days=w.period.days,
    )


def salesperson_attainment(store: Store, period: str | Period, today: date | str,
                           measure: str = "revenue", *,
                           currency: str | None = None) -> list[SalespersonAttainment]:
    """One row per salesperson (active ones, and any with an actual or a target in the period).
    Sorted by actual (largest first), then name."""
    _check_measure(measure)
    w = windows(period, today)
    p = w.period
    stored = _monthly_targets(store, p.months(), measure, currency)
    actuals = {} if w.upto is None else _actuals(store, p, measure, currency, upto=w.upto)
    rows = []
    for sp_id, name, active in store.conn.execute(
            "SELECT id, name, active FROM salespeople ORDER BY name"):
        target = _sum_or_none([_month_value(stored[m], sp_id) for m in p.months()])
        actual = None if w.upto is None else actuals.get(sp_id, 0)
        if not active and target is None and not actual:
            continue
        figures = assess(target, actual, w.state, w.day, p.days, money=measure == "revenue")
        rows.append(SalespersonAttainment(
            salesperson_id=sp_id, name=name, active=bool(active), target=target,
            actual=actual, attainment=figures.attainment, pace=figures.pace,
            expected_to_date=figures.expected_to_date))
    rows.sort(key=lambda r: -(r.actual or 0))
    return rows
