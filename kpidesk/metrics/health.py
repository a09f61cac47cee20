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

import statistics
from dataclasses import dataclass, field
from datetime import date, timedelta

from kpidesk.metrics.memo import memoized
from kpidesk.metrics.periods import parse_period
from kpidesk.metrics.sanity import line_doubts
from kpidesk.store import health_marks
from kpidesk.store.db import Store, uuid_text

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


def _median(values: list[int]) -> float | None:
    return statistics.median(values) if values else None


def _product_medians(store: Store, product_ids: set[int]) -> dict[int, float]:
    medians: dict[int, float] = {}
    for pid in product_ids:
        values = [usd / qty for usd, qty in store.conn.execute(
            "SELECT l.amount_usd, l.quantity FROM sale_lines l WHERE l.product_id = ?"
            " AND l.amount_usd > 0 AND l.quantity > 0"
            " ORDER BY l.order_id DESC, l.position DESC LIMIT ?", (pid, PRODUCT_LINES))]
        if len(values) >= PRODUCT_MIN_LINES:
            medians[pid] = statistics.median(values)
    return medians


def _line_rows(store: Store, first: str, last: str) -> list[tuple]:
    return store.conn.execute(
        "SELECT o.id, o.uuid, o.number, o.date, o.contact_id, IFNULL(c.name, ''),"
        " o.is_daily_total, l.position, l.product_id, IFNULL(p.name, ''), l.quantity,"
        " l.amount, l.currency, l.rate, l.amount_usd, c.created"
        " FROM orders o JOIN sale_lines l ON l.order_id = o.id"
        " LEFT JOIN contacts c ON c.id = o.contact_id"
        " LEFT JOIN products p ON p.id = l.product_id"
        " WHERE o.date BETWEEN ? AND ? ORDER BY o.date, o.id, l.position",
        (first, last)).fetchall()


def _row(r: tuple) -> FindingRow:
    return FindingRow(order_id=r[0], number=r[2] or "", date=r[3], customer=r[5],
                      product=r[9], position=r[7], quantity=r[10], amount=r[11], currency=r[12], rate=r[13])


def _key(r: tuple) -> str:
    return f"{uuid_text(r[1])}:{r[7]}"


def _line_findings(store: Store, lines: list[tuple], today: str) -> list[Finding]:
    found: list[Finding] = []
    products = {r[8] for r in lines if r[8] is not None and not r[6]}
    medians = _product_medians(store, products)
    shop_median = _median([r[14] / r[10] for r in lines
                           if r[14] > 0 and r[10] and r[10] > 0 and not r[6]])
    totals_median = _median([r[14] for r in lines if r[14] > 0 and r[6]])
    seen_orders: set[int] = set()
    for r in lines:
        if r[6]:
            usual = totals_median
        else:
            usual = medians.get(r[8]) if r[8] is not None else None
            usual = usual if usual is not None else shop_median
        usual_int = round(usual) if usual else None
        # the Sales form's rules: a unit price against the usual one
        quantity = 1.0 if r[6] else (abs(r[10] or 1.0) or 1.0)
        for doubt in line_doubts(r[11], r[12], r[13], quantity, usual_int):
            found.append(Finding(doubt.code, r[3], (_key(r),), [_row(r)],
                                 params=dict(doubt.params)))
        if r[0] in seen_orders:
            continue
        seen_orders.add(r[0])
        if r[3] > today:
            found.append(Finding("future_sale", r[3], (uuid_text(r[1]) or "",), [_row(r)],
                                 params={"today": today}))
        if r[15] and r[3] < r[15]:
            found.append(Finding("before_created", r[3], (uuid_text(r[1]) or "",), [_row(r)],
                                 params={"created": r[15]}))
    return found


def _duplicates(lines: list[tuple]) -> list[Finding]:
    groups: dict[tuple, list[tuple]] = {}
    for r in lines:
        if r[4] is None or r[6] or r[11] <= 0:
            continue  # walk-ins: two people may well buy the same; daily totals; refunds
        groups.setdefault((r[3], r[4], r[8], r[11], r[12]), []).append(r)
    # one finding per set of orders holding the same lines (an order entered twice)
    by_orders: dict[tuple[int, ...], list[tuple]] = {}
    for group in groups.values():
        orders = tuple(sorted({r[0] for r in group}))
        if len(orders) >= 2:
            by_orders.setdefault(orders, []).extend(group)
    return [Finding("duplicate", rows[0][3], (",".join(sorted(_key(r) for r in rows)),),
                    [_row(r) for r in sorted(rows, key=lambda r: (r[0], r[7]))],
                    params={"orders": len(orders), "lines": len(rows) // len(orders)})
            for orders, rows in by_orders.items()]


def _missing_days(store: Store, first: date, last: date) -> list[Finding]:
    if last < first:
        return []
    shop_first = store.conn.execute("SELECT MIN(date) FROM orders").fetchone()[0]
    if shop_first is None:
        return []
    lookback = first - timedelta(days=7 * USUAL_WEEKS)
    traded = {r[0] for r in store.conn.execute(
        "SELECT DISTINCT date FROM orders WHERE date BETWEEN ? AND ?",
        (lookback.isoformat(), last.isoformat()))}
    start = max(first, date.fromisoformat(shop_first) + timedelta(days=7 * USUAL_WEEKS))
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
    today_iso = str(today)
    today_d = date.fromisoformat(today_iso)
    if period:
        p = parse_period(period)
        first, last = p.first_day, p.last_day
    else:
        first, last = FIRST_DAY, LAST_DAY
    lines = _line_rows(store, first, last)
    findings = _line_findings(store, lines, today_iso) + _duplicates(lines)
    if period:
        missing_from = date.fromisoformat(first)
        missing_to = min(date.fromisoformat(last), today_d - timedelta(days=1))
    else:
        bounds = store.conn.execute("SELECT MIN(date) FROM orders").fetchone()
        missing_from = date.fromisoformat(bounds[0]) if bounds[0] else today_d
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
    return check(store, period, today).count


def mark_right(store: Store, finding: Finding) -> None:
    """The owner says this finding is right: it does not come back."""
    health_marks.mark_right(store, finding.kind, finding.keys)
