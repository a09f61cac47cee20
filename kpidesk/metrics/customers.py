"""Customer KPIs (KPI.md §4 and §5): new customers, conversion, loyalty, retention and
the at-risk call-back list; the cohorts are in `cohorts.py`, the funnel and each contact's
status in `contact_status.py`, both read from the same rollups.

Reads only the customer rollups (see `kpidesk.store.rollups`) — `customer_month`
(contact, month, orders, days, revenue), `customer_day` (contact, day, orders,
revenue), `cohort_month` and each contact's purchase summary (first and last
purchase, purchase days, usual gap, loyal_from) — never the sale lines. A
*purchase* is a non-refund order (the rollups' `orders` already leave refund
receipts out), so a customer is active in a month when its `customer_month`
row has `orders > 0`. Walk-in sales (no contact) never reach these tables.

A contact's summary describes all its purchases; figures on a date d read it
directly for the contacts whose last purchase is up to d (every contact, when d
is today) and recompute from `customer_day` only for those with later purchases.

Periods are month, quarter or year keys; P−1 is the previous period of the
same kind (for a quarter, the previous quarter). Settings: `lead_window_days`
(W, default 30) and `loyal_min_orders` (L, default 3). A ratio whose
denominator is zero is None ("not available"), never 0.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import cast

from kpidesk.metrics.memo import STALE, Reads, memoized
from kpidesk.metrics.periods import Period, add_months, parse_period
from kpidesk.metrics.results import (
    AtRiskEntry,
    CustomerKpis,
    SameDayFigures,
)
from kpidesk.store import customer_days, lookups, rollups
from kpidesk.store.db import Store

LOYAL_WINDOW_DAYS = 365
SECOND_PURCHASE_DAYS = 90
NEW_CONTACT_DAYS = 30  # contact_statuses: 'new' = first purchase in the last 30 days
AT_RISK_MIN_DAYS = 30
AT_RISK_MAX_DAYS = 365


# -- small helpers -------------------------------------------------------------------
def _as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _ratio(num: int | float | None, den: int | float | None) -> float | None:
    if num is None or not den:
        return None
    return num / den


def _int_setting(store: Store, key: str, default: int) -> int:
    try:
        value = int(store.setting(key))
    except (TypeError, ValueError):
        return default
    return value if value >= 0 else default


def lead_window_days(store: Store) -> int:
    """W of lead conversion (setting `lead_window_days`, default 30)."""
    return _int_setting(store, "lead_window_days", 30)


def loyal_min_orders(store: Store) -> int:
    """L of loyal customers (setting `loyal_min_orders`, default 3, at least 1)."""
    return rollups.loyal_min_orders(store.conn)


def revenue_column(store: Store) -> str:
    return "revenue_usd" if store.reporting_currency == "USD" else "revenue_khr"



def _month_end(key: str) -> date:
    return date.fromisoformat(add_months(key, 1) + "-01") - timedelta(days=1)


def _months_hint(store: Store, first: str, last: str) -> str:
    """'NOT INDEXED' when months first..last cover much of `customer_month` (a straight
    scan of the table beats thousands of look-ups through the month index), else ''."""
    lo = store.scalar("SELECT MIN(month) FROM customer_month")
    if lo is None:
        return ""
    hi = store.scalar("SELECT MAX(month) FROM customer_month")

    def index(key: str) -> int:
        return int(key[:4]) * 12 + int(key[5:7])

    span = index(hi) - index(lo) + 1
    wanted = index(min(last, hi)) - index(max(first, lo)) + 1
    return "NOT INDEXED" if wanted * 4 >= span else ""


def _year_start(d: date) -> str:
    """First day of the 365 days up to d (d included)."""
    return (d - timedelta(days=LOYAL_WINDOW_DAYS - 1)).isoformat()


@memoized(copy=False)
def _late_year_orders(store: Store, d: date) -> dict[int, int]:
    """{contact_id: purchases (orders) in the 365 days up to d} of the contacts with a
    purchase after d (whose summary describes later days), those with any in the window."""
    d_iso = d.isoformat()
    return dict(store.conn.execute(
        "SELECT x.contact_id, SUM(x.orders) FROM contacts c"
        " CROSS JOIN customer_day x ON x.contact_id = c.id"  # contacts first: few are late
        " WHERE c.last_purchase > ? AND x.day BETWEEN ? AND ? AND x.orders > 0"
        " GROUP BY x.contact_id",
        (d_iso, *customer_days.day_params(store.conn, _year_start(d), d_iso))))


def _loyal_counts(store: Store, d: date) -> tuple[int, int]:
    """(customers with a purchase in the 365 days up to d, of them with at least L orders):
    the contacts whose active and loyal spans hold d (`lookups`), on any day."""
    d_iso = d.isoformat()
    return (lookups.day_count(store.conn, "active", d_iso),
            lookups.day_count(store.conn, "loyal", d_iso))


def loyal_ids(store: Store, d: date) -> set[int]:
    """Contacts with at least L orders in the 365 days up to d (d included)."""
    big_l = loyal_min_orders(store)
    ids = {r[0] for r in store.conn.execute(
        "SELECT id FROM contacts WHERE loyal_from >= ? AND last_purchase <= ?",
        (_year_start(d), d.isoformat()))}
    return ids | {cid for cid, n in _late_year_orders(store, d).items() if n >= big_l}


# -- customer KPIs -------------------------------------------------------------------
CUSTOMER_KEYS = ("new_customers", "lead_conversion", "lead_conversion_provisional",
                 "second_purchase_rate", "loyal_customers", "loyal_share", "active_customers",
                 "retention", "churn", "crr", "repeat_purchase_rate", "returning_customers")
# The figures of a period in progress that come with P−1's figure on the same day (KPI.md
# §5, and new customers, which returning customers need).
SAME_DAY_KEYS = ("new_customers", "active_customers", "returning_customers", "retention",
                 "churn", "crr", "repeat_purchase_rate")


def _range_parts(lo: date, hi: date) -> tuple[tuple[str, str] | None, tuple[str, str] | None]:
    """Days lo..hi (lo the first of a month) as (first, last month key of the whole months,
    or None) and (first, last ISO day of the partial month at the end, or None)."""
    last_whole = hi if (hi + timedelta(days=1)).day == 1 else hi.replace(day=1) - timedelta(days=1)
    whole = None
    if last_whole >= lo:
        whole = (f"{lo:%Y-%m}", f"{last_whole:%Y-%m}")
    part = None
    if last_whole < hi:
        part = (max(lo, hi.replace(day=1)).isoformat(), hi.isoformat())
    return whole, part


def _activity(store: Store, cur: tuple[date, date], prev: tuple[date, date]
              ) -> tuple[int, int, int, int]:
    """(active in cur, active in prev, active in both, with at least two orders in cur) for
    two day ranges, each starting on the first of a month. Days of one month with the
    whole month before it (a month, so far, or the month before on the same day): sums of
    the counts kept per month and day (`lookups.month_day_counts`). Otherwise one pass over
    the months' rows of `customer_month`."""
    month = f"{cur[0]:%Y-%m}"
    if (f"{cur[1]:%Y-%m}" == month and prev[1] + timedelta(days=1) == cur[0]
            and prev[0].day == 1):
        conn, last = store.conn, cur[1].day
        return (lookups.month_count(conn, month, "active", last),
                lookups.month_count(conn, f"{prev[0]:%Y-%m}", "active"),
                lookups.month_count(conn, month, "retained", last),
                lookups.month_count(conn, month, "repeat", last))
    # Each month row keeps the day of its first purchase and the day its orders reach two:
    # a partial month up to day k adds (first_day <= k) + (second_day <= k) orders, enough
    # to tell active (one) from repeat (two or more).
    hint = _months_hint(store, f"{prev[0]:%Y-%m}", f"{cur[1]:%Y-%m}")
    params: dict[str, object] = {"lo": f"{min(cur[0], prev[0]):%Y-%m}",
                                 "hi": f"{max(cur[1], prev[1]):%Y-%m}"}
    terms = []
    for tag, (lo, hi) in (("c", cur), ("p", prev)):
        whole, part = _range_parts(lo, hi)
        cases = []
        if whole:
            cases.append(f"WHEN month BETWEEN :{tag}m0 AND :{tag}m1 THEN orders")
            params[f"{tag}m0"], params[f"{tag}m1"] = whole
        if part:
            cases.append(f"WHEN month = :{tag}pm THEN (IFNULL(first_day, 99) <= :{tag}pk)"
                         f" + (IFNULL(second_day, 99) <= :{tag}pk)")
            params[f"{tag}pm"] = part[0][:7]
            params[f"{tag}pk"] = int(part[1][8:10])
        terms.append(f"SUM(CASE {' '.join(cases)} ELSE 0 END)" if cases else "0")
    row = store.conn.execute(
        f"""
        SELECT SUM(cur > 0), SUM(prev > 0), SUM(cur > 0 AND prev > 0), SUM(cur >= 2)
        FROM (SELECT contact_id, {terms[0]} AS cur, {terms[1]} AS prev
              FROM customer_month {hint}
              WHERE month BETWEEN :lo AND :hi AND orders > 0
              GROUP BY contact_id)
        """, params).fetchone()
    return tuple(int(v or 0) for v in row)  # type: ignore[return-value]


