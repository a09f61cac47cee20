"""Holiday-aware pacing and the chance of making the target (KPI.md §2b).

Day weights of a month: with at least 13 months of history (the shop's first sale at
least 13 months before the month starts) a day weighs the revenue of the day 364 days
before (same weekday), a public holiday the revenue of the same day of the same named
holiday a year before; a day the shop marks closed weighs 0; a negative day (refunds)
weighs 0. Without that history, or when the setting `pacing` is "even", every open day
weighs 1 (the classic d / n split when no day is closed). Weights are integers (minor
units), so expected-to-date is exact: target × Σ w(1..d) / Σ w, half to even.

`needed_per_day` = gap / the month's open days after today (days not marked closed).

target_probability: 2,000 simulated completions with a fixed seed; each remaining open
day draws a day's revenue from the same weekday of the last 8 complete weeks before the
as-of day (a holiday: from last year's same holiday and the days either side of it). 1
when the target is met; None without a target, with fewer than 4 weeks of history, or
for a period not in progress.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

import numpy as np

from kpidesk.metrics import calendar
from kpidesk.metrics.growth import as_date, div_half_even, ratio, revenue_column, windows
from kpidesk.metrics.memo import Reads, current, input_keyed, memoized, recall, remember
from kpidesk.metrics.periods import Period, add_months, parse_period
from kpidesk.metrics.targets import target_for
from kpidesk.store import insight
from kpidesk.store.db import Store

SIMULATIONS = 2000
SEED = 19
HISTORY_WEEKS = 8
MIN_HISTORY_DAYS = 28
WEIGHT_HISTORY_MONTHS = 13


def first_sale_day(store: Store) -> str | None:
    value = store.scalar("SELECT MIN(day) FROM daily_revenue")
    return str(value) if value else None


def _month_reads(store: Store, month: str, col: str) -> Reads:
    return Reads(first=f"{month}-01", last=f"{month}-31")


@memoized(copy=False, reads=_month_reads)
def _month_day_revenue(store: Store, month: str, col: str
                       ) -> dict[str, tuple[int, dict[int, int]]]:
    """{day: (revenue, {salesperson_id: revenue})} of one month's days with sales. Read a
    month at a time for the shop and every salesperson at once: a sale today reads this
    month again, once for every chance and the pacing; the weeks before and last year's
    months stay remembered."""
    by_day: dict[str, tuple[int, dict[int, int]]] = {}
    for day, sp, value in store.conn.execute(
            f"SELECT day, salesperson_id, SUM({col}) FROM daily_revenue"
            " WHERE day BETWEEN ? AND ? GROUP BY day, salesperson_id",
            (f"{month}-01", f"{month}-31")):
        total, people = by_day.setdefault(str(day), (0, {}))
        people[int(sp)] = int(value or 0)
        by_day[str(day)] = (total + int(value or 0), people)
    return by_day


def _sales_up_to(store: Store, period: str | Period, today: date | str, *,
                 salesperson_id: int | None = None, **_ignored) -> Reads:
    """A chance or the pacing as of `today` reads the day revenues up to that day only
    (the month so far, the weeks before, last year's days and holidays) of the
    salesperson's sales (or everyone's)."""
    return Reads(last=as_date(today).isoformat(), salesperson=salesperson_id)


def _day_revenue(store: Store, days: set[str], currency: str | None,
                 salesperson_id: int | None) -> dict[str, int]:
    """{day: revenue} of the given days (0 for a day without sales)."""
    col = revenue_column(store, currency)
    found: dict[str, int] = dict.fromkeys(days, 0)
    months: dict[str, list[str]] = {}
    for day in days:
        months.setdefault(day[:7], []).append(day)
    for month, in_month in months.items():
        by_day = _month_day_revenue(store, month, col)
        for day in in_month:
            if day in by_day:
                total, people = by_day[day]
                found[day] = total if salesperson_id is None else people.get(salesperson_id, 0)
    return found


def _days(p: Period) -> list[date]:
    return [p.start + timedelta(days=i) for i in range(p.days)]


def uses_history(store: Store, p: Period) -> bool:
    """Day weights from last year's days (setting and history allow it)."""
    if store.setting("pacing") == "even":
        return False
    first = first_sale_day(store)
    first_month = p.start.strftime("%Y-%m")  # a quarter or year: from its first month
    return first is not None and first[:7] <= add_months(first_month, -WEIGHT_HISTORY_MONTHS)


