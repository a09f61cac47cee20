"""Breakdowns of sales by product, category, salesperson, channel, payment method,
customer, day, weekday and hour, with gross profit (KPI.md §1).

Read from the `breakdown_day` rollup (see `store/breakdowns.py`): one range read on its
primary key per period. Money in minor units of the reporting currency; ratios are
fractions; a figure that cannot be computed is None ("not available").

A period is a month `YYYY-MM`, a quarter `YYYY-Qn`, a year `YYYY` or a date range
`YYYY-MM-DD..YYYY-MM-DD`. Sales dated after `today` count in no figure: a period in
progress counts up to today, and its comparison period is like-for-like (its same
number of first days). A period that has not started has no figures.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from kpidesk.metrics.growth import as_date, growth_rate, ratio
from kpidesk.metrics.memo import memoized
from kpidesk.metrics.periods import parse_period
from kpidesk.metrics.results import AnalysisKpis
from kpidesk.store import branches, breakdowns, order_days
from kpidesk.store.db import Store
from kpidesk.store.order_days import iso_day

BY = ("product", "category", "salesperson", "channel", "payment", "customer", "day",
      "weekday", "hour", "branch")

# breakdown → (rollup dimension, table naming its keys)
_SOURCES = {
    "product": ("product", "products"),
    "category": ("category", "categories"),
    "salesperson": ("salesperson", "salespeople"),
    "channel": ("channel", "channels"),
    "payment": ("payment", "payment_methods"),
    "customer": ("customer", "contacts"),
    "day": ("shop", None),
    "weekday": ("shop", None),
    "hour": ("hour", None),
    "branch": ("branch", None),  # keyed by the branch's name (KPI.md §7), read from raw rows
}


@dataclass(frozen=True)
class DateRange:
    key: str  # as given: '2026-11', '2026-Q4', '2026', '2026-11-01..2026-11-15'
    start: date
    end: date  # inclusive

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def parse_range(text: str) -> DateRange:
    """A period key or a date range 'YYYY-MM-DD..YYYY-MM-DD'; ValueError otherwise."""
    text = str(text).strip()
    if ".." in text:
        first, _, last = text.partition("..")
        start, end = date.fromisoformat(first.strip()), date.fromisoformat(last.strip())
        if end < start:
            raise ValueError(f"the range ends before it starts: {text!r}")
        return DateRange(text, start, end)
    period = parse_period(text)
    return DateRange(period.key, period.start, period.end)


def previous_range(period: DateRange) -> DateRange:
    """The period before: the month, quarter or year before, or the same number of days
    just before a date range."""
    try:
        p = parse_period(period.key)
    except ValueError:
        end = period.start - timedelta(days=1)
        start = end - timedelta(days=period.days - 1)
        return DateRange(f"{start.isoformat()}..{end.isoformat()}", start, end)
    before = p.previous()
    return DateRange(before.key, before.start, before.end)


def year_before_range(period: DateRange) -> DateRange:
    """The same period a year earlier (29 February → 28 February)."""
    try:
        p = parse_period(period.key)
    except ValueError:
        def back(d: date) -> date:
            try:
                return d.replace(year=d.year - 1)
            except ValueError:
                return d.replace(year=d.year - 1, day=28)
        start, end = back(period.start), back(period.end)
        return DateRange(f"{start.isoformat()}..{end.isoformat()}", start, end)
    before = p.year_before()
    return DateRange(before.key, before.start, before.end)


def first_sale_day(store: Store) -> date | None:
    """The date of the shop's earliest sale (None: no sale yet)."""
    # the stored day number: the first entry of the orders' index by day
    row = store.conn.execute("SELECT MIN(day) FROM orders").fetchone()
    return None if not row or row[0] is None else date.fromisoformat(iso_day(row[0]))


