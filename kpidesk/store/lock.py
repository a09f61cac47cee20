"""One writer per shop file.

The lock is the operating system's, on the shop file itself: an exclusive lock on one
byte far beyond its end (Linux: an open-file-description lock; Windows: ``LockFileEx``),
a range SQLite never touches. So:

- every name of the file meets the same lock — a symlink, a hard link, another spelling
  of the path — because the lock belongs to the file, not to a name;
- taking it is one atomic system call: two processes can never both hold it;
- the system drops it when its holder ends, however it ends (a crash, a kill, a power
  cut): there are no stale locks to clear, and a PID reused after a reboot means nothing.

Where such byte locks are not available (macOS, BSD), an ``flock`` on ``<real path>.lock``
does the same for every path that resolves to the file (not for hard links).

Beside the file, ``<real path>.lock`` names the holder (process, computer, when it took
the lock, the file's device and inode) for the message the next one sees. Only the
holder writes it, and removes it before letting go.
"""

from __future__ import annotations

import contextlib
import json
import os
import socket
import sys
import time
from datetime import datetime
from pathlib import Path

from kpidesk.store.errors import LockedError

# A byte no SQLite lock (they sit at 1 GiB) and no page of any shop will ever reach.
LOCK_OFFSET = 1 << 62


def real_path(db_path: Path | str) -> Path:
    """The file's own path: symlinks and relative parts resolved."""
    return Path(os.path.realpath(db_path))


def lock_path(db_path: Path | str) -> Path:
    real = real_path(db_path)
    return real.with_name(real.name + ".lock")


# -- the system's byte lock on the shop file ------------------------------------------
if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import ctypes
    import msvcrt
    from ctypes import wintypes

    class _Overlapped(ctypes.Structure):
        _fields_ = [("Internal", ctypes.c_void_p), ("InternalHigh", ctypes.c_void_p),
                    ("Offset", wintypes.DWORD), ("OffsetHigh", wintypes.DWORD),
                    ("hEvent", wintypes.HANDLE)]

    _kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)
    _kernel32.LockFileEx.argtypes = [wintypes.HANDLE, wintypes.DWORD, wintypes.DWORD,
                                     wintypes.DWORD, wintypes.DWORD,
                                     ctypes.POINTER(_Overlapped)]
    _kernel32.LockFileEx.restype = wintypes.BOOL
    _kernel32.UnlockFileEx.argtypes = [wintypes.HANDLE, wintypes.DWORD, wintypes.DWORD,
                                       wintypes.DWORD, ctypes.POINTER(_Overlapped)]
    _kernel32.UnlockFileEx.restype = wintypes.BOOL
    _LOCKFILE_FAIL_IMMEDIATELY, _LOCKFILE_EXCLUSIVE_LOCK = 0x1, 0x2
    _ERROR_LOCK_VIOLATION, _ERROR_IO_PENDING = 33, 997

    def _overlapped() -> _Overlapped:
        return _Overlapped(0, 0, LOCK_OFFSET & 0xFFFFFFFF, LOCK_OFFSET >> 32, None)

    def _try_byte_lock(fd: int) -> bool:
        handle = msvcrt.get_osfhandle(fd)
        if _kernel32.LockFileEx(handle, _LOCKFILE_EXCLUSIVE_LOCK | _LOCKFILE_FAIL_IMMEDIATELY,
                                0, 1, 0, ctypes.byref(_overlapped())):
            return True
        error = ctypes.get_last_error()
        if error in (_ERROR_LOCK_VIOLATION, _ERROR_IO_PENDING):
            return False
        raise OSError(error, ctypes.FormatError(error))

    def _byte_unlock(fd: int) -> None:
        _kernel32.UnlockFileEx(msvcrt.get_osfhandle(fd), 0, 1, 0, ctypes.byref(_overlapped()))

    _BYTE_LOCKS = True
else:
    import fcntl
    import struct

    _OFD_SETLK: int = getattr(fcntl, "F_OFD_SETLK", -1)
    _BYTE_LOCKS = _OFD_SETLK != -1  # Linux: locks of an open file, not of a process

    def _flock_arg(kind: int) -> bytes:
        # struct flock: l_type, l_whence, l_start, l_len, l_pid (0 for OFD locks)
        return struct.pack("hhqqi4x", kind, os.SEEK_SET, LOCK_OFFSET, 1, 0)

    def _try_byte_lock(fd: int) -> bool:
        try:
            fcntl.fcntl(fd, _OFD_SETLK, _flock_arg(fcntl.F_WRLCK))
        except OSError as exc:
            if exc.errno in (11, 13, 35):  # EAGAIN, EACCES, EWOULDBLOCK (macOS): held
                return False
            raise
        return True

    def _byte_unlock(fd: int) -> None:
        fcntl.fcntl(fd, _OFD_SETLK, _flock_arg(fcntl.F_UNLCK))

    def _try_flock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True


