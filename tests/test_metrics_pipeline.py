"""Pipeline KPIs (KPI.md §3) on hand-computed fixtures, reopened opportunities included."""

from __future__ import annotations

from datetime import date

import pytest

from kpidesk.metrics import pipeline as pm
from kpidesk.store.db import Store
from kpidesk.store.opportunities import (
    OpportunityInput,
    add_opportunity,
    mark_lost,
    mark_won,
    reopen,
)
from kpidesk.store.reference import add_named
from kpidesk.store.sales import LineInput, OrderInput, add_order
from kpidesk.store.targets import set_target

TODAY = date(2026, 11, 26)


def stage_ids(store: Store) -> dict[str, int]:
    return {name: sid for sid, name in store.conn.execute("SELECT id, name FROM stages")}


def opp(store: Store, value: int, stage: str, created: str, expected: str | None,
        probability: int | None = None, currency: str = "USD", rate: int = 4000) -> int:
    return add_opportunity(store, OpportunityInput(
        title=f"deal {value}", value=value, created=created, stage_id=stage_ids(store)[stage],
        probability=probability, expected_close=expected, currency=currency, rate=rate))


@pytest.fixture
def pipe(store: Store) -> Store:
    ids = {}
    ids["O1"] = opp(store, 10000, "New", "2026-10-01", "2026-11-10")  # overdue, 10 %
    ids["O2"] = opp(store, 20000, "Proposal", "2026-11-05", "2026-11-30")  # 60 %
    ids["O3"] = opp(store, 5000, "Negotiation", "2026-11-20", "2026-12-15", probability=50)
    ids["O4"] = opp(store, 30000, "Proposal", "2026-10-01", "2026-10-25")
    mark_won(store, ids["O4"], "2026-11-11")  # 41 days
    ids["O5"] = opp(store, 7000, "New", "2026-11-01", "2026-11-15")
    mark_lost(store, ids["O5"], "2026-11-21", "No budget")
    ids["O6"] = opp(store, 10000, "Qualified", "2026-11-02", "2026-11-20")
    mark_won(store, ids["O6"], "2026-11-12")  # 10 days
    ids["O7"] = opp(store, 99900, "New", "2026-09-20", "2026-10-01")
    mark_won(store, ids["O7"], "2026-10-15")  # closed in October
    ids["O8"] = opp(store, 10000, "Qualified", "2026-09-01", "2026-12-05")
    mark_won(store, ids["O8"], "2026-10-10")
    # open again, 30 %, from Nov 20 (its history says so: the pipeline of a date before
    # that has it won)
    reopen(store, ids["O8"], stage_ids(store)["Qualified"], on="2026-11-20")
    ids["O9"] = opp(store, 8000, "New", "2026-11-03", None)  # no expected close date
    add_order(store, OrderInput(date="2026-11-05", lines=[LineInput(amount=100000)]))
    add_order(store, OrderInput(date="2026-10-05", lines=[LineInput(amount=50000)]))
    store.ids = ids
    return store


def test_november_hand_computed(pipe: Store):
    set_target(pipe, "2026-11", "revenue", 200000)
    k = pm.pipeline_kpis(pipe, "2026-11", TODAY)
    # open on Nov 26: O1, O2, O3, O8 (reopened), O9
    assert k["open_pipeline_count"] == 5
    assert k["open_pipeline"] == 10000 + 20000 + 5000 + 10000 + 8000
    assert k["weighted_pipeline"] == 1000 + 12000 + 2500 + 3000 + 800
    assert (k["overdue_count"], k["overdue_value"]) == (1, 10000)  # O1
    assert k["win_rate"] == pytest.approx(2 / 3)  # O4, O6 won; O5 lost
    assert k["average_deal_size"] == 20000
    assert k["sales_cycle_days"] == pytest.approx(25.5)
    # revenue 100000 + expected in November: O1 (overdue, counts now) 1000 + O2 12000
    assert k["pipeline_forecast"] == 113000
    assert k["pipeline_coverage"] == pytest.approx(13000 / 100000)


