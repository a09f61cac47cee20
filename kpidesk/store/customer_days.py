"""`customer_day.day` stored as a day number (`number_customer_days`).

From this migration on, the day of a customer-day row is the number of days since
1970-01-01 (`order_days.day_number`), as the orders of a shop file store theirs: 5.1
instead of 7.3 MB for the 283,000 rows of a 1M-line shop. The same on PostgreSQL (a
BIGINT column). Readers and writers convert at the store boundary: a caller still
gives and gets days as 'YYYY-MM-DD' text (`day_params`, `as_text`, `text_sql`); the
rollups of a file not yet upgraded (an older migration rebuilding them) keep writing
text (`numbered`).
"""

from __future__ import annotations

from calendar import monthrange
from typing import TYPE_CHECKING, overload

from kpidesk.store import dialect
from kpidesk.store.migration_progress import copy_in_slices, report_progress
from kpidesk.store.order_days import day_number, iso_day

if TYPE_CHECKING:
    import sqlite3

    import sqlite_utils


def numbered(conn: sqlite3.Connection) -> bool:
    """Whether this store's customer_day keeps day numbers (from this migration on)."""
    if dialect.is_postgres(conn):
        row = conn.execute(
            "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
            " WHERE attrelid = to_regclass('customer_day') AND attname = 'day'"
            " AND NOT attisdropped").fetchone()
        return row is not None and row[0] in ("bigint", "integer")
    kinds = {r[1]: str(r[2]).upper() for r in conn.execute("PRAGMA table_info(customer_day)")}
    return kinds.get("day") == "INTEGER"


def day_params(conn: sqlite3.Connection, *isos: str) -> tuple[int | str, ...]:
    """'YYYY-MM-DD' days as this store's customer_day compares them: day numbers (texts
    in a file not upgraded yet)."""
    if numbered(conn):
        return tuple(day_number(iso) for iso in isos)
    return isos


@overload
def as_text(day: int | str) -> str: ...


@overload
def as_text(day: None) -> None: ...


def as_text(day: int | str | None) -> str | None:
    """A customer_day day as callers see it: 'YYYY-MM-DD' (None stays None)."""
    if day is None or isinstance(day, str):
        return day
    return iso_day(day)


def text_sql(conn: sqlite3.Connection, number_sql: str) -> str:
    """SQL of the 'YYYY-MM-DD' text of a day number, on either store."""
    if dialect.is_postgres(conn):
        return f"to_char(DATE '1970-01-01' + ({number_sql})::int, 'YYYY-MM-DD')"
    return f"date(({number_sql}) * 86400, 'unixepoch')"


def month_bounds(month: str) -> tuple[int, int]:
    """The day numbers of the first and the last day of a 'YYYY-MM' month."""
    last = monthrange(int(month[:4]), int(month[5:7]))[1]
    return day_number(f"{month}-01"), day_number(f"{month}-{last:02d}")


_DAY_FROM_TEXT = "CAST(julianday(day) - 2440587.5 AS INTEGER)"  # exact: days are midnights


def number_customer_days(db: sqlite_utils.Database) -> None:
    """customer_day rebuilt with `day` as a day number: the same rows in the same primary
    key (contact_id, day) order (text and number sort alike), WITHOUT ROWID, its indexes
    made again; other columns are carried over as they are. Idempotent: a table whose
    `day` is INTEGER stays. The file is compacted after it (the old table's pages are
    free)."""
    from kpidesk.store import schema  # (schema imports this module)

    conn = db.conn
    if numbered(conn):
        return
    report_progress(0.0)
    info = conn.execute("PRAGMA table_info(customer_day)").fetchall()
    columns = []
    for _cid, name, kind, notnull, default, _pk in info:
        kind = "INTEGER" if name == "day" else (kind or "")
        columns.append(f"{name} {kind}{' NOT NULL' if notnull else ''}"
                       f"{f' DEFAULT {default}' if default is not None else ''}")
    keys = [r[1] for r in sorted(info, key=lambda r: r[5]) if r[5]]  # in the key's order
    indexes = [sql for (sql,) in conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'customer_day'"
        " AND sql IS NOT NULL")]
    conn.execute("CREATE TABLE customer_day_numbered (" + ", ".join(columns)
                 + f", PRIMARY KEY ({', '.join(keys)})) WITHOUT ROWID")
    names = [r[1] for r in info]
    values = [_DAY_FROM_TEXT if name == "day" else name for name in names]
    top = conn.execute("SELECT IFNULL(MAX(contact_id), 0) FROM customer_day").fetchone()[0]
    copy_in_slices(conn, f"INSERT INTO customer_day_numbered ({', '.join(names)})"
                   f" SELECT {', '.join(values)} FROM customer_day"
                   " WHERE contact_id BETWEEN ? AND ? ORDER BY contact_id, day",
                   top, 20_000, 0.0, 0.9)
    conn.execute("DROP TABLE customer_day")
    conn.execute("ALTER TABLE customer_day_numbered RENAME TO customer_day")
    for sql in indexes:
        conn.execute(sql)
    report_progress(1.0)
    schema.compaction_wanted = schema.compaction_wanted or top > 0
