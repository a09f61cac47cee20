"""Opportunities and the pipeline (KPI.md §3).

Money is the opportunity's value in the reporting currency (`value_usd` or
`value_khr`, converted with the opportunity's own rate when it was written);
weighted money is Σ value × probability / 100, rounded half to even once at
the end. An opportunity is *open on date d* when it was created on or before d
and is either still open (status 'open' — a reopened one has status 'open'
and no closed date) or was closed after d. Probabilities are the current ones.
Opportunities without an expected close date are never "expected to close" in
a period and never overdue.
"""

from __future__ import annotations

from datetime import date

from kpidesk.metrics.periods import Period, parse_period
from kpidesk.store.db import Store
from kpidesk.store.money import convert


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _div_half_even(numerator: int, denominator: int) -> int:
    quotient, remainder = divmod(numerator, denominator)
    twice = 2 * remainder
    if twice > denominator or (twice == denominator and quotient % 2 == 1):
        quotient += 1
    return quotient


def value_column(store: Store) -> str:
    return "value_usd" if store.reporting_currency == "USD" else "value_khr"


_OPEN_ON = "created <= :d AND (status = 'open' OR (closed IS NOT NULL AND closed > :d))"


def _revenue(store: Store, p: Period) -> int:
    col = "revenue_usd" if store.reporting_currency == "USD" else "revenue_khr"
    return int(store.scalar(
        f"SELECT IFNULL(SUM({col}), 0) FROM daily_revenue WHERE day BETWEEN ? AND ?",
        (p.first_day, p.last_day)) or 0)


def _revenue_target(store: Store, p: Period) -> int | None:
    """Shop revenue target of P in the reporting currency (KPI.md §2: the shop's own
    target of each month, else the sum of its salespeople's); None when none is set."""
    try:
        from kpidesk.metrics.targets import target_for
    except ImportError:  # pragma: no cover - the targets module ships with the app
        target_for = None
    if target_for is not None:
        return target_for(store, p, "revenue")
    currency, rate = store.reporting_currency, store.default_rate
    total, found = 0, False
    for month in p.months():
        rows = store.conn.execute(
            "SELECT salesperson_id, value, currency FROM targets"
            " WHERE period = ? AND measure = 'revenue'", (month,)).fetchall()
        shop = [r for r in rows if r[0] is None]
        chosen = shop or rows
        for _, value, cur in chosen:
            usd, khr = convert(int(value), cur or currency, rate)
            total += usd if currency == "USD" else khr
            found = True
    return total if found else None


def _expected_in(p: Period, today: date) -> tuple[str, dict] | None:
    """SQL condition on open opportunities expected to close in P (None: none can be).

    Overdue ones (expected before today) count in the current period, the one
    containing today; so a past period has none left, and the current one takes
    every open opportunity expected up to its end.
    """
    if p.end < today:
        return None
    if p.contains(today):
        return "expected_close <= :hi", {"hi": p.last_day}
    return "expected_close BETWEEN :lo AND :hi", {"lo": p.first_day, "hi": p.last_day}


def open_pipeline(store: Store, d: date | str) -> dict:
    """count, value, weighted (Σ value × probability) and overdue_count / overdue_value of
    the opportunities open on d; overdue = expected close before d."""
    col = value_column(store)
    count, value, weighted, o_count, o_value = store.conn.execute(
        f"""
        SELECT COUNT(*), IFNULL(SUM({col}), 0), IFNULL(SUM({col} * probability), 0),
               IFNULL(SUM(expected_close < :d), 0),
               IFNULL(SUM(CASE WHEN expected_close < :d THEN {col} END), 0)
        FROM opportunities WHERE {_OPEN_ON}
        """, {"d": _as_date(d).isoformat()}).fetchone()
    return {"count": int(count), "value": int(value),
            "weighted": _div_half_even(int(weighted), 100),
            "overdue_count": int(o_count), "overdue_value": int(o_value)}


def expected_weighted(store: Store, period: str | Period, today: date | str) -> int:
    """Σ value × probability of the opportunities open now and expected to close in P
    (overdue ones in the current period)."""
    p = parse_period(period)
    cond = _expected_in(p, _as_date(today))
    if cond is None:
        return 0
    where, params = cond
    col = value_column(store)
    total = store.scalar(
        f"SELECT IFNULL(SUM({col} * probability), 0) FROM opportunities"
        f" WHERE status = 'open' AND expected_close IS NOT NULL AND {where}", params)
    return _div_half_even(int(total or 0), 100)


def pipeline_kpis(store: Store, period: str | Period, today: date | str) -> dict:
    """Every pipeline KPI of KPI.md §3 for a period.

    open_pipeline_count / open_pipeline / weighted_pipeline / overdue_count /
    overdue_value are taken on d = min(today, P's last day). win_rate,
    average_deal_size and sales_cycle_days are over the opportunities closed
    (won or lost) in P. pipeline_forecast = revenue(P) so far + weighted value of
    the open opportunities expected to close in P (overdue ones in the current
    period). pipeline_coverage = that weighted value / (revenue target of P −
    revenue(P)); None without a target or when the target is already reached.
    """
    p = parse_period(period)
    today = _as_date(today)
    d = min(today, p.end)
    col = value_column(store)
    now = open_pipeline(store, d)

    won = lost = 0
    won_value = won_days = 0
    for status, n, value, days in store.conn.execute(
            f"""
            SELECT status, COUNT(*), IFNULL(SUM({col}), 0),
                   IFNULL(SUM(julianday(closed) - julianday(created)), 0)
            FROM opportunities
            WHERE status IN ('won', 'lost') AND closed BETWEEN ? AND ?
            GROUP BY status
            """, (p.first_day, p.last_day)):
        if status == "won":
            won, won_value, won_days = int(n), int(value), float(days)
        else:
            lost = int(n)

    revenue = _revenue(store, p)
    expected = expected_weighted(store, p, today)
    target = _revenue_target(store, p)
    gap = None if target is None else target - revenue
    return {
        "open_pipeline_count": now["count"],
        "open_pipeline": now["value"],
        "weighted_pipeline": now["weighted"],
        "overdue_count": now["overdue_count"],
        "overdue_value": now["overdue_value"],
        "win_rate": won / (won + lost) if won + lost else None,
        "average_deal_size": _div_half_even(won_value, won) if won else None,
        "sales_cycle_days": won_days / won if won else None,
        "pipeline_forecast": revenue + expected,
        "pipeline_coverage": expected / gap if gap is not None and gap > 0 else None,
    }


def pipeline_by_stage(store: Store, today: date | str) -> list[dict]:
    """The opportunities open on `today` by stage, in stage order: every open-kind stage
    (even empty) and any other stage holding a reopened opportunity. Each row:
    stage_id, name, count, value, weighted."""
    col = value_column(store)
    sums = {r[0]: r[1:] for r in store.conn.execute(
        f"SELECT stage_id, COUNT(*), IFNULL(SUM({col}), 0), IFNULL(SUM({col} * probability), 0)"
        f" FROM opportunities WHERE {_OPEN_ON} GROUP BY stage_id",
        {"d": _as_date(today).isoformat()})}
    rows = []
    for stage_id, name, kind in store.conn.execute(
            "SELECT id, name, kind FROM stages ORDER BY position, id"):
        if kind != "open" and stage_id not in sums:
            continue
        count, value, weighted = sums.get(stage_id, (0, 0, 0))
        rows.append({"stage_id": stage_id, "name": name, "count": int(count),
                     "value": int(value), "weighted": _div_half_even(int(weighted), 100)})
    return rows
