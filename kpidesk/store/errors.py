"""Errors the store raises. They carry a code and parameters, not English
sentences, so the UI can say them in the user's language."""

from __future__ import annotations


class StoreError(Exception):
    """Base of every error a shop file can raise."""


class NotAStoreError(StoreError):
    """The file is not a kpidesk shop. `reason`: not_sqlite (a text file, a picture…),
    foreign (another program's SQLite file, or one holding only views), directory (a
    folder with a shop's name), empty (a zero-byte file opened to read), backup (a
    backup copy of a shop, which is opened read-only or restored, never written)."""

    def __init__(self, reason: str = "foreign", detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class CorruptStoreError(StoreError):
    """SQLite reports the file as damaged."""


class NewerSchemaError(StoreError):
    """The file was written by a newer kpidesk: it is never migrated downwards."""

    def __init__(self, found: int, known: int) -> None:
        super().__init__(f"schema version {found} is newer than {known}")
        self.found = found
        self.known = known


class OlderSchemaError(StoreError):
    """A file of an older schema opened read-only: it must be upgraded (opened for
    writing once) before it can be read."""

    def __init__(self, found: int, known: int) -> None:
        super().__init__(f"schema version {found} is older than {known}: open the file for"
                         " writing once to upgrade it")
        self.found = found
        self.known = known


class ValidationError(StoreError):
    """Input the store refuses. `field` names the input, `code` the reason.

    Codes: required, not_a_number, not_positive, zero, bad_date, bad_currency,
    bad_rate, no_lines, not_found, duplicate, has_sales, bad_period, bad_measure.
    """

    def __init__(self, field: str, code: str, **params: object) -> None:
        super().__init__(f"{field}: {code} {params or ''}".strip())
        self.field = field
        self.code = code
        self.params = params


class WriteFailedError(StoreError):
    """A write could not be saved (reason: disk_full, read_only, busy, io_error,
    no_folder (its folder is not there), opened_read_only (the app opened the file
    to view only), moved (the file at this
    path is no longer the one that was opened: renamed or replaced meanwhile)).

    The transaction was rolled back: the data already there is intact.
    """

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail


class LockedError(StoreError):
    """Another running kpidesk has this shop file open."""

    def __init__(self, pid: int, host: str, started: str) -> None:
        super().__init__(f"open in another kpidesk (process {pid} on {host}, since {started})")
        self.pid = pid
        self.host = host
        self.started = started


class PinRequiredError(StoreError):
    """A change only the owner may make (the shop has an owner PIN and it was not given).

    `reason`: past_day (a sale of an earlier day), negative (a refund or an amount below
    zero), target, merge, setting; nothing was written.
    """

    def __init__(self, reason: str) -> None:
        super().__init__(f"the owner PIN is needed ({reason})")
        self.reason = reason


class BackupError(StoreError):
    """A backup could not be made, verified, read or restored. `reason`:

    disk_full, read_only, no_folder (the folder is not there: an unplugged USB stick),
    io_error, not_verified (the copy did not pass its check: the shop may be damaged),
    damaged (a backup that is not intact), newer (made by a newer kpidesk),
    other_shop (a backup of another shop), not_a_backup, busy.
    """

    def __init__(self, reason: str, detail: str = "", **params: object) -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
        self.params = params


class ServerError(StoreError):
    """A shop on a PostgreSQL server cannot be reached or used. `reason`: no_driver (this
    copy of KPI Desk has no PostgreSQL driver), unreachable (no answer from the server,
    or the connection was lost), login (user name or password refused), no_database (no
    database of that name on the server), not_supported (a command that works on shop
    files only), no_tools (pg_dump / pg_restore not installed)."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
