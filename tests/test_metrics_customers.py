"""Customer KPIs (KPI.md §4–§5): hand-computed fixtures, edge cases, and properties
checked against a brute-force recomputation from the raw orders and sale lines."""

from __future__ import annotations

import statistics
import tempfile
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from kpidesk.metrics import cohorts, contact_status
from kpidesk.metrics import customers as cm
from kpidesk.metrics.periods import add_months, parse_period
from kpidesk.metrics.results import Funnel
from kpidesk.store.contacts import ContactInput, add_contact
from kpidesk.store.db import Store
from kpidesk.store.sales import LineInput, OrderInput, add_order

TODAY = date(2026, 11, 26)


def contact(store: Store, name: str, created: str = "2025-01-01", kind: str = "customer") -> int:
    return add_contact(store, ContactInput(name=name, created=created, kind=kind,
                                           phone=f"0{abs(hash(name)) % 10**8:08d}"))


def sale(store: Store, day: str, cid: int | None = None, amount: int = 1000,
         currency: str = "USD") -> int:
    return add_order(store, OrderInput(date=day, contact_id=cid,
                                       lines=[LineInput(amount=amount, currency=currency)]))


# -- retention, crr, repeat, returning, walk-ins ---------------------------------------
@pytest.fixture
def month_store(store: Store) -> Store:
    a = contact(store, "A")
    b = contact(store, "B")
    c = contact(store, "C")
    d = contact(store, "D")
    e = contact(store, "E")
    sale(store, "2026-10-05", a)
    sale(store, "2026-11-03", a)
    sale(store, "2026-10-10", b)
    sale(store, "2026-06-01", c)  # C comes back in November after a gap
    sale(store, "2026-11-10", c)
    sale(store, "2026-11-12", c)
    sale(store, "2026-11-20", d)  # D is new in November, two orders the same day
    sale(store, "2026-11-20", d, amount=500)
    sale(store, "2026-10-20", e)
    sale(store, "2026-11-15", e, amount=-400)  # a refund is not a purchase
    for day in ("2026-10-01", "2026-10-02", "2026-11-01", "2026-11-02", "2026-11-03"):
        sale(store, day)  # walk-ins
    store.ids = {"A": a, "B": b, "C": c, "D": d, "E": e}
    return store


def test_month_kpis_hand_computed(month_store: Store):
    k = cm.customer_kpis(month_store, "2026-11", TODAY)
    # active(Oct) = {A, B, E}; active(Nov) = {A, C, D}; new(Nov) = {D}
    assert k["active_customers"] == 3
    assert k["new_customers"] == 1
    assert k["retention"] == pytest.approx(1 / 3)
    assert k["churn"] == pytest.approx(2 / 3)
    assert k["crr"] == pytest.approx(2 / 3)  # C returned after a gap: crr > retention
    assert k["crr"] > k["retention"]
    assert k["repeat_purchase_rate"] == pytest.approx(2 / 3)  # C and D
    assert k["returning_customers"] == 2
    assert k["second_purchase_rate"] == 0.0  # D bought on one day only
    # 365 days up to Nov 26: orders A 2, B 1, C 3, D 2, E 1 (its refund is no order)
    assert k["loyal_customers"] == 1
    assert k["loyal_share"] == pytest.approx(1 / 5)
    assert k["lead_conversion"] is None  # no leads created in November
    assert k["lead_conversion_provisional"] is True


def test_previous_month_and_walk_ins_never_count(month_store: Store):
    k = cm.customer_kpis(month_store, "2026-10", TODAY)
    assert k["active_customers"] == 3  # A, B, E: walk-ins are not customers
    assert k["new_customers"] == 3
    # September: nobody active → retention, churn, crr not available
    assert k["retention"] is None and k["churn"] is None and k["crr"] is None
    assert k["repeat_purchase_rate"] == 0.0
    assert k["returning_customers"] == 0
    # loyal on Oct 31: window 2025-11-01..2026-10-31
    assert k["loyal_customers"] == 0
    assert k["loyal_share"] == 0.0


def test_only_walk_ins_gives_no_customer_figures(store: Store):
    sale(store, "2026-10-03")
    sale(store, "2026-11-03")
    k = cm.customer_kpis(store, "2026-11", TODAY)
    assert k["active_customers"] == 0 and k["new_customers"] == 0
    for key in ("retention", "churn", "crr", "repeat_purchase_rate", "second_purchase_rate",
                "loyal_share", "lead_conversion"):
        assert k[key] is None, key
    assert cm.at_risk(store, TODAY) == []
    assert contact_status.contact_statuses(store, TODAY) == {}


def test_empty_store_is_not_available(store: Store):
    for period in ("2026-11", "2026-Q4", "2026"):
        k = cm.customer_kpis(store, period, TODAY)
        assert k["active_customers"] == 0 and k["loyal_customers"] == 0
        assert k["retention"] is None and k["crr"] is None and k["loyal_share"] is None
    table = cohorts.cohort_table(store, "2026-10", 3)
    assert [r["size"] for r in table] == [0, 0, 0]
    assert all(s is None for r in table for s in r["shares"])
    assert contact_status.funnel(store, "2026-11", TODAY) == Funnel(leads=0, customers=0, repeat=0, loyal=0)


