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
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import sqlite3
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from kpidesk.store import identity, rollups
from kpidesk.store.db import Store
from kpidesk.store.errors import (
    BackupError,
    CorruptStoreError,
    LockedError,
    NewerSchemaError,
    NotAStoreError,
    StoreError,
)
from kpidesk.store.file_facts import (
    SQLITE_MAGIC,
    _connect_read_only,
    inspect_file,
    make_private,
)
from kpidesk.store.topics import EVERYTHING

KEEP_DAILY = 14
KEEP_MONTHLY = 12
KEEP_PROTECTED_DAYS = 30
AUTOMATIC = ("daily", "exit")
COUNTED_TABLES = ("orders", "sale_lines", "contacts", "opportunities", "targets")
COMPRESS_LEVEL = 1  # measured at 1M lines: 1 → 23 % of the shop in 2.5 s, 6 → 22 % in 7.6 s
METADATA = "kpidesk-backup.json"
INDEX_TABLE = "kpidesk_backup_indexes"  # inside a backup: the indexes a restore rebuilds
CHUNK = 1 << 20

_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z0-9-]+?)"
                   r"-n(?P<seq>\d+)-(?P<shop>[0-9a-f]{32})\.zip$")
_LEGACY = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:_\d+)?-(?P<reason>[a-z0-9-]+)\.db$")

Progress = Callable[[float], None]

# Temporary files of backups in progress in this process: never swept.
_active: set[str] = set()
_active_lock = threading.Lock()


@dataclass(frozen=True)
class BackupDetails:
    """What a backup holds (read from its metadata, or from an older backup's file)."""

    orders: int | None
    last_sale: str | None
    shop_name: str
    shop_uuid: str | None
    schema_version: int | None
    counts: dict = field(default_factory=dict)


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    reason: str
    size: int
    seq: int | None = None  # None: made by an older version, before numbering
    shop: str | None = None  # the shop's uuid as 32 hex digits; None: not recorded

    @property
    def legacy(self) -> bool:
        return self.seq is None

    @property
    def automatic(self) -> bool:
        return self.reason in AUTOMATIC

    @property
    def protected(self) -> bool:
        """Kept out of the daily/monthly rotation (by hand, before an import, a restore
        or an upgrade)."""
        return not self.automatic

    def details(self) -> BackupDetails | None:
        return backup_details(self.path)

    def sales_count(self) -> int | None:
        """Orders in the backup (None if it cannot be read)."""
        found = self.details()
        return found.orders if found else None


def _sort_key(b: BackupInfo) -> tuple:
    # numbered backups after older ones; among numbered ones the number decides
    try:
        mtime = b.path.stat().st_mtime_ns
    except OSError:
        mtime = 0
    return (b.seq is not None, b.seq or 0, b.created, mtime, b.path.name)


# -- where ------------------------------------------------------------------------------
def default_folder(db_path: Path) -> Path:
    return Path(db_path).parent / "backups"


def backup_folder(store: Store) -> Path:
    """Where new backups go: the folder the owner chose, else `backups` beside the shop."""
    chosen = store.setting("backup_dir")
    return Path(chosen) if chosen else default_folder(store.path)


def backup_folders(store: Store) -> list[Path]:
    """Every folder that may hold backups of this shop: the chosen one and the default."""
    folders = [backup_folder(store), default_folder(store.path)]
    unique: list[Path] = []
    for folder in folders:
        if not any(_same_path(folder, seen) for seen in unique):
            unique.append(folder)
    return unique


def _same_path(a: Path, b: Path) -> bool:
    try:
        return os.path.realpath(a) == os.path.realpath(b)
    except OSError:
        return a == b


def _stem(db_path: Path) -> str:
    name = Path(db_path).name
    return name[:-3] if name.endswith(".db") else name


def backup_name(db_path: Path, when: datetime, reason: str, seq: int, shop_uuid: str) -> str:
    return (f"{_stem(db_path)}-{when.strftime('%Y%m%d-%H%M%S')}-{reason}-n{seq}-"
            f"{identity.short(shop_uuid)}.zip")


