"""Headless commands about the shop file itself (``backup``, ``backups``, ``restore``),
and how every headless command opens a shop file and says why it will not.

A command that writes takes the file's lock first: a shop open in the app (or in
another command) is refused, naming the holder. A file that is not a sound shop —
missing, empty, a folder, a text file, another program's database, damaged, made by a
newer version, a backup copy — is refused with one sentence and never written to. A
missing or empty shop that has backups is never made into a new empty shop.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kpidesk.store import backup, backup_files, backup_restore, dialect
from kpidesk.store.db import Store, upgrade_if_needed
from kpidesk.store.errors import (
    BackupError,
    CorruptStoreError,
    LockedError,
    NewerSchemaError,
    NotAStoreError,
    OlderSchemaError,
    ServerError,
    StoreError,
    WriteFailedError,
)


class Refused(Exception):
    """A command refuses its input: the message is one English sentence."""


def english(exc: BaseException, path: Path | None = None) -> str:
    """One sentence for a store, lock, backup or OS error (the CLI speaks English)."""
    if path is not None and dialect.is_server_url(path):
        where = dialect.public_url(path)  # never the password
    else:
        where = str(path) if path is not None else "the shop file"
    if isinstance(exc, Refused):
        return str(exc)
    if isinstance(exc, ServerError):
        return {
            "no_driver": "this copy of KPI Desk has no PostgreSQL driver (psycopg): "
                         "reinstall it, or use a shop file",
            "unreachable": f"the PostgreSQL server of {where} does not answer (is it "
                           "running, and is this laptop on its network?); nothing was changed",
            "login": f"the PostgreSQL server refused the user name or password of {where}",
            "no_database": f"the PostgreSQL server has no database named in {where}: "
                           "create it first (see the README)",
            "not_supported": f"this command works on shop files only, not on {where}",
            "no_tools": "pg_dump and pg_restore are not installed on this computer: install "
                        "PostgreSQL's client tools to back up or restore a shared shop",
        }.get(exc.reason, f"the PostgreSQL server of {where} reported an error")
    if isinstance(exc, LockedError):
        holder = f"process {exc.pid}" if exc.pid else "another program"
        if exc.host:
            holder += f" on {exc.host}"
        if exc.started:
            holder += f", since {exc.started}"
        return (f"{where} is open in KPI Desk ({holder}); nothing was changed: close it "
                "there first")
    if isinstance(exc, NotAStoreError):
        return {
            "directory": f"{where} is a folder, not a shop file",
            "not_sqlite": f"{where} is not a KPI Desk shop file (it is not an SQLite "
                          "database); it was not changed",
            "foreign": f"{where} is not a KPI Desk shop file (it is another program's "
                       "database); it was not changed",
            "empty": f"{where} is empty (0 bytes): it holds no shop",
            "backup": f"{where} is a backup copy of a shop, which is never changed: restore "
                      "it with 'kpidesk restore --db SHOP-FILE " + str(path or "BACKUP") + "'",
        }.get(exc.reason, f"{where} is not a KPI Desk shop file; it was not changed")
    if isinstance(exc, CorruptStoreError):
        return (f"{where} is damaged (its integrity check failed); it was not changed: "
                "restore a backup with 'kpidesk restore'")
    if isinstance(exc, NewerSchemaError):
        return (f"{where} was saved by a newer version of KPI Desk (file version "
                f"{exc.found}, this version knows {exc.known}); it was not changed")
    if isinstance(exc, OlderSchemaError):
        return f"{where} was saved by an older version of KPI Desk and could not be upgraded"
    if isinstance(exc, WriteFailedError):
        return {
            "disk_full": "the disk is full; nothing was saved",
            "read_only": f"{where} cannot be written (a read-only disk, or no permission); "
                         "nothing was saved",
            "no_folder": f"the folder of {where} is not there (a USB stick not plugged in?)",
            "busy": f"{where} is busy in another program; nothing was saved",
            "moved": f"{where} was moved or replaced while it was open; nothing was saved",
        }.get(exc.reason, f"the disk reported an error writing {where}; nothing was saved")
    if isinstance(exc, BackupError):
        folder = exc.params.get("folder") or "the backup folder"
        return {
            "disk_full": f"the backup could not be written: the disk of {folder} is full",
            "read_only": f"the backup could not be written: {folder} cannot be written to",
            "no_folder": f"the backup could not be written: {folder} is not there "
                         "(a USB stick not plugged in?)",
            "not_verified": "the backup did not pass its check, so it was not kept: the "
                            "shop file may be damaged",
            "damaged": "the backup is damaged (it does not pass its check)",
            "newer": "the backup was made by a newer version of KPI Desk (file version "
                     f"{exc.params.get('found')}); it cannot be restored by this version",
            "other_shop": _other_shop_text(exc),
            "not_a_backup": f"{exc.detail or 'the file'} is not a KPI Desk backup",
            "busy": "the shop file is busy in another program; try again",
        }.get(exc.reason, "the backup could not be made: the disk reported an error")
    if isinstance(exc, OSError):
        name = exc.filename or where
        reason = (exc.strerror or type(exc).__name__).lower()
        return f"cannot read or write {name}: {reason}"
    if isinstance(exc, StoreError):
        return f"{where}: {exc}"
    return f"{type(exc).__name__}: {exc}"


def _other_shop_text(exc: BackupError) -> str:
    name = exc.params.get("shop_name") or "unnamed"
    return (f"the backup is of another shop (\"{name}\", {exc.params.get('orders')} orders, "
            f"last sale {exc.params.get('last_sale') or 'none'}); nothing was changed: "
            "add --other-shop to restore it anyway")


def _lost_refusal(path: Path) -> Refused | None:
    """A missing or empty shop file that has backups is not made into a new shop."""
    if not backup_files.is_lost(path):
        return None
    found = backup_files.lost_shop_backups(path)
    if not found:
        return None
    newest = found[0]
    state = "is missing" if not path.exists() else "is empty (0 bytes)"
    return Refused(
        f"{path} {state}, but {len(found)} backup(s) of it are in {newest.path.parent} "
        f"(the newest made {newest.created:%Y-%m-%d %H:%M}): restore it with "
        f"'kpidesk restore --db {path} {newest.path}' rather than starting an empty shop")


@contextmanager
def cli_store(path: Path, *, write: bool = False, create: bool = False,
              full_check: bool = True) -> Iterator[Store]:
    """The shop file for a headless command: read-only, or locked for writing.

    Refuses (Refused or a StoreError, both said in one sentence by `english`) a file
    that is not a sound shop, without writing to it; `create` lets a command that
    writes start a new shop in a missing or empty file — unless backups of it exist.
    `full_check=False` leaves out the `quick_check` that reads every page, for a command
    that only reads a little of a large shop (see `Store`), or a file as KPI Desk left
    it after a check that passed (`check_marks`).
    """
    if dialect.is_server_url(path):  # a shop on a PostgreSQL server: no file, no lock file
        server = open_server(path, write=write)
        try:
            yield server
        finally:
            server.close()
        return
    path = Path(path)
    if path.is_dir():
        raise NotAStoreError("directory")
    if not path.parent.is_dir():
        raise Refused(f"the folder {path.parent} is not there (a USB stick not plugged in?)")
    if backup_files.is_lost(path):
        refusal = _lost_refusal(path) if (write and create) else None
        if refusal:
            raise refusal
        if not (write and create):
            if not path.exists():
                raise Refused(f"no shop file at {path}")
            found = backup_files.lost_shop_backups(path)
            hint = (f"; {len(found)} backup(s) of it are in {found[0].path.parent}: restore "
                    "one with 'kpidesk restore'") if found else ""
            raise Refused(f"{path} is empty (0 bytes): it holds no shop{hint}")
    if write:
        store = Store(path, lock=True, quick_check=full_check)
    else:
        upgrade_if_needed(path)  # a file of an older version: migrated (backed up) first
        store = Store(path, read_only=True, quick_check=full_check)
    try:
        yield store
    finally:
        store.close()


def open_server(url: object, *, write: bool = False) -> Store:
    """A shop on a PostgreSQL server for a headless command. An address without a password
    gets one as libpq does (PGPASSWORD, the pgpass file); when the server still wants one,
    it is asked on the terminal (getpass: not echoed), and without a terminal the command
    is refused saying where to put it."""
    from kpidesk.store import server_address

    url = dialect.normalise_url(url)
    try:
        return Store(url, read_only=not write)
    except ServerError as exc:
        if exc.reason != "login" or server_address.has_password(url):
            raise
    public = dialect.public_url(url)
    if not terminal_attached():
        raise Refused(f"the PostgreSQL server of {public} wants a password: set PGPASSWORD, "
                      "put it in the pgpass file (~/.pgpass; %APPDATA%\\postgresql\\"
                      "pgpass.conf on Windows), or run the command in a terminal to be asked")
    import getpass

    password = getpass.getpass(f"Password for {public}: ")
    # for every later connection of this command (a PIN check, pg_dump), as libpq reads it;
    # this process's environment only
    os.environ["PGPASSWORD"] = password
    return Store(url, read_only=not write)


def terminal_attached() -> bool:
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, ValueError):  # no stdin (a GUI-subsystem bundle), or closed
        return False


@contextmanager
def of_branch(store: Store, name: str | None) -> Iterator[Store]:
    """The store whose figures a command reads: the shop's, or one branch's (`--branch`)."""
    from kpidesk.store import branches, sync

    if name is None:
        yield store
        return
    try:
        with branches.branch_view(store, name) as view:
            yield view
    except sync.SyncError as exc:
        if exc.code != "unknown_branch":
            raise
        known = exc.params.get("known") or []
        raise Refused(f"this shop has no branch called \"{name}\""
                      + (f" (its branches: {', '.join(known)})" if known
                         else " (it has no branches: see 'kpidesk branch')")) from exc


# -- backup ---------------------------------------------------------------------------
def run_backup(db_path: Path, to: Path | None, daily: bool = False) -> int:
    if dialect.is_server_url(db_path):
        if daily:
            return _run_server_daily(str(db_path), to)
        return _run_server_backup(str(db_path), to)
    if daily:
        return _run_daily(db_path, to)
    with cli_store(db_path, write=True) as store:
        info = backup.make_backup(store, "manual", to)
    print(f"backup written and verified: {info.path} ({info.size:,} bytes, "
          f"{info.sales_count()} orders)")
    return 0


def run_backups(db_path: Path, as_json: bool = False) -> int:
    """List the backups of a shop (its own only, by identity), newest first."""
    if dialect.is_server_url(db_path):
        return _run_server_backups(str(db_path), as_json)
    db_path = Path(db_path)
    if backup_files.is_lost(db_path) and not db_path.is_dir():
        found = backup_files.lost_shop_backups(db_path)
        if not found:
            raise Refused(f"no shop file at {db_path}, and no backup of it beside it")
        print(f"kpidesk: {db_path} is missing or empty; backups found by its name:",
              file=sys.stderr)
        _print_backups(found, as_json, folders=sorted({str(b.path.parent) for b in found}),
                       others=0)
        return 0
    with cli_store(db_path) as store:
        found = backup_files.list_all_backups(store)
        folders = [str(f) for f in backup_files.backup_folders(store)]
        ident = backup.identity.read(store.conn)
        others = sum(backup_files.other_shops_backups(Path(f), ident.uuid if ident else None)
                     for f in folders)
    _print_backups(found, as_json, folders, others)
    return 0


def _print_backups(found: list[backup_files.BackupInfo], as_json: bool, folders: list[str],
                   others: int) -> None:
    rows = []
    for b in found:
        details = b.details()
        rows.append({"path": str(b.path), "created": b.created.isoformat(timespec="seconds"),
                     "reason": b.reason, "number": b.seq,
                     "orders": details.orders if details else None,
                     "last_sale": details.last_sale if details else None,
                     "shop_name": details.shop_name if details else None,
                     "size": b.size, "compressed": b.path.suffix == ".zip"})
    if as_json:
        print(json.dumps({"backups": rows, "folders": folders,
                          "total_size": sum(r["size"] for r in rows),
                          "other_shops_backups": others}, ensure_ascii=False, indent=2))
        return
    if not rows:
        print("no backups of this shop in " + ", ".join(folders))
    for r in rows:
        orders = "?" if r["orders"] is None else f"{r['orders']:,}"
        print(f"{r['created'].replace('T', ' ')}  {r['reason']:<15} {orders:>9} orders  "
              f"last sale {r['last_sale'] or '-':<10}  {r['size']:>13,} bytes  {r['path']}")
    total = sum(r["size"] for r in rows)
    print(f"{len(rows)} backup(s), {total:,} bytes in all"
          + (f"; {others} backup(s) of other shops in the same folder(s), not listed"
             if others else ""))


# -- restore ---------------------------------------------------------------------------
def _shop_text(summary: dict | None) -> str:
    if not summary:
        return "nothing"
    name = summary.get("shop_name") or "unnamed shop"
    return (f"\"{name}\", {summary.get('orders', 0):,} orders, last sale "
            f"{summary.get('last_sale') or 'none'}")


def run_restore(db_path: Path, backup_file: Path, other_shop: bool = False) -> int:
    if dialect.is_server_url(db_path):
        return _run_server_restore(str(db_path), Path(backup_file))
    db_path, backup_file = Path(db_path), Path(backup_file)
    if not backup_file.is_file():
        raise Refused(f"no backup at {backup_file}")
    if db_path.is_dir():
        raise NotAStoreError("directory")
    if not db_path.parent.is_dir():
        raise Refused(f"the folder {db_path.parent} is not there (a USB stick not plugged in?)")
    # (The owner PIN, when one is set, is asked here, before anything is changed.)
    result = backup_restore.restore(db_path, backup_file, allow_other_shop=other_shop, source="cli")
    print(f"restored {db_path} from {backup_file}: now {_shop_text(result.restored)}")
    if result.set_aside:
        print(f"the file that was there could not be read as a shop; it was kept unchanged "
              f"as {result.safety}")
    elif result.replaced:
        print(f"it replaced {_shop_text(result.replaced)}, kept as the backup {result.safety}")
    return 0


# -- a shop on a PostgreSQL server: pg_dump / pg_restore ----------------------------------
def _run_daily(db_path: Path, to: Path | None) -> int:
    """What the app does on the first start of a day: back the shop file up unless today's
    backup is there, verified, then older automatic ones pruned (`backup.make_backup`)."""
    from datetime import date

    from kpidesk.store.sales import has_orders

    with cli_store(db_path, write=True) as store:
        day = date.today().isoformat()
        if not has_orders(store):
            print(f"nothing to back up: {db_path} has no sales yet")
            return 0
        if to is None and backup_files.backed_up_on(store, day):
            print(f"today's backup of {db_path} is taken already, in "
                  f"{backup_files.backup_folder(store)}: nothing to do")
            return 0
        info = backup.make_backup(store, "daily", to)
    print(f"daily backup written and verified: {info.path} ({info.size:,} bytes, "
          f"{info.sales_count()} orders)")
    return 0


def _shared_folder(store: Store, to: Path | None) -> Path:
    """Where this laptop puts a shared shop's backups: --to, the folder chosen in the app
    for this laptop, or the shop's folder in the data folder (as the app does)."""
    from kpidesk.paths import data_dir
    from kpidesk.store import pg_backup

    return to if to is not None else pg_backup.backup_folder_of(store, data_dir())


