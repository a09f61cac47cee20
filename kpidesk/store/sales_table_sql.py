"""The sales table's SQL pieces: what a row reads (and where in its tuple), each column's
sort key and blank test, and the filter's WHERE with the keyset bound of a page."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kpidesk.store.order_days import day_number

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

# Text is sorted by code point (SQLite's BINARY collation, PostgreSQL's "C" through the
# dialect), whatever the server's locale: both stores give the same order, and the order
# of names in Python (the salespeople's, channels', categories' segments) is the same.
BY_CODE = " COLLATE BINARY"

# The sort key of each column over all lines (the plain ORDER BY of a small set; the
# blank flag goes before it); each segment below reads the same values through
# expressions its index can serve.
KEYS = {
    "date": ["o.day", "o.id", "l.position"],
    "number": [f"o.number{BY_CODE}", "o.id", "l.position"],
    "customer": [f"IFNULL(c.name, ''){BY_CODE}", "IFNULL(o.contact_id, 0)", "o.day", "o.id",
                 "l.position"],
    "salesperson": [f"IFNULL(sp.name, ''){BY_CODE}", "IFNULL(o.salesperson_id, 0)", "o.day",
                    "o.id", "l.position"],
    "channel": [f"IFNULL(ch.name, ''){BY_CODE}", "IFNULL(o.channel_id, 0)", "o.day", "o.id",
                "l.position"],
    "category": [f"IFNULL(cat.name, ''){BY_CODE}", "IFNULL(p.category_id, 0)", "o.day", "o.id",
                 "l.position"],
    "product": [f"IFNULL(p.name, ''){BY_CODE}", "IFNULL(l.product_id, 0)", "o.day", "o.id",
                "l.position"],
    "quantity": ["IFNULL(l.quantity, 1)", "l.order_id", "l.position"],
    "amount_usd": ["l.amount_usd", "l.order_id", "l.position"],
    "amount_khr": ["l.amount_khr", "l.order_id", "l.position"],
    "note": [f"{_NOTE}{BY_CODE}", "l.order_id", "l.position"],
}


@dataclass
class SalesFilter:
    date_from: str | None = None  # ISO, inclusive
    date_to: str | None = None
    salesperson_id: int | None = None  # None = everyone; 0 = no salesperson
    text: str = ""  # customer name/phone, product, receipt number (digits in ASCII)

    def period(self, day: str) -> tuple[list[str], list[object]]:
        """The period's WHERE clauses on the orders' stored day number `day` (its index;
        not the text generated from it) and their parameters, day numbers."""
        clauses: list[str] = []
        params: list[object] = []
        if self.date_from:
            clauses.append(f"{day} >= ?")
            params.append(day_number(self.date_from))
        if self.date_to:
            clauses.append(f"{day} <= ?")
            params.append(day_number(self.date_to))
        return clauses, params

    def where(self, text_ids: tuple[list[int], list[int]] | None = None
              ) -> tuple[list[str], list[object]]:
        """WHERE clauses and parameters. `text_ids`: (contact ids, order ids) already
        known to match the text (see `SalesQuery`)."""
        clauses, params = self.period("o.day")
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


_ALIAS = re.compile(r"^(?:IFNULL\()?(\w+)\.")


def _after_rows(keys: list[str], values: list[object], descending: bool
                ) -> tuple[str, list[object]]:
    """`_after` as PostgreSQL's planner can walk an index from it: a row comparison
    `(k1, k2, k3) > (v1, v2, v3)`, which a multi-column index takes whole as its start,
    where the OR-expanded form bounds only the first column (a page after the 90,000th
    line of one quantity read all 90,000 again). Keys from the first table of the walk
    are bounded by a row of their own, so the index of that table starts there; a walk of
    lines in order (order id first) bounds the orders too (the planner does not carry a
    range across the join, and would read the orders from the first)."""
    op = "<" if descending else ">"
    marks = ", ".join("?" * len(keys))
    clauses = [f"({', '.join(keys)}) {op} ({marks})"]
    params: list[object] = list(values)
    first = _ALIAS.match(keys[0])
    if first:
        same = 0
        while same < len(keys) and (m := _ALIAS.match(keys[same])) and m[1] == first[1]:
            same += 1
        if same < len(keys):
            clauses.insert(0, f"({', '.join(keys[:same])}) {op}= ({', '.join('?' * same)})")
            params = [*values[:same], *params]
    if keys[0] == "l.order_id":
        clauses.insert(0, f"o.id {op}= ?")
        params = [values[0], *params]
    return " AND ".join(clauses), params
