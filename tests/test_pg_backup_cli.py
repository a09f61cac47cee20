"""The daily backup from the command line (`backup --daily`, for Task Scheduler or cron),
and the server's record of every backup of a shared shop (which laptop keeps it, where),
on the real test cluster; `backup --daily` of a shop file does what the app's first start
of a day does."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kpidesk.cli import main
from kpidesk.paths import data_dir
from kpidesk.store import pg_backup
from kpidesk.store.db import Store
from kpidesk.store.sales import LineInput, OrderInput, add_order


@pytest.fixture
def shop(pg_url) -> str:
    with Store(pg_url) as store:
        add_order(store, OrderInput(date="2026-11-20", lines=[LineInput(amount=1000)]))
    return pg_url


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.is_dir() else []


def test_daily_backup_command_of_a_shared_shop(shop, capsys):
    with Store(shop) as store:
        folder = pg_backup.backup_folder_of(store, data_dir())
    assert folder == pg_backup.shared_folder(data_dir(), shop)  # nothing chosen: the default
    capsys.readouterr()
    assert main(["backup", "--db", shop, "--daily"]) == 0
    out = capsys.readouterr().out
    made = _files(folder)
    assert len(made) == 1 and made[0].endswith("-daily.pgdump")
    assert "daily backup written and verified" in out and made[0] in out
    assert pg_backup.verify_dump(folder / made[0])
    kept = pg_backup.records(shop)
    assert [(r.laptop, r.path, r.reason) for r in kept] == [
        (pg_backup.this_laptop(), (folder / made[0]).resolve(), "daily")]
    assert kept[0].size == (folder / made[0]).stat().st_size and kept[0].here()
    # the same day again (another laptop's app, or the scheduler twice): nothing more
    assert main(["backup", "--db", shop, "--daily"]) == 0
    out = capsys.readouterr().out
    assert "taken already" in out and pg_backup.this_laptop() in out
    assert _files(folder) == made and len(pg_backup.records(shop)) == 1


def test_another_laptops_backup_is_listed_as_kept_there(shop, tmp_path, capsys):
    noon = datetime(2026, 11, 20, 12, 0)
    other = pg_backup.daily_backup(shop, tmp_path / "counter", now=noon, laptop="COUNTER-1")
    assert other.taken is not None
    capsys.readouterr()
    assert main(["backup", "--db", shop, "--daily"]) == 0  # today (after the 20th): here
    assert "daily backup written" in capsys.readouterr().out
    mine = pg_backup.take(shop, tmp_path / "mine", "manual")
    kept = pg_backup.records(shop)
    assert [r.laptop for r in kept if not r.here()] == ["COUNTER-1"]
    assert {r.file for r in kept if r.here()} >= {mine.name}
    assert len(kept) == 3
    assert main(["backups", "--db", shop]) == 0
    listed = capsys.readouterr().out
    assert "on COUNTER-1" in listed and other.taken.name in listed and mine.name in listed


def test_records_follow_the_rotation(shop, tmp_path):
    """14 daily and 12 monthly kept: the records of the backups pruned go with them."""
    start = datetime(2026, 1, 1, 9, 0)
    folder = tmp_path / "b"
    for day in range(0, 60, 3):
        assert pg_backup.daily_backup(shop, folder, now=start + timedelta(days=day),
                                      laptop="owner").taken is not None
    on_disk = {b.path.name for b in pg_backup.list_shared(folder)}
    recorded = {r.file for r in pg_backup.records(shop)}
    assert recorded == on_disk
    days = sorted({b.when.date() for b in pg_backup.list_shared(folder)})
    months = {d.strftime("%Y-%m") for d in days}
    assert len(days) == 14 + len(months - {d.strftime("%Y-%m") for d in days[-14:]})


def test_the_folder_chosen_for_this_laptop_is_used(shop, tmp_path, capsys):
    usb = tmp_path / "usb"
    with Store(shop) as store:
        store.set_setting(pg_backup.folder_key(), str(usb))
        assert pg_backup.backup_folder_of(store, data_dir()) == usb
        assert pg_backup.backup_folder_of(store, data_dir(), laptop="COUNTER-1") != usb
    assert main(["backup", "--db", shop, "--daily"]) == 0
    assert len(_files(usb)) == 1
    assert main(["backup", "--db", shop]) == 0  # by hand: the same folder
    assert len(_files(usb)) == 2
    assert {r.folder for r in pg_backup.records(shop)} == {str(usb.resolve())}


def test_daily_backup_refusals(shop, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(pg_backup, "tool", lambda name: None)
    assert main(["backup", "--db", shop, "--daily"]) == 1
    err = capsys.readouterr().err
    assert "pg_dump" in err and "Traceback" not in err and len(err.strip().splitlines()) == 1
    monkeypatch.undo()
    gone = "postgresql://kpidesk:kpidesk@127.0.0.1:1/nothing"
    assert main(["backup", "--db", gone, "--daily"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    with pytest.raises(SystemExit) as usage:
        main(["backup", "--daily", "--bogus"])
    assert usage.value.code == 2


@pytest.mark.sqlite_only("a shop file's own daily backup")
def test_daily_backup_command_of_a_shop_file(tmp_path, capsys):
    db = tmp_path / "shop.db"
    with Store(db) as store:
        assert main(["backup", "--db", str(db), "--daily"]) == 0  # nothing to back up yet
        assert "no sales yet" in capsys.readouterr().out
        add_order(store, OrderInput(date="2026-11-20", lines=[LineInput(amount=1000)]))
    assert main(["backup", "--db", str(db), "--daily"]) == 0
    assert "daily backup written and verified" in capsys.readouterr().out
    made = _files(tmp_path / "backups")
    assert len(made) == 1 and "daily" in made[0]
    assert main(["backup", "--db", str(db), "--daily"]) == 0
    assert "taken already" in capsys.readouterr().out
    assert _files(tmp_path / "backups") == made
