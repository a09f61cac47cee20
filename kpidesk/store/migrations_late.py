"""The small additive migrations since schema version 20 (an index, a column, tables);
`schema.MIGRATIONS` lists them in order with the others."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kpidesk.store.migration_progress import report_progress

if TYPE_CHECKING:
    import sqlite_utils


def index_contacts_created(db: sqlite_utils.Database) -> None:
    """The data-health check finds a period's sales dated before their customer was
    created from the customers created after the period began (`health._order_findings`):
    an index on the creation day makes that the newest few customers, not a pass over
    every contact (250,000 at 10M lines). Additive and idempotent."""
    db.conn.execute("CREATE INDEX IF NOT EXISTS idx_contacts_created ON contacts(created)")


def add_sync_fingerprint(db: sqlite_utils.Database) -> None:
    """`branch_sources.fingerprint`: digests of a branch file's rows and of head office's
    rows of that branch after its last sync (`sync.source_fingerprint`), so bringing the
    same file in again compares two digests instead of every row. Additive, idempotent."""
    if "branch_sources" in db.table_names() and \
            "fingerprint" not in db["branch_sources"].columns_dict:
        db.conn.execute("ALTER TABLE branch_sources ADD COLUMN fingerprint TEXT")


def add_backup_records(db: sqlite_utils.Database) -> None:
    """`backup_records`: each backup of a shared shop taken by a laptop (which laptop,
    the folder and file on it, when, its size, why), so every laptop's Backups dialog
    lists them all (`pg_backup.record`). A file shop's backups are its folder's files and
    leave this table empty. Additive, idempotent."""
    db.conn.execute(
        "CREATE TABLE IF NOT EXISTS backup_records (id INTEGER PRIMARY KEY,"
        " laptop TEXT NOT NULL, folder TEXT NOT NULL, file TEXT NOT NULL,"
        " taken TEXT NOT NULL, size INTEGER NOT NULL, reason TEXT NOT NULL)")


def add_line_peaks(db: sqlite_utils.Database) -> None:
    """`line_peaks_day`: the extremes of each day's lines per product, so the data-health
    check reads only the days that can hold a doubt (see `line_peaks`). Additive and
    idempotent: made and filled once (one pass over the lines)."""
    from kpidesk.store import line_peaks

    if line_peaks.exists(db.conn):
        return
    report_progress(0.0)
    line_peaks.create(db.conn)
    line_peaks.rebuild(db.conn)
    report_progress(1.0)
