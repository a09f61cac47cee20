"""Named lists the shop edits in Settings: salespeople, categories, channels, products."""

from __future__ import annotations

from kpidesk.store.db import Store, new_uuid
from kpidesk.store.errors import ValidationError

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
        store.mark_changed(table)
        return int(cur.lastrowid)


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
    with store.transaction() as conn:
        other = find_by_name(store, table, name)
        if other is not None and other != row_id:
            raise ValidationError("name", "duplicate", name=name)
        conn.execute(f"UPDATE {table} SET name = ? WHERE id = ?", (name, row_id))
        store.mark_changed(table)


def remove_named(store: Store, table: str, row_id: int) -> None:
    """Delete a row no record uses; salespeople and products in use are made inactive."""
    _check_table(table)
    usage = {
        "salespeople": ["SELECT 1 FROM orders WHERE salesperson_id = ?",
                        "SELECT 1 FROM targets WHERE salesperson_id = ?",
                        "SELECT 1 FROM opportunities WHERE owner_id = ?",
                        "SELECT 1 FROM contacts WHERE salesperson_id = ?"],
        "categories": ["SELECT 1 FROM products WHERE category_id = ?"],
        "channels": ["SELECT 1 FROM orders WHERE channel_id = ?"],
        "products": ["SELECT 1 FROM sale_lines WHERE product_id = ?"],
        "lost_reasons": [],
    }[table]
    with store.transaction() as conn:
        in_use = any(conn.execute(sql + " LIMIT 1", (row_id,)).fetchone() for sql in usage)
        if in_use and table in ("salespeople", "products"):
            conn.execute(f"UPDATE {table} SET active = 0 WHERE id = ?", (row_id,))
        elif in_use:
            raise ValidationError("name", "in_use")
        else:
            conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
        store.mark_changed(table)
