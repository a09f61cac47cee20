"""What this laptop last knew of a shared shop, so that it can take sales while the
shop's server does not answer (`store/outbox.py` keeps the sales themselves).

At each successful connection (`refresh`) the tables the Sales form reads — settings,
the shop's identity, customers, products and their prices, salespeople, channels and
payment methods — are copied into a small SQLite file beside the shop's queue
(`known_path`), with the owner PIN's salted hash in force (never the PIN) and the time
of the copy. The copy is made on a thread of its own with its own connection
(`ui/known_copy_worker.py`: 250,000 contacts take seconds), written beside the old one and
put in its place only once complete. A laptop started while the server does not answer opens the shop as an
`OfflineStore`: a `Store` whose connection reads that copy, so every repository and the
form work unchanged; anything the copy cannot answer (a figure, a sale, any write) is
`ServerError('unreachable')`, which the app already meets when a server goes away.
When the server answers again, `Store.ensure_connected` replaces that connection by a
real one.

A PIN typed while the server is away is checked against the copied hash
(`check_pin_offline`); wrong tries are counted in the copy with the same growing delay as
on the server. A PIN changed on the server meanwhile is taken at the next connection.

No Qt here.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kpidesk.store import dialect, outbox, schema, security
from kpidesk.store.db import Store
from kpidesk.store.errors import ServerError
from kpidesk.store.file_facts import FileFacts

KNOWN_SUFFIX = ".kpidesk-known.db"
# what the Sales form reads (see the module's notes)
COPIED_TABLES = ("settings", "shop_identity", "contacts", "products", "salespeople",
                 "channels", "payment_methods")
_INFO = "CREATE TABLE IF NOT EXISTS known_info (key TEXT PRIMARY KEY, value TEXT NOT NULL)"


def known_path(folder: Path | str, server_url: str) -> Path:
    """The copy of this server's shop, beside its queue in `folder` (the data folder)."""
    queue = outbox.queue_path(folder, server_url)
    return queue.with_name(queue.name[:-len(outbox.QUEUE_SUFFIX)] + KNOWN_SUFFIX)


def has_copy(folder: Path | str, server_url: str) -> bool:
    """Whether this laptop ever reached this server (a copy to work from exists)."""
    path = known_path(folder, server_url)
    if not path.is_file():
        return False
    try:
        return read_info(path).refreshed_at != ""
    except sqlite3.Error:
        return False


@dataclass
class KnownInfo:
    """What the copy says of itself."""

    refreshed_at: str = ""  # local time of the last copy, ISO (seconds)
    server: str = ""  # the server's address, without password
    shop_name: str = ""
    shop_uuid: str = ""


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (int, float, str, bytes)):
        return value
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    return str(value)


_PLAIN_TYPES = frozenset({type(None), int, float, str, bytes})


def _plain_rows(rows: list) -> list:
    """Rows as sqlite3 takes them: as they are when every value already is one of its
    types (the usual case, seen in one pass over the types), else value by value."""
    if {type(v) for row in rows for v in row} <= _PLAIN_TYPES:
        return rows
    return [tuple(_plain(v) for v in row) for row in rows]


def _connect(path: Path) -> sqlite3.Connection:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute(_INFO)
    return conn


def _set(conn: sqlite3.Connection, key: str, value: str) -> None:
    conn.execute("INSERT OR REPLACE INTO known_info(key, value) VALUES (?, ?)", (key, value))


def _get(conn: sqlite3.Connection, key: str) -> str:
    row = conn.execute("SELECT value FROM known_info WHERE key = ?", (key,)).fetchone()
    return str(row[0]) if row else ""


# rows read from the server and written to the copy at a time (bounds what is held)
BATCH = 5000
# what only this laptop knows, carried from the previous copy into each new one
_KEPT_KEYS = ("pin_check_seen", "pin_failures", "pin_wait", "pin_failed_at")


