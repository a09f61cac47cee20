"""Never lose a shop's records: each guarantee proven by doing the bad thing for real."""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kpidesk.store import backup, backup_archive, backup_files, backup_restore, rollups, security
from kpidesk.store.db import Store
from kpidesk.store.errors import (
    CorruptStoreError,
    LockedError,
    NewerSchemaError,
    NotAStoreError,
    StoreError,
    ValidationError,
    WriteFailedError,
)
from kpidesk.store.order_days import day_number
from kpidesk.store.sales import LineInput, OrderInput, add_order

IS_ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run_and_kill(code: str, ready_marker: Path, delay: float = 0.4) -> None:
    """Start a Python child, wait until it says it is busy writing, then SIGKILL it."""
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(code)])
    try:
        deadline = time.time() + 60
        while not ready_marker.exists():
            assert proc.poll() is None, "the writer ended before it could be killed"
            assert time.time() < deadline
            time.sleep(0.02)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(30)
    assert proc.returncode == -signal.SIGKILL


def assert_consistent(path: Path) -> Store:
    store = Store(path)
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # no order without its lines, no line without its order
    assert store.scalar("SELECT count(*) FROM orders o WHERE NOT EXISTS "
                        "(SELECT 1 FROM sale_lines l WHERE l.order_id = o.id)") == 0
    assert store.scalar("SELECT count(*) FROM sale_lines l WHERE NOT EXISTS "
                        "(SELECT 1 FROM orders o WHERE o.id = l.order_id)") == 0
    before = rollups.snapshot(store.conn)
    with store.transaction():
        rollups.rebuild_all(store.conn)
    assert rollups.snapshot(store.conn) == before
    return store


def test_kill_during_saves_loses_at_most_the_sale_in_progress(tmp_path):
    path, marker = tmp_path / "shop.db", tmp_path / "busy"
    Store(path).close()
    run_and_kill(f"""
        from pathlib import Path
        from kpidesk.store.db import Store
        from kpidesk.store.sales import LineInput, OrderInput, add_order
        s = Store({str(path)!r})
        Path({str(marker)!r}).touch()
        n = 0
        while True:
            n += 1
            add_order(s, OrderInput("2026-03-%02d" % (n % 28 + 1),
                                    [LineInput(100 * n), LineInput(7, "KHR"), LineInput(-1)],
                                    number=str(n)))
    """, marker)
    with assert_consistent(path) as store:
        saved = store.scalar("SELECT count(*) FROM orders")
        assert saved > 0
        assert store.scalar("SELECT count(*) FROM sale_lines") == 3 * saved
        numbers = [int(r[0]) for r in store.conn.execute("SELECT number FROM orders ORDER BY id")]
        assert numbers == list(range(1, saved + 1))  # every committed sale, in order


def test_kill_during_a_bulk_import_leaves_the_store_as_before(tmp_path):
    path, marker = tmp_path / "shop.db", tmp_path / "busy"
    with Store(path) as s:
        add_order(s, OrderInput("2026-01-02", [LineInput(500)]))
        before = rollups.snapshot(s.conn)
    run_and_kill(f"""
        from pathlib import Path
        from kpidesk.store.db import Store
        from kpidesk.store.uuids import new_uuid
        s = Store({str(path)!r})
        with s.transaction() as conn:
            for batch in range(10_000):
                start = 1000 + batch * 1000
                conn.executemany(
                    "INSERT INTO orders(id, uuid, day) VALUES (?, ?, {day_number('2026-02-01')})",
                    [(i, new_uuid()) for i in range(start, start + 1000)])
                conn.executemany(
                    "INSERT INTO sale_lines(order_id, position, amount, cur, rate)"
                    " VALUES (?, 1, 100, 0, 4100)",
                    [(i,) for i in range(start, start + 1000)])
                if batch == 20:
                    Path({str(marker)!r}).touch()
    """, marker, delay=0.3)
    with assert_consistent(path) as store:
        assert store.scalar("SELECT count(*) FROM orders") == 1
        assert rollups.snapshot(store.conn) == before


