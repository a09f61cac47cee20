"""What lets the customer figures of a large shop, on any day, be read without a pass over
its customers (the `customer_lookups` migration), kept in the same transaction as every
write.

From each contact's purchase days (customer_day rows with orders > 0) it keeps the spans
of days on which the contact counts as

- active in the 365 days up to the day (a purchase in them),
- loyal (at least L orders in them, L the `loyal_min_orders` setting),
- at risk (KPI.md §5: two purchase days or more up to the day, and days since the last
  one over max(2 × their median gap, 30) and under 365),

each span starting on its first day and ending on its last, as the contact's purchases
stand (a span ends before the next purchase that changes it). So a figure as of a past
day — a month's end in a report — reads the same few rows as one as of today.

- `contact_day_counts` (what, day, contacts): how many spans of each kind start
  ('active_start', 'loyal_start', 'risk_start') or end the day before
  ('active_end', 'loyal_end', 'risk_end') on each day: the contacts active, loyal or
  at risk on d are the starts up to d less the ends up to d — a sum over days.
- `risk_spans`: each at-risk span with its last purchase, usual gap and a bound of the
  contact's revenue in the 365 days up to any day of the span (the positive part of its
  revenue from 364 days before the span to the last purchase): the at-risk list reads
  the exact revenue only of contacts whose bound can still place them among the rows
  it shows.
- `month_day_counts` (month, what, day, contacts): per month and day of the month, the
  customers whose first purchase of the month is that day ('active'; 'cohort YYYY-MM'
  for those whose first purchase ever was in that month), of them those with a purchase
  in the month before too ('retained'), and the customers whose second order of the
  month is that day ('repeat'): a month's active, retained and repeat customers and its
  cohort cells up to any of its days (so far, or the month before on the same day) are
  sums over at most 31 rows each.
- `contacts.second_purchase_90`: the second purchase day when it came within 90 days of
  the first, else NULL (the second-purchase rate);
  `contacts.orders_total`: its orders, refunds left out (the contacts table).

Writes call `before(conn, ids)` before they recompute the contacts' rollups and
`after(conn, ids)` once they have; `rebuild(conn)` recomputes everything.
"""

from __future__ import annotations

import bisect
import sqlite3
from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import date

SCHEMA = [
    "ALTER TABLE contacts ADD COLUMN second_purchase_90 TEXT",
    "ALTER TABLE contacts ADD COLUMN orders_total INTEGER NOT NULL DEFAULT 0",
    "CREATE TABLE month_day_counts (month TEXT NOT NULL, what TEXT NOT NULL,"
    " day INTEGER NOT NULL, contacts INTEGER NOT NULL, PRIMARY KEY (month, what, day))"
    " WITHOUT ROWID",
    "CREATE TABLE contact_day_counts (what TEXT NOT NULL, day TEXT NOT NULL,"
    " contacts INTEGER NOT NULL, PRIMARY KEY (what, day)) WITHOUT ROWID",
    "CREATE TABLE risk_spans (contact_id INTEGER NOT NULL, start TEXT NOT NULL,"
    " end TEXT NOT NULL, last_purchase TEXT NOT NULL, usual_gap REAL NOT NULL,"
    " bound_usd INTEGER NOT NULL, bound_khr INTEGER NOT NULL,"
    " PRIMARY KEY (contact_id, start)) WITHOUT ROWID",
    # the at-risk list's rows, most valuable first (customers.at_risk), one per currency
    "CREATE INDEX idx_risk_spans_usd ON risk_spans(bound_usd, start, end)",
    "CREATE INDEX idx_risk_spans_khr ON risk_spans(bound_khr, start, end)",
    # who is at risk on a day (contact statuses, the whole list): spans not ended by then
    "CREATE INDEX idx_risk_spans_end ON risk_spans(end, start)",
    # new customers of a period and how many bought again within 90 days
    "DROP INDEX IF EXISTS idx_contacts_first_purchase",
    "CREATE INDEX idx_contacts_first_purchase ON contacts(first_purchase, second_purchase_90)",
    # a month's customers up to any of its days: the day of the first purchase in it and
    # the day its orders reach two, read with the month's index (customers._activity);
    # the index of customer_day by (day, orders) that did it from the customer days goes
    "ALTER TABLE customer_month ADD COLUMN first_day INTEGER",
    "ALTER TABLE customer_month ADD COLUMN second_day INTEGER",
    "DROP INDEX IF EXISTS idx_customer_month_month",
    "CREATE INDEX idx_customer_month_month ON customer_month(month, orders, contact_id,"
    " first_day, second_day)",
    "DROP INDEX IF EXISTS idx_customer_day_day_orders",
    # lead conversion and the funnel of the leads created in a period (read from the index
    # alone); the index of every contact's creation day had no other reader
    "CREATE INDEX idx_contacts_leads ON contacts(created, first_purchase, last_purchase,"
    " purchase_days, loyal_from) WHERE kind = 'lead'",
    "DROP INDEX IF EXISTS idx_contacts_created",
]

