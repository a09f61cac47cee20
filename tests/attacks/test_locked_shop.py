"""A shop open in the app is refused by every command that writes, naming the holder:
"locked" is never "damaged" (the CLI restore used to rename the open shop .damaged-…
while the app went on saving into the renamed file)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

from attacklib import cli, fingerprint, make_shop, one_sentence

from kpidesk.store.db import Store


def _app_holding(path: Path, tmp_path: Path) -> tuple[subprocess.Popen, Path]:
    """A process that holds the shop as the app does and saves a sale when asked."""
    ready, go, done = tmp_path / "ready", tmp_path / "go", tmp_path / "done"
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from pathlib import Path
        from kpidesk.store.db import Store
        from kpidesk.store.sales import LineInput, OrderInput, add_order
        s = Store({str(path)!r}, lock=True, check_later=True)
        Path({str(ready)!r}).touch()
        while not Path({str(go)!r}).exists():
            time.sleep(0.02)
        add_order(s, OrderInput("2026-02-01", [LineInput(4242)], number="after"))
        Path({str(done)!r}).touch()
        time.sleep(120)
    """)])
    deadline = time.time() + 60
    while not ready.exists():
        assert proc.poll() is None and time.time() < deadline
        time.sleep(0.02)
    return proc, go


def test_restore_while_the_app_is_open_is_refused_and_the_app_keeps_its_file(tmp_path):
    path = make_shop(tmp_path / "shop.db")
    made = cli("backup", "--db", path)
    assert made.returncode == 0, made.stderr
    backup_file = next((tmp_path / "backups").iterdir())
    app, go = _app_holding(path, tmp_path)
    try:
        done = cli("restore", "--db", path, backup_file)
        sentence = one_sentence(done)
        assert "open in KPI Desk" in sentence and f"process {app.pid}" in sentence
        assert not list(tmp_path.glob("*.damaged-*"))
        go.touch()  # the app saves a sale after the refused restore
        deadline = time.time() + 30
        while not (tmp_path / "done").exists():
            assert app.poll() is None and time.time() < deadline
            time.sleep(0.02)
    finally:
        app.kill()
        app.wait()
    with Store(path) as s:  # the sale is in the shop file at its path
        assert s.scalar("SELECT count(*) FROM orders WHERE number = 'after'") == 1


def test_every_writing_command_refuses_a_locked_shop_naming_the_holder(tmp_path):
    path = make_shop(tmp_path / "shop.db")
    csv = tmp_path / "sales.csv"
    csv.write_text("date,amount,currency\n2026-03-01,5.00,USD\n", encoding="utf-8")
    assert cli("backup", "--db", path).returncode == 0
    backup_file = next((tmp_path / "backups").iterdir())
    app, _go = _app_holding(path, tmp_path)
    try:
        before = fingerprint(path)
        listed = sorted((tmp_path / "backups").iterdir())
        for args in (("restore", "--db", path, backup_file),
                     ("import", "sales", csv, "--db", path),
                     ("backup", "--db", path),
                     ("demo", "--db", path, "--lines", "100")):
            sentence = one_sentence(cli(*args))
            assert "open in KPI Desk" in sentence and str(app.pid) in sentence, args
        assert fingerprint(path) == before
        assert sorted((tmp_path / "backups").iterdir()) == listed  # no prune, no backup
    finally:
        app.kill()
        app.wait()
