"""Bringing a branch file into a head-office store (KPI.md §7): rows matched by UUID.

`sync(source, target)` makes the target's rows of the source's branch equal to the
source's own rows (those made in it: `branch` NULL there), in one transaction of the
target:

- a row whose UUID the target lacks is added, with `branch` = the source's branch name;
- a row the target has is updated when any of its fields (for a sale, its lines too)
  differs; equal rows are left alone, so a second sync adds and changes nothing;
- a row of that branch in the target whose UUID the source no longer has was deleted
  in the branch, and is deleted in the target. No tombstones are needed: the branch
  file holds every row of its branch, so what it lacks was deleted there.

Conflicts: the branch file is the authority for its branch's rows. A row of branch B
changed at head office after a sync is set back to the branch's version at the next
sync of B (head office corrects a branch's sales in the branch file, or leaves them).
The rule needs no clocks, which differ between laptops.

Names (salespeople, products, categories, channels, payment methods, stages) are shared:
matched by UUID, else by name (the same product entered in two branches is one
product), else added. They are never deleted by a sync. Targets, the calendar,
commission rates and settings are head office's own and are not brought in.

Rollups of the target are refreshed inside the same transaction: the days and
customer-days of the orders whose figures changed (an order changed only in its note
touches none), in one batch; every rollup is rebuilt only when those orders are a large
share of head office's (`sync_rows.REBUILD_SHARE`: a first sync).
"""

from __future__ import annotations

import hashlib
import pickle
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from kpidesk.store import branches, history
from kpidesk.store.db import Store
from kpidesk.store.sync_rows import _Sync
from kpidesk.store.sync_types import KINDS, Progress, SyncError, SyncResult
from kpidesk.store.topics import EVERYTHING

# -- a repeated sync of an unchanged file ----------------------------------------------
# Raised when what the fingerprints cover changes (then every branch's next sync runs in
# full once).
FINGERPRINT_VERSION = b"kpidesk-sync-1"


def _fingerprint(conn: sqlite3.Connection, queries: list[tuple[str, tuple]]) -> str:
    """A digest of every row the queries read, in their order."""
    digest = hashlib.blake2b(FINGERPRINT_VERSION, digest_size=20)
    for sql, params in queries:
        cursor = conn.execute(sql, params)
        while rows := cursor.fetchmany(20_000):
            digest.update(pickle.dumps([tuple(r) for r in rows], protocol=5))
    return digest.hexdigest()


def source_fingerprint(source: Store) -> str:
    """A digest of the branch file's bytes (and of its write-ahead log, when one is
    there): the same file sent again gives the same digest, and a file whose rows changed
    cannot (a copy that differs only in its bytes costs one full comparison, no more).
    Reading the bytes takes a fraction of reading the rows."""
    digest = hashlib.blake2b(FINGERPRINT_VERSION, digest_size=20)
    for path in (Path(source.path), Path(f"{source.path}-wal")):
        if not path.is_file():
            continue
        digest.update(f"{path.suffix}:{path.stat().st_size}:".encode())
        with open(path, "rb") as file:
            while block := file.read(1 << 20):
                digest.update(block)
    return digest.hexdigest()


def target_fingerprint(target: Store, branch: str) -> str:
    """The rows of `branch` in the target, with their children: changed at head office
    since the last sync (a branch's sale corrected there), they differ."""
    conn = target.conn
    queries: list[tuple[str, tuple]] = [
        (f"SELECT * FROM {table} WHERE branch = ? ORDER BY id", (branch,))
        for table in (*KINDS[:-1], "branch_targets")]
    queries.append(("SELECT l.* FROM sale_lines l JOIN orders o ON o.id = l.order_id"
                    " WHERE o.branch = ? ORDER BY l.order_id, l.position", (branch,)))
    queries.append(("SELECT h.* FROM opportunity_history h JOIN opportunities o"
                    " ON o.id = h.opportunity_id WHERE o.branch = ? ORDER BY h.id", (branch,)))
    return _fingerprint(conn, queries)


