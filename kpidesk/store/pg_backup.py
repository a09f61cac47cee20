"""Backups of a shop on a PostgreSQL server, through PostgreSQL's own tools: `pg_dump`
(custom format: compressed, restored table by table) and `pg_restore`.

The tools come with every PostgreSQL installation (on Windows in
`C:\\Program Files\\PostgreSQL\\<version>\\bin`); a laptop without them is told so in one
sentence (`ServerError('no_tools')`). The password never appears on a command line (other
users can read those): it is handed over in the PGPASSWORD environment variable.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import re
import shutil
import socket
import subprocess
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote, urlsplit

from kpidesk.store import dialect
from kpidesk.store.errors import BackupError, ServerError

SUFFIX = ".pgdump"


def tool(name: str) -> Path | None:
    """pg_dump or pg_restore: on the PATH, or in PostgreSQL's usual install folders."""
    found = shutil.which(name)
    if found:
        return Path(found)
    patterns = ["/usr/lib/postgresql/*/bin/", "/usr/local/pgsql/bin/",
                "C:/Program Files/PostgreSQL/*/bin/", "/Applications/Postgres.app/Contents/"
                "Versions/*/bin/"]
    for pattern in patterns:
        for candidate in sorted(glob.glob(pattern + name + (".exe" if os.name == "nt" else "")),
                                reverse=True):
            return Path(candidate)
    return None


def _split(url: str) -> tuple[str, dict[str, str]]:
    """The URL without its password, and the environment that carries the password."""
    parts = urlsplit(dialect.normalise_url(url))
    env = dict(os.environ)
    if parts.password:
        env["PGPASSWORD"] = unquote(parts.password)
    return dialect.public_url(url), env


# libpq's words when the server cannot be reached, or is lost half-way through a dump or
# a restore: the network, not the backup folder, is what failed
_SERVER_LOST = ("could not connect", "connection to server", "server closed the connection",
                "could not receive data from server", "could not send data to server",
                "no connection to the server", "terminating connection",
                "lost synchronization with server", "ssl syscall error", "timeout expired")


