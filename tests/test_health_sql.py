"""The data-health check picks its candidate lines in SQL (#17): on a shop with every kind
of finding among many ordinary lines it gives exactly what the former all-lines-in-Python
algorithm gave (kept below as the reference): same findings, kinds, keys, rows, params,
order."""

from __future__ import annotations

import itertools
import json
import random
import statistics
from datetime import date, timedelta

import pytest

from kpidesk.metrics import health
from kpidesk.metrics.health import KINDS, Finding, FindingRow, HealthCheck
from kpidesk.metrics.periods import parse_period
from kpidesk.metrics.sanity import line_doubts
from kpidesk.store import health_marks
from kpidesk.store.contacts import ContactInput, add_contact
from kpidesk.store.db import Store
from kpidesk.store.reference import add_named
from kpidesk.store.sales import LineInput, OrderInput, add_order
from kpidesk.store.uuids import uuid_text

TODAY = date(2026, 11, 25)


# -- the reference: the algorithm before #17, every line of the period in Python ---------

def _ref_product_medians(store: Store, product_ids: set[int]) -> dict[int, float]:
    medians: dict[int, float] = {}
    for pid in product_ids:
        values = [usd / qty for usd, qty in store.conn.execute(
            "SELECT l.amount_usd, l.quantity FROM sale_lines l WHERE l.product_id = ?"
            " AND l.amount_usd > 0 AND l.quantity > 0"
            " ORDER BY l.order_id DESC, l.position DESC LIMIT ?", (pid, 51))]
        if len(values) >= 5:
            medians[pid] = statistics.median(values)
    return medians


def _ref_lines(store: Store, first: str, last: str) -> list[tuple]:
    return store.conn.execute(
        "SELECT o.id, o.uuid, o.number, o.date, o.contact_id, IFNULL(c.name, ''),"
        " o.is_daily_total, l.position, l.product_id, IFNULL(p.name, ''), l.quantity,"
        " l.amount, l.currency, l.rate, l.amount_usd, c.created"
        " FROM orders o JOIN sale_lines l ON l.order_id = o.id"
        " LEFT JOIN contacts c ON c.id = o.contact_id"
        " LEFT JOIN products p ON p.id = l.product_id"
        " WHERE o.date BETWEEN ? AND ? ORDER BY o.date, o.id, l.position",
        (first, last)).fetchall()


def _ref_row(r: tuple) -> FindingRow:
    return FindingRow(order_id=r[0], number=r[2] or "", date=r[3], customer=r[5],
                      product=r[9], position=r[7], quantity=r[10], amount=r[11],
                      currency=r[12], rate=r[13])


def _ref_key(r: tuple) -> str:
    return f"{uuid_text(r[1])}:{r[7]}"


def _ref_median(values: list) -> float | None:
    return statistics.median(values) if values else None


def _ref_line_findings(store: Store, lines: list[tuple], today: str) -> list[Finding]:
    found: list[Finding] = []
    medians = _ref_product_medians(store, {r[8] for r in lines
                                           if r[8] is not None and not r[6]})
    shop_median = _ref_median([r[14] / r[10] for r in lines
                               if r[14] > 0 and r[10] and r[10] > 0 and not r[6]])
    totals_median = _ref_median([r[14] for r in lines if r[14] > 0 and r[6]])
    seen_orders: set[int] = set()
    for r in lines:
        if r[6]:
            usual = totals_median
        else:
            usual = medians.get(r[8]) if r[8] is not None else None
            usual = usual if usual is not None else shop_median
        usual_int = round(usual) if usual else None
        quantity = 1.0 if r[6] else (abs(r[10] or 1.0) or 1.0)
        for doubt in line_doubts(r[11], r[12], r[13], quantity, usual_int):
            found.append(Finding(doubt.code, r[3], (_ref_key(r),), [_ref_row(r)],
                                 params=dict(doubt.params)))
        if r[0] in seen_orders:
            continue
        seen_orders.add(r[0])
        if r[3] > today:
            found.append(Finding("future_sale", r[3], (uuid_text(r[1]) or "",),
                                 [_ref_row(r)], params={"today": today}))
        if r[15] and r[3] < r[15]:
            found.append(Finding("before_created", r[3], (uuid_text(r[1]) or "",),
                                 [_ref_row(r)], params={"created": r[15]}))
    return found


