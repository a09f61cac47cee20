"""Branches (KPI.md §7): the branch a shop file is, and the branch each row was made in.

A shop file has a branch name (the `branch_name` setting, the owner's like the shop's
name). Each row of the tables in `BRANCH_TABLES` has a `branch` column: NULL means
"made in this file" (its own branch, whatever it is called now), a name means "brought
in from that branch by `sync`". NULL rather than the name written into every row
because a shop gets its branch name late (most shops never name one), a rename must not
rewrite every row, and the write paths of sales, contacts and the rest stay as they are.
The branch of a row is therefore `IFNULL(branch, <this file's branch name>)`.

`branch_sources` remembers which shop file (by its identity uuid) each synced branch
name came from, so two different files claiming the same branch name are refused
instead of overwriting each other's rows.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from kpidesk.store import dialect
from kpidesk.store.errors import ValidationError

if TYPE_CHECKING:
    import sqlite_utils

    from kpidesk.store.db import Store

SETTING = "branch_name"
MAX_NAME = 60

# Tables whose rows keep the branch they were made in (KPI.md §7): the records a branch
# enters. Names (products, salespeople, channels…) are shared by name across branches.
BRANCH_TABLES = ("orders", "contacts", "opportunities", "targets", "calls")

SCHEMA = [
    "CREATE TABLE IF NOT EXISTS branch_sources (branch TEXT PRIMARY KEY,"
    " shop_uuid TEXT NOT NULL,"  # the branch file's identity (identity.py)
    " file TEXT NOT NULL DEFAULT '',"  # where it was last brought in from
    " last_sync TEXT)",  # local date and time of the last sync, YYYY-MM-DDTHH:MM:SS
    # the targets of the branches brought in, apart from this file's own (whose key is
    # period, measure and salesperson): the shop's target figures stay this file's
    "CREATE TABLE IF NOT EXISTS branch_targets (id INTEGER PRIMARY KEY, uuid BLOB NOT NULL,"
    " branch TEXT NOT NULL, period TEXT NOT NULL,"
    " salesperson_id INTEGER REFERENCES salespeople(id), measure TEXT NOT NULL,"
    " value INTEGER NOT NULL, currency TEXT)",
    "CREATE UNIQUE INDEX IF NOT EXISTS idx_branch_targets_uuid ON branch_targets(uuid)",
    # the rows of one branch (sync's and the per-branch figures' reads); own rows (NULL)
    # are not indexed
    "CREATE INDEX IF NOT EXISTS idx_orders_branch ON orders(branch, date)"
    " WHERE branch IS NOT NULL",
    "CREATE INDEX IF NOT EXISTS idx_contacts_branch ON contacts(branch)"
    " WHERE branch IS NOT NULL",
]


def _has_column(conn: sqlite3.Connection, table: str, column: str) -> bool:
    return any(row[1] == column for row in conn.execute(f"PRAGMA table_info({table})"))


def add_branch_columns(db: sqlite_utils.Database) -> None:
    """Schema migration: the `branch` column of each record table (NULL: this file's
    own branch, so existing rows need no rewrite), `branch_sources` and the indexes.
    Additive and idempotent."""
    conn = db.conn
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in BRANCH_TABLES:
        if table in have and not _has_column(conn, table, "branch"):
            conn.execute(f"ALTER TABLE {table} ADD COLUMN branch TEXT")
    for sql in SCHEMA:
        conn.execute(sql)


def clean_name(name: str) -> str:
    """A branch name as stored: trimmed, inner runs of spaces made one; ValidationError
    when empty, too long or holding control characters."""
    text = " ".join(str(name).split())
    if not text:
        raise ValidationError("branch", "empty")
    if len(text) > MAX_NAME:
        raise ValidationError("branch", "too_long", max=MAX_NAME)
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in text):
        raise ValidationError("branch", "bad_characters")
    return text


def branch_name(store: Store) -> str:
    """This file's branch name ('' when it has none)."""
    return store.setting(SETTING).strip()


