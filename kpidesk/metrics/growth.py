"""Sales growth (KPI.md §1): revenue, orders, average order value, MoM / YoY growth, breakdowns.

Reads only the rollup tables `daily_revenue`, `month_revenue` and `daily_orders` (never the
sale lines), with range queries on their primary keys, which start with
`day`. Revenue in the reporting currency is the sum of the column of that
currency (each line was converted with its own rate, half to even, when it
was written). Totals per original currency sum `amount` per `currency`.

A period that contains `today` is in progress: its figures count sales dated up
to today only (a sale dated after today counts in no figure until its date
comes), and its growth is like-for-like, days 1..d of P against days
1..min(d, len(P−1)) of P−1 (and the same days a year before for YoY). A
period that starts after `today` has no figures at all (None: "not
available", never 0).

A daily total counts in `orders` as its receipts count; one without a count
makes `orders` and `average_order_value` of its period None (see
`orders_between`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from kpidesk.metrics.periods import Period, month_range, parse_period
from kpidesk.metrics.results import SalesSummary
from kpidesk.store.db import Store
from kpidesk.store.money import CURRENCIES
from kpidesk.store.money import div_half_even as div_half_even

BREAKDOWNS = {
    "salesperson": ("salesperson_id", "salespeople"),
    "category": ("category_id", "categories"),
    "channel": ("channel_id", "channels"),
    "currency": ("currency", None),
}


def as_date(value: date | str) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def revenue_column(store: Store, currency: str | None = None) -> str:
    """Name of the rollup column holding revenue in `currency` (default: reporting currency)."""
    currency = currency or store.reporting_currency
    if currency not in CURRENCIES:
        raise ValueError(f"unknown currency {currency!r}")
    return "revenue_usd" if currency == "USD" else "revenue_khr"


def ratio(numerator: float | int | None, denominator: float | int | None) -> float | None:
    """numerator / denominator, or None when not computable (missing or zero denominator)."""
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def growth_rate(current: int | None, previous: int | None) -> float | None:
    """(current − previous) / previous; None when previous is missing, 0 or negative.

    A negative base (a month of refunds only) would flip the sign of the
    figure and show a rise as a fall, so it is "not available" like zero.
    """
    if current is None or previous is None or previous <= 0:
        return None
    return (current - previous) / previous


@dataclass(frozen=True)
class Windows:
    """Where `today` stands in a period, and the date ranges growth compares."""

    period: Period
    state: str  # 'past' | 'in_progress' | 'future'
    day: int  # days elapsed (today included); 0 for a future period, n for a past one
    current: tuple[str, str] | None  # days 1..d of P (None: nothing to compare)
    previous: tuple[str, str] | None  # the same days of P−1
    year_before: tuple[str, str] | None  # the same days a year before

    @property
    def in_progress(self) -> bool:
        return self.state == "in_progress"

    @property
    def future(self) -> bool:
        return self.state == "future"

    @property
    def upto(self) -> str | None:
        """The last day whose sales count (today while in progress); None for a future
        period, which has no figures."""
        if self.state == "future":
            return None
        if self.state == "past":
            return self.period.last_day
        assert self.current is not None  # in progress: days 1..d
        return self.current[1]


def _first_days(period: Period, d: int) -> tuple[str, str]:
    d = min(d, period.days)
    return period.first_day, (period.start + timedelta(days=d - 1)).isoformat()


def windows(period: str | Period, today: date | str) -> Windows:
    p = parse_period(period)
    today = as_date(today)
    if today < p.start:
        return Windows(p, "future", 0, None, None, None)
    if today > p.end:
        prev, yb = p.previous(), p.year_before()
        return Windows(p, "past", p.days, (p.first_day, p.last_day),
                       (prev.first_day, prev.last_day), (yb.first_day, yb.last_day))
    d = p.day_of(today)
    return Windows(p, "in_progress", d, _first_days(p, d), _first_days(p.previous(), d),
                   _first_days(p.year_before(), d))


# -- raw sums over the rollups --------------------------------------------------
def _sp_filter(salesperson_id: int | None) -> tuple[str, tuple]:
    if salesperson_id is None:
        return "", ()
    return " AND salesperson_id = ?", (salesperson_id,)


def revenue_between(store: Store, first: str, last: str, *, currency: str | None = None,
                    salesperson_id: int | None = None) -> int:
    """Revenue of days first..last (ISO, inclusive) in minor units of `currency`."""
    col = revenue_column(store, currency)
    extra, params = _sp_filter(salesperson_id)
    value = store.scalar(
        f"SELECT SUM({col}) FROM daily_revenue WHERE day BETWEEN ? AND ?{extra}",
        (first, last, *params))
    return int(value or 0)


def order_counts(store: Store, first: str, last: str, *,
                 salesperson_id: int | None = None) -> tuple[int, int]:
    """(orders, daily totals without a receipts count) of days first..last."""
    extra, params = _sp_filter(salesperson_id)
    orders, missing = store.conn.execute(
        f"SELECT SUM(orders), SUM(no_receipts) FROM daily_orders WHERE day BETWEEN ? AND ?"
        f"{extra}", (first, last, *params)).fetchone()
    return int(orders or 0), int(missing or 0)


def orders_between(store: Store, first: str, last: str, *,
                   salesperson_id: int | None = None) -> int | None:
    """Orders (receipts, refund receipts excluded; a daily total counts as its receipts)
    of days first..last; None when a daily total of those days has no receipts count
    (how many orders it stands for is unknown)."""
    orders, missing = order_counts(store, first, last, salesperson_id=salesperson_id)
    return None if missing else orders


def revenue_by_currency(store: Store, period: str | Period,
                        today: date | str | None = None) -> dict[str, int] | None:
    """{'USD': cents, 'KHR': riel}: revenue of the period per original currency (with
    `today`: up to today; None for a period that has not started)."""
    p = parse_period(period)
    last: str | None = p.last_day
    if today is not None:
        last = windows(p, today).upto
        if last is None:
            return None
    totals = dict.fromkeys(CURRENCIES, 0)
    for cur, amount in store.conn.execute(
            "SELECT currency, SUM(amount) FROM daily_revenue WHERE day BETWEEN ? AND ?"
            " GROUP BY currency", (p.first_day, last)):
        totals[cur] = int(amount or 0)
    return totals


# -- public API ---------------------------------------------------------------
def sales_summary(store: Store, period: str | Period, today: date | str, *,
                  currency: str | None = None,
                  salesperson_id: int | None = None) -> SalesSummary:
    """Revenue, orders, average order value and growth of one period (see SalesSummary).

    daily_totals_without_receipts: how many daily totals of the period have no receipts
    count (then orders and average_order_value are None).
    """
    w = windows(period, today)
    p = w.period
    currency = currency or store.reporting_currency
    def revenue_of(days: tuple[str, str] | None) -> int | None:
        return None if days is None else revenue_between(
            store, *days, currency=currency, salesperson_id=salesperson_id)

    if w.upto is None:
        revenue = orders = current = previous = year_before = missing = None
    else:
        revenue = revenue_of((p.first_day, w.upto))
        counted, missing = order_counts(store, p.first_day, w.upto,
                                        salesperson_id=salesperson_id)
        orders = None if missing else counted
        current = revenue
        previous = revenue_of(w.previous)
        year_before = revenue_of(w.year_before)
    return SalesSummary(
        period=p.key,
        currency=currency,
        revenue=revenue,
        orders=orders,
        average_order_value=_aov(revenue, orders),
        daily_totals_without_receipts=missing,
        growth_mom=growth_rate(current, previous),
        growth_yoy=growth_rate(current, year_before),
        in_progress=w.in_progress,
        days_elapsed=w.day,
        days=p.days,
        previous_revenue=previous,
        year_before_revenue=year_before,
    )


def _aov(revenue: int | None, orders: int | None) -> int | None:
    """Average order value in minor units, rounded half to even; None without orders."""
    if revenue is None or not orders:
        return None
    return div_half_even(revenue, orders)


def revenue_series(store: Store, last_month: str, months: int, *, currency: str | None = None,
                   salesperson_id: int | None = None,
                   today: date | str | None = None) -> list[tuple[str, int | None]]:
    """[(month_key, revenue)] for the `months` months ending with `last_month`, oldest first.

    With `today`, the month in progress counts its sales up to today only and a month
    after today's is None (no figures yet)."""
    keys = month_range(last_month, months)
    if not keys:
        return []
    result = _revenue_series(store, keys, currency, salesperson_id)
    if today is None:
        return result
    today = as_date(today)
    current = f"{today.year:04d}-{today.month:02d}"
    for i, (key, _value) in enumerate(result):
        if key == current:
            result[i] = (key, revenue_between(store, key + "-01", today.isoformat(),
                                              currency=currency,
                                              salesperson_id=salesperson_id))
        elif key > current:
            result[i] = (key, None)
    return result


