"""What would it take (KPI.md §2b what-if) and next year's proposed targets.

For a target T of a month, as of today (a month not started yet: from its first day,
with everything still to do):
- needed_per_day = (T − revenue so far) / the month's open days left;
- needed_orders_per_day = needed_per_day / the current basket (average order value of the
  last 28 days up to today), rounded up to whole orders;
- needed_basket = needed_per_day / the current orders per day (last 28 days);
- winbacks_needed = how many at-risk customers (the call-back list, best first) must
  come back, each bringing its usual monthly revenue (its revenue of the last 365 days /
  12), to cover the gap; None when the whole list does not cover it.
The same per salesperson with their own target (None without one), their own basket and
orders per day. A target already met needs 0 of everything.

Proposal for next year: the trend forecast's level for each month of the year, spread by
last year's share of each month (seasonality) — Σ of the year's forecast × the month's
share of last year's revenue; without a full last year, the forecast months as they are.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import date, timedelta

from kpidesk.metrics import customers, forecast, pacing
from kpidesk.metrics.growth import (
    as_date,
    div_half_even,
    order_counts,
    revenue_between,
    revenue_series,
    windows,
)
from kpidesk.metrics.periods import Period, add_months, parse_period
from kpidesk.metrics.targets import target_for
from kpidesk.store.db import Store
from kpidesk.store.targets import spread_yearly

RECENT_DAYS = 28


@dataclass(frozen=True)
class Need:
    """What it takes for one scope (the shop: salesperson_id None)."""

    salesperson_id: int | None
    name: str
    target: int | None
    actual: int
    gap: int | None
    needed_per_day: int | None
    needed_orders_per_day: int | None
    needed_basket: int | None
    current_basket: int | None
    current_orders_per_day: float | None


@dataclass(frozen=True)
class Plan:
    period: str
    currency: str
    today: str
    open_days_left: int
    shop: Need
    winbacks_needed: int | None
    salespeople: list[Need] = field(default_factory=list)

    def as_json(self) -> dict:
        def need(n: Need) -> dict:
            return {"salesperson_id": n.salesperson_id, "name": n.name, "target": n.target,
                    "actual": n.actual, "gap": n.gap, "needed_per_day": n.needed_per_day,
                    "needed_orders_per_day": n.needed_orders_per_day,
                    "needed_basket": n.needed_basket, "current_basket": n.current_basket,
                    "current_orders_per_day": n.current_orders_per_day}
        out = {"period": self.period, "currency": self.currency, "today": self.today,
               "open_days_left": self.open_days_left, "winbacks_needed": self.winbacks_needed}
        out.update({k: v for k, v in need(self.shop).items()
                    if k not in ("salesperson_id", "name")})
        out["salespeople"] = [need(n) for n in self.salespeople]
        return out


def _need(store: Store, p: Period, as_of: date, target: int | None, open_left: int,
          currency: str, salesperson_id: int | None, name: str) -> Need:
    w = windows(p, as_of)
    actual = 0 if w.upto is None else revenue_between(
        store, p.first_day, w.upto, currency=currency, salesperson_id=salesperson_id)
    first = (as_of - timedelta(days=RECENT_DAYS - 1)).isoformat()
    recent = revenue_between(store, first, as_of.isoformat(), currency=currency,
                             salesperson_id=salesperson_id)
    orders, missing = order_counts(store, first, as_of.isoformat(), salesperson_id=salesperson_id)
    basket = div_half_even(recent, orders) if orders and not missing and recent > 0 else None
    per_day = orders / RECENT_DAYS if orders and not missing else None
    gap = None if target is None else target - actual
    needed = None
    if gap is not None:
        needed = 0 if gap <= 0 else (div_half_even(gap, open_left) if open_left else None)
    orders_needed = basket_needed = None
    if needed is not None:
        if needed == 0:
            orders_needed, basket_needed = 0, 0
        else:
            orders_needed = math.ceil(needed / basket) if basket else None
            basket_needed = div_half_even(needed * RECENT_DAYS, orders) if per_day else None
    return Need(salesperson_id, name, target, actual, gap, needed, orders_needed,
                basket_needed, basket, per_day)


def winbacks_needed(store: Store, gap: int | None, as_of: date) -> int | None:
    """At-risk customers (best first) whose usual monthly revenue covers the gap."""
    if gap is None:
        return None
    if gap <= 0:
        return 0
    covered = 0
    for count, row in enumerate(customers.at_risk(store, as_of), start=1):
        monthly = row["revenue_365"] // 12
        if monthly <= 0:
            break
        covered += monthly
        if covered >= gap:
            return count
    return None


def plan(store: Store, period: str | Period, today: date | str, *, target: int | None = None,
         currency: str | None = None, with_salespeople: bool = True) -> Plan:
    """What it takes to reach `target` (default: the stored target) in a month."""
    p = parse_period(period)
    today = as_date(today)
    currency = currency or store.reporting_currency
    w = windows(p, today)
    as_of = today if w.state == "in_progress" else min(today, p.start - timedelta(days=1))
    if w.state == "past":
        as_of = p.end
    if target is None:
        target = target_for(store, p, "revenue", currency=currency)
    done = w.day if w.state == "in_progress" else (p.days if w.state == "past" else 0)
    open_left = pacing.open_days_left(store, p, done)
    shop = _need(store, p, as_of, target, open_left, currency, None, "")
    people = []
    if with_salespeople:
        for sp_id, name in store.conn.execute(
                "SELECT id, name FROM salespeople WHERE active = 1 ORDER BY name"):
            sp_target = target_for(store, p, "revenue", sp_id, currency=currency)
            people.append(_need(store, p, as_of, sp_target, open_left, currency, sp_id, name))
    return Plan(p.key, currency, today.isoformat(), open_left, shop,
                winbacks_needed(store, shop.gap, as_of), people)


@dataclass(frozen=True)
class ProposedTarget:
    period: str
    value: int
    trend: int  # the forecast's own value for the month


def propose_year(store: Store, year: int, today: date | str) -> list[ProposedTarget] | None:
    """Next year's monthly revenue targets from the trend and last year's seasonality
    (reporting currency); None without a forecast (fewer than 3 months of history)."""
    today = as_date(today)
    last_complete = add_months(f"{today.year:04d}-{today.month:02d}", -1)
    first_month = f"{year:04d}-01"
    steps = 12 * (year - int(last_complete[:4])) + 12 - int(last_complete[5:7])
    if steps < 12:
        return None
    points = forecast.trend_forecast(store, last_complete, periods=steps)
    if not points:
        return None
    year_points = [pt for pt in points if pt["period"] >= first_month][:12]
    trend = [max(0, int(pt["value"])) for pt in year_points]
    shares = seasonality(store, last_complete)
    total = sum(trend)
    values = spread_yearly(total, shares) if shares is not None and total > 0 else trend
    return [ProposedTarget(pt["period"], v, t) for pt, v, t in zip(year_points, values, trend, strict=True)]


def seasonality(store: Store, last_complete: str) -> list[float] | None:
    """Each calendar month's share (percent, January first) of the 12 complete months
    ending with `last_complete`; None without 12 months of history."""
    first = pacing.first_sale_day(store)
    if first is None or first[:7] > add_months(last_complete, -11):
        return None
    series = revenue_series(store, last_complete, 12)
    by_month = {int(k[5:7]): max(0, v or 0) for k, v in series}
    total = sum(by_month.values())
    if total <= 0:
        return None
    return [100 * by_month[m] / total for m in range(1, 13)]
