"""The data-health check (KPI.md §6): each kind of finding with the rows behind it, no
finding on clean data, findings marked as right stay away, and `check` on the command
line (exit 0 with findings: it is advice)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest

from kpidesk.cli import main
from kpidesk.metrics import health
from kpidesk.metrics.kpis import all_kpis
from kpidesk.store.contacts import ContactInput, add_contact
from kpidesk.store.db import Store
from kpidesk.store.reference import add_named
from kpidesk.store.sales import LineInput, OrderInput, add_order

TODAY = date(2026, 11, 25)
MISSING = "2026-11-18"  # a Wednesday; the shop traded on every Wednesday before


def _sale(store: Store, day: str, amount: int = 500, *, currency: str = "USD",
          rate: int = 4100, contact: int | None = None, number: str = "") -> int:
    return add_order(store, OrderInput(date=day, contact_id=contact, number=number, lines=[
        LineInput(amount=amount, currency=currency, rate=rate, product_id=store.product)]))


@pytest.fixture
def clean(store: Store) -> Store:
    """A shop that sells one $5 item every day from August to yesterday but MISSING."""
    store.product = add_named(store, "products", "Phone case")
    day = date(2026, 8, 1)
    while day < TODAY:
        if day.isoformat() != MISSING:
            _sale(store, day.isoformat())
        day += timedelta(days=1)
    return store


def test_clean_data_has_no_finding(store: Store):
    store.product = add_named(store, "products", "Phone case")
    day = date(2026, 8, 1)
    while day < TODAY:
        _sale(store, day.isoformat())
        day += timedelta(days=1)
    result = health.check(store, "2026-11", TODAY)
    assert result.findings == []
    assert all_kpis(store, "2026-11", TODAY)["data_health_findings"] == 0


def test_each_kind_of_finding(clean: Store):
    store = clean
    x = add_contact(store, ContactInput(name="X", created="2026-01-01"))
    late = add_contact(store, ContactInput(name="Late", created="2026-11-10"))
    _sale(store, "2026-11-03", 2000, rate=41000, number="R-RATE")  # a rate typed ×10
    _sale(store, "2026-11-04", 600_000, number="R-RIEL")  # ៛6,000 typed as dollars
    _sale(store, "2026-11-05", 8000, number="R-BIG")  # 16 × the usual $5 line
    _sale(store, "2026-11-06", 50, currency="KHR", number="R-KHR")  # $0.50 typed as riel
    _sale(store, "2026-11-07", 500, contact=x, number="R-D1")  # the same sale twice
    _sale(store, "2026-11-07", 500, contact=x, number="R-D2")
    _sale(store, "2026-11-08", 500, contact=late, number="R-EARLY")  # before its customer
    _sale(store, "2026-11-28", 500, number="R-FUTURE")  # after today

    result = health.check(store, "2026-11", TODAY)
    kinds = {f.kind: f for f in result.findings}
    numbers = {k: sorted(r.number for r in f.rows) for k, f in kinds.items()}
    assert result.by_kind() == {"missing_days": 1, "above_usual": 2, "rate_unusual": 1,
                                "usd_looks_like_riel": 1, "khr_looks_like_usd": 1,
                                "duplicate": 1, "future_sale": 1, "before_created": 1}
    assert numbers["rate_unusual"] == ["R-RATE"]
    assert numbers["usd_looks_like_riel"] == ["R-RIEL"]
    assert sorted(r.number for f in result.findings if f.kind == "above_usual"
                  for r in f.rows) == ["R-BIG", "R-RIEL"]
    assert numbers["khr_looks_like_usd"] == ["R-KHR"]
    assert numbers["duplicate"] == ["R-D1", "R-D2"]
    assert numbers["before_created"] == ["R-EARLY"]
    assert numbers["future_sale"] == ["R-FUTURE"]
    assert kinds["missing_days"].dates == [MISSING]
    assert kinds["before_created"].params["created"] == "2026-11-10"
    assert [f.date for f in result.findings] == sorted(f.date for f in result.findings)
    # the badge's count, in kpi --json
    assert all_kpis(store, "2026-11", TODAY)["data_health_findings"] == result.count == 9
    # another month has none of them
    assert health.check(store, "2026-10", TODAY).count == 0


def test_a_finding_marked_as_right_does_not_return(clean: Store):
    store = clean
    _sale(store, "2026-11-03", 2000, rate=41000, number="R-RATE")
    first = health.check(store, "2026-11", TODAY)
    assert first.count == 2  # the rate and the missing Wednesday
    for finding in first.findings:
        health.mark_right(store, finding)
    again = health.check(store, "2026-11", TODAY)
    assert again.count == 0 and again.marked_right == 2
    _sale(store, "2026-11-04", 2000, rate=41000, number="R-RATE2")  # a new one does
    assert [r.number for f in health.check(store, "2026-11", TODAY).findings
            for r in f.rows] == ["R-RATE2"]


def test_check_command(clean: Store, capsys):
    _sale(clean, "2026-11-03", 2000, rate=41000, number="R-RATE")
    path = clean.location
    clean.close()
    code = main(["check", "--db", str(path), "--period", "2026-11", "--today", "2026-11-25",
                 "--json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["count"] == 2 and data["by_kind"] == {"missing_days": 1, "rate_unusual": 1}
    rate = next(f for f in data["findings"] if f["kind"] == "rate_unusual")
    assert rate["rows"][0]["number"] == "R-RATE" and rate["rows"][0]["date"] == "2026-11-03"
    assert main(["check", "--db", str(path), "--today", "2026-11-25"]) == 0
    out = capsys.readouterr().out
    assert "R-RATE" in out and MISSING in out and "2 finding(s)" in out
    assert main(["check", "--db", str(path), "--period", "11-2026"]) == 2
    assert "--period" in capsys.readouterr().err


def test_demo_shop_has_no_false_alarm(demo_store: Store):
    from tests.conftest import DEMO_TODAY

    # the small demo (6,000 lines, ~8 a day) has a few days without any sale, which a
    # person would ask about too; nothing else
    found = health.check(demo_store, None, DEMO_TODAY).findings
    assert {f.kind for f in found} <= {"missing_days"} and len(found) <= 6


@pytest.mark.parametrize("amount, rate", [
    (600_000, 4100),  # ៛6,000 typed as dollars
    (2_000, 41_000),  # a rate typed ×10
    (8_000, 4100),  # 16 × the usual price
    (700, 4100),  # an ordinary sale
])
def test_the_sales_form_asks_about_what_check_finds(clean: Store, amount, rate):
    """One set of rules: the Sales form's doubts before saving (`line_doubts` with the
    product's usual price) are the kinds `check` lists once it is saved."""
    from kpidesk.metrics.sanity import line_doubts
    from kpidesk.store.sales import usual_unit_price

    form = [d.code for d in line_doubts(amount, "USD", rate, 1.0,
                                        usual_unit_price(clean, clean.product))]
    _sale(clean, "2026-11-10", amount, rate=rate, number="R-NEW")
    found = [f.kind for f in health.check(clean, "2026-11", TODAY).findings
             if any(r.number == "R-NEW" for r in f.rows)]
    assert sorted(found) == sorted(form)
    assert bool(form) == ((amount, rate) != (700, 4100))


def test_the_report_checks_only_its_own_month(clean: Store, monkeypatch):
    """The report shows the month's findings, never those of the months it compares
    with: one check, not three (10M lines: each is a pass over a month's lines)."""
    from kpidesk.reports.data import collect

    store = clean
    _sale(store, "2026-10-03", 2000, rate=41000, number="R-OCT")  # the month before
    _sale(store, "2026-11-03", 2000, rate=41000, number="R-NOV")
    checked: set[str | None] = set()  # the periods the check or its count ran for

    def spy(real):
        def run(store, period, today):
            checked.add(period)
            return real(store, period, today)
        return run

    monkeypatch.setattr(health, "check", spy(health.check))
    monkeypatch.setattr(health, "count", spy(health.count))
    data = collect(store, "2026-11", TODAY)
    assert [r.number for f in data.health_findings for r in f.rows] == ["R-NOV"]
    assert data.kpis["data_health_findings"] == len(data.health_findings) == 2
    assert "data_health_findings" not in data.previous
    assert "data_health_findings" not in data.year_before
    assert checked == {"2026-11"}
