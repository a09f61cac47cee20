"""The shop's calendar (days it marks closed or special), commission rates and targets
per product category: what the pacing, commission and category figures of
`metrics/insight*` read. Every change is the owner's (PIN) and is written with its
change-history entry in one transaction.

Commission rates are in basis points (1/100 of a percent: 250 = 2.5 %), integers like
money. A rate is kept per salesperson (category 0: all their sales), per category
(salesperson 0: anyone's sales of it) or per salesperson and category; the most
specific one applies (see `metrics.insight.commission`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from kpidesk.store import history, security
from kpidesk.store.db import Store
from kpidesk.store.errors import ValidationError
from kpidesk.store.money import CURRENCIES
from kpidesk.store.topics import Topic
from kpidesk.store.uuids import new_uuid

SCHEMA = [
    "CREATE TABLE IF NOT EXISTS shop_days (day TEXT PRIMARY KEY,"
    " kind TEXT NOT NULL CHECK (kind IN ('closed', 'special')),"
    " note TEXT NOT NULL DEFAULT '')",
    "CREATE TABLE IF NOT EXISTS commission_rates ("
    " salesperson_id INTEGER NOT NULL DEFAULT 0, category_id INTEGER NOT NULL DEFAULT 0,"
    " rate_bp INTEGER NOT NULL CHECK (rate_bp >= 0),"
    " PRIMARY KEY (salesperson_id, category_id))",
    "CREATE TABLE IF NOT EXISTS category_targets (uuid BLOB NOT NULL,"
    " period TEXT NOT NULL, category_id INTEGER NOT NULL REFERENCES categories(id),"
    " value INTEGER NOT NULL, currency TEXT NOT NULL,"
    " PRIMARY KEY (period, category_id))",
]

DAY_KINDS = ("closed", "special")
MAX_RATE_BP = 10_000  # 100 %
_PERIOD = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


@dataclass(frozen=True)
class ShopDay:
    day: str
    kind: str  # 'closed' | 'special'
    note: str


# -- the calendar ------------------------------------------------------------------
def shop_days(store: Store, first: str, last: str) -> list[ShopDay]:
    """Days marked closed or special between first and last (ISO, inclusive)."""
    return [ShopDay(*r) for r in store.conn.execute(
        "SELECT day, kind, note FROM shop_days WHERE day BETWEEN ? AND ? ORDER BY day",
        (first, last))]


def closed_days(store: Store, first: str, last: str) -> set[str]:
    return {d.day for d in shop_days(store, first, last) if d.kind == "closed"}


def mark_day(store: Store, day: str, kind: str | None, note: str = "") -> None:
    """Mark a day closed or special (kind None: unmark it)."""
    try:
        date.fromisoformat(day)
    except (TypeError, ValueError):
        raise ValidationError("day", "bad_date", value=day) from None
    if kind is not None and kind not in DAY_KINDS:
        raise ValidationError("kind", "bad_day_kind", value=kind)
    security.demand_owner(store, "setting")
    with store.transaction() as conn:
        row = conn.execute("SELECT kind, note FROM shop_days WHERE day = ?", (day,)).fetchone()
        before = None if row is None else {"kind": row[0], "note": row[1]}
        after = None if kind is None else {"kind": kind, "note": note}
        if before != after:
            history.note(store, "setting", f"calendar {day}", before, after)
        conn.execute("DELETE FROM shop_days WHERE day = ?", (day,))
        if kind is not None:
            conn.execute("INSERT INTO shop_days (day, kind, note) VALUES (?, ?, ?)",
                         (day, kind, note))
        store.mark_changed(Topic.SETTINGS)


# -- commission rates ---------------------------------------------------------------
def commission_rates(store: Store) -> dict[tuple[int, int], int]:
    """{(salesperson_id or 0, category_id or 0): rate in basis points}."""
    return {(int(s), int(c)): int(r) for s, c, r in store.conn.execute(
        "SELECT salesperson_id, category_id, rate_bp FROM commission_rates")}


def set_commission_rate(store: Store, rate_bp: int | None, salesperson_id: int | None = None,
                        category_id: int | None = None) -> None:
    """Set (or with None, clear) a commission rate in basis points."""
    if salesperson_id is None and category_id is None:
        raise ValidationError("salesperson", "required")
    if rate_bp is not None and (not isinstance(rate_bp, int) or not 0 <= rate_bp <= MAX_RATE_BP):
        raise ValidationError("rate", "bad_rate", value=rate_bp)
    security.demand_owner(store, "setting")
    key = (salesperson_id or 0, category_id or 0)
    with store.transaction() as conn:
        old = commission_rates(store).get(key)
        if old != rate_bp:
            history.note(store, "setting", f"commission {key[0]} {key[1]}",
                         None if old is None else {"rate_bp": old},
                         None if rate_bp is None else {"rate_bp": rate_bp})
        conn.execute("DELETE FROM commission_rates WHERE salesperson_id = ? AND category_id = ?",
                     key)
        if rate_bp is not None:
            conn.execute("INSERT INTO commission_rates (salesperson_id, category_id, rate_bp)"
                         " VALUES (?, ?, ?)", (*key, rate_bp))
        store.mark_changed(Topic.SETTINGS)


# -- targets per category -------------------------------------------------------------
def category_targets(store: Store, first_month: str, last_month: str
                     ) -> dict[tuple[str, int], tuple[int, str]]:
    """{(period, category_id): (value in minor units, currency)} of the months given."""
    return {(p, int(c)): (int(v), cur) for p, c, v, cur in store.conn.execute(
        "SELECT period, category_id, value, currency FROM category_targets"
        " WHERE period BETWEEN ? AND ?", (first_month, last_month))}


def set_category_target(store: Store, period: str, category_id: int, value: int | None,
                        currency: str | None = None) -> None:
    """Set (or with None, clear) the revenue target of one category for one month."""
    if not _PERIOD.match(period or ""):
        raise ValidationError("period", "bad_period", value=period)
    if value is not None and (not isinstance(value, int) or value < 0):
        raise ValidationError("value", "not_positive", value=value)
    currency = currency or store.reporting_currency
    if currency not in CURRENCIES:
        raise ValidationError("currency", "bad_currency", value=currency)
    security.demand_owner(store, "target")
    with store.transaction() as conn:
        old = category_targets(store, period, period).get((period, int(category_id)))
        new = None if value is None else (value, currency)
        if old != new:
            history.note(store, "target", f"{period} revenue category {category_id}",
                         None if old is None else {"value": old[0], "currency": old[1]},
                         None if new is None else {"value": new[0], "currency": new[1]})
        conn.execute("DELETE FROM category_targets WHERE period = ? AND category_id = ?",
                     (period, category_id))
        if value is not None:
            conn.execute("INSERT INTO category_targets (uuid, period, category_id, value,"
                         " currency) VALUES (?, ?, ?, ?, ?)",
                         (new_uuid(), period, category_id, value, currency))
        store.mark_changed(Topic.TARGETS)