def _revenue_series(store: Store, keys: list[str], currency: str | None,
                    salesperson_id: int | None) -> list[tuple[str, int | None]]:
    col = revenue_column(store, currency)
    found: dict[str, int | None] = dict.fromkeys(keys, 0)
    if salesperson_id is None:  # the shop's totals: one row a month and branch
        for month, value in store.conn.execute(
                f"SELECT month, SUM({col}) FROM month_revenue WHERE month BETWEEN ? AND ?"
                " GROUP BY month",  # one row per branch
                (keys[0], keys[-1])):
            found[month] = int(value or 0)
        return list(found.items())
    first, last = parse_period(keys[0]), parse_period(keys[-1])
    extra, params = _sp_filter(salesperson_id)
    # Grouping by day follows the primary key's order (no temporary b-tree, no
    # substr() per row): about twice as fast as grouping by month in SQL.
    for day, value in store.conn.execute(
            f"SELECT day, SUM({col}) FROM daily_revenue"
            f" WHERE day BETWEEN ? AND ?{extra} GROUP BY day",
            (first.first_day, last.last_day, *params)):
        found[day[:7]] = (found[day[:7]] or 0) + int(value or 0)
    return list(found.items())


def growth_series(store: Store, last_month: str, months: int, *, today: date | str | None = None,
                  currency: str | None = None) -> list[tuple[str, float | None]]:
    """[(month_key, growth_mom)] for the `months` months ending with `last_month`.

    With `today`, a month in progress is compared like-for-like (as in
    `sales_summary`); otherwise every month is compared whole.
    """
    series = revenue_series(store, last_month, months + 1, currency=currency, today=today)
    result = [(series[i][0], growth_rate(series[i][1], series[i - 1][1]))
              for i in range(1, len(series))]
    if today is not None:
        for i, (key, _) in enumerate(result):
            if windows(key, today).state != "past":
                result[i] = (key, sales_summary(store, key, today, currency=currency).growth_mom)
    return result


