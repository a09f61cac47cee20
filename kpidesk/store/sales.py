"""Orders and their sale lines: add, edit, delete and restore (for undo).

Every write is one transaction that also refreshes the rollups of the days
and customer-days it touched, so the dashboard never sees a half-done sale.

Staff limits (with an owner PIN set) are enforced here, for every route: editing or
deleting a sale of an earlier day, a refund, and any amount below zero need an owner
session (`security.owner_session`); today's sales, and those entered through this open
shop today, stay editable by staff. `owner_reason()` is the rule; edits, deletes,
refunds and restores are written to the change history in the same transaction.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import cast

from kpidesk.store import breakdowns, history, order_days, rollups, security
from kpidesk.store import receipts as receipts_store
from kpidesk.store.db import Store, inserted_id
from kpidesk.store.errors import ValidationError
from kpidesk.store.money import CURRENCIES, convert
from kpidesk.store.schema import CURRENCY_CODES
from kpidesk.store.topics import Topic
from kpidesk.store.uuids import new_uuid


@dataclass
class LineInput:
    amount: int  # net, minor units of `currency`; negative = refund
    currency: str = "USD"
    rate: int = 4100
    product_id: int | None = None
    quantity: float = 1.0
    note: str = ""
    unit_price: int | None = None  # minor units of `currency` (see receipts.py)
    discount: int = 0
    unit_cost: int | None = None


@dataclass
class OrderInput:
    date: str  # YYYY-MM-DD
    lines: list[LineInput]
    number: str = ""
    contact_id: int | None = None  # None = walk-in
    salesperson_id: int | None = None
    channel_id: int | None = None
    note: str = ""
    is_daily_total: bool = False
    uuid: bytes | None = field(default=None, repr=False)  # as stored (db.new_uuid)
    receipts: int | None = None  # daily totals only: receipts (customers served) that day
    import_id: int | None = None  # the import that added it (kept when a delete is undone)
    payment_id: int | None = None  # see receipts.py
    time: str | None = None  # 'HH:MM'
    refund_of: int | None = None  # the order this one refunds


def check_date(value: str, field_name: str = "date") -> str:
    """The ISO date `value`, or ValidationError('bad_date')."""
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError as exc:
        raise ValidationError(field_name, "bad_date", value=value) from exc


def _validate(order: OrderInput) -> None:
    check_date(order.date)
    if not order.lines:
        raise ValidationError("lines", "no_lines")
    if order.receipts is not None:
        if not order.is_daily_total:
            raise ValidationError("receipts", "daily_totals_only")
        if (not isinstance(order.receipts, int) or isinstance(order.receipts, bool)
                or order.receipts < 0):
            raise ValidationError("receipts", "not_positive", value=order.receipts)
    receipts_store.check_time(order.time)
    for line in order.lines:
        receipts_store.validate_line(line)
        if not isinstance(line.amount, int) or isinstance(line.amount, bool):
            raise ValidationError("amount", "not_a_number", value=line.amount)
        if line.currency not in CURRENCIES:
            raise ValidationError("currency", "bad_currency", value=line.currency)
        if not isinstance(line.rate, int) or line.rate <= 0:
            raise ValidationError("rate", "bad_rate", value=line.rate)
        if line.quantity == 0:
            raise ValidationError("quantity", "zero")


def daily_total_id(conn: sqlite3.Connection, day: str, channel_id: int | None,
                   salesperson_id: int | None, *, other_than: int | None = None) -> int | None:
    """The daily total of this day, channel and salesperson (there is at most one), if any."""
    row = conn.execute(
        "SELECT id FROM orders WHERE is_daily_total = 1 AND date = ? AND channel_id IS ?"
        " AND salesperson_id IS ? AND id IS NOT ? ORDER BY id LIMIT 1",
        (day, channel_id, salesperson_id, other_than)).fetchone()
    return int(row[0]) if row else None


def find_daily_total(store: Store, day: str, channel_id: int | None,
                     salesperson_id: int | None) -> int | None:
    """The order id of the daily total of this day, channel and salesperson, or None."""
    return daily_total_id(store.conn, check_date(day), channel_id, salesperson_id)


def _check_daily_total_free(conn: sqlite3.Connection, order: OrderInput,
                            order_id: int | None = None) -> None:
    """One daily total per day, channel and salesperson: a second one would silently
    stand beside the first (the form replaces it instead, after asking)."""
    if order.is_daily_total:
        existing = daily_total_id(conn, order.date, order.channel_id, order.salesperson_id,
                                  other_than=order_id)
        if existing is not None:
            raise ValidationError("daily_total", "exists", id=existing)


# -- staff limits ----------------------------------------------------------------------
def owner_reason(kind: str, before: OrderInput | None, after: OrderInput | None,
                 today: date, own: bool = False) -> str | None:
    """Why a change of a sale is the owner's, or None when staff may make it.

    `kind`: 'add', 'edit', 'delete' or 'restore' (putting a deleted sale back).
    'negative': a refund or any amount below zero, before or after the change;
    'past_day': editing, deleting or putting back a sale of an earlier day, or moving
    one to an earlier day, unless `own` (entered through this open shop today).
    """
    for order in (before, after):
        if order is not None and any(line.amount < 0 for line in order.lines):
            return "negative"
    if kind == "add" or own:
        return None
    day = today.isoformat()
    if any(order is not None and order.date < day for order in (before, after)):
        return "past_day"
    return None


def change_reason(store: Store, kind: str, order_id: int | None, before: OrderInput | None,
                  after: OrderInput | None) -> str | None:
    """`owner_reason()` for a change of this shop's order (its own-today state known)."""
    return owner_reason(kind, before, after, security.today(store),
                        own=security.is_own_order(store, order_id))