def is_unchanged(source: Store, target: Store) -> bool:
    """Whether bringing `source` in would change nothing: the same file as at its last
    sync, and head office's rows of its branch as that sync left them (no backup needed
    first)."""
    name = check(source, target)
    known = target.conn.execute("SELECT fingerprint FROM branch_sources WHERE branch = ?",
                                (name,)).fetchone()
    if not (known and known[0]):
        return False
    file_part, _, rows_part = str(known[0]).partition(" ")
    # the file's bytes first: a changed file needs no reading of head office's rows
    return file_part == source_fingerprint(source) and \
        rows_part == target_fingerprint(target, name)


def _shop_uuid(store: Store) -> str:
    found = store.identity()
    return found.uuid if found else ""


def check(source: Store, target: Store) -> str:
    """The branch name the source's rows take in the target; SyncError when the source
    cannot be brought in (nothing is changed)."""
    name = branches.branch_name(source)
    if not name:
        raise SyncError("no_branch_name")
    if branches.is_own(target, name):
        raise SyncError("same_branch", branch=name)
    shop_uuid = _shop_uuid(source)
    if shop_uuid and shop_uuid == _shop_uuid(target):
        raise SyncError("same_shop")
    known = target.query("SELECT branch, shop_uuid, file FROM branch_sources"
                         " WHERE branch = ? COLLATE NOCASE", (name,))
    if known and known[0]["shop_uuid"] != shop_uuid:
        raise SyncError("other_file", branch=known[0]["branch"], file=known[0]["file"])
    return known[0]["branch"] if known else name


def sync(source: Store, target: Store, *, source_path: Path | None = None,
         progress: Progress | None = None,
         cancelled: Callable[[], bool] | None = None,
         unchanged: bool | None = None) -> SyncResult:
    """Bring the source's own rows into the target (see the module's text), in one
    transaction of the target: all of it or, on an error or a cancel, nothing.

    `unchanged`: what `is_unchanged` just answered for these two stores (its
    fingerprints are not read again); None: read here."""
    name = check(source, target)
    work = _Sync(source.conn, target.conn, name, progress, cancelled)
    shop_uuid = _shop_uuid(source)
    with target.transaction() as conn:
        # The file and head office's rows of its branch as they were after the last sync
        # (fingerprints of every row read): nothing to compare row by row.
        # (A change at head office between `is_unchanged` and here leaves the stored
        # fingerprints as they were: the next sync then compares every row.)
        known = conn.execute("SELECT fingerprint FROM branch_sources WHERE branch = ?",
                             (name,)).fetchone()
        if unchanged is None:
            unchanged = is_unchanged(source, target)
        if unchanged:
            result = work.result
            kept = known[0]
            work.progress(1.0)
        else:
            result = work.run()
            kept = f"{source_fingerprint(source)} {target_fingerprint(target, name)}"
        conn.execute(
            "INSERT INTO branch_sources (branch, shop_uuid, file, last_sync, fingerprint)"
            " VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (branch) DO UPDATE SET shop_uuid = excluded.shop_uuid,"
            " file = excluded.file, last_sync = excluded.last_sync,"
            " fingerprint = excluded.fingerprint",
            (name, shop_uuid, str(source_path or source.path),
             datetime.now().isoformat(timespec="seconds"), kept))
        if result.changed:
            history.note(target, "sync", f"branch {name}", None, result.as_json())
            target.mark_changed(*EVERYTHING)
    return result


def backup_first(store: Store) -> Path | None:
    """The way back before a sync, as before an import: a backup of a shop that has sales
    (a shop file: a verified backup; a shop on a server: `pg_dump` into the backups
    folder). None when the shop has no sales yet, or is on a server and this laptop has
    no `pg_dump` (`pg_backup.tool`): the caller says so."""
    from kpidesk.store import backup, pg_backup
    from kpidesk.store.sales import has_orders

    if not has_orders(store):
        return None
    if not store.is_server:
        return backup.make_backup(store, "branch").path
    if pg_backup.tool("pg_dump") is None:
        return None
    from kpidesk.paths import backups_dir

    return pg_backup.dump(str(store.location), backups_dir(), "branch")