def test_quarter_sums_orders_over_months(store: Store):
    x = contact(store, "X")
    y = contact(store, "Y")
    z = contact(store, "Z")
    sale(store, "2026-08-01", x)
    sale(store, "2026-10-05", x)  # one order in October, one in November:
    sale(store, "2026-11-05", x)  # a repeat buyer of the quarter, not of either month
    sale(store, "2026-09-09", y)
    sale(store, "2026-11-20", z)
    q = cm.customer_kpis(store, "2026-Q4", TODAY)
    assert q["active_customers"] == 2  # X, Z
    assert q["new_customers"] == 1  # Z
    assert q["retention"] == pytest.approx(1 / 2)  # Q3 = {X, Y}
    assert q["crr"] == pytest.approx(1 / 2)
    assert q["repeat_purchase_rate"] == pytest.approx(1 / 2)
    # so far (day 57 of Q4) beside Q3's days 1..57 (Jul 1 – Aug 26): X once, nobody before
    assert q["previous_same_day"] == {
        "as_of": "2026-08-26", "new_customers": 1, "active_customers": 1,
        "returning_customers": 0, "retention": None, "churn": None, "crr": None,
        "repeat_purchase_rate": 0.0}
    sale(store, "2026-12-01", z)  # dated after today: counts nowhere yet
    assert cm.customer_kpis(store, "2026-Q4", TODAY)["repeat_purchase_rate"] == \
        pytest.approx(1 / 2)
    assert cm.customer_kpis(store, "2026-11", TODAY)["repeat_purchase_rate"] == 0.0
    y2026 = cm.customer_kpis(store, "2026", TODAY)
    assert y2026["active_customers"] == 3 and y2026["retention"] is None  # nobody in 2025


# -- lead conversion -------------------------------------------------------------------
def test_lead_conversion_window_and_never_converting(store: Store):
    x = contact(store, "X", "2026-09-01", "lead")
    y = contact(store, "Y", "2026-09-10", "lead")
    contact(store, "Z", "2026-09-20", "lead")  # never buys
    w = contact(store, "W", "2026-09-05", "lead")
    c = contact(store, "C", "2026-09-02", "customer")  # created as a customer: not a lead
    sale(store, "2026-09-25", x)  # 24 days
    sale(store, "2026-10-15", y)  # 35 days: too late
    sale(store, "2026-10-05", w)  # exactly 30 days: in
    sale(store, "2026-09-03", c)
    k = cm.customer_kpis(store, "2026-09", TODAY)
    assert k["lead_conversion"] == pytest.approx(2 / 4)
    assert k["lead_conversion_provisional"] is False  # Sep 30 + 30 days < Nov 26
    store.set_setting("lead_window_days", "40")
    assert cm.customer_kpis(store, "2026-09", TODAY)["lead_conversion"] == pytest.approx(3 / 4)


def test_lead_conversion_provisional_while_window_open(store: Store):
    lead = contact(store, "L", "2026-10-20", "lead")
    contact(store, "M", "2026-10-25", "lead")
    sale(store, "2026-11-02", lead)
    k = cm.customer_kpis(store, "2026-10", TODAY)
    assert k["lead_conversion"] == pytest.approx(1 / 2)
    assert k["lead_conversion_provisional"] is True  # Oct 31 + 30 days = Nov 30 > Nov 26
    # On Nov 30 a purchase by M still converts it (created Oct 25: its window ends Nov 24,
    # but a lead created Oct 31 would still be in its window): provisional until Dec 1.
    on_last_day = cm.customer_kpis(store, "2026-10", date(2026, 11, 30))
    assert on_last_day["lead_conversion_provisional"] is True
    late = contact(store, "N", "2026-10-31", "lead")
    sale(store, "2026-11-30", late)
    assert cm.customer_kpis(store, "2026-10", date(2026, 11, 30))["lead_conversion"] == \
        pytest.approx(2 / 3)  # the figure changed on Nov 30: it was provisional
    assert cm.customer_kpis(store, "2026-10", date(2026, 12, 1))[
        "lead_conversion_provisional"] is False


def test_lead_buying_before_its_creation_is_not_a_conversion(store: Store):
    lead = contact(store, "L", "2026-09-10", "lead")
    sale(store, "2026-09-01", lead)
    assert cm.customer_kpis(store, "2026-09", TODAY)["lead_conversion"] == 0.0


# -- second purchase, loyalty -----------------------------------------------------------
def test_second_purchase_rate_90_days(store: Store):
    p = [contact(store, f"P{i}") for i in range(5)]
    sale(store, "2026-06-01", p[0])
    sale(store, "2026-08-30", p[0])  # day 90: counts
    sale(store, "2026-06-10", p[1])
    sale(store, "2026-09-08", p[1])  # day 90 is Sep 8... (June 10 + 90 = Sep 8): counts
    sale(store, "2026-06-15", p[2])
    sale(store, "2026-06-15", p[2])  # same day: not another day
    sale(store, "2026-06-20", p[3])
    sale(store, "2026-06-25", p[3], amount=-300)  # a refund is no purchase
    sale(store, "2026-06-25", p[4])
    sale(store, "2026-09-24", p[4])  # day 91: too late
    k = cm.customer_kpis(store, "2026-06", TODAY)
    assert k["new_customers"] == 5
    assert k["second_purchase_rate"] == pytest.approx(2 / 5)


