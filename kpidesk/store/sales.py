"""Orders and their sale lines: add, edit, delete and restore (for undo).

Every write is one transaction that also refreshes the rollups of the days
and customer-days it touched, so the dashboard never sees a half-done sale.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date

from kpidesk.store import rollups
from kpidesk.store.db import Store, new_uuid
from kpidesk.store.errors import ValidationError
from kpidesk.store.money import CURRENCIES, convert


@dataclass
class LineInput:
    amount: int  # net, minor units of `currency`; negative = refund
    currency: str = "USD"
    rate: int = 4100
    product_id: int | None = None
    quantity: float = 1.0
    note: str = ""


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
    for line in order.lines:
        if not isinstance(line.amount, int) or isinstance(line.amount, bool):
            raise ValidationError("amount", "not_a_number", value=line.amount)
        if line.currency not in CURRENCIES:
            raise ValidationError("currency", "bad_currency", value=line.currency)
        if not isinstance(line.rate, int) or line.rate <= 0:
            raise ValidationError("rate", "bad_rate", value=line.rate)
        if line.quantity == 0:
            raise ValidationError("quantity", "zero")


def _insert(conn: sqlite3.Connection, order: OrderInput, order_id: int | None = None) -> int:
    cur = conn.execute(
        "INSERT INTO orders(id, uuid, number, date, contact_id, salesperson_id, channel_id,"
        " note, is_daily_total) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (order_id, order.uuid or new_uuid(), order.number or "", check_date(order.date),
         order.contact_id, order.salesperson_id, order.channel_id, order.note or "",
         int(order.is_daily_total)),
    )
    new_id = int(cur.lastrowid)
    _insert_lines(conn, new_id, order.lines)
    return new_id


# A sale line is keyed by its order and its position in it (1, 2, …): it has no id or
# UUID of its own (the order's UUID and the position name it). Insert lines with this.
INSERT_LINE = (
    "INSERT INTO sale_lines(order_id, position, product_id, quantity, amount, currency, rate,"
    " amount_usd, amount_khr, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")


def insert_lines(conn: sqlite3.Connection, order_id: int, lines: list[LineInput]) -> None:
    """Insert an order's lines at positions 1, 2, … (inside the caller's transaction)."""
    conn.executemany(
        INSERT_LINE,
        [(order_id, position, line.product_id, line.quantity, line.amount, line.currency,
          line.rate, *convert(line.amount, line.currency, line.rate), line.note or "")
         for position, line in enumerate(lines, start=1)],
    )


_insert_lines = insert_lines


def _keys(conn: sqlite3.Connection, order_id: int) -> tuple[str, int | None] | None:
    row = conn.execute("SELECT date, contact_id FROM orders WHERE id = ?", (order_id,)).fetchone()
    return (row[0], row[1]) if row else None


def _refresh(conn: sqlite3.Connection, keys: list[tuple[str, int | None]]) -> None:
    rollups.refresh_days(conn, [day for day, _ in keys])
    rollups.refresh_customers(conn, [(contact, day) for day, contact in keys])


def add_order(store: Store, order: OrderInput) -> int:
    """Insert an order with its lines; returns the order id."""
    _validate(order)
    with store.transaction() as conn:
        order_id = _insert(conn, order)
        _refresh(conn, [(order.date, order.contact_id)])
        store.mark_changed("sales")
    return order_id


def get_order(store: Store, order_id: int) -> OrderInput:
    row = store.query("SELECT * FROM orders WHERE id = ?", (order_id,))
    if not row:
        raise ValidationError("order", "not_found", id=order_id)
    o = row[0]
    lines = [
        LineInput(amount=r["amount"], currency=r["currency"], rate=r["rate"],
                  product_id=r["product_id"], quantity=r["quantity"], note=r["note"])
        for r in store.query("SELECT * FROM sale_lines WHERE order_id = ? ORDER BY position", (order_id,))
    ]
    return OrderInput(date=o["date"], lines=lines, number=o["number"], contact_id=o["contact_id"],
                      salesperson_id=o["salesperson_id"], channel_id=o["channel_id"],
                      note=o["note"], is_daily_total=bool(o["is_daily_total"]), uuid=o["uuid"])


def update_order(store: Store, order_id: int, order: OrderInput) -> None:
    """Replace an order's fields and lines (keeps its id and uuid)."""
    _validate(order)
    with store.transaction() as conn:
        old = _keys(conn, order_id)
        if old is None:
            raise ValidationError("order", "not_found", id=order_id)
        conn.execute(
            "UPDATE orders SET number = ?, date = ?, contact_id = ?, salesperson_id = ?,"
            " channel_id = ?, note = ?, is_daily_total = ? WHERE id = ?",
            (order.number or "", order.date, order.contact_id, order.salesperson_id,
             order.channel_id, order.note or "", int(order.is_daily_total), order_id),
        )
        conn.execute("DELETE FROM sale_lines WHERE order_id = ?", (order_id,))
        _insert_lines(conn, order_id, order.lines)
        _refresh(conn, [old, (order.date, order.contact_id)])
        store.mark_changed("sales")


def delete_order(store: Store, order_id: int) -> OrderInput:
    """Delete an order and its lines; returns what is needed to restore it."""
    with store.transaction() as conn:
        snapshot = get_order(store, order_id)
        conn.execute("UPDATE opportunities SET order_id = NULL WHERE order_id = ?", (order_id,))
        conn.execute("DELETE FROM sale_lines WHERE order_id = ?", (order_id,))
        conn.execute("DELETE FROM orders WHERE id = ?", (order_id,))
        _refresh(conn, [(snapshot.date, snapshot.contact_id)])
        store.mark_changed("sales")
    return snapshot


def restore_order(store: Store, order_id: int, snapshot: OrderInput) -> int:
    """Put back a deleted order under its old id and uuid (undo of delete)."""
    _validate(snapshot)
    with store.transaction() as conn:
        _insert(conn, snapshot, order_id)
        _refresh(conn, [(snapshot.date, snapshot.contact_id)])
        store.mark_changed("sales")
    return order_id


def last_rate_of_day(store: Store, day: str) -> int | None:
    """The exchange rate of the last line entered for `day` (None: no sale that day)."""
    row = store.conn.execute(
        "SELECT l.rate FROM orders o JOIN sale_lines l ON l.order_id = o.id"
        " WHERE o.date = ? ORDER BY o.id DESC, l.position DESC LIMIT 1", (day,)).fetchone()
    return int(row[0]) if row else None


def count_orders(store: Store) -> int:
    return int(store.scalar("SELECT count(*) FROM orders") or 0)