def _new_customers(store: Store, lo: date, hi: date) -> int:
    """Contacts whose first purchase is in lo..hi. Days of one month: the month's own
    cohort counted per day of its first purchase (`lookups.month_day_counts`), at most 31
    rows however many customers the month brought; otherwise the index of first
    purchases."""
    month = f"{lo:%Y-%m}"
    if lo.day == 1 and f"{hi:%Y-%m}" == month:
        return lookups.month_count(store.conn, month, f"cohort {month}", hi.day)
    return int(store.conn.execute(
        "SELECT COUNT(*) FROM contacts WHERE first_purchase BETWEEN ? AND ?",
        (lo.isoformat(), hi.isoformat())).fetchone()[0])


def _figures(store: Store, p: Period, hi: date, as_of: date, *, same_day_only: bool = False
             ) -> dict:
    """The customer figures of P over its days up to `hi` (P's last day, or today while
    it is in progress), with events up to `as_of` (later purchases count nowhere). With
    `same_day_only`, only the SAME_DAY_KEYS."""
    conn = store.conn
    prev = p.previous()
    w = lead_window_days(store)
    lo, hi_iso, as_of_iso = p.first_day, hi.isoformat(), as_of.isoformat()
    active, previous_active, both, repeat = _activity(store, (p.start, hi),
                                                      (prev.start, prev.end))
    new = _new_customers(store, p.start, hi)
    retention = _ratio(both, previous_active)
    figures = {
        "new_customers": new,
        "active_customers": active,
        "retention": retention,
        "churn": None if retention is None else 1 - retention,
        "crr": _ratio(active - new, previous_active),
        "repeat_purchase_rate": _ratio(repeat, active),
        "returning_customers": active - new,
    }
    if same_day_only:
        return figures
    leads, converted = conn.execute(
        "SELECT COUNT(*), SUM(first_purchase IS NOT NULL AND first_purchase >= created"
        " AND first_purchase <= date(created, '+' || ? || ' days') AND first_purchase <= ?)"
        " FROM contacts WHERE kind = 'lead' AND created BETWEEN ? AND ?",
        (w, as_of_iso, lo, hi_iso)).fetchone()
    second = conn.execute(  # each contact's second purchase within 90 days is kept
        "SELECT COUNT(*) FROM contacts WHERE first_purchase BETWEEN ? AND ?"
        " AND second_purchase_90 <= ?", (lo, hi_iso, as_of_iso)).fetchone()[0]
    active_365, loyal = _loyal_counts(store, hi)
    return {
        **figures,
        "lead_conversion": _ratio(int(converted or 0), leads),
        "lead_conversion_provisional": as_of <= p.end + timedelta(days=w),
        "second_purchase_rate": _ratio(int(second or 0), new),
        "loyal_customers": loyal,
        "loyal_share": _ratio(loyal, active_365),
    }


