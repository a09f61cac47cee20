"""Backups that are there when they are needed, that never fail in silence, and that a
person can open with standard tools."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from attacklib import cli, make_shop, one_sentence

from kpidesk.store import backup, backup_archive, backup_files, backup_restore, schema
from kpidesk.store.db import Store
from kpidesk.store.sales import LineInput, OrderInput, add_order

DAY = timedelta(days=1)


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _reasons(store: Store) -> list[str]:
    return [b.reason for b in backup_files.list_backups(backup_files.backup_folder(store), store.path)]


def test_an_import_then_two_backups_then_an_exit_keep_the_right_copies(tmp_path):
    from kpidesk.ui.startup import backup_on_exit

    path = make_shop(tmp_path / "shop.db")
    csv = tmp_path / "sales.csv"
    csv.write_text("date,amount,currency,number\n2026-03-01,5.00,USD,77\n", encoding="utf-8")
    assert cli("import", "sales", csv, "--db", path).returncode == 0  # backed up first
    with Store(path) as s:
        s.set_setting("backup_keep_daily", "1")  # the tightest rotation there is
        s.set_setting("backup_keep_monthly", "1")
        backup.make_backup(s, "manual")
        backup.make_backup(s, "manual")
        add_order(s, OrderInput("2026-03-02", [LineInput(300)]))
        assert backup_on_exit(s) is None
        reasons = _reasons(s)
    assert sorted(reasons) == ["exit", "import", "manual", "manual"], reasons
    with Store(path) as s:  # the next days' automatic backups rotate only themselves
        start = datetime.now()
        for day in range(1, 20):
            backup.make_backup(s, "daily", now=start + day * DAY)
        reasons = _reasons(s)
    assert reasons.count("daily") == 1 and "exit" not in reasons
    assert sorted(r for r in reasons if r != "daily") == ["import", "manual", "manual"]


def test_kept_30_days_then_pruned_once_newer_automatic_backups_exist(tmp_path):
    path = make_shop(tmp_path / "shop.db")
    start = datetime(2026, 1, 1, 9)
    with Store(path) as s:
        s.set_setting("backup_keep_daily", "2")
        s.set_setting("backup_keep_monthly", "1")
        backup.make_backup(s, "before-restore", now=start)
        for day in range(1, 30):
            backup.make_backup(s, "daily", now=start + day * DAY)
        assert "before-restore" in _reasons(s)  # 29 days: kept
        backup.make_backup(s, "daily", now=start + 31 * DAY)
        assert "before-restore" not in _reasons(s)  # 31 days and 30 automatic since


def test_a_clock_set_forward_does_not_take_a_protected_backup_early(tmp_path):
    path = make_shop(tmp_path / "shop.db")
    start = datetime(2026, 1, 1, 9)
    with Store(path) as s:
        backup.make_backup(s, "import", now=start)
        backup.make_backup(s, "daily", now=start + 400 * DAY)  # the clock jumped a year
        assert "import" in _reasons(s)


def test_a_backup_made_with_the_clock_in_the_past_keeps_itself(tmp_path):
    path = make_shop(tmp_path / "shop.db")
    start = datetime(2026, 1, 1, 9)
    with Store(path) as s:
        s.set_setting("backup_keep_daily", "3")
        s.set_setting("backup_keep_monthly", "2")
        for day in range(10):
            backup.make_backup(s, "daily", now=start + day * DAY)
        made = backup.make_backup(s, "daily", now=datetime(2020, 1, 1, 9))  # a flat battery
        assert made.path.exists()
        later = backup.make_backup(s, "daily", now=datetime(2020, 1, 2, 9))
        assert made.path.exists() and later.path.exists()


def test_a_backup_stamped_in_the_future_is_not_the_newest(tmp_path):
    path = make_shop(tmp_path / "shop.db")
    start = datetime(2026, 1, 1, 9)
    with Store(path) as s:
        for day in range(3):
            backup.make_backup(s, "daily", now=start + day * DAY)
        backup.make_backup(s, "daily", now=datetime(2031, 6, 1, 9))  # clock set years ahead
        add_order(s, OrderInput("2026-01-10", [LineInput(999)]))
        last = backup.make_backup(s, "daily", now=start + 9 * DAY)
        newest = backup.newest_good_backup(backup_files.backup_folder(s), path)
        assert newest.path == last.path and newest.sales_count() == 4
        assert backup_files.list_backups(backup_files.backup_folder(s), path)[0].path == last.path


def test_a_backup_that_does_not_verify_is_recorded_until_one_succeeds(tmp_path):
    """Index damage that quick_check misses: the copy's integrity check finds it."""
    path = make_shop(tmp_path / "shop.db", orders=30)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema = ON")  # the index now claims another column
    conn.execute("UPDATE sqlite_master SET sql = 'CREATE INDEX idx_orders_day ON"
                 " orders(number)' WHERE name = 'idx_orders_day'")
    conn.commit()
    conn.close()
    with Store(path) as s:
        assert s.integrity_ok(quick=True) and not s.integrity_ok(quick=False)
        with pytest.raises(backup.BackupError) as err:
            backup.make_backup(s, "manual")
        assert err.value.reason == "not_verified"
        assert backup.failure(s)[0] == "not_verified"
        assert not list((tmp_path / "backups").glob("*.zip"))
        with s.transaction() as c:  # repaired: the next backup succeeds and clears it
            c.execute("REINDEX")
        backup.make_backup(s, "manual")
        assert backup.failure(s) is None


