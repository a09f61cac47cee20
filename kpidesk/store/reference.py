"""Named lists the shop edits in Settings: salespeople, categories, channels, products.

Renaming, removing, (de)activating and a product's category are the owner's
(`security.demand_owner`); every change is in the change history. A product's category
is a key of the daily revenue rollup: changing it recomputes the days the product sold.
"""

from __future__ import annotations

from kpidesk.store import breakdowns, history, order_days, rollups, security, topics
from kpidesk.store.db import Store, inserted_id
from kpidesk.store.errors import ValidationError
from kpidesk.store.topics import Topic
from kpidesk.store.uuids import new_uuid

NAMED_TABLES = ("salespeople", "categories", "channels", "products", "lost_reasons")


def _check_table(table: str) -> None:
    if table not in NAMED_TABLES:
        raise ValueError(f"not a named list: {table}")


def list_named(store: Store, table: str, *, active_only: bool = False) -> list[tuple[int, str]]:
    """(id, name) pairs sorted by name."""
    _check_table(table)
    where = " WHERE active = 1" if active_only and table in ("salespeople", "products") else ""
    return [(r[0], r[1]) for r in store.conn.execute(
        f"SELECT id, name FROM {table}{where} ORDER BY name COLLATE NOCASE")]


def name_of(store: Store, table: str, row_id: int | None) -> str:
    _check_table(table)
    if row_id is None:
        return ""
    value = store.scalar(f"SELECT name FROM {table} WHERE id = ?", (row_id,))
    return str(value) if value is not None else ""


def find_by_name(store: Store, table: str, name: str) -> int | None:
    _check_table(table)
    value = store.scalar(
        f"SELECT id FROM {table} WHERE name = ? COLLATE NOCASE", (name.strip(),)
    )
    return int(value) if value is not None else None


def add_named(store: Store, table: str, name: str, **extra: object) -> int:
    """Add a row; a name already present (ignoring case) is refused."""
    _check_table(table)
    name = name.strip()
    if not name:
        raise ValidationError("name", "required")
    with store.transaction() as conn:
        if find_by_name(store, table, name) is not None:
            raise ValidationError("name", "duplicate", name=name)
        columns = ["uuid", "name", *extra]
        cur = conn.execute(
            f"INSERT INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
            (new_uuid(), name, *extra.values()),
        )
        history.note(store, "setting", f"{table} {cur.lastrowid}", None, {"name": name, **extra})
        store.mark_changed(topics.of_table(table))
        return inserted_id(cur)


def get_or_create(store: Store, table: str, name: str, **extra: object) -> int | None:
    """Id of the row named `name`, created if missing; None for an empty name."""
    name = (name or "").strip()
    if not name:
        return None
    found = find_by_name(store, table, name)
    return found if found is not None else add_named(store, table, name, **extra)


def rename(store: Store, table: str, row_id: int, name: str) -> None:
    _check_table(table)
    name = name.strip()
    if not name:
        raise ValidationError("name", "required")
    security.demand_owner(store, "setting")
    with store.transaction() as conn:
        other = find_by_name(store, table, name)
        if other is not None and other != row_id:
            raise ValidationError("name", "duplicate", name=name)
        old = name_of(store, table, row_id)
        conn.execute(f"UPDATE {table} SET name = ? WHERE id = ?", (name, row_id))
        if old != name:
            history.note(store, "setting", f"{table} {row_id}", {"name": old}, {"name": name})
        store.mark_changed(topics.of_table(table))