def prepare_folder(folder: Path, default: bool) -> None:
    """Make the backup folder (0700). A folder the owner chose is made only if the place
    it is in exists: an unplugged USB stick is reported, never replaced by a folder of
    the same name on the computer's own disk."""
    from kpidesk.paths import private_dir

    folder = Path(folder)
    if folder.is_dir():
        return
    if not default and not folder.parent.is_dir():
        raise BackupError("no_folder", str(folder), folder=str(folder))
    try:
        private_dir(folder, parents=default)
    except OSError as exc:
        raise _os_backup_error(exc, folder) from exc


def _os_backup_error(exc: OSError, where: Path | None = None) -> BackupError:
    import errno

    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        reason = "disk_full"
    elif code in (errno.EROFS, errno.EACCES, errno.EPERM):
        reason = "read_only"
    elif code == errno.ENOENT:
        reason = "no_folder"
    else:
        reason = "io_error"
    return BackupError(reason, str(exc), folder=str(where) if where else "")


def _sqlite_backup_error(exc: sqlite3.Error, where: Path) -> BackupError:
    text = str(exc).lower()
    if "full" in text:
        return BackupError("disk_full", str(exc), folder=str(where))
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return BackupError("read_only", str(exc), folder=str(where))
    if "locked" in text or "busy" in text:
        return BackupError("busy", str(exc), folder=str(where))
    return BackupError("io_error", str(exc), folder=str(where))


# -- what a shop or a backup holds -------------------------------------------------------
def counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
            for t in COUNTED_TABLES}


def summary_of(store: Store) -> dict:
    """`summarize` of the open shop."""
    return summarize(store.conn)


def summarize(conn: sqlite3.Connection) -> dict:
    """Orders, last sale date and shop name: what a person recognises a shop by."""
    found = identity.read(conn)
    row = conn.execute("SELECT value FROM settings WHERE key = 'shop_name'").fetchone()
    return {"orders": int(conn.execute("SELECT count(*) FROM orders").fetchone()[0]),
            "last_sale": conn.execute("SELECT MAX(date) FROM orders").fetchone()[0],
            "shop_name": str(row[0]) if row else "",
            "shop_uuid": found.uuid if found else None}


_details_cache: dict[tuple, BackupDetails | None] = {}


def backup_details(path: Path) -> BackupDetails | None:
    """What a backup holds, without decompressing it (cached by size and time)."""
    path = Path(path)
    try:
        st = path.stat()
    except OSError:
        return None
    key = (str(path), st.st_size, st.st_mtime_ns)
    if key not in _details_cache:
        _details_cache[key] = _read_details(path)
    return _details_cache[key]


def _read_details(path: Path) -> BackupDetails | None:
    if path.suffix == ".zip":
        meta = read_metadata(path)
        if meta is None:
            return None
        return BackupDetails(meta.get("counts", {}).get("orders"), meta.get("last_sale"),
                             meta.get("shop_name", ""), meta.get("shop_uuid"),
                             meta.get("schema_version"), meta.get("counts", {}))
    try:
        conn = _connect_read_only(path)
    except sqlite3.Error:
        return None
    try:
        summary = summarize(conn)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        return BackupDetails(summary["orders"], summary["last_sale"], summary["shop_name"],
                             summary["shop_uuid"], version, counts(conn))
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def read_metadata(path: Path) -> dict | None:
    try:
        with zipfile.ZipFile(path) as archive:
            meta = json.loads(archive.read(METADATA).decode("utf-8"))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, EOFError):
        return None
    return meta if isinstance(meta, dict) and meta.get("kpidesk_backup") == 1 else None


# -- listing ------------------------------------------------------------------------------
def shop_uuid_of(db_path: Path) -> str | None:
    """The identity of the shop file at `db_path` (None if it has none or is unreadable)."""
    try:
        return inspect_file(db_path, quick_check=False).shop_uuid
    except (StoreError, OSError):
        return None


