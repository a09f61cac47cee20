"""Attack: get round the owner PIN without knowing it — remove or replace its settings
row with a SQL editor, restore a backup made before the PIN, guess with the clock set
forward, or rely on a hash made with too few rounds."""

from __future__ import annotations

import io
import shutil
import sqlite3
import sys

import pytest

from kpidesk import cli
from kpidesk.store import backup, backup_restore, history, security
from kpidesk.store.db import Store

PIN = "2468"


@pytest.fixture
def shop(demo_file, tmp_path):
    path = tmp_path / "shop.db"
    shutil.copy(demo_file, path)
    with Store(path) as s:
        security.set_pin(s, PIN)
    return path


def _sql_editor(path, sql, params=()):
    conn = sqlite3.connect(path)
    conn.execute(sql, params)
    conn.commit()
    conn.close()


def test_removing_the_pin_row_does_not_open_the_shop(shop, capsys, monkeypatch):
    _sql_editor(shop, "DELETE FROM settings WHERE key = 'owner_pin'")
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    with Store(shop) as s:
        assert security.has_pin(s) and security.pin_state(s)[0] == "tampered"
        assert not security.owner_granted(s)
    assert cli.main(["export", "sales", "--db", str(shop), "--out", str(shop) + ".csv"]) == 1
    assert "PIN" in capsys.readouterr().err
    with Store(shop) as s:
        assert not security.check_pin(s, "0000")
        assert security.check_pin(s, PIN)  # the owner's PIN still works and repairs it
        assert security.pin_state(s)[0] == "set" and s.setting("owner_pin")


def test_a_pin_row_replaced_by_a_known_hash_is_not_accepted(shop):
    _sql_editor(shop, "UPDATE settings SET value = ? WHERE key = 'owner_pin'",
                (security.hash_pin("0000"),))
    with Store(shop) as s:
        assert security.pin_state(s)[0] == "tampered"
        assert not security.check_pin(s, "0000")
        assert security.check_pin(s, PIN)
        assert security.pin_state(s)[0] == "set"


def test_a_backup_made_before_the_pin_keeps_the_pin_when_restored(demo_file, tmp_path,
                                                                   capsys, monkeypatch):
    shop = tmp_path / "shop.db"
    shutil.copy(demo_file, shop)
    with Store(shop) as s:
        old = backup.make_backup(s, "manual", tmp_path / "usb").path  # no PIN in it
        security.set_pin(s, PIN)
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert cli.main(["restore", "--db", str(shop), str(old)]) == 1  # asked first
    assert cli.main(["restore", "--db", str(shop), str(old), "--pin", PIN]) == 0
    with Store(shop) as s:
        assert security.has_pin(s)
        assert not security.owner_granted(s)
        assert security.check_pin(s, PIN)


def test_the_delay_does_not_shorten_when_the_clock_jumps_forward(shop):
    with Store(shop) as s:
        wall, mono = 1_000_000.0, 5_000.0
        for _ in range(security.FREE_TRIES):
            assert not security.check_pin(s, "0000", (wall, mono))
        waiting = security.seconds_to_wait(s, (wall, mono))
        assert waiting >= 30
    with Store(shop) as s:  # counted in the file: a restart does not reset it
        a_day_later_on_the_wall = (wall + 86_400, mono + 1)
        assert security.seconds_to_wait(s, a_day_later_on_the_wall) >= waiting - 1
        with pytest.raises(security.PinDelayError):
            security.check_pin(s, PIN, a_day_later_on_the_wall)
        # real time passing (the monotonic clock) ends it
        assert security.check_pin(s, PIN, (wall + 86_400, mono + waiting + 1))


def test_the_delay_after_a_restart_counts_only_time_since_the_restart(shop):
    with Store(shop) as s:
        for _ in range(security.FREE_TRIES):
            assert not security.check_pin(s, "0000", (1_000_000.0, 90_000.0))
        waiting = security.seconds_to_wait(s, (1_000_000.0, 90_000.0))
        # the computer restarted 10 s ago (its monotonic clock is lower than at the failure)
        assert security.seconds_to_wait(s, (1_000_000.0 + 7200, 10.0)) >= waiting - 10


def test_an_old_hash_is_upgraded_on_the_next_right_entry(shop, monkeypatch):
    monkeypatch.setattr(security, "ITERATIONS", 600_000)
    with Store(shop) as s:
        old = security.hash_pin(PIN, iterations=240_000)
        with s.transaction():  # as an older version stored it, with its history entry
            s.set_setting("owner_pin", old)
            history.record(s.conn, "pin", "owner PIN", {"pin": "none"},
                           {"pin": "set", "check": old})
        assert security.check_pin(s, PIN)
        assert security.iterations_of(s.setting("owner_pin")) == 600_000
        assert security.pin_state(s)[0] == "set"
        assert security.check_pin(s, PIN)


def test_a_shop_whose_pin_predates_the_check_value_gets_one_at_upgrade(tmp_path,
                                                                        monkeypatch):
    """A version 3 shop with a PIN: the upgrade writes its check value, so removing the row
    afterwards is noticed."""
    from kpidesk.store import schema

    path = tmp_path / "v3.db"
    version = schema.MIGRATIONS.index(schema.add_pin_check)
    with monkeypatch.context() as m:  # a file made by the version before the check value
        m.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:version])
        m.setattr(schema, "SCHEMA_VERSION", version)
        Store(path).close()
    conn = sqlite3.connect(path)  # with a PIN
    conn.execute("INSERT OR REPLACE INTO settings VALUES ('owner_pin', ?)",
                 (security.hash_pin(PIN),))
    conn.commit()
    conn.close()
    with Store(path) as s:
        assert security.pin_state(s)[0] == "set"
    _sql_editor(path, "DELETE FROM settings WHERE key = 'owner_pin'")
    with Store(path) as s:
        assert security.pin_state(s)[0] == "tampered"


def test_restoring_a_damaged_shop_from_a_backup_without_pin_keeps_the_pin(demo_file, tmp_path):
    """The damaged-file dialog at start-up restores the newest good backup; when that was
    made before the PIN, the PIN the damaged file still shows is carried over (read without
    ever writing the set-aside file). Damaging the shop must not open everything."""
    import hashlib

    shop = tmp_path / "shop.db"
    shutil.copy(demo_file, shop)
    with Store(shop) as s:
        old = backup.make_backup(s, "manual", tmp_path / "usb").path  # no PIN in it
        security.set_pin(s, PIN)
        pages = s.scalar("PRAGMA page_count")
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with open(shop, "r+b") as f:  # damage the last pages (the sales), not the settings
        f.seek((pages - 40) * 4096)
        f.write(b"\xff" * 4096 * 30)
    damaged = hashlib.sha256(shop.read_bytes()).hexdigest()
    result = backup_restore.restore(shop, old, tmp_path / "usb", source="app")
    assert result.set_aside and result.safety is not None
    assert hashlib.sha256(result.safety.read_bytes()).hexdigest() == damaged
    with Store(shop) as s:
        assert security.has_pin(s) and not security.owner_granted(s)
        assert security.check_pin(s, PIN)
