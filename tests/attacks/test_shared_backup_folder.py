"""Two shops with the same file name (the default is the same on every install) sharing
one backup folder (a USB stick): neither lists, prunes nor restores the other's."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from attacklib import cli, make_shop, one_sentence

from kpidesk.store import backup, backup_files, backup_restore
from kpidesk.store.db import Store


def test_two_shops_sharing_a_folder_keep_their_own_backups(tmp_path):
    usb = tmp_path / "usb"
    usb.mkdir()
    a = make_shop(tmp_path / "a" / "shop.kpidesk.db", orders=2, name="Shop A")
    b = make_shop(tmp_path / "b" / "shop.kpidesk.db", orders=5, name="Shop B")
    start = datetime(2026, 1, 1, 9)
    for store_path in (a, b):
        with Store(store_path) as s:
            s.set_setting("backup_dir", str(usb))
            s.set_setting("backup_keep_daily", "3")
            s.set_setting("backup_keep_monthly", "1")
    with Store(a) as sa, Store(b) as sb:
        for day in range(10):  # both back up daily; each prune runs over the shared folder
            backup.make_backup(sa, "daily", now=start + timedelta(days=day))
            backup.make_backup(sb, "daily", now=start + timedelta(days=day, minutes=5))
    own_a = backup_files.list_backups(usb, a)
    own_b = backup_files.list_backups(usb, b)
    assert len(own_a) == 3 and len(own_b) == 3  # each kept its own three days
    assert {x.sales_count() for x in own_a} == {2}  # shop A's orders in each of A's
    assert {x.sales_count() for x in own_b} == {5}
    assert {x.path for x in own_a}.isdisjoint({x.path for x in own_b})

    # a restore of the other shop's backup is refused, by the app and by the command
    with Store(a) as sa, pytest.raises(backup.BackupError) as err:
        backup_restore.restore_into(sa, own_b[0].path)
    assert err.value.reason == "other_shop" and err.value.params["shop_name"] == "Shop B"
    sentence = one_sentence(cli("restore", "--db", a, own_b[0].path))
    assert "another shop" in sentence and "Shop B" in sentence and "--other-shop" in sentence
    with Store(a) as sa:
        assert sa.scalar("SELECT count(*) FROM orders") == 2
    # asked for, it is done, and the file stays shop A's (its identity and backups)
    done = cli("restore", "--db", a, own_b[0].path, "--other-shop")
    assert done.returncode == 0, done.stderr
    with Store(a) as sa:
        assert sa.scalar("SELECT count(*) FROM orders") == 5
    assert [x.path for x in backup_files.list_backups(usb, a)][1:] == [x.path for x in own_a]
