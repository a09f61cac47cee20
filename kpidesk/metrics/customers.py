"""Customer KPIs (KPI.md §4 and §5): new customers, conversion, loyalty, retention,
cohorts, the at-risk call-back list, the funnel and each contact's status.

Reads only the customer rollups — `customer_month` (contact, month, orders, days,
revenue), `customer_day` (contact, day, orders, revenue) and
`contacts.first_purchase / last_purchase` — never the sale lines. A
*purchase* is a non-refund order (the rollups' `orders` already leave refund
receipts out), so a customer is active in a month when its `customer_month`
row has `orders > 0`. Walk-in sales (no contact) never reach these tables.

Periods are month, quarter or year keys; P−1 is the previous period of the
same kind (for a quarter, the previous quarter). Settings: `lead_window_days`
(W, default 30) and `loyal_min_orders` (L, default 3). A ratio whose
denominator is zero is None ("not available"), never 0.
"""

from __future__ import annotations

import functools
import weakref
from collections import OrderedDict
from datetime import date, timedelta

import numpy as np

from kpidesk.metrics.periods import Period, add_months, month_key, parse_period
from kpidesk.store.db import Store

LOYAL_WINDOW_DAYS = 365
SECOND_PURCHASE_DAYS = 90
NEW_CONTACT_DAYS = 30  # contact_statuses: 'new' = first purchase in the last 30 days
AT_RISK_MIN_DAYS = 30
AT_RISK_MAX_DAYS = 365


# -- memo: figures are recomputed only when the data changed -------------------------------
_MEMO: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()
_MEMO_SIZE = 64


def data_fingerprint(store: Store) -> tuple[int, int]:
    """Changes whenever the file's data may have changed: rows written through this
    connection (`total_changes`) or a commit by another connection (`data_version`)."""
    return store.conn.total_changes, store.conn.execute("PRAGMA data_version").fetchone()[0]


def _fresh(value):
    """A copy callers may change without touching the memo (dicts and lists, nested)."""
    if isinstance(value, dict):
        return {k: _fresh(v) if isinstance(v, (dict, list)) else v for k, v in value.items()}
    if isinstance(value, list):
        return [_fresh(v) if isinstance(v, (dict, list)) else v for v in value]
    if isinstance(value, set):
        return set(value)
    return value


def memoized(fn=None, *, copy: bool = True):
    """Remember `fn(store, *args)` per store until its data fingerprint changes.

    The dashboard asks for the same figures many times (language change, tab switch,
    period change back and forth); with no write in between they are computed once.
    With copy=False (internal helpers only) callers share the remembered value and
    must not change it.
    """
    if fn is None:
        return functools.partial(memoized, copy=copy)

    @functools.wraps(fn)
    def wrapper(store: Store, *args, **kwargs):
        fingerprint = data_fingerprint(store)
        entry = _MEMO.get(store)
        if entry is None or entry[0] != fingerprint:
            entry = (fingerprint, OrderedDict())
            _MEMO[store] = entry
        key = (fn.__qualname__, args, tuple(sorted(kwargs.items())))
        results = entry[1]
        if key in results:
            results.move_to_end(key)
            result = results[key]
        else:
            result = fn(store, *args, **kwargs)
            results[key] = result
            if len(results) > _MEMO_SIZE:
                results.popitem(last=False)
        return _fresh(result) if copy else result

    wrapper.uncached = fn
    return wrapper


def clear_memo() -> None:
    _MEMO.clear()


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
    return max(1, _int_setting(store, "loyal_min_orders", 3))


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