def remove_named(store: Store, table: str, row_id: int) -> None:
    """Delete a row no record uses; salespeople and products in use are made inactive."""
    _check_table(table)
    product_dim = breakdowns.DIM_CODES["product"]
    usage = {
        "salespeople": ["SELECT 1 FROM orders WHERE salesperson_id = ?",
                        "SELECT 1 FROM targets WHERE salesperson_id = ?",
                        "SELECT 1 FROM opportunities WHERE owner_id = ?",
                        "SELECT 1 FROM contacts WHERE salesperson_id = ?"],
        "categories": ["SELECT 1 FROM products WHERE category_id = ?"],
        "channels": ["SELECT 1 FROM orders WHERE channel_id = ?"],
        # the product rows of the breakdown rollup, and the daily totals' lines (which
        # the rollup leaves out): there is no index of the lines by product
        "products": [f"SELECT 1 FROM {breakdowns.TABLE} WHERE dim = {product_dim} AND key = ?",
                     "SELECT 1 FROM orders o CROSS JOIN sale_lines l ON l.order_id = o.id"
                     " WHERE o.is_daily_total = 1 AND l.product_id = ?"],
        "lost_reasons": [],
    }[table]
    security.demand_owner(store, "setting")
    with store.transaction() as conn:
        in_use = any(conn.execute(sql + " LIMIT 1", (row_id,)).fetchone() for sql in usage)
        name = name_of(store, table, row_id)
        if in_use and table in ("salespeople", "products"):
            conn.execute(f"UPDATE {table} SET active = 0 WHERE id = ?", (row_id,))
            history.note(store, "setting", f"{table} {row_id}", {"name": name, "active": 1},
                         {"name": name, "active": 0})
        elif in_use:
            raise ValidationError("name", "in_use")
        else:
            conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
            history.note(store, "setting", f"{table} {row_id}", {"name": name}, None)
        store.mark_changed(topics.of_table(table))


def set_active(store: Store, table: str, row_id: int, active: bool) -> None:
    """Show (or hide) a salesperson or product in the forms' lists."""
    if table not in ("salespeople", "products"):
        raise ValueError(f"{table} has no active flag")
    security.demand_owner(store, "setting")
    with store.transaction() as conn:
        old = conn.execute(f"SELECT active FROM {table} WHERE id = ?", (row_id,)).fetchone()
        conn.execute(f"UPDATE {table} SET active = ? WHERE id = ?", (int(active), row_id))
        if old is not None and bool(old[0]) != bool(active):
            name = name_of(store, table, row_id)
            history.note(store, "setting", f"{table} {row_id}",
                         {"name": name, "active": int(old[0])},
                         {"name": name, "active": int(active)})
        store.mark_changed(topics.of_table(table))


def set_category(store: Store, product_id: int, category_id: int | None) -> None:
    """Put a product in a category (None: none). The daily revenue rollup is kept by
    category, so every day the product sold on is recomputed in the same transaction."""
    security.demand_owner(store, "setting")
    with store.transaction() as conn:
        row = conn.execute("SELECT category_id FROM products WHERE id = ?",
                           (product_id,)).fetchone()
        if row is None:
            raise ValidationError("product", "not_found", id=product_id)
        if row[0] == category_id:
            return
        conn.execute("UPDATE products SET category_id = ? WHERE id = ?",
                     (category_id, product_id))
        days = [order_days.iso_day(day) for day, _lines in breakdowns.product_days(conn, product_id)]
        rollups.refresh_days(conn, days)
        history.note(store, "setting", f"products {product_id}",
                     {"name": name_of(store, "products", product_id),
                      "category": name_of(store, "categories", row[0])},
                     {"name": name_of(store, "products", product_id),
                      "category": name_of(store, "categories", category_id)})
        store.mark_changed(Topic.PRODUCTS, Topic.SALES)


def list_rows(store: Store, table: str) -> list[dict]:
    """The rows of a named list as Settings edits them, sorted by name: id, name, and
    `active` (salespeople, products) and `category_id`/`category` (products)."""
    _check_table(table)
    if table == "products":
        sql = ("SELECT p.id, p.name, p.active, p.category_id, c.name AS category"
               " FROM products p LEFT JOIN categories c ON c.id = p.category_id"
               " ORDER BY p.name COLLATE NOCASE")
    else:
        extra = ", active" if table == "salespeople" else ""
        sql = f"SELECT id, name{extra} FROM {table} ORDER BY name COLLATE NOCASE"
    return [dict(r) for r in store.query(sql)]
