"""A backup's zip and work files: checking, compressing, verifying and opening one."""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import threading
import time
import zipfile
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

from kpidesk.store import identity
from kpidesk.store.backup_files import (
    _LEGACY,
    _NAME,
    CHUNK,
    COUNTED_TABLES,
    METADATA,
    _os_backup_error,
    _stem,
    counts,
    read_metadata,
)
from kpidesk.store.errors import BackupError, StoreError
from kpidesk.store.file_facts import SQLITE_MAGIC, _connect_read_only, inspect_file

COMPRESS_LEVEL = 1  # measured at 1M lines: 1 → 23 % of the shop in 2.5 s, 6 → 22 % in 7.6 s
INDEX_TABLE = "kpidesk_backup_indexes"  # inside a backup: the indexes a restore rebuilds

Progress = Callable[[float], None]


# Temporary files of backups in progress in this process: never swept.
_active: set[str] = set()
_active_lock = threading.Lock()


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


def _has_tables(conn: sqlite3.Connection) -> bool:
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return set(COUNTED_TABLES) <= names


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