def _window_sources(store: Store, start: date, end: date) -> tuple[str, list]:
    """SQL (contact_id, orders) rows of purchases dated in [start, end], and its params.

    Whole months inside the window come from `customer_month` (few rows), the
    ragged edges from `customer_day`. The month of `end` is taken whole when no
    purchase is recorded after `end` (the usual case: end = today).
    """
    last_day = store.scalar("SELECT MAX(day) FROM customer_day")
    first_full = month_key(start) if start.day == 1 else add_months(month_key(start), 1)
    if end == _month_end(month_key(end)) or (last_day is not None
                                             and last_day <= end.isoformat()):
        last_full = month_key(end)
    else:
        last_full = add_months(month_key(end), -1)
    parts: list[str] = []
    params: list = []
    day_sql = "SELECT contact_id, orders FROM customer_day WHERE day BETWEEN ? AND ? AND orders > 0"
    if first_full > last_full:
        parts.append(day_sql)
        params += [start.isoformat(), end.isoformat()]
    else:
        hint = _months_hint(store, first_full, last_full)
        parts.append(f"SELECT contact_id, orders FROM customer_month {hint}"
                     " WHERE month BETWEEN ? AND ? AND orders > 0")
        params += [first_full, last_full]
        full_start = date.fromisoformat(first_full + "-01")
        full_end = _month_end(last_full)
        if start < full_start:
            parts.append(day_sql)
            params += [start.isoformat(), (full_start - timedelta(days=1)).isoformat()]
        if end > full_end:  # (end < full_end: nothing is recorded after end)
            parts.append(day_sql)
            params += [(full_end + timedelta(days=1)).isoformat(), end.isoformat()]
    return " UNION ALL ".join(parts), params


def _window_orders_sql(store: Store, d: date) -> tuple[str, list]:
    """(contact_id, n) = purchases (orders) in the 365 days up to d, customers with n ≥ 1."""
    start = d - timedelta(days=LOYAL_WINDOW_DAYS - 1)
    source, params = _window_sources(store, start, d)
    return f"SELECT contact_id, SUM(orders) AS n FROM ({source}) GROUP BY contact_id", params


@memoized(copy=False)
def _year_orders(store: Store, d: date) -> dict[int, int]:
    """{contact_id: purchases (orders) in the 365 days up to d} of customers with any."""
    sql, params = _window_orders_sql(store, d)
    return dict(store.conn.execute(sql, params))


def _loyal_counts(store: Store, d: date) -> tuple[int, int]:
    """(customers with a purchase in the 365 days up to d, of them with at least L orders)."""
    counts = _year_orders(store, d)
    big_l = loyal_min_orders(store)
    return len(counts), sum(1 for n in counts.values() if n >= big_l)


def loyal_ids(store: Store, d: date) -> set[int]:
    """Contacts with at least L orders in the 365 days up to d (d included)."""
    big_l = loyal_min_orders(store)
    return {cid for cid, n in _year_orders(store, d).items() if n >= big_l}