def breakdown(store: Store, period: str | Period, by: str, today: date | str, *,
              currency: str | None = None) -> list[dict]:
    """Revenue and growth (against P−1, like-for-like when in progress) by a dimension.

    `by` is salesperson, category, channel or currency. Rows: id, name,
    revenue, previous_revenue, growth, sorted by revenue (largest first). Sales
    with no salesperson / category / channel are one row with id and name
    None, so the rows always add up to the period's revenue.
    For `currency`, revenue and previous_revenue are in minor units of each
    row's own (original) currency, and `revenue_reporting` gives the row in
    the reporting currency.
    """
    if by not in BREAKDOWNS:
        raise ValueError(f"unknown breakdown {by!r}")
    column, table = BREAKDOWNS[by]
    w = windows(period, today)
    p = w.period
    reporting = currency or store.reporting_currency
    col = revenue_column(store, reporting)
    value = "amount" if by == "currency" else col
    if w.upto is None:  # a period not started: no figures
        return []
    assert w.current is not None  # a period started has its days so far
    cur_first, cur_last = w.current
    rows = store.conn.execute(
        f"SELECT {column}, SUM({value}), SUM({col}),"
        f" SUM(CASE WHEN day BETWEEN ? AND ? THEN {value} ELSE 0 END)"
        f" FROM daily_revenue WHERE day BETWEEN ? AND ? GROUP BY 1",
        (cur_first, cur_last, p.first_day, w.upto)).fetchall()
    previous: dict = {}
    if w.previous is not None:
        previous = dict(store.conn.execute(
            f"SELECT {column}, SUM({value}) FROM daily_revenue WHERE day BETWEEN ? AND ?"
            f" GROUP BY 1", w.previous))
    names: dict = {}
    if table:
        names = dict(store.conn.execute(f"SELECT id, name FROM {table}"))
    by_key = {r[0]: r for r in rows}
    result = []
    for key in set(by_key) | set(previous):
        row = by_key.get(key, (key, 0, 0, 0))
        prev = int(previous.get(key) or 0) if w.previous is not None else None
        current = int(row[3] or 0) if w.current is not None else None
        item = {
            "id": key if by == "currency" else (key or None),
            "name": key if by == "currency" else names.get(key),
            "revenue": int(row[1] or 0),
            "previous_revenue": prev,
            "growth": growth_rate(current, prev),
        }
        if by == "currency":
            item["currency"] = key
            item["revenue_reporting"] = int(row[2] or 0)
        result.append(item)
    result.sort(key=lambda r: (-int(r.get("revenue_reporting", r["revenue"]) or 0),
                               str(r["name"] or "")))
    return result
