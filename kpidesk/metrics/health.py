"""Data health (KPI.md §6): entries that look wrong, each with the rows behind it.

Kinds of finding:
- `missing_days`: open days with no sale entered, for a shop that usually trades that
  weekday (sales on at least 6 of the 8 same weekdays before); consecutive ones (with
  only days of no trading between them) make one finding; today is not over, so never;
- `above_usual`: a unit price over 10 × the product's median unit price (its latest 51
  lines, at least 5), else the median of the period's lines; a daily total against the
  median daily total. KPI.md §6 says "line"; a line of a quantity is compared by its
  unit price, so a wholesale order of 24 is not a finding (on the online-retail export
  whole lines gave 14,834 findings, nearly all ordinary bulk orders);
- `rate_unusual`: a rate outside 3,000–5,000 riel per dollar;
- `usd_looks_like_riel`: a dollar amount of $1,000 or more shaped like a riel figure and
  at least 50 × the product's median (`khr_looks_like_usd`: the reverse slip, ៛1–99);
- `duplicate`: the same customer, day, product and amount on different orders;
- `future_sale`: a sale dated after today;
- `before_created`: a sale dated before its customer was created.

The per-line rules are `sanity.line_doubts`, the ones the Sales form asks about before
saving: one set of rules for both. A finding the owner marked as right
(`store.health_marks`) does not come back.
"""

from __future__ import annotations

import json
import statistics
from dataclasses import dataclass, field
from datetime import date, timedelta

from kpidesk.metrics.analysis import first_sale_day
from kpidesk.metrics.memo import memoized
from kpidesk.metrics.periods import parse_period
from kpidesk.metrics.sanity import LARGE_USD, RATE_RANGE, SMALL_KHR, TIMES_USUAL, line_doubts
from kpidesk.store import breakdowns, health_marks, line_peaks, order_days, sales
from kpidesk.store.db import Store
from kpidesk.store.order_days import day_number, day_of, iso_day
from kpidesk.store.uuids import uuid_text

KINDS = ("missing_days", "above_usual", "rate_unusual", "usd_looks_like_riel",
         "khr_looks_like_usd", "duplicate", "future_sale", "before_created")
USUAL_WEEKS = 8  # a weekday is a trading day when it had sales on ...
USUAL_MIN = 6  # ... at least this many of the 8 before
PRODUCT_LINES = 51  # the latest lines of a product its median is taken from
PRODUCT_MIN_LINES = 5
FIRST_DAY, LAST_DAY = "0001-01-01", "9999-12-31"


@dataclass(frozen=True)
class FindingRow:
    """One sale line (or order) behind a finding."""
    order_id: int
    number: str
    date: str
    customer: str
    product: str
    position: int | None
    quantity: float
    amount: int  # minor units of `currency`
    currency: str
    rate: int


@dataclass
class Finding:
    kind: str
    date: str  # its first date
    keys: tuple[str, ...]  # what it is known by, to be marked as right
    rows: list[FindingRow] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)  # missing_days: the days
    params: dict = field(default_factory=dict)

    def as_json(self) -> dict:
        return {"kind": self.kind, "date": self.date, "keys": list(self.keys),
                "dates": self.dates, "params": self.params,
                "rows": [row.__dict__ for row in self.rows]}


@dataclass
class HealthCheck:
    first: str | None  # the period's first and last day (None: all the shop's data)
    last: str | None
    today: str
    findings: list[Finding]
    marked_right: int  # findings left out because the owner marked them as right

    @property
    def count(self) -> int:
        return len(self.findings)

    def by_kind(self) -> dict[str, int]:
        counts = dict.fromkeys(KINDS, 0)
        for f in self.findings:
            counts[f.kind] += 1
        return {k: v for k, v in counts.items() if v}

    def as_json(self) -> dict:
        return {"first_day": self.first, "last_day": self.last, "today": self.today,
                "count": self.count, "by_kind": self.by_kind(),
                "marked_right": self.marked_right,
                "findings": [f.as_json() for f in self.findings]}


def _product_medians(store: Store, product_ids: set[int]) -> dict[int, float]:
    # each product's latest lines from its newest days (sales.latest_unit_values)
    medians: dict[int, float] = {}
    for pid in product_ids:
        values = [usd / qty for usd, qty in
                  sales.latest_unit_values(store.conn, pid, PRODUCT_LINES)]
        if len(values) >= PRODUCT_MIN_LINES:
            medians[pid] = statistics.median(values)
    return medians


