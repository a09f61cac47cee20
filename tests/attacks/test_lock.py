"""The lock: one writer per shop, whatever name the file is opened by, released by the
system when its holder dies, never blocked by a PID that was reused."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from attacklib import make_shop

from kpidesk.store.db import Store
from kpidesk.store.errors import LockedError
from kpidesk.store.lock import acquire, lock_path


def _hold(path: Path, marker: Path) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from pathlib import Path
        from kpidesk.store.db import Store
        s = Store({str(path)!r}, lock=True)
        Path({str(marker)!r}).touch()
        time.sleep(120)
    """)])
    deadline = time.time() + 60
    while not marker.exists():
        assert proc.poll() is None and time.time() < deadline
        time.sleep(0.02)
    return proc


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="symlinks")
def test_a_symlink_to_an_open_shop_is_the_same_shop(tmp_path):
    real = make_shop(tmp_path / "shop.db")
    link = tmp_path / "link.db"
    link.symlink_to(real)
    holder = _hold(real, tmp_path / "ready")
    try:
        with pytest.raises(LockedError) as err:
            Store(link, lock=True)
        assert err.value.pid == holder.pid
    finally:
        holder.kill()
        holder.wait()


@pytest.mark.skipif(not hasattr(os, "link"), reason="hard links")
def test_a_hard_link_to_an_open_shop_is_the_same_shop(tmp_path):
    """Two names, one file: two writers made two WALs and corrupted an index."""
    real = make_shop(tmp_path / "shop.db")
    other = tmp_path / "elsewhere"
    other.mkdir()
    twin = other / "twin.db"
    os.link(real, twin)
    holder = _hold(real, tmp_path / "ready")
    try:
        with pytest.raises(LockedError):
            Store(twin, lock=True)
        with pytest.raises(LockedError):
            Store(tmp_path / "." / "elsewhere" / ".." / "shop.db", lock=True)
    finally:
        holder.kill()
        holder.wait()
    with Store(twin, lock=True):  # the holder died: its lock went with it
        pass


def test_a_lock_left_naming_a_live_reused_pid_does_not_block_the_shop(tmp_path):
    """After a reboot the PID in a leftover lock belongs to some other live process."""
    path = make_shop(tmp_path / "shop.db")
    lock_path(path).write_text(json.dumps({
        "pid": os.getppid(), "host": socket.gethostname(), "started": "2020-01-01T08:00:00"}))
    with Store(path, lock=True):
        pass


def test_a_killed_holder_leaves_no_lock(tmp_path):
    path = make_shop(tmp_path / "shop.db")
    holder = _hold(path, tmp_path / "ready")
    with pytest.raises(LockedError):
        Store(path, lock=True)
    holder.kill()
    holder.wait()
    with Store(path, lock=True):
        pass


def test_the_lock_names_its_holder_even_mid_write(tmp_path):
    path = make_shop(tmp_path / "shop.db")
    holder = _hold(path, tmp_path / "ready")
    try:
        with pytest.raises(LockedError) as err:
            acquire(path)
        assert err.value.pid == holder.pid and err.value.host == socket.gethostname()
    finally:
        holder.kill()
        holder.wait()


RACER = """
import os, random, sys, time
from pathlib import Path
from kpidesk.store.errors import LockedError
from kpidesk.store.lock import acquire
name, marker, rounds = Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3])
random.seed(os.getpid())
held = 0
while held < rounds:
    try:
        lock = acquire(name)
    except LockedError:
        time.sleep(random.random() / 500)
        continue
    try:
        fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)  # a second holder fails
    except FileExistsError:
        print("TWO HOLDERS", file=sys.stderr)
        sys.exit(3)
    time.sleep(random.random() / 1000)
    os.close(fd)
    os.unlink(marker)
    lock.release()
    held += 1
"""


@pytest.mark.slow
def test_eight_processes_racing_for_forty_rounds_never_hold_it_together(tmp_path):
    path = make_shop(tmp_path / "shop.db")
    link = tmp_path / "link.db"
    link.symlink_to(path)
    twin = tmp_path / "twin.db"
    os.link(path, twin)
    names = [path, link, twin, tmp_path / "." / "shop.db"] * 2
    marker = tmp_path / "held"
    procs = [subprocess.Popen([sys.executable, "-c", RACER, str(name), str(marker), "40"],
                              stderr=subprocess.PIPE, text=True) for name in names]
    outcomes = [(p.wait(300), p.stderr.read()) for p in procs]
    assert all(code == 0 for code, _ in outcomes), outcomes
