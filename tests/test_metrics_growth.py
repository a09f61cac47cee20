"""Sales growth metrics (KPI.md §1) on hand-computed shops."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpidesk.metrics.growth import (
    breakdown,
    growth_series,
    revenue_by_currency,
    revenue_series,
    sales_summary,
    windows,
)
from kpidesk.store import reference
from kpidesk.store.db import Store
from kpidesk.store.sales import LineInput, OrderInput, add_order, delete_order


def sale(store, day, *amounts, currency="USD", rate=4000, sp=None, channel=None, product=None,
         contact=None):
    """One order with one line per amount (all in `currency` at `rate`)."""
    lines = [LineInput(amount=a, currency=currency, rate=rate, product_id=product) for a in amounts]
    return add_order(store, OrderInput(date=day, lines=lines, salesperson_id=sp,
                                       channel_id=channel, contact_id=contact))


NOV_26 = date(2026, 11, 26)


def test_months_with_no_sales(store):
    s = sales_summary(store, "2026-10", NOV_26)
    assert s.revenue == 0 and s.orders == 0
    assert s.average_order_value is None
    assert s.growth_mom is None and s.growth_yoy is None
    assert s.in_progress is False and s.days_elapsed == 31
    assert revenue_by_currency(store, "2026-10") == {"USD": 0, "KHR": 0}
    assert breakdown(store, "2026-10", "salesperson", NOV_26) == []
    assert revenue_series(store, "2026-10", 3) == [("2026-08", 0), ("2026-09", 0), ("2026-10", 0)]


def test_zero_previous_revenue_gives_no_growth(store):
    sale(store, "2026-10-05", 10000)
    s = sales_summary(store, "2026-10", NOV_26)
    assert s.revenue == 10000
    assert s.growth_mom is None  # September had nothing
    assert s.growth_yoy is None
    # A month with sales after an empty one, and an empty one after a month with sales.
    nov = sales_summary(store, "2026-12", date(2027, 1, 15))
    assert nov.revenue == 0 and nov.growth_mom is None  # Nov empty → previous 0
    after = sales_summary(store, "2026-11", date(2026, 12, 15))
    assert after.revenue == 0 and after.growth_mom == -1.0


def test_complete_month_growth_and_aov(store):
    sale(store, "2025-10-31", 20000)  # a year before
    sale(store, "2026-09-30", 8000)
    sale(store, "2026-10-01", 6000)
    sale(store, "2026-10-31", 4000, 2001)
    sale(store, "2026-11-01", 99999)  # not October
    s = sales_summary(store, "2026-10", NOV_26)
    assert s.revenue == 12001
    assert s.orders == 2
    assert s.average_order_value == 6000  # 6000.5 → half to even
    assert s.growth_mom == pytest.approx((12001 - 8000) / 8000)
    assert s.growth_yoy == pytest.approx((12001 - 20000) / 20000)
    assert s.previous_revenue == 8000 and s.year_before_revenue == 20000


def test_refunds_count_in_revenue_but_not_as_orders(store):
    sale(store, "2026-10-03", 10000)
    sale(store, "2026-10-04", 5000)
    refund = sale(store, "2026-10-05", -3000)  # a refund receipt
    sale(store, "2026-10-06", 7000, -2000)  # an exchange: net positive, one order
    s = sales_summary(store, "2026-10", NOV_26)
    assert s.revenue == 10000 + 5000 - 3000 + 5000
    assert s.orders == 3
    assert s.average_order_value == 17000 // 3 + 1  # 5666.67 → 5667
    # A refund in its own month: negative revenue, no order, no AOV.
    sale(store, "2026-09-10", -1500)
    sep = sales_summary(store, "2026-09", NOV_26)
    assert (sep.revenue, sep.orders, sep.average_order_value) == (-1500, 0, None)
    assert sales_summary(store, "2026-10", NOV_26).growth_mom is None  # negative base
    assert sales_summary(store, "2026-11", NOV_26).growth_mom == -1.0  # 0 vs 17000
    delete_order(store, refund)
    assert sales_summary(store, "2026-10", NOV_26).revenue == 20000


def test_mixed_currencies_round_each_line_half_even(store):
    # 100 riel at 4000 riel/$ = 2.5 cents → 2 (half to even); 60 riel → 1.5 → 2.
    sale(store, "2026-10-02", 100, 100, 100, currency="KHR", rate=4000)
    sale(store, "2026-10-03", 60, currency="KHR", rate=4000)
    # 50 cents at 4001 = 2000.5 riel → 2000; 150 cents → 6001.5 → 6002.
    sale(store, "2026-10-04", 50, 150, currency="USD", rate=4001)
    s = sales_summary(store, "2026-10", NOV_26)
    assert s.revenue == 2 + 2 + 2 + 2 + 50 + 150  # per line, then summed (not 7.5 + ...)
    assert s.currency == "USD"
    assert revenue_by_currency(store, "2026-10") == {"USD": 200, "KHR": 360}
    store.set_setting("reporting_currency", "KHR")
    k = sales_summary(store, "2026-10", NOV_26)
    assert k.currency == "KHR" and k.revenue == 360 + 2000 + 6002
    # An explicit currency overrides the shop's.
    assert sales_summary(store, "2026-10", NOV_26, currency="USD").revenue == 208
    rows = {r["id"]: r for r in breakdown(store, "2026-10", "currency", NOV_26)}
    assert rows["USD"]["revenue"] == 200 and rows["USD"]["revenue_reporting"] == 8002
    assert rows["KHR"]["revenue"] == 360 and rows["KHR"]["revenue_reporting"] == 360
    assert rows["KHR"]["growth"] is None  # nothing in September


def test_month_in_progress_is_like_for_like(store):
    today = date(2026, 11, 10)
    sale(store, "2025-11-10", 30000)  # in the YoY window (days 1..10)
    sale(store, "2025-11-11", 100000)  # outside it
    sale(store, "2026-10-05", 10000)  # in the MoM window
    sale(store, "2026-10-25", 40000)  # outside it
    sale(store, "2026-11-03", 6000)
    sale(store, "2026-11-10", 9000)  # today counts
    s = sales_summary(store, "2026-11", today)
    assert s.in_progress is True and s.days_elapsed == 10 and s.days == 30
    assert s.revenue == 15000
    assert s.previous_revenue == 10000 and s.year_before_revenue == 30000
    assert s.growth_mom == pytest.approx(0.5)
    assert s.growth_yoy == pytest.approx(-0.5)
    # The same month once over compares whole months.
    done = sales_summary(store, "2026-11", date(2026, 12, 1))
    assert done.in_progress is False
    assert done.growth_mom == pytest.approx((15000 - 50000) / 50000)


def test_in_progress_day_past_the_end_of_the_previous_month(store):
    # 30 March against February: days 1..min(30, 28) = the whole of February.
    sale(store, "2026-02-28", 10000)
    sale(store, "2026-03-30", 20000)
    sale(store, "2025-03-30", 5000)
    sale(store, "2025-03-31", 70000)  # day 31 of last March: after day 30, not compared
    s = sales_summary(store, "2026-03", date(2026, 3, 30))
    assert s.previous_revenue == 10000 and s.growth_mom == pytest.approx(1.0)
    assert s.year_before_revenue == 5000 and s.growth_yoy == pytest.approx(3.0)


def test_future_period_has_no_growth(store):
    sale(store, "2026-11-05", 1000)
    s = sales_summary(store, "2026-12", NOV_26)
    assert s.in_progress is False and s.days_elapsed == 0
    assert s.growth_mom is None and s.growth_yoy is None
    assert windows("2026-12", NOV_26).state == "future"


def test_quarter_and_year(store):
    today = NOV_26  # Q4 day 31 + 26 = 57
    sale(store, "2026-07-01", 1000)
    sale(store, "2026-08-26", 2000)  # day 57 of Q3: compared
    sale(store, "2026-08-27", 4000)  # day 58: not compared
    sale(store, "2026-10-15", 3000)
    sale(store, "2026-11-26", 3000)
    q = sales_summary(store, "2026-Q4", today)
    assert q.in_progress and q.days_elapsed == 57 and q.days == 92
    assert q.revenue == 6000 and q.previous_revenue == 3000
    assert q.growth_mom == pytest.approx(1.0)
    q3 = sales_summary(store, "2026-Q3", today)
    assert q3.revenue == 7000 and q3.in_progress is False and q3.growth_mom is None
    sale(store, "2025-02-01", 500)
    y = sales_summary(store, "2026", today)  # day 330: 2025-01-01..2025-11-26
    assert y.revenue == 13000 and y.previous_revenue == 500
    assert y.growth_mom == pytest.approx(25.0) and y.growth_yoy == y.growth_mom
    y25 = sales_summary(store, "2025", today)
    assert y25.revenue == 500 and y25.orders == 1


def test_breakdowns_by_salesperson_category_channel(store):
    dara = reference.add_named(store, "salespeople", "Dara")
    sokha = reference.add_named(store, "salespeople", "Sokha")
    phones = reference.add_named(store, "categories", "Phones")
    phone = reference.add_named(store, "products", "A15", category_id=phones)
    case = reference.add_named(store, "products", "Case")  # no category
    shop = store.scalar("SELECT id FROM channels WHERE name = 'Shop'")
    sale(store, "2026-09-10", 4000, sp=dara, channel=shop, product=phone)
    sale(store, "2026-10-10", 10000, sp=dara, channel=shop, product=phone)
    sale(store, "2026-10-11", 3000, sp=sokha, product=case)
    sale(store, "2026-10-12", 1000, product=case)  # nobody's sale
    by_sp = breakdown(store, "2026-10", "salesperson", NOV_26)
    assert [(r["id"], r["name"], r["revenue"]) for r in by_sp] == [
        (dara, "Dara", 10000), (sokha, "Sokha", 3000), (None, None, 1000)]
    assert by_sp[0]["previous_revenue"] == 4000 and by_sp[0]["growth"] == pytest.approx(1.5)
    assert by_sp[1]["previous_revenue"] == 0 and by_sp[1]["growth"] is None
    assert sum(r["revenue"] for r in by_sp) == sales_summary(store, "2026-10", NOV_26).revenue
    by_cat = breakdown(store, "2026-10", "category", NOV_26)
    assert [(r["name"], r["revenue"]) for r in by_cat] == [("Phones", 10000), (None, 4000)]
    by_ch = breakdown(store, "2026-10", "channel", NOV_26)
    assert [(r["name"], r["revenue"]) for r in by_ch] == [("Shop", 10000), (None, 4000)]
    # A salesperson who sold only last month still shows, at −100 %.
    nov = breakdown(store, "2026-11", "salesperson", date(2026, 12, 2))
    assert {r["id"]: r["growth"] for r in nov} == {dara: -1.0, sokha: -1.0, None: -1.0}
    with pytest.raises(ValueError):
        breakdown(store, "2026-10", "weather", NOV_26)


def test_revenue_and_growth_series(store):
    sale(store, "2026-08-31", 1000)
    sale(store, "2026-09-01", 2000)
    sale(store, "2026-09-30", 1000)
    sale(store, "2026-11-26", 500)
    assert revenue_series(store, "2026-11", 4) == [
        ("2026-08", 1000), ("2026-09", 3000), ("2026-10", 0), ("2026-11", 500)]
    assert growth_series(store, "2026-11", 3) == [
        ("2026-09", pytest.approx(2.0)), ("2026-10", -1.0), ("2026-11", None)]
    # In progress on 26 Nov: compared with 1..26 Oct (nothing) → still None; on 5 Sep,
    # September's days 1..5 (2000) against August's 1..5 (nothing) → None, not 2.0.
    assert growth_series(store, "2026-09", 1, today=date(2026, 9, 5)) == [("2026-09", None)]
    assert growth_series(store, "2026-09", 1, today=NOV_26) == [("2026-09", pytest.approx(2.0))]
    dara = reference.add_named(store, "salespeople", "Dara")
    sale(store, "2026-09-02", 700, sp=dara)
    assert revenue_series(store, "2026-09", 1, salesperson_id=dara) == [("2026-09", 700)]
    store.set_setting("reporting_currency", "KHR")
    assert revenue_series(store, "2026-08", 1) == [("2026-08", 40000)]


# -- properties -------------------------------------------------------------------------
ORDER = st.tuples(
    st.dates(date(2026, 9, 1), date(2026, 11, 30)).map(date.isoformat),
    st.lists(st.tuples(st.integers(-20000, 200000), st.sampled_from(["USD", "KHR"]),
                       st.integers(3900, 4200)), min_size=1, max_size=3),
    st.sampled_from([0, 1, 2, 3]),  # salesperson index, 0 = none
)


def _fill(path, orders):
    s = Store(path)
    sps = [None] + [reference.add_named(s, "salespeople", n) for n in ("A", "B", "C")]
    for day, lines, sp in orders:
        add_order(s, OrderInput(date=day, salesperson_id=sps[sp], lines=[
            LineInput(amount=a, currency=c, rate=r) for a, c, r in lines]))
    return s


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(ORDER, min_size=1, max_size=25), st.randoms(use_true_random=False))
def test_properties_salespeople_add_up_and_order_does_not_matter(tmp_path_factory, orders, rnd):
    folder = tmp_path_factory.mktemp("prop")
    shuffled = list(orders)
    rnd.shuffle(shuffled)
    a = _fill(folder / "a.db", orders)
    b = _fill(folder / "b.db", shuffled)
    try:
        for month in ("2026-09", "2026-10", "2026-11"):
            for today in (date(2026, 11, 15), date(2026, 12, 31)):
                sa, sb = sales_summary(a, month, today), sales_summary(b, month, today)
                assert sa == sb
                rows = breakdown(a, month, "salesperson", today)
                assert sum(r["revenue"] for r in rows) == sa.revenue
                assert sorted(rows, key=repr) == sorted(
                    breakdown(b, month, "salesperson", today), key=repr)
            assert revenue_by_currency(a, month) == revenue_by_currency(b, month)
        # And the revenue is the sum over lines converted one by one.
        from kpidesk.store.money import convert

        expected = sum(convert(amount, cur, rate)[0] for day, lines, _ in orders
                       if day.startswith("2026-10") for amount, cur, rate in lines)
        assert sales_summary(a, "2026-10", date(2027, 1, 1)).revenue == expected
    finally:
        a.close()
        b.close()