def test_loyal_365_day_window_edges(store: Store):
    q = contact(store, "Q")
    r = contact(store, "R")
    s = contact(store, "S")
    sale(store, "2025-11-26", q)  # 366 days before Nov 26: outside
    sale(store, "2026-01-10", q)
    sale(store, "2026-11-26", q)
    sale(store, "2025-11-27", r)  # first day of the window
    sale(store, "2026-05-05", r)
    sale(store, "2026-11-26", r)
    for _ in range(3):
        sale(store, "2026-03-03", s)  # three orders on one day: loyal counts orders
    k = cm.customer_kpis(store, "2026-11", TODAY)
    assert (k["loyal_customers"], k["loyal_share"]) == (2, pytest.approx(2 / 3))
    # October: d = Oct 31, window 2025-11-01..2026-10-31: Q 2, R 2, S 3
    k = cm.customer_kpis(store, "2026-10", TODAY)
    assert (k["loyal_customers"], k["loyal_share"]) == (1, pytest.approx(1 / 3))
    assert cm.loyal_ids(store, TODAY) == {r, s}
    store.set_setting("loyal_min_orders", "2")
    assert cm.customer_kpis(store, "2026-11", TODAY)["loyal_customers"] == 3


# -- cohorts ------------------------------------------------------------------------------
def test_cohort_table_hand_computed(store: Store):
    a, b, c, d, old = (contact(store, n) for n in "abcdo")
    sale(store, "2025-12-20", old)
    sale(store, "2026-01-03", old)
    sale(store, "2026-01-05", a)
    sale(store, "2026-02-10", a)
    sale(store, "2026-01-20", b)
    sale(store, "2026-03-03", b)
    sale(store, "2026-02-14", c)
    sale(store, "2026-03-01", d)
    sale(store, "2026-01-09")  # walk-in
    sale(store, "2026-04-01", a)  # after the last month: not shown
    table = cohorts.cohort_table(store, "2026-03", cohorts=3)
    assert [(r["cohort"], r["size"]) for r in table] == [("2026-01", 2), ("2026-02", 1),
                                                         ("2026-03", 1)]
    assert table[0]["shares"] == [1.0, 0.5, 0.5]
    assert table[1]["shares"] == [1.0, 0.0, None]
    assert table[2]["shares"] == [1.0, None, None]
    assert len(cohorts.cohort_table(store, "2026-03")) == 24


# -- at risk -----------------------------------------------------------------------------
@pytest.fixture
def risk_store(store: Store) -> Store:
    ids = {}
    plan = {
        "G": ["2026-06-01", "2026-06-11", "2026-06-21", "2026-07-01"],  # gap 10, 148 days
        "H": ["2026-10-01", "2026-10-20"],  # gap 19, 37 days < 38: not yet
        "I": ["2026-09-01", "2026-09-11"],  # gap 10, 76 days
        "J": ["2026-05-01", "2026-05-01"],  # two orders, one day: no gap
        "K": ["2025-11-01", "2025-11-10"],  # 381 days: lapsed
        "M": ["2026-10-01", "2026-10-31"],  # 26 days: under 30
        "N": ["2026-01-01", "2026-04-01", "2026-05-01"],  # gaps 90, 30: median 60, 209 days
        "O": ["2026-08-01", "2026-08-02", "2026-08-05"],  # gaps 1, 3: median 2, 113 days
    }
    amounts = {"G": 1000, "I": 5000, "N": 500, "O": 100}
    for name, days in plan.items():
        ids[name] = contact(store, name)
        for day in days:
            sale(store, day, ids[name], amount=amounts.get(name, 1000))
    sale(store, "2026-05-02", ids["N"], amount=-200)  # refund: revenue only
    store.ids = ids
    return store


def test_at_risk_hand_computed(risk_store: Store):
    ids = risk_store.ids
    rows = cm.at_risk(risk_store, TODAY)
    assert [r["contact_id"] for r in rows] == [ids["I"], ids["G"], ids["N"], ids["O"]]
    i, g, n, o = rows
    assert (i["usual_gap_days"], i["days_since"], i["revenue_365"]) == (10, 76, 10000)
    assert (g["usual_gap_days"], g["days_since"], g["revenue_365"]) == (10, 148, 4000)
    assert (n["usual_gap_days"], n["days_since"], n["revenue_365"]) == (60, 209, 1300)
    assert (o["usual_gap_days"], o["days_since"], o["revenue_365"]) == (2, 113, 300)
    assert g["last_purchase"] == "2026-07-01" and g["name"] == "G" and g["phone"]
    assert set(g) == {"contact_id", "name", "phone", "last_purchase", "usual_gap_days",
                      "days_since", "revenue_365"}
    assert [r["contact_id"] for r in cm.at_risk(risk_store, TODAY, limit=2)] == [ids["I"],
                                                                                ids["G"]]


def test_at_risk_on_a_past_date_ignores_later_purchases(risk_store: Store):
    ids = risk_store.ids
    # On 2026-09-30: H has bought once (Oct is later) so is no candidate; M neither;
    # G: 91 days > 30; I: 19 days; K: 324 days > 2 × 9; N: 152 > 120; O: 56 > 30.
    rows = cm.at_risk(risk_store, date(2026, 9, 30))
    assert {r["contact_id"] for r in rows} == {ids["G"], ids["K"], ids["N"], ids["O"]}


