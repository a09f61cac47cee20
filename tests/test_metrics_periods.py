"""Periods: parsing, bounds, neighbours, month arithmetic."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kpidesk.metrics.periods import add_months, month_key, month_range, parse_period


def test_month_bounds_and_days():
    p = parse_period("2026-02")
    assert (p.kind, p.key, p.start, p.end, p.days) == (
        "month", "2026-02", date(2026, 2, 1), date(2026, 2, 28), 28)
    assert parse_period("2024-02").days == 29
    assert parse_period("2026-11").end == date(2026, 11, 30)


def test_quarter_and_year():
    q = parse_period("2026-Q4")
    assert (q.kind, q.start, q.end, q.days) == ("quarter", date(2026, 10, 1), date(2026, 12, 31), 92)
    assert q.months() == ["2026-10", "2026-11", "2026-12"]
    assert parse_period("2026-q1").key == "2026-Q1"
    y = parse_period("2026")
    assert (y.kind, y.start, y.end, y.days) == ("year", date(2026, 1, 1), date(2026, 12, 31), 365)
    assert len(y.months()) == 12 and y.months()[0] == "2026-01" and y.months()[-1] == "2026-12"


def test_previous_and_year_before():
    assert parse_period("2026-01").previous().key == "2025-12"
    assert parse_period("2026-03").previous(3).key == "2025-12"
    assert parse_period("2026-Q1").previous().key == "2025-Q4"
    assert parse_period("2026-Q4").previous(2).key == "2026-Q2"
    assert parse_period("2026").previous().key == "2025"
    assert parse_period("2026-11").year_before().key == "2025-11"
    assert parse_period("2026-Q2").year_before().key == "2025-Q2"
    assert parse_period("2026").year_before().key == "2025"
    assert parse_period("2026-12").next().key == "2027-01"


def test_contains_and_day_of():
    p = parse_period("2026-11")
    assert p.contains(date(2026, 11, 1)) and p.contains(date(2026, 11, 30))
    assert not p.contains(date(2026, 10, 31)) and not p.contains(date(2026, 12, 1))
    assert p.day_of(date(2026, 11, 26)) == 26
    assert p.day_of(date(2026, 10, 3)) == 0
    assert p.day_of(date(2027, 1, 3)) == 30


def test_month_key_and_add_months():
    assert month_key(date(2026, 1, 9)) == "2026-01"
    assert add_months("2026-01", -1) == "2025-12"
    assert add_months("2026-11", 14) == "2028-01"
    assert month_range("2026-02", 3) == ["2025-12", "2026-01", "2026-02"]
    assert month_range("2026-02", 0) == []


@pytest.mark.parametrize("bad", ["2026-13", "2026-00", "26-11", "2026-Q5", "2026/11", "", "x",
                                 "2026-1", "0000"])
def test_bad_keys_refused(bad):
    with pytest.raises(ValueError):
        parse_period(bad)


@given(st.integers(2000, 2100), st.integers(1, 12), st.integers(-300, 300))
def test_add_months_round_trip(year, month, n):
    key = f"{year:04d}-{month:02d}"
    assert add_months(add_months(key, n), -n) == key
    p = parse_period(add_months(key, n))
    assert p.kind == "month" and p.start.day == 1


@given(st.dates(date(2001, 1, 1), date(2099, 12, 31)))
def test_every_date_in_its_month_quarter_and_year(d):
    m = parse_period(month_key(d))
    q = parse_period(f"{d.year}-Q{(d.month - 1) // 3 + 1}")
    y = parse_period(str(d.year))
    for p in (m, q, y):
        assert p.contains(d)
        assert not p.previous().contains(d)
        assert p.previous().end.toordinal() + 1 == p.start.toordinal()