def scan_folder(folder: Path) -> list[BackupInfo]:
    """Every backup in `folder`, of any shop."""
    found: list[BackupInfo] = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return found
    for path in entries:
        m = _NAME.match(path.name) or _LEGACY.match(path.name)
        if not m:
            continue
        try:
            created = datetime.strptime(m["stamp"], "%Y%m%d-%H%M%S")
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        groups = m.groupdict()
        seq = int(groups["seq"]) if groups.get("seq") else None
        found.append(BackupInfo(path, created, m["reason"], size, seq, groups.get("shop")))
    return found


def list_backups(folder: Path, db_path: Path, shop_uuid: str | None = None, *,
                 include_legacy: bool = True) -> list[BackupInfo]:
    """Backups of this shop in `folder`, newest first (by number).

    The shop is known by its uuid (read from `db_path` when not given); older backups,
    made before shops had one, by the shop file's name. When the uuid cannot be known
    (a damaged or missing file), every backup named after the file is listed: each one
    says inside which shop it is (see `backup_details`).
    """
    shop_uuid = shop_uuid or shop_uuid_of(db_path)
    short = identity.short(shop_uuid) if shop_uuid else None
    stem = _stem(db_path)
    found = []
    for b in scan_folder(folder):
        m = _NAME.match(b.path.name) or _LEGACY.match(b.path.name)
        if m is None:  # scan_folder lists only backup names: never, but said
            continue
        if b.shop is not None:
            mine = b.shop == short if short else m["stem"] == stem
        else:
            mine = include_legacy and m["stem"] == stem
        if mine:
            found.append(b)
    return sorted(found, key=_sort_key, reverse=True)


def list_all_backups(store: Store) -> list[BackupInfo]:
    """Backups of the open shop in every folder that may hold them, newest first."""
    ident = identity.read(store.conn)
    seen: dict[str, BackupInfo] = {}
    for folder in backup_folders(store):
        for b in list_backups(folder, store.path, ident.uuid if ident else None):
            seen.setdefault(os.path.realpath(b.path), b)
    return sorted(seen.values(), key=_sort_key, reverse=True)


def other_shops_backups(folder: Path, shop_uuid: str | None) -> int:
    """How many backups of other shops are in `folder` (shown, never touched)."""
    short = identity.short(shop_uuid) if shop_uuid else None
    return sum(1 for b in scan_folder(folder) if b.shop is not None and b.shop != short)


def delete_backup(store: Store, path: Path) -> None:
    """Delete one backup of this shop (the owner's: the Backups dialog's Delete). Only a
    file this shop's listing shows is deleted — never another shop's, never the shop —
    which is how the owner clears older plain `.db` backups that rotation never prunes."""
    from kpidesk.store import security

    security.demand_owner(store, "backups")
    path = Path(path)
    if not any(_same_path(b.path, path) for b in list_all_backups(store)):
        raise BackupError("not_a_backup", str(path))
    try:
        path.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise _os_backup_error(exc, path.parent) from exc


def space_used(backups: list[BackupInfo]) -> int:
    return sum(b.size for b in backups)


def backed_up_on(store: Store, day: str) -> bool:
    return any(b.created.strftime("%Y-%m-%d") == day
               for b in list_backups(backup_folder(store), store.path, _uuid(store)))


def _uuid(store: Store) -> str | None:
    found = identity.read(store.conn)
    return found.uuid if found else None


def newest_backup(store: Store) -> BackupInfo | None:
    found = list_all_backups(store)
    return found[0] if found else None


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


# -- temporary files -------------------------------------------------------------------------
@contextlib.contextmanager
def _temporary(*paths: Path) -> Iterator[None]:
    """Mark files as in progress (not swept); remove them (and SQLite's side files)."""
    keys = {str(p) for p in paths}
    with _active_lock:
        _active.update(keys)
    try:
        yield
    finally:
        for path in paths:
            for leftover in (path, Path(f"{path}-journal"), Path(f"{path}-wal"),
                             Path(f"{path}-shm")):
                with contextlib.suppress(OSError):
                    leftover.unlink()
        with _active_lock:
            _active.difference_update(keys)


def _work_path(db_path: Path, label: str) -> Path:
    """A temporary file beside the shop (its own disk), swept if a kill leaves it."""
    db_path = Path(db_path)
    return db_path.with_name(f".{db_path.name}.{label}-{os.getpid()}-{time.time_ns()}.partial")