def test_contact_statuses(risk_store: Store):
    ids = risk_store.ids
    lead = contact(risk_store, "Lead", "2026-11-01", "lead")
    new = contact(risk_store, "New")
    sale(risk_store, "2026-11-20", new)
    loyal = contact(risk_store, "Loyal")
    for day in ("2026-10-01", "2026-10-25", "2026-11-20"):
        sale(risk_store, day, loyal)
    once = contact(risk_store, "Once")
    sale(risk_store, "2026-09-01", once)
    statuses = contact_status.contact_statuses(risk_store, TODAY)
    assert statuses[lead] == "lead"
    assert statuses[new] == "new"
    assert statuses[loyal] == "loyal"
    assert statuses[once] == "active"
    assert statuses[ids["K"]] == "lapsed"
    assert statuses[ids["G"]] == "at_risk"  # 4 orders in 365 days, but at risk comes first
    assert statuses[ids["H"]] == "active"
    assert statuses[ids["M"]] == "active"


def test_funnel(store: Store):
    x = contact(store, "X", "2026-09-01", "lead")
    y = contact(store, "Y", "2026-09-02", "lead")
    contact(store, "Z", "2026-09-03", "lead")
    w = contact(store, "W", "2026-09-04", "lead")
    v = contact(store, "V", "2026-08-31", "lead")  # August: not in the funnel
    for day in ("2026-09-10", "2026-09-10", "2026-10-01"):
        sale(store, day, x)  # 3 orders on 2 days: loyal
    sale(store, "2026-11-01", y)  # converted late: still a customer in the funnel
    sale(store, "2026-09-20", w)
    sale(store, "2026-10-20", w)
    for day in ("2026-09-01", "2026-09-02", "2026-09-03"):
        sale(store, day, v)
    assert contact_status.funnel(store, "2026-09", TODAY) == Funnel(leads=4, customers=3, repeat=2, loyal=1)
    # as of Oct 15, Y has not bought yet and W has one purchase day
    assert contact_status.funnel(store, "2026-09", date(2026, 10, 15)) == Funnel(
        leads=4, customers=2, repeat=1, loyal=1)


def test_reporting_currency_riel(risk_store: Store):
    risk_store.set_setting("reporting_currency", "KHR")
    rows = cm.at_risk(risk_store, TODAY)
    assert rows[0]["revenue_365"] == 2 * 5000 * 41  # 2 × $50 at 4100 riel


# -- brute force from the raw orders and sale lines --------------------------------------
def _purchases(store: Store, currency: str = "USD") -> list[tuple[str, int, bool, int]]:
    """(date, contact, is_purchase, revenue) per order with a contact, straight from the lines.

    A purchase is an order whose riel total is not below zero (a refund receipt is not).
    """
    col = "amount_usd" if currency == "USD" else "amount_khr"
    return [(r[0], r[1], r[2] >= 0, r[3]) for r in store.conn.execute(
        f"SELECT o.date, o.contact_id, SUM(l.amount_khr), SUM(l.{col}) FROM orders o"
        " JOIN sale_lines l ON l.order_id = o.id WHERE o.contact_id IS NOT NULL GROUP BY o.id")]


def brute_customer_kpis(store: Store, period: str, today: date) -> dict:
    """KPI.md §4–§5 from the raw orders: purchases dated after today count nowhere; a
    period in progress is "so far" with P−1's figures on the same day beside it; a period
    not started has no figures."""
    p = parse_period(period)
    if today < p.start:
        return {**dict.fromkeys(cm.CUSTOMER_KEYS), "previous_same_day": None}
    if today > p.end:
        return {**_brute_figures(store, p, p.end, today), "previous_same_day": None}
    result = _brute_figures(store, p, today, today)
    prev = p.previous()
    same_day = prev.start + timedelta(days=min((today - p.start).days + 1, prev.days) - 1)
    before = _brute_figures(store, prev, same_day, same_day)
    result["previous_same_day"] = {"as_of": same_day.isoformat(),
                                   **{k: before[k] for k in cm.SAME_DAY_KEYS}}
    return result


def _brute_figures(store: Store, p, hi: date, as_of: date) -> dict:
    """The figures of P over its days up to `hi`, knowing the purchases up to `as_of`."""
    prev = p.previous()
    orders = [o for o in _purchases(store) if o[0] <= as_of.isoformat()]
    w = int(store.setting("lead_window_days"))
    big_l = int(store.setting("loyal_min_orders"))
    lo, hi_iso = p.first_day, hi.isoformat()

    def active(first_day, last_day):
        return {c for d, c, buy, _ in orders if buy and first_day <= d <= last_day}

    first = {}
    for d, c, buy, _ in orders:
        if buy and (c not in first or d < first[c]):
            first[c] = d
    days = {}
    for d, c, buy, _ in orders:
        if buy:
            days.setdefault(c, set()).add(d)
    now, before = active(lo, hi_iso), active(prev.first_day, prev.last_day)
    new = {c for c, d in first.items() if lo <= d <= hi_iso}
    n_orders = {}
    for d, c, buy, _ in orders:
        if buy and lo <= d <= hi_iso:
            n_orders[c] = n_orders.get(c, 0) + 1
    leads = [(cid, date.fromisoformat(created)) for cid, created in store.conn.execute(
        "SELECT id, created FROM contacts WHERE kind = 'lead' AND created BETWEEN ? AND ?",
        (lo, hi_iso))]
    converted = [cid for cid, created in leads if cid in first
                 and 0 <= (date.fromisoformat(first[cid]) - created).days <= w]
    again = [c for c in new if any(
        0 < (date.fromisoformat(x) - date.fromisoformat(first[c])).days <= 90 for x in days[c])]
    start = (hi - timedelta(days=364)).isoformat()
    year_orders = {}
    for d, c, buy, _ in orders:
        if buy and start <= d <= hi_iso:
            year_orders[c] = year_orders.get(c, 0) + 1
    loyal = [c for c, n in year_orders.items() if n >= big_l]

    def ratio(a, b):
        return a / b if b else None

    retention = ratio(len(now & before), len(before))
    return {
        "new_customers": len(new),
        "lead_conversion": ratio(len(converted), len(leads)),
        # provisional until the day after P's last day + W
        "lead_conversion_provisional": as_of < p.end + timedelta(days=w + 1),
        "second_purchase_rate": ratio(len(again), len(new)),
        "loyal_customers": len(loyal),
        "loyal_share": ratio(len(loyal), len(year_orders)),
        "active_customers": len(now),
        "retention": retention,
        "churn": None if retention is None else 1 - retention,
        "crr": ratio(len(now) - len(new), len(before)),
        "repeat_purchase_rate": ratio(sum(1 for c in now if n_orders[c] >= 2), len(now)),
        "returning_customers": len(now) - len(new),
    }


