"""`Store`'s shop on a PostgreSQL server: opening it, a lost connection made again,
whether another laptop wrote (a mixin of `Store`; a shop file has none of these)."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from kpidesk.store import dialect, schema
from kpidesk.store.errors import NewerSchemaError, NotAStoreError, OlderSchemaError
from kpidesk.store.file_facts import FileFacts

if TYPE_CHECKING:
    from kpidesk.store.topics import Topic


class ServerLink:
    """`Store`'s server side; the attributes below are set by `Store.__init__`."""

    conn: sqlite3.Connection
    path: Path
    location: Path | str
    server_url: str | None
    read_only: bool
    facts: FileFacts | None
    _check_later: bool
    _db: Any
    _depth: int
    _pending: set[Topic]

    if TYPE_CHECKING:
        def scalar(self, sql: str, params: tuple | dict = ()) -> Any: ...

        def _seed_defaults(self) -> None: ...

    @property
    def is_server(self) -> bool:
        """Whether the shop is on a PostgreSQL server rather than in a local file."""
        return self.server_url is not None

    def _open_server(self, url: str) -> None:
        """Connect to a shop's PostgreSQL database; make or complete its schema first
        when opened for writing (`pg_schema.ensure`)."""
        from kpidesk.store import pg, pg_schema

        self.server_url = dialect.public_url(url)
        # a name in the shop's own folder in the user's data folder: what is kept beside a
        # shop (backups, exports' first folder) goes there, never into the current folder;
        # nothing opens or makes a file at this path (another connection uses `location`)
        from kpidesk.paths import shared_shop_dir

        self.path = shared_shop_dir(self.server_url) / "shared-shop"
        self._check_later = False
        conn = pg.PgConnection(url, read_only=self.read_only)
        try:
            version, _ = pg_schema.stored_version(conn.raw)
            made = False
            if not self.read_only and pg_schema.needs_ensure(conn.raw, version):
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
        'unreachable' while the server still does not answer, 'login' when it refuses the
        password, 'newer' when another laptop's newer KPI Desk upgraded the shop
        meanwhile). Nothing for a shop file or a connection that still works."""
        if not self.server_broken():
            return
        from kpidesk.store import pg, pg_schema
        from kpidesk.store.errors import ServerError

        conn = pg.PgConnection(str(self.location), read_only=self.read_only)
        try:
            version, _ = pg_schema.stored_version(conn.raw)
        except Exception as exc:  # noqa: BLE001 - lost again while reading it
            conn.close()
            raise ServerError("unreachable", type(exc).__name__) from exc
        if version > schema.SCHEMA_VERSION:
            # another laptop's newer KPI Desk upgraded the shop while this one was away:
            # nothing is written with this copy's older idea of its tables (as at opening)
            conn.close()
            raise ServerError("newer", f"schema {version}, this copy knows "
                                       f"{schema.SCHEMA_VERSION}")
        conn.learn_tables()
        try:
            self.conn.close()
        except Exception:  # noqa: BLE001 - the lost connection may refuse even that
            pass
        self.conn = as_connection(conn)
        self._db = None
        self._depth = 0
        self._pending.clear()

    def connect_with_password(self, password: str) -> None:
        """On a shared shop whose connection is lost and whose server asks a password this
        store was not given (none kept, or the one kept refused): connect again with
        `password`, typed by the user. It lives in this store's address in memory only,
        never in the settings, the log or a file. ServerError('login') when the server
        refuses it (the address is left as it was), 'unreachable' when the server went
        away again (the password is kept for its return)."""
        from kpidesk.store import server_address
        from kpidesk.store.errors import ServerError

        before = self.location
        self.location = server_address.with_password(str(self.location), password)
        try:
            self.ensure_connected()
        except ServerError as err:
            if err.reason == "login":
                self.location = before
            raise

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


def as_connection(conn: object) -> sqlite3.Connection:
    """A server's `pg.PgConnection` where the store expects a `sqlite3.Connection`: it
    has the part of that interface the store uses (see pg.py), and the repositories keep
    their one type."""
    return cast(sqlite3.Connection, conn)


def _now_text() -> str:
    from datetime import datetime

    return datetime.now().isoformat(timespec="seconds")
