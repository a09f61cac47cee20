"""Where things live: the user's data folder, backups, and bundled resources.

`resource_path()` works both from a source checkout and from inside a
PyInstaller bundle (where files are unpacked under ``sys._MEIPASS``).
"""

from __future__ import annotations

import os
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
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / DB_FILENAME


def backups_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def logs_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path