def sweep_partials(db_path: Path, folders: list[Path], shop_uuid: str | None,
                   min_age: float = 0.0) -> list[Path]:
    """Remove what killed backups and restores left (``*.partial``, with their SQLite side
    files): this shop's in the backup folders, this file's beside it. Older versions'
    leftovers of a file of this name are removed when more than an hour old."""
    db_path = Path(db_path)
    short = identity.short(shop_uuid) if shop_uuid else None
    stem = _stem(db_path)
    now = time.time()
    removed: list[Path] = []
    candidates: list[tuple[Path, float]] = []
    with contextlib.suppress(OSError):
        candidates += [(p, min_age) for p in db_path.parent.iterdir()
                       if p.name.startswith(f".{db_path.name}.") and ".partial" in p.name]
    for folder in folders:
        with contextlib.suppress(OSError):
            for p in Path(folder).iterdir():
                if ".partial" not in p.name:
                    continue
                base = p.name.split(".partial")[0]
                m = _NAME.match(base)
                if m and short and m["shop"] == short:
                    candidates.append((p, min_age))
                elif (m := _LEGACY.match(base)) and m["stem"] == stem:
                    candidates.append((p, max(min_age, 3600.0)))
    with _active_lock:
        active = set(_active)
    for path, age in candidates:
        base = str(path).split(".partial")[0] + ".partial"
        if base in active:
            continue
        try:
            if now - path.stat().st_mtime < age:
                continue
            path.unlink()
            removed.append(path)
        except OSError:
            pass
    return removed


# -- making one ------------------------------------------------------------------------------
def _check_copy(path: Path, expected: dict[str, int], shop_uuid: str, full: bool) -> None:
    try:
        conn = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as exc:
        raise BackupError("not_verified", str(exc)) from exc
    try:
        check = "integrity_check" if full else "quick_check"
        result = conn.execute(f"PRAGMA {check}").fetchone()[0]
        if result != "ok":
            raise BackupError("not_verified", f"{check}: {result}")
        if counts(conn) != expected:
            raise BackupError("not_verified", "row counts differ from the shop")
        found = identity.read(conn)
        if found is None or found.uuid != shop_uuid:
            raise BackupError("not_verified", "the shop's identity is missing")
    except sqlite3.DatabaseError as exc:
        raise BackupError("not_verified", str(exc)) from exc
    finally:
        conn.close()