# -- customer KPIs -------------------------------------------------------------------
@memoized
def customer_kpis(store: Store, period: str | Period, today: date | str) -> dict:
    """Every customer KPI of KPI.md §4–§5 for a period (month, quarter or year).

    - new_customers: contacts whose first purchase is in P.
    - lead_conversion: of the contacts created as leads in P, the share whose first
      purchase is between their creation date and W days after it (a purchase dated
      before the lead was created does not count as converting). None without leads.
      lead_conversion_provisional: P's last day + W days is after today.
    - second_purchase_rate: of the new customers of P, the share with another purchase
      day within 90 days after their first purchase (day 1..90 after it).
    - loyal_customers / loyal_share on d = min(today, P's last day): customers with at
      least L orders in the 365 days up to d / customers with a purchase in those days.
    - active_customers, retention, churn, crr, repeat_purchase_rate (at least two orders
      in P, summed over its months), returning_customers (active − new).
    """
    p = parse_period(period)
    today = _as_date(today)
    prev = p.previous()
    conn = store.conn
    hint = _months_hint(store, prev.months()[0], p.months()[-1])
    w = lead_window_days(store)
    lo, hi = p.first_day, p.last_day

    # active(P−1), active(P), both, repeat — one pass over customer_month
    p_first = p.months()[0]
    row = conn.execute(
        f"""
        SELECT COUNT(cur), SUM(prev), SUM(cur IS NOT NULL AND prev), SUM(cur >= 2)
        FROM (SELECT contact_id,
                     SUM(CASE WHEN month >= :pf THEN orders END) AS cur,
                     MAX(month < :pf) AS prev
              FROM customer_month {hint}
              WHERE month BETWEEN :lo AND :hi AND orders > 0
              GROUP BY contact_id)
        """, {"pf": p_first, "lo": prev.months()[0], "hi": p.months()[-1]}).fetchone()
    active, previous_active, both, repeat = (int(v or 0) for v in row)

    new = int(conn.execute(
        "SELECT COUNT(*) FROM contacts WHERE first_purchase BETWEEN ? AND ?", (lo, hi)
    ).fetchone()[0])

    leads, converted = conn.execute(
        "SELECT COUNT(*), SUM(first_purchase IS NOT NULL AND first_purchase >= created"
        " AND first_purchase <= date(created, '+' || ? || ' days'))"
        " FROM contacts WHERE kind = 'lead' AND created BETWEEN ? AND ?", (w, lo, hi)
    ).fetchone()

    second = conn.execute(
        """
        SELECT SUM(EXISTS (SELECT 1 FROM customer_day d
                           WHERE d.contact_id = c.id AND d.orders > 0
                             AND d.day > c.first_purchase
                             AND d.day <= date(c.first_purchase, '+' || ? || ' days')))
        FROM contacts c WHERE c.first_purchase BETWEEN ? AND ?
        """, (SECOND_PURCHASE_DAYS, lo, hi)).fetchone()[0]

    active_365, loyal = _loyal_counts(store, min(today, p.end))

    retention = _ratio(both, previous_active)
    return {
        "new_customers": new,
        "lead_conversion": _ratio(int(converted or 0), leads),
        "lead_conversion_provisional": p.end + timedelta(days=w) > today,
        "second_purchase_rate": _ratio(int(second or 0), new),
        "loyal_customers": loyal,
        "loyal_share": _ratio(loyal, active_365),
        "active_customers": active,
        "retention": retention,
        "churn": None if retention is None else 1 - retention,
        "crr": _ratio(active - new, previous_active),
        "repeat_purchase_rate": _ratio(repeat, active),
        "returning_customers": active - new,
    }


# -- cohorts -------------------------------------------------------------------------
@memoized
def cohort_table(store: Store, last_month: str, cohorts: int = 24) -> list[dict]:
    """Cohorts of the `cohorts` months ending with `last_month`, oldest first.

    A cohort is the customers whose first purchase is in month c; `shares[k]` is
    the share of them with a purchase in month c + k (k = 0 … cohorts − 1), so
    `shares[0]` is 1.0. Cells after `last_month` are None, and so is every cell of
    an empty cohort (size 0).
    """
    months = [add_months(last_month, -i) for i in range(cohorts - 1, -1, -1)]
    if not months:
        return []
    lo, hi = months[0] + "-01", _month_end(last_month).isoformat()
    sizes = dict(store.conn.execute(
        "SELECT substr(first_purchase, 1, 7), COUNT(*) FROM contacts"
        " WHERE first_purchase BETWEEN ? AND ? GROUP BY 1", (lo, hi)))
    counts: dict[tuple[str, str], int] = {}
    for cohort, month, n in store.conn.execute(
            """
            SELECT substr(c.first_purchase, 1, 7), m.month, COUNT(*)
            FROM customer_month m NOT INDEXED CROSS JOIN contacts c ON c.id = m.contact_id
            WHERE c.first_purchase BETWEEN ? AND ? AND m.month <= ? AND m.orders > 0
            GROUP BY 1, 2
            """, (lo, hi, last_month)):
        counts[(cohort, month)] = n
    table = []
    for i, cohort in enumerate(months):
        size = int(sizes.get(cohort, 0))
        shares: list[float | None] = []
        for k in range(cohorts):
            if i + k >= len(months) or not size:
                shares.append(None)
            else:
                shares.append(counts.get((cohort, months[i + k]), 0) / size)
        table.append({"cohort": cohort, "size": size, "shares": shares})
    return table