@dataclass(slots=True)
class Totals:
    """Sums over some lines, in the reporting currency."""

    revenue: int = 0
    orders: int = 0
    quantity: float = 0.0
    costed_revenue: int = 0  # revenue of the lines whose cost is known
    cost: int = 0
    discounts: int = 0
    refunds: int = 0  # revenue of refund lines (≤ 0)
    lines: int = 0
    costed_lines: int = 0  # lines whose cost is known

    @property
    def gross_profit(self) -> int | None:
        """Σ (amount − quantity × unit cost) over lines with a known cost; None without any."""
        return self.costed_revenue - self.cost if self.has_cost else None

    @property
    def has_cost(self) -> bool:
        return self.costed_lines > 0

    @property
    def gross_margin(self) -> float | None:
        return ratio(self.gross_profit, self.costed_revenue) if self.has_cost else None

    @property
    def cost_coverage(self) -> float | None:
        return ratio(self.costed_revenue, self.revenue) if self.has_cost else None


@dataclass(slots=True)
class BreakdownRow:
    key: int | str | None  # id, ISO date, weekday 1..7, hour 0..23; None: none / no time
    name: str  # the name of the product, customer…; '' for day, weekday and hour
    revenue: int
    share: float | None  # of the period's revenue
    orders: int
    quantity: float
    gross_profit: int | None
    margin: float | None
    previous_revenue: int | None = None  # with a comparison period
    change: float | None = None
    totals: Totals = field(default_factory=Totals, repr=False, compare=False)


@dataclass(frozen=True)
class Breakdown:
    by: str
    period: DateRange
    upto: date | None  # the last day counted (None: the period has not started)
    compare: DateRange | None
    compare_upto: date | None
    currency: str
    total: Totals | None  # the whole period (None: not started)
    previous_total: Totals | None
    rows: list[BreakdownRow]


def _span(period: DateRange, today: date) -> tuple[date, date] | None:
    """The days of `period` that count by `today` (None: it has not started)."""
    if period.start > today:
        return None
    return period.start, min(period.end, today)


def _next_month(d: date) -> date:
    return (d.replace(day=28) + timedelta(days=4)).replace(day=1)


def _parts(span: tuple[date, date]) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """The span as day ranges (its partial months) and ranges of the month rollup: whole
    months ('YYYY-MM') and whole years ('YYYY'), so a long span reads few rows."""
    start, end = span
    days: list[tuple[str, str]] = []
    rollup: list[tuple[str, str]] = []
    d = start
    while d <= end:
        if d.month == 1 and d.day == 1 and date(d.year, 12, 31) <= end:
            rollup.append((f"{d.year:04d}", f"{d.year:04d}"))
            d = date(d.year + 1, 1, 1)
            continue
        month_end = _next_month(d) - timedelta(days=1)
        if d.day == 1 and month_end <= end:
            rollup.append((f"{d:%Y-%m}", f"{d:%Y-%m}"))
        else:
            days.append((d.isoformat(), min(month_end, end).isoformat()))
        d = month_end + timedelta(days=1)
    return days, _merge_months(rollup)


