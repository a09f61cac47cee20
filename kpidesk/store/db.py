"""Opening a shop file: WAL, foreign keys, schema version, migrations, transactions.

The store knows nothing of Qt. Views learn about writes through
`Store.subscribe()`: callbacks run after each commit with the set of
topics that changed (`store/topics.py`: e.g. {Topic.SALES}, {Topic.TARGETS}).
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from kpidesk.store import dialect, rollups, schema
from kpidesk.store.errors import (
    CorruptStoreError,
    NewerSchemaError,
    NotAStoreError,
    OlderSchemaError,
    WriteFailedError,
)
from kpidesk.store.topics import Topic

Listener = Callable[[set[Topic]], None]
# progress(stage, fraction) while an older file is upgraded: stage 'backup' (the copy made
# first), 'upgrade' (the migrations) or 'compact' (giving the freed space back); 0..1.
Progress = Callable[[str, float], None]


def inserted_id(cur: sqlite3.Cursor) -> int:
    """The id of the row an INSERT just made."""
    assert cur.lastrowid is not None
    return int(cur.lastrowid)


def new_uuid() -> bytes:
    """A new random (version 4) UUID as the shop file stores it: 16 bytes.

    Every row's UUID is made here (or by `new_uuids`) and shown or read as text only
    through `uuid_text` / `uuid_value`, so the stored form can change in one place.
    """
    return uuid.uuid4().bytes


def new_uuids(count: int) -> list[bytes]:
    """`count` new random (version 4) UUIDs, 16 bytes each: far faster than `new_uuid()`
    one by one for a bulk insert."""
    raw = bytearray(os.urandom(16 * count))
    raw[6::16] = bytes((b & 0x0F) | 0x40 for b in raw[6::16])
    raw[8::16] = bytes((b & 0x3F) | 0x80 for b in raw[8::16])
    return [bytes(raw[i:i + 16]) for i in range(0, 16 * count, 16)]


def uuid_text(value: bytes | str | None) -> str | None:
    """The usual text form of a stored UUID ('1b4e28ba-2fa1-11d2-883f-0016d3cca427');
    a text UUID (files of schema version 3 and older) is returned as it is."""
    if value is None or isinstance(value, str):
        return value
    return str(uuid.UUID(bytes=bytes(value)))


def uuid_value(text: str | bytes) -> bytes:
    """The stored form of a UUID given as text (any case, with or without hyphens or
    braces); ValueError when it is not a UUID."""
    if isinstance(text, (bytes, bytearray)):
        if len(text) != 16:
            raise ValueError("a stored UUID has 16 bytes")
        return bytes(text)
    return uuid.UUID(str(text).strip()).bytes


def is_uuid_text(text: str) -> bool:
    """Whether `text` is a UUID written the usual way (36 characters with hyphens)."""
    if not isinstance(text, str) or len(text) != 36:
        return False
    try:
        uuid.UUID(text)
    except ValueError:
        return False
    return True


def _sql_uuid_blob(value: Any) -> Any:
    """SQL uuid_blob(x): a text UUID as its 16 bytes; anything else unchanged."""
    if isinstance(value, str):
        try:
            return uuid.UUID(value).bytes
        except ValueError:
            return value
    return value


def _sql_uuid_text(value: Any) -> Any:
    """SQL uuid_text(x): a 16-byte UUID as text; anything else unchanged."""
    if isinstance(value, bytes) and len(value) == 16:
        return str(uuid.UUID(bytes=value))
    return value


def add_sql_functions(conn: sqlite3.Connection) -> None:
    """uuid_text(x) and uuid_blob(x) for SQL (exports, the schema upgrade)."""
    conn.create_function("uuid_text", 1, _sql_uuid_text, deterministic=True)
    conn.create_function("uuid_blob", 1, _sql_uuid_blob, deterministic=True)


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


def _file_id(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


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


def upgrade_if_needed(path: Path | str) -> None:
    """Migrate an older file before it is opened read-only (headless commands); its lock
    is taken for that (LockedError if the app has it open)."""
    if needs_upgrade(path):
        Store(path, lock=True).close()


class Store:
    """One open shop file."""

    def __init__(self, path: Path | str, *, read_only: bool = False, lock: bool = False,
                 check_later: bool = False, view_reason: str = "",
                 upgrade_backup: bool = True, progress: Progress | None = None,
                 quick_check: bool = True) -> None:
        """Open (or create) a shop file.

        The file is examined first through a read-only connection (kpidesk marker,
        schema version, identity, `quick_check`): a damaged, foreign or newer file, or
        a backup copy, raises before any connection that could write to it exists —
        nothing is checkpointed or rolled back into it. With `lock`, the file's lock is
        taken first (see `lock.py`): another holder raises LockedError.

        With `check_later`, the `quick_check` of a file that needs no migration
        (it reads every page: seconds for a large shop on a cold disk) runs on
        a thread of its own instead; the first write waits for it, and is refused
        if it found damage (`check_result()` tells).

        `view_reason` (with `read_only`) says why a file is only viewed ('medium': on a
        disk that cannot be written; 'backup': a backup copy): every write is refused
        with WriteFailedError('opened_read_only').

        `progress(stage, fraction)` hears how an upgrade of an older file goes (see
        `Progress`); it is called on the thread that opens the store.

        `quick_check=False` skips the integrity check: only for another connection to a
        shop that is open and checked already (one branch's figures, `branches.open_view`).
        """
        # a PostgreSQL URL: the shop is on a server (`_open_server`), never a local file
        self.server_url: str | None = None
        self.read_only = read_only
        self.view_reason = view_reason if read_only else ""
        self._upgrade_backup = upgrade_backup  # False only for a restore's private copy
        self._check_later = check_later and not read_only
        self._check_done: threading.Event | None = None
        self._check_passed: bool | None = None
        self._listeners: list[Listener] = []
        self._depth = 0
        self._pending: set[Topic] = set()
        self.commits = 0  # writes committed since opening (backup on exit if any)
        # every topic committed since opening: work on a connection of its own hands
        # these back to the app, which announces them on its store (`announce`)
        self.touched: set[Topic] = set()
        self._progress = progress
        self._lock = None
        self._file_id: tuple[int, int] | None = None
        self.facts: FileFacts | None = None
        self._db = None
        if dialect.is_server_url(path):
            # what opens the same shop again (another connection): the URL as given
            self.location: Path | str = dialect.normalise_url(path)
            self._open_server(str(path))
            return
        self.path = Path(path)
        self.location = self.path
        if self.path.is_dir():
            raise NotAStoreError("directory")
        if lock and not read_only:
            from kpidesk.store.lock import acquire

            try:
                self._lock = acquire(self.path)
            except PermissionError as exc:
                raise WriteFailedError("read_only", str(exc)) from exc
            except OSError as exc:
                raise _os_write_error(exc) from exc
        try:
            self.facts = inspect_file(self.path, quick_check=quick_check,
                                      defer_check=self._check_later,
                                      allow_backup_copy=read_only)
            if read_only and self.facts.empty:
                raise NotAStoreError("empty")
            if read_only and self.facts.version < schema.SCHEMA_VERSION:
                raise OlderSchemaError(self.facts.version, schema.SCHEMA_VERSION)
            self.conn = self._connect()
        except BaseException:
            self._release_lock()
            raise
        try:
            self._file_id = _file_id(self.path)
            if not self.read_only:
                self._migrate_if_needed()
                self.conn.execute("PRAGMA journal_mode = WAL")
                self.conn.execute("PRAGMA synchronous = FULL")
                make_private(self.path)
        except sqlite3.OperationalError as exc:
            self.conn.close()
            self._release_lock()
            raise _write_error(exc) from exc
        except BaseException:
            self.conn.close()
            self._release_lock()
            raise
        if self.facts.check_deferred:
            self._check_done = threading.Event()
            self._start_check()

    @property
    def is_server(self) -> bool:
        """Whether the shop is on a PostgreSQL server rather than in a local file."""
        return self.server_url is not None

    def _open_server(self, url: str) -> None:
        """Connect to a shop's PostgreSQL database; make or complete its schema first
        when opened for writing (`pg_schema.ensure`)."""
        from kpidesk.store import pg, pg_schema

        self.server_url = dialect.public_url(url)
        # what messages and the window title show; never a file that is opened or made
        self.path = Path(re.sub(r"[^A-Za-z0-9@._-]+", "_", self.server_url))
        self._check_later = False
        conn = pg.PgConnection(url, read_only=self.read_only)
        try:
            version, _ = pg_schema.stored_version(conn.raw)
            made = False
            if not self.read_only and version != schema.SCHEMA_VERSION:
                conn.begin_write()
                try:
                    made = pg_schema.ensure(conn)
                    conn.learn_tables()
                    self.conn = as_connection(conn)
                    if made:
                        pg_schema.seed(conn)
                        self._seed_defaults()
                        conn.execute(
                            "INSERT OR IGNORE INTO shop_identity(id, uuid, created)"
                            " VALUES (1, ?, ?)",
                            (str(uuid.uuid4()), _now_text()))
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
                version = schema.SCHEMA_VERSION
            if self.read_only and version == 0:
                raise NotAStoreError("empty")
            if version > schema.SCHEMA_VERSION:
                raise NewerSchemaError(version, schema.SCHEMA_VERSION)
            if self.read_only and version < schema.SCHEMA_VERSION:
                raise OlderSchemaError(version, schema.SCHEMA_VERSION)
            conn.learn_tables()
            self.conn = as_connection(conn)
            from kpidesk.store import identity

            found = identity.read(self.conn)
            name = self.scalar("SELECT value FROM settings WHERE key = 'shop_name'")
            self.facts = FileFacts(self.path, exists=True, empty=made, version=version,
                                   shop_uuid=found.uuid if found else None,
                                   shop_name=str(name or ""))
        except BaseException:
            conn.close()
            raise

    def server_broken(self) -> bool:
        """On a shared shop: whether its connection was lost (the server stopped or went
        away); a new one is needed (`ensure_connected`). Always False for a shop file."""
        if self.server_url is None:
            return False
        return bool(getattr(cast(Any, self.conn).raw, "broken", False))

    def ensure_connected(self) -> None:
        """On a shared shop whose connection was lost: connect again (ServerError
        'unreachable' while the server still does not answer). Nothing for a shop file or
        a connection that still works."""
        if not self.server_broken():
            return
        from kpidesk.store import pg

        conn = pg.PgConnection(str(self.location), read_only=self.read_only)
        conn.learn_tables()
        try:
            self.conn.close()
        except Exception:  # noqa: BLE001 - the lost connection may refuse even that
            pass
        self.conn = as_connection(conn)
        self._db = None
        self._depth = 0
        self._pending.clear()

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
            conn = _connect_read_only(self.path, check_same_thread=False)
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not self.path.exists():  # created readable by the user only
                os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
            conn = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        add_sql_functions(conn)
        try:
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA busy_timeout = 5000")
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise _classify(exc) from exc
        return conn

    def _migrate_if_needed(self) -> None:
        """Create a new shop, or upgrade one of an older version (backed up first)."""
        facts = self.facts
        assert facts is not None  # read when the file was opened
        if facts.version >= schema.SCHEMA_VERSION:
            return
        shop_uuid = facts.shop_uuid
        if not facts.empty:
            from kpidesk.store import backup

            shop_uuid = shop_uuid or str(uuid.uuid4())  # the copy's and the upgraded file's
            if self._upgrade_backup:
                backup_progress = self._stage("backup")
                if backup_progress is not None:
                    backup_progress(0.0)
                backup.make_upgrade_backup(self, facts.version, shop_uuid,
                                           progress=backup_progress)
        self._migrate(facts.version, shop_uuid)
        if not facts.empty:
            self._compact_if_worth_it()

    def _start_check(self) -> None:
        done = self._check_done
        assert done is not None  # made with check_later

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
                done.set()

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

    def _stage(self, stage: str) -> Callable[[float], None] | None:
        if self._progress is None:
            return None
        report = self._progress
        return lambda fraction: report(stage, max(0.0, min(1.0, fraction)))

    def _migrate(self, version: int, shop_uuid: str | None = None) -> None:
        upgrade = self._stage("upgrade")
        if upgrade is not None:
            upgrade(0.0)
        with self.transaction():
            # Another process may have created or upgraded the file since it was examined
            # (two first starts at once): go on from what is there now.
            now = self.conn.execute("PRAGMA user_version").fetchone()[0]
            if now != version:
                app_id = self.conn.execute("PRAGMA application_id").fetchone()[0]
                if app_id != schema.APPLICATION_ID:
                    raise NotAStoreError("foreign", "changed while it was being opened")
                if now > schema.SCHEMA_VERSION:
                    raise NewerSchemaError(now, schema.SCHEMA_VERSION)
                version = now
            first, steps = version, max(1, schema.SCHEMA_VERSION - version)
            while version < schema.SCHEMA_VERSION:
                done = version - first
                if upgrade is not None:  # each migration's own 0..1 within the whole
                    schema._progress_hook = lambda f, d=done: upgrade((d + f) / steps)
                try:
                    schema.MIGRATIONS[version](self.db)
                finally:
                    schema._progress_hook = None
                if version == 0:
                    self._seed_defaults()
                version += 1
                self.conn.execute(f"PRAGMA user_version = {version}")
                if upgrade is not None:
                    upgrade((version - first) / steps)
            self.conn.execute(f"PRAGMA application_id = {schema.APPLICATION_ID}")
            if shop_uuid:  # the identity its pre-upgrade copy was given
                self.conn.execute("UPDATE shop_identity SET uuid = ? WHERE id = 1", (shop_uuid,))

    # VACUUM runs about this many SQLite VM steps per page (measured on shop files):
    # enough to show how far it is.
    _VACUUM_STEPS_PER_PAGE = 780

    def _compact_if_worth_it(self) -> None:
        """After an upgrade that freed much of the file (a table rebuilt), give the space
        back: VACUUM rewrites the file without its free pages."""
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        free = self.conn.execute("PRAGMA freelist_count").fetchone()[0]
        wanted, schema.compaction_wanted = schema.compaction_wanted, False
        # under a fifth free: not worth rewriting, unless a migration rebuilt a table
        if pages < 256 or (free * 5 < pages and not (wanted and free)):
            return
        self.compact(self._stage("compact"))

    def compact(self, progress: Callable[[float], None] | None = None) -> None:
        """Rewrite the file without free space and with full pages (VACUUM): after a
        bulk load or an upgrade. Needs as much free disk as the file takes."""
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        free = self.conn.execute("PRAGMA freelist_count").fetchone()[0]
        expected = max(1, (pages - free) * self._VACUUM_STEPS_PER_PAGE // 1000)
        calls = 0

        def tick() -> int:
            nonlocal calls
            calls += 1
            if progress is not None:
                progress(min(0.99, calls / expected))
            return 0

        if progress is not None:
            self.conn.set_progress_handler(tick, 1000)
        try:
            self.conn.execute("VACUUM")
        except sqlite3.OperationalError as exc:
            raise _write_error(exc) from exc
        finally:
            self.conn.set_progress_handler(None, 0)
        if progress is not None:
            progress(1.0)

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
        if self.read_only:
            raise WriteFailedError("opened_read_only", self.view_reason)
        if self._file_id is not None and _file_id(self.path) != self._file_id:
            # renamed or replaced since it was opened (another program): what is written
            # now would not be in the shop file at this path
            raise WriteFailedError("moved", str(self.path))
        self._wait_for_check()
        self.ensure_connected()  # a shared shop whose server came back after a cut
        try:
            self._begin()
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
        self.announce(changed)

    def write_bookkeeping(self, sql: str, params: tuple | dict = ()) -> None:
        """A write that is not the shop's records (backup numbering and status): its own
        transaction (or the caller's), not counted in `commits`, heard by no listener."""
        if self._depth:
            self.conn.execute(sql, params)
            return
        if self.read_only:
            raise WriteFailedError("opened_read_only", self.view_reason)
        self._wait_for_check()
        try:
            self._begin()
            try:
                self.conn.execute(sql, params)
                self.conn.execute("COMMIT")
            except BaseException:
                if self.conn.in_transaction:
                    self.conn.execute("ROLLBACK")
                raise
        except sqlite3.OperationalError as exc:
            raise _write_error(exc) from exc

    def _begin(self) -> None:
        """Start a write transaction: SQLite's BEGIN IMMEDIATE, or on a server BEGIN and
        the shop's write lock (one writer at a time, as on SQLite)."""
        if self.server_url is not None:
            cast(Any, self.conn).begin_write()
            self._seen_version = self.conn.execute(
                "UPDATE data_version SET n = n + 1 RETURNING n").fetchone()[0]
        else:
            self.conn.execute("BEGIN IMMEDIATE")

    _seen_version = -1

    def others_wrote(self) -> bool:
        """On a shared shop: whether another laptop committed a write since this store
        last looked (its own writes do not count). Always False for a shop file, which one
        app holds at a time. Raises ServerError when the server no longer answers."""
        if self.server_url is None:
            return False
        now = dialect.data_version(self.conn)
        if self._seen_version == -1 or now == self._seen_version:
            self._seen_version = now
            return False
        self._seen_version = now
        return True

    def mark_changed(self, *topics: Topic) -> None:
        """Note what a write changed; listeners hear it after the commit."""
        self._pending.update(Topic(topic) for topic in topics)

    def announce(self, topics: set[Topic] | frozenset[Topic]) -> None:
        """Tell the listeners these topics changed: after each commit of this connection,
        and for work committed on another connection of the same file (an import)."""
        if not topics:
            return
        self.touched.update(topics)
        for listener in list(self._listeners):
            listener(set(topics))

    def is_open(self) -> bool:
        """False once the file was closed (a widget outliving its shop asks this)."""
        try:
            self.conn.execute("SELECT 1")
        except sqlite3.Error:
            return False
        return True

    def interrupt(self) -> None:
        """Stop the statement running on this connection (from another thread): its
        transaction rolls back."""
        self.conn.interrupt()

    def identity(self):  # -> identity.Identity | None (that module imports this one)
        """The file's identity (`store/identity.py`), None for a file made before them."""
        from kpidesk.store import identity

        return identity.read(self.conn)

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

    def scalar(self, sql: str, params: tuple | dict = ()) -> Any:  # what SQLite gives
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
            self.mark_changed(Topic.SETTINGS)

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
        if self.server_url is not None:
            from kpidesk.store.errors import ServerError

            raise ServerError("not_supported", "backup_to")
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
        if self.server_url is not None:
            return True  # the server keeps its own pages whole
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


def as_connection(conn: object) -> sqlite3.Connection:
    """A server's `pg.PgConnection` where the store expects a `sqlite3.Connection`: it
    has the part of that interface the store uses (see pg.py), and the repositories keep
    their one type."""
    return cast(sqlite3.Connection, conn)


def _now_text() -> str:
    from datetime import datetime

    return datetime.now().isoformat(timespec="seconds")


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


def open_store(path: Path | str, *, read_only: bool = False) -> Store:
    return Store(path, read_only=read_only)