# -- at risk -------------------------------------------------------------------------
def _candidates(store: Store, d: date) -> list[tuple]:
    """Candidates for the at-risk list on d: (contact_id, purchase days up to d
    as 'YYYY-MM-DD,…' in any order, orders up to d, revenue of the 365 days up to d).

    Narrowed first with the indexed `contacts.last_purchase`: a customer can only be
    at risk when its last purchase is 31..364 days before d (or after d, when d is in
    the past: its last purchase up to d is then found from its days). Then one straight
    scan of customer_day (cheaper than thousands of index look-ups), one row per
    candidate with at least 2 orders on at least 2 days.
    """
    col = revenue_column(store)
    lo = (d - timedelta(days=AT_RISK_MAX_DAYS - 1)).isoformat()
    hi = (d - timedelta(days=AT_RISK_MIN_DAYS + 1)).isoformat()
    rev_from = (d - timedelta(days=LOYAL_WINDOW_DAYS - 1)).isoformat()
    d_iso = d.isoformat()
    return store.conn.execute(
        f"""
        SELECT contact_id, group_concat(CASE WHEN orders > 0 THEN day END),
               SUM(orders) AS n, SUM(CASE WHEN day >= ? THEN {col} ELSE 0 END)
        FROM customer_day NOT INDEXED CROSS JOIN contacts c ON c.id = contact_id
        WHERE c.last_purchase >= ? AND (c.last_purchase <= ? OR c.last_purchase > ?)
          AND day <= ?
        GROUP BY contact_id
        HAVING n >= 2 AND SUM(orders > 0) >= 2
        """, (rev_from, lo, hi, d_iso, d_iso)).fetchall()


def _names(store: Store, ids: list[int]) -> dict[int, tuple[str, str]]:
    names: dict[int, tuple[str, str]] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        names.update({r[0]: (r[1], r[2]) for r in store.conn.execute(
            f"SELECT id, name, phone FROM contacts WHERE id IN ({','.join('?' * len(chunk))})",
            chunk)})
    return names


