"""Receipts of several priced lines, payment methods, times of day, costs and refunds
(KPI.md Conventions "Line fields", "Refund").

Each sale line may carry its unit price, a discount (money, per line) and a unit cost, all
in minor units of the line's currency; the line's cost (quantity × unit cost) is stored in
its currency, and it and the discount are read converted to both currencies (generated
columns, `schema.LINE_GENERATED`, exactly as `money.convert` converts), so the rollups sum
columns. Each order may carry its payment method, its
time of day ('HH:MM') and, for a refund, the order it refunds.

Products keep a usual unit price and unit cost (in `price_currency`) that the Sales form
fills in. Payment methods are a named list like channels, seeded with the usual ones.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING

from kpidesk.store import breakdowns, dialect, history, order_days, security
from kpidesk.store.db import Store, inserted_id
from kpidesk.store.errors import ValidationError
from kpidesk.store.money import CURRENCIES, convert
from kpidesk.store.topics import Topic
from kpidesk.store.uuids import new_uuid

if TYPE_CHECKING:  # sales imports this module
    from kpidesk.store.sales import OrderInput

DEFAULT_PAYMENT_METHODS = ["Cash USD", "Cash riel", "KHQR", "Bank app", "Card", "On credit",
                           "Other"]

_COLUMNS = {
    "sale_lines": [("unit_price", "INTEGER"), ("discount", "INTEGER"), ("unit_cost", "INTEGER"),
                   ("cost_usd", "INTEGER"), ("cost_khr", "INTEGER"),
                   ("discount_usd", "INTEGER"), ("discount_khr", "INTEGER")],
    "orders": [("payment_id", "INTEGER REFERENCES payment_methods(id)"), ("time", "TEXT"),
               ("refund_of", "INTEGER")],
    "products": [("unit_price", "INTEGER"), ("unit_cost", "INTEGER"),
                 ("price_currency", "TEXT")],
}

_TIME_RE = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")


def _has_column(conn: sqlite3.Connection, table: str, column: str) -> bool:
    return column in dialect.column_names(conn, table)


def add_schema(conn: sqlite3.Connection) -> None:
    """Columns, the payment methods (seeded), indexes and the breakdown rollup (filled)."""
    conn.execute("CREATE TABLE IF NOT EXISTS payment_methods (id INTEGER PRIMARY KEY,"
                 " uuid BLOB NOT NULL, name TEXT NOT NULL, position INTEGER NOT NULL DEFAULT 0,"
                 " active INTEGER NOT NULL DEFAULT 1)")
    if not conn.execute("SELECT 1 FROM payment_methods LIMIT 1").fetchone():
        conn.executemany("INSERT INTO payment_methods (uuid, name, position) VALUES (?, ?, ?)",
                         [(new_uuid(), name, i)
                          for i, name in enumerate(DEFAULT_PAYMENT_METHODS, start=1)])
    for table, columns in _COLUMNS.items():
        for name, kind in columns:
            if not _has_column(conn, table, name):
                conn.execute(f"ALTER TABLE {table} ADD COLUMN {name} {kind}")
    # the refunds of a sale (one refund per sale; the sales table shows the link)
    conn.execute("CREATE INDEX IF NOT EXISTS idx_orders_refund_of ON orders(refund_of)"
                 " WHERE refund_of IS NOT NULL")
    breakdowns.create(conn)
    breakdowns.rebuild(conn)


# -- payment methods -------------------------------------------------------------------
@dataclass(frozen=True)
class PaymentMethod:
    id: int
    name: str
    active: bool


def payment_methods(store: Store, *, active_only: bool = False) -> list[PaymentMethod]:
    """The payment methods in their order."""
    where = " WHERE active = 1" if active_only else ""
    return [PaymentMethod(r[0], r[1], bool(r[2])) for r in store.conn.execute(
        f"SELECT id, name, active FROM payment_methods{where} ORDER BY position, id")]


def add_payment_method(store: Store, name: str) -> int:
    """A new payment method (the owner's, as every setting)."""
    name = name.strip()
    if not name:
        raise ValidationError("name", "required")
    security.demand_owner(store, "setting")
    with store.transaction() as conn:
        if conn.execute("SELECT 1 FROM payment_methods WHERE name = ? COLLATE NOCASE",
                        (name,)).fetchone():
            raise ValidationError("name", "duplicate", name=name)
        position = conn.execute("SELECT IFNULL(MAX(position), 0) + 1 FROM payment_methods"
                                ).fetchone()[0]
        new_id = inserted_id(conn.execute(
            "INSERT INTO payment_methods (uuid, name, position) VALUES (?, ?, ?)",
            (new_uuid(), name, position)))
        history.note(store, "setting", f"payment_methods {new_id}", None, {"name": name})
        store.mark_changed(Topic.SETTINGS)
    return new_id


def rename_payment_method(store: Store, method_id: int, name: str) -> None:
    name = name.strip()
    if not name:
        raise ValidationError("name", "required")
    security.demand_owner(store, "setting")
    with store.transaction() as conn:
        row = conn.execute("SELECT name FROM payment_methods WHERE id = ?",
                           (method_id,)).fetchone()
        if row is None:
            raise ValidationError("payment", "not_found", id=method_id)
        if conn.execute("SELECT 1 FROM payment_methods WHERE name = ? COLLATE NOCASE"
                        " AND id <> ?", (name, method_id)).fetchone():
            raise ValidationError("name", "duplicate", name=name)
        conn.execute("UPDATE payment_methods SET name = ? WHERE id = ?", (name, method_id))
        history.note(store, "setting", f"payment_methods {method_id}", {"name": row[0]},
                     {"name": name})
        store.mark_changed(Topic.SETTINGS)


def set_payment_method_active(store: Store, method_id: int, active: bool) -> None:
    """Hide a payment method from the Sales form (its past sales keep it)."""
    security.demand_owner(store, "setting")
    with store.transaction() as conn:
        conn.execute("UPDATE payment_methods SET active = ? WHERE id = ?",
                     (int(active), method_id))
        history.note(store, "setting", f"payment_methods {method_id}", None,
                     {"active": bool(active)})
        store.mark_changed(Topic.SETTINGS)


# -- product prices and costs ----------------------------------------------------------
@dataclass(frozen=True)
class ProductPrice:
    product_id: int
    unit_price: int | None  # minor units of `currency`
    unit_cost: int | None
    currency: str


def product_price(store: Store, product_id: int) -> ProductPrice | None:
    row = store.conn.execute("SELECT unit_price, unit_cost, price_currency FROM products"
                             " WHERE id = ?", (product_id,)).fetchone()
    if row is None:
        return None
    return ProductPrice(product_id, row[0], row[1], row[2] or "USD")


def product_prices(store: Store) -> list[tuple[int, str, ProductPrice]]:
    """(id, name, price) of every active product, by name (Settings' price list)."""
    return [(r[0], r[1], ProductPrice(r[0], r[2], r[3], r[4] or "USD"))
            for r in store.conn.execute(
                "SELECT id, name, unit_price, unit_cost, price_currency FROM products"
                " WHERE active = 1 ORDER BY name COLLATE NOCASE")]


def set_product_price(store: Store, product_id: int, *, unit_price: int | None,
                      unit_cost: int | None, currency: str = "USD") -> None:
    """A product's usual unit price and unit cost (Settings; the owner's). Past lines keep
    the cost they were saved with."""
    if currency not in CURRENCIES:
        raise ValidationError("currency", "bad_currency", value=currency)
    for field_name, value in (("unit_price", unit_price), ("unit_cost", unit_cost)):
        if value is not None and (not isinstance(value, int) or value < 0):
            raise ValidationError(field_name, "not_positive", value=value)
    security.demand_owner(store, "setting")
    with store.transaction() as conn:
        before = product_price(store, product_id)
        if before is None:
            raise ValidationError("product", "not_found", id=product_id)
        conn.execute("UPDATE products SET unit_price = ?, unit_cost = ?, price_currency = ?"
                     " WHERE id = ?", (unit_price, unit_cost, currency, product_id))
        history.note(store, "setting", f"products {product_id}",
                     {"unit_price": before.unit_price, "unit_cost": before.unit_cost,
                      "currency": before.currency},
                     {"unit_price": unit_price, "unit_cost": unit_cost, "currency": currency})
        store.mark_changed(Topic.SETTINGS)


# -- line and order details ------------------------------------------------------------
def line_amount(quantity: float, unit_price: int, discount: int = 0) -> int:
    """amount = quantity × unit price − discount, rounded half to even to the minor unit
    (KPI.md "Line fields")."""
    return round(quantity * unit_price) - discount


def check_time(value: str | None) -> str | None:
    """'HH:MM' (a time given as 'H:MM' or 'HH:MM:SS' is normalised), None for none."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    m = re.match(r"^(\d{1,2}):(\d{2})(?::\d{2}(?:\.\d+)?)?$", text)
    if m:
        text = f"{int(m.group(1)):02d}:{m.group(2)}"
    if not _TIME_RE.match(text):
        raise ValidationError("time", "bad_time", value=value)
    return text


def line_cost(quantity: float, unit_cost: int | None, currency: str,
              rate: int) -> tuple[int, int] | tuple[None, None]:
    """(cents, riel) of quantity × unit cost, or (None, None) when the cost is not known."""
    if unit_cost is None:
        return None, None
    return convert(round(quantity * unit_cost), currency, rate)


def validate_line(line: object) -> None:
    """Refuse a negative price, cost or discount (a refund is a negative quantity)."""
    for field_name in ("unit_price", "unit_cost", "discount"):
        value = getattr(line, field_name, None)
        if value is not None and (not isinstance(value, int) or isinstance(value, bool)
                                  or value < 0):
            raise ValidationError(field_name, "not_positive", value=value)
    price, discount = getattr(line, "unit_price", None), getattr(line, "discount", None) or 0
    if price is not None and discount > abs(getattr(line, "quantity", 1)) * price:
        raise ValidationError("discount", "above_price", value=discount)


def write_line_details(conn: sqlite3.Connection, order_id: int, lines: list,
                       quantities: list[float]) -> None:
    """Store the price, discount and cost of an order's lines (positions 1, 2, …;
    `quantities` as stored, net of refunds) inside the caller's transaction. The cost is
    stored in the line's currency; its value in the other currency and the discount's in
    both are generated columns (`schema.LINE_GENERATED`: a refund's discount counts back)."""
    rows = []
    for position, (line, quantity) in enumerate(zip(lines, quantities, strict=True), start=1):
        price = getattr(line, "unit_price", None)
        cost = getattr(line, "unit_cost", None)
        discount = getattr(line, "discount", None) or 0
        if price is None and cost is None and not discount:
            continue
        own_cost = None if cost is None else round(quantity * cost)
        rows.append((price, discount or None, cost, own_cost, order_id, position))
    if rows:
        conn.executemany(
            "UPDATE sale_lines SET unit_price = ?, discount = ?, unit_cost = ?, cost = ?"
            " WHERE order_id = ? AND position = ?", rows)


def write_order_details(conn: sqlite3.Connection, order_id: int, order: object) -> None:
    """Store an order's payment method, time and refunded order (caller's transaction)."""
    payment_id = getattr(order, "payment_id", None)
    time = check_time(getattr(order, "time", None))
    refund_of = getattr(order, "refund_of", None)
    (time_column,), rows = order_days.stored_order(conn, ("time",), [(time,)])
    conn.execute(f"UPDATE orders SET payment_id = ?, {time_column} = ?, refund_of = ?"
                 " WHERE id = ?", (payment_id, *next(iter(rows)), refund_of, order_id))


def read_details(conn: sqlite3.Connection, order_id: int) -> tuple[dict, list[dict]]:
    """(order details, line details by position) as stored, for get_order."""
    row = conn.execute("SELECT payment_id, time, refund_of FROM orders WHERE id = ?",
                       (order_id,)).fetchone()
    order = {"payment_id": row[0], "time": row[1], "refund_of": row[2]} if row else {}
    lines = [{"unit_price": r[0], "discount": r[1] or 0, "unit_cost": r[2]}
             for r in conn.execute("SELECT unit_price, discount, unit_cost FROM sale_lines"
                                   " WHERE order_id = ? ORDER BY position", (order_id,))]
    return order, lines


# -- refunds -----------------------------------------------------------------------------
def refunds_of(store: Store, order_id: int) -> list[int]:
    """The orders that refund this one."""
    return [r[0] for r in store.conn.execute(
        "SELECT id FROM orders WHERE refund_of = ? ORDER BY id", (order_id,))]


@dataclass(frozen=True)
class GivenBack:
    """What the refunds of a sale gave back on one of its lines, so far."""
    quantity: float = 0
    amount: int = 0
    discount: int = 0


def given_back(store: Store, order_id: int) -> dict[int, GivenBack] | None:
    """{position: GivenBack} of the sale's lines, summed over its refunds; None when a
    refund's lines cannot be told apart (not made line by line from this sale).

    A refund holds the negatives of the lines it gives back, in the sale's line order:
    each of its lines is matched to the next line of the sale with the same product,
    currency, unit price and note."""
    from kpidesk.store import sales

    original = sales.get_order(store, order_id).lines
    back: dict[int, GivenBack] = {}
    for refund_id in refunds_of(store, order_id):
        position = 0
        for line in sales.get_order(store, refund_id).lines:
            while position < len(original) and not _same_item(original[position], line):
                position += 1
            if position == len(original):
                return None
            was = back.get(position + 1, GivenBack())
            back[position + 1] = GivenBack(was.quantity + abs(line.quantity),
                                           was.amount + abs(line.amount),
                                           was.discount + abs(line.discount or 0))
            position += 1
    return back


def refunds_fit(store: Store, order_id: int) -> bool:
    """Whether the refunds linked to a sale are its own lines, each giving back no more
    than the line sold (quantity and amount): what `given_back` can account for."""
    from kpidesk.store import sales

    back = given_back(store, order_id)
    if back is None:
        return False
    lines = sales.get_order(store, order_id).lines
    return all(b.quantity <= abs(lines[p - 1].quantity) and b.amount <= abs(lines[p - 1].amount)
               for p, b in back.items())


def _same_item(sold, returned) -> bool:
    return (sold.product_id, sold.currency, sold.unit_price, sold.note) == (
        returned.product_id, returned.currency, returned.unit_price, returned.note)


def refund_input(store: Store, order_id: int, *, day: str, time: str | None = None,
                 positions: list[int] | None = None,
                 quantities: dict[int, float] | None = None) -> OrderInput:
    """The refund of a sale as an OrderInput (not saved): dated `day`, the negative of what
    is left on its lines (all, those at `positions`, or `quantities` {position: items given
    back}), linked to it. A sale may be refunded in several steps, up to what each line
    sold: the amount, discount and cost of a part are in proportion, rounded so that the
    parts of a line add up to exactly the line. A refund, a daily total or a sale with
    nothing left to give back is refused, and so is giving back more than is left."""
    from kpidesk.store import sales

    original = sales.get_order(store, order_id)
    if any(line.amount < 0 for line in original.lines) or original.is_daily_total:
        raise ValidationError("refund", "not_refundable", id=order_id)
    back_so_far = given_back(store, order_id)
    if back_so_far is None:
        raise ValidationError("refund", "already_refunded", id=order_id)
    left = {i: abs(line.quantity) - back_so_far.get(i, GivenBack()).quantity
            for i, line in enumerate(original.lines, start=1)}
    if not any(q > 0 for q in left.values()):
        raise ValidationError("refund", "already_refunded", id=order_id)
    if quantities is not None:
        positions = [p for p, q in quantities.items() if q]
    chosen = [(i, line) for i, line in enumerate(original.lines, start=1)
              if (positions is None or i in positions) and (quantities or left[i] > 0)]
    if not chosen:
        raise ValidationError("lines", "no_lines")
    lines = []
    for position, line in chosen:
        sold = abs(line.quantity)
        before = back_so_far.get(position, GivenBack())
        back = left[position] if quantities is None else abs(quantities[position])
        if back > sold:
            raise ValidationError("quantity", "above_sold", position=position, sold=sold)
        if back > left[position]:
            raise ValidationError("quantity", "above_left", position=position,
                                  left=left[position])
        # this part = (what is back after it) - (what was back before), each in proportion
        # of the line: the parts of a line add up to the line exactly
        done = before.quantity + back

        def part(total: int, so_far: int, done: float = done, sold: float = sold) -> int:
            return (total if done >= sold else round(total * done / sold)) - so_far

        lines.append(sales.LineInput(
            amount=-part(line.amount, before.amount), currency=line.currency,
            rate=line.rate, product_id=line.product_id, quantity=-back, note=line.note,
            unit_price=line.unit_price,
            discount=None if line.discount is None else part(line.discount, before.discount),
            unit_cost=line.unit_cost))
    return sales.OrderInput(
        date=sales.check_date(day), lines=lines,
        number=original.number + "-R" if original.number else "",
        contact_id=original.contact_id, salesperson_id=original.salesperson_id,
        channel_id=original.channel_id, payment_id=original.payment_id,
        time=time, refund_of=order_id)


def refund_order(store: Store, order_id: int, *, day: str, time: str | None = None,
                 positions: list[int] | None = None,
                 quantities: dict[int, float] | None = None) -> int:
    """Refund a sale (see `refund_input`); the owner's when a PIN is set (a refund is an
    amount below zero). Returns the refund's order id."""
    from kpidesk.store import sales

    with store.transaction():  # the check and the write see the same sales
        refund = refund_input(store, order_id, day=day, time=time, positions=positions,
                              quantities=quantities)
        return sales.add_order(store, refund)


def sale_with_number(store: Store, number: str) -> int | None:
    """The latest sale (not a refund) with this receipt no., or None."""
    row = store.conn.execute(
        "SELECT id FROM orders WHERE number = ? AND refund_of IS NULL"
        " ORDER BY day DESC, id DESC LIMIT 1", (number.strip(),)).fetchone()
    return row[0] if row else None
