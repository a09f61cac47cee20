"""Fixtures for the attacks: see attacklib.py."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from attacklib import IS_ROOT, make_shop


@pytest.fixture
def shop(tmp_path) -> Path:
    return make_shop(tmp_path / "shop.kpidesk.db")


@pytest.fixture
def tmpfs(tmp_path):
    """A tiny tmpfs of our own (root only); skips where mounting is not allowed."""
    mount = tmp_path / "mnt"
    mount.mkdir()
    if not IS_ROOT or shutil.which("mount") is None:
        pytest.skip("needs root to mount a tmpfs")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("tmpfs mount not allowed here")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)
