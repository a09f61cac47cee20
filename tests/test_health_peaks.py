"""The data-health check reads the lines of only the days whose extremes (`line_peaks`)
can hold a doubt (#17): the findings are those computed here from the raw rows, and the
rollup follows every write."""

from __future__ import annotations

import statistics
from datetime import date

from kpidesk.metrics import health
from kpidesk.metrics.memo import clear_memo
from kpidesk.metrics.sanity import RATE_RANGE, TIMES_USUAL
from kpidesk.store import line_peaks, rollups
from kpidesk.store.db import Store
from kpidesk.store.reference import add_named
from kpidesk.store.sales import LineInput, OrderInput, add_order, delete_order, update_order

TODAY = date(2026, 11, 25)
MONTH = "2026-10"


def _order(store: Store, day: str, *lines: LineInput) -> int:
    return add_order(store, OrderInput(date=day, lines=list(lines)))


def _expected(store: Store) -> set[tuple[str, str, int]]:
    """(kind, day, amount) of the month's above_usual and rate_unusual findings, from the
    raw rows: a product's usual is the median unit price of its latest 51 lines."""
    rows = store.conn.execute(
        "SELECT o.id, o.date, l.position, l.product_id, l.quantity, l.amount, l.currency,"
        " l.rate, l.amount_usd FROM orders o JOIN sale_lines l ON l.order_id = o.id"
        " ORDER BY o.id, l.position").fetchall()
    usual: dict[int, int] = {}
    for pid in {r[3] for r in rows}:
        latest = [r[8] / r[4] for r in reversed(rows) if r[3] == pid and r[8] > 0][:51]
        usual[pid] = round(statistics.median(latest))
    found = set()
    for _id, day, _pos, pid, quantity, amount, currency, rate, _usd in rows:
        if not day.startswith(MONTH):
            continue
        if not RATE_RANGE[0] <= rate <= RATE_RANGE[1]:
            found.add(("rate_unusual", day, amount))
        usd = amount if currency == "USD" else round(amount * 100 / rate)
        if usd / abs(quantity) >= TIMES_USUAL * usual[pid]:
            found.add(("above_usual", day, amount))
    return found


def _got(store: Store) -> set[tuple[str, str, int]]:
    return {(f.kind, f.date, r.amount) for f in health.check(store, MONTH, TODAY).findings
            if f.kind in ("above_usual", "rate_unusual") for r in f.rows}


def _days_read(store: Store, monkeypatch) -> list[str]:
    read: list[list[str] | None] = []
    real = health.days_to_read

    def spy(*args):
        read.append(real(*args))
        return read[-1]

    monkeypatch.setattr(health, "days_to_read", spy)
    clear_memo()  # the check's result is remembered until the next write
    health.check(store, MONTH, TODAY)
    monkeypatch.undo()
    assert len(read) == 1 and read[0] is not None
    return read[0]


def test_only_the_days_that_can_hold_a_doubt_are_read(store: Store, monkeypatch):
    cup, pen = (add_named(store, "products", name) for name in ("Cup", "Pen"))
    for day in range(1, 29):
        _order(store, f"2026-10-{day:02d}", LineInput(amount=300, product_id=cup),
               LineInput(amount=240, product_id=pen, quantity=2))
    # 9.87 × the usual: under the rule and under its 1 % of slack for rounding
    _order(store, "2026-10-15", LineInput(amount=2960, product_id=cup))
    above = _order(store, "2026-10-29", LineInput(amount=3000, product_id=cup))  # 10 ×
    # 10 × the unit price, in a quantity of 2
    pens = _order(store, "2026-10-30", LineInput(amount=10 * 240, product_id=pen, quantity=2))
    _order(store, "2026-10-31", LineInput(amount=1_500_000, currency="KHR", rate=2500,
                                          product_id=pen, quantity=125))
    expected = _expected(store)
    assert expected == {("above_usual", "2026-10-29", 3000), ("above_usual", "2026-10-30", 2400),
                        ("rate_unusual", "2026-10-31", 1_500_000)}
    assert _got(store) == expected
    # of the month's 31 days, only those three are read
    assert _days_read(store, monkeypatch) == ["2026-10-29", "2026-10-30", "2026-10-31"]

    # a write: the day of the edited line is read, that of the deleted one no more
    update_order(store, above, OrderInput(date="2026-10-29",
                                          lines=[LineInput(amount=300, product_id=cup)]))
    delete_order(store, pens)
    _order(store, "2026-10-02", LineInput(amount=9000, product_id=pen))  # 75 × its usual
    expected = _expected(store)
    assert expected == {("above_usual", "2026-10-02", 9000),
                        ("rate_unusual", "2026-10-31", 1_500_000)}
    assert _got(store) == expected
    assert _days_read(store, monkeypatch) == ["2026-10-02", "2026-10-31"]
    kept = line_peaks.snapshot(store.conn)
    with store.transaction():
        rollups.rebuild_all(store.conn)
    assert line_peaks.snapshot(store.conn) == kept  # kept as a rebuild makes it


