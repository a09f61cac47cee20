"""The metrics read a period's orders through the index of orders by day
(`order_days.ORDER_DAY_INDEXES`): every statement on the orders that `kpidesk/metrics`
runs for the Analysis tab's lines, the bridge's details, the data-health check and the
shop's first day searches an index, never scans the orders or the sale lines (a scan
reads all 625,000 orders of a 1M-line shop)."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from kpidesk.metrics import analysis, breakdown_lines, bridge, health
from kpidesk.metrics.memo import clear_memo
from kpidesk.store.db import Store
from kpidesk.store.order_days import day_number
from tests.conftest import DEMO_TODAY

pytestmark = pytest.mark.sqlite_only("the plans of a shop file's queries")

METRICS = str(Path(analysis.__file__).parent)
MONTH = "2026-10"
# a scan, or a search with no index (how SQLite shows MIN() of a column none indexes)
SCANNED = re.compile(r"^(SCAN (o|x|orders|l|sale_lines)\b|SEARCH (o|x|orders)$)")


def _statements_of_metrics(store: Store, call: Callable[[], object]) -> list[str]:
    """The statements on the orders that code of kpidesk/metrics itself ran during
    `call` (not those of the store functions it calls), with their values filled in."""
    ran: list[str] = []

    def traced(sql: str) -> None:
        frame = sys._getframe(1)
        while frame is not None and "kpidesk" not in frame.f_code.co_filename:
            frame = frame.f_back
        if (frame is not None and frame.f_code.co_filename.startswith(METRICS)
                and re.search(r"\b(FROM|JOIN) orders\b", sql)):
            ran.append(sql)

    clear_memo()
    store.conn.set_trace_callback(traced)
    try:
        call()
    finally:
        store.conn.set_trace_callback(None)
    return list(dict.fromkeys(ran))


def _scans(store: Store, statements: list[str]) -> dict[str, list[str]]:
    found = {}
    for sql in statements:
        plan = [r[3] for r in store.conn.execute("EXPLAIN QUERY PLAN " + sql)]
        if any(SCANNED.match(step) for step in plan):
            found[sql] = plan
    return found


def _check_all_kinds(store: Store, monkeypatch) -> None:
    """The check with each of its queries of the orders made to run: the rollup of
    days that can hold a doubt gives two days; then the check without the rollups."""
    days = [d for (d,) in store.conn.execute(
        "SELECT DISTINCT date FROM orders WHERE date LIKE ? ORDER BY date LIMIT 2",
        (f"{MONTH}-%",))]
    monkeypatch.setattr(health, "days_to_read", lambda *args: days)
    health.check(store, MONTH, DEMO_TODAY)
    monkeypatch.undo()
    monkeypatch.setattr(health.breakdowns, "exists", lambda conn: False)
    monkeypatch.setattr(health.line_peaks, "exists", lambda conn: False)
    clear_memo()
    health.check(store, MONTH, DEMO_TODAY)
    health.check(store, None, DEMO_TODAY)
    monkeypatch.undo()


def test_the_period_queries_of_the_metrics_search_the_day_index(demo_store: Store,
                                                                 monkeypatch):
    store = demo_store
    month_bridge = bridge.revenue_bridge(store, "2026-11", DEMO_TODAY, "mom")
    assert month_bridge is not None
    first, last = f"{MONTH}-01", f"{MONTH}-31"
    args = {"first": first, "last": last, "first_day": day_number(first),
            "last_day": day_number(last), "today": DEMO_TODAY.isoformat()}
    calls: dict[str, Callable[[], object]] = {
        "first day": lambda: analysis.first_sale_day(store),
        "health": lambda: _check_all_kinds(store, monkeypatch),
        "health median": lambda: health._sql_median(
            store, "l.amount_usd", "l.amount_usd > 0", args),
        "bridge": lambda: [bridge.bridge_details(store, month_bridge, c)
                           for c in ("basket_effect", "walk_in")],
        "lines": lambda: [breakdown_lines.lines_of(store, by, key, MONTH, DEMO_TODAY)
                          for by, key in (("product", 1), ("day", f"{MONTH}-05"),
                                          ("weekday", 3), ("customer", 1))],
    }
    ran = {name: _statements_of_metrics(store, call) for name, call in calls.items()}
    # every kind of statement ran (a test of nothing cannot pass): the shop's first day,
    # the check's lines, orders, duplicates and trading days, the bridge's two details
    # for each window and the lines behind four rows
    assert [s for s in ran["first day"] if "MIN(" in s]
    health_sql = " ".join(ran["health"])
    for fragment in ("WITH u(product_id", "k.created >", "WITH days AS", "WITH RECURSIVE",
                     "SELECT DISTINCT IFNULL"):
        assert fragment in health_sql, fragment
    assert len([s for s in ran["health"] if "MIN(position)" in s]) >= 2  # the order findings
    assert len(ran["health median"]) == 2
    assert len(ran["bridge"]) == 4
    assert len(ran["lines"]) == 4
    statements = [sql for found in ran.values() for sql in found]
    assert _scans(store, statements) == {}


def test_the_duplicates_seek_a_customer_s_day(demo_store: Store):
    """A customer's orders of one day are found by (contact, day), not by a walk of all
    the customer's orders of the period."""
    statements = _statements_of_metrics(
        demo_store, lambda: health.check(demo_store, None, DEMO_TODAY))
    duplicates = [s for s in statements if s.startswith("WITH days AS")]
    assert len(duplicates) == 1
    plan = [r[3] for r in demo_store.conn.execute("EXPLAIN QUERY PLAN " + duplicates[0])]
    seeks = [step for step in plan if "idx_orders_contact_day" in step]
    assert seeks and all("(contact_id=? AND day=?)" in step for step in seeks), plan
