"""A shop on a PostgreSQL server, through psycopg 3.

`PgConnection` gives the store the part of `sqlite3.Connection` it uses (`execute`,
`executemany`, `in_transaction`, cursors with `fetchone`/`fetchall`/`lastrowid`, rows
read by position or by column name), so the repositories, rollups and metrics keep one
code path: each statement is translated once by `dialect.to_postgres`, and the
driver's errors are raised as the `sqlite3` error classes the store already handles
(a unique key broken is `sqlite3.IntegrityError` on both).

The connection is in autocommit mode and the store sends BEGIN/COMMIT itself, as it
does on SQLite. A write transaction first takes the shop's transaction-scoped advisory
lock (`WRITE_LOCK`): writers follow one another as SQLite's BEGIN IMMEDIATE makes them
do, so the rollups each write refreshes from the base rows stay exact when several
laptops write at once, while readers are never blocked (MVCC).

psycopg is imported on first use only: a SQLite shop never loads it, and a bundle
without it says so in one sentence (`ServerError('no_driver')`).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

from kpidesk.store import dialect
from kpidesk.store.errors import ServerError

# pg_advisory_xact_lock key: "KPID" as an integer, the same on every laptop
WRITE_LOCK = 0x4B504944
CONNECT_TIMEOUT_S = 8
# A server that vanishes from the network without closing the connection (its laptop
# switched off, the cable pulled) is noticed within about 20 s instead of the system's
# TCP time-out (minutes): keepalive probes, and on systems that have it a limit on
# unacknowledged data (libpq ignores tcp_user_timeout where it does not exist). Then the
# Sales tab queues the sale (store/outbox.py) instead of the window freezing.
LOST_SERVER_TIMEOUTS: dict[str, Any] = {
    "keepalives": 1, "keepalives_idle": 10, "keepalives_interval": 3, "keepalives_count": 3,
    "tcp_user_timeout": 20_000}


class Row(tuple):
    """A result row read by position or by column name, as `sqlite3.Row`."""

    _names: tuple[str, ...] = ()

    def __new__(cls, values: Sequence[Any], names: tuple[str, ...]) -> Row:
        row = super().__new__(cls, values)
        row._names = names
        return row

    def __getitem__(self, key):  # type: ignore[override]
        if isinstance(key, str):
            try:
                return tuple.__getitem__(self, self._names.index(key))
            except ValueError:
                lowered = key.lower()
                for i, name in enumerate(self._names):
                    if name.lower() == lowered:
                        return tuple.__getitem__(self, i)
                raise IndexError(f"no column named {key}") from None
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self._names)


def _row_factory(cursor):
    names = tuple(d.name for d in cursor.description) if cursor.description else ()
    return lambda values: Row(values, names)


def _as_sqlite_error(exc: Exception) -> Exception:
    """The driver's error as the sqlite3 class the store's handlers expect."""
    import psycopg

    text = str(exc).strip()
    if isinstance(exc, psycopg.errors.UniqueViolation):
        return sqlite3.IntegrityError(f"UNIQUE constraint failed: {text}")
    if isinstance(exc, psycopg.errors.ForeignKeyViolation):
        return sqlite3.IntegrityError(f"FOREIGN KEY constraint failed: {text}")
    if isinstance(exc, psycopg.errors.NotNullViolation):
        return sqlite3.IntegrityError(f"NOT NULL constraint failed: {text}")
    if isinstance(exc, psycopg.IntegrityError):
        return sqlite3.IntegrityError(text)
    if isinstance(exc, psycopg.errors.QueryCanceled):
        return sqlite3.OperationalError(f"interrupted: {text}")
    if isinstance(exc, psycopg.errors.DiskFull):
        return sqlite3.OperationalError(f"database or disk is full: {text}")
    if "the connection is closed" in text:  # closed here, as sqlite3 says it
        return sqlite3.ProgrammingError("Cannot operate on a closed database.")
    if isinstance(exc, (psycopg.OperationalError, psycopg.InterfaceError)):
        return ServerError("unreachable", text)
    if isinstance(exc, psycopg.errors.RaiseException):
        return sqlite3.IntegrityError(text)
    return sqlite3.OperationalError(text)


class PgCursor:
    """The result of one statement."""

    def __init__(self, cursor, lastrowid: int | None = None) -> None:
        self._cursor = cursor
        self.lastrowid = lastrowid
        self.row_factory = None  # set by callers of sqlite3 cursors; rows already have names

    @property
    def rowcount(self) -> int:
        return int(self._cursor.rowcount)

    @property
    def description(self):
        return self._cursor.description

    def fetchone(self):
        if self._cursor.description is None:
            return None
        return self._cursor.fetchone()

    def fetchall(self) -> list:
        if self._cursor.description is None:
            return []
        return self._cursor.fetchall()

    def fetchmany(self, size: int = 1) -> list:
        if self._cursor.description is None:
            return []
        return self._cursor.fetchmany(size)

    def __iter__(self) -> Iterator:
        return self

    def __next__(self):
        row = self.fetchone()
        if row is None:
            raise StopIteration
        return row

    def close(self) -> None:
        self._cursor.close()


# A transaction that wrote at least this many rows (the demo, an import, a sync, a rollup
# rebuild) refreshes the planner's statistics at its commit: until autovacuum gets to
# it, PostgreSQL would plan for empty tables (one sale took 8.8 s instead of 0.12 s on
# a 100k-line shop just built).
ANALYZE_AFTER_ROWS = 5000


class PgConnection:
    """One connection to a shop's PostgreSQL database (see the module's notes)."""

    dialect_name = "postgresql"

    def __init__(self, url: str, *, read_only: bool = False) -> None:
        try:
            import psycopg
        except ImportError as exc:
            raise ServerError("no_driver", str(exc)) from exc
        self.url = dialect.normalise_url(url)
        self.public_url = dialect.public_url(url)
        try:
            self._conn = psycopg.connect(self.url, autocommit=True,
                                         connect_timeout=CONNECT_TIMEOUT_S,
                                         application_name="KPI Desk", **LOST_SERVER_TIMEOUTS)
        except psycopg.OperationalError as exc:
            raise _connect_error(exc) from exc
        self._conn.row_factory = _row_factory
        _register_loaders(self._conn)
        self.read_only = read_only
        self._writes = 0
        self._rows_this_transaction = 0
        self._primary_keys: tuple[tuple[str, tuple[str, ...]], ...] = ()
        self._id_tables: frozenset[str] = frozenset()
        # not a READ ONLY session: the queries make TEMP tables, which PostgreSQL refuses
        # there; `Store` refuses every write of a store opened read-only

    # -- what the store asks of a connection ------------------------------------
    def learn_tables(self) -> None:
        """Read the primary keys and identity columns (after the schema is made)."""
        rows = self._conn.execute(
            "SELECT tc.table_name, kcu.column_name FROM information_schema.table_constraints tc"
            " JOIN information_schema.key_column_usage kcu"
            " ON kcu.constraint_name = tc.constraint_name"
            " AND kcu.table_schema = tc.table_schema"
            " WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = current_schema()"
            " ORDER BY tc.table_name, kcu.ordinal_position").fetchall()
        keys: dict[str, list[str]] = {}
        for table, column in rows:
            keys.setdefault(table, []).append(column)
        self._primary_keys = tuple((t, tuple(c)) for t, c in sorted(keys.items()))
        ids = self._conn.execute(
            "SELECT table_name FROM information_schema.columns WHERE table_schema ="
            " current_schema() AND column_name = 'id' AND is_identity = 'YES'").fetchall()
        self._id_tables = frozenset(r[0] for r in ids)

    def translate(self, sql: str) -> str:
        return dialect.to_postgres(sql, self._primary_keys)

    def execute(self, sql: str, params: Sequence[Any] | dict = ()) -> PgCursor:
        if _CREATE_TRIGGER.match(sql):  # a function and its trigger on PostgreSQL
            try:
                for statement in dialect.trigger_to_postgres(sql):
                    self._conn.execute(statement)
            except Exception as exc:
                raise _translated(exc) from exc
            return PgCursor(self._conn.cursor())
        sql, params, explicit_id = self._id_column(sql, params)
        statement = self.translate(sql)
        wants_id = False
        head = statement.lstrip()[:12].upper()
        if head.startswith("INSERT") and " RETURNING " not in statement.upper():
            table = _insert_table(statement)
            if table in self._id_tables:
                statement += " RETURNING id"
                wants_id = True
        if not head.startswith(("SELECT", "WITH")):
            self._writes += 1
        if head.startswith("BEGIN"):
            self._rows_this_transaction = 0
        try:
            cursor = self._conn.execute(statement, _params(params))
        except Exception as exc:
            raise self._error(exc) from exc
        if head.startswith(("INSERT", "UPDATE", "DELETE")):
            self._rows_this_transaction += max(cursor.rowcount, 0)
        elif head.startswith(("COMMIT", "END")):
            self._analyze_after_bulk_write()
        lastrowid = None
        if wants_id:
            rows = cursor.fetchall()
            lastrowid = int(rows[-1][0]) if rows else None
        if explicit_id:
            self._catch_up_ids(explicit_id)
        return PgCursor(cursor, lastrowid)

    def executemany(self, sql: str, seq: Iterable[Sequence[Any] | dict]) -> PgCursor:
        rows = list(seq)
        explicit_id = None
        if rows:
            sql, first, explicit_id = self._id_column(sql, rows[0])
            if first is not rows[0]:  # the id column left out: of every row
                rows = [self._id_column(sql_orig, r)[1] for sql_orig, r in
                        ((self._last_insert, r) for r in rows)]
        statement = self.translate(sql)
        cursor = self._conn.cursor()
        if not statement.lstrip()[:6].upper().startswith("SELECT"):
            self._writes += 1
        try:
            cursor.executemany(statement, [_params(p) for p in rows])
        except Exception as exc:
            raise self._error(exc) from exc
        self._rows_this_transaction += len(rows)
        if explicit_id:
            self._catch_up_ids(explicit_id)
        return PgCursor(cursor)

    def copy_rows(self, table: str, columns: Sequence[str],
                  rows: Iterable[Sequence[Any]]) -> int:
        """Write new rows with COPY … FROM STDIN: one stream instead of one statement per
        row (a sync's new sales and their lines). Ids given in the rows move the table's
        identity counter past them. Returns how many rows were written."""
        names = ", ".join(f'"{c}"' for c in columns)
        count = 0
        try:
            with self._conn.cursor() as cursor, \
                    cursor.copy(f'COPY "{table}" ({names}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row(tuple(_value(v) for v in row))
                    count += 1
        except Exception as exc:
            raise self._error(exc) from exc
        self._writes += 1
        self._rows_this_transaction += count
        if "id" in columns and table in self._id_tables:
            self._catch_up_ids(table)
        return count

    _last_insert = ""

    def _error(self, exc: Exception) -> Exception:
        """The driver's error as the store's; on a connection the server dropped, every
        later statement is 'unreachable' too (not sqlite3's 'closed database', which means
        closed here)."""
        if getattr(self._conn, "broken", False):
            return ServerError("unreachable", str(exc).strip())
        return _translated(exc)

    def _id_column(self, sql: str, params):
        """An INSERT that gives `id` as NULL (SQLite then picks the rowid) leaves the column
        out, so the identity column numbers it. Returns (sql, params, table) where table is
        set when explicit ids were written (its counter is moved past them)."""
        match = _INSERT_COLUMNS.match(sql)
        if not match or isinstance(params, dict):
            return sql, params, None
        table = match.group(1).lower()
        if table not in self._id_tables:
            return sql, params, None
        columns = [c.strip().strip('"[]').lower() for c in match.group(2).split(",")]
        if "id" not in columns or len(columns) != len(params):
            return sql, params, None
        k = columns.index("id")
        if params[k] is not None:
            return sql, params, table
        self._last_insert = sql
        kept = [c for i, c in enumerate(match.group(2).split(",")) if i != k]
        marks = ", ".join("?" * len(kept))
        head = sql[:match.start(2)]
        return (f"{head}{','.join(kept)}) VALUES ({marks}){sql[match.end():]}",
                tuple(v for i, v in enumerate(params) if i != k), None)

    def _analyze_after_bulk_write(self) -> None:
        written, self._rows_this_transaction = self._rows_this_transaction, 0
        if written >= ANALYZE_AFTER_ROWS:
            self.analyzed_after_commit += 1
            self._conn.execute("ANALYZE")

    analyzed_after_commit = 0  # how often (tests)

    def _catch_up_ids(self, table: str) -> None:
        self._conn.execute(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'),"
            f" (SELECT coalesce(max(id), 0) + 1 FROM \"{table}\"), false)")

    @property
    def total_changes(self) -> int:
        """Statements that wrote, as a counter (sqlite3's total_changes counts rows)."""
        return self._writes

    def cursor(self) -> PgConnection:
        return self

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self._conn.info.transaction_status != TransactionStatus.IDLE

    def begin_write(self) -> None:
        """BEGIN, then wait for the shop's write lock (one writer at a time)."""
        self.execute("BEGIN")
        self.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK})")

    def interrupt(self) -> None:
        self._conn.cancel_safe() if hasattr(self._conn, "cancel_safe") else self._conn.cancel()

    def close(self) -> None:
        self._conn.close()

    @property
    def closed(self) -> bool:
        return bool(self._conn.closed)

    @property
    def raw(self):
        """The psycopg connection (schema set-up and backups only)."""
        return self._conn


