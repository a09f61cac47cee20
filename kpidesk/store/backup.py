"""Versioned backups of a shop file: made with the sqlite3 backup API, verified, pruned.

A backup is `<stem>-<YYYYmmdd-HHMMSS>-<reason>.db` in the backup folder
(the `backups` folder beside the shop file, or one the user picked, e.g. a
USB stick). Each is checked after writing (`integrity_check`, row counts
equal to the source) before any older one is pruned. Pruning keeps the
newest backup of each of the last 14 days that have one and of each of the
last 12 months that have one (both settable).
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from kpidesk.store import rollups
from kpidesk.store.db import Store, make_private
from kpidesk.store.errors import StoreError

KEEP_DAILY = 14
KEEP_MONTHLY = 12
COUNTED_TABLES = ("orders", "sale_lines", "contacts", "opportunities", "targets")
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:_\d+)?-(?P<reason>[a-z0-9-]+)\.db$")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    reason: str
    size: int

    def sales_count(self) -> int | None:
        """Orders in the backup (None if it cannot be read)."""
        try:
            conn = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True)
            try:
                return int(conn.execute("SELECT count(*) FROM orders").fetchone()[0])
            finally:
                conn.close()
        except sqlite3.Error:
            return None


class BackupError(StoreError):
    """A backup could not be written or does not verify."""


def backup_folder(store: Store) -> Path:
    chosen = store.setting("backup_dir")
    return Path(chosen) if chosen else store.path.parent / "backups"


def _stem(db_path: Path) -> str:
    return db_path.name[:-3] if db_path.name.endswith(".db") else db_path.name


def backup_name(db_path: Path, when: datetime, reason: str) -> str:
    return f"{_stem(db_path)}-{when.strftime('%Y%m%d-%H%M%S')}-{reason}.db"


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
            for t in COUNTED_TABLES}


def verify(path: Path, expected: dict[str, int] | None = None) -> bool:
    """True when `path` is an intact kpidesk store (with these row counts, if given)."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            return False
        from kpidesk.store.schema import APPLICATION_ID

        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return False
        return expected is None or counts(conn) == expected
    except sqlite3.Error:
        return False
    finally:
        conn.close()


def make_backup(store: Store, reason: str = "manual", folder: Path | None = None,
                now: datetime | None = None, prune_after: bool = True) -> BackupInfo:
    """Back the open store up now, verify it, then prune older backups."""
    folder = Path(folder) if folder else backup_folder(store)
    folder.mkdir(parents=True, exist_ok=True)
    when = now or datetime.now()
    final = folder / backup_name(store.path, when, reason)
    n = 1
    while final.exists():
        n += 1
        final = folder / f"{_stem(store.path)}-{when.strftime('%Y%m%d-%H%M%S')}_{n}-{reason}.db"
    partial = final.with_name(final.name + ".partial")
    try:
        # Count and copy inside one read transaction: the same snapshot, even while
        # another connection goes on writing.
        store.conn.execute("BEGIN")
        try:
            expected = counts(store.conn)
            store.backup_to(partial)
        finally:
            store.conn.execute("COMMIT")
        if not verify(partial, expected):
            raise BackupError(f"backup {final.name} did not verify")
        os.replace(partial, final)
    except OSError as exc:
        raise BackupError(str(exc)) from exc
    finally:
        for leftover in (partial, Path(f"{partial}-wal"), Path(f"{partial}-shm")):
            if leftover.exists():
                leftover.unlink()
    make_private(final)
    info = BackupInfo(final, when, reason, final.stat().st_size)
    if prune_after:
        prune(folder, store.path, _keep(store, "backup_keep_daily", KEEP_DAILY),
              _keep(store, "backup_keep_monthly", KEEP_MONTHLY))
    return info


def _keep(store: Store, key: str, default: int) -> int:
    try:
        return max(1, int(store.setting(key) or default))
    except ValueError:
        return default


def list_backups(folder: Path, db_path: Path) -> list[BackupInfo]:
    """Backups of this shop file in `folder`, newest first."""
    stem = _stem(db_path)
    found = []
    if not folder.is_dir():
        return found
    for path in folder.glob("*.db"):
        m = _NAME.match(path.name)
        if not m or m["stem"] != stem:
            continue
        created = datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S")
        found.append(BackupInfo(path, created, m["reason"], path.stat().st_size))
    # several backups in one second (daily, then exit): the file written last is the newest
    return sorted(found, key=lambda b: (b.created, b.path.stat().st_mtime_ns, b.path.name),
                  reverse=True)