# -- who holds it ------------------------------------------------------------------------
def _file_id(path: Path) -> tuple[int, int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return st.st_dev, st.st_ino


def read_lock(db_path: Path | str) -> dict | None:
    """What the holder wrote about itself (None when nothing readable is there). Also
    finds a holder that opened the file by another name in the same folder (a hard link)."""
    own = lock_path(db_path)
    candidates = [own]
    file_id = _file_id(Path(db_path))
    with contextlib.suppress(OSError):
        candidates += sorted(p for p in own.parent.glob("*.lock") if p != own)
    for path in candidates:
        for _ in range(3):  # the holder may be writing it at this instant
            try:
                info = json.loads(path.read_text(encoding="utf-8"))
            except FileNotFoundError:
                break
            except (OSError, ValueError):
                time.sleep(0.01)
                continue
            if not isinstance(info, dict):
                break
            if path == own or (file_id and info.get("file") == list(file_id)):
                return info
            break
    return None


def _locked_error(db_path: Path) -> LockedError:
    info = None
    for _ in range(20):  # the new holder writes its name just after taking the lock
        info = read_lock(db_path)
        if info is not None:
            break
        time.sleep(0.01)
    info = info or {}
    try:
        pid = int(info.get("pid", 0))
    except (TypeError, ValueError):
        pid = 0
    return LockedError(pid, str(info.get("host", "")), str(info.get("started", "")))


class FileLock:
    """A held lock; `release()` (idempotent) lets the next one in."""

    def __init__(self, db_path: Path, fd: int, info_path: Path, token: str,
                 info_in_lock_file: bool) -> None:
        self.db_path = db_path
        self.path = info_path
        self._fd: int | None = fd
        self._token = token
        self._info_in_lock_file = info_in_lock_file

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            if self._info_in_lock_file:  # the lock file itself: emptied, never removed
                os.ftruncate(fd, 0)
            else:
                info = None
                with contextlib.suppress(OSError, ValueError):
                    info = json.loads(self.path.read_text(encoding="utf-8"))
                if isinstance(info, dict) and info.get("token") == self._token:
                    self.path.unlink()  # still holding: no one else writes it now
        except OSError:
            pass
        finally:
            try:
                if not self._info_in_lock_file and _BYTE_LOCKS:
                    _byte_unlock(fd)
            except OSError:
                pass
            os.close(fd)


def _describe(db_path: Path, token: str) -> dict:
    return {"pid": os.getpid(), "host": socket.gethostname(),
            "started": datetime.now().isoformat(timespec="seconds"),
            "file": list(_file_id(db_path) or (0, 0)), "path": str(real_path(db_path)),
            "token": token}


def acquire(db_path: Path | str) -> FileLock:
    """Take the lock of `db_path` (creating an empty file if there is none), or raise
    LockedError naming the holder. Never waits."""
    db_path = Path(db_path)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    token = f"{os.getpid()}-{time.time_ns()}-{os.urandom(4).hex()}"
    info_path = lock_path(db_path)
    if _BYTE_LOCKS:
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0)
        fd = os.open(db_path, flags, 0o600)
        try:
            got = _try_byte_lock(fd)
        except OSError:
            os.close(fd)
            raise
        if not got:
            os.close(fd)
            raise _locked_error(db_path)
        try:
            info = _describe(db_path, token)
            with open(info_path, "w", encoding="utf-8") as handle:
                json.dump(info, handle)
            with contextlib.suppress(OSError):
                os.chmod(info_path, 0o600)
        except OSError:
            pass  # the lock holds without its note (a read-only folder): the message is vaguer
        return FileLock(db_path, fd, info_path, token, info_in_lock_file=False)
    # flock on the lock file beside the real path; the file is never removed (removing it
    # would let a third process lock a new file while the second holds the old one)
    fd = os.open(info_path, os.O_RDWR | os.O_CREAT, 0o600)
    if not _try_flock(fd):
        os.close(fd)
        raise _locked_error(db_path)
    if not db_path.exists():
        os.close(os.open(db_path, os.O_WRONLY | os.O_CREAT, 0o600))
    data = json.dumps(_describe(db_path, token)).encode("utf-8")
    os.ftruncate(fd, 0)
    os.pwrite(fd, data, 0)
    return FileLock(db_path, fd, info_path, token, info_in_lock_file=True)
