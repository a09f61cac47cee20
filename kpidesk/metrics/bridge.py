"""Why revenue changed: the revenue bridge (KPI.md §1b).

Between P0 (the month before, or the same month a year before) and P1, in minor units of
the reporting currency. For a month in progress both sides are like-for-like, as growth
is: days 1..d of P1 against the same days of P0 (`growth.windows`).

- By customers: new + lost + returning + reactivated + walk_in = revenue(P1) − revenue(P0),
  exactly: each customer's revenue is a sum of the same converted lines as the total,
  and walk_in is the change of what no customer bought (the total less the customers').
- By orders and basket: orders_effect = (O1 − O0) × B0 rounded half to even and
  basket_effect = the rest (the remainder goes to the last component named), so the two
  sum exactly to the change; None when either side has no orders or an uncounted daily
  total.
- fx_effect = revenue(P1) − revenue(P1) at P0's average rate (riel per dollar weighted by
  amount: Σ riel value / Σ dollar value of P0's lines); each original-currency total of
  P1 is converted once, half to even. 0 for a one-currency shop.

Whole months read the `customer_month` rollup; a month in progress reads its days' orders
(one month of rows, by the index of orders by day).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from kpidesk.metrics import analysis
from kpidesk.metrics.growth import (
    as_date,
    div_half_even,
    growth_rate,
    order_counts,
    revenue_column,
    windows,
)
from kpidesk.metrics.memo import memoized
from kpidesk.metrics.periods import Period, parse_period
from kpidesk.metrics.results import BridgeKpis
from kpidesk.store.db import Store
from kpidesk.store.order_days import day_number

CUSTOMER_COMPONENTS = ("new", "lost", "returning", "reactivated", "walk_in")
BASKET_COMPONENTS = ("orders_effect", "basket_effect")
COMPONENTS = CUSTOMER_COMPONENTS + BASKET_COMPONENTS + ("fx_effect",)
COMPARES = ("mom", "yoy")


@dataclass(frozen=True)
class Window:
    """A run of days compared, and whether it is a whole calendar month."""

    first: str
    last: str
    whole_month: bool


@dataclass
class Bridge:
    """The bridge between two windows; a component is None when not computable."""

    compare: str  # 'mom' | 'yoy'
    currency: str
    before: Window
    after: Window
    revenue_before: int
    revenue_after: int
    components: dict[str, int | None] = field(default_factory=dict)
    growth: float | None = None
    growth_constant_rate: float | None = None
    # what each customer component is made of: {component: {contact_id: value}}
    customers: dict[str, dict[int, int]] = field(default_factory=dict)

    @property
    def change(self) -> int:
        return self.revenue_after - self.revenue_before

    def as_json(self) -> list[dict]:
        """[{component, value}] in the order of COMPONENTS (`kpi --json`)."""
        return [{"component": c, "value": self.components.get(c)} for c in COMPONENTS]


def compare_windows(period: str | Period, today: date | str, compare: str
                    ) -> tuple[Window, Window] | None:
    """(P0, P1) of a bridge; None for a period that has not started."""
    if compare not in COMPARES:
        raise ValueError(f"unknown comparison {compare!r}")
    w = windows(period, today)
    if w.current is None:
        return None
    before = w.previous if compare == "mom" else w.year_before
    assert before is not None  # set whenever `current` is
    whole = w.state == "past"
    return Window(*before, whole), Window(*w.current, whole)


@memoized(copy=False)
def _customer_revenue(store: Store, win: Window, col: str) -> dict[int, int]:
    """{contact_id: revenue} of the customers who bought in the window, read from the
    customer breakdown's rollup (a range of rows, not the window's sale lines).
    Remembered: the month-before and year-before bridges share their month's read."""
    currency = "USD" if col == "revenue_usd" else "KHR"
    found = analysis.revenue_and_orders_by_key(
        store, "customer", date.fromisoformat(win.first), date.fromisoformat(win.last),
        currency)
    return {int(c): int(v or 0) for c, (v, _) in found.items() if c is not None}


@memoized(copy=False)
def _totals(store: Store, win: Window) -> dict[str, int]:
    """Σ per original currency ('USD', 'KHR': amount) and per value column of a window."""
    out = {"USD": 0, "KHR": 0, "revenue_usd": 0, "revenue_khr": 0}
    for cur, amount, usd, khr in store.conn.execute(
            "SELECT currency, SUM(amount), SUM(revenue_usd), SUM(revenue_khr) FROM daily_revenue"
            " WHERE day BETWEEN ? AND ? GROUP BY currency", (win.first, win.last)):
        out[cur] = int(amount or 0)
        out["revenue_usd"] += int(usd or 0)
        out["revenue_khr"] += int(khr or 0)
    return out


