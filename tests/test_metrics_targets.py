"""Targets and attainment (KPI.md §2) on hand-computed shops."""

from __future__ import annotations

from datetime import date

import pytest

from kpidesk.metrics.targets import (
    actual_for,
    attainment_summary,
    salesperson_attainment,
    target_for,
    target_series,
)
from kpidesk.store import reference
from kpidesk.store.contacts import ContactInput, add_contact
from kpidesk.store.opportunities import OpportunityInput, add_opportunity, stage_of_kind
from kpidesk.store.sales import LineInput, OrderInput, add_order
from kpidesk.store.targets import set_target


def sale(store, day, amount, *, currency="USD", rate=4000, sp=None, contact=None):
    return add_order(store, OrderInput(date=day, salesperson_id=sp, contact_id=contact,
                                       lines=[LineInput(amount=amount, currency=currency,
                                                        rate=rate)]))


@pytest.fixture
def team(store):
    """Two salespeople; November 2026 sales of 80,000 cents by the 10th."""
    dara = reference.add_named(store, "salespeople", "Dara")
    sokha = reference.add_named(store, "salespeople", "Sokha")
    sale(store, "2026-11-02", 50000, sp=dara)
    sale(store, "2026-11-09", 20000, sp=sokha)
    sale(store, "2026-11-10", 10000)  # nobody's
    return store, dara, sokha


def test_month_in_progress(team):
    store, _, _ = team
    set_target(store, "2026-11", "revenue", 300000)
    a = attainment_summary(store, "2026-11", date(2026, 11, 10))
    assert a.in_progress is True and (a.day, a.days) == (10, 30)
    assert a.target == 300000 and a.actual == 80000
    assert a.attainment == pytest.approx(80000 / 300000)
    assert a.expected_to_date == 100000  # 300000 × 10 / 30
    assert a.pace == pytest.approx(0.8)  # 80000 / 100000
    assert a.run_rate_projection == 240000  # 80000 / 10 × 30
    assert a.gap == 220000
    assert a.needed_per_day == 11000  # 220000 / (30 − 10)


def test_rounding_half_even_in_money_figures(team):
    store, _, _ = team
    set_target(store, "2026-11", "revenue", 100001)
    a = attainment_summary(store, "2026-11", date(2026, 11, 10))
    assert a.expected_to_date == 33334  # 33333.67
    assert a.pace == pytest.approx(80000 * 30 / (100001 * 10))  # not from the rounded figure
    # on Nov 7 only the 50,000 of Nov 2 has happened (sales dated after today count nowhere)
    a = attainment_summary(store, "2026-11", date(2026, 11, 7))  # 50000 × 30 / 7 = 214285.71
    assert a.actual == 50000
    assert a.run_rate_projection == 214286
    assert a.needed_per_day == 2174  # (100001 − 50000) / 23 = 2173.96


def test_last_day_has_no_needed_per_day(team):
    store, _, _ = team
    set_target(store, "2026-11", "revenue", 300000)
    a = attainment_summary(store, "2026-11", date(2026, 11, 30))
    assert a.in_progress is True and a.day == 30
    assert a.needed_per_day is None
    assert a.expected_to_date == 300000 and a.run_rate_projection == 80000
    assert a.pace == pytest.approx(a.attainment)


def test_complete_past_period(team):
    store, _, _ = team
    set_target(store, "2026-11", "revenue", 64000)
    a = attainment_summary(store, "2026-11", date(2026, 12, 5))
    assert a.in_progress is False and a.day == 30
    assert a.attainment == pytest.approx(1.25)
    assert a.expected_to_date == 64000 and a.pace == pytest.approx(1.25)
    assert a.run_rate_projection == 80000
    assert a.gap == -16000 and a.needed_per_day is None


def test_future_period(team):
    store, _, _ = team
    set_target(store, "2026-12", "revenue", 310000)
    sale(store, "2026-12-03", 9000)  # dated after today: counts nowhere yet
    a = attainment_summary(store, "2026-12", date(2026, 11, 26))
    # a month not started has its target and no figures ("not available", never 0 %)
    assert a.day == 0 and a.target == 310000
    for key in ("actual", "attainment", "gap", "expected_to_date", "pace",
                "run_rate_projection", "needed_per_day"):
        assert getattr(a, key) is None, key
    assert [r.actual for r in salesperson_attainment(store, "2026-12",
                                                        date(2026, 11, 26))] == [None, None]
    assert attainment_summary(store, "2026-12", date(2026, 12, 3)).actual == 9000