# the orders of a period by their stored day number (`:first_day`, `:last_day`): the
# index of orders by day (order_days.ORDER_DAY_INDEXES)
_PERIOD_LINES = (" FROM orders o JOIN sale_lines l ON l.order_id = o.id"
                 " WHERE o.day BETWEEN :first_day AND :last_day")


def _sql_median(store: Store, value: str, where: str, args: dict) -> float | None:
    """statistics.median of `value` over the period's lines matching `where`, sorted by
    SQLite (which spills to disk) so the values never sit in a Python list."""
    n = store.conn.execute(f"SELECT COUNT(*){_PERIOD_LINES} AND {where}", args).fetchone()[0]
    if not n:
        return None
    middle = [v for (v,) in store.conn.execute(
        f"SELECT {value} AS v{_PERIOD_LINES} AND {where} ORDER BY v LIMIT :take OFFSET :skip",
        {**args, "take": 2 - n % 2, "skip": (n - 1) // 2})]
    return statistics.median(middle)


_LINE_COLUMNS = (
    "o.id, o.uuid, o.number, o.date, o.contact_id, IFNULL(c.name, ''),"
    " o.is_daily_total, l.position, l.product_id, IFNULL(p.name, ''), l.quantity,"
    " l.amount, l.currency, l.rate, l.amount_usd, c.created")
_LINE_JOINS = (
    " FROM orders o JOIN sale_lines l ON l.order_id = o.id"
    " LEFT JOIN contacts c ON c.id = o.contact_id"
    " LEFT JOIN products p ON p.id = l.product_id")


def _row(r: tuple) -> FindingRow:
    return FindingRow(order_id=r[0], number=r[2] or "", date=r[3], customer=r[5],
                      product=r[9], position=r[7], quantity=r[10], amount=r[11], currency=r[12], rate=r[13])


def _key(r: tuple) -> str:
    return f"{uuid_text(r[1])}:{r[7]}"


def _usual_int(usual: float | None) -> int | None:
    return round(usual) if usual else None


def _period_products(store: Store, args: dict) -> tuple[list[int], bool]:
    """The products of the period's lines (daily totals left out), and whether a line of
    it has no product. Read from the breakdown rollup's product keys (0: no product) when
    the file has it: a few rows a day instead of the period's lines."""
    if breakdowns.exists(store.conn):
        keys = [k for (k,) in store.conn.execute(
            "SELECT DISTINCT key FROM breakdown_day WHERE dim = "
            f"{breakdowns.DIM_CODES['product']} AND day BETWEEN :first AND :last",
            {"first": order_days.day_number(args["first"]),
             "last": order_days.day_number(args["last"])})]
        return [k for k in keys if k != 0], 0 in keys
    products = [pid for (pid,) in store.conn.execute(
        f"SELECT DISTINCT IFNULL(l.product_id, 0){_PERIOD_LINES}"
        " AND IFNULL(o.is_daily_total, 0) = 0", args)]
    return [k for k in products if k != 0], 0 in products


def _totals_median(store: Store, args: dict) -> float | None:
    """The median positive daily total of the period, read through the daily totals'
    own index (they are few: one per day, channel and salesperson)."""
    values = [v for (v,) in store.conn.execute(
        "SELECT l.amount_usd FROM orders o"
        " JOIN sale_lines l ON l.order_id = o.id"
        " WHERE o.is_daily_total = 1 AND o.date BETWEEN :first AND :last"
        " AND l.amount_usd > 0", args)]
    return statistics.median(values) if values else None


def days_to_read(store: Store, args: dict, medians: dict[int, float],
                  shop_usual: int | None, totals_usual: int | None) -> list[str] | None:
    """The period's days whose lines' extremes (`line_peaks`) pass one of the loosened
    rules below: only their lines can be doubted. None: the file has no such rollup (the
    whole period is read)."""
    if not line_peaks.exists(store.conn):
        return None
    low, high = RATE_RANGE
    days: set[str] = set()
    for day, key, min_rate, max_rate, max_usd, min_riel, max_unit in store.conn.execute(
            "SELECT day, key, min_rate, max_rate, max_usd, min_riel, max_unit"
            f" FROM {line_peaks.TABLE} WHERE day BETWEEN :first AND :last", args):
        if day in days:
            continue
        if key == -1:  # daily totals
            usual = totals_usual
        elif key in medians:
            usual = _usual_int(medians[key]) or 0
        else:
            usual = shop_usual
        # max_unit is the largest (dollars + 1 cent) / quantity of the day's lines: a
        # line passes the unit-price rule below exactly when it reaches the rule's
        # threshold (a hair of slack for floating point)
        if (min_rate < low or max_rate > high or (max_usd or 0) >= LARGE_USD
                or (min_riel is not None and min_riel < SMALL_KHR)
                or (usual and max_unit is not None
                    and max_unit >= TIMES_USUAL * usual * 0.99 * (1 - 1e-9))):
            days.add(day)
    return sorted(days)


def _doubt_candidates(store: Store, args: dict) -> list[tuple]:
    """A superset of the period's lines `line_doubts` can doubt, with the usual unit price
    (cents) it is to be given; `line_doubts` then decides each exactly."""
    products, without_product = _period_products(store, args)
    medians = _product_medians(store, set(products))
    # the shop's median unit price is the usual only of lines whose product has none: a
    # sort of the period's lines, skipped when every line's product has its own
    shop_usual = None
    if without_product or len(medians) < len(products):
        shop_usual = _usual_int(_sql_median(
            store, "l.amount_usd * 1.0 / l.quantity",
            "l.amount_usd > 0 AND l.quantity > 0 AND IFNULL(o.is_daily_total, 0) = 0", args))
    totals_usual = _usual_int(_totals_median(store, args))
    days = days_to_read(store, args, medians, shop_usual, totals_usual)
    if days is not None and not days:
        return []
    # the days that can hold a doubt (a JSON object's keys: json_each reads them alike on
    # SQLite and PostgreSQL); without the rollup, every day of the period
    only_days = ("" if days is None
                 else f" AND o.day IN (SELECT {day_of('key')} FROM json_each(:days))")
    # a product with a median keeps it even when it rounds to 0 (then nothing is above it);
    # passed as JSON, not a temporary table: writing one would count as a change of the
    # data and make the remembered result (metrics.memo) stale at once
    usuals = json.dumps({str(pid): _usual_int(m) or 0 for pid, m in medians.items()})
    low, high = RATE_RANGE
    # line_doubts's rules, loosened: rate outside RATE_RANGE; USD of LARGE_USD or more
    # (usd_looks_like_riel); riel under SMALL_KHR; a unit price in dollars at least
    # TIMES_USUAL × the usual. The last is tested on the unrounded dollar figure (the rule
    # rounds riel to cents first: up to half a cent more) with 1 % and a cent of slack for
    # that rounding and float division, so no line the rule doubts is left out.
    usual = ("CASE WHEN o.is_daily_total THEN :totals_usual"
             " WHEN u.product_id IS NOT NULL THEN u.usual ELSE :shop_usual END")
    quantity = ("CASE WHEN o.is_daily_total OR l.quantity IS NULL OR l.quantity = 0"
                " THEN 1.0 ELSE abs(l.quantity) END")
    usd = ("CASE WHEN l.currency = 'USD' THEN abs(l.amount)"
           " ELSE abs(l.amount) * 100.0 / l.rate END")
    # the lines are picked from the orders and lines alone; only the few picked are
    # joined to their customer and product
    query = (
        "WITH u(product_id, usual) AS MATERIALIZED"
        # value through TEXT: a JSON value on PostgreSQL has no cast to INTEGER of its own
        " (SELECT CAST(key AS INTEGER), CAST(CAST(value AS TEXT) AS INTEGER)"
        " FROM json_each(:usuals)),"
        f" picked AS MATERIALIZED (SELECT o.id AS order_id, l.position, {usual} AS usual"
        " FROM orders o JOIN sale_lines l ON l.order_id = o.id"
        " LEFT JOIN u ON u.product_id = l.product_id"
        f" WHERE o.day BETWEEN :first_day AND :last_day{only_days} AND ("
        f" l.rate < {low} OR l.rate > {high}"
        f" OR (l.currency = 'USD' AND abs(l.amount) >= {LARGE_USD})"
        f" OR (l.currency <> 'USD' AND abs(l.amount) > 0 AND abs(l.amount) < {SMALL_KHR})"
        f" OR ({usual} > 0 AND {usd} >= {TIMES_USUAL} * ({usual}) * ({quantity}) * 0.99 - 1)))"
        f" SELECT {_LINE_COLUMNS}, picked.usual FROM picked"
        " JOIN orders o ON o.id = picked.order_id"
        " JOIN sale_lines l ON l.order_id = o.id AND l.position = picked.position"
        " LEFT JOIN contacts c ON c.id = o.contact_id"
        " LEFT JOIN products p ON p.id = l.product_id"
        " ORDER BY o.day, o.id, l.position")
    return store.conn.execute(query, {**args, "shop_usual": shop_usual, "usuals": usuals,
                                      "totals_usual": totals_usual,
                                      "days": json.dumps(dict.fromkeys(days or (), 1))}
                              ).fetchall()


def _line_findings(store: Store, args: dict) -> list[Finding]:
    found: list[Finding] = []
    for r in _doubt_candidates(store, args):
        # the Sales form's rules: a unit price against the usual one
        quantity = 1.0 if r[6] else (abs(r[10] or 1.0) or 1.0)
        for doubt in line_doubts(r[11], r[12], r[13], quantity, r[16]):
            found.append(Finding(doubt.code, r[3], (_key(r),), [_row(r)],
                                 params=dict(doubt.params)))
    return found


def _order_findings(store: Store, args: dict) -> list[Finding]:
    """future_sale and before_created, each shown by the order's first line."""
    first_line = (f"SELECT {_LINE_COLUMNS}{_LINE_JOINS}"
                  " WHERE l.position = (SELECT MIN(position) FROM sale_lines"
                  " WHERE order_id = o.id) AND o.day BETWEEN :first_day AND :last_day")
    found = [Finding("future_sale", r[3], (uuid_text(r[1]) or "",), [_row(r)],
                     params={"today": args["today"]})
             for r in store.conn.execute(
                 f"{first_line} AND o.day > :today_day ORDER BY o.day, o.id", args)]
    # a sale of the period dated before its customer's creation: a customer created after
    # the period's first day (few: the newest), read by the creation day's index
    found += [Finding("before_created", r[3], (uuid_text(r[1]) or "",), [_row(r)],
                      params={"created": r[15]})
              for r in store.conn.execute(
                  f"{first_line} AND o.id IN (SELECT x.id FROM contacts k CROSS"
                  " JOIN orders x ON x.contact_id = k.id"
                  " WHERE k.created > :first AND x.day BETWEEN :first_day AND :last_day"
                  " AND x.date < k.created) ORDER BY o.day, o.id", args)]
    return found


def _duplicates(store: Store, args: dict) -> list[Finding]:
    # walk-ins: two people may well buy the same; daily totals; refunds: never duplicates
    keys = ("o.day, o.contact_id, l.product_id, l.amount, l.currency")
    # (no period here: the orders are joined to `days`, all of the period; a range on
    # `day` beside that join would make SQLite walk a customer's whole period instead of
    # seeking its one day in idx_orders_contact_day)
    eligible = "o.contact_id IS NOT NULL AND IFNULL(o.is_daily_total, 0) = 0 AND l.amount > 0"
    # only a customer's day with two orders or more can hold one: those days are found
    # from the orders alone, and only their lines are grouped
    # the days a customer made two orders or more (`line_peaks.REPEAT_TABLE`), when the
    # file has them: a few days' orders instead of the period's
    repeat_days = (f" AND o.day IN (SELECT {day_of('day')} FROM {line_peaks.REPEAT_TABLE}"
                   " WHERE day BETWEEN :first AND :last)"
                   if line_peaks.exists(store.conn) else "")
    lines = store.conn.execute(
        "WITH days AS MATERIALIZED (SELECT o.day, o.contact_id FROM orders o"
        f" WHERE o.day BETWEEN :first_day AND :last_day{repeat_days} AND o.contact_id IS NOT NULL"
        " AND IFNULL(o.is_daily_total, 0) = 0 GROUP BY 1, 2 HAVING COUNT(*) >= 2),"
        f" d AS (SELECT {keys} FROM days CROSS JOIN orders o"
        " ON o.contact_id = days.contact_id AND o.day = days.day"
        f" JOIN sale_lines l ON l.order_id = o.id"
        f" WHERE {eligible} GROUP BY {keys} HAVING COUNT(DISTINCT o.id) >= 2)"
        f" SELECT {_LINE_COLUMNS}{_LINE_JOINS}"
        " JOIN d ON d.day = o.day AND d.contact_id = o.contact_id"
        " AND d.product_id IS l.product_id AND d.amount = l.amount AND d.currency = l.currency"
        f" WHERE {eligible} ORDER BY o.day, o.id, l.position", args).fetchall()
    groups: dict[tuple, list[tuple]] = {}
    for r in lines:
        groups.setdefault((r[3], r[4], r[8], r[11], r[12]), []).append(r)
    # one finding per set of orders holding the same lines (an order entered twice)
    by_orders: dict[tuple[int, ...], list[tuple]] = {}
    for group in groups.values():
        orders = tuple(sorted({r[0] for r in group}))
        by_orders.setdefault(orders, []).extend(group)
    return [Finding("duplicate", rows[0][3], (",".join(sorted(_key(r) for r in rows)),),
                    [_row(r) for r in sorted(rows, key=lambda r: (r[0], r[7]))],
                    params={"orders": len(orders), "lines": len(rows) // len(orders)})
            for orders, rows in by_orders.items()]


def _missing_days(store: Store, first: date, last: date) -> list[Finding]:
    if last < first:
        return []
    shop_first = first_sale_day(store)
    if shop_first is None:
        return []
    lookback = first - timedelta(days=7 * USUAL_WEEKS)
    # the days with an order, one seek of the dates' index per day (a skip scan): not
    # every order of the period and the 8 weeks before (a million at 10M lines)
    traded = {iso_day(r[0]) for r in store.conn.execute(
        "WITH RECURSIVE d(day) AS (SELECT MIN(day) FROM orders WHERE day >= :first"
        " UNION ALL SELECT (SELECT MIN(o.day) FROM orders o WHERE o.day > d.day)"
        " FROM d WHERE d.day <= :last)"
        " SELECT day FROM d WHERE day <= :last",
        {"first": day_number(lookback.isoformat()), "last": day_number(last.isoformat())})}
    start = max(first, shop_first + timedelta(days=7 * USUAL_WEEKS))
    runs: list[list[str]] = []
    current: list[str] = []
    day = start
    while day <= last:
        iso = day.isoformat()
        if iso in traded:
            if current:
                runs.append(current)
                current = []
        else:
            before = sum((day - timedelta(days=7 * k)).isoformat() in traded
                         for k in range(1, USUAL_WEEKS + 1))
            if before >= USUAL_MIN:
                current.append(iso)
        day += timedelta(days=1)
    if current:
        runs.append(current)
    return [Finding("missing_days", run[0], tuple(run), dates=run,
                    params={"days": len(run)}) for run in runs]


def check(store: Store, period: str | None, today: date | str) -> HealthCheck:
    """Every finding of `period` (a month, quarter, year key; None: all the data) as of
    `today`, less those marked as right, in date order."""
    shared = _check(store, period, str(today))
    return HealthCheck(shared.first, shared.last, shared.today, list(shared.findings),
                       shared.marked_right)


@memoized(copy=False)
def _check(store: Store, period: str | None, today_iso: str) -> HealthCheck:
    # remembered until the next write: the monthly report asks for the month's count
    # (its KPIs) and then for its findings
    today_d = date.fromisoformat(today_iso)
    if period:
        p = parse_period(period)
        first, last = p.first_day, p.last_day
    else:
        first, last = FIRST_DAY, LAST_DAY
    # the texts for the rollups' days and the customers' creation; the day numbers for
    # the orders
    args = {"first": first, "last": last, "today": today_iso,
            "first_day": day_number(first), "last_day": day_number(last),
            "today_day": day_number(today_iso)}
    # line doubts before order findings before duplicates: the sort below is stable, so
    # findings of one day and kind keep the order of their lines
    findings = (_line_findings(store, args) + _order_findings(store, args)
                + _duplicates(store, args))
    if period:
        missing_from = date.fromisoformat(first)
        missing_to = min(date.fromisoformat(last), today_d - timedelta(days=1))
    else:
        missing_from = first_sale_day(store) or today_d
        missing_to = today_d - timedelta(days=1)
    findings += _missing_days(store, missing_from, missing_to)
    marks = health_marks.marked(store)
    for f in findings:
        if f.kind == "missing_days":  # days marked one by one: the rest of a run stays
            f.dates = [d for d in f.dates if (f.kind, d) not in marks] or f.dates
            f.keys, f.date, f.params["days"] = tuple(f.dates), f.dates[0], len(f.dates)
    kept = [f for f in findings if not all((f.kind, k) in marks for k in f.keys)]
    kept.sort(key=lambda f: (f.date, KINDS.index(f.kind)))
    return HealthCheck(None if not period else first, None if not period else last,
                       today_iso, kept, len(findings) - len(kept))


@memoized(copy=False)
def count(store: Store, period: str, today: date | str) -> int:
    """How many findings the period has (the dashboard's and the report's badge):
    computed again only after a write (a finding marked as right is one)."""
    return _check(store, period, str(today)).count


def mark_right(store: Store, finding: Finding) -> None:
    """The owner says this finding is right: it does not come back."""
    health_marks.mark_right(store, finding.kind, finding.keys)