def test_an_unplugged_backup_folder_is_reported_not_replaced(tmp_path):
    path = make_shop(tmp_path / "shop.db")
    usb = tmp_path / "media" / "USB" / "kpidesk-backups"
    with Store(path) as s:
        s.set_setting("backup_dir", str(usb))
        with pytest.raises(backup.BackupError) as err:
            backup.make_backup(s, "daily")
        assert err.value.reason == "no_folder"
        assert not (tmp_path / "media").exists()  # no look-alike folder on the laptop
        assert backup.failure(s)[0] == "no_folder"


KILLER = """
import sys
from pathlib import Path
from kpidesk.store import backup, backup_archive, backup_files, backup_restore
from kpidesk.store.db import Store
with Store(sys.argv[1]) as s:
    Path(sys.argv[2]).touch()
    while True:
        backup.make_backup(s, "manual", prune_after=False)
"""


@pytest.mark.slow
def test_leftovers_of_killed_backups_are_swept(tmp_path):
    from kpidesk.demo import build_demo

    path = tmp_path / "shop.db"
    with Store(path) as s:
        build_demo(s, lines=20000, months=12, seed=5)

    def leftovers() -> list[Path]:
        folders = [tmp_path, tmp_path / "backups"]
        return [p for folder in folders if folder.is_dir() for p in folder.iterdir()
                if ".partial" in p.name]

    # killed at several moments, until a kill has caught a backup half-written (how soon
    # depends on the machine's speed: a fixed number of kills is not enough everywhere)
    delays = (0.05, 0.2, 0.4, 0.7, 1.0, 0.1, 0.3, 0.55, 0.85, 0.15)
    for kills, delay in enumerate(delays * 3, start=1):
        marker = tmp_path / "busy"
        marker.unlink(missing_ok=True)
        proc = subprocess.Popen([sys.executable, "-c", KILLER, str(path), str(marker)])
        while not marker.exists():
            assert proc.poll() is None
            time.sleep(0.01)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if kills >= 5 and leftovers():
            break
    assert leftovers()  # the kills did leave some
    for b in (tmp_path / "backups").glob("*.zip"):
        assert backup_archive.verify(b), b  # a file under a backup's name is a whole backup
    with Store(path) as s:
        backup.make_backup(s, "manual")
    assert not [p for p in [*tmp_path.iterdir(), *(tmp_path / "backups").iterdir()]
                if ".partial" in p.name]


UPGRADER = """
import sys
from kpidesk.store.db import Store
Store(sys.argv[1]).close()
"""