def _first_buying_since(store: Store, first: str) -> set[int]:
    """The contacts whose first purchase is on or after `first`: a range of the first
    purchase's index (the newest customers), not a look-up per customer of the window."""
    return {cid for (cid,) in store.conn.execute(
        "SELECT id FROM contacts WHERE first_purchase >= ?", (first,))}


def fx_effect(totals_before: dict[str, int], totals_after: dict[str, int],
              currency: str) -> int | None:
    """revenue(P1) − revenue(P1) converted at P0's average rate; None without P0 rates."""
    usd0, khr0 = totals_before["revenue_usd"], totals_before["revenue_khr"]
    revenue1 = totals_after["revenue_usd" if currency == "USD" else "revenue_khr"]
    if currency == "USD":
        if not totals_after["KHR"]:
            return 0
        if usd0 <= 0 or khr0 <= 0:
            return None
        constant = totals_after["USD"] + div_half_even(totals_after["KHR"] * usd0, khr0)
    else:
        if not totals_after["USD"]:
            return 0
        if usd0 <= 0 or khr0 <= 0:
            return None
        constant = totals_after["KHR"] + div_half_even(totals_after["USD"] * khr0, usd0)
    return revenue1 - constant


def revenue_bridge(store: Store, period: str | Period, today: date | str, compare: str = "mom",
                   *, currency: str | None = None) -> Bridge | None:
    """The bridge of `period` against the month before ('mom') or a year before ('yoy');
    None for a period that has not started."""
    # one remembered result however the period, day and currency are spelt (the report
    # asks for the month-before bridge through `kpi --json`'s keys and for its chart)
    return _revenue_bridge(store, parse_period(period).key, as_date(today), compare,
                           currency or store.reporting_currency)


@memoized
def _revenue_bridge(store: Store, period: str, today: date, compare: str, currency: str
                    ) -> Bridge | None:
    found = compare_windows(parse_period(period), today, compare)
    if found is None:
        return None
    before, after = found
    col = revenue_column(store, currency)
    totals0, totals1 = _totals(store, before), _totals(store, after)
    revenue0, revenue1 = totals0[col], totals1[col]
    bridge = Bridge(compare, currency, before, after, revenue0, revenue1)

    # by customers
    cust0, cust1 = _customer_revenue(store, before, col), _customer_revenue(store, after, col)
    first_buying = _first_buying_since(store, after.first)
    parts: dict[str, dict[int, int]] = {c: {} for c in CUSTOMER_COMPONENTS[:4]}
    for cid, value in cust1.items():
        if cid in cust0:
            parts["returning"][cid] = value - cust0[cid]
        elif cid in first_buying:
            parts["new"][cid] = value
        else:
            parts["reactivated"][cid] = value
    for cid, value in cust0.items():
        if cid not in cust1:
            parts["lost"][cid] = -value
    walk_in = (revenue1 - sum(cust1.values())) - (revenue0 - sum(cust0.values()))
    comps: dict[str, int | None] = {k: sum(v.values()) for k, v in parts.items()}
    comps["walk_in"] = walk_in
    bridge.customers = parts

    # by orders and basket
    o0, missing0 = order_counts(store, before.first, before.last)
    o1, missing1 = order_counts(store, after.first, after.last)
    if o0 > 0 and o1 > 0 and not missing0 and not missing1:
        orders_effect = div_half_even((o1 - o0) * revenue0, o0)  # (O1 − O0) × B0
        comps["orders_effect"] = orders_effect
        comps["basket_effect"] = (revenue1 - revenue0) - orders_effect
    else:
        comps["orders_effect"] = comps["basket_effect"] = None

    fx = fx_effect(totals0, totals1, currency)
    comps["fx_effect"] = fx
    bridge.components = comps
    bridge.growth = growth_rate(revenue1, revenue0)
    if fx is not None:
        bridge.growth_constant_rate = growth_rate(revenue1 - fx, revenue0)
    return bridge


@dataclass(frozen=True)
class BridgeDetail:
    """One row behind a bar: a customer (contact_id, name) or a day (day)."""

    label: str
    value: int
    contact_id: int | None = None
    day: str | None = None
    product_id: int | None = None
    kind: str = "customer"  # 'customer' | 'day' | 'product'