def _demo(path: Path, lines: int = 3000) -> None:
    from kpidesk.demo import build_demo

    with Store(path) as s:
        build_demo(s, lines=lines, months=12, seed=1)
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def test_corrupted_file_is_detected_and_left_untouched(tmp_path):
    path = tmp_path / "shop.db"
    _demo(path)
    size = path.stat().st_size
    with path.open("r+b") as f:  # overwrite pages in the middle with garbage
        f.seek(size // 2 // 4096 * 4096)
        f.write(os.urandom(4096 * 4))
    before = digest(path)
    with pytest.raises((CorruptStoreError, NotAStoreError)):
        Store(path)
    assert digest(path) == before


def _damage_middle(path: Path) -> None:
    size = path.stat().st_size
    with path.open("r+b") as f:  # overwrite pages in the middle with garbage
        f.seek(size // 2 // 4096 * 4096)
        f.write(os.urandom(4096 * 4))


def test_check_later_opens_at_once_and_refuses_writes_to_a_damaged_file(tmp_path):
    path = tmp_path / "shop.db"
    _demo(path)
    _damage_middle(path)
    before = digest(path)
    store = Store(path, check_later=True)  # the damage is in pages opening does not read
    try:
        with pytest.raises(CorruptStoreError):
            add_order(store, OrderInput("2026-01-02", [LineInput(100)]))
        assert store.check_result() is False
    finally:
        store.close()
    assert digest(path) == before


def test_check_later_on_a_sound_file_lets_writes_through(tmp_path):
    path = tmp_path / "shop.db"
    _demo(path, 500)
    with Store(path, check_later=True) as store:
        add_order(store, OrderInput("2026-01-02", [LineInput(100)]))  # waits for the check
        assert store.check_result() is True
        assert store.scalar("SELECT COUNT(*) FROM orders WHERE date = '2026-01-02'") == 1


def test_truncated_file_is_detected_and_left_untouched(tmp_path):
    path = tmp_path / "shop.db"
    _demo(path)
    with path.open("r+b") as f:
        f.truncate(path.stat().st_size // 3)
    before = digest(path)
    with pytest.raises((CorruptStoreError, NotAStoreError)):
        Store(path)
    assert digest(path) == before


def test_foreign_sqlite_file_is_not_converted_to_wal(tmp_path):
    path = tmp_path / "other.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (t TEXT)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotAStoreError):
        Store(path)
    assert digest(path) == before and not Path(f"{path}-wal").exists()


def test_future_schema_is_never_touched(tmp_path):
    path = tmp_path / "future.db"
    Store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    before = digest(path)
    with pytest.raises(NewerSchemaError):
        Store(path)
    assert digest(path) == before


def test_second_instance_on_one_file_is_refused_and_named(tmp_path):
    path, marker = tmp_path / "shop.db", tmp_path / "ready"
    Store(path).close()
    holder = subprocess.Popen([sys.executable, "-c", textwrap.dedent(f"""
        import time
        from pathlib import Path
        from kpidesk.store.db import Store
        s = Store({str(path)!r}, lock=True)
        Path({str(marker)!r}).touch()
        time.sleep(60)
    """)])
    try:
        deadline = time.time() + 30
        while not marker.exists():
            assert time.time() < deadline and holder.poll() is None
            time.sleep(0.02)
        with pytest.raises(LockedError) as err:
            Store(path, lock=True)
        assert err.value.pid == holder.pid
        with Store(tmp_path / "other.db", lock=True):  # another file opens fine
            pass
    finally:
        holder.kill()
        holder.wait()
    # the holder died without cleaning up: its lock is stale and taken over
    assert (tmp_path / "shop.db.lock").exists()
    with Store(path, lock=True):
        pass
    assert not (tmp_path / "shop.db.lock").exists()


def test_same_process_cannot_open_one_file_twice_for_writing(tmp_path):
    with Store(tmp_path / "s.db", lock=True), pytest.raises(LockedError):
        Store(tmp_path / "s.db", lock=True)


@pytest.fixture
def tmpfs(tmp_path):
    """A tiny tmpfs of our own (root only); skips where mounting is not allowed."""
    mount = tmp_path / "mnt"
    mount.mkdir()
    if not IS_ROOT or shutil.which("mount") is None:
        pytest.skip("needs root to mount a tmpfs")
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
                          capture_output=True)
    if done.returncode != 0:
        pytest.skip("tmpfs mount not allowed here")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_full_disk_fails_clearly_and_keeps_the_data(tmpfs):
    path = tmpfs / "shop.db"
    with Store(path) as store:
        first = add_order(store, OrderInput("2026-01-02", [LineInput(12345)]))
        with pytest.raises(WriteFailedError) as err:
            for i in range(100_000):  # fill the 2 MB disk
                add_order(store, OrderInput("2026-01-03", [LineInput(1, note="x" * 2000)] * 20,
                                            number=str(i)))
        assert err.value.reason == "disk_full"
        saved = store.scalar("SELECT count(*) FROM orders")
    # after reopening, everything committed before the failure is there and intact
    for name in os.listdir(tmpfs):  # make room for the WAL checkpoint
        if name.endswith(".lock"):
            os.remove(tmpfs / name)
    store = Store(path, read_only=True)
    assert store.integrity_ok(quick=False)
    assert store.scalar("SELECT count(*) FROM orders") == saved
    assert store.scalar("SELECT amount FROM sale_lines WHERE order_id = ?", (first,)) == 12345
    store.close()


def test_full_disk_injected_at_the_file_layer(store):
    """Same guarantee where no tmpfs can be mounted: SQLite's page limit fails the write."""
    add_order(store, OrderInput("2026-01-02", [LineInput(777)]))
    pages = store.scalar("PRAGMA page_count")
    store.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
    with pytest.raises(WriteFailedError) as err:
        add_order(store, OrderInput("2026-01-03", [LineInput(1, note="y" * 3000)] * 50))
    assert err.value.reason == "disk_full"
    assert store.scalar("SELECT count(*) FROM orders") == 1
    assert store.integrity_ok(quick=False)


def test_read_only_folder_fails_clearly_and_keeps_the_data(tmpfs):
    path = tmpfs / "shop.db"
    with Store(path) as store:
        add_order(store, OrderInput("2026-01-02", [LineInput(4200)]))
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    subprocess.run(["mount", "-o", "remount,ro", str(tmpfs)], check=True)
    try:
        with pytest.raises(StoreError) as err:
            s = Store(path)
            try:
                add_order(s, OrderInput("2026-01-03", [LineInput(1)]))
            finally:
                s.close()
        assert isinstance(err.value, WriteFailedError) or "read" in str(err.value).lower()
        with Store(path, read_only=True) as s:
            assert s.scalar("SELECT SUM(amount) FROM sale_lines") == 4200
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(tmpfs)], check=False)


