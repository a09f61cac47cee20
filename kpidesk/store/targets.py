"""Targets per period, scope (the shop or one salesperson) and measure."""

from __future__ import annotations

import re

from kpidesk.store import history, security
from kpidesk.store.db import Store
from kpidesk.store.errors import ValidationError
from kpidesk.store.money import CURRENCIES
from kpidesk.store.topics import Topic
from kpidesk.store.uuids import new_uuid

MEASURES = ("revenue", "new_customers", "won_opportunities")
_PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def check_period(period: str) -> str:
    if not _PERIOD.match(period or ""):
        raise ValidationError("period", "bad_period", value=period)
    return period


def set_target(store: Store, period: str, measure: str, value: int | None,
               salesperson_id: int | None = None, currency: str | None = None) -> None:
    """Set (or with value None, clear) one target. Revenue is in minor units of `currency`."""
    check_period(period)
    if measure not in MEASURES:
        raise ValidationError("measure", "bad_measure", value=measure)
    if value is not None and (not isinstance(value, int) or value < 0):
        raise ValidationError("value", "not_positive", value=value)
    currency = currency or store.reporting_currency
    if currency not in CURRENCIES:
        raise ValidationError("currency", "bad_currency", value=currency)
    security.demand_owner(store, "target")  # targets are the owner's
    with store.transaction() as conn:
        before = get_target(store, period, measure, salesperson_id)
        after = (value, currency if measure == "revenue" else None) if value is not None else None
        if before != after:
            history.note(store, "target", f"{period} {measure} {salesperson_id or 'shop'}",
                         None if before is None else {"value": before[0], "currency": before[1]},
                         None if after is None else {"value": after[0], "currency": after[1]})
        conn.execute(
            "DELETE FROM targets WHERE period = ? AND measure = ? AND IFNULL(salesperson_id, 0) = ?",
            (period, measure, salesperson_id or 0),
        )
        if value is not None:
            conn.execute(
                "INSERT INTO targets(uuid, period, salesperson_id, measure, value, currency)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (new_uuid(), period, salesperson_id, measure, value,
                 currency if measure == "revenue" else None),
            )
        store.mark_changed(Topic.TARGETS)


def set_many(store: Store, rows: list[tuple[str, str, int | None, int | None]],
             currency: str | None = None) -> None:
    """Set many (period, measure, value, salesperson_id) targets in one transaction."""
    with store.transaction():
        for period, measure, value, salesperson_id in rows:
            set_target(store, period, measure, value, salesperson_id, currency)


def get_target(store: Store, period: str, measure: str,
               salesperson_id: int | None = None) -> tuple[int, str | None] | None:
    """(value, currency) of one stored target, or None."""
    row = store.conn.execute(
        "SELECT value, currency FROM targets WHERE period = ? AND measure = ?"
        " AND IFNULL(salesperson_id, 0) = ?",
        (period, measure, salesperson_id or 0),
    ).fetchone()
    return (int(row[0]), row[1]) if row else None


def spread_yearly(total: int, percents: list[float] | None = None) -> list[int]:
    """Split a yearly target over 12 months by percentage (equal by default).

    Whole minor units: the rounding remainder goes to the last months so the
    months always add up to exactly `total`.
    """
    if percents is None:
        percents = [100 / 12] * 12
    if len(percents) != 12 or any(p < 0 for p in percents) or sum(percents) <= 0:
        raise ValidationError("percent", "bad_split")
    weight = sum(percents)
    months: list[int] = []
    allotted = 0
    cumulative = 0.0
    for p in percents:
        cumulative += p
        upto = round(total * cumulative / weight)
        months.append(upto - allotted)
        allotted = upto
    return months


def copy_year(store: Store, from_year: int, to_year: int) -> int:
    """Copy every target of one year to the same months of another; returns how many."""
    rows = store.query("SELECT * FROM targets WHERE period LIKE ?", (f"{from_year:04d}-%",))
    with store.transaction():
        for r in rows:
            set_target(store, f"{to_year:04d}{r['period'][4:]}", r["measure"], r["value"],
                       r["salesperson_id"], r["currency"] or None)
    return len(rows)


def year_snapshot(store: Store, year: int) -> list[tuple]:
    """Every target of `year`: (period, measure, salesperson_id, value, currency), sorted."""
    return [tuple(r) for r in store.conn.execute(
        "SELECT period, measure, salesperson_id, value, currency FROM targets"
        " WHERE period LIKE ? ORDER BY period, measure, salesperson_id", (f"{year:04d}-%",))]


def target_values(store: Store, year: int, measure: str) -> dict[tuple[str, int], tuple[int, str]]:
    """{(period, salesperson id or 0 for the shop): (value, currency)} of `year`."""
    return {(r[0], int(r[1] or 0)): (int(r[2]), r[3])
            for r in store.conn.execute(
                "SELECT period, salesperson_id, value, currency FROM targets"
                " WHERE measure = ? AND period LIKE ?", (measure, f"{year:04d}-%"))}


def salespeople_with_targets(store: Store, year: int, measure: str) -> list[tuple[int, str]]:
    """(id, name) of the active salespeople and of those with a target in `year`: the
    active first, then by name."""
    rows = store.conn.execute(
        "SELECT id, name FROM salespeople WHERE active = 1 OR id IN"
        " (SELECT salesperson_id FROM targets WHERE period LIKE ? AND measure = ?)"
        " ORDER BY active DESC, name COLLATE NOCASE", (f"{year:04d}-%", measure)).fetchall()
    return [(int(r[0]), str(r[1])) for r in rows]


def first_period(store: Store) -> str | None:
    """The earliest month ('YYYY-MM') with a target, or None."""
    value = store.scalar("SELECT MIN(period) FROM targets")
    return str(value) if value else None
