"""Where things live: the user's data folder, backups, and bundled resources.

`resource_path()` works both from a source checkout and from inside a
PyInstaller bundle (where files are unpacked under ``sys._MEIPASS``).
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from kpidesk import APP_NAME, ORG_NAME

DB_FILENAME = "shop.kpidesk.db"


def resource_path(*parts: str) -> Path:
    """Path of a bundled resource under ``resources/``."""
    base = getattr(sys, "_MEIPASS", None)
    root = Path(base) if base else Path(__file__).resolve().parent.parent
    return root.joinpath("resources", *parts)


def data_dir() -> Path:
    """The user's data folder (created on first use).

    ``KPIDESK_DATA_DIR`` overrides it (tests, portable installs).
    Otherwise Qt's AppDataLocation: %APPDATA%\\kpidesk\\KPI Desk on Windows,
    ~/.local/share/kpidesk/KPI Desk on Linux, ~/Library/Application Support/… on macOS.
    """
    override = os.environ.get("KPIDESK_DATA_DIR")
    if override:
        path = Path(override)
    else:
        from PySide6.QtCore import QCoreApplication, QStandardPaths

        if not QCoreApplication.organizationName():
            QCoreApplication.setOrganizationName(ORG_NAME)
            QCoreApplication.setApplicationName(APP_NAME)
        location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        path = Path(location) if location else Path.home() / ".kpidesk"
    private_dir(path, own=True)
    return path


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def backups_dir() -> Path:
    path = data_dir() / "backups"
    private_dir(path, own=True)
    return path


def shared_shop_dir(server_url: str) -> Path:
    """A shared shop's own folder on this laptop: `shared/<database>@<host>_<port>` in the
    data folder (no user name or password in it). It stands where a shop file's folder
    stands for what is kept beside the shop (its `Store.path` is a name in it, never a
    file), so nothing of a shared shop lands in the current folder."""
    from urllib.parse import urlsplit

    from kpidesk.store import dialect

    parts = urlsplit(dialect.normalise_url(server_url))
    database = parts.path.strip("/") or "postgres"
    name = f"{database}@{parts.hostname or 'localhost'}_{parts.port or 5432}"
    return private_dir(data_dir() / "shared" / re.sub(r"[^A-Za-z0-9@._-]+", "_", name),
                       own=True)


def logs_dir() -> Path:
    path = data_dir() / "logs"
    private_dir(path, own=True)
    return path


# Shop files, backups, logs and exports hold customers' names and phone numbers: on
# systems with file modes they are readable by the user only (folders 0700, files 0600).
def private_dir(path: Path | str, *, parents: bool = True, own: bool = False) -> Path:
    """Make a folder only the user can enter. Folders it makes are 0700; an existing
    folder is narrowed to 0700 only when it is one of KPI Desk's own (`own`): a folder
    the user chose (Documents, a USB stick) keeps the modes the user gave it."""
    path = Path(path)
    existed = path.is_dir()
    if not existed:
        path.mkdir(mode=0o700, parents=parents, exist_ok=True)
    if (own or not existed) and os.name == "posix":
        try:
            os.chmod(path, 0o700)
        except OSError:
            pass  # a file system without modes (FAT on a USB stick)
    return path


def prepare_private_file(path: Path | str) -> Path:
    """Create `path` (or keep it) readable and writable by the user only, before a writer
    fills it: `open(path, "w")` and zip writers keep the mode of a file already there."""
    path = Path(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    os.close(fd)
    if os.name == "posix":
        try:
            os.chmod(path, 0o600)
        except OSError:
            pass
    return path