def test_no_target_and_zero_target(team):
    store, _, _ = team
    a = attainment_summary(store, "2026-11", date(2026, 11, 10))
    assert a.target is None
    for key in ("attainment", "expected_to_date", "pace", "gap", "needed_per_day"):
        assert getattr(a, key) is None, key
    assert a.run_rate_projection == 240000  # needs no target
    set_target(store, "2026-11", "revenue", 0)
    z = attainment_summary(store, "2026-11", date(2026, 11, 10))
    assert z.target == 0 and z.attainment is None and z.pace is None
    assert z.gap == -80000 and z.expected_to_date == 0


def test_shop_target_falls_back_to_sum_of_salespeople(team):
    store, dara, sokha = team
    set_target(store, "2026-11", "revenue", 100000, salesperson_id=dara)
    set_target(store, "2026-11", "revenue", 50000, salesperson_id=sokha)
    assert target_for(store, "2026-11") == 150000
    a = attainment_summary(store, "2026-11", date(2026, 12, 1))
    assert a.target == 150000 and a.attainment == pytest.approx(80000 / 150000)
    set_target(store, "2026-11", "revenue", 200000)  # a shop-level target wins
    assert target_for(store, "2026-11") == 200000
    assert target_for(store, "2026-11", salesperson_id=dara) == 100000
    d = attainment_summary(store, "2026-11", date(2026, 11, 10), salesperson_id=dara)
    assert (d.target, d.actual) == (100000, 50000)
    assert d.pace == pytest.approx(50000 / (100000 * 10 / 30))
    assert target_for(store, "2026-10") is None


def test_target_in_other_currency_converts_at_default_rate(team):
    store, dara, _ = team
    store.set_setting("default_rate", "4000")
    # 4,000,100 riel at 4000 riel/$ = 100002.5 cents → 100002 (half to even)
    set_target(store, "2026-11", "revenue", 4000100, currency="KHR")
    assert target_for(store, "2026-11") == 100002
    set_target(store, "2026-11", "revenue", 1000, salesperson_id=dara, currency="USD")
    store.set_setting("reporting_currency", "KHR")
    assert target_for(store, "2026-11") == 4000100  # already in riel
    assert target_for(store, "2026-11", salesperson_id=dara) == 40000  # $10 → riel
    assert target_for(store, "2026-11", currency="USD") == 100002
    a = attainment_summary(store, "2026-11", date(2026, 12, 1))
    assert a.currency == "KHR" and a.actual == 80000 * 40  # sales at 4000 riel/$


def test_quarter_and_year_targets_sum_months(team):
    store, dara, sokha = team
    set_target(store, "2026-10", "revenue", 100000)
    set_target(store, "2026-11", "revenue", 40000, salesperson_id=dara)  # fallback month
    set_target(store, "2026-11", "revenue", 60000, salesperson_id=sokha)
    set_target(store, "2026-12", "revenue", 200000)
    set_target(store, "2026-03", "revenue", 7000)
    assert target_for(store, "2026-Q4") == 400000
    assert target_for(store, "2026-Q1") == 7000
    assert target_for(store, "2026-Q2") is None
    assert target_for(store, "2026") == 407000
    assert target_for(store, "2026-Q4", salesperson_id=dara) == 40000
    sale(store, "2026-10-20", 20000)
    q = attainment_summary(store, "2026-Q4", date(2026, 11, 26))  # day 57 of 92
    assert (q.day, q.days, q.actual) == (57, 92, 100000)
    assert q.expected_to_date == round(400000 * 57 / 92)  # 247826.09
    assert q.pace == pytest.approx(100000 * 92 / (400000 * 57))
    assert q.needed_per_day == 300000 // 35  # 8571.43 → 8571
    y = attainment_summary(store, "2026", date(2027, 2, 1))
    assert y.attainment == pytest.approx(100000 / 407000) and y.pace == y.attainment