@memoized
def customer_kpis(store: Store, period: str | Period, today: date | str) -> CustomerKpis:
    """Every customer KPI of KPI.md §4–§5 for a period (month, quarter or year), as of
    `today`.

    - new_customers: contacts whose first purchase is in P.
    - lead_conversion: of the contacts created as leads in P, the share whose first
      purchase is between their creation date and W days after it (a purchase dated
      before the lead was created does not count as converting). None without leads.
      lead_conversion_provisional: true until the day after P's last day + W days
      (a purchase up to that day still changes the figure).
    - second_purchase_rate: of the new customers of P, the share with another purchase
      day within 90 days after their first purchase (day 1..90 after it).
    - loyal_customers / loyal_share on d = min(today, P's last day): customers with at
      least L orders in the 365 days up to d / customers with a purchase in those days.
    - active_customers, retention, churn, crr, repeat_purchase_rate (at least two orders
      in P, summed over its months), returning_customers (active − new).

    Purchases dated after today count nowhere. A period in progress (day d) is "so far":
    its figures cover days 1..d, and `previous_same_day` holds the SAME_DAY_KEYS figures
    of P−1 over its days 1..min(d, length of P−1), as they stood on that day (its `as_of`
    key says which); None for a complete period. A period that has not started has
    every figure None.
    """
    p = parse_period(period)
    today = _as_date(today)
    if today < p.start:
        return cast(CustomerKpis, {**dict.fromkeys(CUSTOMER_KEYS), "previous_same_day": None})
    if today > p.end:
        return cast(CustomerKpis, {**_figures(store, p, p.end, today), "previous_same_day": None})
    result = cast(CustomerKpis, _figures(store, p, today, today))
    prev = p.previous()
    same_day = prev.start + timedelta(days=min(p.day_of(today), prev.days) - 1)
    before = _figures(store, prev, same_day, same_day, same_day_only=True)
    result["previous_same_day"] = cast(SameDayFigures, {
        "as_of": same_day.isoformat(), **{k: before[k] for k in SAME_DAY_KEYS}})
    return result


