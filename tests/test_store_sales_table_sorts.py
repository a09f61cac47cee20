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