def _demand(store: Store, kind: str, order_id: int | None, before: OrderInput | None,
            after: OrderInput | None) -> None:
    reason = change_reason(store, kind, order_id, before, after)
    if reason is not None:
        security.demand_owner(store, reason)


def summary(order: OrderInput) -> dict:
    """What the change history keeps of a sale: its date, receipt and amounts."""
    return {"date": order.date, "number": order.number or "",
            "lines": [[line.amount, line.currency] for line in order.lines],
            "customer": order.contact_id, "salesperson": order.salesperson_id}


def usual_unit_price(store: Store, product_id: int | None, limit: int = 50) -> int | None:
    """The median price of one unit of a product in US cents over its latest sales
    (at least three), or None (for the "looks wrong" check of the Sales form)."""
    if product_id is None:
        return None
    rows = latest_unit_values(store.conn, product_id, limit)
    prices = sorted(usd / qty for usd, qty in rows)
    if len(prices) < 3:
        return None
    mid = len(prices) // 2
    return round(prices[mid] if len(prices) % 2 else (prices[mid - 1] + prices[mid]) / 2)


_SOLD = " AND l.amount_usd > 0 AND l.quantity > 0"


def latest_unit_values(conn: sqlite3.Connection, product_id: int,
                       limit: int) -> list[tuple[int, float]]:
    """(amount in cents, quantity) of the latest `limit` lines of a product sold (amount
    and quantity above zero), newest first in order of entry (order, then position).

    The lines are not indexed by product: whole days it sold on, the newest first (from
    the breakdown rollup), are read through the orders' date index until they hold
    `limit` such lines. A sale entered later but dated earlier (a late entry) may still
    be among the latest: every order entered since the `limit`-th line found and dated
    before the days read is looked at too (few, read by order id)."""
    found: list[tuple[int, int, int, float]] = []  # (order id, position, cents, quantity)
    last: str | None = None
    oldest: int | None = None  # the day number of the oldest day read
    while len(found) < limit:
        days = breakdowns.product_days(conn, product_id, last=last, newest=limit)
        hi = len(days)
        while hi > 0 and len(found) < limit:
            lo, lines = hi - 1, days[hi - 1][1]
            while lo > 0 and lines < limit - len(found):
                lo -= 1
                lines += days[lo][1]
            found += conn.execute(
                "SELECT l.order_id, l.position, l.amount_usd, l.quantity FROM orders o"
                " CROSS JOIN sale_lines l ON l.order_id = o.id WHERE o.day BETWEEN ? AND ?"
                f" AND l.product_id = ?{_SOLD}",
                (days[lo][0], days[hi - 1][0], product_id)).fetchall()
            oldest, hi = days[lo][0], lo
        if len(days) < limit:
            break  # no earlier day: every line of the product was read
        last = order_days.iso_day(days[0][0] - 1)
    found.sort(reverse=True)
    if len(found) >= limit and oldest is not None:
        # an unread line among the latest has an order id at least the limit-th one's
        # and a date before the days read (+ keeps the day index out: the few orders
        # entered since are read by id)
        found += conn.execute(
            "SELECT l.order_id, l.position, l.amount_usd, l.quantity FROM orders o"
            " CROSS JOIN sale_lines l ON l.order_id = o.id WHERE o.id >= ?"
            f" AND +o.day < ? AND l.product_id = ?{_SOLD}",
            (found[limit - 1][0], oldest, product_id)).fetchall()
        found.sort(reverse=True)
    return [(usd, quantity) for _order, _position, usd, quantity in found[:limit]]