# -- at risk -------------------------------------------------------------------------
# Rows are kept as (−revenue_365, −days_since, contact_id, last_purchase, usual_gap):
# tuples in the list's own order, so sorting needs no key function.
RiskRow = tuple[int, int, int, str, float]


def _usual_gap(gap: float) -> int | float:
    return int(gap) if float(gap).is_integer() else float(gap)


def _revenue_365(store: Store, d: date, ids: list[int]) -> dict[int, int]:
    """Each contact's revenue (reporting currency, refunds included) of the 365 days up
    to d."""
    col = revenue_column(store)
    result = dict.fromkeys(ids, 0)
    window = customer_days.day_params(store.conn, _year_start(d), d.isoformat())
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        result.update(store.conn.execute(
            f"SELECT contact_id, SUM({col}) FROM customer_day WHERE contact_id IN"
            f" ({','.join(str(int(i)) for i in chunk)}) AND day BETWEEN ? AND ?"
            " GROUP BY contact_id", window))
    return result


def _risk_rows(store: Store, d: date, spans: list[tuple]) -> list[RiskRow]:
    """Rows of the list for spans (contact_id, last_purchase, usual_gap, …) holding d."""
    revenue = _revenue_365(store, d, [s[0] for s in spans])
    day = d.toordinal()
    return [(-revenue[cid], -(day - date.fromisoformat(last).toordinal()), cid, last, gap)
            for cid, last, gap, *_ in spans]


@memoized(copy=False)
def _at_risk_ids(store: Store, d: date) -> frozenset[int]:
    """The contacts at risk on d: those with an at-risk span holding d (`lookups`)."""
    d_iso = d.isoformat()
    return frozenset(r[0] for r in store.conn.execute(
        "SELECT contact_id FROM risk_spans WHERE end >= ? AND start <= ?", (d_iso, d_iso)))


