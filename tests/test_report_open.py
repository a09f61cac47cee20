"""The `report` command opens the shop read-only without the integrity check that reads
every page (#17: about 10 s at 1M lines, before a report that reads a few MB) when the file
is as KPI Desk left it after a check that passed (`store/check_marks.py`); any other file
is checked in full, and a damaged page the report meets is refused in one sentence."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

from kpidesk.reports import cli as report_cli
from kpidesk.store import db as store_db

MONTH = "2026-10"
TODAY = "2026-11-26"


def _copy(demo_file: Path, folder: Path) -> Path:
    path = folder / "shop.db"
    shutil.copyfile(demo_file, path)
    return path


def test_the_report_skips_the_full_check_only_for_a_file_as_kpi_desk_left_it(
        qapp, demo_file, tmp_path, monkeypatch):
    path = _copy(demo_file, tmp_path)
    checks: list[bool] = []
    real = store_db.inspect_file

    def spy(*args, **kwargs):
        checks.append(kwargs.get("quick_check", True))
        return real(*args, **kwargs)

    monkeypatch.setattr(store_db, "inspect_file", spy)
    out = tmp_path / "r.pdf"

    def report() -> list[bool]:
        checks.clear()
        assert report_cli.run_report(path, MONTH, "en", out,
                                     today=date.fromisoformat(TODAY)) == 0
        assert out.stat().st_size > 10_000
        return list(checks)

    assert report() == [True]  # a file copied in: checked in full
    with store_db.Store(path):  # the app opens it: checked, then closed as it was left
        pass
    assert report() == [False]
    assert report() == [False]  # a report changes nothing
    with open(path, "r+b") as handle:  # another program writes a byte of the file again
        handle.seek(100)
        same = handle.read(1)
        handle.seek(100)
        handle.write(same)
    assert report() == [True]


def test_a_damaged_page_the_report_reads_is_refused_in_one_sentence(demo_file, tmp_path):
    path = _copy(demo_file, tmp_path)
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        root = conn.execute(
            "SELECT rootpage FROM sqlite_master WHERE name = 'sale_lines'").fetchone()[0]
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with open(path, "r+b") as handle:  # the lines table's first page: not a b-tree page
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * page_size)
    out = tmp_path / "r.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "kpidesk", "report", "--db", str(path), "--month", MONTH,
         "--out", str(out), "--today", TODAY], capture_output=True, text=True, timeout=180)
    assert done.returncode == 1
    assert "is damaged" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1
    assert not out.exists()