def day_weights(store: Store, period: str | Period, *, currency: str | None = None,
                salesperson_id: int | None = None) -> list[int]:
    """The weight of each day of a month, in order (see the module doc)."""
    p = parse_period(period)
    days = _days(p)
    closed = insight.closed_days(store, p.first_day, p.last_day)
    if uses_history(store, p):
        sources = {}
        for d in days:
            same = _same_holiday_year_before(d)
            sources[d.isoformat()] = same or (d - timedelta(days=364)).isoformat()
        revenue = _day_revenue(store, set(sources.values()), currency, salesperson_id)
        weights = [0 if d.isoformat() in closed else max(0, revenue[sources[d.isoformat()]])
                   for d in days]
        if sum(weights) > 0:
            return weights
    return [0 if d.isoformat() in closed else 1 for d in days]


@dataclass(frozen=True)
class Pacing:
    """The §2b figures of a period in progress (money in minor units)."""

    target: int | None
    actual: int
    day: int
    days: int
    weights: list[int]
    expected_to_date: int | None
    pace: float | None
    needed_per_day: int | None
    open_days_left: int
    from_history: bool


@memoized(copy=False, reads=_sales_up_to)  # a frozen result: shared, never changed
def pacing(store: Store, period: str | Period, today: date | str, *,
           currency: str | None = None, salesperson_id: int | None = None,
           target: int | None = None) -> Pacing | None:
    """Holiday-aware pacing of a month in progress (None when it is not in progress).
    `target` overrides the stored one (the what-if)."""
    w = windows(period, today)
    if not w.in_progress or w.period.kind != "month":
        return None
    p = w.period
    if target is None:
        target = target_for(store, p, "revenue", salesperson_id, currency=currency)
    weights = day_weights(store, p, currency=currency, salesperson_id=salesperson_id)
    actual = sum(_day_revenue(store, {d.isoformat() for d in _days(p)[:w.day]}, currency,
                              salesperson_id).values())
    left = open_days_left(store, p, w.day)
    expected = pace = needed = None
    if target is not None:
        total = sum(weights)
        expected = div_half_even(target * sum(weights[:w.day]), total) if total else None
        pace = ratio(actual, expected)
        if left:
            needed = div_half_even(target - actual, left)
    return Pacing(target, actual, w.day, p.days, weights, expected, pace, needed, left,
                  uses_history(store, p))


def open_days_left(store: Store, period: str | Period, done: int) -> int:
    """Days of the month after its first `done` days that the shop has not marked closed
    (a day that sold nothing last year is still open this year)."""
    p = parse_period(period)
    closed = insight.closed_days(store, p.first_day, p.last_day)
    return sum(1 for d in _days(p)[done:] if d.isoformat() not in closed)


# -- the chance of making the target -------------------------------------------------
# a holiday's same day a year before depends on the date alone (the `holidays` package):
# the chance history asks for each day of the month once per day before it
_same_holiday_year_before = lru_cache(maxsize=4096)(calendar.same_holiday_year_before)


def _pools(as_of: date, remaining: list[date], revenue: dict[str, int],
           closed: set[str], first: str) -> list[list[int]]:
    """For each remaining day, the day revenues it draws from (empty: closed). Days before
    the shop's first sale are no history: they are left out of a pool, and a holiday with
    no history of its own draws as its weekday does."""
    pools: list[list[int]] = []
    for d in remaining:
        if d.isoformat() in closed:
            pools.append([])
            continue
        same = _same_holiday_year_before(d)
        if same is not None and (date.fromisoformat(same) - timedelta(days=1)).isoformat() >= first:
            s = date.fromisoformat(same)
            pools.append([revenue.get((s + timedelta(days=k)).isoformat(), 0)
                          for k in (-1, 0, 1)])
            continue
        back = ((as_of.weekday() - d.weekday()) % 7) or 7  # the last such weekday before
        days = [(as_of - timedelta(days=back + 7 * k)).isoformat() for k in range(HISTORY_WEEKS)]
        pools.append([revenue.get(day, 0) for day in days if day >= first] or [0])
    return pools