def test_wrong_pin_five_times_then_a_growing_delay(store):
    assert security.check_pin(store, "anything")  # no PIN set: everyone may
    security.set_pin(store, "1234")
    assert store.setting("owner_pin").startswith("pbkdf2_sha256$")
    assert "1234" not in store.setting("owner_pin")
    now = 1_000_000.0
    for _ in range(4):
        assert not security.check_pin(store, "0000", now)
    assert not security.check_pin(store, "0000", now)  # fifth wrong: a delay starts
    with pytest.raises(security.PinDelayError) as first:
        security.check_pin(store, "1234", now + 1)
    assert 25 <= first.value.seconds <= 30
    assert not security.check_pin(store, "9999", now + 31)  # sixth wrong: longer
    with pytest.raises(security.PinDelayError) as second:
        security.check_pin(store, "1234", now + 32)
    assert second.value.seconds > first.value.seconds
    assert security.check_pin(store, "១២៣៤", now + 200)  # Khmer digits are the same PIN
    assert security.check_pin(store, "1234", now + 201)  # the count was reset


def test_bad_pins_are_refused(store):
    for bad in ("12", "abcd", "1234567890123"):
        with pytest.raises(ValidationError) as err:
            security.set_pin(store, bad)
        assert err.value.code == "bad_pin"
    assert not security.has_pin(store)


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_store_and_backups_are_private(tmp_path):
    path = tmp_path / "shop.db"
    with Store(path) as s:
        add_order(s, OrderInput("2026-01-02", [LineInput(1)]))
        info = backup.make_backup(s)
    assert path.stat().st_mode & 0o777 == 0o600
    assert info.path.stat().st_mode & 0o777 == 0o600