def _rows_of(store: Store, d: date, contacts: frozenset[int]) -> list[RiskRow]:
    """The list's rows on d of these contacts alone (none when not at risk then)."""
    d_iso, ids = d.isoformat(), ",".join(str(int(c)) for c in contacts)
    return _risk_rows(store, d, store.conn.execute(
        "SELECT contact_id, last_purchase, usual_gap FROM risk_spans"
        f" WHERE contact_id IN ({ids}) AND end >= ? AND start <= ?", (d_iso, d_iso)).fetchall())


def _per_contact(*_args, **_kwargs) -> Reads:
    """A contact's row of the at-risk list reads its own sales alone."""
    return Reads(contacts=True, by_day=False)


def _patch_all(store: Store, rows: list[RiskRow], scope, d: date) -> list[RiskRow]:
    """The whole list after a write of these contacts' sales: their rows read again."""
    return sorted([r for r in rows if r[2] not in scope.contacts]
                  + _rows_of(store, d, scope.contacts))


AT_RISK_SPARE = 16  # rows kept past the limit: a sale's customer leaves the list, no walk


def _patch_top(store: Store, kept: tuple[list[RiskRow], bool], scope, d: date, k: int):
    """The first rows after a write of these contacts' sales. Any contact not kept ranks
    after the last row kept: a touched contact's new row goes in only before it."""
    rows, complete = kept
    mine = _rows_of(store, d, scope.contacts)
    if not complete:
        mine = [r for r in mine if rows and r < rows[-1]]
    new = sorted([r for r in rows if r[2] not in scope.contacts] + mine)
    return (new, complete) if complete or len(new) >= k else STALE


@memoized(copy=False, reads=_per_contact, patch=_patch_top)
def _at_risk_kept(store: Store, d: date, k: int) -> tuple[list[RiskRow], bool]:
    """The first k rows and a few more, and whether they are the whole list."""
    want = k + AT_RISK_SPARE
    rows = _at_risk_top(store, d, want)
    return rows, len(rows) < want


@memoized(copy=False, reads=_per_contact, patch=_patch_all)
def _at_risk_all(store: Store, d: date) -> list[RiskRow]:
    """The whole at-risk list on d, in its order."""
    d_iso = d.isoformat()
    spans = store.conn.execute(
        "SELECT contact_id, last_purchase, usual_gap FROM risk_spans"
        " WHERE end >= ? AND start <= ?", (d_iso, d_iso)).fetchall()
    return sorted(_risk_rows(store, d, spans))


def _revenue_365_sql(store: Store, d: date) -> tuple[str, list[int | str]]:
    """An SQL expression (and its parameters) of the revenue of the 365 days up to d of
    the contact of the risk span `s`: its customer_month rows of the window's whole months
    and its customer_day rows of the days at either end. About 15 rows a contact however
    often it bought: the at-risk list's best customers buy most days, and a larger shop's
    best customers more often still."""
    col = revenue_column(store)
    lo = d - timedelta(days=LOYAL_WINDOW_DAYS - 1)
    first_whole = lo if lo.day == 1 else _month_end(f"{lo:%Y-%m}") + timedelta(days=1)
    whole, tail = _range_parts(first_whole, d)
    days = (f"IFNULL((SELECT SUM(x.{col}) FROM customer_day x WHERE x.contact_id = s.contact_id"
            " AND x.day BETWEEN ? AND ?), 0)")
    terms = [days]
    params: list[int | str] = list(customer_days.day_params(
        store.conn, lo.isoformat(), (first_whole - timedelta(days=1)).isoformat()))
    if whole:
        terms.append(f"IFNULL((SELECT SUM(m.{col}) FROM customer_month m"
                     " WHERE m.contact_id = s.contact_id AND m.month BETWEEN ? AND ?), 0)")
        params += whole
    if tail:
        terms.append(days)
        params += customer_days.day_params(store.conn, *tail)
    return " + ".join(terms), params


