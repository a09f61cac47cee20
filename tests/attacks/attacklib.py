"""Helpers for the attacks (tests/attacks): real shop files, the real command line, byte-exact checks.

Each test here reproduces one way a shop was broken or a promise not kept (issues 12,
13 and 17), done for real against files on disk and whole processes; each failed on
the code before its fix.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from kpidesk.store.db import Store
from kpidesk.store.sales import LineInput, OrderInput, add_order

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def digest(path: Path) -> str | None:
    path = Path(path)
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def fingerprint(path: Path) -> dict[str, str | None]:
    """The file and its SQLite side files, byte for byte (an empty -wal, which SQLite makes
    to read a WAL-mode file, counts as none)."""
    found = {suffix: digest(Path(f"{path}{suffix}")) for suffix in ("", "-wal", "-journal")}
    if found["-wal"] == hashlib.sha256(b"").hexdigest():
        found["-wal"] = None
    return found


def cli(*args: str, timeout: float = 300, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kpidesk", *map(str, args)],
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, **(env or {})})


def one_sentence(done: subprocess.CompletedProcess) -> str:
    """A refusal: exit 1, one line on stderr, no traceback."""
    assert done.returncode == 1, (done.returncode, done.stdout, done.stderr)
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, done.stderr
    assert "Traceback" not in done.stderr and "Error:" not in done.stderr, done.stderr
    assert lines[0].startswith("kpidesk: "), done.stderr
    return lines[0]


def make_shop(path: Path, orders: int = 3, name: str = "") -> Path:
    with Store(path) as s:
        for n in range(orders):
            add_order(s, OrderInput(f"2026-01-{n % 28 + 1:02d}", [LineInput(100 * (n + 1))],
                                    number=str(n + 1)))
        if name:
            s.set_setting("shop_name", name)
    return path


