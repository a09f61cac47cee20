"""One writer per shop file: a lock file beside it naming the process that holds it.

A lock left by a process that no longer runs (a crash, a power cut) is
stale and taken over. Two different shop files can be open at once.
"""

from __future__ import annotations

import json
import os
import socket
import sys
from datetime import datetime
from pathlib import Path

from kpidesk.store.errors import LockedError


def lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _process_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        synchronize = 0x00100000
        handle = ctypes.windll.kernel32.OpenProcess(synchronize, False, pid)
        if not handle:
            return False
        still_active = ctypes.windll.kernel32.WaitForSingleObject(handle, 0) == 0x102  # timeout
        ctypes.windll.kernel32.CloseHandle(handle)
        return still_active
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class FileLock:
    def __init__(self, path: Path) -> None:
        self.path = path

    def release(self) -> None:
        try:
            info = json.loads(self.path.read_text(encoding="utf-8"))
            if info.get("pid") == os.getpid():
                self.path.unlink()
        except (OSError, ValueError):
            pass


def read_lock(db_path: Path) -> dict | None:
    try:
        return json.loads(lock_path(db_path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def acquire(db_path: Path) -> FileLock:
    """Take the lock of `db_path`, or raise LockedError naming the holder."""
    path = lock_path(db_path)
    path.parent.mkdir(parents=True, exist_ok=True)
    me = {"pid": os.getpid(), "host": socket.gethostname(),
          "started": datetime.now().isoformat(timespec="seconds")}
    for _ in range(3):
        try:
            fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        except FileExistsError:
            holder = read_lock(db_path)
            if holder is None:  # unreadable or half-written: treat as stale
                _remove(path)
                continue
            same_host = holder.get("host") == me["host"]
            if holder.get("pid") == me["pid"] and same_host:
                raise LockedError(me["pid"], me["host"],
                                  str(holder.get("started", ""))) from None
            if same_host and not _process_alive(int(holder.get("pid", 0))):
                _remove(path)  # stale: its process is gone
                continue
            raise LockedError(int(holder.get("pid", 0)), str(holder.get("host", "")),
                              str(holder.get("started", ""))) from None
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(me, handle)
        return FileLock(path)
    raise LockedError(0, "", "")


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