def _strip_indexes(path: Path) -> None:
    """Drop the indexes (kept as SQL in INDEX_TABLE for the restore to rebuild)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN")
        rows = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'"
                            " AND sql IS NOT NULL ORDER BY name").fetchall()
        conn.execute(f"CREATE TABLE {INDEX_TABLE} (name TEXT PRIMARY KEY, sql TEXT NOT NULL)")
        conn.executemany(f"INSERT INTO {INDEX_TABLE} VALUES (?, ?)", rows)
        for name, _sql in rows:
            conn.execute(f'DROP INDEX "{name}"')
        conn.execute("COMMIT")
    finally:
        conn.close()


def _compress(source: Path, target: Path, member: str, meta: dict,
              progress: Progress | None) -> str:
    """Write the zip; returns the SHA-256 of `source`."""
    digest = hashlib.sha256()
    total = max(source.stat().st_size, 1)
    done = 0
    when = datetime.fromisoformat(meta["created"])
    meta_time = (max(when.year, 1980), when.month, when.day, when.hour, when.minute,
                 when.second)
    info = zipfile.ZipInfo(member, date_time=meta_time)
    info.compress_type = zipfile.ZIP_DEFLATED
    # ZipFile.open(info, "w") takes the level from the ZipInfo, not from the ZipFile
    try:
        info.compress_level = COMPRESS_LEVEL  # type: ignore[attr-defined]  # Python 3.13+
    except AttributeError:
        info._compresslevel = COMPRESS_LEVEL  # type: ignore[attr-defined]  # 3.11-3.12
    info.external_attr = 0o600 << 16
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_BINARY", 0),
                 0o600)
    with os.fdopen(fd, "wb") as raw:
        with zipfile.ZipFile(raw, "w", zipfile.ZIP_DEFLATED,
                             compresslevel=COMPRESS_LEVEL) as archive:
            info.file_size = total  # zipfile then uses Zip64 only for a member that needs it
            with archive.open(info, "w") as out, open(source, "rb") as src:
                while chunk := src.read(CHUNK):
                    digest.update(chunk)
                    out.write(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done / total)
            meta = {**meta, "db_sha256": digest.hexdigest()}
            text = zipfile.ZipInfo(METADATA, date_time=meta_time)
            text.compress_type = zipfile.ZIP_DEFLATED
            text.external_attr = 0o600 << 16
            archive.writestr(text, json.dumps(meta, ensure_ascii=False, indent=1))
        raw.flush()
        os.fsync(raw.fileno())  # on the disk before it is renamed into place
    return digest.hexdigest()


def verify_archive(path: Path, shop_uuid: str | None = None) -> dict:
    """Decompress a backup and check it: every byte's CRC, the SHA-256 of the shop file
    inside against the one recorded when it was made. Returns its metadata."""
    meta = read_metadata(path)
    if meta is None:
        raise BackupError("damaged", str(path))
    if shop_uuid and meta.get("shop_uuid") != shop_uuid:
        raise BackupError("damaged", "another shop's identity")
    digest = hashlib.sha256()
    try:
        with zipfile.ZipFile(path) as archive, archive.open(meta["db_member"]) as member:
            while chunk := member.read(CHUNK):
                digest.update(chunk)
    except (OSError, KeyError, zipfile.BadZipFile, EOFError) as exc:
        raise BackupError("damaged", str(exc)) from exc
    if digest.hexdigest() != meta.get("db_sha256"):
        raise BackupError("damaged", "checksum differs")
    return meta


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


def _finish_copy(snapshot: Path, compact: Path, number: int) -> None:
    """Mark the snapshot as a backup copy, drop its indexes, compact it into `compact`."""
    conn = sqlite3.connect(snapshot, isolation_level=None)
    try:
        conn.execute("UPDATE shop_identity SET copy_kind = 'backup',"
                     " backup_seq = MAX(backup_seq, ?) WHERE id = 1", (number,))
    finally:
        conn.close()
    _strip_indexes(snapshot)
    conn = sqlite3.connect(snapshot, isolation_level=None)
    try:
        conn.execute("VACUUM INTO ?", (str(compact),))
    finally:
        conn.close()


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


def _has_tables(conn: sqlite3.Connection) -> bool:
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return set(COUNTED_TABLES) <= names


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


# -- reading one back ------------------------------------------------------------------------
def verify(path: Path, expected: dict[str, int] | None = None) -> bool:
    """True when `path` is an intact kpidesk backup (zip: decompressed and checked;
    older plain copies: integrity_check), with these row counts if given."""
    path = Path(path)
    if path.suffix == ".zip":
        try:
            meta = verify_archive(path)
        except BackupError:
            return False
        return expected is None or meta.get("counts") == expected
    try:
        conn = _connect_read_only(path)
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


def is_backup_file(path: Path) -> bool:
    """A backup by its name or its content (a kpidesk backup zip, a copy marked inside)."""
    path = Path(path)
    if _NAME.match(path.name) or _LEGACY.match(path.name):
        return True
    if path.suffix == ".zip":
        return read_metadata(path) is not None
    try:
        return inspect_file(path, quick_check=False).copy_kind == "backup"
    except (StoreError, OSError):
        return False


@contextlib.contextmanager
def opened_backup(path: Path, work_beside: Path) -> Iterator[Path]:
    """A private, checked, uncompressed copy of a backup, beside `work_beside` (the shop
    it goes into: its own disk): a zip is decompressed (its SHA-256 checked) and its
    indexes rebuilt; an older plain backup is copied and checked. The backup file itself
    is only ever read. The copy is removed afterwards."""
    path = Path(path)
    if not path.is_file():
        raise BackupError("not_a_backup", str(path))
    work = _work_path(work_beside, "restore")
    with _temporary(work):
        try:
            if path.suffix == ".zip":
                meta = read_metadata(path)
                if meta is None:
                    raise BackupError("not_a_backup", str(path))
                digest = hashlib.sha256()
                try:
                    with zipfile.ZipFile(path) as archive, \
                            archive.open(meta["db_member"]) as member, open(work, "wb") as out:
                        while chunk := member.read(CHUNK):
                            digest.update(chunk)
                            out.write(chunk)
                except (KeyError, zipfile.BadZipFile, EOFError) as exc:
                    raise BackupError("damaged", str(exc)) from exc
                if digest.hexdigest() != meta.get("db_sha256"):
                    raise BackupError("damaged", "checksum differs")
            else:
                with open(path, "rb") as handle:
                    if not handle.read(16).startswith(SQLITE_MAGIC):
                        raise BackupError("not_a_backup", str(path))
                shutil.copyfile(path, work)
            _rebuild_indexes(work, full_check=path.suffix != ".zip")
        except OSError as exc:
            raise _os_backup_error(exc, work.parent) from exc
        except sqlite3.Error as exc:
            raise BackupError("damaged", str(exc)) from exc
        yield work


def _rebuild_indexes(path: Path, full_check: bool = False) -> None:
    """Rebuild what a backup left out, and check the result (an older plain backup was
    never checked against a checksum: its whole integrity_check then)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
        if INDEX_TABLE in names:
            conn.execute("BEGIN")
            for _name, sql in conn.execute(f"SELECT name, sql FROM {INDEX_TABLE}").fetchall():
                conn.execute(sql)
            conn.execute(f"DROP TABLE {INDEX_TABLE}")
            conn.execute("COMMIT")
        check = "integrity_check" if full_check else "quick_check"
        if conn.execute(f"PRAGMA {check}").fetchone()[0] != "ok":
            raise BackupError("damaged", f"{check} failed")
        from kpidesk.store.schema import APPLICATION_ID

        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            raise BackupError("not_a_backup", str(path))
    except sqlite3.DatabaseError as exc:
        raise BackupError("damaged", str(exc)) from exc
    finally:
        conn.close()