def brute_cohorts(store: Store, last_month: str, cohorts: int,
                  today: date | None = None) -> list[dict]:
    orders = _purchases(store)
    if today is not None:  # purchases after today count nowhere
        orders = [o for o in orders if o[0] <= today.isoformat()]
    first = {}
    for d, c, buy, _ in orders:
        if buy and (c not in first or d < first[c]):
            first[c] = d
    months = [add_months(last_month, -i) for i in range(cohorts - 1, -1, -1)]
    table = []
    for i, m in enumerate(months):
        members = {c for c, d in first.items() if d[:7] == m}
        shares = []
        for k in range(cohorts):
            if i + k >= cohorts or not members:
                shares.append(None)
                continue
            target = months[i + k]
            shares.append(len({c for d, c, buy, _ in orders
                                if buy and c in members and d[:7] == target}) / len(members))
        table.append({"cohort": m, "size": len(members), "shares": shares})
    return table


def brute_at_risk(store: Store, today: date) -> list[dict]:
    orders = [o for o in _purchases(store) if o[0] <= today.isoformat()]
    rows = []
    for cid, name, phone in store.conn.execute("SELECT id, name, phone FROM contacts"):
        mine = [o for o in orders if o[1] == cid]
        buys = [o for o in mine if o[2]]
        days = sorted({date.fromisoformat(o[0]) for o in buys})
        if len(buys) < 2 or len(days) < 2:
            continue
        gap = statistics.median((b - a).days for a, b in zip(days, days[1:], strict=False))
        since = (today - days[-1]).days
        if since > max(2 * gap, 30) and since < 365:
            revenue = sum(o[3] for o in mine
                          if (today - date.fromisoformat(o[0])).days < 365)
            rows.append({"contact_id": cid, "name": name, "phone": phone,
                         "last_purchase": days[-1].isoformat(), "usual_gap_days": gap,
                         "days_since": since, "revenue_365": revenue})
    rows.sort(key=lambda r: (-r["revenue_365"], -r["days_since"], r["contact_id"]))
    return rows


def brute_funnel(store: Store, period: str, today: date) -> Funnel:
    p = parse_period(period)
    orders = [o for o in _purchases(store) if o[2] and o[0] <= today.isoformat()]
    leads = [r[0] for r in store.conn.execute(
        "SELECT id FROM contacts WHERE kind = 'lead' AND created BETWEEN ? AND ?",
        (p.first_day, p.last_day))]
    customers = [c for c in leads if any(o[1] == c for o in orders)]
    repeat = [c for c in customers if len({o[0] for o in orders if o[1] == c}) >= 2]
    start = (today - timedelta(days=364)).isoformat()
    loyal = [c for c in repeat
             if sum(1 for o in orders if o[1] == c and o[0] >= start) >= 3]
    return Funnel(leads=len(leads), customers=len(customers), repeat=len(repeat),
                  loyal=len(loyal))


DAY0 = date(2025, 6, 1)
SPAN = (TODAY - DAY0).days

order_st = st.tuples(
    st.integers(0, SPAN + 40),  # day offset (after SPAN: dated after today)
    st.integers(-1, 7),  # contact index, -1 = walk-in
    st.lists(st.tuples(st.integers(-3000, 20000), st.sampled_from(["USD", "KHR"])),
             min_size=1, max_size=2),
)
contact_st = st.tuples(st.sampled_from(["lead", "customer"]), st.integers(0, SPAN))
PERIODS = ["2026-11", "2026-10", "2026-09", "2026-Q4", "2026-Q3", "2026", "2025-12", "2025-06",
           "2026-12", "2027"]  # the last two have not started


def _build(path: Path, contacts, orders) -> Store:
    s = Store(path)
    ids = [add_contact(s, ContactInput(name=f"c{i}", kind=kind, phone=f"012{i:06d}",
                                       created=(DAY0 + timedelta(days=off)).isoformat()))
           for i, (kind, off) in enumerate(contacts)]
    for off, who, lines in orders:
        cid = ids[who % len(ids)] if who >= 0 and ids else None
        add_order(s, OrderInput(
            date=(DAY0 + timedelta(days=off)).isoformat(), contact_id=cid,
            lines=[LineInput(amount=a if cur == "USD" else a * 40, currency=cur, rate=4000)
                   for a, cur in lines]))
    return s


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(contacts=st.lists(contact_st, min_size=0, max_size=8),
       orders=st.lists(order_st, min_size=0, max_size=30),
       period=st.sampled_from(PERIODS),
       loyal_min=st.integers(1, 4))
