"""Opportunities and the pipeline (KPI.md §3).

Money is the opportunity's value in the reporting currency (`value_usd` or
`value_khr`, converted with the opportunity's own rate when it was written);
weighted money is Σ value × probability / 100, rounded half to even once at
the end. An opportunity is *open on date d* when it was created on or before d
and, as it stood on d, was either open (status 'open' — a reopened one has
status 'open' and no closed date) or closed after d.

"As it stood on d": each opportunity's stage, probability, value, expected close
date and status on d are its last state recorded in `opportunity_history` dated
d or before (KPI.md §3), so a deal won since counts at the probability it had
then, not at 100 %. An opportunity with no recorded state by d (made before
schema version 5, or imported) is read from its current row, and while it was
open before a close it is taken at the last open stage and its probability (the
stage it most likely left; its real one was not kept). Opportunities without an
expected close date are never "expected to close" in a period and never overdue.
"""

from __future__ import annotations

from datetime import date

from kpidesk.metrics.periods import Period, parse_period
from kpidesk.metrics.results import OpenPipeline, PipelineKpis, StageFigures
from kpidesk.store.db import Store


def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def div_half_even(numerator: int, denominator: int) -> int:
    quotient, remainder = divmod(numerator, denominator)
    twice = 2 * remainder
    if twice > denominator or (twice == denominator and quotient % 2 == 1):
        quotient += 1
    return quotient


def value_column(store: Store) -> str:
    return "value_usd" if store.reporting_currency == "USD" else "value_khr"


# The opportunities open on :d as they stood then (see the module doc): one row each with
# stage_id, probability, value ({col}) and expected_close.
_OPEN_ON = """
    SELECT CASE WHEN s.status = 'open' THEN s.stage_id ELSE (SELECT id FROM stages
                WHERE kind = 'open' ORDER BY position DESC, id DESC LIMIT 1) END AS stage_id,
           CASE WHEN s.status = 'open' THEN s.probability ELSE (SELECT probability FROM stages
                WHERE kind = 'open' ORDER BY position DESC, id DESC LIMIT 1) END AS probability,
           s.value AS value, s.expected_close AS expected_close
    FROM (SELECT IFNULL(h.status, o.status) AS status, IFNULL(h.closed, o.closed) AS closed,
                 CASE WHEN h.id IS NULL THEN o.stage_id ELSE h.stage_id END AS stage_id,
                 IFNULL(h.probability, o.probability) AS probability,
                 IFNULL(h.{col}, o.{col}) AS value,
                 CASE WHEN h.id IS NULL THEN o.expected_close ELSE h.expected_close END
                     AS expected_close
          FROM opportunities o
          LEFT JOIN opportunity_history h ON h.id = (
              SELECT MAX(x.id) FROM opportunity_history x
              WHERE x.opportunity_id = o.id AND x.day <= :d)
          WHERE o.created <= :d) AS s
    WHERE s.status = 'open' OR (s.closed IS NOT NULL AND s.closed > :d)
"""


def _revenue(store: Store, p: Period, upto: str | None = None) -> int:
    """Revenue of P's days up to `upto` (default: its last day)."""
    col = "revenue_usd" if store.reporting_currency == "USD" else "revenue_khr"
    return int(store.scalar(
        f"SELECT IFNULL(SUM({col}), 0) FROM daily_revenue WHERE day BETWEEN ? AND ?",
        (p.first_day, upto or p.last_day)) or 0)


def _revenue_target(store: Store, p: Period) -> int | None:
    """Shop revenue target of P in the reporting currency (KPI.md §2: the shop's own
    target of each month, else the sum of its salespeople's); None when none is set."""
    from kpidesk.metrics.targets import target_for  # here: targets imports this module

    return target_for(store, p, "revenue")


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