# -- restoring ---------------------------------------------------------------------------
@dataclass
class RestoreResult:
    backup: Path
    restored: dict  # summary of what is now in the shop
    replaced: dict | None  # summary of what was there (None: no shop, or unreadable)
    safety: Path | None  # the backup made of what was replaced, or the set-aside file
    set_aside: bool = False


def _check_restorable(path: Path, current_uuid: str | None, allow_other_shop: bool) -> dict:
    from kpidesk.store.schema import SCHEMA_VERSION

    conn = _connect_read_only(path)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version > SCHEMA_VERSION:
            raise BackupError("newer", "", found=version, known=SCHEMA_VERSION)
        summary = summarize(conn)
    finally:
        conn.close()
    if (current_uuid and summary["shop_uuid"] and summary["shop_uuid"] != current_uuid
            and not allow_other_shop):
        raise BackupError("other_shop", summary["shop_uuid"], shop_name=summary["shop_name"],
                          orders=summary["orders"], last_sale=summary["last_sale"] or "")
    return summary


_HISTORY_COLUMNS = "at, action, subject, before, after, with_pin, source, user"


def _history_rows(conn: sqlite3.Connection) -> list[tuple]:
    try:
        return conn.execute(f"SELECT id, {_HISTORY_COLUMNS} FROM change_history"
                            " ORDER BY id").fetchall()
    except sqlite3.Error:
        return []


