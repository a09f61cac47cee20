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

A file brought in again is read only as far as it changed (`sync_marks`): rows stamped
after the last sync are compared and written, every UUID of the file is read to find
what was deleted; head office's rows are read only as UUIDs. The same file again reads
two small tables. A file that does not continue the one brought in last (an older copy,
a restored backup) or a branch whose rows head office changed since is compared row by
row, as at a first sync.

Rollups of the target are refreshed inside the same transaction: the days and
customer-days of the orders whose figures changed (an order changed only in its note
touches none), in one batch; every rollup is rebuilt only when those orders are a large
share of head office's (`sync_rows.REBUILD_SHARE`: a first sync).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from kpidesk.store import branches, history, sync_marks
from kpidesk.store.db import Store
from kpidesk.store.sync_rows import _Sync
from kpidesk.store.sync_types import Progress, SyncError, SyncResult
from kpidesk.store.topics import EVERYTHING


# -- what changed since the last sync (sync_marks) -------------------------------------
def _known(target: Store, name: str) -> sync_marks.FileState | None:
    """What head office remembers of the branch file at its last sync; None when it must
    compare every row: never brought in with a counter, or a row of the branch changed at
    head office since (its triggers cleared the mark)."""
    row = target.conn.execute("SELECT fingerprint FROM branch_sources WHERE branch = ?",
                              (name,)).fetchone()
    return sync_marks.FileState.from_mark(row[0]) if row else None


def changed_since(source: Store, target: Store) -> int | None:
    """The counter above which the branch file's rows are all head office has still to
    bring in; None when every row must be compared (see `_known`, and a file that does
    not continue the one brought in last: an older copy, a restored backup)."""
    name = check(source, target)
    known = _known(target, name)
    if known is None or not sync_marks.continues(source.conn, known):
        return None
    return known.counter


def is_unchanged(source: Store, target: Store) -> bool:
    """Whether bringing `source` in would change nothing: the file as at its last sync,
    and head office's rows of its branch as that sync left them (no backup needed
    first). Reads two small tables, never the rows."""
    since = changed_since(source, target)
    now = sync_marks.file_state(source.conn)
    return since is not None and now is not None and now.counter == since


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

    `unchanged`: what `is_unchanged` answered before (kept for callers; it is asked
    again inside the transaction)."""
    name = check(source, target)
    shop_uuid = _shop_uuid(source)
    state = sync_marks.file_state(source.conn)
    with target.transaction() as conn:
        # Only the rows the file stamped after the last sync are read when the file
        # continues the one brought in then and head office's rows of its branch are as
        # that sync left them; else every row is compared.
        # (asked again inside the transaction, whatever the caller was told: a write at
        # head office in between clears the mark; two small tables are read)
        unchanged = is_unchanged(source, target)
        since = None if unchanged else changed_since(source, target)
        work = _Sync(source.conn, target.conn, name, progress, cancelled, since=since)
        if unchanged:
            result = work.result
            work.progress(1.0)
        else:
            result = work.run()
        conn.execute(
            "INSERT INTO branch_sources (branch, shop_uuid, file, last_sync, fingerprint)"
            " VALUES (?, ?, ?, ?, ?)"
            " ON CONFLICT (branch) DO UPDATE SET shop_uuid = excluded.shop_uuid,"
            " file = excluded.file, last_sync = excluded.last_sync,"
            " fingerprint = excluded.fingerprint",
            (name, shop_uuid, str(source_path or source.path),
             datetime.now().isoformat(timespec="seconds"),
             state.as_mark() if state else None))
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