def _merge_months(ranges: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """Consecutive whole months of one year as one range ('2026-01'..'2026-10')."""
    merged: list[tuple[str, str]] = []
    for first, last in ranges:
        if (merged and len(first) == 7 and len(merged[-1][1]) == 7
                and merged[-1][1][:4] == first[:4]):
            merged[-1] = (merged[-1][0], last)
        else:
            merged.append((first, last))
    return merged


def _signed_parts(span: tuple[date, date]
                  ) -> list[tuple[int, list[tuple[str, str]], list[tuple[str, str]]]]:
    """The span as (sign, day ranges, month-rollup ranges) to add up. A span of most of
    one year (a year in progress, its like-for-like comparison) is its year's row less
    the days of the year outside it: one row a key instead of a row per month, which is
    what makes the customer breakdown of a year cheap (a row per customer)."""
    start, end = span
    year_first, year_last = date(start.year, 1, 1), date(start.year, 12, 31)
    inside = (end - start).days + 1
    outside = (year_last - year_first).days + 1 - inside
    if end.year != start.year or outside == 0 or outside * 2 >= inside:
        return [(1, *_parts(span))]
    signed: list[tuple[int, list[tuple[str, str]], list[tuple[str, str]]]] = [
        (1, [], [(f"{start.year:04d}", f"{start.year:04d}")])]
    for gap in ((year_first, start - timedelta(days=1)), (end + timedelta(days=1), year_last)):
        if gap[0] <= gap[1]:
            signed.append((-1, *_parts(gap)))
    return signed


def _read(store: Store, dim: str, span: tuple[date, date], currency: str,
          group_by_day: bool = False, columns: tuple[str, ...] | None = None,
          by_branch: bool = False) -> dict:
    """{key (or day, or branch code): Totals} of `dim` over `span`; with `columns` (revenue
    alone…), {key: tuple of those sums}."""
    suffix = "usd" if currency == "USD" else "khr"
    wanted = columns or ("revenue", "orders", "quantity", "costed", "cost", "discount",
                         "refund", "lines", "costed_lines")
    money = {"revenue", "costed", "cost", "discount", "refund"}
    names = [f"{c}_{suffix}" if c in money else c for c in wanted]
    signed: list[tuple[int, list[tuple[str, str]], list[tuple[str, str]]]]
    if group_by_day:
        signed = [(1, [(span[0].isoformat(), span[1].isoformat())], [])]
    else:
        signed = _signed_parts(span)
    selects: list[str] = []
    params: list[int] = []
    for sign, parts, months in signed:
        plain = ", ".join(f"{sign} * {c} AS {c}" for c in names)
        for first, last in parts:
            key = "day" if group_by_day else "branch" if by_branch else "key"
            selects.append(f"SELECT {key} AS k, {plain}"
                           " FROM breakdown_day WHERE dim = ? AND day BETWEEN ? AND ?")
            params += [breakdowns.DIM_CODES[dim], order_days.day_number(first),
                       order_days.day_number(last)]
        for first, last in months:  # a year (2026) is below its months (202601…202612)
            key = "branch" if by_branch else "key"
            selects.append(f"SELECT {key} AS k, {plain} FROM breakdown_month"
                           " WHERE dim = ? AND month BETWEEN ? AND ?")
            params += [breakdowns.DIM_CODES[dim], breakdowns.period_number(first),
                       breakdowns.period_number(last)]
    if (len(selects) == 1 and not signed[0][1] and signed[0][2][0][0] == signed[0][2][0][1]
            and not by_branch and branches.single_code(store.conn)):
        # one month's or one year's rows of one branch: a key once each, nothing to add up
        sql = selects[0]
    else:  # one statement: the parts are summed per key inside SQLite; a key whose
        # lines all fall outside the span (taken away again) has no row
        sums = ", ".join(f"SUM({c})" for c in names)
        lines_kept = " HAVING SUM(lines) <> 0" if "lines" in names else ""
        sql = f"SELECT k, {sums} FROM ({' UNION ALL '.join(selects)}) GROUP BY k{lines_kept}"
    rows: Iterable[tuple] = store.conn.execute(sql, params)
    if group_by_day:  # the rollup's day numbers as the ISO days callers know
        rows = [(order_days.iso_day(r[0]), *r[1:]) for r in rows]
    if columns is not None:
        return {r[0]: r[1:] for r in rows}
    return {r[0]: Totals(*r[1:]) for r in rows}


def _add(a: Totals, b: Totals) -> Totals:
    return Totals(a.revenue + b.revenue, a.orders + b.orders, a.quantity + b.quantity,
                  a.costed_revenue + b.costed_revenue, a.cost + b.cost,
                  a.discounts + b.discounts, a.refunds + b.refunds, a.lines + b.lines,
                  a.costed_lines + b.costed_lines)


def _sum(values) -> Totals:
    total = Totals()
    for value in values:
        total = _add(total, value)
    return total


def _shop_totals(store: Store, span: tuple[date, date], currency: str) -> Totals:
    """The whole shop's sums over the days of `span`, from the shop rollup."""
    return _sum(_read(store, "shop", span, currency).values())


def _grouped(store: Store, by: str, span: tuple[date, date], currency: str) -> dict:
    """{key: Totals} of one breakdown over the days of `span`."""
    dim = _SOURCES[by][0]
    if by == "branch":  # the shop rollup's rows per branch code (KPI.md §7)
        names = branches.code_names(store)
        return {names.get(code): totals for code, totals in _read(
            store, "shop", span, currency, by_branch=True).items() if totals.lines}
    if by == "day":
        return _read(store, dim, span, currency, group_by_day=True)
    if by == "weekday":
        result: dict = {}
        for day, totals in _read(store, dim, span, currency, group_by_day=True).items():
            weekday = date.fromisoformat(day).isoweekday()
            result[weekday] = _add(result.get(weekday, Totals()), totals)
        return result
    raw = _read(store, dim, span, currency)
    none_key = -1 if by == "hour" else 0
    return {(None if key == none_key else key): totals for key, totals in raw.items()}


def _grouped_revenue(store: Store, by: str, span: tuple[date, date], currency: str
                     ) -> dict:
    """{key: revenue} of one breakdown over `span` (a comparison shows only that)."""
    if by in ("day", "weekday", "branch"):  # no rollup of their own to read revenue from
        return {k: t.revenue for k, t in _grouped(store, by, span, currency).items()}
    raw = _read(store, _SOURCES[by][0], span, currency, columns=("revenue", "lines"))
    none_key = -1 if by == "hour" else 0
    return {(None if key == none_key else key): sums[0] for key, sums in raw.items()}


@memoized(copy=False)
def revenue_and_orders_by_key(store: Store, by: str, first: date, last: date, currency: str
                              ) -> dict:
    """{key: (revenue, orders)} of one breakdown from `first` to `last` (inclusive), from
    the rollup (a whole month is one row per key); the key of none is None. Remembered
    and shared, not copied — the report's best customers and its revenue bridge read the
    same month's customers (about 60,000 rows at 10M lines): read it, never change it."""
    raw = _read(store, _SOURCES[by][0], (first, last), currency,
                columns=("revenue", "orders", "lines"))
    none_key = -1 if by == "hour" else 0
    return {(None if key == none_key else key): (sums[0], sums[1]) for key, sums in raw.items()}


def period_totals(store: Store, period: DateRange | str, today: date | str, *,
                  currency: str | None = None) -> Totals | None:
    """Revenue, gross profit, discounts and refunds of a period (None: not started)."""
    period = parse_range(period) if isinstance(period, str) else period
    span = _span(period, as_date(today))
    if span is None:
        return None
    return _shop_totals(store, span, currency or store.reporting_currency)


def _names(store: Store, by: str, keys) -> dict:
    if by == "branch":
        return {key: key for key in keys if key is not None}
    table = _SOURCES[by][1]
    ids = [k for k in keys if isinstance(k, int)]
    if table is None or not ids:
        return {}
    names: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        names.update(store.conn.execute(
            f"SELECT id, name FROM {table} WHERE id IN ({', '.join('?' * len(chunk))})",
            chunk).fetchall())
    return names


def _sort_key(by: str, row: BreakdownRow):
    if by in ("day", "weekday", "hour"):  # in time order, no time last
        return (row.key is None, row.key if row.key is not None else 0)
    return (-row.revenue, row.name)


def breakdown(store: Store, by: str, period: DateRange | str, today: date | str, *,
              compare: DateRange | str | None = None, currency: str | None = None,
              limit: int | None = None) -> Breakdown:
    """One breakdown of a period's sales, with the comparison period's revenue when given."""
    if by not in BY:
        raise ValueError(f"unknown breakdown {by!r}")
    today = as_date(today)
    currency = currency or store.reporting_currency
    period = parse_range(period) if isinstance(period, str) else period
    if isinstance(compare, str):
        compare = parse_range(compare)
    span = _span(period, today)
    if span is None:
        return Breakdown(by, period, None, compare, None, currency, None, None, [])
    compare_span = None
    if compare is not None and compare.start <= today:
        counted = (span[1] - span[0]).days + 1
        like_for_like = period.end > today  # in progress: the same first days
        end = compare.start + timedelta(days=counted - 1) if like_for_like else compare.end
        compare_span = (compare.start, min(end, compare.end, today))
    groups = _grouped(store, by, span, currency)
    total = _shop_totals(store, span, currency)
    previous = _grouped_revenue(store, by, compare_span, currency) if compare_span else {}
    previous_total = (_shop_totals(store, compare_span, currency)
                      if compare_span else None)
    names = _names(store, by, set(groups) | set(previous))
    rows: list[BreakdownRow] = []
    empty = Totals()
    whole = total.revenue if total.revenue > 0 else None
    # a row per customer in a large shop's breakdown: lookups bound once, outside the loop
    group_of, before_of, name_of, add = groups.get, previous.get, names.get, rows.append
    for key in groups.keys() | previous.keys():
        t = group_of(key, empty)
        revenue = t.revenue
        profit = t.costed_revenue - t.cost if t.costed_lines else None
        before = before_of(key, 0) if compare_span else None
        add(BreakdownRow(
            key, name_of(key, ""), revenue, revenue / whole if whole else None,
            t.orders, t.quantity, profit,
            profit / t.costed_revenue if profit is not None and t.costed_revenue else None,
            before, growth_rate(revenue, before) if before is not None else None, t))
    if by in ("day", "weekday", "hour"):
        rows.sort(key=lambda r: _sort_key(by, r))
    else:  # _sort_key's order, without a call a row
        rows.sort(key=lambda r: (-r.revenue, r.name))
    if limit is not None:
        rows = rows[:limit]
    return Breakdown(by, period, span[1], compare, compare_span[1] if compare_span else None,
                     currency, total, previous_total, rows)


def row_json(row: BreakdownRow, with_compare: bool) -> dict:
    """A breakdown row as `analyse --json` and `kpi --json` give it."""
    result = {"key": row.key, "name": row.name, "revenue": row.revenue, "share": row.share,
              "orders": row.orders, "quantity": row.quantity,
              "gross_profit": row.gross_profit, "margin": row.margin}
    if with_compare:
        result["previous_revenue"] = row.previous_revenue
        result["change"] = row.change
    return result


def kpi_additions(store: Store, period_key: str, today: date | str,
                  currency: str) -> AnalysisKpis:
    """The `kpi --json` keys of KPI.md §1 this module computes: gross profit, margin, cost
    coverage, discounts, refunds and the breakdowns by category, channel, payment and
    salesperson."""
    totals = period_totals(store, period_key, today, currency=currency)
    from kpidesk.metrics import cohorts, customers, pipeline

    def rows_by(by: str) -> list[dict]:
        found = breakdown(store, by, period_key, today, currency=currency)
        return [row_json(r, False) for r in found.rows]

    period = parse_range(period_key)
    as_of = min(period.end, as_date(today))
    return {
        "gross_profit": totals.gross_profit if totals else None,
        "gross_margin": totals.gross_margin if totals else None,
        "cost_coverage": totals.cost_coverage if totals else None,
        "discounts": totals.discounts if totals else None,
        "refunds": totals.refunds if totals else None,
        "revenue_by_category": rows_by("category"),
        "revenue_by_channel": rows_by("channel"),
        "revenue_by_payment": rows_by("payment"),
        "revenue_by_salesperson": rows_by("salesperson"),
        "pipeline_by_stage": pipeline.pipeline_by_stage(store, as_of),
        "cohort_table": cohorts.cohort_table(store, f"{as_of:%Y-%m}", 12, today=today),
        "at_risk": customers.at_risk(store, as_of, limit=AT_RISK_IN_JSON),
    }


AT_RISK_IN_JSON = 100  # the call-back list in `kpi --json`: its first 100 rows
