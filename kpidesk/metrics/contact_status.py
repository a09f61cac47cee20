"""The funnel of a period's leads and each contact's status (lead, lapsed, new, at risk, loyal,
active)."""

from __future__ import annotations

from array import array
from datetime import date, timedelta

from kpidesk.metrics.customers import (
    AT_RISK_MAX_DAYS,
    NEW_CONTACT_DAYS,
    _as_date,
    _at_risk_ids,
    _year_start,
    loyal_ids,
    loyal_min_orders,
)
from kpidesk.metrics.memo import STALE, Reads, memoized
from kpidesk.metrics.periods import Period, parse_period
from kpidesk.metrics.results import Funnel
from kpidesk.store import customer_days
from kpidesk.store.db import Store


def _own_rows(*_args) -> Reads:
    """The funnel reads its leads' own sales alone (and the contacts, any write of which
    forgets it)."""
    return Reads(contacts=True, by_day=False)


def _unless_a_lead_bought(store: Store, result: Funnel, scope, period: str | Period,
                          today: date | str) -> Funnel | object:
    """Kept after a sale of contacts none of which is one of the period's leads."""
    p = parse_period(period)
    ids = ",".join(str(int(c)) for c in scope.contacts)
    leads = store.scalar(f"SELECT COUNT(*) FROM contacts WHERE id IN ({ids})"
                         " AND kind = 'lead' AND created BETWEEN ? AND ?",
                         (p.first_day, p.last_day))
    return STALE if leads else result


@memoized(reads=_own_rows, patch=_unless_a_lead_bought)
def funnel(store: Store, period: str | Period, today: date | str) -> Funnel:
    """Conversion funnel of the leads created in P, as of `today`.

    - leads: contacts created as leads in P;
    - customers: of them, those with a first purchase up to today (any delay);
    - repeat: of those, with at least 2 purchase days up to today;
    - loyal: of those, loyal on today (at least L orders in the 365 days up to today).
    Each stage is a subset of the one before.
    """
    p = parse_period(period)
    d = _as_date(today)
    # the summary columns hold for contacts whose last purchase is up to d; the
    # others (a d in the past) are counted from their days up to d
    # the same days as customer_day compares them
    first_day, day = customer_days.day_params(store.conn, _year_start(d), d.isoformat())
    row = store.conn.execute(  # counted in SQL: no row per lead comes back
        """
        SELECT COUNT(*), SUM(bought), SUM(bought AND days >= 2),
               SUM(bought AND days >= 2 AND loyal)
        FROM (SELECT c.first_purchase IS NOT NULL AND c.first_purchase <= :d AS bought,
               CASE WHEN c.last_purchase IS NULL THEN 0  -- never bought: no look-up
                    WHEN c.last_purchase <= :d THEN c.purchase_days
                    ELSE (SELECT COUNT(*) FROM customer_day x WHERE x.contact_id = c.id
                          AND x.orders > 0 AND x.day <= :day) END AS days,
               CASE WHEN c.last_purchase IS NULL THEN FALSE
                    WHEN c.last_purchase <= :d THEN c.loyal_from >= :start
                    ELSE (SELECT SUM(x.orders) FROM customer_day x WHERE x.contact_id = c.id
                          AND x.orders > 0 AND x.day BETWEEN :first_day AND :day) >= :loyal
                    END AS loyal
              FROM contacts c WHERE c.kind = 'lead' AND c.created BETWEEN :lo AND :hi)
        """, {"d": d.isoformat(), "start": _year_start(d), "loyal": loyal_min_orders(store),
              "lo": p.first_day, "hi": p.last_day, "first_day": first_day, "day": day}
    ).fetchone()
    leads, customers, repeat, loyal = (int(v or 0) for v in row)
    return Funnel(leads=leads, customers=customers, repeat=repeat, loyal=loyal)


def contact_statuses(store: Store, today: date | str) -> dict[int, str]:
    """Status of every contact on `today`, the first that applies:

    - 'lead': no purchase up to today;
    - 'lapsed': no purchase for 365 days or more (past the at-risk window);
    - 'new': first purchase within the last 30 days (today included);
    - 'at_risk': on the at-risk list (see `at_risk`);
    - 'loyal': at least L orders in the 365 days up to today;
    - 'active': any other customer with a purchase in the last 365 days.
    """
    codes = status_codes(store, today)
    return {cid: STATUSES[code] for cid, code in enumerate(codes) if code >= 0}


STATUSES = ("lead", "lapsed", "new", "at_risk", "loyal", "active")


def status_codes(store: Store, today: date | str) -> array:
    """`contact_statuses` as one byte per contact id: the status's index in STATUSES, -1
    for an id no contact has (a large shop's 250,000 statuses in 250 kB, not a dict of
    20 MB)."""
    d = _as_date(today)
    d_iso = d.isoformat()
    lapsed_before = (d - timedelta(days=AT_RISK_MAX_DAYS - 1)).isoformat()
    new_from = (d - timedelta(days=NEW_CONTACT_DAYS - 1)).isoformat()
    risk = _at_risk_ids(store, d)
    loyal = loyal_ids(store, d)
    top = int(store.scalar("SELECT IFNULL(MAX(id), 0) FROM contacts"))
    codes = array("b", [-1]) * (top + 1)
    lead, lapsed, new, at_risk_, loyal_, active = range(len(STATUSES))
    for cid, first, last in store.conn.execute(
            "SELECT id, first_purchase, last_purchase FROM contacts"):
        if first is None or first > d_iso:
            code = lead
        elif last < lapsed_before:
            code = lapsed
        elif first >= new_from:
            code = new
        elif cid in risk:
            code = at_risk_
        elif cid in loyal:
            code = loyal_
        else:
            code = active
        codes[cid] = code
    return codes
