"""Opening a shop file: WAL, foreign keys, schema version, migrations, transactions.

The store knows nothing of Qt. Views learn about writes through
`Store.subscribe()`: callbacks run after each commit with the set of
topics that changed (e.g. {"sales"}, {"targets"}).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from kpidesk.store import rollups, schema
from kpidesk.store.errors import (
    CorruptStoreError,
    NewerSchemaError,
    NotAStoreError,
    OlderSchemaError,
    WriteFailedError,
)

Listener = Callable[[set[str]], None]


def new_uuid() -> str:
    return str(uuid.uuid4())


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


def upgrade_if_needed(path: Path | str) -> None:
    """Migrate an older file before it is opened read-only (headless commands)."""
    if needs_upgrade(path):
        Store(path).close()


class Store:
    """One open shop file."""

    def __init__(self, path: Path | str, *, read_only: bool = False, lock: bool = False,
                 check_later: bool = False) -> None:
        """Open (or create) a shop file.

        The file is checked (kpidesk marker, schema version, `quick_check`)
        before anything is written to it. With `lock`, a second process that
        opens the same file with `lock` is refused (see `lock.py`).

        With `check_later`, the `quick_check` of a file that needs no migration
        (it reads every page: seconds for a large shop on a cold disk) runs on
        a thread of its own instead; the first write waits for it, and is refused
        if it found damage (`check_result()` tells).
        """
        self.path = Path(path)
        self.read_only = read_only
        self._check_later = check_later and not read_only
        self._check_done: threading.Event | None = None
        self._check_passed: bool | None = None
        self._listeners: list[Listener] = []
        self._depth = 0
        self._pending: set[str] = set()
        self.commits = 0  # writes committed since opening (backup on exit if any)
        self._lock = None
        if lock and not read_only:
            from kpidesk.store.lock import acquire

            self._lock = acquire(self.path)
        try:
            self.conn = self._connect()
        except BaseException:
            self._release_lock()
            raise
        self._db = None
        try:
            self._check_and_migrate()
            if not self.read_only:
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = FULL")
                make_private(self.path)
        except BaseException:
            self.conn.close()
            self._release_lock()
            raise
        if self._check_done is not None:
            self._start_check()

    @property
    def db(self):
        """The connection as a ``sqlite_utils.Database`` (imported on first use: 0.15 s
        less at start-up when the file needs no migration)."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn)
        return self._db

    # -- opening -----------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        if self.read_only:
            uri = self.path.resolve().as_uri() + "?mode=ro"
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
            try:
                conn.execute("PRAGMA user_version").fetchone()
            except sqlite3.OperationalError:
                # A WAL file on read-only media (no -shm can be made): read it as immutable.
                conn.close()
                conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None,
                                       check_same_thread=False)
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not self.path.exists():  # created readable by the user only
                os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 5000")
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise _classify(exc) from exc
        return conn

    def _check_and_migrate(self) -> None:
        try:
            version = self.conn.execute("PRAGMA user_version").fetchone()[0]
            app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
            tables = self.conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
            ).fetchone()[0]
        except sqlite3.DatabaseError as exc:
            raise _classify(exc) from exc
        if version == 0 and tables == 0 and app_id == 0:
            if self.read_only:
                raise NotAStoreError("empty file opened read-only")
        elif app_id != schema.APPLICATION_ID:
            raise NotAStoreError(f"application_id {app_id:#x} is not a kpidesk store")
        if version > schema.SCHEMA_VERSION:
            raise NewerSchemaError(version, schema.SCHEMA_VERSION)
        if (tables and self._check_later and version == schema.SCHEMA_VERSION
                and self.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"):
            # nothing below writes to such a file: check it on a thread once it is open
            self._check_done = threading.Event()
        elif tables and not self.integrity_ok(quick=True):
            raise CorruptStoreError("quick_check failed")
        if version < schema.SCHEMA_VERSION and self.read_only and tables:
            raise OlderSchemaError(version, schema.SCHEMA_VERSION)
        if version < schema.SCHEMA_VERSION and not self.read_only:
            if tables:
                self.backup_to(self._migration_backup_path(version))
            self._migrate(version)

    def _start_check(self) -> None:
        def run() -> None:
            passed = False
            try:
                reader = sqlite3.connect(self.path.resolve().as_uri() + "?mode=ro", uri=True)
                try:
                    passed = reader.execute("PRAGMA quick_check").fetchone()[0] == "ok"
                finally:
                    reader.close()
            except sqlite3.DatabaseError:
                passed = False
            finally:
                self._check_passed = passed
                self._check_done.set()

        threading.Thread(target=run, name="quick-check", daemon=True).start()

    def check_result(self) -> bool | None:
        """Outcome of the integrity check: True / False, None while it still runs."""
        if self._check_done is None:
            return True  # checked when opened
        return self._check_passed if self._check_done.is_set() else None

    def _wait_for_check(self) -> None:
        if self._check_done is not None:
            self._check_done.wait()
            if not self._check_passed:
                raise CorruptStoreError("quick_check failed: nothing is written to this file")

    def upgrade_schema(self) -> None:
        """Migrate content of an older version put in place under an open connection
        (a restored backup); the content is backed up first, as at open."""
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version < schema.SCHEMA_VERSION:
            self.backup_to(self._migration_backup_path(version))
            self._migrate(version)

    def _migration_backup_path(self, version: int) -> Path:
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        folder = self.path.parent / "backups"
        folder.mkdir(parents=True, exist_ok=True)
        stem = self.path.name[:-3] if self.path.name.endswith(".db") else self.path.name
        return folder / f"{stem}-{stamp}-before-v{version + 1}.db"

    def _migrate(self, version: int) -> None:
        with self.transaction():
            while version < schema.SCHEMA_VERSION:
                schema.MIGRATIONS[version](self.db)
                if version == 0:
                    self._seed_defaults()
                version += 1
                self.conn.execute(f"PRAGMA user_version = {version}")
            self.conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")

    def _seed_defaults(self) -> None:
        self.conn.executemany(
            "INSERT INTO settings(key, value) VALUES (?, ?)", schema.DEFAULT_SETTINGS.items()
        )
        self.conn.executemany(
            "INSERT INTO stages(uuid, name, probability, position, kind) VALUES (?, ?, ?, ?, ?)",
            [(new_uuid(), *stage) for stage in schema.DEFAULT_STAGES],
        )
        self.conn.executemany(
            "INSERT INTO channels(uuid, name) VALUES (?, ?)",
            [(new_uuid(), name) for name in schema.DEFAULT_CHANNELS],
        )
        self.conn.executemany(
            "INSERT INTO lost_reasons(uuid, name) VALUES (?, ?)",
            [(new_uuid(), name) for name in schema.DEFAULT_LOST_REASONS],
        )

    # -- transactions and change notification ------------------------------
    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction; nested calls join the outer one.

        Any exception rolls back everything done inside, so nothing is
        saved half-way.
        """
        if self._depth:
            self._depth += 1
            try:
                yield self.conn
            finally:
                self._depth -= 1
            return
        self._wait_for_check()
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            raise _write_error(exc) from exc
        self._depth = 1
        try:
            yield self.conn
            self.conn.execute("COMMIT")
        except BaseException as exc:
            self._depth = 0
            self._pending.clear()
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            if isinstance(exc, sqlite3.OperationalError):
                raise _write_error(exc) from exc
            raise
        self._depth = 0
        self.commits += 1
        changed, self._pending = self._pending, set()
        if changed:
            for listener in list(self._listeners):
                listener(changed)

    def mark_changed(self, *topics: str) -> None:
        """Note what a write changed; listeners hear it after the commit."""
        self._pending.update(topics)

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def unsubscribe(self, listener: Listener) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    # -- queries -----------------------------------------------------------
    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        cur = self.conn.execute(sql, params)
        cur.row_factory = sqlite3.Row
        return cur.fetchall()

    def scalar(self, sql: str, params: tuple | dict = ()) -> object:
        row = self.conn.execute(sql, params).fetchone()
        return row[0] if row else None

    # -- settings ----------------------------------------------------------
    def setting(self, key: str) -> str:
        value = self.scalar("SELECT value FROM settings WHERE key = ?", (key,))
        return str(value) if value is not None else schema.DEFAULT_SETTINGS.get(key, "")

    def set_setting(self, key: str, value: str) -> None:
        """Set one setting. The shop's own settings (`security.OWNER_SETTINGS`) are the
        owner's: refused outside an owner session when a PIN is set, and recorded in the
        change history when they change."""
        from kpidesk.store import history, security

        value = str(value)
        owners = key in security.OWNER_SETTINGS
        if owners:
            security.demand_owner(self, "setting")
        with self.transaction():
            if owners:
                old = self.scalar("SELECT value FROM settings WHERE key = ?", (key,))
                if old != value:
                    history.note(self, "setting", key,
                                 None if old is None else {"value": old}, {"value": value})
            self.conn.execute(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, value),
            )
            if key == "loyal_min_orders":  # contacts.loyal_from depends on it
                rollups.refresh_summaries(self.conn)
            self.mark_changed("settings")

    @property
    def reporting_currency(self) -> str:
        return self.setting("reporting_currency") or "USD"

    @property
    def default_rate(self) -> int:
        try:
            return int(self.setting("default_rate"))
        except ValueError:
            return 4100

    # -- housekeeping --------------------------------------------------------
    def backup_to(self, target: Path | str) -> Path:
        """Consistent copy of the file through the sqlite3 backup API."""
        target = Path(target)
        target.parent.mkdir(parents=True, exist_ok=True)
        dest = sqlite3.connect(target)
        try:
            self.conn.backup(dest)
            # one self-contained file (no -wal / -shm left beside it by later readers)
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        make_private(target)
        return target

    def integrity_ok(self, quick: bool = True) -> bool:
        pragma = "quick_check" if quick else "integrity_check"
        try:
            return self.conn.execute(f"PRAGMA {pragma}").fetchone()[0] == "ok"
        except sqlite3.DatabaseError:
            return False

    def close(self) -> None:
        try:
            self.conn.close()
        finally:
            self._release_lock()

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


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
        return NotAStoreError(str(exc))
    if "malformed" in text or "corrupt" in text:
        return CorruptStoreError(str(exc))
    if isinstance(exc, sqlite3.OperationalError):
        return _write_error(exc)
    return exc


def open_store(path: Path | str, *, read_only: bool = False) -> Store:
    return Store(path, read_only=read_only)