def _kept_info(path: Path) -> dict[str, str]:
    if not path.is_file():
        return {}
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return {}
    try:
        marks = ", ".join("?" * len(_KEPT_KEYS))
        return {str(k): str(v) for k, v in conn.execute(
            f"SELECT key, value FROM known_info WHERE key IN ({marks})", _KEPT_KEYS)}
    except sqlite3.Error:  # no such table: a copy from before, or damaged
        return {}
    finally:
        conn.close()


def refresh(store: Store, folder: Path | str,
            on_batch: Callable[[str, int], None] | None = None) -> Path:
    """Copy what the Sales form needs from the shop's server (read now through `store`)
    into this laptop's copy. The new copy is written beside the old one and replaces it
    only once complete: a refresh cut off half-way (the server lost, the app closed, an
    error) leaves the previous copy whole. Rows go over in batches of `BATCH`;
    `on_batch(table, rows so far)` after each (an exception raised there stops it).
    Meant for a connection of its own off the UI thread (`ui/known_copy_worker.py`)."""
    assert store.server_url is not None, "a shared shop only"
    url = str(store.location)
    path = known_path(folder, url)
    part = path.with_name(path.name + ".part")
    part.unlink(missing_ok=True)  # left by a refresh cut off before
    conn = _connect(part)
    try:
        conn.execute("BEGIN IMMEDIATE")
        for table in COPIED_TABLES:
            cursor = store.conn.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in cursor.description]
            columns = ", ".join(f'"{n}"' for n in names)
            conn.execute(f'CREATE TABLE "{table}" ({columns})')
            insert = f'INSERT INTO "{table}" ({columns}) VALUES ({", ".join("?" * len(names))})'
            done = 0
            while rows := cursor.fetchmany(BATCH):
                conn.executemany(insert, _plain_rows(rows))
                done += len(rows)
                if on_batch is not None:
                    on_batch(table, done)
        pin = security.snapshot(store)
        identity = store.identity()
        kept = _kept_info(path)  # read last: PIN tries counted meanwhile are kept
        for key, value in kept.items():
            _set(conn, key, value)
        _set(conn, "refreshed_at", datetime.now().isoformat(timespec="seconds"))
        _set(conn, "server", dialect.public_url(url))
        _set(conn, "pin_check", pin)
        if kept.get("pin_check_seen") != pin:  # a new PIN: its tries start again
            _set(conn, "pin_failures", "0")
            _set(conn, "pin_wait", "0")
        _set(conn, "pin_check_seen", pin)
        _set(conn, "shop_name", store.setting("shop_name"))
        _set(conn, "shop_uuid", identity.uuid if identity else "")
        conn.execute("COMMIT")
    except BaseException:
        conn.close()
        part.unlink(missing_ok=True)
        raise
    conn.close()
    try:
        part.chmod(0o600)  # the PIN's hash and the customers' phones
    except OSError:
        pass
    os.replace(part, path)  # whole, or not at all
    return path


def read_info(path: Path | str) -> KnownInfo:
    conn = sqlite3.connect(path)
    try:
        conn.execute(_INFO)
        return KnownInfo(refreshed_at=_get(conn, "refreshed_at"), server=_get(conn, "server"),
                         shop_name=_get(conn, "shop_name"), shop_uuid=_get(conn, "shop_uuid"))
    finally:
        conn.close()


# -- the owner PIN, checked on this laptop ------------------------------------------------
def has_pin_offline(path: Path | str) -> bool:
    conn = sqlite3.connect(path)
    try:
        conn.execute(_INFO)
        return bool(_get(conn, "pin_check"))
    finally:
        conn.close()


def seconds_to_wait_offline(path: Path | str, now: float | None = None) -> int:
    """Seconds before the next PIN may be tried on this laptop (0: now)."""
    conn = sqlite3.connect(path)
    try:
        conn.execute(_INFO)
        try:
            wait = float(_get(conn, "pin_wait") or 0)
            failed = float(_get(conn, "pin_failed_at") or 0)
        except ValueError:
            return security.MAX_DELAY
    finally:
        conn.close()
    if wait <= 0:
        return 0
    now = time.time() if now is None else now
    waited = max(0.0, now - failed)
    return max(0, int(wait - waited + 0.999))


