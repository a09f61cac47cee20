"""Bulk writes: many rows in one transaction, as fast as SQLite allows."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def indexes_set_aside(conn: sqlite3.Connection,
                      tables: tuple[str, ...] = ("orders", "sale_lines")) -> Iterator[None]:
    """Drop the indexes of `tables` while rows are bulk-inserted into an empty or small
    table, and make them again afterwards (inside the caller's transaction: if anything
    fails, the rollback brings them back as they were).

    Building an index from all its rows at once is several times faster than keeping it
    up to date row by row, and leaves it packed (about a third smaller than an index
    filled in random order). Every index of those tables is made again from its own
    CREATE statement, whoever added it.
    """
    marks = ",".join("?" * len(tables))
    saved = conn.execute(
        f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ({marks})"
        " AND sql IS NOT NULL ORDER BY name", tables).fetchall()
    for name, _sql in saved:
        conn.execute(f'DROP INDEX "{name}"')
    yield
    for _name, sql in saved:
        conn.execute(sql)
