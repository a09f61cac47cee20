"""Formatting round-trips (format → parse) in both languages, and why the Khmer
digit mapping is ours: Qt's Khmer locale writes Latin digits."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QLocale

from kpidesk.i18n import format as fmt
from kpidesk.i18n.format import (
    KHMER_DIGITS,
    MONTHS,
    Formatter,
    NumberStyle,
    parse_date,
    parse_decimal,
    parse_int,
    parse_money,
    parse_month,
    parse_percent,
)

KHMER = QLocale(QLocale.Language.Khmer, QLocale.Country.Cambodia)
FORMATTERS = [Formatter("en"), Formatter("km"), Formatter("km", khmer_digits=False),
              Formatter("km", style=NumberStyle(latin_dollars=False))]
IDS = ["en", "km", "km-latin", "km-khmer-dollars"]


# -- what Qt gets wrong, and what it gets right -------------------------------------
def test_qlocale_khmer_writes_latin_digits_so_the_mapping_is_ours():
    assert KHMER.toString(123) == "123"  # not "១២៣": Qt has no Khmer digits
    assert KHMER.toString(1234567) == "1,234,567"
    assert Formatter("km").integer(123) == "១២៣"
    assert Formatter("km").integer(1234567) == "១,២៣៤,៥៦៧"


def test_qlocale_khmer_cannot_parse_khmer_digits_but_we_can():
    _value, ok = KHMER.toInt("១២៣")
    assert not ok
    assert parse_int("១២៣") == 123
    assert parse_decimal("១,២៥០.៥០") == Decimal("1250.50")


def test_month_names_agree_with_qlocale():
    """Where Qt is right (Khmer month names, ៛) our tables match it."""
    assert MONTHS["km"] == [KHMER.monthName(m) for m in range(1, 13)]
    assert KHMER.currencySymbol() == fmt.CURRENCY_SIGN["KHR"]


def test_khmer_month_names_and_digits():
    km = Formatter("km")
    assert km.month("2026-11") == "វិច្ឆិកា ២០២៦"
    assert km.month("2026-01") == "មករា ២០២៦"
    assert km.month("2026-12") == "ធ្នូ ២០២៦"
    assert km.date(date(2026, 4, 14)) == "១៤ មេសា ២០២៦"
    assert Formatter("en").date(date(2026, 4, 14)) == "14 Apr 2026"
    assert Formatter("en").month("2026-11") == "November 2026"


def test_latin_digits_option():
    latin = Formatter("km", khmer_digits=False)
    assert latin.integer(1250) == "1,250"
    assert latin.month("2026-11") == "វិច្ឆិកា 2026"  # month names stay Khmer
    assert latin.money(500000, "KHR") == "500,000៛"
    assert not set(latin.percent(0.125)) & set(KHMER_DIGITS)


def test_money_forms():
    en, km = Formatter("en"), Formatter("km")
    assert en.money(125050, "USD") == "$1,250.50"
    assert en.money(-125050, "USD") == "-$1,250.50"
    assert en.money(5000000, "KHR") == "5,000,000៛"  # the sign follows the number
    assert en.money(-5000, "KHR") == "-5,000៛"
    assert km.money(5000000, "KHR") == "៥,០០០,០០០៛"
    assert km.money(125050, "USD") == "$1,250.50"  # dollars in Latin digits by default
    khmer_dollars = Formatter("km", style=NumberStyle(latin_dollars=False))
    assert khmer_dollars.money(125050, "USD") == "$១,២៥០.៥០"
    assert khmer_dollars.money(5000, "KHR") == "៥,០០០៛"
    assert en.money(None, "USD") == fmt.NOT_AVAILABLE
    assert "." not in km.money(123456, "KHR")  # riel: no decimals


def test_current_follows_set_current():
    try:
        fmt.set_current("km")
        assert fmt.current().integer(7) == "៧"
        fmt.set_current("km", khmer_digits=False)
        assert fmt.current().integer(7) == "7"
    finally:
        fmt.set_current("en")
    assert fmt.current().integer(7) == "7"


# -- round trips ------------------------------------------------------------------------
@pytest.mark.parametrize("f", FORMATTERS, ids=IDS)
@given(value=st.integers(min_value=-10**12, max_value=10**12))
def test_integer_round_trip(f, value):
    assert parse_int(f.integer(value)) == value


@pytest.mark.parametrize("f", FORMATTERS, ids=IDS)
@given(value=st.decimals(min_value=-10**9, max_value=10**9, places=2, allow_nan=False))
def test_decimal_round_trip(f, value):
    assert parse_decimal(f.decimal(value, places=2)) == value


@pytest.mark.parametrize("f", FORMATTERS, ids=IDS)
@pytest.mark.parametrize("currency", ["USD", "KHR"])
@given(minor=st.integers(min_value=-10**13, max_value=10**13))
def test_money_round_trip(f, currency, minor):
    shown = f.money(minor, currency)
    assert parse_money(shown, currency) == minor
    assert parse_money(f.money_plain(minor, currency), currency) == minor
    if currency == "USD":
        assert shown[-3] == "."  # always two decimals
    else:
        assert "." not in shown


@pytest.mark.parametrize("f", FORMATTERS, ids=IDS)
@given(day=st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 12, 31)))
def test_date_round_trip(f, day):
    assert parse_date(f.date(day)) == day
    assert parse_date(f.date_numeric(day)) == day
    key = f"{day.year:04d}-{day.month:02d}"
    assert parse_month(f.month(key)) == key
    assert parse_month(f.month(key, short=True)) == key


@pytest.mark.parametrize("f", FORMATTERS, ids=IDS)
@given(ratio=st.decimals(min_value=-10, max_value=10, places=3, allow_nan=False))
def test_percent_round_trip(f, ratio):
    assert parse_percent(f.percent(ratio, places=1)) == ratio


def test_inputs_accept_khmer_digits_and_grouping():
    assert parse_money("១២៥០", "USD") == 125000
    assert parse_money("1,250.50", "USD") == 125050
    assert parse_money("៛5 000", "KHR") == 5000
    assert parse_money("៥,០០០៛", "KHR") == 5000
    assert parse_date("២៦/១១/២០២៦") == date(2026, 11, 26)
    assert parse_date("26 November 2026") == date(2026, 11, 26)
    assert parse_month("វិច្ឆិកា ២០២៦") == "2026-11"


@pytest.mark.parametrize("bad", ["", "abc", "1.2.3", "១២x", "--5"])
def test_parse_refuses_non_numbers(bad):
    with pytest.raises(ValueError):
        parse_decimal(bad)


@pytest.mark.parametrize("bad", ["31/02/2026", "2026-13-01", "tomorrow", "32 Jan 2026",
                                 "26 Foo 2026"])
def test_parse_refuses_impossible_dates(bad):
    with pytest.raises(ValueError):
        parse_date(bad)


# -- the four digit settings, riel rounding, rates, phones, chart axes -----------------------
@pytest.mark.parametrize(("khmer_digits", "latin_dollars", "dollars", "riel", "count"), [
    (True, True, "$1,250.50", "៥,០០០៛", "១២"),
    (True, False, "$១,២៥០.៥០", "៥,០០០៛", "១២"),
    (False, True, "$1,250.50", "5,000៛", "12"),
    (False, False, "$1,250.50", "5,000៛", "12"),
])
def test_four_digit_settings(khmer_digits, latin_dollars, dollars, riel, count):
    f = Formatter("km", style=NumberStyle(khmer_digits, latin_dollars))
    assert (f.money(125050, "USD"), f.money(5000, "KHR"), f.integer(12)) == \
        (dollars, riel, count)
    assert Formatter("en", style=NumberStyle(khmer_digits, latin_dollars)).money(
        125050, "USD") == "$1,250.50"


def test_converted_riel_is_rounded_to_100_only_when_asked():
    f = Formatter("en")
    assert f.figure(1_234_567, "KHR") == "1,234,600៛"
    assert f.figure(1_234_550, "KHR") == "1,234,600៛"  # halves away from zero
    assert f.figure(1_234_450, "KHR") == "1,234,500៛"
    assert f.figure(-1_234_450, "KHR") == "-1,234,500៛"
    assert f.figure(1_234_449, "KHR") == "1,234,400៛"
    assert f.money(1_234_567, "KHR") == "1,234,567៛"  # an amount as entered stays exact
    assert f.figure(123_456, "USD") == "$1,234.56"
    exact = Formatter("en", style=NumberStyle(round_riel=False))
    assert exact.figure(1_234_567, "KHR") == "1,234,567៛"


def test_rate_is_grouped_everywhere():
    assert Formatter("en").rate(4100) == "4,100"
    assert Formatter("km").rate(4100) == "៤,១០០"
    assert Formatter("km").rate(4100.5) == "៤,១០០.៥"
    assert parse_int(Formatter("km").rate(4100)) == 4100


def test_phone_numbers_are_grouped_never_converted():
    km = Formatter("km")
    assert km.phone("012345678") == "012 345 678"
    assert km.phone("0123456789") == "012 345 6789"
    assert km.phone("012 34 56 78") == "012 34 56 78"  # as typed
    assert km.phone("+855 12 345 678") == "+855 12 345 678"
    assert km.phone("០១២៣៤៥៦៧៨") == "០១២ ៣៤៥ ៦៧៨"  # typed in Khmer digits: kept so


@pytest.mark.parametrize(("lang", "style", "ticks", "labels"), [
    ("en", NumberStyle(), [0, 10_000, 20_000, 40_000], ["0", "10k", "20k", "40k"]),
    ("km", NumberStyle(), [0, 10_000, 40_000], ["០", "១០\u00a0ពាន់", "៤០\u00a0ពាន់"]),
    ("km", NumberStyle(khmer_digits=False), [0, 40_000], ["0", "40k"]),
    ("km", NumberStyle(), [0, 5_000, 10_000], ["០", "៥\u00a0ពាន់", "១០\u00a0ពាន់"]),
    ("km", NumberStyle(), [0, 60_000_000, 180_000_000], ["០", "៦០\u00a0លាន", "១៨០\u00a0លាន"]),
    ("en", NumberStyle(), [0, 2_000, 4_000], ["0", "2,000", "4,000"]),
])
def test_chart_axis_has_one_unit_from_its_largest_tick(lang, style, ticks, labels):
    f = Formatter(lang, style=style)
    divisor, unit = f.axis_unit(max(ticks), "KHR")
    assert [f.axis_amount(v, divisor, unit, ticks[1] - ticks[0], "KHR") for v in ticks] == labels


def test_dollar_axis_in_latin_digits_uses_k_even_in_khmer():
    f = Formatter("km")
    divisor, unit = f.axis_unit(40_000, "USD")
    assert f.axis_amount(40_000, divisor, unit, 10_000, "USD") == "40k"


def test_fill_replaces_placeholders_once():
    assert fmt.fill("%1 of %2", "a%2", "b") == "a%2 of b"
    assert fmt.fill("Top %1", "១០") == "Top ១០"
