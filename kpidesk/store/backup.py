"""Backups of a shop file: compressed, verified, numbered, kept for the right time.

A backup is one zip file in the backup folder (the `backups` folder beside the shop
file, or one the owner chose, e.g. on a USB stick), named

    <shop file stem>-<YYYYmmdd-HHMMSS>-<reason>-n<number>-<shop uuid>.zip

It holds the shop as an SQLite file (``<same name>.db``, without its indexes, which a
restore rebuilds: they are a third of a shop and compress badly) and
``kpidesk-backup.json`` (the shop's identity, what the backup holds, the SHA-256 of the
``.db``). Any zip tool opens it (Windows Explorer, macOS Finder, ``unzip``); the
``.db`` inside opens in any SQLite tool.

Making one: a snapshot through the sqlite3 backup API; ``integrity_check`` on the
snapshot (it finds index damage ``quick_check`` misses); indexes dropped and the rest
compacted (``VACUUM INTO``); compressed under a temporary ``.partial`` name; verified
by decompressing it and comparing its SHA-256; only then renamed. Temporary files of
a killed backup are swept at the next one.

Identity: every backup carries the shop's uuid (in its name and inside), and every
listing, prune and restore uses it: two shops sharing a folder never see each other's.
Order: backups are numbered by a counter kept in the shop, and "newest" means the
highest number, whatever the clock said.

Keeping: automatic backups (daily, on exit) rotate — the newest of each of the last 14
days and of the last 12 months that have one (both settable). Backups made by hand,
before an import, before a restore and before an upgrade are not rotated: each is kept
at least 30 days, and after that until 14 newer automatic backups exist. A backup
never prunes itself or a newer-numbered one. Backups made by older versions (plain
``.db``) stay listed and restorable, and are never pruned (their shop is not recorded).

This module makes and prunes backups; `backup_files` names, finds and lists them,
`backup_archive` packs, checks and opens the zip, `backup_restore` restores one.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from kpidesk.store import identity
from kpidesk.store.backup_archive import (
    Progress,
    _check_copy,
    _compress,
    _finish_copy,
    _has_tables,
    _temporary,
    _work_path,
    sweep_partials,
    verify,
    verify_archive,
)
from kpidesk.store.backup_files import (
    BackupInfo,
    _os_backup_error,
    _sort_key,
    _sqlite_backup_error,
    backup_folder,
    backup_name,
    counts,
    default_folder,
    list_backups,
    prepare_folder,
    shop_uuid_of,
    summarize,
)
from kpidesk.store.db import Store
from kpidesk.store.errors import BackupError, LockedError, StoreError
from kpidesk.store.file_facts import make_private

KEEP_DAILY = 14
KEEP_MONTHLY = 12
KEEP_PROTECTED_DAYS = 30


# -- bookkeeping in the shop ---------------------------------------------------------
def _bookkeep(store: Store, sql: str, params: tuple) -> None:
    """Record backup numbering or status in the shop (never in a file only viewed)."""
    if store.read_only and store.view_reason:
        return
    try:
        if not store.read_only:
            store.write_bookkeeping(sql, params)
            return
        # the daily backup reads through a connection of its own: write through another
        conn = sqlite3.connect(store.path, timeout=5, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(sql, params)
            conn.execute("COMMIT")
        finally:
            conn.close()
    except (sqlite3.Error, StoreError):
        pass  # a read-only disk: the backup itself is what matters


def _reserve_number(store: Store, folders: list[Path], ident: identity.Identity) -> int:
    highest = ident.backup_seq
    for folder in folders:
        for b in list_backups(folder, store.path, ident.uuid, include_legacy=False):
            highest = max(highest, b.seq or 0)
    number = highest + 1
    _bookkeep(store, "UPDATE shop_identity SET backup_seq = MAX(backup_seq, ?) WHERE id = 1",
              (number,))
    return number


def record_failure(store: Store, err: BackupError) -> None:
    _bookkeep(store, "UPDATE shop_identity SET backup_failed_at = ?, backup_failure = ?"
                     " WHERE id = 1", (datetime.now().isoformat(timespec="seconds"), err.reason))


def _record_success(store: Store, path: Path, when: datetime) -> None:
    _bookkeep(store, "UPDATE shop_identity SET last_backup_at = ?, last_backup_file = ?,"
                     " backup_failed_at = NULL, backup_failure = NULL WHERE id = 1",
              (when.isoformat(timespec="seconds"), str(path)))


def failure(store: Store) -> tuple[str, str] | None:
    """(reason, when) of the last backup that failed, until one succeeds."""
    found = identity.read(store.conn)
    if found and found.backup_failure:
        return found.backup_failure, found.backup_failed_at or ""
    return None


def make_backup(store: Store, reason: str = "manual", folder: Path | None = None,
                now: datetime | None = None, prune_after: bool = True,
                progress: Progress | None = None) -> BackupInfo:
    """Back the open store up now, verify it, then prune older backups of this shop.

    Raises BackupError (and records the failure in the shop, shown to the owner until a
    backup succeeds).
    """
    if store.is_server:  # never a folder made from a server's address: pg_backup.dump
        from kpidesk.store.errors import ServerError

        raise ServerError("not_supported", "make_backup")
    try:
        return _make_backup(store, reason, folder, now, prune_after, progress)
    except BackupError as err:
        record_failure(store, err)
        raise


def _make_backup(store: Store, reason: str, folder: Path | None, now: datetime | None,
                 prune_after: bool, progress: Progress | None) -> BackupInfo:
    default = folder is None and not store.setting("backup_dir")
    folder = Path(folder) if folder else backup_folder(store)
    prepare_folder(folder, default)
    ident = identity.read(store.conn)
    if ident is None:
        raise BackupError("io_error", "the shop file has no identity")
    sweep_partials(store.path, [folder], ident.uuid)
    number = _reserve_number(store, [folder, default_folder(store.path)], ident)
    when = now or datetime.now()
    final = folder / backup_name(store.path, when, reason, number, ident.uuid)
    partial = final.with_name(final.name + ".partial")
    snapshot, compact = _work_path(store.path, "snapshot"), _work_path(store.path, "compact")
    step = _steps(progress)
    with _temporary(snapshot, compact, partial):
        try:
            # Count and copy inside one read transaction: the same snapshot, even while
            # another connection goes on writing.
            store.conn.execute("BEGIN")
            try:
                expected = counts(store.conn)
                summary = summarize(store.conn)
                version = store.conn.execute("PRAGMA user_version").fetchone()[0]
                dest = sqlite3.connect(snapshot)
                try:
                    store.conn.backup(dest)
                finally:
                    dest.close()
            finally:
                store.conn.execute("COMMIT")
            step(0.1)
            _check_copy(snapshot, expected, ident.uuid, full=True)  # finds index damage
            step(0.45)
            _finish_copy(snapshot, compact, number)
            step(0.55)
            _check_copy(compact, expected, ident.uuid, full=False)
            meta = {"kpidesk_backup": 1, "shop_uuid": ident.uuid,
                    "shop_name": summary["shop_name"], "seq": number, "reason": reason,
                    "created": when.isoformat(timespec="seconds"), "schema_version": version,
                    "counts": expected, "last_sale": summary["last_sale"],
                    "db_member": final.name[:-4] + ".db", "db_size": compact.stat().st_size,
                    "indexes_dropped": True}
            _compress(compact, partial, meta["db_member"], meta,
                      lambda f: step(0.55 + 0.35 * f))
            verify_archive(partial, ident.uuid)
            step(0.98)
            os.replace(partial, final)
        except sqlite3.Error as exc:
            raise _sqlite_backup_error(exc, folder) from exc
        except OSError as exc:
            raise _os_backup_error(exc, folder) from exc
    make_private(final)
    info = BackupInfo(final, when, reason, final.stat().st_size, number,
                      identity.short(ident.uuid))
    _record_success(store, final, when)
    if prune_after:
        prune(folder, store.path, _keep(store, "backup_keep_daily", KEEP_DAILY),
              _keep(store, "backup_keep_monthly", KEEP_MONTHLY), shop_uuid=ident.uuid,
              made=number, now=when)
    step(1.0)
    return info


def _steps(progress: Progress | None) -> Progress:
    def step(fraction: float) -> None:
        if progress:
            progress(min(1.0, fraction))
    return step


def make_upgrade_backup(store: Store, version: int, shop_uuid: str,
                        progress: Callable[[float], None] | None = None) -> Path:
    """The copy made before a schema upgrade ('before-vN', N the new version), beside the
    shop: written under a temporary name, verified, then renamed. A file older than
    identities gets the one its upgrade will keep. `progress(fraction)` hears how far the
    copy is (the upgrade dialog shows it)."""
    folder = default_folder(store.path)
    prepare_folder(folder, default=True)
    sweep_partials(store.path, [folder], shop_uuid)
    found = identity.read(store.conn)
    number = 1
    for b in list_backups(folder, store.path, shop_uuid, include_legacy=False):
        number = max(number, (b.seq or 0) + 1)
    if found is not None:
        number = max(number, found.backup_seq + 1)
        with contextlib.suppress(StoreError, sqlite3.Error):
            store.write_bookkeeping("UPDATE shop_identity SET backup_seq = MAX(backup_seq, ?)"
                                    " WHERE id = 1", (number,))
    when = datetime.now()
    reason = f"before-v{version + 1}"
    final = folder / backup_name(store.path, when, reason, number, shop_uuid)
    # Packed beside the shop, not in the backup folder: a file older than identities gets
    # a new shop id here, which a kill before the upgrade commits would lose, leaving a
    # leftover under an id nobody can match; beside the shop it is swept by the file's name.
    partial = _work_path(store.path, "upgrade-copy")
    snapshot, compact = _work_path(store.path, "snapshot"), _work_path(store.path, "compact")
    with _temporary(snapshot, compact, partial):
        try:
            expected = counts(store.conn) if _has_tables(store.conn) else {}
            summary = summarize(store.conn) if expected else {"shop_name": "",
                                                               "last_sale": None}
            dest = sqlite3.connect(snapshot)
            try:
                if progress is None:
                    store.conn.backup(dest)
                else:  # copied a slice at a time; verifying and packing take the rest
                    store.conn.backup(dest, pages=4096, progress=lambda _s, left, total:
                                      progress(0.5 * (1 - left / total) if total else 0.5))
                identity.create(dest, shop_uuid)
                dest.commit()
            finally:
                dest.close()
            if expected:  # the shop passed quick_check when it was opened
                _check_copy(snapshot, expected, shop_uuid, full=False)
            _finish_copy(snapshot, compact, number)
            meta = {"kpidesk_backup": 1, "shop_uuid": shop_uuid,
                    "shop_name": summary["shop_name"], "seq": number, "reason": reason,
                    "created": when.isoformat(timespec="seconds"), "schema_version": version,
                    "counts": expected, "last_sale": summary["last_sale"],
                    "db_member": final.name[:-4] + ".db", "db_size": compact.stat().st_size,
                    "indexes_dropped": True}
            if progress is not None:
                progress(0.6)
            _compress(compact, partial, str(meta["db_member"]), meta, None)
            if progress is not None:
                progress(0.9)
            verify_archive(partial, shop_uuid)
            os.replace(partial, final)
        except sqlite3.Error as exc:
            raise _sqlite_backup_error(exc, folder) from exc
        except OSError as exc:
            raise _os_backup_error(exc, folder) from exc
    make_private(final)
    if progress is not None:
        progress(1.0)
    return final


def _keep(store: Store, key: str, default: int) -> int:
    try:
        return max(1, int(store.setting(key) or default))
    except ValueError:
        return default


# -- keeping ---------------------------------------------------------------------------------
def prune(folder: Path, db_path: Path, keep_daily: int = KEEP_DAILY,
          keep_monthly: int = KEEP_MONTHLY, *, shop_uuid: str | None = None,
          made: int | None = None, now: datetime | None = None) -> list[Path]:
    """Delete this shop's automatic backups beyond the newest of each of the last N days
    and M months, and protected ones past their time (see the module's text). Never
    touches another shop's backups, older unnumbered ones, the one just made (`made`)
    or any numbered after it."""
    shop_uuid = shop_uuid or shop_uuid_of(db_path)
    if not shop_uuid:
        return []
    now = now or datetime.now()
    backups = [b for b in list_backups(folder, db_path, shop_uuid, include_legacy=False)
               if b.seq is not None]
    keep: set[Path] = {b.path for b in backups
                       if made is not None and b.seq is not None and b.seq >= made}
    days: set[str] = set()
    months: set[str] = set()
    automatic = [b for b in backups if b.automatic]  # newest (highest number) first
    for b in automatic:
        day, month = b.created.strftime("%Y-%m-%d"), b.created.strftime("%Y-%m")
        if day not in days and len(days) < keep_daily:
            days.add(day)
            keep.add(b.path)
        if month not in months and len(months) < keep_monthly:
            months.add(month)
            keep.add(b.path)
    for b in backups:
        if b.protected and not _expired(b, automatic, keep_daily, now):
            keep.add(b.path)
    removed = []
    for b in backups:
        if b.path not in keep:
            try:
                b.path.unlink()
            except OSError:
                continue
            removed.append(b.path)
    return removed


def _expired(b: BackupInfo, automatic: list[BackupInfo], keep_daily: int,
             now: datetime) -> bool:
    """A protected backup goes when it is more than 30 days old by the clock and the
    shop has made `keep_daily` automatic backups since (so a clock set forward does not
    take it early); one stamped in the future waits for 30 automatic ones."""
    newer = sum(1 for a in automatic
                if a.seq is not None and b.seq is not None and a.seq > b.seq)
    if b.created > now:
        return newer >= max(KEEP_PROTECTED_DAYS, keep_daily)
    return (now - b.created > timedelta(days=KEEP_PROTECTED_DAYS)
            and newer >= max(keep_daily, 1))


def newest_good_backup(folders: list[Path] | Path, db_path: Path,
                       shop_uuid: str | None = None) -> BackupInfo | None:
    """The newest backup of this shop that verifies, in any of `folders`."""
    if isinstance(folders, (str, Path)):
        folders = [Path(folders)]
    found: dict[str, BackupInfo] = {}
    for folder in folders:
        for b in list_backups(folder, db_path, shop_uuid):
            found.setdefault(os.path.realpath(b.path), b)
    for b in sorted(found.values(), key=_sort_key, reverse=True):
        if verify(b.path):
            return b
    return None


__all__ = ["BackupError", "LockedError"]
