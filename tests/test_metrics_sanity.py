"""The "looks wrong" rules of a sale line (pure)."""

from __future__ import annotations

from kpidesk.metrics.sanity import line_doubts


def codes(*args, **kwargs) -> list[str]:
    return [d.code for d in line_doubts(*args, **kwargs)]


def test_two_bags_of_chips_saved_as_six_thousand_dollars():
    doubts = line_doubts(600_000, "USD", 4100, 2, usual_unit_usd=75)
    assert [d.code for d in doubts] == ["usd_looks_like_riel", "above_usual"]
    assert doubts[0].params == {"riel": 6000, "riel_in_usd": 146}
    assert doubts[1].params["times"] >= 10


def test_ordinary_amounts_pass():
    assert codes(150, "USD", 4100, 2, usual_unit_usd=75) == []
    assert codes(6000, "KHR", 4100, 2, usual_unit_usd=75) == []
    assert codes(125_050, "USD", 4100) == []  # $1,250.50 is not a riel figure
    assert codes(120_000, "USD", 4100, 1, usual_unit_usd=110_000) == []  # a motorbike


def test_large_dollar_amounts_that_are_riel_figures():
    assert codes(100_000, "USD", 4100) == ["usd_looks_like_riel"]  # $1,000 = ៛1,000?
    assert codes(-4_000_000, "USD", 4100) == ["usd_looks_like_riel"]  # a refund too
    assert codes(500_000_000, "USD", 4100) == []  # ៛5,000,000 is not ordinary either


def test_riel_that_looks_like_dollars_and_odd_rates():
    assert codes(2, "KHR", 4100) == ["khr_looks_like_usd"]
    assert codes(1000, "USD", 41) == ["rate_unusual"]
    assert codes(1000, "USD", 41000) == ["rate_unusual"]
    assert codes(1000, "USD", 3000) == [] and codes(1000, "USD", 5000) == []