_CREATE_TRIGGER = re.compile(r"^\s*CREATE\s+TRIGGER\b", re.IGNORECASE)
_INSERT_COLUMNS = re.compile(
    r"^\s*INSERT\s+(?:OR\s+\w+\s+)?INTO\s+(\w+)\s*\(([^)]*)\)\s*VALUES\s*\(\s*\?(?:\s*,\s*\?)*\s*\)",
    re.IGNORECASE)


def _insert_table(statement: str) -> str | None:
    parts = statement.split(None, 3)
    if len(parts) >= 3 and parts[1].upper() == "INTO":
        return parts[2].split("(")[0].strip('"').lower()
    return None


def _params(params: Sequence[Any] | dict | None) -> Sequence[Any] | dict:
    if params is None:
        return ()
    if isinstance(params, dict):
        return {k: _value(v) for k, v in params.items()}
    return tuple(_value(v) for v in params)


def _value(value: Any) -> Any:
    if isinstance(value, (bytearray, memoryview)):
        return bytes(value)
    if isinstance(value, bool):
        return int(value)  # the schema's flags are integers, as on SQLite
    return value


def _translated(exc: Exception) -> Exception:
    try:
        import psycopg
    except ImportError:  # pragma: no cover - only reached with the driver loaded
        return exc
    if isinstance(exc, psycopg.Error):
        return _as_sqlite_error(exc)
    return exc


def _connect_error(exc: Exception) -> ServerError:
    text = str(exc)
    lowered = text.lower()
    if "password authentication failed" in lowered or "no password supplied" in lowered:
        return ServerError("login", text)
    if "does not exist" in lowered and "database" in lowered:
        return ServerError("no_database", text)
    return ServerError("unreachable", text)


def _register_loaders(conn) -> None:
    """numeric (PostgreSQL's SUM of bigint, AVG) read as SQLite gives it: an int when whole,
    else a float; money never becomes a Decimal."""
    from psycopg.adapt import Loader

    class NumericLoader(Loader):
        def load(self, data):
            value = Decimal(bytes(data).decode())
            if value == value.to_integral_value():
                return int(value)
            return float(value)

    conn.adapters.register_loader("numeric", NumericLoader)
