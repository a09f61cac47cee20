"""Issue #19 figures against values computed here from the raw rows (KPI.md §1b, §2b)."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from kpidesk.metrics import bridge, calendar, insight, pacing, plan
from kpidesk.metrics.memo import clear_memo
from kpidesk.store import insight as shop
from kpidesk.store import reference
from kpidesk.store.contacts import ContactInput, add_contact
from kpidesk.store.money import convert
from kpidesk.store.money import div_half_even as half_even
from kpidesk.store.sales import LineInput, OrderInput, add_order
from kpidesk.store.targets import set_target


class Shop:
    """A store plus the raw rows written to it, to compute figures independently."""

    def __init__(self, store):
        self.store = store
        self.rows: list[tuple[str, int | None, str, int, int, int | None, int | None]] = []
        self.orders: list[tuple[str, int]] = []  # (day, net amount in cents) per order

    def sale(self, day, amount, *, contact=None, currency="USD", rate=4000, sp=None,
             product=None):
        add_order(self.store, OrderInput(date=day, lines=[LineInput(
            amount=amount, currency=currency, rate=rate, product_id=product)],
            contact_id=contact, salesperson_id=sp))
        self.rows.append((day, contact, currency, amount, rate, sp, product))

    def value(self, row, reporting="USD"):
        usd, khr = convert(row[3], row[2], row[4])
        return usd if reporting == "USD" else khr

    def revenue(self, first, last, reporting="USD", where=lambda r: True):
        return sum(self.value(r, reporting) for r in self.rows
                   if first <= r[0] <= last and where(r))


def customer(store, name, created="2024-01-01"):
    return add_contact(store, ContactInput(name=name, created=created))


# -- the bridge -----------------------------------------------------------------------
def _bridge_shop(store, *, khr_rate_change=False):
    s = Shop(store)
    a, b, c, d, e = (customer(store, n) for n in "ABCDE")
    s.sale("2026-01-10", 5000, contact=d)  # d bought before P0: reactivated in P1
    s.sale("2026-08-03", 12000, contact=a)  # a in both
    s.sale("2026-08-09", 7000, contact=b)  # b lost
    s.sale("2026-08-15", 3000)  # walk-in
    s.sale("2026-08-20", 400000, currency="KHR", rate=4000)  # walk-in, riel
    s.sale("2026-09-04", 15000, contact=a)
    s.sale("2026-09-05", 9000, contact=c)  # c new in P1
    s.sale("2026-09-06", 4000, contact=d)
    s.sale("2026-09-07", 2500)
    s.sale("2026-09-08", 600000, currency="KHR", rate=4200 if khr_rate_change else 4000,
           contact=e)  # e: first purchase in P1, pays in riel
    return s, dict(a=a, b=b, c=c, d=d, e=e)


@pytest.mark.parametrize("reporting", ["USD", "KHR"])
def test_bridge_by_customers_sums_exactly(store, reporting):
    s, ids = _bridge_shop(store, khr_rate_change=True)
    store.set_setting("reporting_currency", reporting)
    b = bridge.revenue_bridge(store, "2026-09", date(2026, 10, 15), "mom")
    p0 = ("2026-08-01", "2026-08-31")
    p1 = ("2026-09-01", "2026-09-30")

    def rev(cid, win):
        return s.revenue(*win, reporting, lambda r: r[1] == cid)

    new = rev(ids["c"], p1) + rev(ids["e"], p1)
    lost = -rev(ids["b"], p0)
    returning = rev(ids["a"], p1) - rev(ids["a"], p0)
    reactivated = rev(ids["d"], p1)
    walk_in = (s.revenue(*p1, reporting, lambda r: r[1] is None)
               - s.revenue(*p0, reporting, lambda r: r[1] is None))
    change = s.revenue(*p1, reporting) - s.revenue(*p0, reporting)
    c = b.components
    assert (c["new"], c["lost"], c["returning"], c["reactivated"], c["walk_in"]) == (
        new, lost, returning, reactivated, walk_in)
    assert new + lost + returning + reactivated + walk_in == change
    assert c["orders_effect"] + c["basket_effect"] == change
    o0, o1 = 4, 5
    r0 = s.revenue(*p0, reporting)
    assert c["orders_effect"] == half_even((o1 - o0) * r0, o0)
    assert sorted(b.customers["new"]) == sorted([ids["c"], ids["e"]])


def test_bridge_exchange_rate_effect(store):
    s, ids = _bridge_shop(store, khr_rate_change=True)
    b = bridge.revenue_bridge(store, "2026-09", date(2026, 10, 15), "mom")
    # P0's average rate, weighted by amount: Σ riel value / Σ dollar value of its lines
    p0 = [r for r in s.rows if r[0].startswith("2026-08")]
    usd0 = sum(convert(r[3], r[2], r[4])[0] for r in p0)
    khr0 = sum(convert(r[3], r[2], r[4])[1] for r in p0)
    p1 = [r for r in s.rows if r[0].startswith("2026-09")]
    usd_native = sum(r[3] for r in p1 if r[2] == "USD")
    khr_native = sum(r[3] for r in p1 if r[2] == "KHR")
    revenue1 = sum(convert(r[3], r[2], r[4])[0] for r in p1)
    at_p0_rate = usd_native + half_even(khr_native * usd0, khr0)
    assert b.components["fx_effect"] == revenue1 - at_p0_rate != 0
    revenue0 = usd0
    assert b.growth_constant_rate == pytest.approx(
        (revenue1 - b.components["fx_effect"] - revenue0) / revenue0)
    # the riel sale at a weaker rate is worth fewer dollars: a negative effect
    assert b.components["fx_effect"] < 0


def test_bridge_one_currency_shop_has_no_fx_effect(store):
    s = Shop(store)
    s.sale("2026-08-03", 1000)
    s.sale("2026-09-03", 1500)
    b = bridge.revenue_bridge(store, "2026-09", date(2026, 10, 1), "mom")
    assert b.components["fx_effect"] == 0
    assert b.growth_constant_rate == b.growth == 0.5


def test_bridge_year_before_and_month_in_progress(store):
    s = Shop(store)
    a = customer(store, "A")
    s.sale("2025-09-02", 2000, contact=a)
    s.sale("2025-09-20", 9999, contact=a)  # after day 10: not like-for-like
    s.sale("2026-09-03", 3000, contact=a)
    s.sale("2026-09-09", 700)
    s.sale("2026-09-25", 5000)  # after today: counts nowhere
    b = bridge.revenue_bridge(store, "2026-09", date(2026, 9, 10), "yoy")
    assert b.before.last == "2025-09-10" and b.after.last == "2026-09-10"
    assert b.components["returning"] == 1000 and b.components["walk_in"] == 700
    assert b.change == 1700
    rows = bridge.bridge_details(store, b, "returning")
    assert [(r.contact_id, r.value) for r in rows] == [(a, 1000)]
    days = bridge.bridge_details(store, b, "walk_in")
    assert [(r.day, r.value) for r in days] == [("2026-09-09", 700)]


def test_bridge_in_kpi_json(demo_store):
    from kpidesk.metrics.kpis import all_kpis

    figures = all_kpis(demo_store, "2026-10", date(2026, 11, 26))
    for key in ("revenue_bridge_mom", "revenue_bridge_yoy"):
        comps = {x["component"]: x["value"] for x in figures[key]}
        assert list(comps) == ["new", "lost", "returning", "reactivated", "walk_in",
                               "orders_effect", "basket_effect", "fx_effect"]
        before = figures["revenue_previous_month" if key.endswith("mom")
                         else "revenue_year_before"]
        change = figures["revenue"] - before
        assert sum(comps[c] for c in bridge.CUSTOMER_COMPONENTS) == change
    assert "growth_mom_constant_rate" in figures


# -- the calendar and pacing -------------------------------------------------------------
def test_calendar_knows_khmer_new_year_and_pchum_ben():
    hols = calendar.holidays_between("2026-04-01", "2026-10-31")
    assert [d for d, h in hols.items() if "Khmer New Year's Day" in h.names] == [
        "2026-04-14", "2026-04-15", "2026-04-16"]
    assert "ភ្ផុំបិណ្ឌ" in hols["2026-10-10"].label("km")
    assert calendar.same_holiday_year_before("2026-10-11") == "2025-09-22"  # Pchum Ben day 2
    assert calendar.same_holiday_year_before("2026-04-16") == "2025-04-16"
    assert calendar.same_holiday_year_before("2026-04-20") is None


def _history_shop(store, first: date, last: date, seed=5):
    """A sale every day with a known pseudo-random amount; holidays sell 3× more."""
    s = Shop(store)
    rng = random.Random(seed)
    hols = calendar.holidays_between(first, last)
    d = first
    while d <= last:
        amount = rng.randint(1000, 5000) * (3 if d.isoformat() in hols else 1)
        s.sale(d.isoformat(), amount)
        d += timedelta(days=1)
    return s


def _expected_weights(s, month_days, closed=()):
    weights = []
    for d in month_days:
        same = calendar.same_holiday_year_before(d)
        source = same or (d - timedelta(days=364)).isoformat()
        weights.append(0 if d.isoformat() in closed else s.revenue(source, source))
    return weights


@pytest.mark.parametrize("month,today,holiday_day,source", [
    ("2026-04", date(2026, 4, 15), "2026-04-14", "2025-04-14"),  # Khmer New Year
    ("2026-10", date(2026, 10, 11), "2026-10-10", "2025-09-21"),  # Pchum Ben (a month apart)
])
def test_pacing_follows_last_years_days(store, month, today, holiday_day, source):
    s = _history_shop(store, date(2025, 3, 1), today)
    set_target(store, month, "revenue", 300000)
    first = date.fromisoformat(month + "-01")
    days = [first + timedelta(days=i) for i in range(31 if month == "2026-10" else 30)]
    weights = _expected_weights(s, days)
    assert pacing.day_weights(store, month) == weights
    assert weights[date.fromisoformat(holiday_day).day - 1] == s.revenue(source, source)
    p = pacing.pacing(store, month, today)
    d = today.day
    expected = half_even(300000 * sum(weights[:d]), sum(weights))
    actual = s.revenue(first.isoformat(), today.isoformat())
    assert p.expected_to_date == expected
    assert p.pace == pytest.approx(actual / expected)
    assert p.needed_per_day == half_even(300000 - actual, len(days) - d)
    # the even split stays a setting
    store.set_setting("pacing", "even")
    clear_memo()
    assert pacing.pacing(store, month, today).expected_to_date == half_even(
        300000 * d, len(days))


def test_closed_days_weigh_nothing_and_need_nothing(store):
    s = _history_shop(store, date(2026, 3, 20), date(2026, 4, 10))  # little history: even
    set_target(store, "2026-04", "revenue", 280000)
    shop.mark_day(store, "2026-04-14", "closed", "Khmer New Year")
    shop.mark_day(store, "2026-04-15", "closed")
    weights = pacing.day_weights(store, "2026-04")
    assert weights[13] == weights[14] == 0 and sum(weights) == 28
    p = pacing.pacing(store, "2026-04", date(2026, 4, 10))
    assert p.expected_to_date == half_even(280000 * 10, 28)
    actual = s.revenue("2026-04-01", "2026-04-10")
    assert p.needed_per_day == half_even(280000 - actual, 18)
    assert [d.day for d in shop.shop_days(store, "2026-04-01", "2026-04-30")] == [
        "2026-04-14", "2026-04-15"]
    shop.mark_day(store, "2026-04-15", None)
    assert pacing.day_weights(store, "2026-04")[14] == 1


def test_week_targets_add_up_to_the_month(store):
    _history_shop(store, date(2025, 3, 1), date(2026, 4, 15))
    set_target(store, "2026-04", "revenue", 123457)
    weeks = pacing.week_targets(store, "2026-04", date(2026, 4, 15))
    assert sum(w.target for w in weeks) == 123457
    assert weeks[0].first == "2026-04-01" and weeks[0].last == "2026-04-05"  # Wed..Sun
    weights = pacing.day_weights(store, "2026-04")
    assert weeks[0].target == half_even(123457 * sum(weights[:5]), sum(weights))
    assert weeks[-1].actual is None  # not started


# -- the chance of making the target ------------------------------------------------------
def _flat_shop(store, first: date, last: date, amount=1000):
    s = Shop(store)
    d = first
    while d <= last:
        s.sale(d.isoformat(), amount)
        d += timedelta(days=1)
    return s


def test_probability_edge_cases(store):
    _flat_shop(store, date(2026, 8, 1), date(2026, 9, 10))
    today = date(2026, 9, 10)
    assert pacing.target_probability(store, "2026-09", today) is None  # no target
    set_target(store, "2026-09", "revenue", 10000)  # met on day 10
    clear_memo()
    assert pacing.target_probability(store, "2026-09", today) == 1.0
    # every day sold 1,000 for 8 weeks: the rest of the month brings exactly 20 × 1,000
    set_target(store, "2026-09", "revenue", 30000)
    clear_memo()
    assert pacing.target_probability(store, "2026-09", today) == 1.0
    set_target(store, "2026-09", "revenue", 30001)
    clear_memo()
    assert pacing.target_probability(store, "2026-09", today) == 0.0
    assert pacing.target_probability(store, "2026-08", today) is None  # over


def test_probability_needs_four_weeks_of_history(store):
    _flat_shop(store, date(2026, 9, 1), date(2026, 9, 20))
    set_target(store, "2026-09", "revenue", 50000)
    assert pacing.target_probability(store, "2026-09", date(2026, 9, 20)) is None
    _flat_shop(store, date(2026, 8, 20), date(2026, 8, 25))
    clear_memo()
    assert pacing.target_probability(store, "2026-09", date(2026, 9, 20)) is not None


def test_probability_draws_from_the_same_weekday(store):
    # Mondays sell 7,000, other days 0: the chance depends on the Mondays left
    s = Shop(store)
    d = date(2026, 7, 1)
    while d <= date(2026, 9, 9):
        s.sale(d.isoformat(), 7000 if d.weekday() == 0 else 1)
        d += timedelta(days=1)
    so_far = s.revenue("2026-09-01", "2026-09-09")
    mondays_left = sum(1 for i in range(10, 31) if date(2026, 9, i).weekday() == 0)
    others_left = 21 - mondays_left
    reachable = so_far + 7000 * mondays_left + others_left
    set_target(store, "2026-09", "revenue", reachable)
    assert pacing.target_probability(store, "2026-09", date(2026, 9, 9)) == 1.0
    set_target(store, "2026-09", "revenue", reachable + 1)
    clear_memo()
    assert pacing.target_probability(store, "2026-09", date(2026, 9, 9)) == 0.0
    history = pacing.probability_history(store, "2026-09", date(2026, 9, 9))
    assert [h[0] for h in history] == [f"2026-09-{i:02d}" for i in range(1, 10)]
    assert history[-1][1] == 0.0


def test_probability_is_a_share_of_simulations(store):
    _history_shop(store, date(2026, 6, 1), date(2026, 9, 15))
    set_target(store, "2026-09", "revenue", 90000)
    p = pacing.target_probability(store, "2026-09", date(2026, 9, 15))
    assert 0.0 < p < 1.0 and (p * pacing.SIMULATIONS) == int(p * pacing.SIMULATIONS)
    assert pacing.chance_in_ten(0.31) == 3


# -- commission and category targets -------------------------------------------------------
def test_commission_by_salesperson_and_category(store):
    s = Shop(store)
    sp1 = reference.add_named(store, "salespeople", "Dara")
    sp2 = reference.add_named(store, "salespeople", "Vuthy")
    phones = reference.add_named(store, "categories", "Phones")
    cards = reference.add_named(store, "categories", "Cards")
    phone = reference.add_named(store, "products", "A phone", category_id=phones)
    card = reference.add_named(store, "products", "A card", category_id=cards)
    s.sale("2026-09-02", 100001, sp=sp1, product=phone)
    s.sale("2026-09-03", 5000, sp=sp1, product=card)
    s.sale("2026-09-04", 20000, sp=sp2, product=phone)
    shop.set_commission_rate(store, 250, salesperson_id=sp1)  # 2.5 % on all Dara sells
    shop.set_commission_rate(store, 100, category_id=cards)  # cards: 1 % for anyone…
    shop.set_commission_rate(store, 0, salesperson_id=sp1, category_id=cards)  # …not Dara
    rows = {c.name: c for c in insight.commissions(store, "2026-09", date(2026, 10, 1))}
    assert rows["Dara"].commission == half_even(100001 * 250, 10000) + 0
    assert "Vuthy" not in rows  # no rate applies to phones for Vuthy
    shop.set_category_target(store, "2026-09", phones, 200000)
    cats = {c.name: c for c in insight.category_attainment(store, "2026-09", date(2026, 10, 1))}
    assert cats["Phones"].actual == 120001 and cats["Phones"].target == 200000
    assert cats["Phones"].attainment == pytest.approx(120001 / 200000)
    assert cats["Cards"].target is None


# -- what it takes ---------------------------------------------------------------------------
def test_plan_from_the_rows(store):
    s = _history_shop(store, date(2026, 7, 1), date(2026, 9, 12))
    today = date(2026, 9, 12)
    result = plan.plan(store, "2026-09", today, target=150000)
    actual = s.revenue("2026-09-01", "2026-09-12")
    needed = half_even(150000 - actual, 18)
    recent = s.revenue((today - timedelta(days=27)).isoformat(), today.isoformat())
    basket = half_even(recent, 28)  # one order a day
    assert result.shop.needed_per_day == needed
    assert result.shop.current_basket == basket
    assert result.shop.needed_orders_per_day == -(-needed // basket)
    assert result.shop.needed_basket == half_even(needed * 28, 28)
    assert result.winbacks_needed is None  # no customers at risk
    met = plan.plan(store, "2026-09", today, target=actual)
    assert met.shop.needed_per_day == 0 and met.winbacks_needed == 0


def test_winbacks_cover_the_gap_with_usual_monthly_revenue(store):
    s = Shop(store)
    ids = [customer(store, f"C{i}") for i in range(3)]
    for i, cid in enumerate(ids):  # bought every 10 days until June, then stopped
        d = date(2026, 3, 1)
        while d <= date(2026, 6, 1):
            s.sale(d.isoformat(), 12000 * (i + 1), contact=cid)
            d += timedelta(days=10)
    today = date(2026, 9, 12)
    from kpidesk.metrics.customers import at_risk

    monthly = sorted((r["revenue_365"] // 12 for r in at_risk(store, today)), reverse=True)
    assert len(monthly) == 3
    assert plan.winbacks_needed(store, monthly[0], today) == 1
    assert plan.winbacks_needed(store, monthly[0] + 1, today) == 2
    assert plan.winbacks_needed(store, sum(monthly) + 1, today) is None


def test_proposal_follows_trend_and_seasonality(demo_store):
    proposal = plan.propose_year(demo_store, 2027, date(2026, 11, 26))
    assert [p.period for p in proposal] == [f"2027-{m:02d}" for m in range(1, 13)]
    assert sum(p.value for p in proposal) == sum(p.trend for p in proposal)
    shares = plan.seasonality(demo_store, "2026-10")
    assert shares is not None and sum(shares) == pytest.approx(100)


def test_basket_bar_opens_the_products(store):
    s = Shop(store)
    phone = reference.add_named(store, "products", "Phone")
    card = reference.add_named(store, "products", "Card")
    s.sale("2026-08-03", 10000, product=phone)
    s.sale("2026-08-04", 500, product=card)
    s.sale("2026-09-03", 12000, product=phone)
    s.sale("2026-09-04", 200, product=card)
    s.sale("2026-09-05", 300)
    b = bridge.revenue_bridge(store, "2026-09", date(2026, 10, 2), "mom")
    rows = bridge.bridge_details(store, b, "basket_effect")
    assert [(r.label, r.value) for r in rows] == [("Phone", 2000), ("", 300), ("Card", -300)]
    assert sum(r.value for r in rows) == b.change


def test_bridge_of_a_quarter_counts_each_customer_over_the_whole_quarter(store):
    """A quarter's (or year's) bridge takes each customer's revenue over the whole window,
    not its first month's alone (a purchase in the quarter's second month is no walk-in)."""
    s = Shop(store)
    a = customer(store, "A")
    s.sale("2026-04-10", 1000, contact=a)  # the quarter before
    s.sale("2026-08-20", 3000, contact=a)  # the quarter's second month
    s.sale("2026-09-02", 500)  # a walk-in
    b = bridge.revenue_bridge(store, "2026-Q3", date(2026, 11, 26), "mom")
    assert b.components["returning"] == 2000 and b.components["walk_in"] == 500
    assert b.components["lost"] == 0 and b.change == 2500
