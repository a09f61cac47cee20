"""Opening a shop file: WAL, foreign keys, schema version, migrations, transactions.

The store knows nothing of Qt. Views learn about writes through
`Store.subscribe()`: callbacks run after each commit with the set of
topics that changed (`store/topics.py`: e.g. {Topic.SALES}, {Topic.TARGETS}).
"""

from __future__ import annotations

import os
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from kpidesk.store import dialect, rollups, schema, sync_marks
from kpidesk.store.db_server import ServerLink, as_connection  # noqa: F401 (kept importable)
from kpidesk.store.errors import (
    NotAStoreError,
    OlderSchemaError,
    ServerError,
    WriteFailedError,
)
from kpidesk.store.file_facts import (
    FileFacts,
    _classify,
    _connect_read_only,
    _os_write_error,
    _write_error,
    inspect_file,
    make_private,
    needs_upgrade,
)
from kpidesk.store.lock import _file_id
from kpidesk.store.topics import Topic
from kpidesk.store.upkeep import Progress, Upkeep
from kpidesk.store.uuids import add_sql_functions
from kpidesk.store.write_scope import Fingerprint, ScopeLog

Listener = Callable[[set[Topic]], None]


def inserted_id(cur: sqlite3.Cursor) -> int:
    """The id of the row an INSERT just made."""
    assert cur.lastrowid is not None
    return int(cur.lastrowid)


def upgrade_if_needed(path: Path | str) -> None:
    """Migrate an older file before it is opened read-only (headless commands); its lock
    is taken for that (LockedError if the app has it open)."""
    if needs_upgrade(path):
        Store(path, lock=True).close()


class Store(ServerLink, Upkeep):
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

        `quick_check=False` skips the integrity check (the header, version, identity and
        schema are still read): for another connection to a shop that is open and checked
        already (one branch's figures, `branches.open_view`), or a read-only connection
        that cannot damage the file and reads only a little of it (the `report` command).
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
        # a shop file's writes since opening are one session for a sync (sync_marks): noted
        # at the first write that raises its change counter
        self._session_due = not read_only and not dialect.is_server_url(path)
        # every topic committed since opening: work on a connection of its own hands
        # these back to the app, which announces them on its store (`announce`)
        self.touched: set[Topic] = set()
        self.scope_log = ScopeLog()  # what this connection's sales writes touched
        self._progress = progress
        self._lock = None
        self._file_id: tuple[int, int] | None = None
        self.facts: FileFacts | None = None
        self._db = None
        self._checked = quick_check  # the integrity check runs (now or on its thread)
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
        before = self._fingerprint_if_reachable()
        self.scope_log.begin()
        try:
            self._begin()
        except sqlite3.OperationalError as exc:
            raise _write_error(exc) from exc
        self._depth = 1
        try:
            counter_before = sync_marks.counter(self.conn) if self._session_due else None
            yield self.conn
            if (counter_before is not None
                    and sync_marks.note_session(self.conn, counter_before)):
                self._session_due = False
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
        after = self._fingerprint_if_reachable()
        if before is not None and after is not None:
            self.scope_log.commit(before, after, changed, self._own_commit_only(before, after))
        self.announce(changed)

    def fingerprint(self) -> Fingerprint:
        """Moves whenever the data may have changed: rows written through this connection
        (`total_changes`), a commit through it (`commits`: a restored backup changes no
        row) or a commit by another connection (`data_version`)."""
        return (self.conn.total_changes, self.commits, dialect.data_version(self.conn))

    def _fingerprint_if_reachable(self) -> Fingerprint | None:
        """The fingerprint, or None when it cannot be read (a server lost just after the
        commit): the write stands, and with no record kept every remembered figure is
        forgotten."""
        try:
            return self.fingerprint()
        except Exception:  # whatever the connection raised: the commit is done
            return None

    def _own_commit_only(self, before: Fingerprint, after: Fingerprint) -> bool:
        """No other connection committed between `before` and the commit just made (a
        server's counter moves once, by this transaction; SQLite's not at all)."""
        if self.server_url is not None:
            return after[2] == self._seen_version == before[2] + 1
        return after[2] == before[2]

    def note_scope(self, days: Iterable[str], contacts: Iterable[int | None],
                   salespeople: Iterable[int | None]) -> None:
        """A sales write names the days, contacts and salespeople it touched (inside its
        transaction; `store/write_scope.py`)."""
        self.scope_log.note(self._depth, days, contacts, salespeople)

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
        """False once the file was closed (a widget outliving its shop asks this). A shared
        shop whose server went away is still open: it connects again when it answers."""
        try:
            self.conn.execute("SELECT 1")
        except sqlite3.Error:
            return False
        except ServerError:
            return True
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
        owners = key in security.OWNER_SETTINGS or key.startswith(security.OWNER_SETTING_PREFIXES)
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

    def close(self) -> None:
        checked = (self.server_url is None and self._checked and self.facts is not None
                   and self.check_result() is True)
        try:
            self.conn.close()
        finally:
            self._release_lock()
        if checked:  # as this store leaves it: a later report need not read every page
            from kpidesk.store import check_marks

            check_marks.remember(self.path)

    def _release_lock(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_store(path: Path | str, *, read_only: bool = False) -> Store:
    return Store(path, read_only=read_only)