def test_rollup_metrics_equal_brute_force(contacts, orders, period, loyal_min):
    with tempfile.TemporaryDirectory() as tmp:
        s = _build(Path(tmp) / "shop.db", contacts, orders)
        try:
            s.set_setting("loyal_min_orders", str(loyal_min))
            got = cm.customer_kpis(s, period, TODAY)
            want = brute_customer_kpis(s, period, TODAY)
            assert got.keys() == want.keys()
            for key, value in want.items():
                if isinstance(value, dict):
                    assert got[key].keys() == value.keys()
                    for k, v in value.items():
                        assert got[key][k] == (pytest.approx(v) if isinstance(v, float) else v), k
                else:
                    assert got[key] == pytest.approx(value) if value is not None \
                        else got[key] is None, key
            # properties
            if got["retention"] is not None:
                assert 0 <= got["retention"] <= 1
                assert got["crr"] >= got["retention"] - 1e-12
            if all(o[0] <= SPAN for o in orders):  # no sale after today: the rollups as they are
                table = cohorts.cohort_table(s, "2026-11", 18)
                assert table == brute_cohorts(s, "2026-11", 18)
            table = cohorts.cohort_table(s, "2026-11", 18, TODAY)
            assert table == brute_cohorts(s, "2026-11", 18, TODAY)
            for row in table:
                if row["size"]:
                    assert row["shares"][0] == 1.0
            # mid-month; a month end whose 365 days start on the 1st
            for d in (TODAY, date(2026, 3, 15), date(2026, 5, 31)):
                want = brute_at_risk(s, d)
                assert cm.at_risk(s, d) == want
                assert [cm.at_risk(s, d, limit=k) for k in (0, 1, 2, 5)] == \
                    [want[:k] for k in (0, 1, 2, 5)]
                assert cm.at_risk_count(s, d) == len(want)
            s.set_setting("loyal_min_orders", "3")
            for d in (TODAY, date(2026, 3, 15)):
                assert contact_status.funnel(s, period, d) == brute_funnel(s, period, d)
        finally:
            s.close()


def test_demo_store_properties(demo_store: Store):
    """On the demo shop: figures in range, cohorts start at 100 %, the at-risk list sorted."""
    for month in [add_months("2026-11", -i) for i in range(12)] + ["2026-Q3", "2025"]:
        k = cm.customer_kpis(demo_store, month, TODAY)
        assert k["active_customers"] > 0
        assert 0 <= k["retention"] <= 1
        assert k["crr"] >= k["retention"]
        for key in ("loyal_share", "repeat_purchase_rate", "second_purchase_rate"):
            assert k[key] is None or 0 <= k[key] <= 1
    table = cohorts.cohort_table(demo_store, "2026-10", 24)
    assert len(table) == 24 and all(len(r["shares"]) == 24 for r in table)
    assert all(r["shares"][0] == 1.0 for r in table if r["size"])
    rows = cm.at_risk(demo_store, TODAY)
    assert rows, "the demo shop has customers who stopped coming"
    revenues = [r["revenue_365"] for r in rows]
    assert revenues == sorted(revenues, reverse=True)
    assert all(max(2 * r["usual_gap_days"], 30) < r["days_since"] < 365 for r in rows)
    statuses = contact_status.contact_statuses(demo_store, TODAY)
    assert set(statuses.values()) <= {"new", "active", "loyal", "at_risk", "lapsed", "lead"}
    assert sum(1 for v in statuses.values() if v == "at_risk") == len(rows)


def test_at_risk_revenue_window_edge(store: Store):
    p = contact(store, "P")
    sale(store, "2025-11-26", p, amount=7000)  # 365 days before: outside the 365 days
    sale(store, "2025-11-27", p)  # 364 days before: inside
    sale(store, "2026-01-01", p)
    (row,) = cm.at_risk(store, TODAY)
    assert (row["usual_gap_days"], row["days_since"], row["revenue_365"]) == (18, 329, 2000)


@pytest.mark.parametrize("currency", ["USD", "KHR"])
def test_at_risk_revenue_365_equals_the_raw_lines_on_any_day(demo_store: Store, currency):
    """The call-back list's revenue of the 365 days, read from the whole months of the
    window (customer_month) and the days at either end (customer_day), equals the sum of
    the contact's lines in those days: on month ends (no partial month at the end), on a
    day whose window starts on the 1st (none at the start) and mid-month (both)."""
    demo_store.set_setting("reporting_currency", currency)
    by_contact: dict[int, list[tuple[str, int]]] = {}
    for day, cid, _buy, revenue in _purchases(demo_store, currency):
        by_contact.setdefault(cid, []).append((day, revenue))
    for d in (TODAY, date(2026, 5, 31), date(2026, 2, 28), date(2026, 3, 1),
              date(2025, 12, 31)):
        assert (d - timedelta(days=364)).day == 1 or d != date(2026, 5, 31)
        lo, hi = (d - timedelta(days=364)).isoformat(), d.isoformat()
        rows = cm.at_risk(demo_store, d)
        assert len(rows) > 10
        for row in rows:
            want = sum(r for day, r in by_contact[row["contact_id"]] if lo <= day <= hi)
            assert row["revenue_365"] == want, (d, row["contact_id"])