def test_target_series(team):
    store, dara, _ = team
    set_target(store, "2026-09", "revenue", 5000)
    set_target(store, "2026-11", "revenue", 3000, salesperson_id=dara)
    assert target_series(store, "2026-11", 4) == [
        ("2026-08", None), ("2026-09", 5000), ("2026-10", None), ("2026-11", 3000)]
    assert target_series(store, "2026-11", 2, salesperson_id=dara) == [
        ("2026-10", None), ("2026-11", 3000)]


def test_salesperson_attainment(team):
    store, dara, sokha = team
    gone = reference.add_named(store, "salespeople", "Gone")
    with store.transaction():
        store.conn.execute("UPDATE salespeople SET active = 0 WHERE id = ?", (gone,))
    set_target(store, "2026-11", "revenue", 100000, salesperson_id=dara)
    rows = salesperson_attainment(store, "2026-11", date(2026, 11, 10))
    assert [r.name for r in rows] == ["Dara", "Sokha"]  # inactive and idle: left out
    d, s = rows
    assert (d.target, d.actual) == (100000, 50000)
    assert d.attainment == pytest.approx(0.5) and d.pace == pytest.approx(1.5)
    assert (s.target, s.actual, s.attainment, s.pace) == (None, 20000, None, None)
    # Shop revenue = the salespeople's + nobody's sales.
    assert sum(r.actual for r in rows) + 10000 == actual_for(store, "2026-11")
    set_target(store, "2026-11", "revenue", 1, salesperson_id=gone)
    assert "Gone" in [r.name for r in salesperson_attainment(store, "2026-11", date(2026, 12, 1))]


def test_new_customers_measure(store):
    sp = reference.add_named(store, "salespeople", "Dara")
    old = add_contact(store, ContactInput(name="Old", created="2026-09-01"))
    new1 = add_contact(store, ContactInput(name="New 1", created="2026-10-20", salesperson_id=sp))
    new2 = add_contact(store, ContactInput(name="New 2", created="2026-11-01"))
    refund_only = add_contact(store, ContactInput(name="Refund", created="2026-11-01"))
    add_contact(store, ContactInput(name="Lead", created="2026-11-02", kind="lead"))
    sale(store, "2026-10-05", 1000, contact=old)
    sale(store, "2026-11-05", 1000, contact=old)  # bought before: not new
    sale(store, "2026-11-06", 1000, contact=new1)
    sale(store, "2026-11-07", 1000, contact=new2)
    sale(store, "2026-11-07", -500, contact=refund_only)  # a refund is not a purchase
    set_target(store, "2026-11", "new_customers", 4)
    a = attainment_summary(store, "2026-11", date(2026, 11, 10), measure="new_customers")
    assert (a.actual, a.target, a.currency) == (2, 4, None)
    assert a.attainment == pytest.approx(0.5)
    assert a.expected_to_date == pytest.approx(4 * 10 / 30)  # counts stay fractional
    assert a.needed_per_day == pytest.approx(2 / 20)
    assert actual_for(store, "2026-11", "new_customers", salesperson_id=sp) == 1
    assert actual_for(store, "2026-10", "new_customers") == 1


def test_won_opportunities_measure(store):
    sp = reference.add_named(store, "salespeople", "Dara")
    won, lost, new = (stage_of_kind(store, k) for k in ("won", "lost", "open"))

    def opp(stage, status, closed, owner=None):
        add_opportunity(store, OpportunityInput(
            title="Deal", value=10000, created="2026-09-01", stage_id=stage, status=status,
            closed=closed, owner_id=owner, lost_reason="No budget" if status == "lost" else ""))

    opp(won, "won", "2026-11-03", sp)
    opp(won, "won", "2026-11-30")
    opp(won, "won", "2026-10-31")
    opp(lost, "lost", "2026-11-04")
    opp(new, "open", None)
    set_target(store, "2026-11", "won_opportunities", 5)
    a = attainment_summary(store, "2026-11", date(2026, 12, 1), measure="won_opportunities")
    assert (a.actual, a.target) == (2, 5) and a.attainment == pytest.approx(0.4)
    assert actual_for(store, "2026-11", "won_opportunities", salesperson_id=sp) == 1
    rows = salesperson_attainment(store, "2026-11", date(2026, 12, 1), measure="won_opportunities")
    assert [(r.name, r.actual) for r in rows] == [("Dara", 1)]
    with pytest.raises(ValueError):
        attainment_summary(store, "2026-11", date(2026, 12, 1), measure="smiles")