def open_pipeline(store: Store, d: date | str) -> OpenPipeline:
    """count, value, weighted (Σ value × probability) and overdue_count / overdue_value of
    the opportunities open on d; overdue = expected close before d."""
    col = value_column(store)
    count, value, weighted, o_count, o_value = store.conn.execute(
        f"""
        SELECT COUNT(*), IFNULL(SUM(value), 0), IFNULL(SUM(value * probability), 0),
               IFNULL(SUM(expected_close < :d), 0),
               IFNULL(SUM(CASE WHEN expected_close < :d THEN value END), 0)
        FROM ({_OPEN_ON.format(col=col)})
        """, {"d": _as_date(d).isoformat()}).fetchone()
    return {"count": int(count), "value": int(value),
            "weighted": div_half_even(int(weighted), 100),
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
    return div_half_even(int(total or 0), 100)


def pipeline_kpis(store: Store, period: str | Period, today: date | str) -> PipelineKpis:
    """Every pipeline KPI of KPI.md §3 for a period.

    open_pipeline_count / open_pipeline / weighted_pipeline / overdue_count /
    overdue_value are taken on d = min(today, P's last day). win_rate,
    average_deal_size and sales_cycle_days are over the opportunities closed
    (won or lost) in P. pipeline_forecast = revenue(P) so far + weighted value of
    the open opportunities expected to close in P (overdue ones in the current
    period). pipeline_coverage = that weighted value / (revenue target of P −
    revenue(P)); None without a target or when the target is already reached.
    Revenue and closes count up to today. A period that has not started has only its
    forecast and coverage (the other figures are None: nothing happened in it yet).
    """
    p = parse_period(period)
    today = _as_date(today)
    if today < p.start:
        expected = expected_weighted(store, p, today)
        target = _revenue_target(store, p)
        return {"open_pipeline_count": None, "open_pipeline": None, "weighted_pipeline": None,
                "overdue_count": None, "overdue_value": None, "win_rate": None,
                "average_deal_size": None, "sales_cycle_days": None,
                "pipeline_forecast": expected,
                "pipeline_coverage": expected / target if target else None}
    d = min(today, p.end)
    col = value_column(store)
    now = open_pipeline(store, d)

    won = lost = 0
    won_value = 0
    won_days = 0.0
    for status, n, value, days in store.conn.execute(
            f"""
            SELECT status, COUNT(*), IFNULL(SUM({col}), 0),
                   IFNULL(SUM(julianday(closed) - julianday(created)), 0)
            FROM opportunities
            WHERE status IN ('won', 'lost') AND closed BETWEEN ? AND ?
            GROUP BY status
            """, (p.first_day, d.isoformat())):
        if status == "won":
            won, won_value, won_days = int(n), int(value), float(days)
        else:
            lost = int(n)

    revenue = _revenue(store, p, d.isoformat())
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
        "average_deal_size": div_half_even(won_value, won) if won else None,
        "sales_cycle_days": won_days / won if won else None,
        "pipeline_forecast": revenue + expected,
        "pipeline_coverage": expected / gap if gap is not None and gap > 0 else None,
    }


def pipeline_by_stage(store: Store, today: date | str) -> list[StageFigures]:
    """The opportunities open on `today` by stage, in stage order: every open-kind stage
    (even empty) and any other stage holding a reopened opportunity. Each row:
    stage_id, name, count, value, weighted."""
    col = value_column(store)
    sums = {r[0]: r[1:] for r in store.conn.execute(
        f"SELECT stage_id, COUNT(*), IFNULL(SUM(value), 0), IFNULL(SUM(value * probability), 0)"
        f" FROM ({_OPEN_ON.format(col=col)}) GROUP BY stage_id",
        {"d": _as_date(today).isoformat()})}
    rows: list[StageFigures] = []
    for stage_id, name, kind in store.conn.execute(
            "SELECT id, name, kind FROM stages ORDER BY position, id"):
        if kind != "open" and stage_id not in sums:
            continue
        count, value, weighted = sums.get(stage_id, (0, 0, 0))
        rows.append({"stage_id": stage_id, "name": name, "count": int(count),
                     "value": int(value), "weighted": div_half_even(int(weighted), 100)})
    return rows