def test_future_and_past_periods(pipe: Store):
    k = pm.pipeline_kpis(pipe, "2026-12", TODAY)
    assert k["pipeline_forecast"] == 2500 + 3000  # O3, O8; nothing sold yet
    assert k["win_rate"] is None and k["average_deal_size"] is None
    assert k["sales_cycle_days"] is None
    assert k["pipeline_coverage"] is None  # no target
    sp1 = add_named(pipe, "salespeople", "Dara")
    sp2 = add_named(pipe, "salespeople", "Vuthy")
    set_target(pipe, "2026-12", "revenue", 4000, sp1)
    set_target(pipe, "2026-12", "revenue", 7000, sp2)  # no shop target: their sum
    assert pm.pipeline_kpis(pipe, "2026-12", TODAY)["pipeline_coverage"] == pytest.approx(0.5)

    k = pm.pipeline_kpis(pipe, "2026-10", TODAY)
    # on Oct 31 as it stood then: O1 open, O4 open (won later, on Nov 11: at its 60 % of
    # then, not 100 %); O8 was won (Oct 10) and reopened only on Nov 20
    assert k["open_pipeline_count"] == 2
    assert k["open_pipeline"] == 10000 + 30000
    assert k["weighted_pipeline"] == 1000 + 18000
    assert (k["overdue_count"], k["overdue_value"]) == (1, 30000)  # O4 expected Oct 25
    assert k["win_rate"] == 1.0  # O7 (O8's win was undone by reopening it)
    assert k["average_deal_size"] == 99900
    assert k["sales_cycle_days"] == pytest.approx(25)
    assert k["pipeline_forecast"] == 50000  # past: overdue deals count in November
    set_target(pipe, "2026-10", "revenue", 40000)
    assert pm.pipeline_kpis(pipe, "2026-10", TODAY)["pipeline_coverage"] is None  # gap ≤ 0


def test_quarter_takes_every_month(pipe: Store):
    k = pm.pipeline_kpis(pipe, "2026-Q4", TODAY)
    assert k["win_rate"] == pytest.approx(3 / 4)  # O4, O6, O7 won; O5 lost
    assert k["pipeline_forecast"] == 150000 + 1000 + 12000 + 2500 + 3000
    assert k["open_pipeline_count"] == 5  # on today


def test_reopened_opportunity_is_open(pipe: Store):
    o8 = pipe.ids["O8"]
    status, closed = pipe.conn.execute("SELECT status, closed FROM opportunities WHERE id = ?",
                                       (o8,)).fetchone()
    assert (status, closed) == ("open", None)
    rows = {r["name"]: r for r in pm.pipeline_by_stage(pipe, TODAY)}
    assert rows["Qualified"]["count"] == 1 and rows["Qualified"]["weighted"] == 3000


def test_pipeline_by_stage(pipe: Store):
    rows = pm.pipeline_by_stage(pipe, TODAY)
    assert [r["name"] for r in rows] == ["New", "Qualified", "Proposal", "Negotiation"]
    assert [(r["count"], r["value"], r["weighted"]) for r in rows] == [
        (2, 18000, 1800), (1, 10000, 3000), (1, 20000, 12000), (1, 5000, 2500)]
    # a stage of another kind shows when it holds an open opportunity (old data: no
    # recorded history, the row as it is)
    won = stage_ids(pipe)["Won"]
    with pipe.transaction():
        pipe.conn.execute("UPDATE opportunities SET stage_id = ? WHERE id = ?",
                          (won, pipe.ids["O8"]))
        pipe.conn.execute("DELETE FROM opportunity_history WHERE opportunity_id = ?",
                          (pipe.ids["O8"],))
    names = [r["name"] for r in pm.pipeline_by_stage(pipe, TODAY)]
    assert names == ["New", "Qualified", "Proposal", "Negotiation", "Won"]