def test_a_file_without_the_rollup_reads_every_day(store: Store, monkeypatch):
    cup = add_named(store, "products", "Cup")
    for day in range(1, 29):
        _order(store, f"2026-10-{day:02d}", LineInput(amount=300, product_id=cup))
    _order(store, "2026-10-29", LineInput(amount=4000, product_id=cup))
    monkeypatch.setattr(health.line_peaks, "exists", lambda conn: False)
    assert _got(store) == _expected(store) == {("above_usual", "2026-10-29", 4000)}


def test_duplicates_are_looked_for_on_the_days_a_customer_came_twice(store: Store):
    from kpidesk.store.contacts import ContactInput, add_contact

    cup = add_named(store, "products", "Cup")
    dara, sok = (add_contact(store, ContactInput(name=n, created="2026-01-01"))
                 for n in ("Dara", "Sok"))
    for day in range(1, 29):
        for who in (dara, sok, None):
            add_order(store, OrderInput(date=f"2026-10-{day:02d}", contact_id=who,
                                        lines=[LineInput(amount=300 + day, product_id=cup)]))
    twice = add_order(store, OrderInput(date="2026-10-12", contact_id=dara,
                                        lines=[LineInput(amount=312, product_id=cup)]))
    add_order(store, OrderInput(date="2026-10-20", contact_id=sok,  # came back: another cup
                                lines=[LineInput(amount=999, product_id=cup)]))

    def from_raw_rows() -> set[tuple[str, int]]:
        groups: dict[tuple, set[int]] = {}
        for oid, day, contact, product, amount, currency in store.conn.execute(
                "SELECT o.id, o.date, o.contact_id, l.product_id, l.amount, l.currency"
                " FROM orders o JOIN sale_lines l ON l.order_id = o.id"
                " WHERE o.contact_id IS NOT NULL AND l.amount > 0"):
            groups.setdefault((day, contact, product, amount, currency), set()).add(oid)
        return {(key[0], len(orders)) for key, orders in groups.items() if len(orders) >= 2}

    def found() -> set[tuple[str, int]]:
        return {(f.date, f.params["orders"]) for f in health.check(store, MONTH, TODAY).findings
                if f.kind == "duplicate"}

    assert found() == from_raw_rows() == {("2026-10-12", 2)}
    repeat = f"SELECT day, customers FROM {line_peaks.REPEAT_TABLE} ORDER BY day"
    assert store.conn.execute(repeat).fetchall() == [("2026-10-12", 1), ("2026-10-20", 1)]
    delete_order(store, twice)
    assert found() == from_raw_rows() == set()
    assert store.conn.execute(repeat).fetchall() == [("2026-10-20", 1)]


def test_a_merge_of_two_customers_brings_their_same_day_orders_together(store: Store):
    from kpidesk.store.contacts import ContactInput, add_contact, merge_contacts, unmerge_contacts

    cup = add_named(store, "products", "Cup")
    one, two = (add_contact(store, ContactInput(name="Dara", created="2026-01-01"))
                for _ in range(2))  # the same customer entered twice
    for who in (one, two):
        add_order(store, OrderInput(date="2026-10-12", contact_id=who,
                                    lines=[LineInput(amount=312, product_id=cup)]))
    repeat = f"SELECT day, customers FROM {line_peaks.REPEAT_TABLE}"

    def duplicates() -> list[str]:
        return [f.date for f in health.check(store, MONTH, TODAY).findings
                if f.kind == "duplicate"]

    assert store.conn.execute(repeat).fetchall() == [] and duplicates() == []
    undo = merge_contacts(store, one, two)
    assert store.conn.execute(repeat).fetchall() == [("2026-10-12", 1)]
    assert duplicates() == ["2026-10-12"]
    unmerge_contacts(store, undo)
    assert store.conn.execute(repeat).fetchall() == [] and duplicates() == []
