"""The address of a shared shop (a PostgreSQL database) taken apart and put together, and
a look at what a database holds before it is opened (File ▸ Open shared shop…).

The password is never part of what is remembered: `ServerAddress.public_url` leaves it
out, and `with_password` puts one into a URL only for the connection that needs it.
No Qt here: the connection dialog and the headless commands both use it.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit, urlunsplit

from kpidesk.store import dialect, schema
from kpidesk.store.errors import ServerError

DEFAULT_PORT = 5432


@dataclass(frozen=True)
class ServerAddress:
    """Where a shared shop is: never its password."""

    host: str
    port: int
    database: str
    user: str

    @property
    def public_url(self) -> str:
        """The URL without a password: what settings, the keyring's key and titles use."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        user = f"{quote(self.user, safe='')}@" if self.user else ""
        return f"postgresql://{user}{host}:{self.port}/{quote(self.database, safe='')}"

    def url(self, password: str | None = None) -> str:
        """The URL to connect with (holding `password` when one is given)."""
        return with_password(self.public_url, password)


def parse(location: object) -> ServerAddress:
    """The address of a postgresql:// URL (a missing port is 5432)."""
    parts = urlsplit(dialect.normalise_url(location))
    user = unquote(parts.username or "")
    try:
        port = parts.port or DEFAULT_PORT
    except ValueError:
        port = DEFAULT_PORT
    return ServerAddress(host=parts.hostname or "localhost", port=port,
                         database=unquote(parts.path.lstrip("/")), user=user)


def has_password(location: object) -> bool:
    return urlsplit(dialect.normalise_url(location)).password is not None


def with_password(location: object, password: str | None) -> str:
    """The URL with `password` in it (replacing any); without one, the URL as it is."""
    url = dialect.normalise_url(location)
    if password is None:
        return url
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    user = parts.username or ""
    netloc = f"{user}:{quote(password, safe='')}@{netloc}"
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, parts.fragment))


# -- what a database holds --------------------------------------------------------------
READY = "ready"  # a KPI Desk shop of this version
OLDER = "older"  # a KPI Desk shop of an older version: brought up to date when opened
EMPTY = "empty"  # no tables at all: KPI Desk may make its own there
FOREIGN = "foreign"  # another program's tables: never touched
NEWER = "newer"  # made by a newer KPI Desk


@dataclass(frozen=True)
class Probe:
    """What `probe` found in a database."""

    state: str  # READY, OLDER, EMPTY, FOREIGN or NEWER
    version: int
    shop_name: str = ""


def probe(url: str) -> Probe:
    """Connect, read what the database holds, disconnect; changes nothing.

    Raises ServerError (no_driver, login, no_database, unreachable) when it cannot."""
    from kpidesk.store import pg, pg_schema

    conn = pg.PgConnection(url, read_only=True)
    try:
        raw = conn.raw
        try:
            version, app_id = pg_schema.stored_version(raw)
        except Exception as exc:  # e.g. a role that may not read the tables
            raise ServerError("unreachable", str(exc).splitlines()[0]) from exc
        if app_id == -1 or (app_id and app_id != schema.APPLICATION_ID):
            return Probe(FOREIGN, version)
        if version == 0:
            return Probe(EMPTY, 0)
        if version > schema.SCHEMA_VERSION:
            return Probe(NEWER, version)
        name = ""
        try:
            row = raw.execute("SELECT value FROM settings WHERE key = 'shop_name'").fetchone()
            name = str(row[0]) if row and row[0] else ""
        except Exception:  # noqa: BLE001 - the name is only shown; a shop without it is fine
            pass
        return Probe(READY if version == schema.SCHEMA_VERSION else OLDER, version, name)
    finally:
        conn.close()