def test_new_customers_of_a_month_up_to_any_day_equal_the_raw_orders(demo_store: Store):
    """A month's new customers, counted from the month's own cohort per day of the first
    purchase, equal the contacts whose first order (not a refund) is in the month up to
    that day, the day itself included: the month so far, the month before on the same
    day, and whole months."""
    first: dict[int, str] = {}
    for day, cid, buy, _revenue in _purchases(demo_store):
        if buy and (cid not in first or day < first[cid]):
            first[cid] = day

    def raw(lo: date, hi: date) -> int:
        return sum(1 for day in first.values() if lo.isoformat() <= day <= hi.isoformat())

    for today in (TODAY, date(2026, 11, 1), date(2026, 10, 31), date(2026, 3, 15)):
        month = f"{today:%Y-%m}"
        got = cm.customer_kpis(demo_store, month, today)
        start = date.fromisoformat(f"{month}-01")
        assert got["new_customers"] == raw(start, today) > 0, today
        same = got["previous_same_day"]
        if same is not None:
            prev_start = date.fromisoformat(f"{add_months(month, -1)}-01")
            assert same["new_customers"] == raw(prev_start, date.fromisoformat(same["as_of"]))
    whole = cm.customer_kpis(demo_store, "2026-09", TODAY)["new_customers"]
    assert whole == raw(date(2026, 9, 1), date(2026, 9, 30))
    quarter = cm.customer_kpis(demo_store, "2026-Q3", TODAY)["new_customers"]
    assert quarter == raw(date(2026, 7, 1), date(2026, 9, 30))


def test_new_status_is_30_days_today_included(store: Store):
    a = contact(store, "A")
    b = contact(store, "B")
    sale(store, "2026-10-28", a)  # 29 days ago
    sale(store, "2026-10-27", b)  # 30 days ago
    assert contact_status.contact_statuses(store, TODAY) == {a: "new", b: "active"}


def test_memo_follows_every_write(risk_store: Store, tmp_path):
    ids = risk_store.ids
    first = cm.at_risk(risk_store, TODAY)
    first[0]["name"] = "changed by a caller"
    again = cm.at_risk(risk_store, TODAY)
    assert again[0]["name"] == "I"  # callers get their own copies
    sale(risk_store, "2026-11-25", ids["I"])  # I comes back: off the list
    assert ids["I"] not in {r["contact_id"] for r in cm.at_risk(risk_store, TODAY)}
    before = cm.customer_kpis(risk_store, "2026-11", TODAY)["active_customers"]
    # a write through another connection to the same file is seen too
    with Store(risk_store.location) as other:
        sale(other, "2026-11-24", ids["G"])
    assert cm.customer_kpis(risk_store, "2026-11", TODAY)["active_customers"] == before + 1
    assert ids["G"] not in {r["contact_id"] for r in cm.at_risk(risk_store, TODAY)}
    risk_store.set_setting("reporting_currency", "KHR")
    assert cm.at_risk(risk_store, TODAY)[0]["revenue_365"] % 41 == 0


def test_memo_hands_out_copies_of_nested_results(month_store: Store):
    table = cohorts.cohort_table(month_store, "2026-11", 2)
    table[-1]["shares"][0] = 0.5
    statuses = contact_status.contact_statuses(month_store, TODAY)
    statuses.clear()
    assert cohorts.cohort_table(month_store, "2026-11", 2)[-1]["shares"][0] == 1.0
    assert len(contact_status.contact_statuses(month_store, TODAY)) == 5


# writes dated in the last 400 days: they put customers on the at-risk list and take
# them off it
write_st = st.tuples(st.sampled_from(["add", "update", "delete", "merge", "undo", "rollback"]),
                     st.tuples(st.integers(SPAN - 400, SPAN), st.integers(0, 7),
                               st.lists(st.tuples(st.integers(-3000, 20000), st.just("USD")),
                                        min_size=1, max_size=2)),
                     st.integers(0, 50))


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(contacts=st.lists(contact_st, min_size=2, max_size=6),
       orders=st.lists(order_st, min_size=0, max_size=20),
       writes=st.lists(write_st, min_size=1, max_size=8))
@example(  # an order of the removed contact edited to a third one, then the merge undone
    contacts=[("lead", 0), ("lead", 0), ("lead", 0)],
    orders=[(0, 0, [(0, "USD")])] * 5 + [(72, 2, [(0, "USD")]), (0, 1, [(0, "USD")])],
    writes=[("merge", (143, 0, [(0, "USD")]), 0), ("update", (143, 1, [(0, "USD")]), 6),
            ("undo", (143, 0, [(0, "USD")]), 0)])