@pytest.mark.slow
def test_the_copy_before_an_upgrade_is_never_left_half_written(tmp_path, v1_shop):
    for delay in (0.02, 0.1, 0.25, 0.5):
        old = v1_shop(f"k{delay}")
        proc = subprocess.Popen([sys.executable, "-c", UPGRADER, str(old)])
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        for b in (old.parent / "backups").glob("*before-v*"):
            assert ".partial" in b.name or backup_archive.verify(b), b
        with Store(old) as s:  # opened again: upgraded, the leftovers swept
            assert s.scalar("PRAGMA user_version") == schema.SCHEMA_VERSION
        from kpidesk.store import identity

        with Store(old) as s:
            found = identity.read(s.conn)
            backup_archive.sweep_partials(old, [old.parent / "backups"], found.uuid)
        assert not [p for p in (old.parent / "backups").iterdir() if ".partial" in p.name]
        assert not [p for p in old.parent.iterdir() if ".partial" in p.name]


def test_restore_refuses_a_newer_backup_and_says_what_it_replaced(tmp_path):
    path = make_shop(tmp_path / "shop.db", orders=4, name="Sokha Mart")
    with Store(path) as s:
        older = backup.make_backup(s, "manual")
        add_order(s, OrderInput("2026-02-20", [LineInput(500)]))
    done = cli("restore", "--db", path, older.path)
    assert done.returncode == 0, done.stderr
    assert "now \"Sokha Mart\", 4 orders, last sale 2026-01-04" in done.stdout
    assert "replaced \"Sokha Mart\", 5 orders, last sale 2026-02-20" in done.stdout
    # a backup made by a newer version: refused, the shop unchanged
    newer = tmp_path / "newer.db"
    make_shop(newer)
    conn = sqlite3.connect(newer)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    sentence = one_sentence(cli("restore", "--db", path, newer))
    assert "newer version" in sentence
    with Store(path) as s:
        assert s.scalar("SELECT count(*) FROM orders") == 4


def test_a_restore_is_in_the_history_and_does_not_erase_it(tmp_path):
    from kpidesk.store import history

    path = make_shop(tmp_path / "shop.db")
    with Store(path) as s:
        saved = backup.make_backup(s, "manual")
        with s.transaction() as conn:
            history.record(conn, "setting", "shop_name", "", "After the backup")
    assert cli("restore", "--db", path, saved.path).returncode == 0
    with Store(path) as s:
        found = history.entries(s)
    assert [e.action for e in found[:2]] == ["restore", "setting"]
    assert found[0].subject == saved.path.name and found[0].source == "cli"
    assert found[0].before["orders"] == 3 and found[0].after["orders"] == 3
    assert found[0].before["kept_as"].endswith(".zip")


def test_backups_are_small_and_open_with_standard_tools(tmp_path, demo_file):
    import shutil

    path = tmp_path / "shop.db"
    shutil.copy(demo_file, path)
    with Store(path) as s:
        orders = s.scalar("SELECT count(*) FROM orders")
        made = backup.make_backup(s, "manual")
    size = path.stat().st_size
    assert made.size <= 0.45 * size, (made.size, size)
    with zipfile.ZipFile(made.path) as archive:  # any zip tool: Explorer, Finder, unzip
        assert archive.testzip() is None
        member = next(n for n in archive.namelist() if n.endswith(".db"))
        archive.extract(member, tmp_path / "unzipped")
        meta = json.loads(archive.read("kpidesk-backup.json"))
    assert meta["counts"]["orders"] == orders
    conn = sqlite3.connect(tmp_path / "unzipped" / member)  # any SQLite tool
    assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] == orders
    conn.close()


def test_an_older_plain_backup_is_listed_and_restored(tmp_path):
    path = make_shop(tmp_path / "shop.kpidesk.db", orders=2)
    folder = tmp_path / "backups"
    folder.mkdir()
    legacy = folder / "shop.kpidesk-20250101-090000-daily.db"
    with Store(path) as s:
        s.backup_to(legacy)  # as the previous version wrote them
        add_order(s, OrderInput("2026-02-01", [LineInput(700)]))
        listed = backup_files.list_all_backups(s)
        assert [b.path for b in listed] == [legacy] and listed[0].sales_count() == 2
        backup_restore.restore_into(s, legacy)
        assert s.scalar("SELECT count(*) FROM orders") == 2
        backup.make_backup(s, "daily")
    assert legacy.exists()  # never pruned: its shop is not recorded in it
    with Store(path) as s:
        add_order(s, OrderInput("2026-02-02", [LineInput(700)]))
    assert cli("restore", "--db", path, legacy).returncode == 0


