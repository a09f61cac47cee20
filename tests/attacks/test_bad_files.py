"""Files that are not what they seem: every headless command answers with one sentence
and exit code 1, and never writes to them — not even through SQLite's own recovery
(a WAL checkpointed or a hot journal rolled back into a damaged, foreign or newer
file)."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from attacklib import cli, fingerprint, make_shop, one_sentence

from kpidesk.store import schema
from kpidesk.store.db import Store
from kpidesk.store.errors import CorruptStoreError, NewerSchemaError, NotAStoreError


def _killed_writer(path: Path, code: str) -> None:
    """Run SQLite statements on `path` in a child killed before it closes: what it wrote
    stays in the -wal (or the -journal), as after a crash."""
    child = subprocess.run([sys.executable, "-c", textwrap.dedent(f"""
        import os, signal, sqlite3
        conn = sqlite3.connect({str(path)!r}, isolation_level=None)
        {code}
        os.kill(os.getpid(), signal.SIGKILL)
    """)])
    assert child.returncode == -signal.SIGKILL


def text_file(folder: Path) -> Path:
    path = folder / "shop.db"
    path.write_text("date,amount\n2026-01-01,5\n" * 50, encoding="utf-8")
    return path


def folder_named_like_a_shop(folder: Path) -> Path:
    path = folder / "shop.db"
    path.mkdir()
    return path


def zero_bytes_with_backups(folder: Path) -> Path:
    path = make_shop(folder / "shop.db")
    with Store(path) as s:
        from kpidesk.store import backup

        backup.make_backup(s, "daily")
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(b"")
    return path


def foreign_with_wal(folder: Path) -> Path:
    path = folder / "shop.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE notes (t TEXT)")
    conn.commit()
    conn.close()
    _killed_writer(path, "conn.execute(\"INSERT INTO notes VALUES ('in the wal')\")")
    return path


def views_only(folder: Path) -> Path:
    path = folder / "shop.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE VIEW answer AS SELECT 42 AS x")
    conn.commit()
    conn.close()
    return path


def newer_version_in_wal(folder: Path) -> Path:
    path = make_shop(folder / "shop.db")
    _killed_writer(path, f"conn.execute('PRAGMA user_version = {schema.SCHEMA_VERSION + 5}')")
    return path


def damaged_with_wal(folder: Path) -> Path:
    path = folder / "shop.db"
    from kpidesk.demo import build_demo

    with Store(path) as s:
        build_demo(s, lines=2000, months=6, seed=2)
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.seek(size // 2 // 4096 * 4096)
        f.write(os.urandom(4096 * 4))
    _killed_writer(path, f"conn.execute('PRAGMA user_version = {schema.SCHEMA_VERSION}')")
    assert Path(f"{path}-wal").stat().st_size > 0
    return path


def truncated(folder: Path) -> Path:
    path = folder / "shop.db"
    from kpidesk.demo import build_demo

    with Store(path) as s:
        build_demo(s, lines=2000, months=6, seed=2)
    with path.open("r+b") as f:
        f.truncate(path.stat().st_size // 3)
    return path


def foreign_with_hot_journal(folder: Path) -> Path:
    path = folder / "shop.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (t TEXT)")
    conn.execute("INSERT INTO notes VALUES ('kept')")
    conn.commit()
    conn.close()
    _killed_writer(path, textwrap.dedent("""\
        conn.execute("PRAGMA cache_size = 1")
        conn.execute("BEGIN")
        for i in range(3000):
            conn.execute("INSERT INTO notes VALUES (?)", (os.urandom(100).hex(),))
    """).replace("\n", "\n        "))
    assert Path(f"{path}-journal").stat().st_size > 0
    return path


BAD_FILES = [text_file, folder_named_like_a_shop, zero_bytes_with_backups, foreign_with_wal,
             views_only, newer_version_in_wal, damaged_with_wal, truncated,
             foreign_with_hot_journal]


def _commands(path: Path, folder: Path) -> list[tuple]:
    csv = folder / "in.csv"
    csv.write_text("date,amount,currency\n2026-03-01,5.00,USD\n", encoding="utf-8")
    return [("kpi", "--db", path, "--month", "2026-01", "--json"),
            ("report", "--db", path, "--month", "2026-01", "--out", folder / "r.pdf"),
            ("export", "sales", "--db", path, "--out", folder / "out.csv"),
            ("backup", "--db", path),
            ("backups", "--db", path),
            ("import", "sales", csv, "--db", path),
            ("demo", "--db", path, "--lines", "200")]


def _check_refused_untouched(make, tmp_path: Path, commands: list[str] | None = None) -> int:
    folder = tmp_path / "f"
    folder.mkdir()
    path = make(folder)
    before = fingerprint(path) if path.is_file() else None
    listing = sorted(p.name for p in folder.rglob("*"))
    tried = 0
    for args in _commands(path, folder):
        if commands and args[0] not in commands:
            continue
        done = cli(*args)
        if args[0] == "backups" and make is zero_bytes_with_backups:
            assert done.returncode == 0 and "backups found" in done.stderr  # the way back
        else:
            one_sentence(done)
        tried += 1
        if before is not None:
            assert fingerprint(path) == before, args
        after = sorted(p.name for p in folder.rglob("*") if not p.name.endswith(("-shm", "-wal"))
                       and p.name != "in.csv")
        assert after == [n for n in listing if not n.endswith(("-shm", "-wal"))], args
    return tried


def test_a_text_file_is_refused_by_every_command(tmp_path):
    assert _check_refused_untouched(text_file, tmp_path) == 7


@pytest.mark.slow
@pytest.mark.parametrize("make", BAD_FILES, ids=lambda f: f.__name__)
def test_every_command_refuses_a_bad_file_and_never_writes_it(make, tmp_path):
    _check_refused_untouched(make, tmp_path)


@pytest.mark.parametrize("make", [foreign_with_wal, newer_version_in_wal, damaged_with_wal,
                                  foreign_with_hot_journal, views_only],
                         ids=lambda f: f.__name__)
def test_opening_never_checkpoints_or_rolls_back_into_a_bad_file(make, tmp_path):
    path = make(tmp_path)
    before = fingerprint(path)
    with pytest.raises((NotAStoreError, CorruptStoreError, NewerSchemaError)):
        Store(path, lock=True, check_later=True)
    assert fingerprint(path) == before


@pytest.mark.parametrize("make", [newer_version_in_wal, damaged_with_wal],
                         ids=lambda f: f.__name__)
def test_the_set_aside_copy_is_byte_identical_with_its_wal(make, tmp_path):
    from kpidesk.store import backup_restore

    path = make(tmp_path)
    before = fingerprint(path)
    with pytest.raises((CorruptStoreError, NewerSchemaError)):
        Store(path, lock=True)
    kept = backup_restore.set_aside(path)
    assert fingerprint(kept) == before and not path.exists()