def test_backup_is_verified_and_pruning_keeps_the_right_ones(tmp_path):
    path = tmp_path / "shop.db"
    folder = tmp_path / "backups"
    with Store(path) as s:
        add_order(s, OrderInput("2026-01-02", [LineInput(1)]))
        start = datetime(2025, 1, 1, 9, 0, 0)
        made = []
        for day in range(400):  # two backups a day for 400 days
            for hour in (9, 18):
                when = start + timedelta(days=day, hours=hour - 9)
                made.append(backup.make_backup(s, "daily", folder, now=when).path)
    kept = backup_files.list_backups(folder, path)
    kept_days = [b.created for b in kept]
    last = start + timedelta(days=399, hours=9)
    # the newest of each of the last 14 days ...
    for d in range(14):
        assert last - timedelta(days=d) in kept_days
    # ... and the newest of each of the last 12 months
    months = {(b.created.year, b.created.month) for b in kept}
    assert len(months) == 12
    assert len(kept) <= 14 + 12
    assert all(b.created.hour == 18 for b in kept)  # only the newest of a day survives
    assert all(backup_archive.verify(b.path) for b in kept)


def test_restore_round_trip_gives_identical_kpis(tmp_path):
    from datetime import date

    from kpidesk.metrics.kpis import all_kpis

    path = tmp_path / "shop.db"
    _demo(path, 2000)
    today = date.today()  # the demo's last day: a sale after it would count nowhere yet
    with Store(path) as s:
        month = s.scalar("SELECT substr(MAX(date), 1, 7) FROM orders")
        expected = all_kpis(s, month, today)
        saved = backup.make_backup(s, "manual")
        add_order(s, OrderInput(f"{month}-01", [LineInput(999_999)]))
        assert all_kpis(s, month, today) != expected
    safety = backup_restore.restore(path, saved.path).safety
    assert safety is not None and backup_archive.verify(safety)
    with Store(path) as s:
        assert all_kpis(s, month, today) == expected


def test_restore_into_the_open_store(tmp_path):
    path = tmp_path / "shop.db"
    with Store(path) as s:
        add_order(s, OrderInput("2026-01-02", [LineInput(100)]))
        saved = backup.make_backup(s)
        add_order(s, OrderInput("2026-01-03", [LineInput(200)]))
        heard = []
        s.subscribe(heard.append)
        backup_restore.restore_into(s, saved.path)
        assert s.scalar("SELECT SUM(amount) FROM sale_lines") == 100
        assert heard and "sales" in heard[0]


def test_a_damaged_backup_is_never_restored(tmp_path):
    bad = tmp_path / "shop-20260101-000000-manual.db"
    bad.write_bytes(b"SQLite format 3\x00" + os.urandom(8192))
    with pytest.raises(backup.BackupError):
        backup_restore.restore(tmp_path / "shop.db", bad)


def test_cli_backup_and_restore(tmp_path):
    path = tmp_path / "shop.db"
    with Store(path) as s:
        add_order(s, OrderInput("2026-01-02", [LineInput(100)]))
    run = [sys.executable, "-m", "kpidesk"]
    out = subprocess.run([*run, "backup", "--db", str(path), "--to", str(tmp_path / "usb")],
                         capture_output=True, text=True, check=True).stdout
    assert "verified" in out
    made = next((tmp_path / "usb").glob("shop-*-manual-n*.zip"))
    with Store(path) as s:
        add_order(s, OrderInput("2026-01-03", [LineInput(200)]))
    subprocess.run([*run, "restore", "--db", str(path), str(made)], check=True,
                   capture_output=True)
    with Store(path) as s:
        assert s.scalar("SELECT SUM(amount) FROM sale_lines") == 100


def test_backups_are_single_files_and_the_upgrade_copy_outlives_pruning(tmp_path):
    path = tmp_path / "shop.db"
    with Store(path) as s:
        add_order(s, OrderInput("2026-01-02", [LineInput(100)]))
    upgrade = tmp_path / "backups" / "shop-20260101-080000-before-v2.db"
    with Store(path) as s:
        s.backup_to(upgrade)
        for hour in (9, 10, 11):  # later backups of the same day: only the newest is kept
            backup.make_backup(s, "daily", now=datetime(2026, 1, 1, hour))
        assert backup_archive.verify(upgrade)
    names = sorted(p.name for p in (tmp_path / "backups").iterdir())
    assert len(names) == 2 and names[0] == "shop-20260101-080000-before-v2.db"
    assert names[1].startswith("shop-20260101-110000-daily-n3-") and names[1].endswith(".zip")
