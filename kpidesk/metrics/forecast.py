"""Trend forecast (KPI.md §3): a least-squares straight line through the revenue of
the last 12 complete months, extended a few months, with an 80 % prediction interval.

Revenue per month comes from the `month_revenue` rollup in the reporting
currency. The months used are the (up to) 12 months ending with
`last_complete_month`, starting no earlier than the shop's first month with
any sale (a month with no sales after that counts as 0). Fewer than 3 months →
None. With n months, x = 0..n−1, the interval at x0 is

    ŷ ± t(0.90, n−2) · s · √(1 + 1/n + (x0 − x̄)² / Sxx),  s² = Σ residual² / (n − 2),

a two-sided 80 % prediction interval (Student's t, 0.90 quantile). Values are
in minor units, rounded to whole units; nothing is clipped at zero.
"""

from __future__ import annotations

import math

from kpidesk.metrics.growth import revenue_series
from kpidesk.metrics.memo import memoized
from kpidesk.metrics.periods import add_months
from kpidesk.store.db import Store

HISTORY_MONTHS = 12
MIN_MONTHS = 3

# Student's t, one-sided 0.90 quantile, df = 1..30 (beyond: the normal 1.2816).
T90 = (3.0777, 1.8856, 1.6377, 1.5332, 1.4759, 1.4398, 1.4149, 1.3968, 1.3830, 1.3722,
       1.3634, 1.3562, 1.3502, 1.3450, 1.3406, 1.3368, 1.3334, 1.3304, 1.3277, 1.3253,
       1.3232, 1.3212, 1.3195, 1.3178, 1.3163, 1.3150, 1.3137, 1.3125, 1.3114, 1.3104)


def t90(df: int) -> float:
    """0.90 quantile of Student's t with df degrees of freedom (df ≥ 1)."""
    if df < 1:
        raise ValueError("df must be at least 1")
    return T90[df - 1] if df <= len(T90) else 1.2816


def monthly_revenue(store: Store, last_month: str, months: int = HISTORY_MONTHS
                    ) -> list[tuple[str, int]]:
    """[(month, revenue)] of the months used by the forecast, oldest first (see module doc)."""
    first_month = store.scalar("SELECT MIN(month) FROM month_revenue")
    if first_month is None:
        return []
    # complete months only (no `today`): every month has a figure
    return [(k, v or 0) for k, v in revenue_series(store, last_month, months)
            if k >= first_month]


def fit_line(values: list[float]) -> tuple[float, float, float]:
    """(intercept, slope, residual standard error) of y = a + b·x, x = 0..n−1 (n ≥ 3)."""
    n = len(values)
    x_mean = (n - 1) / 2
    y_mean = sum(values) / n
    sxx = sum((x - x_mean) ** 2 for x in range(n))
    sxy = sum((x - x_mean) * (y - y_mean) for x, y in enumerate(values))
    slope = sxy / sxx
    intercept = y_mean - slope * x_mean
    sse = sum((y - (intercept + slope * x)) ** 2 for x, y in enumerate(values))
    return intercept, slope, math.sqrt(sse / (n - 2))


@memoized
def trend_forecast(store: Store, last_complete_month: str, periods: int = 3
                   ) -> list[dict] | None:
    """[{period, value, low, high}] for the `periods` months after
    `last_complete_month`, or None with fewer than 3 months of history."""
    history = monthly_revenue(store, last_complete_month)
    if len(history) < MIN_MONTHS:
        return None
    values = [float(v) for _, v in history]
    n = len(values)
    intercept, slope, s = fit_line(values)
    x_mean = (n - 1) / 2
    sxx = sum((x - x_mean) ** 2 for x in range(n))
    t = t90(n - 2)
    result = []
    for step in range(1, periods + 1):
        x0 = n - 1 + step
        y = intercept + slope * x0
        half = t * s * math.sqrt(1 + 1 / n + (x0 - x_mean) ** 2 / sxx)
        result.append({"period": add_months(last_complete_month, step), "value": round(y),
                       "low": round(y - half), "high": round(y + half)})
    return result