def _run_server_backup(url: str, to: Path | None) -> int:
    from kpidesk.store import pg_backup

    with cli_store(url) as store:  # an unreachable server or a non-shop is said first
        orders = store.scalar("SELECT count(*) FROM orders")
        folder = _shared_folder(store, to)
    written = pg_backup.take(url, folder, "manual")
    print(f"backup written and verified: {written} ({written.stat().st_size:,} bytes, "
          f"{orders} orders)")
    return 0


def _run_server_backups(url: str, as_json: bool) -> int:
    """The backups of a shared shop the server knows of, from every laptop: those kept on
    another laptop are restored from there."""
    from kpidesk.store import pg_backup

    with cli_store(url):  # an unreachable server or a non-shop is said first
        pass
    found = pg_backup.records(url)
    rows = [{"path": str(r.path), "created": r.taken.isoformat(timespec="seconds"),
             "reason": r.reason, "size": r.size, "laptop": r.laptop, "here": r.here()}
            for r in found]
    if as_json:
        print(json.dumps({"backups": rows, "total_size": sum(r.size for r in found)},
                         ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("no backups of this shared shop have been taken yet")
    for r in rows:
        where = "here" if r["here"] else f"on {r['laptop']}"
        print(f"{r['created'].replace('T', ' ')}  {r['reason']:<15} {r['size']:>13,} bytes  "
              f"{where:<20} {r['path']}")
    print(f"{len(rows)} backup(s), {sum(r.size for r in found):,} bytes in all")
    return 0


def _run_server_daily(url: str, to: Path | None) -> int:
    """The day's automatic backup of a shared shop, as every laptop's app starts it: one
    laptop a day takes it (`pg_backup.daily_backup`); says who did when it was not this
    one."""
    from kpidesk.store import pg_backup

    with cli_store(url) as store:
        folder = _shared_folder(store, to)
    outcome = pg_backup.daily_backup(url, folder)
    if outcome.busy:
        print("another laptop is taking today's backup of the shared shop now: nothing to do")
    elif outcome.taken is None and outcome.mark is not None:
        print(f"today's backup of the shared shop was taken already by \"{outcome.mark.by}\""
              f" ({outcome.mark.file}): nothing to do")
    elif outcome.taken is not None:
        print(f"daily backup written and verified: {outcome.taken} "
              f"({outcome.taken.stat().st_size:,} bytes), taken by \"{pg_backup.this_laptop()}\"")
        if outcome.removed:
            print(f"{len(outcome.removed)} older automatic backup(s) removed "
                  f"({pg_backup.KEEP_DAILY} daily and {pg_backup.KEEP_MONTHLY} monthly kept)")
    return 0


def _run_server_restore(url: str, backup_file: Path) -> int:
    from kpidesk.store import history, pg_backup, security

    if not backup_file.is_file():
        raise Refused(f"no backup at {backup_file}")
    if backup_file.suffix != pg_backup.SUFFIX:
        raise Refused(f"{backup_file} is not a backup of a shared shop (a {pg_backup.SUFFIX} "
                      "file made by 'kpidesk backup' of a PostgreSQL shop)")
    with cli_store(url, write=True) as store:
        security.demand_owner(store, "restore")  # it replaces every record
    pg_backup.restore(url, backup_file)
    with cli_store(url, write=True) as store:
        with store.transaction():
            history.note(store, "restore", backup_file.name, None, None)
        orders = store.scalar("SELECT count(*) FROM orders")
    print(f"restored {dialect.public_url(url)} from {backup_file}: now {orders:,} orders")
    return 0
