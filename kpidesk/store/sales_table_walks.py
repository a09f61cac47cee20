"""The sales table's index walks (a mixin of SalesQuery): the SELECT of a page, and each
sort order's segments, each read by one walk of an index in the sort order."""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kpidesk.store import breakdowns, dialect
from kpidesk.store.order_days import day_number
from kpidesk.store.sales_table_sql import (
    _COLUMNS,
    _LINES_FIRST,
    _LOOKUPS,
    _ORDERS_FIRST,
    BY_CODE,
    KEYS,
    R_KEY,
    R_KHR,
    R_USD,
    _after,
    _after_rows,
)

if TYPE_CHECKING:
    import sqlite3

    from kpidesk.store.sales_table_sql import SalesFilter

# "x IS NULL OR x = ''" rather than IFNULL(x, '') = '': PostgreSQL's planner estimates it
# from the column's statistics (most lines have no note), where it guesses a function's
# result rare, expects a page to need the whole table, and sorts all of it
_NO_LINE_NOTE = "(l.note IS NULL OR l.note = '')"
_BREAKDOWN_DIMS = {"salesperson_id": "salesperson", "channel_id": "channel",
                   "category_id": "category"}
RIEL_BATCH = 1000  # rows read at a time from the dollar index when sorting riel amounts


@dataclass
class _Segment:
    """Lines with the same leading key values, read by one index walk in key order."""
    contains: Callable[[tuple], bool]  # key values → bool
    fetch: Callable[..., list[tuple]]  # (after key values | None, limit) → rows
    blank: bool = False  # the lines without a value: last, whichever the direction