def usual_daily_total(store: Store, limit: int = 60) -> int | None:
    """The median of the latest daily totals (one currency's line each) in US cents, or
    None with fewer than three (the "looks wrong" check of a daily total)."""
    rows = store.conn.execute(
        "SELECT l.amount_usd FROM orders o JOIN sale_lines l ON l.order_id = o.id"
        " WHERE o.is_daily_total = 1 AND l.amount_usd > 0 ORDER BY o.date DESC LIMIT ?",
        (limit,)).fetchall()
    values = sorted(r[0] for r in rows)
    if len(values) < 3:
        return None
    mid = len(values) // 2
    return round(values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2)


def _insert(conn: sqlite3.Connection, order: OrderInput, order_id: int | None = None) -> int:
    columns, rows = order_days.stored_order(conn, ORDER_COLUMNS, [(
        order_id, order.uuid or new_uuid(), order.number or "", check_date(order.date),
        order.contact_id, order.salesperson_id, order.channel_id, order.note or "",
        int(order.is_daily_total), order.receipts if order.is_daily_total else None,
        order.import_id)])
    cur = conn.execute(_insert_sql("orders", columns), *rows)
    new_id = inserted_id(cur)
    _insert_lines(conn, new_id, order.lines)
    receipts_store.write_order_details(conn, new_id, order)
    return new_id


def net_quantity(line: LineInput) -> float:
    """The quantity as stored: a refund line (negative amount) has a negative quantity,
    so quantities sold are net of refunds (KPI.md Conventions)."""
    return -abs(line.quantity) if line.amount < 0 else line.quantity


# The one write path of sale rows: the form (add_order), the importer and the demo shop
# all insert orders and lines with these two statements (`write_sale_rows` for many).
# A sale line is keyed by its order and its position in it (1, 2, …): it has no id or
# UUID of its own (the order's UUID and the position name it).
ORDER_COLUMNS = ("id", "uuid", "number", "date", "contact_id", "salesperson_id", "channel_id",
                 "note", "is_daily_total", "receipts", "import_id")
LINE_COLUMNS = ("order_id", "position", "product_id", "quantity", "amount", "currency", "rate",
                "amount_usd", "amount_khr", "note")
# The receipt details (schema `add_sale_details`) that rows may carry after those columns.
ORDER_DETAIL_COLUMNS = ("payment_id", "time")
LINE_DETAIL_COLUMNS = ("unit_price", "discount", "unit_cost", "cost_usd", "cost_khr",
                       "discount_usd", "discount_khr")


# What the file stores of a line (schema.lean_sale_lines): the currency as a code, the
# amount and the cost in the line's currency only; the columns left out are generated
# from these (converted as money.convert does), so readers see LINE_COLUMNS unchanged.
STORED_LINE_COLUMNS = ("order_id", "position", "product_id", "quantity", "amount", "cur",
                       "rate", "note")
STORED_LINE_DETAIL_COLUMNS = ("unit_price", "discount", "unit_cost", "cost")


def stored_line(values: Sequence[object]) -> tuple:
    """A line given in LINE_COLUMNS order (then LINE_DETAIL_COLUMNS, if any) as the file
    stores it (STORED_LINE_COLUMNS, then STORED_LINE_DETAIL_COLUMNS)."""
    (order_id, position, product_id, quantity, amount, currency, rate, usd, khr,
     note) = values[:10]
    code = CURRENCY_CODES.get(str(currency))
    if code is None or (usd, khr) != convert(cast(int, amount), str(currency), cast(int, rate)):
        # the generated pair would differ from what was given: refuse, never store it wrong
        raise ValueError(f"line {amount!r} {currency} at {rate!r}: not converted as stored")
    row: tuple = (order_id, position, product_id, quantity, amount, code, rate, note)
    if len(values) > 10:
        price, discount, unit_cost, cost_usd, cost_khr = values[10:15]
        row += (price, discount, unit_cost, cost_khr if code else cost_usd)
    return row


