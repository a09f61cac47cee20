"""A shop file on disk: read without writing to it (`inspect_file`), kept private, its errors."""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from kpidesk.store import schema
from kpidesk.store.errors import (
    CorruptStoreError,
    NewerSchemaError,
    NotAStoreError,
    WriteFailedError,
)

SQLITE_MAGIC = b"SQLite format 3\x00"


@dataclass(frozen=True)
class FileFacts:
    """What a shop file is, as read without changing it (see `inspect_file`)."""

    path: Path
    exists: bool
    empty: bool  # no file, zero bytes, or an SQLite file holding nothing: a new shop
    version: int = 0
    shop_uuid: str | None = None
    copy_kind: str | None = None  # 'backup' inside a backup copy
    shop_name: str = ""
    check_deferred: bool = False  # quick_check left to Store's thread


def _nonempty(path: Path) -> bool:
    try:
        return path.stat().st_size > 0
    except OSError:
        return False


def _connect_read_only(path: Path, **kwargs) -> sqlite3.Connection:
    """A connection that can never write to the file: no checkpoint, no rollback of a
    journal (a hot journal makes it fail instead)."""
    uri = Path(os.path.abspath(path)).as_uri() + "?mode=ro"
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, **kwargs)
    try:
        conn.execute("PRAGMA user_version").fetchone()
    except sqlite3.OperationalError as exc:
        conn.close()
        if "readonly" in str(exc).lower() and _nonempty(Path(f"{path}-journal")):
            raise  # a hot journal: only a writer could roll it back
        # A WAL file on read-only media (no -shm can be made): read it as immutable.
        conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None, **kwargs)
    except sqlite3.DatabaseError:
        conn.close()
        raise
    return conn


def inspect_file(path: Path | str, *, quick_check: bool = True, defer_check: bool = False,
                 allow_backup_copy: bool = True) -> FileFacts:
    """Examine a (would-be) shop file without ever writing to it or beside it, except the
    `-shm` index SQLite may make to read a `-wal`.

    Raises NotAStoreError (reason not_sqlite, foreign, directory, backup),
    CorruptStoreError, NewerSchemaError. A file with a hot rollback journal is examined
    through a copy, so that the rollback happens on the copy only. With `defer_check`,
    the quick_check of a current-version WAL shop is left to the caller
    (`check_deferred`).
    """
    path = Path(path)
    if path.is_dir():
        raise NotAStoreError("directory")
    if not path.exists():
        return FileFacts(path, exists=False, empty=True)
    size = path.stat().st_size
    journal = _nonempty(Path(f"{path}-journal"))
    if size == 0 and not journal and not _nonempty(Path(f"{path}-wal")):
        return FileFacts(path, exists=True, empty=True)
    if size:
        with open(path, "rb") as handle:
            head = handle.read(100)
        if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
            raise NotAStoreError("not_sqlite")
    if journal:
        return _inspect_copy(path, quick_check, allow_backup_copy)
    try:
        conn = _connect_read_only(path)
    except sqlite3.DatabaseError as exc:
        raise _classify(exc) from exc
    try:
        return _facts(conn, path, quick_check, defer_check, allow_backup_copy)
    except sqlite3.DatabaseError as exc:
        raise _classify(exc) from exc
    finally:
        conn.close()


def _inspect_copy(path: Path, quick_check: bool, allow_backup_copy: bool) -> FileFacts:
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="kpidesk-inspect-") as folder:
        copy = Path(folder) / "shop.db"
        shutil.copyfile(path, copy)
        shutil.copyfile(f"{path}-journal", f"{copy}-journal")
        try:
            conn = sqlite3.connect(copy, isolation_level=None)  # rolls the copy back
        except sqlite3.DatabaseError as exc:
            raise _classify(exc) from exc
        try:
            facts = _facts(conn, copy, quick_check, False, allow_backup_copy)
        except sqlite3.DatabaseError as exc:
            raise _classify(exc) from exc
        finally:
            conn.close()
    return FileFacts(path, True, facts.empty, facts.version, facts.shop_uuid,
                     facts.copy_kind, facts.shop_name)


def _facts(conn: sqlite3.Connection, path: Path, quick_check: bool, defer_check: bool,
           allow_backup_copy: bool) -> FileFacts:
    from kpidesk.store import identity

    version = conn.execute("PRAGMA user_version").fetchone()[0]
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    objects = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
    if objects == 0 and app_id == 0 and version == 0:
        return FileFacts(path, exists=True, empty=True)
    if app_id != schema.APPLICATION_ID:  # another program's file (tables, or only views)
        raise NotAStoreError("foreign", f"application_id {app_id:#x}")
    if version > schema.SCHEMA_VERSION:
        raise NewerSchemaError(version, schema.SCHEMA_VERSION)
    # Deferred only for a WAL shop with no WAL content left (a clean close): a connection
    # that can write checkpoints a WAL when it closes, which must never reach a file that
    # turns out damaged.
    deferred = (defer_check and version == schema.SCHEMA_VERSION
                and not _nonempty(Path(f"{path}-wal"))
                and conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal")
    if quick_check and not deferred:
        result = conn.execute("PRAGMA quick_check").fetchone()[0]
        if result != "ok":
            raise CorruptStoreError("quick_check failed")
    found = identity.read(conn)
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'shop_name'").fetchone()
    except sqlite3.DatabaseError:
        row = None
    facts = FileFacts(path, True, False, version, found.uuid if found else None,
                      found.copy_kind if found else None, str(row[0]) if row else "",
                      check_deferred=deferred)
    if facts.copy_kind == "backup" and not allow_backup_copy:
        raise NotAStoreError("backup", facts.shop_uuid or "")
    return facts


def needs_upgrade(path: Path | str) -> bool:
    """Whether the file was written by an older schema (opening it for writing migrates
    it, backed up first; that can take seconds on a large shop)."""
    path = Path(path)
    if not path.is_file():
        return False
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return False
    return 0 < version < schema.SCHEMA_VERSION


def make_private(path: Path) -> None:
    """Readable and writable by the user only (where the OS has modes)."""
    for candidate in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        try:
            if candidate.exists():
                os.chmod(candidate, 0o600)
        except OSError:
            pass


def _write_error(exc: sqlite3.OperationalError) -> Exception:
    text = str(exc).lower()
    if "full" in text:
        return WriteFailedError("disk_full", str(exc))
    if "readonly" in text or "read-only" in text or "unable to open" in text:
        return WriteFailedError("read_only", str(exc))
    if "locked" in text or "busy" in text:
        return WriteFailedError("busy", str(exc))
    if "disk i/o" in text:
        return WriteFailedError("io_error", str(exc))
    return exc


def _classify(exc: sqlite3.DatabaseError) -> Exception:
    text = str(exc).lower()
    if "not a database" in text or "file is not a database" in text:
        return NotAStoreError("not_sqlite", str(exc))
    if "malformed" in text or "corrupt" in text:
        return CorruptStoreError(str(exc))
    if isinstance(exc, sqlite3.OperationalError):
        return _write_error(exc)
    return exc


def _os_write_error(exc: OSError) -> Exception:
    """An OS error met while opening a shop for writing, as a WriteFailedError."""
    import errno

    code = exc.errno
    if code == errno.ENOSPC:
        return WriteFailedError("disk_full", str(exc))
    if code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return WriteFailedError("read_only", str(exc))
    if code == errno.ENOENT:
        return WriteFailedError("no_folder", str(exc))
    return WriteFailedError("io_error", str(exc))
