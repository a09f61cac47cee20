"""Backups of a shop on a PostgreSQL server, through PostgreSQL's own tools: `pg_dump`
(custom format: compressed, restored table by table) and `pg_restore`.

The tools come with every PostgreSQL installation (on Windows in
`C:\\Program Files\\PostgreSQL\\<version>\\bin`); a laptop without them is told so in one
sentence (`ServerError('no_tools')`). The password never appears on a command line (other
users can read those): it is handed over in the PGPASSWORD environment variable.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
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


def _run(args: list[str], env: dict[str, str]) -> None:
    done = subprocess.run(args, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        text = (done.stderr or done.stdout).strip()
        lowered = text.lower()
        if "could not connect" in lowered or "connection to server" in lowered:
            raise ServerError("unreachable", text)
        if "password authentication failed" in lowered:
            raise ServerError("login", text)
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
    public, env = _split(url)
    _run([str(program), "--clean", "--if-exists", "--no-owner", "--no-privileges",
          "--single-transaction", f"--dbname={public}", str(backup_file)], env)
