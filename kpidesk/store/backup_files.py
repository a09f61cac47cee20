"""Where a shop's backups are and what each one is: names, folders, details, listings."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from kpidesk.store import identity, order_days
from kpidesk.store.db import Store
from kpidesk.store.errors import BackupError, StoreError
from kpidesk.store.file_facts import _connect_read_only, inspect_file

AUTOMATIC = ("daily", "exit")
COUNTED_TABLES = ("orders", "sale_lines", "contacts", "opportunities", "targets")
METADATA = "kpidesk-backup.json"
CHUNK = 1 << 20
_NAME = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z0-9-]+?)"
                   r"-n(?P<seq>\d+)-(?P<shop>[0-9a-f]{32})\.zip$")
_LEGACY = re.compile(r"^(?P<stem>.+)-(?P<stamp>\d{8}-\d{6})(?:_\d+)?-(?P<reason>[a-z0-9-]+)\.db$")


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


def _last_sale(conn: sqlite3.Connection) -> str | None:
    """The latest order's date, through the file's date index: from `index_orders_by_day`
    on the one on the day number, in an older file (a backup, a shop before its upgrade)
    the one on `date`."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'index'"
                    " AND name = 'idx_orders_day'").fetchone() is None:
        return conn.execute("SELECT MAX(date) FROM orders").fetchone()[0]
    day = conn.execute("SELECT MAX(day) FROM orders").fetchone()[0]
    return None if day is None else order_days.iso_day(day)


def summarize(conn: sqlite3.Connection) -> dict:
    """Orders, last sale date and shop name: what a person recognises a shop by."""
    found = identity.read(conn)
    row = conn.execute("SELECT value FROM settings WHERE key = 'shop_name'").fetchone()
    return {"orders": int(conn.execute("SELECT count(*) FROM orders").fetchone()[0]),
            "last_sale": _last_sale(conn),
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