def _prepare_restored(work: Path, shop_uuid: str | None, number: int, carried: list[tuple],
                      backup_path: Path, replaced: dict | None, safety: Path | None,
                      source: str, with_pin: bool) -> dict:
    """Make the private copy of a backup exactly what the shop will hold, so that one
    atomic copy puts it in place (a kill before it leaves the shop as it was, after it
    the restored shop whole): this shop's identity and numbering, not a backup copy;
    upgraded if it is of an older version; the history entries the backup did not have
    (what happened after it: a restore cannot erase it), then the restore itself."""
    from kpidesk.store import history

    conn = sqlite3.connect(work, isolation_level=None)
    try:
        conn.execute("BEGIN IMMEDIATE")
        identity.create(conn, shop_uuid)  # a backup older than identities gets this one
        conn.execute("UPDATE shop_identity SET copy_kind = NULL, backup_seq = MAX(backup_seq,"
                     " ?)" + (", uuid = ?" if shop_uuid else "") + " WHERE id = 1",
                     (number, shop_uuid) if shop_uuid else (number,))
        conn.execute("COMMIT")
    finally:
        conn.close()
    with Store(work, upgrade_backup=False) as store:  # an older backup is upgraded here
        with store.transaction() as conn:
            last = conn.execute("SELECT IFNULL(MAX(id), 0) FROM change_history").fetchone()[0]
            conn.executemany(f"INSERT INTO change_history({_HISTORY_COLUMNS}) VALUES"
                             " (?, ?, ?, ?, ?, ?, ?, ?)",
                             [row[1:] for row in carried if row[0] > last])
            restored = summarize(conn)
            before = dict(replaced) if replaced else None
            if before is not None:
                before.pop("shop_uuid", None)
                before["kept_as"] = safety.name if safety else None
            after = {k: v for k, v in restored.items() if k != "shop_uuid"}
            after["backup"] = backup_path.name
            history.record(conn, "restore", backup_path.name, before, after,
                           with_pin=with_pin, source=source)
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return restored




def restore(db_path: Path, backup: Path, folder: Path | None = None, *,
            allow_other_shop: bool = False, source: str = "cli",
            with_pin: bool = False) -> RestoreResult:
    """Replace the content of the shop file at `db_path` by a backup (the app does not
    have it open: its lock is taken first, and a held lock is refused — never mistaken
    for damage).

    A sound shop is backed up first ('before-restore'); a damaged, foreign or newer file
    is set aside unchanged (renamed, with its -wal). A backup of another shop is refused
    unless `allow_other_shop`; one made by a newer version always is. The new content
    goes in with one atomic copy: a kill at any moment leaves the old shop or the new.
    """
    from kpidesk.store.lock import acquire

    db_path = Path(db_path)
    backup = Path(backup)
    locks = [acquire(db_path)]  # LockedError: the app (or a command) has it open
    try:
        return _restore_locked(db_path, backup, folder, allow_other_shop, source, with_pin,
                               locks)
    finally:
        locks[0].release()


def _restore_locked(db_path: Path, backup: Path, folder: Path | None,
                    allow_other_shop: bool, source: str, with_pin: bool,
                    locks: list) -> RestoreResult:
    from kpidesk.store.lock import acquire

    state = "empty"
    current_uuid: str | None = None
    try:
        facts = inspect_file(db_path, quick_check=True)
        if not facts.empty:
            state, current_uuid = "sound", facts.shop_uuid
    except (NotAStoreError, CorruptStoreError, NewerSchemaError):
        state = "damaged"
    with opened_backup(backup, db_path) as work:
        from_backup = _check_restorable(work, current_uuid, allow_other_shop)
        replaced: dict | None = None
        carried: list[tuple] = []
        safety: Path | None = None
        number = 0
        if state == "sound":
            with Store(db_path) as current:  # we hold its lock
                replaced = summarize(current.conn)
                if from_backup["shop_uuid"] in (None, current_uuid):
                    carried = _history_rows(current.conn)
                safety = make_backup(current, "before-restore", folder, prune_after=False).path
                found = identity.read(current.conn)
                current_uuid = found.uuid if found else current_uuid
                number = found.backup_seq if found else 0
        restored = _prepare_restored(work, current_uuid or from_backup["shop_uuid"], number,
                                     carried, backup, replaced, safety, source, with_pin)
        salvaged = ""
        if state == "damaged":
            locks[0].release()  # Windows renames no file held open
            safety = set_aside(db_path)
            locks[0] = acquire(db_path)
            from kpidesk.store import security

            salvaged = security.salvage_pin(safety)
        src = _connect_read_only(work)
        try:
            dst = sqlite3.connect(db_path, isolation_level=None)
            try:
                src.backup(dst)  # one transaction: all of it, or none
            finally:
                dst.close()
        finally:
            src.close()
    make_private(db_path)
    if salvaged:  # the damaged shop had an owner PIN: a backup without one must not drop it
        from kpidesk.store import security

        with Store(db_path) as shop:  # we hold its lock
            security.carry_over(shop, salvaged)
    return RestoreResult(backup, restored, replaced, safety, set_aside=state == "damaged")