def _insert_sql(table: str, columns: Sequence[str]) -> str:
    return (f"INSERT INTO {table}({', '.join(columns)})"
            f" VALUES ({', '.join('?' * len(columns))})")


INSERT_LINE = _insert_sql("sale_lines", STORED_LINE_COLUMNS)
_INSERT_LINE_WITH_DETAILS = _insert_sql("sale_lines",
                                        STORED_LINE_COLUMNS + STORED_LINE_DETAIL_COLUMNS)


def write_sale_rows(conn: sqlite3.Connection, orders: Iterable[Sequence[object]],
                    lines: Iterable[Sequence[object]], *, with_details: bool = False) -> None:
    """Insert orders (values in ORDER_COLUMNS order) and their lines (LINE_COLUMNS), inside
    the caller's transaction; the caller refreshes or rebuilds the rollups. With
    `with_details`, each order row goes on with ORDER_DETAIL_COLUMNS and each line with
    LINE_DETAIL_COLUMNS."""
    columns, rows = order_days.stored_order(
        conn, ORDER_COLUMNS + ORDER_DETAIL_COLUMNS if with_details else ORDER_COLUMNS, orders)
    conn.executemany(_insert_sql("orders", columns), rows)
    conn.executemany(_INSERT_LINE_WITH_DETAILS if with_details else INSERT_LINE,
                     (stored_line(line) for line in lines))


def insert_lines(conn: sqlite3.Connection, order_id: int, lines: list[LineInput]) -> None:
    """Insert an order's lines at positions 1, 2, … (inside the caller's transaction)."""
    conn.executemany(
        INSERT_LINE,
        [stored_line((order_id, position, line.product_id, net_quantity(line), line.amount,
                      line.currency, line.rate, *convert(line.amount, line.currency, line.rate),
                      line.note or ""))
         for position, line in enumerate(lines, start=1)],
    )
    receipts_store.write_line_details(conn, order_id, lines, [net_quantity(x) for x in lines])


_insert_lines = insert_lines


def _keys(conn: sqlite3.Connection, order_id: int) -> tuple[str, int | None] | None:
    row = conn.execute("SELECT date, contact_id FROM orders WHERE id = ?", (order_id,)).fetchone()
    return (row[0], row[1]) if row else None


def _refresh(conn: sqlite3.Connection, keys: list[tuple[str, int | None]]) -> None:
    rollups.refresh_days(conn, [day for day, _ in keys])
    rollups.refresh_customers(conn, [(contact, day) for day, contact in keys])


def _note_scope(store: Store, orders: list[OrderInput]) -> None:
    """Tell the store what this write touched (the orders as they were and are), so the
    figures that read none of it stay remembered (`store/write_scope.py`)."""
    store.note_scope([o.date for o in orders], [o.contact_id for o in orders],
                     [o.salesperson_id for o in orders])


def add_order(store: Store, order: OrderInput) -> int:
    """Insert an order with its lines; returns the order id."""
    _validate(order)
    _demand(store, "add", None, None, order)
    with store.transaction() as conn:
        _check_daily_total_free(conn, order)
        order_id = _insert(conn, order)
        _refresh(conn, [(order.date, order.contact_id)])
        if any(line.amount < 0 for line in order.lines):
            history.note(store, "refund", f"order {order_id}", None, summary(order))
        store.mark_changed(Topic.SALES)
        _note_scope(store, [order])
    security.note_own_order(store, order_id)
    return order_id


def get_order(store: Store, order_id: int) -> OrderInput:
    row = store.query("SELECT * FROM orders WHERE id = ?", (order_id,))
    if not row:
        raise ValidationError("order", "not_found", id=order_id)
    o = row[0]
    lines = [
        LineInput(amount=r["amount"], currency=r["currency"], rate=r["rate"],
                  product_id=r["product_id"], quantity=r["quantity"], note=r["note"])
        for r in store.query("SELECT * FROM sale_lines WHERE order_id = ? ORDER BY position",
                             (order_id,))
    ]
    details, line_details = receipts_store.read_details(store.conn, order_id)
    for line, extra in zip(lines, line_details, strict=True):
        line.unit_price, line.discount, line.unit_cost = (
            extra["unit_price"], extra["discount"], extra["unit_cost"])
    return OrderInput(date=o["date"], lines=lines, number=o["number"], contact_id=o["contact_id"],
                      salesperson_id=o["salesperson_id"], channel_id=o["channel_id"],
                      note=o["note"], is_daily_total=bool(o["is_daily_total"]), uuid=o["uuid"],
                      receipts=o["receipts"], import_id=o["import_id"], **details)