@memoized(copy=False)
def _at_risk_rows(store: Store, d: date) -> list[dict]:
    """The at-risk rows on d, sorted (see `at_risk`). Gaps and medians are computed for
    all candidates at once with numpy (tens of thousands of purchase days)."""
    cands = _candidates(store, d)
    if not cands:
        return []
    csvs = [c[1] for c in cands]
    sizes = np.fromiter((x.count(",") + 1 for x in csvs), dtype=np.int64, count=len(csvs))
    days = np.array(",".join(csvs).split(","), dtype="datetime64[D]").astype(np.int64)
    group = np.repeat(np.arange(len(csvs)), sizes)
    span = 1 << 32  # days since 1970 and gaps fit well below: one int64 sort key
    days = np.sort(group * span + days) - group * span  # by contact, then day
    ends = np.cumsum(sizes) - 1
    last = days[ends]
    same = group[1:] == group[:-1]
    gaps = np.diff(days)[same]
    gap_group = group[1:][same]
    gaps = np.sort(gap_group * span + gaps) - gap_group * span  # by contact, then gap
    counts = sizes - 1
    starts = np.cumsum(counts) - counts
    median = (gaps[starts + (counts - 1) // 2] + gaps[starts + counts // 2]) / 2
    since = np.datetime64(d.isoformat(), "D").astype(np.int64) - last
    chosen = np.nonzero((since > np.maximum(2 * median, AT_RISK_MIN_DAYS))
                        & (since < AT_RISK_MAX_DAYS))[0]
    last_iso = np.datetime_as_string(last[chosen].astype("datetime64[D]"))
    names = _names(store, [cands[i][0] for i in chosen.tolist()])
    rows = []
    for i, last_day in zip(chosen.tolist(), last_iso.tolist(), strict=True):
        cid, _, _, revenue = cands[i]
        gap = float(median[i])
        name, phone = names.get(cid, ("", ""))
        rows.append({"contact_id": cid, "name": name, "phone": phone,
                     "last_purchase": last_day,
                     "usual_gap_days": int(gap) if gap.is_integer() else gap,
                     "days_since": int(since[i]), "revenue_365": int(revenue or 0)})
    rows.sort(key=lambda r: (-r["revenue_365"], -r["days_since"], r["contact_id"]))
    return rows


def at_risk(store: Store, today: date | str, limit: int | None = None) -> list[dict]:
    """The call-back list on `today` (KPI.md §5), by revenue of the last 365 days, highest
    first (then longest absence).

    A customer is at risk when it has at least 2 orders on at least 2 different purchase
    days (a usual gap needs two days), and the days since its last purchase exceed
    max(2 × its median gap between consecutive purchase days, 30) and are under 365.
    Each row: contact_id, name, phone, last_purchase (ISO date), usual_gap_days (the
    median gap, may end in .5), days_since, revenue_365 (reporting currency, refunds
    included).
    """
    rows = _at_risk_rows(store, _as_date(today))  # shared: hand out copies
    return [dict(r) for r in (rows if limit is None else rows[:limit])]


# -- funnel and statuses ----------------------------------------------------------------
@memoized
def funnel(store: Store, period: str | Period, today: date | str) -> dict:
    """Conversion funnel of the leads created in P, as of `today`.

    - leads: contacts created as leads in P;
    - customers: of them, those with a first purchase up to today (any delay);
    - repeat: of those, with at least 2 purchase days up to today;
    - loyal: of those, loyal on today (at least L orders in the 365 days up to today).
    Each stage is a subset of the one before.
    """
    p = parse_period(period)
    d = _as_date(today)
    d_iso = d.isoformat()
    leads = store.query(
        """
        SELECT c.id, c.first_purchase IS NOT NULL AND c.first_purchase <= ? AS bought,
               (SELECT COUNT(*) FROM customer_day x
                WHERE x.contact_id = c.id AND x.orders > 0 AND x.day <= ?) AS days
        FROM contacts c WHERE c.kind = 'lead' AND c.created BETWEEN ? AND ?
        """, (d_iso, d_iso, p.first_day, p.last_day))
    customers = [r["id"] for r in leads if r["bought"]]
    repeat = {r["id"] for r in leads if r["bought"] and r["days"] >= 2}
    loyal = loyal_ids(store, d) & repeat if repeat else set()
    return {"leads": len(leads), "customers": len(customers), "repeat": len(repeat),
            "loyal": len(loyal)}


def contact_statuses(store: Store, today: date | str) -> dict[int, str]:
    """Status of every contact on `today`, the first that applies:

    - 'lead': no purchase up to today;
    - 'lapsed': no purchase for 365 days or more (past the at-risk window);
    - 'new': first purchase within the last 30 days (today included);
    - 'at_risk': on the at-risk list (see `at_risk`);
    - 'loyal': at least L orders in the 365 days up to today;
    - 'active': any other customer with a purchase in the last 365 days.
    """
    return dict(_statuses(store, _as_date(today)))


@memoized(copy=False)
def _statuses(store: Store, d: date) -> dict[int, str]:
    d_iso = d.isoformat()
    lapsed_before = (d - timedelta(days=AT_RISK_MAX_DAYS - 1)).isoformat()
    new_from = (d - timedelta(days=NEW_CONTACT_DAYS - 1)).isoformat()
    risk = {r["contact_id"] for r in _at_risk_rows(store, d)}
    loyal = loyal_ids(store, d)
    statuses: dict[int, str] = {}
    for cid, first, last in store.conn.execute(
            "SELECT id, first_purchase, last_purchase FROM contacts"):
        if first is None or first > d_iso:
            status = "lead"
        elif last < lapsed_before:
            status = "lapsed"
        elif first >= new_from:
            status = "new"
        elif cid in risk:
            status = "at_risk"
        elif cid in loyal:
            status = "loyal"
        else:
            status = "active"
        statuses[cid] = status
    return statuses
