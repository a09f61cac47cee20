"""The sales table's query sorted by every column, both ways, on both stores (a shop on
PostgreSQL once failed here: its blank-last flag multiplied a boolean)."""

from __future__ import annotations

import re

import pytest

from kpidesk.store.sales_table import SORTS, SalesFilter, sales_query


@pytest.mark.parametrize("descending", [False, True])
def test_every_sort_reads_a_first_page(demo_store, descending):
    lines = demo_store.scalar("SELECT COUNT(*) FROM sale_lines")
    for sort in SORTS:
        query = sales_query(demo_store, SalesFilter(), sort, descending)
        first = query.page(None, 60)
        assert len(first) == min(60, lines), sort
        # the next page follows it without repeating a line
        following = query.page(first[-1], 60)
        assert not {tuple(r) for r in first} & {tuple(r) for r in following}, sort


def _all_pages(query, size: int = 400) -> list[tuple]:
    rows: list[tuple] = []
    while True:
        page = query.page(rows[-1] if rows else None, size)
        rows += page
        if len(page) < size:
            return rows


@pytest.mark.parametrize("descending", [False, True])
def test_index_walks_give_every_line_once_in_the_sort_order(demo_store, descending,
                                                            monkeypatch):
    """Each sort's index walks (as at a million lines: the small-set shortcut off) read
    every line once, in the order of its sort key compared as Python compares values
    (text by code point, as SQLite's BINARY collation), the same rows in the same order
    as the plain ORDER BY of a small set, on both stores (the server's walks go through
    its own indexes and its text comparisons are pinned to that order)."""
    from kpidesk.store import sales_table
    from kpidesk.store.sales_table_sql import R_KEY, R_ORDER, R_POSITION

    lines = demo_store.scalar("SELECT COUNT(*) FROM sale_lines")
    for sort in SORTS:
        for currency in (("USD", "KHR") if sort == "amount" else ("USD",)):
            monkeypatch.setattr(sales_table, "SMALL_SET", 0)
            walked = _all_pages(sales_query(demo_store, SalesFilter(), sort, descending,
                                            currency))
            monkeypatch.setattr(sales_table, "SMALL_SET", 10 ** 9)
            plain_query = sales_query(demo_store, SalesFilter(), sort, descending, currency)
            plain_query.plain = True  # the date sort is never plain otherwise
            plain = _all_pages(plain_query)
            ids = [(r[R_ORDER], r[R_POSITION]) for r in walked]
            assert len(ids) == lines and len(set(ids)) == lines, (sort, currency)
            keys = [tuple(r[R_KEY:]) for r in walked]
            assert keys == sorted(keys, reverse=descending), (sort, currency)
            assert ids == [(r[R_ORDER], r[R_POSITION]) for r in plain], (sort, currency)


def _busy_period(store) -> tuple[str, str, str]:
    """(the day with the most lines, the day before it, the day after it)."""
    from datetime import date, timedelta

    busiest = store.conn.execute(
        "SELECT o.date FROM orders o JOIN sale_lines l ON l.order_id = o.id"
        " GROUP BY o.date ORDER BY COUNT(*) DESC, o.date LIMIT 1").fetchone()[0]
    day = date.fromisoformat(busiest)
    return busiest, (day - timedelta(days=1)).isoformat(), (day + timedelta(days=1)).isoformat()