def test_the_backups_command_lists_this_shops_backups(tmp_path):
    path = make_shop(tmp_path / "shop.db", orders=3, name="Dara Shop")
    other = make_shop(tmp_path / "other" / "shop.db", orders=1)
    with Store(path) as s, Store(other) as o:
        o.set_setting("backup_dir", str(tmp_path / "backups"))
        backup.make_backup(s, "manual")
        backup.make_backup(o, "manual")
        backup.make_backup(s, "import")
    done = cli("backups", "--db", path, "--json")
    assert done.returncode == 0, done.stderr
    listed = json.loads(done.stdout)
    assert [b["reason"] for b in listed["backups"]] == ["import", "manual"]
    assert {tuple(sorted(b)) for b in listed["backups"]} == {tuple(sorted(
        ["path", "created", "reason", "number", "orders", "last_sale", "shop_name", "size",
         "compressed"]))}
    assert all(b["orders"] == 3 for b in listed["backups"])
    assert listed["other_shops_backups"] == 1
    text = cli("backups", "--db", path)
    assert text.returncode == 0 and "2 backup(s)" in text.stdout


@pytest.mark.skipif(os.name != "posix", reason="file modes")
def test_the_backup_temporaries_are_private(tmp_path):
    path = make_shop(tmp_path / "shop.db")
    with Store(path) as s:
        made = backup.make_backup(s, "manual")
    assert made.path.stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "backups").stat().st_mode & 0o777 == 0o700


def test_a_zero_byte_shop_is_listed_by_its_backups(tmp_path):
    path = make_shop(tmp_path / "shop.db")
    assert cli("backup", "--db", path).returncode == 0
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(b"")
    done = cli("backups", "--db", path, "--json")
    assert done.returncode == 0 and "missing or empty" in done.stderr
    newest = json.loads(done.stdout)["backups"][0]["path"]
    restored = cli("restore", "--db", path, newest)
    assert restored.returncode == 0, restored.stderr
    with Store(path) as s:
        assert s.scalar("SELECT count(*) FROM orders") == 3



RESTORER = """
import sys
from pathlib import Path
from kpidesk.store import backup, backup_archive, backup_files, backup_restore
Path(sys.argv[3]).touch()
backup_restore.restore(Path(sys.argv[1]), Path(sys.argv[2]))
"""


@pytest.mark.slow
def test_a_restore_killed_at_any_point_leaves_the_old_or_the_new_shop(tmp_path):
    from kpidesk.demo import build_demo

    path = tmp_path / "shop.db"
    with Store(path) as s:
        build_demo(s, lines=20000, months=12, seed=6)
        saved = backup.make_backup(s, "manual")
        old = s.scalar("SELECT count(*) FROM orders")
        for n in range(50):
            add_order(s, OrderInput("2026-02-01", [LineInput(100 + n)]))
    survived = 0
    for delay in (0.05, 0.3, 0.6, 1.0, 1.5, 2.5):
        marker = tmp_path / "busy"
        marker.unlink(missing_ok=True)
        before = Store(path)
        expected = {before.scalar("SELECT count(*) FROM orders"), old}
        before.close()
        proc = subprocess.Popen([sys.executable, "-c", RESTORER, str(path), str(saved.path),
                                 str(marker)])
        while not marker.exists() and proc.poll() is None:
            time.sleep(0.01)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        with Store(path) as s:  # intact, and one of the two: never half of each
            assert s.integrity_ok(quick=False)
            assert s.scalar("SELECT count(*) FROM orders") in expected
            if s.scalar("SELECT count(*) FROM orders") == old:
                add_order(s, OrderInput("2026-02-01", [LineInput(1)]))  # differ again
        survived += 1
    assert survived == 6