def _run(args: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(args, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        text = (done.stderr or done.stdout).strip()
        lowered = text.lower()
        # first: libpq says 'connection to server at … failed: … password authentication
        # failed', and that is a wrong password, not a lost server
        if "password authentication failed" in lowered:
            raise ServerError("login", text)
        if any(words in lowered for words in _SERVER_LOST):
            raise ServerError("unreachable", text)
        raise BackupError("io_error", text)


def dump(url: str, folder: Path | str, reason: str = "manual",
         now: datetime | None = None) -> Path:
    """Write a backup of the shop's database into `folder`; its path."""
    program = tool("pg_dump")
    if program is None:
        raise ServerError("no_tools", "pg_dump")
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError("no_folder", str(exc), folder=str(folder)) from exc
    public, env = _split(url)
    database = urlsplit(public).path.strip("/") or "shop"
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{database}-{stamp}-{reason}{SUFFIX}"
    partial = target.with_name(target.name + ".partial")
    try:
        _run([str(program), "--format=custom", "--no-owner", "--no-privileges",
              f"--file={partial}", f"--dbname={public}"], env)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    return target


def restore(url: str, backup_file: Path | str) -> None:
    """Put a `dump` back into the shop's database: its tables are replaced by the
    backup's (pg_restore --clean, in one transaction: all or nothing)."""
    program = tool("pg_restore")
    if program is None:
        raise ServerError("no_tools", "pg_restore")
    backup_file = Path(backup_file)
    if not backup_file.is_file():
        raise BackupError("not_a_backup", str(backup_file))
    try:  # which backups exist is no part of the shop's past: kept across the restore
        known = records(url)
    except ServerError:
        known = []
    public, env = _split(url)
    _run([str(program), "--clean", "--if-exists", "--no-owner", "--no-privileges",
          "--single-transaction", f"--dbname={public}", str(backup_file)], env)
    if known:
        _put_back_records(url, known)


def _put_back_records(url: str, known: list[BackupRecord]) -> None:
    with _connect(url) as raw, raw.transaction():
        if raw.execute("SELECT to_regclass('backup_records')").fetchone()[0] is None:
            return  # a backup older than the table: it is made again on opening
        raw.execute("DELETE FROM backup_records")
        for r in reversed(known):  # oldest first: ids in the order they were taken
            raw.execute("INSERT INTO backup_records(laptop, folder, file, taken, size, reason)"
                        " VALUES (%s, %s, %s, %s, %s, %s)",
                        (r.laptop, r.folder, r.file, r.taken.isoformat(timespec="seconds"),
                         r.size, r.reason))


# -- automatic backups of a shared shop ----------------------------------------------------
# Every laptop of a shared shop starts the day's backup; one takes it. The server keeps a
# mark of the last day backed up (the `shared_backup_mark` setting: day, laptop, file) and
# the laptop that dumps holds a session advisory lock (`BACKUP_LOCK`) while it does: a
# laptop that finds today's mark does nothing, one that cannot take the lock (another is
# dumping now) does nothing. The backups are kept on the laptop that took them, in its
# data folder under the server and database's name (`shared_folder`), 14 daily and 12
# monthly, as a shop file's.
BACKUP_LOCK = 0x4B504942  # "KPIB", beside pg.WRITE_LOCK ("KPID")
MARK_KEY = "shared_backup_mark"
KEEP_DAILY = 14
KEEP_MONTHLY = 12
_DUMP_NAME = re.compile(r"^(?P<db>.+)-(?P<stamp>\d{8}-\d{6})-(?P<reason>[a-z0-9-]+)"
                        + re.escape(SUFFIX) + "$")


@dataclass(frozen=True)
class ToolCheck:
    """Whether this laptop can back the server's database up: pg_dump must be there and
    at least as new as the server (an older pg_dump refuses a newer server)."""

    dump: Path | None
    restore: Path | None
    dump_major: int | None
    server_major: int | None

    @property
    def problem(self) -> str | None:
        """None, 'missing' (no pg_dump or pg_restore) or 'too_old'."""
        if self.dump is None or self.restore is None:
            return "missing"
        if self.dump_major is not None and self.server_major is not None \
                and self.dump_major < self.server_major:
            return "too_old"
        return None


@dataclass(frozen=True)
class SharedBackup:
    path: Path
    when: datetime
    reason: str  # daily, manual, before-restore
    size: int


@dataclass(frozen=True)
class BackupMark:
    """The server's note of the last automatic backup: which day, which laptop, which file."""

    day: str
    by: str
    file: str = ""


@dataclass(frozen=True)
class BackupRecord:
    """A backup of the shared shop as the server knows it (`backup_records`): taken by
    `laptop`, kept there in `folder`. Only the laptop that holds it can restore it."""

    laptop: str
    folder: str
    file: str
    taken: datetime
    size: int
    reason: str

    @property
    def path(self) -> Path:
        return Path(self.folder) / self.file

    def here(self, laptop: str | None = None) -> bool:
        """Whether it is kept on this laptop (`laptop`: this one's name by default)."""
        return self.laptop.casefold() == (laptop or this_laptop()).casefold()


@dataclass(frozen=True)
class DailyOutcome:
    taken: Path | None  # this laptop took today's backup
    mark: BackupMark | None  # the mark found or written
    busy: bool = False  # another laptop was taking it at that moment
    removed: tuple[Path, ...] = ()  # older automatic backups pruned after it


def tool_major(program: Path | None) -> int | None:
    """The major version of pg_dump / pg_restore ('pg_dump (PostgreSQL) 15.8' → 15)."""
    if program is None:
        return None
    try:
        done = subprocess.run([str(program), "--version"], capture_output=True, text=True,
                              timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    # 'pg_dump (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)': the number after the name
    found = re.search(r"\)\s*(\d+)", done.stdout)
    return int(found.group(1)) if found else None


def server_major(raw_conn) -> int:
    """The server's major version, from a psycopg connection."""
    return int(raw_conn.execute("SHOW server_version_num").fetchone()[0]) // 10000


def server_major_of(url: str) -> int | None:
    """The shared shop's server's major version (None when it does not answer)."""
    try:
        with _connect(url) as raw:
            return server_major(raw)
    except ServerError:
        return None


def check_tools(server_version: int | None) -> ToolCheck:
    dump, restore_tool = tool("pg_dump"), tool("pg_restore")
    return ToolCheck(dump, restore_tool, tool_major(dump), server_version)


def shared_folder(data_dir: Path | str, url: str) -> Path:
    """Where this laptop keeps the backups of a shared shop: its data folder's
    `backups/shared/<database>@<host>_<port>` (no user name or password in it)."""
    from kpidesk.store.outbox import queue_name

    name = queue_name(url)[: -len(".kpidesk-queue.db")]
    return Path(data_dir) / "backups" / "shared" / name


# The folder the owner chose for this laptop's backups of a shared shop (a network share,
# a USB stick): a setting on the server per laptop, since a folder is a place on one
# laptop; without one, `shared_folder` in the data folder.
FOLDER_KEY = "shared_backup_dir:"  # the owner's (security.OWNER_SETTING_PREFIXES)


def folder_key(laptop: str | None = None) -> str:
    return FOLDER_KEY + (laptop or this_laptop()).casefold()


def backup_folder_of(store, data_dir: Path | str, laptop: str | None = None) -> Path:
    """Where this laptop puts the backups of the shared shop `store` holds open."""
    chosen = store.setting(folder_key(laptop))
    return Path(chosen) if chosen else shared_folder(data_dir, str(store.location))


def list_shared(folder: Path | str) -> list[SharedBackup]:
    """The backups in a shared shop's folder, newest first."""
    found = []
    folder = Path(folder)
    if not folder.is_dir():
        return []
    for path in folder.iterdir():
        match = _DUMP_NAME.match(path.name)
        if not match or not path.is_file():
            continue
        try:
            when = datetime.strptime(match.group("stamp"), "%Y%m%d-%H%M%S")
            size = path.stat().st_size
        except (ValueError, OSError):
            continue
        found.append(SharedBackup(path, when, match.group("reason"), size))
    return sorted(found, key=lambda b: b.when, reverse=True)


def verify_dump(path: Path | str) -> bool:
    """Whether a dump is whole: pg_restore reads its table of contents (`--list`), which
    needs the archive's header and catalogue intact."""
    program = tool("pg_restore")
    if program is None:
        raise ServerError("no_tools", "pg_restore")
    try:
        done = subprocess.run([str(program), "--list", str(path)], capture_output=True,
                              text=True, timeout=600)
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0 and "TABLE DATA" in done.stdout


def prune_shared(folder: Path | str, keep_daily: int = KEEP_DAILY,
                 keep_monthly: int = KEEP_MONTHLY) -> list[Path]:
    """Remove the automatic backups past the schedule: the newest `keep_daily` days, and
    the newest of each of the last `keep_monthly` months are kept; backups made by hand
    or before a restore stay. The paths removed."""
    daily = [b for b in list_shared(folder) if b.reason == "daily"]
    kept_days: list[str] = []
    kept_months: list[str] = []
    removed = []
    for b in daily:  # newest first
        day, month = b.when.strftime("%Y-%m-%d"), b.when.strftime("%Y-%m")
        keep = False
        if day not in kept_days and len(kept_days) < keep_daily:
            kept_days.append(day)
            keep = True
        if month not in kept_months and len(kept_months) < keep_monthly:
            kept_months.append(month)
            keep = True
        if not keep:
            b.path.unlink(missing_ok=True)
            removed.append(b.path)
    return removed


def this_laptop() -> str:
    """The name this laptop goes by in the server's records (its network name)."""
    return socket.gethostname() or "?"


def record(raw_conn, path: Path, reason: str, laptop: str, when: datetime) -> None:
    """Note on the server that `laptop` took the backup `path` (on a connection of
    `_connect`, autocommit: one statement). The server may be older than this table on
    a shop not yet opened for writing by this version: then nothing is noted."""
    try:
        raw_conn.execute(
            "INSERT INTO backup_records(laptop, folder, file, taken, size, reason)"
            " VALUES (%s, %s, %s, %s, %s, %s)",
            (laptop, str(Path(path).parent.resolve()), Path(path).name,
             when.isoformat(timespec="seconds"), Path(path).stat().st_size, reason))
    except _undefined_table():
        pass


def _forget(raw_conn, laptop: str, removed: list[Path]) -> None:
    """The records of backups this laptop removed (pruned past the schedule)."""
    for path in removed:
        try:
            raw_conn.execute("DELETE FROM backup_records WHERE laptop = %s AND folder = %s"
                             " AND file = %s",
                             (laptop, str(path.parent.resolve()), path.name))
        except _undefined_table():
            return


def _undefined_table() -> type[Exception]:
    import psycopg

    return psycopg.errors.UndefinedTable


def records(url: str) -> list[BackupRecord]:
    """Every backup of the shared shop the server knows of, newest first."""
    with _connect(url) as raw:
        try:
            rows = raw.execute("SELECT laptop, folder, file, taken, size, reason"
                               " FROM backup_records ORDER BY taken DESC, id DESC").fetchall()
        except _undefined_table():
            return []
    return [BackupRecord(r[0], r[1], r[2], datetime.fromisoformat(r[3]), int(r[4]), r[5])
            for r in rows]


def take(url: str, folder: Path | str, reason: str = "manual", laptop: str | None = None,
         now: datetime | None = None) -> Path:
    """A backup made by hand or before a restore: dumped, checked with pg_restore, noted
    on the server as this laptop's (`record`). Its path."""
    now = now or datetime.now()
    made = dump(url, folder, reason, now)
    if not verify_dump(made):
        made.unlink(missing_ok=True)
        raise BackupError("not_verified", str(made))
    with _connect(url) as raw:
        record(raw, made, reason, laptop or this_laptop(), now)
    return made


def _read_mark(raw_conn) -> BackupMark | None:
    row = raw_conn.execute("SELECT value FROM settings WHERE key = %s", (MARK_KEY,)).fetchone()
    if not row or not row[0]:
        return None
    try:
        data = json.loads(row[0])
        return BackupMark(str(data["day"]), str(data.get("by", "")), str(data.get("file", "")))
    except (ValueError, KeyError, TypeError):
        return None


def read_mark(url: str) -> BackupMark | None:
    """The server's mark of the last automatic backup (None: never taken)."""
    with _connect(url) as raw:
        return _read_mark(raw)


def _connect(url: str):
    try:
        import psycopg
    except ImportError as exc:
        raise ServerError("no_driver", str(exc)) from exc
    from kpidesk.store.pg import CONNECT_TIMEOUT_S

    try:
        return psycopg.connect(dialect.normalise_url(url), autocommit=True,
                               connect_timeout=CONNECT_TIMEOUT_S,
                               application_name="KPI Desk backup")
    except psycopg.OperationalError as exc:
        raise ServerError("unreachable", str(exc)) from exc


def daily_backup(url: str, folder: Path | str, now: datetime | None = None,
                 laptop: str | None = None) -> DailyOutcome:
    """Take today's backup of a shared shop unless a laptop took it already today (the
    server's mark) or is taking it now (the advisory lock). Verified before the mark is
    written; older automatic backups pruned after. Runs on its own connection (a thread)."""
    import psycopg

    now = now or datetime.now()
    laptop = laptop or this_laptop()
    try:
        with _connect(url) as raw:
            return _daily_backup_on(raw, url, Path(folder), now, laptop)
    except psycopg.OperationalError as exc:  # the server lost half-way
        raise ServerError("unreachable", str(exc)) from exc


def _daily_backup_on(raw, url: str, folder: Path, now: datetime, laptop: str) -> DailyOutcome:
    import psycopg

    today = now.date().isoformat()
    mark = _read_mark(raw)
    if mark is not None and mark.day >= today:
        return DailyOutcome(None, mark)
    if not raw.execute("SELECT pg_try_advisory_lock(%s)", (BACKUP_LOCK,)).fetchone()[0]:
        return DailyOutcome(None, mark, busy=True)
    try:
        mark = _read_mark(raw)  # taken while this laptop waited for the lock?
        if mark is not None and mark.day >= today:
            return DailyOutcome(None, mark)
        path = dump(url, folder, "daily", now)
        if not verify_dump(path):
            path.unlink(missing_ok=True)
            raise BackupError("not_verified", str(path))
        mark = BackupMark(today, laptop, path.name)
        raw.execute("INSERT INTO settings(key, value) VALUES (%s, %s) ON CONFLICT (key)"
                    " DO UPDATE SET value = excluded.value",
                    (MARK_KEY, json.dumps(asdict(mark))))
        record(raw, path, "daily", laptop, now)
        removed = prune_shared(folder)
        _forget(raw, laptop, removed)
        return DailyOutcome(path, mark, removed=tuple(removed))
    finally:
        with contextlib.suppress(psycopg.Error):  # a lost session has let the lock go
            raw.execute("SELECT pg_advisory_unlock(%s)", (BACKUP_LOCK,))