def _history_days(as_of: date, remaining: list[date]) -> set[str]:
    days = {(as_of - timedelta(days=i)).isoformat() for i in range(1, 7 * HISTORY_WEEKS + 8)}
    for d in remaining:
        same = _same_holiday_year_before(d)
        if same is not None:
            s = date.fromisoformat(same)
            days.update((s + timedelta(days=k)).isoformat() for k in (-1, 0, 1))
    return days


def simulate(so_far: int, target: int, pools: list[list[int]],
             simulations: int = SIMULATIONS, seed: int = SEED) -> float:
    """Share of simulated completions reaching the target (see the module doc)."""
    if so_far >= target:
        return 1.0
    return _simulated(so_far, target, tuple(map(tuple, pools)), simulations, seed)


# Keyed by everything a simulation reads, so a remembered share is never stale: after a
# sale the Dashboard reads the day revenues again (cheap rollup reads), but only the
# chances whose inputs moved (today's, the sale's salesperson's) are simulated again;
# the chance history's earlier days and the other salespeople's come from here.
@input_keyed
def _simulated(so_far: int, target: int, pools: tuple[tuple[int, ...], ...],
               simulations: int, seed: int) -> float:
    rng = np.random.default_rng(seed)
    totals = np.full(simulations, so_far, dtype=np.int64)
    for pool in pools:
        if pool:  # the draws of rng.choice(pool, size), without its overhead
            totals += np.asarray(pool, dtype=np.int64)[
                rng.integers(0, len(pool), size=simulations)]
    return float(np.count_nonzero(totals >= target)) / simulations


def _probability(store: Store, p: Period, as_of: date, target: int | None,
                 revenue: dict[str, int], closed: set[str], first: str | None) -> float | None:
    if target is None or first is None:
        return None
    so_far = sum(revenue.get((p.start + timedelta(days=i)).isoformat(), 0)
                 for i in range((as_of - p.start).days + 1))
    if so_far >= target:
        return 1.0
    if (as_of - date.fromisoformat(first)).days < MIN_HISTORY_DAYS:
        return None
    remaining = [as_of + timedelta(days=i) for i in range(1, (p.end - as_of).days + 1)]
    return simulate(so_far, target, _pools(as_of, remaining, revenue, closed, first))


@memoized(reads=_sales_up_to)
def target_probability(store: Store, period: str | Period, today: date | str, *,
                       currency: str | None = None, salesperson_id: int | None = None,
                       target: int | None = None) -> float | None:
    """The chance of making the month's revenue target as of today (0..1), or None."""
    w = windows(period, today)
    if not w.in_progress:
        return None
    p, as_of = w.period, as_date(today)
    if target is None:
        target = target_for(store, p, "revenue", salesperson_id, currency=currency)
    remaining = [as_of + timedelta(days=i) for i in range(1, (p.end - as_of).days + 1)]
    needed = _history_days(as_of, remaining) | {d.isoformat() for d in _days(p)}
    revenue = _day_revenue(store, needed, currency, salesperson_id)
    closed = insight.closed_days(store, p.first_day, p.last_day)
    return _probability(store, p, as_of, target, revenue, closed, first_sale_day(store))