AT_RISK_MIN_DAYS = 30
AT_RISK_MAX_DAYS = 365
SECOND_PURCHASE_DAYS = 90
WINDOW_DAYS = 365


def present(conn: sqlite3.Connection) -> bool:
    """Whether the file has these tables yet (a migration of an older file rebuilds the
    rollups of its own version first)."""
    return conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table'"
                        " AND name = 'risk_spans'").fetchone() is not None


def _loyal_min(conn: sqlite3.Connection) -> int:
    from kpidesk.store.rollups import loyal_min_orders

    return loyal_min_orders(conn)


# -- one contact's spans -------------------------------------------------------------------
Day = tuple[int, int, int, int]  # (day ordinal, orders, revenue_usd, revenue_khr)


_EPOCH = date(1970, 1, 1).toordinal()  # customer_day's day 0


def _iso(ordinal: int) -> str:
    return date.fromordinal(ordinal).isoformat()


def spans(days: list[Day], loyal_min: int) -> dict:
    """The spans of one contact from its customer_day rows, oldest first."""
    bought = [(d, n) for d, n, _u, _k in days if n > 0]
    result: dict = {"active": [], "loyal": [], "risk": [], "months": [],
                    "second": (_iso(bought[1][0]) if len(bought) > 1
                               and bought[1][0] - bought[0][0] <= SECOND_PURCHASE_DAYS else None),
                    "orders": sum(n for _d, n in bought)}
    # per month: (month, day of its first purchase, day its orders reach two or None,
    # whether the month before had a purchase)
    months: dict[str, list] = {}
    for d, n in bought:
        day = date.fromordinal(d)
        key = f"{day:%Y-%m}"
        entry = months.get(key)
        if entry is None:
            months[key] = entry = [key, day.day, day.day if n >= 2 else None]
        elif entry[2] is None:
            entry[2] = day.day  # its second order
    for key, entry in months.items():
        result["months"].append((key, entry[1], entry[2], _previous_month(key) in months))
    # active: a purchase in the 365 days up to the day
    for d, _n in bought:
        if result["active"] and d <= result["active"][-1][1] + 1:
            result["active"][-1][1] = d + WINDOW_DAYS - 1
        else:
            result["active"].append([d, d + WINDOW_DAYS - 1])
    # loyal: at least L orders in the 365 days up to the day (orders enter on their day
    # and leave 365 days later)
    events: Counter = Counter()
    for d, n in bought:
        events[d] += n
        events[d + WINDOW_DAYS] -= n
    total, begun = 0, None
    for d in sorted(events):
        total += events[d]
        if total >= loyal_min and begun is None:
            begun = d
        elif total < loyal_min and begun is not None:
            result["loyal"].append([begun, d - 1])
            begun = None
    # at risk: after each purchase day from the second on, until the next one
    gaps: list[int] = []
    for i in range(1, len(bought)):
        bisect.insort(gaps, bought[i][0] - bought[i - 1][0])
        n = len(gaps)
        gap = (gaps[(n - 1) // 2] + gaps[n // 2]) / 2
        last = bought[i][0]
        start = last + int(max(2 * gap, AT_RISK_MIN_DAYS)) + 1
        end = last + AT_RISK_MAX_DAYS - 1
        if i + 1 < len(bought):
            end = min(end, bought[i + 1][0] - 1)
        if start > end:
            continue
        usd = sum(max(u, 0) for d, _n, u, _k in days if start - WINDOW_DAYS + 1 <= d <= last)
        khr = sum(max(k, 0) for d, _n, _u, k in days if start - WINDOW_DAYS + 1 <= d <= last)
        result["risk"].append((start, end, last, gap, usd, khr))
    return result


def _month_counts(found: dict) -> Counter:
    """What one contact adds to month_day_counts ((month, what, day) → n)."""
    counts: Counter = Counter()
    cohort = found["months"][0][0] if found["months"] else None  # its first month
    for month, first, second, before in found["months"]:
        counts[(month, "active", first)] += 1
        counts[(month, f"cohort {cohort}", first)] += 1
        if second is not None:
            counts[(month, "repeat", second)] += 1
        if before:
            counts[(month, "retained", first)] += 1
    return counts


def _day_counts(found: dict) -> Counter:
    """What one contact's spans add to contact_day_counts ((what, day) → n)."""
    counts: Counter = Counter()
    for kind in ("active", "loyal"):
        for start, end in found[kind]:
            counts[(f"{kind}_start", _iso(start))] += 1
            counts[(f"{kind}_end", _iso(end + 1))] += 1
    for start, end, *_ in found["risk"]:
        counts[("risk_start", _iso(start))] += 1
        counts[("risk_end", _iso(end + 1))] += 1
    return counts


def _contact_days(conn: sqlite3.Connection, ids: list[int] | None
                  ) -> Iterator[tuple[int, list[Day]]]:
    """(contact id, its customer_day rows) for these contacts (None: all), by id."""
    where = "" if ids is None else f" WHERE contact_id IN ({_in(ids)})"
    current: int | None = None
    days: list[Day] = []
    for cid, day, orders, usd, khr in conn.execute(
            "SELECT contact_id, day, orders, revenue_usd, revenue_khr FROM customer_day"
            f"{where} ORDER BY contact_id, day"):
        if cid != current:
            if current is not None:
                yield current, days
            current, days = cid, []
        # a day number from `number_customer_days` on (an older file's rebuild: text)
        days.append((day + _EPOCH if isinstance(day, int) else date.fromisoformat(day).toordinal(),
                     orders, usd, khr))
    if current is not None:
        yield current, days


def _in(ids: list[int]) -> str:
    return ",".join(str(int(i)) for i in ids) or "NULL"


def _previous_month(month: str) -> str:
    year, mon = int(month[:4]), int(month[5:7])
    return f"{year - 1:04d}-12" if mon == 1 else f"{year:04d}-{mon - 1:02d}"


# -- writes --------------------------------------------------------------------------------
def _is_coded(conn: sqlite3.Connection) -> bool:
    """Whether the counts carry the branch code of their contacts in their key
    (`branches.add_branch_codes`)."""
    from kpidesk.store import dialect

    return "branch" in dialect.column_names(conn, "contact_day_counts")


def _codes(conn: sqlite3.Connection, ids: list[int] | None) -> dict[int, int]:
    """{contact id: its branch's code} of contacts not of this file's own branch (code 0)."""
    if not _is_coded(conn):
        return {}
    where = "" if ids is None else f" AND c.id IN ({_in(ids)})"
    return dict(conn.execute(
        "SELECT c.id, bc.code FROM contacts c JOIN branch_codes bc ON bc.name = c.branch"
        f" WHERE c.branch IS NOT NULL{where}").fetchall())


def _coded(counts: Counter, code: int) -> Counter:
    """A contact's counts with its branch code as the first part of each key."""
    return Counter({(code, *key): n for key, n in counts.items()})


def _apply(conn: sqlite3.Connection, months: Counter, days: Counter, sign: int) -> None:
    """Add (sign +1) or take away (−1) counts keyed (branch code, …)."""
    if _is_coded(conn):
        conn.executemany(
            "INSERT INTO month_day_counts (month, what, day, branch, contacts)"
            " VALUES (?, ?, ?, ?, ?) ON CONFLICT (month, what, day, branch)"
            " DO UPDATE SET contacts = contacts + excluded.contacts",
            [(month, what, day, code, sign * n)
             for (code, month, what, day), n in months.items()])
        conn.executemany(
            "INSERT INTO contact_day_counts (what, day, branch, contacts) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (what, day, branch) DO UPDATE"
            " SET contacts = contacts + excluded.contacts",
            [(what, day, code, sign * n) for (code, what, day), n in days.items()])
    else:
        conn.executemany(
            "INSERT INTO month_day_counts (month, what, day, contacts) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (month, what, day) DO UPDATE SET contacts = contacts + excluded.contacts",
            [(month, what, day, sign * n) for (_c, month, what, day), n in months.items()])
        conn.executemany(
            "INSERT INTO contact_day_counts (what, day, contacts) VALUES (?, ?, ?)"
            " ON CONFLICT (what, day) DO UPDATE SET contacts = contacts + excluded.contacts",
            [(what, day, sign * n) for (_c, what, day), n in days.items()])
    if sign < 0:
        conn.execute("DELETE FROM month_day_counts WHERE contacts <= 0")
        conn.execute("DELETE FROM contact_day_counts WHERE contacts <= 0")


def before(conn: sqlite3.Connection, contact_ids: Iterable[int]) -> None:
    """Take these contacts out of the counts and spans (before their rollups are
    recomputed: their customer_day rows are still the old ones)."""
    ids = sorted(set(contact_ids))
    if not ids or not present(conn):
        return
    loyal_min = _loyal_min(conn)
    codes = _codes(conn, ids)
    days: Counter = Counter()
    months: Counter = Counter()
    for cid, rows in _contact_days(conn, ids):
        found = spans(rows, loyal_min)
        days.update(_coded(_day_counts(found), codes.get(cid, 0)))
        months.update(_coded(_month_counts(found), codes.get(cid, 0)))
    _apply(conn, months, days, -1)
    conn.execute(f"DELETE FROM risk_spans WHERE contact_id IN ({_in(ids)})")


def after(conn: sqlite3.Connection, contact_ids: Iterable[int]) -> None:
    """Put these contacts back into the counts and spans, from their rollups now."""
    ids = sorted(set(contact_ids))
    if not ids or not present(conn):
        return
    conn.execute("UPDATE contacts SET second_purchase_90 = NULL, orders_total = 0"
                 f" WHERE id IN ({_in(ids)})")
    _write_spans(conn, _contact_days(conn, ids), _codes(conn, ids))


def _write_spans(conn: sqlite3.Connection, contacts: Iterable[tuple[int, list[Day]]],
                 codes: dict[int, int]) -> None:
    loyal_min = _loyal_min(conn)
    days: Counter = Counter()
    months: Counter = Counter()
    risk: list[tuple] = []
    summary: list[tuple[str | None, int, int]] = []
    for cid, rows in contacts:
        found = spans(rows, loyal_min)
        days.update(_coded(_day_counts(found), codes.get(cid, 0)))
        months.update(_coded(_month_counts(found), codes.get(cid, 0)))
        risk += [(cid, _iso(s), _iso(e), _iso(last), gap, usd, khr)
                 for s, e, last, gap, usd, khr in found["risk"]]
        if found["orders"]:
            summary.append((found["second"], found["orders"], cid))
        if len(risk) > 50_000:
            _insert_risk(conn, risk)
    _insert_risk(conn, risk)
    conn.executemany("UPDATE contacts SET second_purchase_90 = ?, orders_total = ? WHERE id = ?",
                     summary)
    _apply(conn, months, days, +1)


def _insert_risk(conn: sqlite3.Connection, rows: list[tuple]) -> None:
    conn.executemany(
        "INSERT INTO risk_spans (contact_id, start, end, last_purchase, usual_gap, bound_usd,"
        " bound_khr) VALUES (?, ?, ?, ?, ?, ?, ?)", rows)
    rows.clear()


def rebuild(conn: sqlite3.Connection) -> None:
    """Recompute every span and count (inside the caller's transaction)."""
    if not present(conn):
        return
    for table in ("month_day_counts", "contact_day_counts", "risk_spans"):
        conn.execute(f"DELETE FROM {table}")
    conn.execute("UPDATE contacts SET second_purchase_90 = NULL, orders_total = 0")
    _write_spans(conn, _contact_days(conn, None), _codes(conn, None))


def snapshot(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every row kept here, sorted (tests compare kept and rebuilt)."""
    if not present(conn):
        return {}
    return {table: sorted(conn.execute(f"SELECT * FROM {table}"))
            for table in ("month_day_counts", "contact_day_counts", "risk_spans")} | {
        "contacts_kept": sorted(conn.execute(
            "SELECT id, second_purchase_90, orders_total FROM contacts"))}


def day_count(conn: sqlite3.Connection, what: str, day: str) -> int:
    """Contacts whose spans of `what` ('active', 'loyal', 'risk') hold `day`: the spans
    begun by then less those ended by then."""
    begun, ended = conn.execute(
        "SELECT IFNULL((SELECT SUM(contacts) FROM contact_day_counts WHERE what = ?"
        " AND day <= ?), 0), IFNULL((SELECT SUM(contacts) FROM contact_day_counts"
        " WHERE what = ? AND day <= ?), 0)",
        (f"{what}_start", day, f"{what}_end", day)).fetchone()
    return int(begun - ended)


def month_count(conn: sqlite3.Connection, month: str, what: str, last_day: int = 31) -> int:
    """Customers of `month` ('active', 'retained', 'repeat') counted up to its day
    `last_day` (see month_day_counts)."""
    return int(conn.execute(
        "SELECT IFNULL(SUM(contacts), 0) FROM month_day_counts WHERE month = ? AND what = ?"
        " AND day <= ?", (month, what, last_day)).fetchone()[0])


def cohort_cells(conn: sqlite3.Connection, month: str, last_day: int) -> dict[str, int]:
    """{cohort: customers of that cohort with a purchase in `month` up to its day
    `last_day`}."""
    return {what[len("cohort "):]: int(n) for what, n in conn.execute(
        "SELECT what, SUM(contacts) FROM month_day_counts WHERE month = ?"
        " AND what BETWEEN 'cohort ' AND 'cohort ~' AND day <= ? GROUP BY what",
        (month, last_day))}