def restore_into(store: Store, backup_path: Path, *, allow_other_shop: bool = False,
                 source: str = "app", with_pin: bool = False) -> RestoreResult:
    """Replace the open store's content by a backup, in place (the app's Backups dialog).

    The current content is backed up first; every listener then hears that
    everything changed.
    """
    backup_path = Path(backup_path)
    ident = identity.read(store.conn)
    current_uuid = ident.uuid if ident else None
    with opened_backup(backup_path, store.path) as work:
        from_backup = _check_restorable(work, current_uuid, allow_other_shop)
        replaced = summarize(store.conn)
        carried = (_history_rows(store.conn)
                   if from_backup["shop_uuid"] in (None, current_uuid) else [])
        safety = make_backup(store, "before-restore", prune_after=False).path
        found = identity.read(store.conn)
        restored = _prepare_restored(work, current_uuid or from_backup["shop_uuid"],
                                     found.backup_seq if found else 0, carried, backup_path,
                                     replaced, safety, source, with_pin)
        src = _connect_read_only(work)
        try:
            src.backup(store.conn)  # one transaction: all of it, or none
        finally:
            src.close()
    with store.transaction() as conn:
        rollups.journal(conn, [None])  # the copy bypassed the rollup functions
        store.mark_changed(*EVERYTHING)
    return RestoreResult(backup_path, restored, replaced, safety)


def set_aside(db_path: Path, now: datetime | None = None) -> Path:
    """Move a damaged shop file (with its -wal, -shm and -journal) out of the way,
    unchanged; returns its new path."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = db_path.with_name(f"{db_path.name}.damaged-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = db_path.with_name(f"{db_path.name}.damaged-{stamp}_{n}")
    for suffix in ("", "-wal", "-shm", "-journal"):
        source = Path(f"{db_path}{suffix}")
        if source.exists():
            os.replace(source, Path(f"{target}{suffix}"))
    return target


def lost_shop_backups(db_path: Path, extra_folders: list[Path] | None = None,
                      shop_uuid: str | None = None) -> list[BackupInfo]:
    """Backups of a shop file that is missing or empty (zero bytes): beside it and in the
    folders given (the one the owner chose, remembered by the app), newest first. Matched
    by the shop's uuid when known, else by the file's name."""
    db_path = Path(db_path)
    stem = _stem(db_path)
    short = identity.short(shop_uuid) if shop_uuid else None
    found: dict[str, BackupInfo] = {}
    for folder in [default_folder(db_path), *(extra_folders or [])]:
        for b in scan_folder(folder):
            m = _NAME.match(b.path.name) or _LEGACY.match(b.path.name)
            if (short and b.shop == short) or (not short and m and m["stem"] == stem):
                found.setdefault(os.path.realpath(b.path), b)
    return sorted(found.values(), key=_sort_key, reverse=True)


def chosen_folder_of(db_path: Path) -> Path | None:
    """The backup folder a shop file's owner chose, read without changing the file (even a
    damaged one, when that part of it can be read); None if none or unreadable."""
    try:
        conn = _connect_read_only(Path(db_path))
    except (sqlite3.Error, OSError):
        return None
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'backup_dir'").fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return Path(row[0]) if row and row[0] else None


def is_lost(db_path: Path) -> bool:
    """A shop file that is missing or zero bytes (a USB stick unplugged, a failed copy)."""
    db_path = Path(db_path)
    try:
        return not db_path.exists() or (db_path.is_file() and db_path.stat().st_size == 0)
    except OSError:
        return True



__all__ = ["BackupError", "LockedError"]