def probability_history(store: Store, period: str | Period, today: date | str, *,
                        currency: str | None = None, salesperson_id: int | None = None
                        ) -> list[tuple[str, float | None]]:
    """[(day, chance as of that day)] for days 1..today of a month in progress.

    Each day's chance reads only the sales up to that day, so each is remembered on its
    own: after today's sale only today's is computed again."""
    w = windows(period, today)
    if not w.in_progress:
        return []
    p, as_of = w.period, as_date(today)
    days = [d for d in _days(p)[:w.day] if d <= as_of]
    keys = {d: ("probability_history", p.key, d.isoformat(), currency, salesperson_id)
            for d in days}
    chances: dict[date, float | None] = {}
    results = current(store)
    for d in days:
        found, chance = recall(results, keys[d])
        if found:
            chances[d] = chance
    missing = [d for d in days if d not in chances]
    if missing:
        for d, chance in _chances_on(store, p, missing, currency, salesperson_id).items():
            chances[d] = chance
            remember(results, keys[d], chance, Reads(last=d.isoformat(),
                                                     salesperson=salesperson_id))
    return [(d.isoformat(), chances[d]) for d in days]


def _chances_on(store: Store, p: Period, days: list[date], currency: str | None,
                salesperson_id: int | None) -> dict[date, float | None]:
    """The chance as of each of these days of the month (one read of the day revenues)."""
    target = target_for(store, p, "revenue", salesperson_id, currency=currency)
    if target is None:
        return dict.fromkeys(days)
    needed: set[str] = {d.isoformat() for d in _days(p)}
    needed |= _history_days(p.start, _days(p))
    needed |= {(p.start + timedelta(days=i)).isoformat() for i in range(-7 * HISTORY_WEEKS - 8, 0)}
    revenue = _day_revenue(store, needed, currency, salesperson_id)
    closed = insight.closed_days(store, p.first_day, p.last_day)
    first = first_sale_day(store)
    return {d: _probability(store, p, d, target, revenue, closed, first) for d in days}


def chance_in_ten(probability: float | None) -> int | None:
    """The chance said as "about N in 10" (0..10)."""
    if probability is None:
        return None
    return int(round(probability * 10))


# -- weeks --------------------------------------------------------------------------
@dataclass(frozen=True)
class WeekTarget:
    first: str  # the week's days inside the month (Monday..Sunday, cut at the month's ends)
    last: str
    target: int
    actual: int | None


def week_targets(store: Store, period: str | Period, today: date | str, *,
                 currency: str | None = None, salesperson_id: int | None = None
                 ) -> list[WeekTarget]:
    """The month's target cut into its weeks by the day weights (they add up to it
    exactly: cumulative rounding); empty without a target."""
    p = parse_period(period)
    target = target_for(store, p, "revenue", salesperson_id, currency=currency)
    if target is None:
        return []
    weights = day_weights(store, p, currency=currency, salesperson_id=salesperson_id)
    total = sum(weights) or 1
    today = as_date(today)
    revenue = _day_revenue(store, {d.isoformat() for d in _days(p)}, currency, salesperson_id)
    weeks: list[WeekTarget] = []
    days = _days(p)
    start = 0
    cumulative = allotted = 0
    while start < len(days):
        end = start
        while end + 1 < len(days) and days[end + 1].weekday() != 0:
            end += 1
        cumulative += sum(weights[start:end + 1])
        upto = div_half_even(target * cumulative, total)
        actual = None if days[start] > today else sum(
            revenue[d.isoformat()] for d in days[start:end + 1] if d <= today)
        weeks.append(WeekTarget(days[start].isoformat(), days[end].isoformat(),
                                upto - allotted, actual))
        allotted = upto
        start = end + 1
    return weeks


def yearly_spread_percents(store: Store, year: int, today: date | None = None
                           ) -> list[float] | None:
    """Last year's revenue per calendar month as 12 shares (percent, January first), for
    spreading a yearly target: the 12 complete months ending with December before `year`
    (or with the last complete month when that December is not over yet). None without
    12 months of history, or when the setting `yearly_spread` is "even"."""
    from kpidesk.metrics.plan import seasonality
    from kpidesk.store.security import today as shop_today

    if store.setting("yearly_spread") == "even":
        return None
    today = today or shop_today(store)
    last = min(f"{year - 1:04d}-12", add_months(f"{today.year:04d}-{today.month:02d}", -1))
    return seasonality(store, last)
