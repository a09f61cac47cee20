"""How far the migration running now has got: long migrations report it, the store passes
it on to whoever opened the file (the upgrade's progress dialog)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

# Set by the store while a migration runs (`Upkeep`), None otherwise.
hook: Callable[[float], None] | None = None


def report_progress(fraction: float) -> None:
    """Called by a long migration with how much of it is done (0..1)."""
    if hook is not None:
        hook(fraction)


def copy_in_slices(conn: sqlite3.Connection, insert_select: str, top: int, chunk: int,
                   first: float, share: float) -> None:
    """Run `insert_select` (an INSERT … SELECT whose WHERE bounds its key by `BETWEEN ? AND
    ?`) over slices of `chunk` keys from 0 to `top`, reporting progress from `first` to
    `first + share` as it goes: a long copy of a migration shows that it moves."""
    for start in range(0, top + 1, chunk):
        conn.execute(insert_select, (start, start + chunk - 1))
        report_progress(first + share * min(1.0, (start + chunk) / (top + 1)))