def _ref_duplicates(lines: list[tuple]) -> list[Finding]:
    groups: dict[tuple, list[tuple]] = {}
    for r in lines:
        if r[4] is None or r[6] or r[11] <= 0:
            continue
        groups.setdefault((r[3], r[4], r[8], r[11], r[12]), []).append(r)
    by_orders: dict[tuple[int, ...], list[tuple]] = {}
    for group in groups.values():
        orders = tuple(sorted({r[0] for r in group}))
        if len(orders) >= 2:
            by_orders.setdefault(orders, []).extend(group)
    return [Finding("duplicate", rows[0][3], (",".join(sorted(_ref_key(r) for r in rows)),),
                    [_ref_row(r) for r in sorted(rows, key=lambda r: (r[0], r[7]))],
                    params={"orders": len(orders), "lines": len(rows) // len(orders)})
            for orders, rows in by_orders.items()]


def reference_check(store: Store, period: str | None, today: date) -> HealthCheck:
    today_iso = today.isoformat()
    if period:
        p = parse_period(period)
        first, last = p.first_day, p.last_day
    else:
        first, last = health.FIRST_DAY, health.LAST_DAY
    lines = _ref_lines(store, first, last)
    findings = _ref_line_findings(store, lines, today_iso) + _ref_duplicates(lines)
    if period:
        missing_from = date.fromisoformat(first)
        missing_to = min(date.fromisoformat(last), today - timedelta(days=1))
    else:
        shop_first = store.conn.execute("SELECT MIN(date) FROM orders").fetchone()[0]
        missing_from = date.fromisoformat(shop_first) if shop_first else today
        missing_to = today - timedelta(days=1)
    findings += health._missing_days(store, missing_from, missing_to)
    marks = health_marks.marked(store)
    for f in findings:
        if f.kind == "missing_days":
            f.dates = [d for d in f.dates if (f.kind, d) not in marks] or f.dates
            f.keys, f.date, f.params["days"] = tuple(f.dates), f.dates[0], len(f.dates)
    kept = [f for f in findings if not all((f.kind, k) in marks for k in f.keys)]
    kept.sort(key=lambda f: (f.date, KINDS.index(f.kind)))
    return HealthCheck(None if not period else first, None if not period else last,
                       today_iso, kept, len(findings) - len(kept))


# -- the shop --------------------------------------------------------------------------

def _order(store: Store, day: str, lines: list[LineInput], *, contact: int | None = None,
           number: str = "", daily: bool = False) -> int:
    return add_order(store, OrderInput(date=day, lines=lines, contact_id=contact,
                                       number=number, is_daily_total=daily))


@pytest.fixture(scope="module")
def shop(tmp_path_factory) -> Store:
    """Four months of ordinary sales (USD and riel, quantities, refunds, lines without a
    product, daily totals) with every kind of finding and lines on the edges of each rule."""
    store = Store(tmp_path_factory.mktemp("health") / "shop.db")
    rng = random.Random(17)
    prices = {add_named(store, "products", f"Item {i}"): rng.choice([150, 500, 1250, 4000,
                                                                     9900, 30_000])
              for i in range(12)}
    products = list(prices)
    rare = add_named(store, "products", "Rare item")  # 3 lines: too few for a median
    rare_price = 700
    fixed = add_named(store, "products", "Fixed price")  # always $5.00
    contacts = [add_contact(store, ContactInput(name=f"C{i}", created="2026-01-01"))
                for i in range(15)]
    late = add_contact(store, ContactInput(name="Late", created="2026-10-20"))

    def ordinary_line() -> LineInput:
        pid = rng.choice(products + [None])
        unit = prices[pid] if pid else rng.choice([300, 800, 2000])
        quantity = rng.choice([1, 1, 1, 2, 3, 0.5, 12])
        usd = round(unit * quantity * rng.uniform(0.8, 1.25))
        if rng.random() < 0.3:  # riel, at the day's rate
            rate = rng.choice([4000, 4050, 4100])
            return LineInput(amount=round(usd * rate / 100 / 100) * 100 or 100,
                             currency="KHR", rate=rate, product_id=pid, quantity=quantity)
        return LineInput(amount=max(usd, 1), product_id=pid, quantity=quantity)

    # the odd orders first: the ordinary ones after them are each product's latest lines,
    # so the usual prices stay the ordinary ones
    item, cheap = products[0], min(products, key=prices.get)
    n = itertools.count()

    def odd(day: str, *lines: LineInput, **kw) -> None:
        _order(store, day, list(lines), number=f"X-{next(n)}", **kw)

    for d in ("2026-10-02", "2026-10-09", "2026-10-16"):
        odd(d, LineInput(amount=rare_price, product_id=rare))
    odd("2026-11-03", LineInput(amount=90_000, product_id=rare))  # against the shop's usual
    odd("2026-10-03", LineInput(amount=2000, rate=41000, product_id=item))  # rate ×10
    odd("2026-10-03", LineInput(amount=40_000, currency="KHR", rate=400, product_id=item))
    odd("2026-10-04", LineInput(amount=600_000, product_id=cheap))  # ៛6,000 typed as $
    odd("2026-10-04", LineInput(amount=-600_000, product_id=cheap))  # ... and refunded
    odd("2026-10-04", LineInput(amount=100_000))  # $1,000 without a product
    odd("2026-10-05", LineInput(amount=50, currency="KHR", product_id=item))  # $0.50 as ៛
    odd("2026-10-05", LineInput(amount=-50, currency="KHR", product_id=item))
    odd("2026-10-05", LineInput(amount=99, currency="KHR"), LineInput(amount=100, currency="KHR"))
    for pid in products:  # around 10 × the usual: USD, riel, quantities, refunds
        for times in (9.9, 9.99, 10, 10.01, 10.5, 30, -12):
            for quantity in (1, 3, 0.5):
                unit = round(prices[pid] * times)
                odd("2026-10-06", LineInput(amount=round(unit * quantity), product_id=pid,
                                            quantity=quantity))
                odd("2026-10-07", LineInput(amount=round(unit * quantity * 41.37 / 100) * 100,
                                            currency="KHR", rate=4137, product_id=pid,
                                            quantity=quantity))
                odd("2026-10-07", LineInput(amount=round(unit * quantity * 4100 / 100),
                                            currency="KHR", rate=4100, product_id=pid,
                                            quantity=quantity))
    # riel a hair under 10 × $5.00 that the rule's rounding to cents lifts to it, and one
    # that stays under (the fixed-price product's usual is exactly 500 cents)
    for amount, quantity in ((204_980, 1), (204_979, 1), (614_990, 3), (614_969, 3),
                             (102_490, 0.5), (102_479, 0.5)):
        odd("2026-10-09", LineInput(amount=amount, currency="KHR", rate=4100,
                                    product_id=fixed, quantity=quantity))
    odd("2026-10-08", LineInput(amount=900_000), daily=True)  # a daily total far above
    odd("2026-10-10", LineInput(amount=500, product_id=item), contact=late)  # before created
    odd("2026-10-11", LineInput(amount=700, product_id=item), LineInput(amount=300),
        contact=late)
    odd("2026-11-28", LineInput(amount=500, product_id=item))  # after today
    odd("2026-11-29", LineInput(amount=500, rate=2000), contact=late)
    # duplicates: an order twice; three times; with two same lines; without product
    for _ in range(2):
        odd("2026-10-12", LineInput(amount=1500, product_id=item),
            LineInput(amount=900, product_id=cheap), contact=contacts[0])
    for _ in range(3):
        odd("2026-10-12", LineInput(amount=4000, currency="KHR", product_id=item),
            contact=contacts[1])
    odd("2026-10-13", LineInput(amount=700, product_id=item),
        LineInput(amount=700, product_id=item), contact=contacts[2])
    odd("2026-10-13", LineInput(amount=700, product_id=item), contact=contacts[2])
    for _ in range(2):
        odd("2026-10-13", LineInput(amount=1100), contact=contacts[3])
        odd("2026-10-13", LineInput(amount=-1100), contact=contacts[4])  # refunds: never
        odd("2026-10-13", LineInput(amount=1100))  # walk-ins: never
    for _ in range(60):
        _order(store, "2026-09-01", [LineInput(amount=500, product_id=fixed)])
    day = date(2026, 8, 1)
    while day <= date(2026, 11, 30):
        iso = day.isoformat()
        if day.weekday() != 6 and iso != "2026-10-14":  # closed on Sundays; one day missed
            for _ in range(rng.randint(2, 6)):
                _order(store, iso, [ordinary_line() for _ in range(rng.randint(1, 4))],
                       contact=rng.choice(contacts + [None] * 3))
            if day.day % 3 == 0:  # some days kept as a daily total only
                _order(store, iso, [LineInput(amount=rng.randint(20_000, 90_000))],
                       daily=True)
        day += timedelta(days=1)

    yield store
    store.close()


def _as_json(result: HealthCheck) -> str:
    return json.dumps(result.as_json(), sort_keys=True)


@pytest.mark.parametrize("period", ["2026-10", "2026-11", "2026-Q4", "2026", None,
                                    "2026-08"])
def test_same_findings_as_the_reference(shop: Store, period: str | None):
    expected = reference_check(shop, period, TODAY)
    got = health.check(shop, period, TODAY)
    assert _as_json(got) == _as_json(expected)
    if period is None:  # the shop does show each kind
        assert set(got.by_kind()) == set(KINDS)
        assert got.count > 100
    rows = {(f.kind, r.product, r.amount) for f in got.findings for r in f.rows}
    if period == "2026-11":  # against the shop's usual: a month of ordinary lines
        assert ("above_usual", "Rare item", 90_000) in rows
    if period == "2026-10":  # the edges are there
        assert {a for k, p, a in rows if p == "Fixed price"} == {204_980, 614_990, 102_490}


def test_same_findings_after_some_are_marked_right(shop: Store):
    before = health.check(shop, "2026-10", TODAY)
    for finding in before.findings[::3]:
        health.mark_right(shop, finding)
    expected = reference_check(shop, "2026-10", TODAY)
    assert expected.marked_right > 0
    assert _as_json(health.check(shop, "2026-10", TODAY)) == _as_json(expected)


def test_an_empty_shop(store: Store):
    assert _as_json(health.check(store, "2026-10", TODAY)) == _as_json(
        reference_check(store, "2026-10", TODAY))
    assert health.check(store, None, TODAY).count == 0


@pytest.mark.parametrize("rare_line", [False, True])
@pytest.mark.parametrize("rollup", [True, False])
def test_the_shop_median_is_read_only_when_a_line_needs_it(store: Store, monkeypatch,
                                                            rare_line: bool, rollup: bool):
    """The shop's median unit price (a sort of the period's lines) is the usual only of
    lines whose product has no median of its own: with none, it is not computed, and the
    findings stay the reference's; the period's products come from the breakdown rollup,
    or from the lines when the file has none yet."""
    if not rollup:
        monkeypatch.setattr(health.breakdowns, "exists", lambda conn: False)
    cup, pen = (add_named(store, "products", name) for name in ("Cup", "Pen"))
    for day in range(1, 29):
        _order(store, f"2026-10-{day:02d}", [LineInput(amount=300, product_id=cup),
                                             LineInput(amount=120, product_id=pen)])
    _order(store, "2026-10-29", [LineInput(amount=3000, product_id=cup)])  # 10 × the usual
    _order(store, "2026-10-30", [LineInput(amount=1200, product_id=pen, quantity=12)])
    if rare_line:  # a product of 1 line: its usual is the shop's
        rare = add_named(store, "products", "Rare")
        _order(store, "2026-10-30", [LineInput(amount=90_000, product_id=rare)])
    medians: list[str] = []
    real = health._sql_median

    def spy(store, value, where, args):
        medians.append(value)
        return real(store, value, where, args)

    monkeypatch.setattr(health, "_sql_median", spy)
    got = health.check(store, "2026-10", TODAY)
    assert _as_json(got) == _as_json(reference_check(store, "2026-10", TODAY))
    above = sorted(r.amount for f in got.findings if f.kind == "above_usual" for r in f.rows)
    assert above == ([3000, 90_000] if rare_line else [3000])
    assert len(medians) == (1 if rare_line else 0)