def _at_risk_top(store: Store, d: date, k: int) -> list[RiskRow]:
    """The first k rows of the at-risk list on d, reading the exact revenue of only the
    contacts whose bound (`lookups.risk_spans`: never below the revenue of the 365 days up
    to any day of the span) can still place them among the first k."""
    bound = "bound_usd" if revenue_column(store) == "revenue_usd" else "bound_khr"
    order = f"{bound} DESC, start DESC, end DESC, contact_id DESC"  # the index's order
    d_iso = d.isoformat()
    best: list[RiskRow] = []
    after, floor, params = "", "", [d_iso, d_iso]
    # the exact revenue is about 0.85 of the bound (median, demo shops): about 2k
    # candidates hold the first k rows
    batch = 2 * k + 50
    revenue, revenue_params = _revenue_365_sql(store, d)
    day = d.toordinal()
    while k:
        # each span of the walk with its contact's exact revenue, in one statement
        spans = store.conn.execute(
            f"SELECT contact_id, last_purchase, usual_gap, {bound}, start, end, {revenue}"
            # "+": tested on each span of the bound's index walk, not an index of their own
            f" FROM risk_spans s WHERE +start <= ? AND +end >= ?{after}{floor}"
            f" ORDER BY {order} LIMIT {int(batch)}", [*revenue_params, *params]).fetchall()
        if not spans:
            break
        best = sorted(best + [(-r[6], -(day - date.fromisoformat(r[1]).toordinal()), r[0],
                               r[1], r[2]) for r in spans])[:k]
        last = spans[-1]
        # every span not read yet has a bound of at most last[3]: its revenue too
        if len(spans) < batch or (len(best) >= k and -best[-1][0] > last[3]):
            break
        after = (f" AND ({bound}, start, end, contact_id) < (?, ?, ?, ?)")
        params = [d_iso, d_iso, last[3], last[4], last[5], last[0]]
        if len(best) >= k:  # only a bound up to the k-th revenue can still place a span
            floor = f" AND {bound} >= {int(-best[-1][0])}"
            batch = max(50, k // 2)  # a little at a time: each read raises that floor
        else:
            batch *= 2
    return best


@memoized(copy=False, reads=lambda *_args: Reads(by_day=False))
def _known_names(store: Store) -> dict[int, tuple[str, str]]:
    """Names and phones read so far (a sale changes none; any other write forgets them)."""
    return {}


def _names(store: Store, ids: list[int]) -> dict[int, tuple[str, str]]:
    names = _known_names(store)
    missing = [i for i in ids if i not in names]
    for start in range(0, len(missing), 500):
        chunk = missing[start:start + 500]
        names.update({r[0]: (r[1], r[2]) for r in store.conn.execute(
            f"SELECT id, name, phone FROM contacts WHERE id IN ({','.join('?' * len(chunk))})",
            chunk)})
    return names


def at_risk_count(store: Store, today: date | str) -> int:
    """How many customers are at risk on `today`: the at-risk spans begun by then less
    those ended by then (a sum over the days' counts)."""
    return lookups.day_count(store.conn, "risk", _as_date(today).isoformat())


def at_risk(store: Store, today: date | str, limit: int | None = None) -> list[AtRiskEntry]:
    """The call-back list on `today` (KPI.md §5), by revenue of the last 365 days, highest
    first (then longest absence).

    A customer is at risk when it has at least 2 orders on at least 2 different purchase
    days (a usual gap needs two days), and the days since its last purchase exceed
    max(2 × its median gap between consecutive purchase days, 30) and are under 365.
    Each row: contact_id, name, phone, last_purchase (ISO date), usual_gap_days (the
    median gap, may end in .5), days_since, revenue_365 (reporting currency, refunds
    included).
    """
    d = _as_date(today)
    if limit is None:
        rows = _at_risk_all(store, d)
    else:
        k = max(0, int(limit))
        rows = _at_risk_kept(store, d, k)[0][:k]
    names = _names(store, [r[2] for r in rows])
    result: list[AtRiskEntry] = []
    for revenue, since, cid, last, gap in rows:
        name, phone = names.get(cid, ("", ""))
        result.append({"contact_id": cid, "name": name, "phone": phone, "last_purchase": last,
                       "usual_gap_days": _usual_gap(gap), "days_since": -since,
                       "revenue_365": -revenue})
    return result