def update_order(store: Store, order_id: int, order: OrderInput) -> None:
    """Replace an order's fields and lines (keeps its id and uuid)."""
    _validate(order)
    with store.transaction() as conn:
        old = _keys(conn, order_id)
        if old is None:
            raise ValidationError("order", "not_found", id=order_id)
        previous = get_order(store, order_id)
        _demand(store, "edit", order_id, previous, order)
        _check_daily_total_free(conn, order, order_id)
        (date_column,), rows = order_days.stored_order(conn, ("date",), [(order.date,)])
        (date_value,) = next(iter(rows))
        conn.execute(
            f"UPDATE orders SET number = ?, {date_column} = ?, contact_id = ?,"
            " salesperson_id = ?, channel_id = ?, note = ?, is_daily_total = ?, receipts = ?"
            " WHERE id = ?",
            (order.number or "", date_value, order.contact_id, order.salesperson_id,
             order.channel_id, order.note or "", int(order.is_daily_total),
             order.receipts if order.is_daily_total else None, order_id),
        )
        conn.execute("DELETE FROM sale_lines WHERE order_id = ?", (order_id,))
        _insert_lines(conn, order_id, order.lines)
        receipts_store.write_order_details(conn, order_id, order)
        _refresh(conn, [old, (order.date, order.contact_id)])
        history.note(store, "edit_sale", f"order {order_id}", summary(previous), summary(order))
        store.mark_changed(Topic.SALES)
        _note_scope(store, [previous, order])


def delete_order(store: Store, order_id: int) -> OrderInput:
    """Delete an order and its lines; returns what is needed to restore it."""
    with store.transaction() as conn:
        snapshot = get_order(store, order_id)
        _demand(store, "delete", order_id, snapshot, None)
        conn.execute("UPDATE opportunities SET order_id = NULL WHERE order_id = ?", (order_id,))
        conn.execute("DELETE FROM sale_lines WHERE order_id = ?", (order_id,))
        conn.execute("DELETE FROM orders WHERE id = ?", (order_id,))
        _refresh(conn, [(snapshot.date, snapshot.contact_id)])
        history.note(store, "delete_sale", f"order {order_id}", summary(snapshot), None)
        store.mark_changed(Topic.SALES)
        _note_scope(store, [snapshot])
    return snapshot


def restore_order(store: Store, order_id: int, snapshot: OrderInput) -> int:
    """Put back a deleted order under its old id and uuid (undo of delete)."""
    _validate(snapshot)
    _demand(store, "restore", order_id, None, snapshot)
    with store.transaction() as conn:
        _insert(conn, snapshot, order_id)
        _refresh(conn, [(snapshot.date, snapshot.contact_id)])
        history.note(store, "undelete", f"order {order_id}", None, summary(snapshot))
        store.mark_changed(Topic.SALES)
        _note_scope(store, [snapshot])
    return order_id


def last_rate_of_day(store: Store, day: str) -> int | None:
    """The exchange rate of the last line entered for `day` (None: no sale that day)."""
    row = store.conn.execute(
        "SELECT l.rate FROM orders o JOIN sale_lines l ON l.order_id = o.id"
        " WHERE o.day = ? ORDER BY o.id DESC, l.position DESC LIMIT 1",
        (order_days.day_number(day),)).fetchone()
    return int(row[0]) if row else None


def date_span(store: Store) -> tuple[str | None, str | None]:
    """The first and last order dates (ISO), or (None, None) for a shop with no sale."""
    # Two statements: SQLite answers MIN or MAX alone from the index, not both at once.
    low = store.scalar("SELECT MIN(day) FROM orders")
    high = store.scalar("SELECT MAX(day) FROM orders")
    return (None if low is None else order_days.iso_day(low),
            None if high is None else order_days.iso_day(high))


def has_orders(store: Store) -> bool:
    return store.scalar("SELECT 1 FROM orders LIMIT 1") is not None


def first_revenue_day(store: Store) -> str | None:
    """The first day in the daily revenue rollup (ISO), or None."""
    value = store.scalar("SELECT MIN(day) FROM daily_revenue")
    return str(value) if value else None
