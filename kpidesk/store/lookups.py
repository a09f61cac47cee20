"""What lets the customer figures of a large shop be read without a pass over its
customers (schema version 5), kept in the same transaction as every write.

Per contact (`contacts` columns, from its purchase days):
- second_purchase: its second purchase day (second-purchase rate);
- risk_from / risk_until: the days it is on the at-risk list if it buys nothing more,
  last purchase + max(2 × usual gap, 30) + 1 … last purchase + 364 (NULL below two
  purchase days, or when the window is empty);
- risk_bound_usd / risk_bound_khr: the positive part of its revenue from 364 days before
  its at-risk window opens up to its last purchase: never below its revenue of the 365
  days up to any day of that window, so the at-risk list reads the exact revenue only of
  contacts whose bound can still place them among the rows shown.

`month_customers`: per month, the customers with a purchase in it (`active`), of them
with two orders or more (`repeat_customers`) and with a purchase in the month before
too (`retained`). `contact_day_counts`: how many contacts have their last purchase
(`what` = 'last'), loyal_from ('loyal'), risk_from ('risk_from') or risk_until
('risk_until') on each day, so a count over a window of days is a sum over its days.

Writes call `before(conn, ids)` before they recompute the contacts' rollups and
`after(conn, ids)` once they have; `rebuild(conn)` recomputes everything.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterable

SCHEMA = [
    "ALTER TABLE contacts ADD COLUMN second_purchase TEXT",
    "ALTER TABLE contacts ADD COLUMN risk_from TEXT",
    "ALTER TABLE contacts ADD COLUMN risk_until TEXT",
    "ALTER TABLE contacts ADD COLUMN risk_bound_usd INTEGER NOT NULL DEFAULT 0",
    "ALTER TABLE contacts ADD COLUMN risk_bound_khr INTEGER NOT NULL DEFAULT 0",
    "CREATE TABLE month_customers (month TEXT PRIMARY KEY, active INTEGER NOT NULL,"
    " repeat_customers INTEGER NOT NULL, retained INTEGER NOT NULL) WITHOUT ROWID",
    "CREATE TABLE contact_day_counts (what TEXT NOT NULL, day TEXT NOT NULL,"
    " contacts INTEGER NOT NULL, PRIMARY KEY (what, day)) WITHOUT ROWID",
    # the at-risk list's rows, most valuable first (customers.at_risk), one per currency
    "CREATE INDEX idx_contacts_risk_usd ON contacts(risk_bound_usd, risk_from, risk_until)"
    " WHERE risk_from IS NOT NULL",
    "CREATE INDEX idx_contacts_risk_khr ON contacts(risk_bound_khr, risk_from, risk_until)"
    " WHERE risk_from IS NOT NULL",
    # who is at risk on a day (statuses, the full list): a range of last purchases
    "DROP INDEX IF EXISTS idx_contacts_last_purchase",
    "CREATE INDEX idx_contacts_last_purchase ON contacts(last_purchase, risk_from)",
    # new customers of a period and how many bought again within 90 days
    "DROP INDEX IF EXISTS idx_contacts_first_purchase",
    "CREATE INDEX idx_contacts_first_purchase ON contacts(first_purchase, second_purchase)",
    # lead conversion and the funnel of the leads created in a period
    "CREATE INDEX idx_contacts_leads ON contacts(created, first_purchase, last_purchase,"
    " purchase_days, loyal_from) WHERE kind = 'lead'",
]

# {where}: "AND c.id IN (…)" for some contacts, "" for all; {start}: _BOUND_START.
_CONTACT_COLUMNS = """
    UPDATE contacts SET second_purchase = v.second, risk_from = v.risk_from,
        risk_until = v.risk_until, risk_bound_usd = v.usd, risk_bound_khr = v.khr
    FROM (SELECT c.id AS contact_id,
                 (SELECT MIN(x.day) FROM customer_day x WHERE x.contact_id = c.id
                  AND x.orders > 0 AND x.day > c.first_purchase) AS second,
                 CASE WHEN c.usual_gap IS NOT NULL AND MAX(2 * c.usual_gap, 30) < 364
                      THEN date(c.last_purchase, '+' || CAST(MAX(2 * c.usual_gap, 30) + 1
                                                             AS INTEGER) || ' days')
                 END AS risk_from,
                 CASE WHEN c.usual_gap IS NOT NULL AND MAX(2 * c.usual_gap, 30) < 364
                      THEN date(c.last_purchase, '+364 days') END AS risk_until,
                 IFNULL((SELECT SUM(MAX(x.revenue_usd, 0)) FROM customer_day x
                         WHERE x.contact_id = c.id AND x.day
                         BETWEEN {start} AND c.last_purchase), 0) AS usd,
                 IFNULL((SELECT SUM(MAX(x.revenue_khr, 0)) FROM customer_day x
                         WHERE x.contact_id = c.id AND x.day
                         BETWEEN {start} AND c.last_purchase), 0) AS khr
          FROM contacts c WHERE c.last_purchase IS NOT NULL {where}) AS v
    WHERE contacts.id = v.contact_id
"""

# The bound's first day: risk_from − 364 = last purchase + max(2 × gap, 30) + 1 − 364.
_BOUND_START = ("date(c.last_purchase, CAST(MAX(2 * IFNULL(c.usual_gap, 182), 30) - 363"
                " AS INTEGER) || ' days')")

_CLEAR = """
    UPDATE contacts SET second_purchase = NULL, risk_from = NULL, risk_until = NULL,
        risk_bound_usd = 0, risk_bound_khr = 0 {where}