def check_pin_offline(path: Path | str, pin: str, now: float | None = None) -> bool:
    """True if `pin` matches the owner PIN's hash as the server last had it (or the shop
    had no PIN). Raises security.PinDelayError while waiting after wrong tries."""
    wait = seconds_to_wait_offline(path, now)
    if wait:
        raise security.PinDelayError(wait)
    conn = _connect(Path(path))
    try:
        stored = _get(conn, "pin_check")
        if not stored:
            return True
        if security.pin_matches(pin, stored):
            conn.execute("BEGIN IMMEDIATE")
            _set(conn, "pin_failures", "0")
            _set(conn, "pin_wait", "0")
            conn.execute("COMMIT")
            return True
        try:
            failures = int(_get(conn, "pin_failures") or 0) + 1
        except ValueError:
            failures = security.FREE_TRIES
        conn.execute("BEGIN IMMEDIATE")
        _set(conn, "pin_failures", str(failures))
        _set(conn, "pin_wait", str(security.delay_after(failures)))
        _set(conn, "pin_failed_at", repr(time.time() if now is None else now))
        conn.execute("COMMIT")
        return False
    finally:
        conn.close()


# -- the shop opened from the copy ----------------------------------------------------------
class _Lost:
    """What `Store.server_broken` looks at: this connection never reached the server."""

    broken = True
    closed = False


_READS = ("SELECT", "WITH")


class KnownConnection:
    """The copy as the store's connection: reads only. What it cannot answer (a table it
    does not hold, a write, a server's statement) is ServerError('unreachable')."""

    dialect_name = "sqlite"

    def __init__(self, path: Path | str) -> None:
        from kpidesk.store.uuids import add_sql_functions

        self._conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True,
                                     check_same_thread=False)
        add_sql_functions(self._conn)
        self.raw = _Lost()

    def execute(self, sql: str, params: Any = ()) -> sqlite3.Cursor:
        if not sql.lstrip()[:6].upper().startswith(_READS):
            raise ServerError("unreachable", "working from this laptop's copy")
        try:
            return self._conn.execute(sql, params)
        except sqlite3.Error as exc:
            raise ServerError("unreachable", f"not in this laptop's copy: {exc}") from exc

    def executemany(self, sql: str, seq: Any) -> sqlite3.Cursor:
        raise ServerError("unreachable", "working from this laptop's copy")

    def cursor(self) -> KnownConnection:
        return self

    @property
    def in_transaction(self) -> bool:
        return False

    @property
    def total_changes(self) -> int:
        return 0

    def interrupt(self) -> None:
        self._conn.interrupt()

    def close(self) -> None:
        self._conn.close()


class OfflineStore(Store):
    """A shared shop opened while its server does not answer: reads come from this
    laptop's copy (`KnownConnection`); it connects to the server as soon as it answers
    (`ensure_connected`, which the sale queue calls)."""

    def __init__(self, url: str, folder: Path | str) -> None:
        self._known = known_path(folder, url)
        self.offline_since = datetime.now().isoformat(timespec="seconds")
        super().__init__(url)

    def _open_server(self, url: str) -> None:  # what Store calls to connect: the copy
        self.server_url = dialect.public_url(url)
        # as `Store` names it: a name in the shop's own folder in the data folder, so what
        # the app keeps beside the shop once the server answers never lands elsewhere
        from kpidesk.paths import shared_shop_dir

        self.path = shared_shop_dir(self.server_url) / "shared-shop"
        self._check_later = False
        self.conn = KnownConnection(self._known)  # type: ignore[assignment]
        info = read_info(self._known)
        self.known_info = info
        self.facts = FileFacts(self.path, exists=True, empty=False,
                               version=schema.SCHEMA_VERSION,
                               shop_uuid=info.shop_uuid or None, shop_name=info.shop_name)

    @property
    def known_copy(self) -> Path:
        return self._known


def open_offline(url: str, folder: Path | str) -> OfflineStore:
    """The shared shop at `url` from this laptop's copy (`has_copy` must be True)."""
    return OfflineStore(dialect.normalise_url(url), folder)