def prune(folder: Path, db_path: Path, keep_daily: int = KEEP_DAILY,
          keep_monthly: int = KEEP_MONTHLY) -> list[Path]:
    """Delete backups beyond the newest of each of the last N days and M months. The copy
    made before a schema upgrade ('before-vN') is kept: the only way back to that version."""
    backups = list_backups(folder, db_path)
    keep: set[Path] = {b.path for b in backups if b.reason.startswith("before-v")}
    days: set[str] = set()
    months: set[str] = set()
    for b in backups:  # newest first: the first seen of a day/month is its newest
        day, month = b.created.strftime("%Y-%m-%d"), b.created.strftime("%Y-%m")
        if day not in days and len(days) < keep_daily:
            days.add(day)
            keep.add(b.path)
        if month not in months and len(months) < keep_monthly:
            months.add(month)
            keep.add(b.path)
    removed = []
    for b in backups:
        if b.path not in keep:
            b.path.unlink()
            removed.append(b.path)
    return removed


def newest_good_backup(folder: Path, db_path: Path) -> BackupInfo | None:
    for b in list_backups(folder, db_path):
        if verify(b.path):
            return b
    return None


def backed_up_on(folder: Path, db_path: Path, day: str) -> bool:
    return any(b.created.strftime("%Y-%m-%d") == day for b in list_backups(folder, db_path))


def set_aside(db_path: Path, now: datetime | None = None) -> Path:
    """Move a damaged shop file (and its WAL) out of the way, unchanged; returns its new path."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    for suffix in ("", "-wal", "-shm"):
        source = Path(f"{db_path}{suffix}")
        if source.exists():
            os.replace(source, Path(f"{target}{suffix}"))
    return target


def restore(db_path: Path, backup: Path, folder: Path | None = None) -> Path | None:
    """Replace the shop file's content by a verified backup.

    The current file is backed up first (or, if it is damaged, set aside).
    The caller must not hold the store open. Returns the safety copy's path.
    """
    backup = Path(backup)
    if not verify(backup):
        raise BackupError(f"{backup} is not an intact kpidesk backup")
    safety: Path | None = None
    if db_path.exists() and db_path.stat().st_size > 0:
        try:
            with Store(db_path, lock=True) as current:
                safety = make_backup(current, "before-restore", folder, prune_after=False).path
        except StoreError:
            safety = set_aside(db_path)
    src = sqlite3.connect(backup.resolve().as_uri() + "?mode=ro", uri=True)
    dst = sqlite3.connect(db_path)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    make_private(db_path)
    return safety


ALL_TOPICS = {"sales", "contacts", "opportunities", "targets", "settings", "salespeople",
              "categories", "channels", "products", "lost_reasons", "stages"}


def restore_into(store: Store, backup_path: Path) -> Path:
    """Replace the open store's content by a verified backup, in place.

    The current content is backed up first; every listener then hears that
    everything changed. Returns the safety backup's path.
    """
    backup_path = Path(backup_path)
    if not verify(backup_path):
        raise BackupError(f"{backup_path} is not an intact kpidesk backup")
    from kpidesk.store.schema import SCHEMA_VERSION

    src = sqlite3.connect(backup_path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        if src.execute("PRAGMA user_version").fetchone()[0] > SCHEMA_VERSION:
            raise BackupError(f"{backup_path} was made by a newer kpidesk")
        safety = make_backup(store, "before-restore", prune_after=False).path
        src.backup(store.conn)
    finally:
        src.close()
    store.upgrade_schema()  # a backup made by an older version
    with store.transaction() as conn:
        rollups.journal(conn, [None])  # the copy bypassed the rollup functions
        store.mark_changed(*ALL_TOPICS)
    return safety


# -- headless commands -------------------------------------------------------------
def run_backup(db_path: Path, to: Path | None) -> int:
    if not db_path.exists():
        print(f"kpidesk: no shop file at {db_path}", file=sys.stderr)
        return 1
    with Store(db_path) as store:
        info = make_backup(store, "manual", to)
    print(f"backup written and verified: {info.path} ({info.size:,} bytes, "
          f"{info.sales_count()} orders)")
    return 0


def run_restore(db_path: Path, backup: Path) -> int:
    if not backup.exists():
        print(f"kpidesk: no backup at {backup}", file=sys.stderr)
        return 1
    safety = restore(db_path, backup)
    note = f"; the previous file was kept as {safety}" if safety else ""
    print(f"restored {db_path} from {backup}{note}")
    return 0