def test_empty_store(store: Store):
    k = pm.pipeline_kpis(store, "2026-11", TODAY)
    assert k == {"open_pipeline_count": 0, "open_pipeline": 0, "weighted_pipeline": 0,
                 "overdue_count": 0, "overdue_value": 0, "win_rate": None,
                 "average_deal_size": None, "sales_cycle_days": None, "pipeline_forecast": 0,
                 "pipeline_coverage": None}
    assert [r["count"] for r in pm.pipeline_by_stage(store, TODAY)] == [0, 0, 0, 0]


def test_weighted_rounds_half_even_once(store: Store):
    opp(store, 5, "New", "2026-11-01", "2026-11-30")  # 0.5 cent
    opp(store, 15, "New", "2026-11-01", "2026-11-30")  # 1.5 cents
    k = pm.pipeline_kpis(store, "2026-11", TODAY)
    assert k["weighted_pipeline"] == 2  # (50 + 150) / 100, not round(0.5) + round(1.5)
    opp(store, 25, "New", "2026-11-01", "2026-11-30")
    assert pm.pipeline_kpis(store, "2026-11", TODAY)["weighted_pipeline"] == 4  # 4.5 → 4


def test_riel_reporting_uses_riel_values(store: Store):
    opp(store, 10000, "Proposal", "2026-11-01", "2026-11-30", rate=4000)  # $100
    opp(store, 200000, "Proposal", "2026-11-01", "2026-11-30", currency="KHR", rate=4000)
    store.set_setting("reporting_currency", "KHR")
    k = pm.pipeline_kpis(store, "2026-11", TODAY)
    assert k["open_pipeline"] == 400000 + 200000
    assert k["weighted_pipeline"] == 360000
    store.set_setting("reporting_currency", "USD")
    assert pm.pipeline_kpis(store, "2026-11", TODAY)["open_pipeline"] == 10000 + 5000


def test_demo_store(demo_store: Store):
    k = pm.pipeline_kpis(demo_store, "2026-11", TODAY)
    assert k["open_pipeline_count"] > 0 and k["weighted_pipeline"] <= k["open_pipeline"]
    assert k["win_rate"] is None or 0 <= k["win_rate"] <= 1
    rows = pm.pipeline_by_stage(demo_store, TODAY)
    assert sum(r["count"] for r in rows) == k["open_pipeline_count"]
    assert sum(r["value"] for r in rows) == k["open_pipeline"]


def test_overdue_from_earlier_months_counts_in_the_current_period(store: Store):
    opp(store, 10000, "New", "2026-09-01", "2026-10-20")  # overdue since October
    done = opp(store, 20000, "Proposal", "2026-10-01", "2026-10-30")
    mark_won(store, done, "2026-10-31")  # closed on the day: no longer open that day
    assert pm.pipeline_kpis(store, "2026-11", TODAY)["pipeline_forecast"] == 1000
    october = pm.pipeline_kpis(store, "2026-10", TODAY)
    assert october["pipeline_forecast"] == 0  # its overdue deal counts in November
    assert october["open_pipeline_count"] == 1 and october["overdue_count"] == 1
    assert pm.open_pipeline(store, "2026-10-30")["count"] == 2
    assert pm.expected_weighted(store, "2026-Q4", TODAY) == 1000
    assert pm.expected_weighted(store, "2026-Q3", TODAY) == 0


def test_coverage_needs_a_positive_gap(store: Store):
    add_order(store, OrderInput(date="2026-11-05", lines=[LineInput(amount=30000)]))
    opp(store, 10000, "Proposal", "2026-11-01", "2026-11-30")
    set_target(store, "2026-11", "revenue", 30000)  # reached exactly: gap 0
    assert pm.pipeline_kpis(store, "2026-11", TODAY)["pipeline_coverage"] is None
    set_target(store, "2026-11", "revenue", 36000)
    assert pm.pipeline_kpis(store, "2026-11", TODAY)["pipeline_coverage"] == pytest.approx(1.0)
