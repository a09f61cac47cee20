"""Clear refusals on the command line: a race to create one new shop, a closed pipe."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from attacklib import cli, make_shop

from kpidesk.store.db import Store


def test_two_processes_creating_the_same_new_shop(tmp_path):
    """One wins; the other gets a clear sentence (it was "table settings already exists")."""
    for attempt in range(5):
        path = tmp_path / f"new-{attempt}.db"
        csv = tmp_path / "sales.csv"
        csv.write_text("date,amount,currency,number\n2026-03-01,5.00,USD,1\n", encoding="utf-8")
        procs = [subprocess.Popen([sys.executable, "-m", "kpidesk", "import", "sales", str(csv),
                                   "--db", str(path)], stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True) for _ in range(2)]
        results = [(p.wait(120), p.stderr.read()) for p in procs]
        assert any(code == 0 for code, _ in results), results
        for code, err in results:
            assert "Traceback" not in err and "already exists" not in err, err
            if code:
                assert code == 1 and "open in KPI Desk" in err, err
        with Store(path) as s:
            assert s.scalar("SELECT count(*) FROM orders") == 1


def test_two_stores_creating_the_same_file_without_the_lock(tmp_path):
    """Library use without the lock: the second sees the shop the first made."""
    import threading

    path = tmp_path / "new.db"
    errors = []

    def make() -> None:
        try:
            Store(path).close()
        except Exception as exc:  # noqa: BLE001 - the test reports it
            errors.append(exc)

    threads = [threading.Thread(target=make) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors


def test_a_closed_pipe_ends_quietly(tmp_path):
    from kpidesk.demo import build_demo

    path = tmp_path / "shop.db"
    with Store(path) as s:
        build_demo(s, lines=800, months=3, seed=4)
    kpi = subprocess.Popen([sys.executable, "-m", "kpidesk", "kpi", "--db", str(path),
                            "--month", "2026-01", "--json"], stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE)
    kpi.stdout.read(5)  # `| head -c 5`
    kpi.stdout.close()
    err = kpi.stderr.read().decode()
    assert kpi.wait(60) == 0 and err == "", err


def test_a_missing_shop_folder_is_not_created_by_a_command(tmp_path):
    usb = tmp_path / "media" / "USB"  # unplugged: the mount point is not there
    done = cli("import", "sales", tmp_path / "x.csv", "--db", usb / "shop.db")
    assert done.returncode == 1 and "not there" in done.stderr
    assert not (tmp_path / "media").exists()
    started = time.time()
    assert cli("kpi", "--db", usb / "shop.db", "--month", "2026-01").returncode == 1
    assert time.time() - started < 60


def test_backup_and_import_refuse_a_zero_byte_shop_that_has_backups(tmp_path):
    path = make_shop(tmp_path / "shop.db")
    assert cli("backup", "--db", path).returncode == 0
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(b"")  # a copy that failed, a USB stick pulled out mid-write
    csv = tmp_path / "in.csv"
    csv.write_text("date,amount,currency\n2026-03-01,5.00,USD\n", encoding="utf-8")
    for args in (("backup", "--db", path), ("import", "sales", csv, "--db", path),
                 ("demo", "--db", path, "--lines", "100")):
        done = cli(*args)
        assert done.returncode == 1 and "restore" in done.stderr, done.stderr
        assert path.stat().st_size == 0
    path.unlink()  # missing: the same
    done = cli("import", "sales", csv, "--db", path)
    assert done.returncode == 1 and "backup" in done.stderr and not path.exists()