@pytest.mark.parametrize("descending", [False, True])
def test_period_pages_split_a_busy_day(demo_store, descending, monkeypatch):
    """A period's lines walked (the small-set shortcut off) three lines a page in every
    sort: pages end inside the busiest day (a page's keyset values hold its day number)
    and still give every line of the period once, in the order of the sort key; sorted
    by date, in the (date, order, position) order read here from the raw rows' dates."""
    from kpidesk.store import sales_table
    from kpidesk.store.sales_table_sql import R_DATE, R_KEY, R_ORDER, R_POSITION

    busiest, first, last = _busy_period(demo_store)
    raw = sorted((tuple(r) for r in demo_store.conn.execute(
        "SELECT o.date, o.id, l.position FROM orders o JOIN sale_lines l ON l.order_id = o.id"
        " WHERE o.date >= ? AND o.date <= ?", (first, last))), reverse=descending)
    assert sum(1 for r in raw if r[0] == busiest) >= 7  # two page ends inside the day
    monkeypatch.setattr(sales_table, "SMALL_SET", 0)
    for sort in SORTS:
        query = sales_query(demo_store, SalesFilter(first, last), sort, descending)
        assert not query.plain, sort
        pages: list[list[tuple]] = []
        while not pages or len(pages[-1]) == 3:
            pages.append(query.page(pages[-1][-1] if pages else None, 3))
        walked = [r for page in pages for r in page]
        ids = sorted((r[R_ORDER], r[R_POSITION]) for r in walked)
        assert ids == sorted((r[1], r[2]) for r in raw), sort
        keys = [tuple(r[R_KEY:]) for r in walked]
        assert keys == sorted(keys, reverse=descending), sort
        if sort == "date":
            assert [(r[R_DATE], r[R_ORDER], r[R_POSITION]) for r in walked] == raw
            full = [page for page in pages if page]
            assert any(a[-1][R_DATE] == b[0][R_DATE] == busiest
                       for a, b in zip(full, full[1:], strict=False)), "no page ends in the day"


# the sorts whose walks go through the orders by day (the others walk the lines' or the
# receipt numbers' indexes, the filter's days then read from each order)
DAY_WALKS = ("date", "customer", "salesperson", "channel", "product", "category")


@pytest.mark.sqlite_only("EXPLAIN QUERY PLAN is SQLite's")
@pytest.mark.parametrize("descending", [False, True])
def test_period_walks_search_the_orders_by_day(demo_store, descending, monkeypatch):
    """Every page of a period in the sorts that walk the orders by date searches their day
    index (idx_orders_day, or idx_orders_contact_day for a customer's orders) from the
    period's first or last day: none reads the whole orders table, none sorts it."""
    from kpidesk.store import sales_table
    from kpidesk.store.sales_table_sql import _COLUMNS

    _busiest, first, last = _busy_period(demo_store)
    monkeypatch.setattr(sales_table, "SMALL_SET", 0)
    for sort in DAY_WALKS:
        statements: list[str] = []
        demo_store.conn.set_trace_callback(statements.append)
        try:
            query = sales_query(demo_store, SalesFilter(first, last), sort, descending)
            query.page(query.page(None, 5)[-1], 5)
        finally:
            demo_store.conn.set_trace_callback(None)
        walks = [sql for sql in statements if sql.startswith(f"SELECT {_COLUMNS}")]
        assert walks, sort
        for sql in walks:
            plan = " | ".join(r[3] for r in demo_store.conn.execute("EXPLAIN QUERY PLAN " + sql))
            assert not re.search(r"\bSCAN o\b(?! USING)", plan), (sort, sql, plan)
            assert "TEMP B-TREE" not in plan, (sort, sql, plan)
            assert ("SEARCH o USING INDEX idx_orders_day (day>" in plan
                    or "SEARCH o USING INDEX idx_orders_contact_day (contact_id=? AND day>"
                    in plan), (sort, sql, plan)


def test_a_period_without_orders_shows_no_line(demo_store, monkeypatch):
    """Every sort's walks of a period with no order (before the shop's first) read no
    line: the walks of lines in order of entry are bounded by the period's order ids."""
    from kpidesk.store import sales_table

    monkeypatch.setattr(sales_table, "SMALL_SET", 0)
    assert demo_store.scalar("SELECT COUNT(*) FROM orders WHERE date < '2000-01-01'") == 0
    for sort in SORTS:
        for descending in (False, True):
            query = sales_query(demo_store, SalesFilter("1999-01-01", "1999-12-31"), sort,
                                descending)
            assert query.page(None, 50) == [], sort