class IndexWalks:
    """How SalesQuery reads its rows: one SELECT per page of a segment, the segments of
    each sort order (`_segments_<sort key>`)."""

    _period_span: tuple[int, int] | None = None  # `_period_orders`' ids, read once

    if TYPE_CHECKING:  # SalesQuery's (sales_table.py)
        conn: sqlite3.Connection
        flt: SalesFilter
        descending: bool
        key_name: str

        def where(self) -> tuple[list[str], list[object]]: ...

    # -- SQL -----------------------------------------------------------------------------
    def _select(self, core: str, keys: list[str], segment: list[str], seg_params: list,
                after: tuple | list | None, limit: int, *, key_params: list | None = None,
                after_keys: list[str] | None = None, order_keys: list[str] | None = None,
                joined: tuple[str, ...] = (), bound_first: bool = True) -> list[tuple]:
        """Rows of `core` (its FROM and joins) meeting the `segment` conditions and the
        filter, with the sort key's values `keys` (parameters `key_params`) selected,
        in the order of `order_keys` (default: `keys`) after the values `after` of
        `after_keys` (default: `keys`)."""
        clauses, params = self.where()
        clauses = [*segment, *clauses]
        params = [*seg_params, *params]
        # a segment's constant keys ('' for walk-ins…) neither order nor bound its rows
        live = [i for i, k in enumerate(keys) if k not in ("''", "0", "1", "-1", "?")]
        if after is not None:
            if after_keys is None:
                after_keys, after = [keys[i] for i in live], [after[i] for i in live]
            if dialect.is_postgres(self.conn):
                sql, extra = _after_rows(after_keys, list(after), self.descending)
            else:
                sql, extra = _after(after_keys, list(after), self.descending, bound_first)
            clauses.append(sql)
            params.extend(extra)
        direction = "DESC" if self.descending else "ASC"
        lookups = " ".join(v for k, v in _LOOKUPS.items() if k not in joined)
        order_keys = order_keys or [keys[i] for i in live]
        order = ", ".join(f"{k} {direction}" for k in order_keys)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        sql = (f"SELECT {_COLUMNS}, {', '.join(keys)} {core} {lookups}{where}"
               f" ORDER BY {order} LIMIT ?")
        return self.conn.execute(sql, [*(key_params or []), *params, limit]).fetchall()


    # -- segments ------------------------------------------------------------------------
    def _flagged(self, keys: list[str], blank: str | None) -> list[str]:
        """`keys` behind the blank flag of their column (none for date, quantity, amount)."""
        if blank is None:
            return keys
        # CASE rather than (flag) * 1: PostgreSQL does not multiply a boolean
        return [f"CASE WHEN {blank} THEN {-1 if self.descending else 1} ELSE 0 END", *keys]

    def _blank_flag(self) -> str:
        return "-1" if self.descending else "1"

    def _make_segments(self) -> list[_Segment]:
        return getattr(self, f"_segments_{self.key_name}")()

    def _one(self, core: str, keys: list[str], joined: tuple[str, ...] = (),
             segment: list[str] | None = None, params: list | None = None,
             contains=lambda key: True, blank: bool = False,
             in_entry_order: bool = False) -> _Segment:
        """One walk; `in_entry_order`: a walk of the lines by order id, bounded by the
        period's order ids (`_period_orders`)."""
        def fetch(after, limit):
            bounds = self._period_orders(after is not None) if in_entry_order else []
            return self._select(core, keys, [*(segment or []), *bounds], params or [], after,
                                limit, joined=joined)
        return _Segment(contains, fetch, blank)

    def _period_orders(self, resumed: bool = False) -> list[str]:
        """For a walk of the lines in order of entry under a period filter: the range of
        order ids the period's orders lie in (read from the day index), so that the walk
        starts at the period's first order instead of at the shop's first line and stops
        after its last (a month late in a million-line shop: the walk up it read the
        900,000 lines entered before it). Exact whatever the ids' order: a bound that
        every line of the period meets. `resumed`: a page after a row (of the period), whose
        keyset bound starts the walk: only the far end is given (SQLite takes one lower
        bound of a column to start from, and took the period's first id)."""
        clauses, params = self.flt.period("day")
        if not clauses:
            return []
        if self._period_span is None:
            first, last = self.conn.execute(
                f"SELECT MIN(id), MAX(id) FROM orders WHERE {' AND '.join(clauses)}",
                params).fetchone()
            self._period_span = (-1, -2) if first is None else (int(first), int(last))
        first, last = self._period_span
        if not resumed:
            return [f"l.order_id BETWEEN {first} AND {last}"]  # (-1, -2): no order
        return [f"l.order_id >= {first}" if self.descending else f"l.order_id <= {last}"]

    def _segments_date(self) -> list[_Segment]:
        return [self._one(_ORDERS_FIRST, KEYS["date"])]

    def _segments_number(self) -> list[_Segment]:
        numbered = self._one(_ORDERS_FIRST, ["0", f"o.number{BY_CODE}", "o.id", "l.position"],
                             segment=["o.number > ''"], contains=lambda key: key[0] == 0)
        blank = self._one(_ORDERS_FIRST, [self._blank_flag(), "''", "o.id", "l.position"],
                          segment=["o.number = ''"], contains=lambda key: key[0] != 0,
                          blank=True)
        return [numbered, blank]

    def _segments_customer(self) -> list[_Segment]:
        walk_ins = self._one(_ORDERS_FIRST,
                             [self._blank_flag(), "''", "0", "o.day", "o.id", "l.position"],
                             segment=["o.contact_id IS NULL"], blank=True,
                             contains=lambda key: key[0] != 0)
        named = self._one(
            "FROM contacts c CROSS JOIN orders o ON o.contact_id = c.id"
            " CROSS JOIN sale_lines l ON l.order_id = o.id",
            ["0", f"c.name{BY_CODE}", "c.id", "o.day", "o.id", "l.position"], joined=("c",),
            contains=lambda key: key[0] == 0)
        return [named, walk_ins]

    def _segments_product(self) -> list[_Segment]:
        # one segment per product in name order, then lines without one: each a walk of
        # the date index over the days the product sold on (from the breakdown rollup;
        # there is no index of the lines by product), read when the walk reaches it
        values = sorted((row[1] or "", row[0]) for row in self.conn.execute(
            "SELECT id, name FROM products"))
        values.append(("", 0))
        return [self._product_segment(name, product_id) for name, product_id in values]

    def _product_segment(self, seg_name: str, seg_id: int) -> _Segment:
        walk: list[_Segment] = []

        def fetch(after, limit):
            if not walk:
                days = breakdowns.product_days(self.conn, seg_id or None, self.flt.date_from,
                                               self.flt.date_to)
                walk.append(self._group_segment("product", "l.product_id", seg_name, seg_id,
                                                _day_numbers(days)))
            return walk[0].fetch(after, limit)
        return _Segment(lambda key: (key[1], key[2]) == (seg_name, seg_id), fetch,
                        blank=not seg_id)

    def _segments_quantity(self) -> list[_Segment]:
        keys = ["l.quantity", "l.order_id", "l.position"]
        below = self._quantity_part(keys, ["l.quantity <> 1", "l.quantity < 1"],
                                    contains=lambda key: key[0] < 1)
        ones = self._one(_LINES_FIRST, ["1", "l.order_id", "l.position"],
                         segment=["(l.quantity IS NULL OR l.quantity = 1)"],
                         contains=lambda key: key[0] == 1, in_entry_order=True)
        above = self._quantity_part(keys, ["l.quantity <> 1", "l.quantity > 1"],
                                    contains=lambda key: key[0] > 1)
        return [below, ones, above]

    def _quantity_part(self, keys: list[str], segment: list[str],
                       contains: Callable[[tuple], bool]) -> _Segment:
        if dialect.is_postgres(self.conn):  # the server keeps an index of lines by quantity
            return self._one(_LINES_FIRST, keys, segment=segment, contains=contains)
        return self._sorted_by_key(keys, [*segment, *self._period_orders()], contains)

    def _sorted_by_key(self, keys: list[str], segment: list[str],
                       contains: Callable[[tuple], bool]) -> _Segment:
        """Lines of a column with no index (quantity: schema.index_product_days): the
        page's keys are found first by sorting the keys alone (one pass over the lines,
        without looking up what a row shows), then its rows are read by their orders."""
        def fetch(after, limit):
            clauses, params = self.where()
            clauses = [*segment, *clauses]
            if after is not None:
                sql, extra = _after(keys, list(after), self.descending)
                clauses.append(sql)
                params = [*params, *extra]
            direction = "DESC" if self.descending else "ASC"
            # the orders are looked up only when the filter reads them
            core = _LINES_FIRST if any("o." in c for c in clauses) else "FROM sale_lines l"
            found = self.conn.execute(
                f"SELECT DISTINCT l.order_id FROM (SELECT l.order_id {core}"
                f" WHERE {' AND '.join(clauses)}"
                f" ORDER BY {', '.join(f'{k} {direction}' for k in keys)} LIMIT ?) l",
                [*params, limit]).fetchall()
            if not found:
                return []
            orders = ",".join(str(int(r[0])) for r in found)
            return self._select(_LINES_FIRST, keys, [*segment, f"l.order_id IN ({orders})"],
                                [], after, limit)
        return _Segment(contains, fetch)

    def _segments_amount_usd(self) -> list[_Segment]:
        return [self._one(_LINES_FIRST, KEYS["amount_usd"])]

    def _segments_note(self) -> list[_Segment]:
        plain = self._one(_LINES_FIRST, [self._blank_flag(), "''", "l.order_id", "l.position"],
                          segment=[_NO_LINE_NOTE, "(o.note IS NULL OR o.note = '')"],
                          contains=lambda key: key[0] != 0, blank=True, in_entry_order=True)

        def noted_fetch(after, limit):
            # lines with a note of their own, and lines of orders with a note (both few:
            # partial indexes); sorted together
            keys = ["0", *KEYS["note"]]
            rows = []
            for core, cond in ((_LINES_FIRST, ["l.note <> ''"]),
                               ("FROM orders o CROSS JOIN sale_lines l ON l.order_id = o.id",
                                ["o.note <> ''", _NO_LINE_NOTE])):
                rows += self._select(core, keys, cond, [], after, limit, bound_first=False)
            rows.sort(key=lambda r: r[R_KEY:], reverse=self.descending)
            return rows[:limit]
        noted = _Segment(lambda key: key[0] == 0, noted_fetch)
        return [noted, plain]

    # salesperson, channel and category: one segment per value, days from the rollup
    def _grouped(self, name: str, table: str, column: str, rollup_column: str
                 ) -> list[_Segment]:
        values = sorted((row[1] or "", row[0]) for row in self.conn.execute(
            f"SELECT id, name FROM {table}"))
        values.append(("", 0))  # lines without one: blank, last
        days = self._days_of(rollup_column)
        return [self._group_segment(name, column, seg_name, seg_id, days[seg_id])
                for seg_name, seg_id in values if seg_id in days]

    def _segments_salesperson(self) -> list[_Segment]:
        return self._grouped("salesperson", "salespeople", "o.salesperson_id",
                             "salesperson_id")

    def _segments_channel(self) -> list[_Segment]:
        return self._grouped("channel", "channels", "o.channel_id", "channel_id")

    def _segments_category(self) -> list[_Segment]:
        return self._grouped("category", "categories", "p.category_id", "category_id")

    def _days_of(self, rollup_column: str) -> dict[int, list[tuple[int, int]]]:
        """{value id (0: none): [(day number, lines)…] ascending} from the daily rollups,
        for the days the filter keeps."""
        bounds = [(clause, day) for clause, day in (("day >= ?", self.flt.date_from),
                                                    ("day <= ?", self.flt.date_to)) if day]
        clauses = [clause for clause, _day in bounds]
        params: list[object]
        dim = _BREAKDOWN_DIMS[rollup_column]
        if self.flt.salesperson_id is None or dim == "salesperson":
            params = [day_number(str(day)) for _clause, day in bounds]  # the rollup's numbers
            # the breakdown rollup holds one row per day and value; daily_revenue one per
            # day, salesperson, channel, category and currency (thirty times as many to
            # add up: 0.2 s on a server at a million lines)
            from kpidesk.store import breakdowns

            clauses.insert(0, "dim = ?")
            params.insert(0, breakdowns.DIM_CODES[dim])
            if self.flt.salesperson_id is not None:
                clauses.append("key = ?")
                params.append(self.flt.salesperson_id)
            sql = (f"SELECT key, day, SUM(lines) FROM {breakdowns.TABLE}"
                   f" WHERE {' AND '.join(clauses)} GROUP BY 1, 2 ORDER BY 1, 2")
        else:
            params = [day for _clause, day in bounds]  # daily_revenue's ISO texts
            clauses.append("salesperson_id = ?")
            params.append(self.flt.salesperson_id)
            sql = (f"SELECT {rollup_column}, day, SUM(lines) FROM daily_revenue"
                   f" WHERE {' AND '.join(clauses)} GROUP BY 1, 2 ORDER BY 1, 2")
        days: dict[int, list[tuple[object, int]]] = {}
        for value, day, lines in self.conn.execute(sql, params):
            days.setdefault(value, []).append((day, int(lines)))
        return {value: _day_numbers(pairs) for value, pairs in days.items()}

    def _group_segment(self, name: str, column: str, seg_name: str, seg_id: int,
                       days: list[tuple[int, int]]) -> _Segment:
        """The lines of one salesperson / channel / category, in date order: a walk of
        the day index over windows of days (day numbers: the sort key's date part) that
        hold about a page of its lines."""
        if seg_id:
            cond, cond_params = [f"{column} = ?"], [seg_id]
        elif name == "category":  # no product, or a product without a category
            cond, cond_params = ["(l.product_id IS NULL OR p.category_id IS NULL)"], []
        else:
            cond, cond_params = [f"{column} IS NULL"], []
        day_list = [d for d, _ in days]
        running = [0]  # lines before each day
        for _d, n in days:
            running.append(running[-1] + n)
        core = _ORDERS_FIRST
        joined: tuple[str, ...] = ()
        if name == "category":  # the line's product decides
            core += " LEFT JOIN products p ON p.id = l.product_id"
            joined = ("p",)
        walk = ["o.day", "o.id", "l.position"]

        flag = "0" if seg_id else self._blank_flag()

        def window(first: int, last: int, after, limit: int) -> list[tuple]:
            return self._select(
                core, [flag, "?", "?", *walk], [*cond, "o.day BETWEEN ? AND ?"],
                [*cond_params, day_list[first], day_list[last]], after, limit,
                key_params=[seg_name, seg_id], after_keys=walk, order_keys=walk,
                joined=joined)

        def fetch(after, limit):
            rows: list[tuple] = []
            last = None if after is None else after[3:]
            if self.descending:
                hi = len(day_list) if after is None else bisect.bisect_right(day_list, after[3])
                while hi > 0 and len(rows) < limit:
                    want = running[hi] - (limit - len(rows))
                    lo = min(hi - 1, max(0, bisect.bisect_right(running, want) - 1))
                    rows += window(lo, hi - 1, last, limit - len(rows))
                    last = rows[-1][R_KEY + 3:] if rows else last
                    hi = lo
            else:
                lo = 0 if after is None else bisect.bisect_left(day_list, after[3])
                while lo < len(day_list) and len(rows) < limit:
                    want = running[lo] + (limit - len(rows))
                    hi = min(len(day_list), max(lo + 1, bisect.bisect_left(running, want)))
                    rows += window(lo, hi - 1, last, limit - len(rows))
                    last = rows[-1][R_KEY + 3:] if rows else last
                    lo = hi
            return rows
        return _Segment(lambda key: (key[1], key[2]) == (seg_name, seg_id), fetch,
                        blank=not seg_id)

    # amount in riel: the dollar index read with the range of exchange rates
    def _segments_amount_khr(self) -> list[_Segment]:
        lo_rate, hi_rate = self.conn.execute(
            "SELECT MIN(rate), MAX(rate) FROM day_rates").fetchone()
        if lo_rate is None:
            return [self._one(_LINES_FIRST, KEYS["amount_khr"])]
        rates = (lo_rate, hi_rate)

        def riel_bounds(usd: int) -> tuple[int, int]:
            """Every riel value a line of `usd` cents can have (rounding included)."""
            low = min((usd - 0.5) * r for r in rates) / 100 - 0.5
            high = max((usd + 0.5) * r for r in rates) / 100 + 0.5
            return math.floor(low) - 1, math.ceil(high) + 1

        def usd_bounds(khr: int) -> tuple[int, int]:
            """Every dollar value (cents) a line of `khr` riel can have."""
            low = min((khr - 0.5) * 100 / r for r in rates) - 0.5
            high = max((khr + 0.5) * 100 / r for r in rates) + 0.5
            return math.floor(low) - 1, math.ceil(high) + 1

        usd_keys = ["l.amount_usd", "l.order_id", "l.position"]
        khr_keys = KEYS["amount_khr"]

        def fetch(after, limit):
            held: list[tuple] = []  # rows read, after the cursor in riel order
            start = []
            if after is not None:
                bound = usd_bounds(after[0])
                start = ([f"l.amount_usd <= {bound[1]}"] if self.descending
                         else [f"l.amount_usd >= {bound[0]}"])
            walked = None  # the last row read from the dollar index
            batch = max(limit, RIEL_BATCH)
            while True:
                read = self._select(
                    _LINES_FIRST, [*khr_keys, *usd_keys], start, [],
                    None if walked is None else walked[R_KEY + 3:], batch,
                    after_keys=usd_keys, order_keys=usd_keys)
                for row in read:
                    if after is None or _comes_after(row[R_KEY:R_KEY + 3], after,
                                                     self.descending):
                        held.append(row)
                done = len(read) < batch
                if read:
                    walked = read[-1]
                held.sort(key=lambda r: r[R_KEY:R_KEY + 3], reverse=self.descending)
                if done:
                    return [r[:R_KEY + 3] for r in held[:limit]]
                # no unread row can come before a held row beyond this riel value
                edge = riel_bounds(walked[R_USD])
                final = [r for r in held if (r[R_KHR] > edge[1] if self.descending
                                             else r[R_KHR] < edge[0])]
                if len(final) >= limit:
                    return [r[:R_KEY + 3] for r in final[:limit]]
        return [_Segment(lambda key: True, fetch)]


def _day_numbers(days: Sequence[tuple[object, int]]) -> list[tuple[int, int]]:
    """(day, lines) pairs read from a rollup, its days as the orders' day numbers (what a
    walk compares with `o.day`): `breakdown_day` holds numbers, `daily_revenue` the
    'YYYY-MM-DD' text."""
    return [(day if isinstance(day, int) else day_number(str(day)), lines)
            for day, lines in days]


def _comes_after(key: tuple, after: tuple, descending: bool) -> bool:
    return key < tuple(after) if descending else key > tuple(after)
