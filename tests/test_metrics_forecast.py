"""Trend forecast (KPI.md §3): least-squares line, 80 % prediction interval."""

from __future__ import annotations

import math

import numpy as np
import pytest

from kpidesk.metrics import forecast as fm
from kpidesk.metrics.periods import add_months
from kpidesk.store.db import Store
from kpidesk.store.sales import LineInput, OrderInput, add_order


def sell(store: Store, month: str, amount: int, currency: str = "USD") -> None:
    add_order(store, OrderInput(date=f"{month}-10",
                                lines=[LineInput(amount=amount, currency=currency, rate=4000)]))


def test_fewer_than_three_months_is_not_available(store: Store):
    assert fm.trend_forecast(store, "2026-10") is None
    sell(store, "2026-09", 1000)
    sell(store, "2026-10", 2000)
    assert fm.trend_forecast(store, "2026-10") is None  # 2 months
    assert fm.trend_forecast(store, "2026-08") is None  # nothing up to August


def test_straight_line_has_no_spread(store: Store):
    for month, amount in (("2026-08", 1000), ("2026-09", 2000), ("2026-10", 3000)):
        sell(store, month, amount)
    assert fm.trend_forecast(store, "2026-10") == [
        {"period": "2026-11", "value": 4000, "low": 4000, "high": 4000},
        {"period": "2026-12", "value": 5000, "low": 5000, "high": 5000},
        {"period": "2027-01", "value": 6000, "low": 6000, "high": 6000},
    ]


def test_hand_computed_interval(store: Store):
    # y = 10, 14, 12, 18 (× 100): x̄ = 1.5, Sxx = 5, Sxy = 11 → slope 2.2, intercept 10.2;
    # residuals −0.2, 1.6, −2.6, 1.2 → SSE 10.8, s = √5.4; t(0.90, 2) = 1.8856.
    # x0 = 4: ŷ = 19.0, half = 1.8856 · √5.4 · √(1 + 1/4 + 2.5²/5) = 6.928
    # x0 = 5: ŷ = 21.2, half = 1.8856 · √5.4 · √(1 + 1/4 + 3.5²/5) = 8.428
    for month, amount in (("2026-07", 1000), ("2026-08", 1400), ("2026-09", 1200),
                          ("2026-10", 1800)):
        sell(store, month, amount)
    result = fm.trend_forecast(store, "2026-10", periods=2)
    assert result == [
        {"period": "2026-11", "value": 1900, "low": 1207, "high": 2593},
        {"period": "2026-12", "value": 2120, "low": 1277, "high": 2963},
    ]
    slope, intercept = np.polyfit(range(4), [1000, 1400, 1200, 1800], 1)
    assert intercept + slope * 4 == pytest.approx(1900)


def test_history_starts_at_first_sale_and_keeps_empty_months(store: Store):
    sell(store, "2026-01", 100)
    sell(store, "2026-03", 300)  # February: no sales, counts as 0
    assert fm.monthly_revenue(store, "2026-03") == [("2026-01", 100), ("2026-02", 0),
                                                    ("2026-03", 300)]
    assert fm.trend_forecast(store, "2026-03") is not None


def test_only_the_last_twelve_months(store: Store, tmp_path):
    months = [add_months("2025-08", i) for i in range(15)]  # 2025-08 .. 2026-10
    values = [90000, 80000, 70000] + [1000 + 100 * i + (37 * i * i) % 250 for i in range(12)]
    for month, value in zip(months, values, strict=True):
        sell(store, month, value)
    with Store(tmp_path / "recent.db") as recent:
        for month, value in list(zip(months, values, strict=True))[3:]:
            sell(recent, month, value)
        assert fm.trend_forecast(store, "2026-10") == fm.trend_forecast(recent, "2026-10")
    assert len(fm.monthly_revenue(store, "2026-10")) == 12


def test_against_numpy_prediction_interval(store: Store):
    values = [5200, 6100, 5900, 7000, 6600, 7400, 8100, 7600, 8800]
    months = [add_months("2026-02", i) for i in range(len(values))]
    for month, value in zip(months, values, strict=True):
        sell(store, month, value)
    result = fm.trend_forecast(store, months[-1], periods=3)
    x = np.arange(len(values), dtype=float)
    y = np.array(values, dtype=float)
    slope, intercept = np.polyfit(x, y, 1)
    resid = y - (intercept + slope * x)
    s = math.sqrt(float(resid @ resid) / (len(x) - 2))
    sxx = float(((x - x.mean()) ** 2).sum())
    for step, row in enumerate(result, start=1):
        x0 = len(x) - 1 + step
        y0 = intercept + slope * x0
        half = 1.4149 * s * math.sqrt(1 + 1 / len(x) + (x0 - x.mean()) ** 2 / sxx)  # df 7
        assert row["value"] == round(y0)
        assert row["low"] == pytest.approx(y0 - half, abs=1)
        assert row["high"] == pytest.approx(y0 + half, abs=1)
        assert row["low"] < row["value"] < row["high"]


def test_riel_reporting(store: Store):
    for month, amount in (("2026-08", 1000), ("2026-09", 2000), ("2026-10", 3000)):
        sell(store, month, amount)
    store.set_setting("reporting_currency", "KHR")
    assert fm.trend_forecast(store, "2026-10", periods=1)[0]["value"] == 4000 * 40


def _t_cdf(t: float, df: int, steps: int = 4000) -> float:
    """Student's t CDF by Simpson's rule on its density (test oracle for the table)."""
    c = math.gamma((df + 1) / 2) / (math.sqrt(df * math.pi) * math.gamma(df / 2))

    def pdf(x):
        return c * (1 + x * x / df) ** (-(df + 1) / 2)

    h = t / steps
    total = pdf(0) + pdf(t) + sum((4 if i % 2 else 2) * pdf(i * h) for i in range(1, steps))
    return 0.5 + total * h / 3


@pytest.mark.parametrize("df", [1, 2, 3, 5, 8, 10, 20, 30])
def test_t_table_is_the_090_quantile(df):
    assert _t_cdf(fm.t90(df), df) == pytest.approx(0.90, abs=2e-4)


def test_t_beyond_table_is_normal():
    assert fm.t90(200) == pytest.approx(1.2816)
    with pytest.raises(ValueError):
        fm.t90(0)


def test_demo_store(demo_store: Store):
    result = fm.trend_forecast(demo_store, "2026-10")
    assert [r["period"] for r in result] == ["2026-11", "2026-12", "2027-01"]
    for row in result:
        assert row["low"] < row["value"] < row["high"]
    widths = [r["high"] - r["low"] for r in result]
    assert widths == sorted(widths)  # further out, wider
