"""The rows of the sales table, a page at a time, in the order of any column.

A page is read by walking an index in the sort order and stopping after the page
(keyset paging: the next page starts after the last row's sort key), so the first
page of a ten-million-line shop costs what it costs for a hundred lines, and never
the full sort of every line a plain ORDER BY would need. The SQL pieces live in
`sales_table_sql.py`, the index walks (the segments below) in `sales_table_walks.py`.

Each sort order is a sequence of *segments*, each read by one index walk:

- date: the orders' day index (`idx_orders_day`: the stored day number, which the sort
  key holds for the date), then each order's lines (stored beside each other);
- receipt number: the orders' number index;
- customer: the contacts' name index, each contact's orders through the (contact,
  day) index; then walk-ins, by day;
- salesperson, channel, category: one segment per value (the few salespeople,
  channels and categories in name order), each a walk of the day index narrowed to
  the days the daily rollup says have lines of that value;
- product: one segment per product in name order, then lines without one: each a walk
  of the day index over the days the breakdown rollup says the product sold on (the
  lines have no index by product), in date order;
- quantity: the lines other than one unit, their keys sorted at each page (no index:
  the issue's sort goal leaves quantity out), and the lines of one unit in order of
  entry;
- amount: the index of amounts in dollars; in riel, the same index read a little
  further than the page, with the range of exchange rates (`day_rates`) telling when
  no unread line can come before the rows held (every line's riel value lies within
  the rates' range of its dollar value);
- note: the lines with a note (few: partial indexes) sorted; then the others in order
  of entry.

Lines with nothing in the sorted column (walk-ins, no product, no receipt number…)
come last whichever the direction, as spreadsheets put blank cells.

Ties are broken by date and order (when the walk gives them), else by order of
entry, and always by the line's position in its order: a key never repeats, so pages
join without gaps or repeats. The same key orders a filtered set small enough to sort
at once (a day, a week, a few receipts found by text): one plain ORDER BY.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from kpidesk.store.sales_table_sql import _ORDERS_FIRST, BLANK, KEYS, R_KEY, SalesFilter
from kpidesk.store.sales_table_walks import IndexWalks

if TYPE_CHECKING:
    from kpidesk.store.db import Store

SORTS = ("date", "number", "customer", "salesperson", "channel", "product", "category",
         "quantity", "amount", "note")

# Under this many lines (known from the daily rollup, or found by a text search), the
# filtered lines are sorted at once.
SMALL_SET = 20_000
# Above this many matching contacts / receipts, a text matches often: walking the sort
# order and testing each line finds a page sooner than collecting all the matches.
TEXT_IDS_LIMIT = 5000
CONTACT_IDS_LIMIT = 500


@dataclass
class SalesQuery(IndexWalks):
    """The sales table's filter and order over one shop file: `page()` reads rows."""
    conn: sqlite3.Connection
    flt: SalesFilter = field(default_factory=SalesFilter)
    sort: str = "date"
    descending: bool = True
    currency: str = "USD"  # the reporting currency: the amount columns sort by it

    def __post_init__(self) -> None:
        if self.sort not in SORTS:
            raise ValueError(f"unknown sort {self.sort!r}")
        self.key_name = (f"amount_{self.currency.lower()}" if self.sort == "amount"
                         else self.sort)
        self.text_ids = self._text_ids()
        self.plain = self._is_small()
        self._segments = None if self.plain else self._make_segments()

    # -- what is read --------------------------------------------------------------------
    def _text_ids(self) -> tuple[list[int], list[int]] | None:
        """For a text that no product matches, the matching contacts and receipts
        (found first: a rare receipt number then costs one pass over the receipt-number
        index instead of a walk through every line); None when there are many."""
        text = self.flt.text.strip()
        if not text:
            return None
        like = f"%{text}%"
        conn = self.conn
        if conn.execute("SELECT 1 FROM products WHERE name LIKE ? LIMIT 1", (like,)).fetchone():
            return None
        contacts = [r[0] for r in conn.execute(
            "SELECT id FROM contacts WHERE name LIKE ? OR phone LIKE ? LIMIT ?",
            (like, like, CONTACT_IDS_LIMIT + 1))]
        if len(contacts) > min(CONTACT_IDS_LIMIT, TEXT_IDS_LIMIT):
            return None
        orders = [r[0] for r in conn.execute(
            "SELECT id FROM orders WHERE number LIKE ? LIMIT ?", (like, TEXT_IDS_LIMIT + 1))]
        if len(orders) > TEXT_IDS_LIMIT:
            return None
        return contacts, orders

    def _is_small(self) -> bool:
        """Whether the filtered lines are few enough to sort at once."""
        if self.sort == "date" and self.text_ids is None:
            return False  # the date walk is as good on any set
        if self.text_ids is not None:
            return True
        if self.flt.text.strip():
            return False
        return not _more_lines_than(self.conn, self.flt, SMALL_SET)

    def where(self) -> tuple[list[str], list[object]]:
        return self.flt.where(self.text_ids)

    def page(self, after: tuple | None, limit: int) -> list[tuple]:
        """Up to `limit` rows following the row `after` (None: the first page)."""
        if limit <= 0:
            return []
        if self.plain:
            return self._plain(after, limit)
        assert self._segments is not None  # made for every query that is not plain
        ordered = self._segments if not self.descending else self._segments[::-1]
        segments = [g for g in ordered if not g.blank] + [g for g in ordered if g.blank]
        start = 0
        key = None
        if after is not None:
            key = after[R_KEY:]
            start = next((i for i, s in enumerate(segments) if s.contains(key)), len(segments))
        rows: list[tuple] = []
        for i in range(start, len(segments)):
            rows += segments[i].fetch(key if i == start else None, limit - len(rows))
            if len(rows) >= limit:
                break
        return rows

    def _plain(self, after: tuple | None, limit: int) -> list[tuple]:
        """The filtered lines sorted at once (a small set)."""
        keys = self._flagged(KEYS[self.key_name], BLANK.get(self.sort))
        # "+" keeps SQLite from walking an index in key order through every line: the
        # few filtered lines are found first, then sorted.
        order_keys = [f"+{k}" if i == 0 else k for i, k in enumerate(keys)]
        return self._select(_ORDERS_FIRST, keys, [], [], after[R_KEY:] if after else None,
                            limit, bound_first=False, order_keys=order_keys)


