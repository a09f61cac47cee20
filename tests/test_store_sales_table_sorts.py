"""The sales table's query sorted by every column, both ways, on both stores (a shop on
PostgreSQL once failed here: its blank-last flag multiplied a boolean)."""

from __future__ import annotations

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