def test_at_risk_list_kept_across_writes_equals_brute_force(contacts, orders, writes):
    """The at-risk list patched contact by contact after each write is the list computed
    from the raw lines, whatever the writes (a date in the past too)."""
    from kpidesk.store.contacts import merge_contacts, unmerge_contacts
    from kpidesk.store.sales import delete_order, get_order, update_order

    days = (TODAY, date(2026, 3, 15))
    with tempfile.TemporaryDirectory() as tmp:
        s = _build(Path(tmp) / "shop.db", contacts, orders)
        try:
            cids = [r[0] for r in s.conn.execute("SELECT id FROM contacts ORDER BY id")]
            for d in days:
                assert cm.at_risk(s, d) == brute_at_risk(s, d)
            undo = []
            for op, (off, who, lines), pick in writes:
                oids = [r[0] for r in s.conn.execute("SELECT id FROM orders ORDER BY id")]
                cids = [r[0] for r in s.conn.execute("SELECT id FROM contacts ORDER BY id")]
                order = OrderInput(date=(DAY0 + timedelta(days=off)).isoformat(),
                                   contact_id=cids[who % len(cids)] if who >= 0 else None,
                                   lines=[LineInput(amount=a, currency="USD") for a, _ in lines])
                if op == "add" or not oids:
                    add_order(s, order)
                elif op == "update":
                    update_order(s, oids[pick % len(oids)], order)
                elif op == "delete":
                    delete_order(s, oids[pick % len(oids)])
                elif op == "merge" and len(cids) >= 2:
                    keep = cids[pick % len(cids)]
                    gone = cids[(pick + 1) % len(cids)]
                    undo.append(merge_contacts(s, keep, gone))
                elif op == "undo" and undo:
                    unmerge_contacts(s, undo.pop())
                elif op == "rollback":
                    with pytest.raises(RuntimeError), s.transaction():
                        update_order(s, oids[pick % len(oids)],
                                     get_order(s, oids[(pick + 1) % len(oids)]))
                        cm.at_risk(s, TODAY)  # read inside the failing write
                        raise RuntimeError("rolled back")
                for d in days:
                    want = brute_at_risk(s, d)
                    assert cm.at_risk(s, d) == want, (op, d)
                    # the first rows alone (exact revenue read only for what the
                    # bounds cannot rule out) and the count agree with the whole list
                    for k in (1, 2, 3):
                        assert cm.at_risk(s, d, limit=k) == want[:k], (op, d, k)
                    assert cm.at_risk_count(s, d) == len(want)
        finally:
            s.close()


def test_loyal_setting_change_recounts(store: Store):
    cid = add_contact(store, ContactInput(name="A", kind="customer", created="2026-01-01"))
    for day in ("2026-09-01", "2026-10-01", "2026-11-01"):
        sale(store, day, cid)
    assert cm.customer_kpis(store, "2026-11", TODAY)["loyal_customers"] == 1
    store.set_setting("loyal_min_orders", "4")
    assert cm.customer_kpis(store, "2026-11", TODAY)["loyal_customers"] == 0
    store.set_setting("loyal_min_orders", "2")
    assert store.scalar("SELECT loyal_from FROM contacts WHERE id = ?", (cid,)) == "2026-10-01"


@pytest.mark.parametrize("currency", ["USD", "KHR"])
def test_first_rows_of_the_at_risk_list_equal_the_whole_list_s(demo_store: Store, currency):
    """The dashboard's 200 rows (and the report's few) read through the revenue bounds are
    the first rows of the list computed in full, on any day and in either currency."""
    demo_store.set_setting("reporting_currency", currency)
    for d in (TODAY, date(2026, 6, 30), date(2026, 3, 31), date(2025, 12, 31)):
        full = cm.at_risk(demo_store, d)
        assert len(full) > 10
        for k in (1, 7, 20, 200):
            assert cm.at_risk(demo_store, d, limit=k) == full[:k], (d, k)
        assert cm.at_risk_count(demo_store, d) == len(full)


def test_cohort_cells_of_the_month_so_far_leave_out_later_days(store: Store):
    """A cohort's cell for the month in progress counts purchases up to today only: one
    dated later in the month (entered ahead) waits for its day."""
    from kpidesk.store.contacts import ContactInput, add_contact

    ids = [add_contact(store, ContactInput(kind="customer", name=n, created="2026-10-01"))
           for n in ("A", "B", "C")]
    for cid, days in zip(ids, (["2026-10-05", "2026-11-28"], ["2026-10-06", "2026-11-03"],
                               ["2026-11-02"]), strict=True):
        for day in days:
            add_order(store, OrderInput(day, [LineInput(1000)], contact_id=cid))
    today = date(2026, 11, 26)
    by_cohort = {row["cohort"]: row for row in cohorts.cohort_table(store, "2026-11", 2, today)}
    assert by_cohort["2026-10"]["size"] == 2
    assert by_cohort["2026-10"]["shares"] == [1.0, 0.5]  # A's purchase of the 28th not yet
    assert by_cohort["2026-11"]["shares"][0] == 1.0
    later = {row["cohort"]: row for row in cohorts.cohort_table(store, "2026-11", 2,
                                                            date(2026, 11, 28))}
    assert later["2026-10"]["shares"] == [1.0, 1.0]


def test_a_quarter_in_progress_counts_its_last_month_up_to_today(store: Store):
    """Active and repeat customers of a quarter in progress: its whole months, then its
    month in progress up to today only (each month keeps the days of its first and
    second orders)."""
    from kpidesk.store.contacts import ContactInput, add_contact

    days = {"A": ["2026-10-05", "2026-11-10"],  # repeat: the second order in November
            "B": ["2026-11-03", "2026-11-20"],  # repeat inside November
            "C": ["2026-11-12", "2026-11-28"],  # the second order is after today: not yet
            "D": ["2026-11-27"],  # after today: not active yet
            "E": ["2026-08-01", "2026-10-09"]}  # active in both quarters
    for name, dates in days.items():
        cid = add_contact(store, ContactInput(kind="customer", name=name, created="2026-07-01"))
        for day in dates:
            add_order(store, OrderInput(day, [LineInput(1000)], contact_id=cid))
    k = cm.customer_kpis(store, "2026-Q4", date(2026, 11, 26))
    assert k["active_customers"] == 4  # A, B, C, E
    assert k["repeat_purchase_rate"] == pytest.approx(2 / 4)  # A and B
    assert k["retention"] == 1.0  # E, the one customer of the quarter before