def set_branch_name(store: Store, name: str) -> str:
    """Name this file's branch (the owner's, like the shop's name: PIN when one is set,
    recorded in the change history). A name already used by a branch brought into this
    file is refused: its rows and this file's own would become one branch."""
    text = clean_name(name)
    if text.casefold() in {b.casefold() for b in synced_branches(store)}:
        raise ValidationError("branch", "taken", name=text)
    store.set_setting(SETTING, text)
    return text


def synced_branches(store: Store) -> list[str]:
    """Names of the branches brought into this file, sorted."""
    return [r[0] for r in store.conn.execute("SELECT branch FROM branch_sources ORDER BY branch")]


def branches(store: Store) -> list[str]:
    """Every branch with rows in this file (its own first, when it has one), then the ones
    brought in, sorted. A file with a single branch answers a list of at most one."""
    own = branch_name(store)
    found = [own] if own else []
    for name in synced_branches(store):
        if name.casefold() != own.casefold():
            found.append(name)
    return found


def has_several(store: Store) -> bool:
    return len(branches(store)) > 1


def is_own(store: Store, name: str) -> bool:
    """Whether `name` is this file's own branch (its rows have branch NULL)."""
    own = branch_name(store)
    return bool(own) and own.casefold() == name.strip().casefold()


def find(store: Store, name: str) -> str | None:
    """The branch of this file called `name` (any case), None when there is none."""
    for known in branches(store):
        if known.casefold() == " ".join(name.split()).casefold():
            return known
    return None


def save_branch_name(store: Store, text: str) -> None:
    """Settings ▸ Shop: a new name is checked (`set_branch_name`); an empty field clears
    the name (a shop with one laptop has none); the name as it is changes nothing."""
    if " ".join(text.split()) == branch_name(store):
        return
    if not text.strip():
        store.set_setting(SETTING, "")
        return
    set_branch_name(store, text)


# Sums of a period's sale lines per branch, as `breakdowns` counts them for the whole shop
# (an order whose net total is below zero is not counted; a daily total counts as its
# receipts). Read from the raw rows of the period: branches are few and change on a sync.
_TOTALS = """
    WITH o AS (
        SELECT o.id, o.branch,
               CASE WHEN o.is_daily_total THEN IFNULL(o.receipts, 0)
                    WHEN (SELECT SUM(x.amount_khr) FROM sale_lines x
                          WHERE x.order_id = o.id) >= 0 THEN 1 ELSE 0 END AS counted
        FROM orders o WHERE o.date BETWEEN ? AND ?),
    per_order AS (
        SELECT o.branch, o.counted, SUM(l.amount_{c}) AS r, SUM(l.quantity) AS q,
               SUM(CASE WHEN l.cost_{c} IS NULL THEN 0 ELSE l.amount_{c} END) AS cr,
               IFNULL(SUM(l.cost_{c}), 0) AS co, IFNULL(SUM(l.discount_{c}), 0) AS d,
               SUM(CASE WHEN l.amount_khr < 0 THEN l.amount_{c} ELSE 0 END) AS f,
               COUNT(*) AS n, COUNT(l.cost_{c}) AS cn
        FROM o JOIN sale_lines l ON l.order_id = o.id GROUP BY o.id, o.branch, o.counted)
    SELECT branch, SUM(r), SUM(counted), SUM(q), SUM(cr), SUM(co), SUM(d), SUM(f), SUM(n),
           SUM(cn)
    FROM per_order GROUP BY branch
"""


def totals_by_branch(store: Store, first: str, last: str,
                     currency: str) -> dict[str | None, tuple]:
    """{branch: (revenue, orders, quantity, costed revenue, cost, discounts, refunds, lines,
    costed lines)} of the days first..last (ISO, inclusive), money in `currency`'s minor
    units; this file's own rows under its branch name (None when it has none)."""
    own = branch_name(store) or None
    suffix = "usd" if currency == "USD" else "khr"
    found: dict[str | None, tuple] = {}
    for row in store.conn.execute(_TOTALS.format(c=suffix), (first, last)):
        found[row[0] if row[0] is not None else own] = tuple(row[1:])
    return found


def change_mark(store: Store) -> tuple[int, int]:
    """Changes of the shop so far, to notice any since: this connection's commits and
    other connections' (a sync or an import runs on its own)."""
    return store.commits, dialect.data_version(store.conn)