def _more_lines_than(conn: sqlite3.Connection, flt: SalesFilter, limit: int) -> bool:
    """Whether the filter's period and salesperson hold more than `limit` lines: the
    daily rollup's first rows often tell (every row counts one line or more), without
    adding up all of it (85,000 rows at a million lines: 0.1 s on a server)."""
    where, params = _rollup_where(flt)
    first = conn.execute(f"SELECT IFNULL(SUM(lines), 0) FROM (SELECT lines FROM daily_revenue"
                         f"{where} LIMIT ?) AS first_rows", [*params, FIRST_ROWS]).fetchone()
    if int(first[0]) > limit:
        return True
    return rollup_totals(conn, flt)[0] > limit


FIRST_ROWS = 5000


def _rollup_where(flt: SalesFilter) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if flt.date_from:
        clauses.append("day >= ?")
        params.append(flt.date_from)
    if flt.date_to:
        clauses.append("day <= ?")
        params.append(flt.date_to)
    if flt.salesperson_id is not None:
        clauses.append("salesperson_id = ?")
        params.append(flt.salesperson_id)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def rollup_totals(conn: sqlite3.Connection, flt: SalesFilter) -> tuple[int, int, int]:
    """(lines, revenue in cents, revenue in riel) of the filter's period and salesperson
    from the daily rollup (the text part of the filter is not looked at)."""
    where, params = _rollup_where(flt)
    row = conn.execute(
        "SELECT IFNULL(SUM(lines), 0), IFNULL(SUM(revenue_usd), 0),"
        f" IFNULL(SUM(revenue_khr), 0) FROM daily_revenue{where}", params).fetchone()
    return int(row[0]), int(row[1]), int(row[2])


def sales_query(store: Store, flt: SalesFilter, sort: str = "date", descending: bool = True,
                currency: str = "USD") -> SalesQuery:
    """The sales table's rows of `store` under a filter and order (see SalesQuery)."""
    return SalesQuery(store.conn, flt, sort, descending, currency)


def totals(store: Store, flt: SalesFilter) -> tuple[int, int, int]:
    """`rollup_totals` of the open shop."""
    return rollup_totals(store.conn, flt)