"""

_DAY_COLUMNS = {"last": "last_purchase", "loyal": "loyal_from", "risk_from": "risk_from",
                "risk_until": "risk_until"}


def present(conn: sqlite3.Connection) -> bool:
    """Whether the file has reached version 5 (a migration of an older file rebuilds the
    rollups of its own version first)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                        " AND name = 'month_customers'").fetchone() is not None


def _in(ids: list[int]) -> str:
    return ",".join(str(int(i)) for i in ids) or "NULL"


def _previous_month(month: str) -> str:
    year, mon = int(month[:4]), int(month[5:7])
    return f"{year - 1:04d}-12" if mon == 1 else f"{year:04d}-{mon - 1:02d}"


def _contributions(conn: sqlite3.Connection, ids: list[int]
                   ) -> tuple[Counter, Counter]:
    """What these contacts add now to month_customers ((month, column) → n) and to
    contact_day_counts ((what, day) → n)."""
    months: Counter = Counter()
    active: dict[int, dict[str, int]] = {}
    for cid, month, orders in conn.execute(
            "SELECT contact_id, month, orders FROM customer_month"
            f" WHERE contact_id IN ({_in(ids)}) AND orders > 0"):
        active.setdefault(cid, {})[month] = orders
    for per_month in active.values():
        for month, orders in per_month.items():
            months[(month, "active")] += 1
            if orders >= 2:
                months[(month, "repeat_customers")] += 1
            if _previous_month(month) in per_month:
                months[(month, "retained")] += 1
    days: Counter = Counter()
    for row in conn.execute(
            "SELECT last_purchase, loyal_from, risk_from, risk_until FROM contacts"
            f" WHERE id IN ({_in(ids)})"):
        for what, day in zip(_DAY_COLUMNS, row, strict=True):
            if day is not None:
                days[(what, day)] += 1
    return months, days


def _apply(conn: sqlite3.Connection, months: Counter, days: Counter, sign: int) -> None:
    for column in ("active", "repeat_customers", "retained"):
        conn.executemany(
            "INSERT INTO month_customers (month, active, repeat_customers, retained)"
            " VALUES (?, 0, 0, 0) ON CONFLICT (month) DO NOTHING",
            [(m,) for (m, c) in months if c == column])
        conn.executemany(
            f"UPDATE month_customers SET {column} = {column} + ? WHERE month = ?",
            [(sign * n, m) for (m, c), n in months.items() if c == column])
    conn.executemany(
        "INSERT INTO contact_day_counts (what, day, contacts) VALUES (?, ?, ?)"
        " ON CONFLICT (what, day) DO UPDATE SET contacts = contacts + excluded.contacts",
        [(what, day, sign * n) for (what, day), n in days.items()])
    if sign < 0:
        conn.execute("DELETE FROM month_customers WHERE active <= 0")
        conn.execute("DELETE FROM contact_day_counts WHERE contacts <= 0")


def before(conn: sqlite3.Connection, contact_ids: Iterable[int]) -> None:
    """Take these contacts out of the counts (before their rollups are recomputed)."""
    ids = sorted(set(contact_ids))
    if ids and present(conn):
        _apply(conn, *_contributions(conn, ids), -1)


def after(conn: sqlite3.Connection, contact_ids: Iterable[int]) -> None:
    """Recompute these contacts' columns and put them back into the counts."""
    ids = sorted(set(contact_ids))
    if not ids or not present(conn):
        return
    where = f"AND c.id IN ({_in(ids)})"
    conn.execute(_CLEAR.format(where=f"WHERE id IN ({_in(ids)})"))
    conn.execute(_CONTACT_COLUMNS.format(where=where, start=_BOUND_START))
    _apply(conn, *_contributions(conn, ids), +1)


def rebuild(conn: sqlite3.Connection) -> None:
    """Recompute every contact's columns and both count tables (inside the caller's
    transaction)."""
    if not present(conn):
        return
    conn.execute(_CLEAR.format(where=""))
    conn.execute(_CONTACT_COLUMNS.format(where="", start=_BOUND_START))
    conn.execute("DELETE FROM month_customers")
    conn.execute(
        "INSERT INTO month_customers (month, active, repeat_customers, retained)"
        " SELECT m.month, COUNT(*), SUM(m.orders >= 2), SUM(EXISTS ("
        "   SELECT 1 FROM customer_month p WHERE p.contact_id = m.contact_id AND p.orders > 0"
        "   AND p.month = substr(date(m.month || '-01', '-1 month'), 1, 7)))"
        " FROM customer_month m WHERE m.orders > 0 GROUP BY m.month")
    recount_days(conn)


def recount_days(conn: sqlite3.Connection) -> None:
    """Recount contact_day_counts from the contacts' columns (after every purchase summary
    was recomputed, e.g. when the loyal_min_orders setting moved each loyal_from)."""
    if not present(conn):
        return
    conn.execute("DELETE FROM contact_day_counts")
    for what, column in _DAY_COLUMNS.items():
        conn.execute(
            f"INSERT INTO contact_day_counts (what, day, contacts) SELECT ?, {column},"
            f" COUNT(*) FROM contacts WHERE {column} IS NOT NULL GROUP BY {column}", (what,))


def snapshot(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every row kept here, sorted (tests compare kept and rebuilt)."""
    if not present(conn):
        return {}
    return {
        "month_customers": sorted(conn.execute("SELECT * FROM month_customers")),
        "contact_day_counts": sorted(conn.execute("SELECT * FROM contact_day_counts")),
        "contacts_v5": sorted(conn.execute(
            "SELECT id, second_purchase, risk_from, risk_until, risk_bound_usd,"
            " risk_bound_khr FROM contacts")),
    }