def _day_numbers(window: Window) -> tuple[int, int]:
    """The window's first and last day as the orders store them (their index by day)."""
    return day_number(window.first), day_number(window.last)


def _product_change(store: Store, bridge: Bridge) -> list[BridgeDetail]:
    """Each product's change of revenue between the two windows (daily totals, which
    are no product's sales, left out)."""
    col = "amount_usd" if bridge.currency == "USD" else "amount_khr"
    sql = (f"SELECT l.product_id, SUM(l.{col}) FROM orders o JOIN sale_lines l"
           " ON l.order_id = o.id WHERE o.day BETWEEN ? AND ? AND o.is_daily_total = 0"
           " GROUP BY 1")
    before = dict(store.conn.execute(sql, _day_numbers(bridge.before)).fetchall())
    after = dict(store.conn.execute(sql, _day_numbers(bridge.after)).fetchall())
    names = dict(store.conn.execute("SELECT id, name FROM products").fetchall())
    rows = [BridgeDetail(names.get(pid, "") if pid else "", int(after.get(pid) or 0)
                         - int(before.get(pid) or 0), product_id=pid, kind="product")
            for pid in set(before) | set(after)]
    rows.sort(key=lambda r: (-abs(r.value), r.label))
    return rows


def bridge_details(store: Store, bridge: Bridge, component: str) -> list[BridgeDetail]:
    """What is behind one bar, largest effect first: the customers of a customer
    component; the products of basket_effect (each one's change of revenue); the days of
    walk_in, orders_effect and fx_effect (each day's change of revenue against the same
    day of P0; walk-in revenue only for walk_in)."""
    if component not in COMPONENTS:
        raise ValueError(f"unknown component {component!r}")
    if component in bridge.customers:
        values = bridge.customers[component]
        ids = list(values)
        names: dict[int, str] = {}
        for start in range(0, len(ids), 900):
            chunk = ids[start:start + 900]
            names.update(store.conn.execute(
                f"SELECT id, name FROM contacts WHERE id IN ({','.join('?' * len(chunk))})",
                chunk).fetchall())
        rows = [BridgeDetail(names.get(cid, ""), v, contact_id=cid) for cid, v in values.items()]
        rows.sort(key=lambda r: (-abs(r.value), r.label))
        return rows
    if component == "basket_effect":
        return _product_change(store, bridge)
    col = revenue_column(store, bridge.currency)
    if component == "walk_in":
        line_col = "amount_usd" if col == "revenue_usd" else "amount_khr"
        sql = (f"SELECT o.date, SUM(l.{line_col}) FROM orders o JOIN sale_lines l"
               " ON l.order_id = o.id WHERE o.day BETWEEN ? AND ? AND o.contact_id IS NULL"
               " GROUP BY 1")
        windows: tuple[tuple[int | str, int | str], ...] = (
            _day_numbers(bridge.before), _day_numbers(bridge.after))
    else:
        sql = f"SELECT day, SUM({col}) FROM daily_revenue WHERE day BETWEEN ? AND ? GROUP BY day"
        windows = ((bridge.before.first, bridge.before.last),
                   (bridge.after.first, bridge.after.last))
    before = dict(store.conn.execute(sql, windows[0]).fetchall())
    after = dict(store.conn.execute(sql, windows[1]).fetchall())
    b0, a0 = date.fromisoformat(bridge.before.first), date.fromisoformat(bridge.after.first)
    rows = []
    for day, value in sorted(after.items()):
        offset = (date.fromisoformat(day) - a0).days
        same = date.fromordinal(b0.toordinal() + offset).isoformat()
        rows.append(BridgeDetail(day, int(value or 0) - int(before.get(same) or 0), day=day,
                                 kind="day"))
    rows.sort(key=lambda r: (-abs(r.value), r.label))
    return rows


def bridge_json(store: Store, period: str | Period, today: date | str,
                currency: str | None = None) -> BridgeKpis:
    """The `kpi --json` keys of the bridge."""
    mom = revenue_bridge(store, parse_period(period).key, as_date(today), "mom",
                         currency=currency)
    yoy = revenue_bridge(store, parse_period(period).key, as_date(today), "yoy",
                         currency=currency)
    return {
        "revenue_bridge_mom": mom.as_json() if mom else None,
        "revenue_bridge_yoy": yoy.as_json() if yoy else None,
        "growth_mom_constant_rate": mom.growth_constant_rate if mom else None,
    }
