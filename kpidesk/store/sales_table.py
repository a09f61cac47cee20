"""The rows of the sales table, a page at a time, in the order of any column.

A page is read by walking an index in the sort order and stopping after the page
(keyset paging: the next page starts after the last row's sort key), so the first
page of a ten-million-line shop costs what it costs for a hundred lines, and never
the full sort of every line a plain ORDER BY would need.

Each sort order is a sequence of *segments*, each read by one index walk:

- date: the orders' date index, then each order's lines (stored beside each other);
- receipt number: the orders' number index;
- customer: the contacts' name index, each contact's orders through the (contact,
  date) index; then walk-ins, by date;
- salesperson, channel, category: one segment per value (the few salespeople,
  channels and categories in name order), each a walk of the date index narrowed to
  the days the daily rollup says have lines of that value;
- product: the products' name index and each product's lines through the lines'
  product index; then lines without a product;
- quantity: the partial index of quantities other than one, and the lines of one
  unit in order of entry;
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

import bisect
import math
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

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
RIEL_BATCH = 1000  # rows read at a time from the dollar index when sorting riel amounts

_NOTE = "CASE WHEN IFNULL(l.note, '') <> '' THEN l.note ELSE IFNULL(o.note, '') END"

_COLUMNS = (
    "o.date, o.id, l.position, o.number, c.name, sp.name, ch.name, p.name, cat.name,"
    f" l.quantity, l.amount, l.currency, l.amount_usd, l.amount_khr, {_NOTE},"
    " o.is_daily_total")
# Row tuple positions; the sort key's values follow from R_KEY on.
(R_DATE, R_ORDER, R_POSITION, R_NUMBER, R_CUSTOMER, R_SALESPERSON, R_CHANNEL, R_PRODUCT,
 R_CATEGORY, R_QUANTITY, R_AMOUNT, R_CURRENCY, R_USD, R_KHR, R_NOTE, R_DAILY) = range(16)
R_KEY = 16

# The tables a row shows, each joined by its key (a row-id look-up).
_LOOKUPS = {
    "c": "LEFT JOIN contacts c ON c.id = o.contact_id",
    "sp": "LEFT JOIN salespeople sp ON sp.id = o.salesperson_id",
    "ch": "LEFT JOIN channels ch ON ch.id = o.channel_id",
    "p": "LEFT JOIN products p ON p.id = l.product_id",
    "cat": "LEFT JOIN categories cat ON cat.id = p.category_id",
}
_ORDERS_FIRST = "FROM orders o CROSS JOIN sale_lines l ON l.order_id = o.id"
_LINES_FIRST = "FROM sale_lines l CROSS JOIN orders o ON o.id = l.order_id"

# Lines with nothing in the sorted column (a walk-in's customer, no product…) come last
# whichever way the column is sorted, as spreadsheets put blank cells: the sort key of
# those columns starts with a flag, 0 for a value and 1 (ascending) or -1 (descending)
# for a blank.
BLANK = {
    "number": "o.number = ''",
    "customer": "o.contact_id IS NULL",
    "salesperson": "o.salesperson_id IS NULL",
    "channel": "o.channel_id IS NULL",
    "category": "(l.product_id IS NULL OR p.category_id IS NULL)",
    "product": "l.product_id IS NULL",
    "note": f"{_NOTE} = ''",
}

# The sort key of each column over all lines (the plain ORDER BY of a small set; the
# blank flag goes before it); each segment below reads the same values through
# expressions its index can serve.
KEYS = {
    "date": ["o.date", "o.id", "l.position"],
    "number": ["o.number", "o.id", "l.position"],
    "customer": ["IFNULL(c.name, '')", "IFNULL(o.contact_id, 0)", "o.date", "o.id",
                 "l.position"],
    "salesperson": ["IFNULL(sp.name, '')", "IFNULL(o.salesperson_id, 0)", "o.date", "o.id",
                    "l.position"],
    "channel": ["IFNULL(ch.name, '')", "IFNULL(o.channel_id, 0)", "o.date", "o.id",
                "l.position"],
    "category": ["IFNULL(cat.name, '')", "IFNULL(p.category_id, 0)", "o.date", "o.id",
                 "l.position"],
    "product": ["IFNULL(p.name, '')", "IFNULL(l.product_id, 0)", "l.order_id", "l.position"],
    "quantity": ["IFNULL(l.quantity, 1)", "l.order_id", "l.position"],
    "amount_usd": ["l.amount_usd", "l.order_id", "l.position"],
    "amount_khr": ["l.amount_khr", "l.order_id", "l.position"],
    "note": [_NOTE, "l.order_id", "l.position"],
}


@dataclass
class SalesFilter:
    date_from: str | None = None  # ISO, inclusive
    date_to: str | None = None
    salesperson_id: int | None = None  # None = everyone; 0 = no salesperson
    text: str = ""  # customer name/phone, product, receipt number (digits in ASCII)

    def where(self, text_ids: tuple[list[int], list[int]] | None = None
              ) -> tuple[list[str], list[object]]:
        """WHERE clauses and parameters. `text_ids`: (contact ids, order ids) already
        known to match the text (see `SalesQuery`)."""
        clauses: list[str] = []
        params: list[object] = []
        if self.date_from:
            clauses.append("o.date >= ?")
            params.append(self.date_from)
        if self.date_to:
            clauses.append("o.date <= ?")
            params.append(self.date_to)
        if self.salesperson_id == 0:
            clauses.append("o.salesperson_id IS NULL")
        elif self.salesperson_id is not None:
            clauses.append("o.salesperson_id = ?")
            params.append(self.salesperson_id)
        text = self.text.strip()
        if text and text_ids is not None:
            contacts, orders = text_ids
            clauses.append(f"(o.contact_id IN ({_ints(contacts)}) OR o.id IN ({_ints(orders)}))")
        elif text:
            like = f"%{text}%"
            clauses.append(
                "(o.contact_id IN (SELECT id FROM contacts WHERE name LIKE ? OR phone LIKE ?)"
                " OR l.product_id IN (SELECT id FROM products WHERE name LIKE ?)"
                " OR o.number LIKE ?)")
            params.extend([like, like, like, like])
        return clauses, params


def _ints(ids: list[int]) -> str:
    return ",".join(str(int(i)) for i in ids) or "NULL"


def _after(keys: list[str], values: list[object], descending: bool,
           bound_first: bool = True) -> tuple[str, list[object]]:
    """SQL for 'the row comes after `values` in the order of `keys`' (lexicographic)."""
    op = "<" if descending else ">"
    # e1 op v1 OR (e1 = v1 AND (e2 op v2 OR (e2 = v2 AND e3 op v3)))
    sql = f"{keys[-1]} {op} ?"
    params: list[object] = [values[-1]]
    for key, value in zip(reversed(keys[:-1]), reversed(values[:-1]), strict=True):
        sql = f"({key} {op} ? OR ({key} = ? AND {sql}))"
        params = [value, value, *params]
    if not bound_first:
        return sql, params
    # A plain bound on the first key lets SQLite start its index walk there.
    return f"{keys[0]} {op}= ? AND {sql}", [values[0], *params]


@dataclass
class _Segment:
    """Lines with the same leading key values, read by one index walk in key order."""
    contains: Callable[[tuple], bool]  # key values → bool
    fetch: Callable[..., list[tuple]]  # (after key values | None, limit) → rows
    blank: bool = False  # the lines without a value: last, whichever the direction


@dataclass
class SalesQuery:
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
        lines, _usd, _khr = rollup_totals(self.conn, self.flt)
        return lines <= SMALL_SET

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

    def _plain(self, after: tuple | None, limit: int) -> list[tuple]:
        """The filtered lines sorted at once (a small set)."""
        keys = self._flagged(KEYS[self.key_name], BLANK.get(self.sort))
        # "+" keeps SQLite from walking an index in key order through every line: the
        # few filtered lines are found first, then sorted.
        order_keys = [f"+{k}" if i == 0 else k for i, k in enumerate(keys)]
        return self._select(_ORDERS_FIRST, keys, [], [], after[R_KEY:] if after else None,
                            limit, bound_first=False, order_keys=order_keys)

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
             contains=lambda key: True, blank: bool = False) -> _Segment:
        def fetch(after, limit):
            return self._select(core, keys, segment or [], params or [], after, limit,
                                joined=joined)
        return _Segment(contains, fetch, blank)

    def _segments_date(self) -> list[_Segment]:
        return [self._one(_ORDERS_FIRST, KEYS["date"])]

    def _segments_number(self) -> list[_Segment]:
        numbered = self._one(_ORDERS_FIRST, ["0", "o.number", "o.id", "l.position"],
                             segment=["o.number > ''"], contains=lambda key: key[0] == 0)
        blank = self._one(_ORDERS_FIRST, [self._blank_flag(), "''", "o.id", "l.position"],
                          segment=["o.number = ''"], contains=lambda key: key[0] != 0,
                          blank=True)
        return [numbered, blank]

    def _segments_customer(self) -> list[_Segment]:
        walk_ins = self._one(_ORDERS_FIRST,
                             [self._blank_flag(), "''", "0", "o.date", "o.id", "l.position"],
                             segment=["o.contact_id IS NULL"], blank=True,
                             contains=lambda key: key[0] != 0)
        named = self._one(
            "FROM contacts c CROSS JOIN orders o ON o.contact_id = c.id"
            " CROSS JOIN sale_lines l ON l.order_id = o.id",
            ["0", "c.name", "c.id", "o.date", "o.id", "l.position"], joined=("c",),
            contains=lambda key: key[0] == 0)
        return [named, walk_ins]

    def _segments_product(self) -> list[_Segment]:
        none = self._one(_LINES_FIRST, [self._blank_flag(), "''", "0", "l.order_id",
                                        "l.position"],
                         segment=["l.product_id IS NULL"], blank=True,
                         contains=lambda key: key[0] != 0)
        named = self._one(
            "FROM products p CROSS JOIN sale_lines l ON l.product_id = p.id"
            " CROSS JOIN orders o ON o.id = l.order_id",
            ["0", "p.name", "p.id", "l.order_id", "l.position"], joined=("p",),
            contains=lambda key: key[0] == 0)
        return [named, none]

    def _segments_quantity(self) -> list[_Segment]:
        keys = ["l.quantity", "l.order_id", "l.position"]
        below = self._one(_LINES_FIRST, keys, segment=["l.quantity <> 1", "l.quantity < 1"],
                          contains=lambda key: key[0] < 1)
        ones = self._one(_LINES_FIRST, ["1", "l.order_id", "l.position"],
                         segment=["IFNULL(l.quantity, 1) = 1"],
                         contains=lambda key: key[0] == 1)
        above = self._one(_LINES_FIRST, keys, segment=["l.quantity <> 1", "l.quantity > 1"],
                          contains=lambda key: key[0] > 1)
        return [below, ones, above]

    def _segments_amount_usd(self) -> list[_Segment]:
        return [self._one(_LINES_FIRST, KEYS["amount_usd"])]

    def _segments_note(self) -> list[_Segment]:
        plain = self._one(_LINES_FIRST, [self._blank_flag(), "''", "l.order_id", "l.position"],
                          segment=["IFNULL(l.note, '') = ''", "IFNULL(o.note, '') = ''"],
                          contains=lambda key: key[0] != 0, blank=True)

        def noted_fetch(after, limit):
            # lines with a note of their own, and lines of orders with a note (both few:
            # partial indexes); sorted together
            keys = ["0", *KEYS["note"]]
            rows = []
            for core, cond in ((_LINES_FIRST, ["l.note <> ''"]),
                               ("FROM orders o CROSS JOIN sale_lines l ON l.order_id = o.id",
                                ["o.note <> ''", "IFNULL(l.note, '') = ''"])):
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

    def _days_of(self, rollup_column: str) -> dict[int, list[tuple[str, int]]]:
        """{value id (0: none): [(day, lines)…] ascending} from the daily rollup, for
        the days the filter keeps."""
        clauses: list[str] = []
        params: list[object] = []
        if self.flt.date_from:
            clauses.append("day >= ?")
            params.append(self.flt.date_from)
        if self.flt.date_to:
            clauses.append("day <= ?")
            params.append(self.flt.date_to)
        if self.flt.salesperson_id is not None:
            clauses.append("salesperson_id = ?")
            params.append(self.flt.salesperson_id)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        days: dict[int, list[tuple[str, int]]] = {}
        for value, day, lines in self.conn.execute(
                f"SELECT {rollup_column}, day, SUM(lines) FROM daily_revenue{where}"
                f" GROUP BY 1, 2 ORDER BY 1, 2", params):
            days.setdefault(value, []).append((day, lines))
        return days

    def _group_segment(self, name: str, column: str, seg_name: str, seg_id: int,
                       days: list[tuple[str, int]]) -> _Segment:
        """The lines of one salesperson / channel / category, in date order: a walk of
        the date index over windows of days that hold about a page of its lines."""
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
        walk = ["o.date", "o.id", "l.position"]

        flag = "0" if seg_id else self._blank_flag()

        def window(first: int, last: int, after, limit: int) -> list[tuple]:
            return self._select(
                core, [flag, "?", "?", *walk], [*cond, "o.date BETWEEN ? AND ?"],
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


def _comes_after(key: tuple, after: tuple, descending: bool) -> bool:
    return key < tuple(after) if descending else key > tuple(after)


def rollup_totals(conn: sqlite3.Connection, flt: SalesFilter) -> tuple[int, int, int]:
    """(lines, revenue in cents, revenue in riel) of the filter's period and salesperson
    from the daily rollup (the text part of the filter is not looked at)."""
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
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
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
