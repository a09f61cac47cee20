"""Automatic backups of a shared (PostgreSQL) shop, on the real test cluster: one laptop a
day takes it (the server's mark and advisory lock), verified, pruned to 14 daily + 12
monthly, restorable; a missing or too old pg_dump is told."""

from __future__ import annotations

import os
import stat
from datetime import datetime, timedelta

import psycopg
import pytest

from kpidesk.store import pg_backup, reference
from kpidesk.store.db import Store
from kpidesk.store.sales import LineInput, OrderInput, add_order


def _sale(store: Store, cents: int) -> None:
    add_order(store, OrderInput(date="2026-11-20", lines=[LineInput(amount=cents)]))


@pytest.fixture
def shop(pg_url):
    with Store(pg_url) as store:
        reference.add_named(store, "products", "Rice")
        _sale(store, 1000)
    return pg_url


def test_one_laptop_a_day_takes_the_backup(shop, tmp_path):
    noon = datetime(2026, 11, 20, 12, 0, 0)
    first = pg_backup.daily_backup(shop, tmp_path / "a", now=noon, laptop="counter")
    assert first.taken is not None and first.taken.is_file()
    assert first.mark == pg_backup.BackupMark("2026-11-20", "counter", first.taken.name)
    assert pg_backup.verify_dump(first.taken)
    # the owner's laptop starts later the same day: nothing to do, it is told who took it
    second = pg_backup.daily_backup(shop, tmp_path / "b", now=noon + timedelta(hours=3),
                                    laptop="owner")
    assert second.taken is None and second.mark.by == "counter"
    assert pg_backup.list_shared(tmp_path / "b") == []
    # the next day the first laptop to start takes it
    third = pg_backup.daily_backup(shop, tmp_path / "b", now=noon + timedelta(days=1),
                                   laptop="owner")
    assert third.taken is not None and third.mark.by == "owner"
    assert pg_backup.read_mark(shop).day == "2026-11-21"


def test_a_laptop_taking_it_now_holds_off_the_others(shop, tmp_path):
    with psycopg.connect(shop, autocommit=True) as other:  # another laptop is dumping
        other.execute("SELECT pg_advisory_lock(%s)", (pg_backup.BACKUP_LOCK,))
        outcome = pg_backup.daily_backup(shop, tmp_path, laptop="owner")
        assert outcome.busy and outcome.taken is None
        assert pg_backup.list_shared(tmp_path) == []
    assert pg_backup.daily_backup(shop, tmp_path, laptop="owner").taken is not None


def test_a_server_lost_half_way_is_said_as_unreachable(shop, tmp_path, monkeypatch):
    from kpidesk.store.errors import ServerError

    real_dump = pg_backup.dump

    def dump_then_lose_the_session(url, folder, kind, now):
        taken = real_dump(url, folder, kind, now)
        with psycopg.connect(shop, autocommit=True) as admin:  # the network drops
            admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                          " WHERE application_name = 'KPI Desk backup'")
        return taken

    monkeypatch.setattr(pg_backup, "dump", dump_then_lose_the_session)
    with pytest.raises(ServerError) as lost:
        pg_backup.daily_backup(shop, tmp_path, laptop="counter")
    assert lost.value.reason == "unreachable"
    assert pg_backup.read_mark(shop) is None  # not marked: the next start takes it again


def test_a_damaged_dump_fails_its_check(shop, tmp_path):
    taken = pg_backup.daily_backup(shop, tmp_path).taken
    assert pg_backup.verify_dump(taken)
    data = taken.read_bytes()
    taken.write_bytes(data[: len(data) // 3])
    assert not pg_backup.verify_dump(taken)
    taken.write_bytes(b"not a dump" + data[10:])
    assert not pg_backup.verify_dump(taken)


def test_the_schedule_keeps_14_days_and_12_months(tmp_path):
    start = datetime(2025, 1, 1, 9, 0, 0)
    for day in range(500):
        when = start + timedelta(days=day)
        (tmp_path / f"shop-{when:%Y%m%d-%H%M%S}-daily.pgdump").write_bytes(b"x")
    (tmp_path / "shop-20250102-100000-manual.pgdump").write_bytes(b"x")
    pg_backup.prune_shared(tmp_path)
    kept = pg_backup.list_shared(tmp_path)
    daily = sorted(b.when for b in kept if b.reason == "daily")
    newest = start + timedelta(days=499)
    last_14 = [newest - timedelta(days=i) for i in range(14)]
    assert set(last_14) <= set(daily)
    months = {d.strftime("%Y-%m") for d in daily}
    assert len(months) == 12 and len(daily) == 14 + 12 - len(
        {d.strftime("%Y-%m") for d in last_14})
    assert any(b.reason == "manual" for b in kept)  # made by hand: never pruned


def test_a_backup_puts_the_shared_data_back(shop, tmp_path):
    taken = pg_backup.daily_backup(shop, tmp_path).taken
    with Store(shop) as store:
        _sale(store, 2500)
        assert store.scalar("SELECT count(*) FROM orders") == 2
    pg_backup.restore(shop, taken)
    with Store(shop) as store:
        assert store.scalar("SELECT count(*) FROM orders") == 1
        assert store.scalar("SELECT SUM(revenue_usd) FROM daily_revenue") == 1000


def test_folder_names_server_and_database_never_the_password(tmp_path):
    folder = pg_backup.shared_folder(tmp_path, "postgresql://ann:secret@10.0.0.5:5433/shop")
    assert folder == tmp_path / "backups" / "shared" / "shop@10.0.0.5_5433"


def test_a_missing_or_too_old_pg_dump_is_told(shop, tmp_path, monkeypatch):
    with psycopg.connect(shop) as raw:
        server = pg_backup.server_major(raw)
    assert pg_backup.check_tools(server).problem is None
    assert pg_backup.tool_major(pg_backup.tool("pg_dump")) >= server
    old = tmp_path / "bin" / "pg_dump"
    old.parent.mkdir()
    old.write_text("#!/bin/sh\necho 'pg_dump (PostgreSQL) 9.6.24'\n")
    old.chmod(old.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("PATH", f"{old.parent}{os.pathsep}{os.environ['PATH']}")
    check = pg_backup.check_tools(server)
    assert check.dump == old and check.dump_major == 9 and check.problem == "too_old"
    monkeypatch.setattr(pg_backup, "tool", lambda name: None)
    assert pg_backup.check_tools(server).problem == "missing"


def test_a_dump_cut_off_by_the_network_is_said_as_unreachable(pg_url, tmp_path):
    """pg_dump loses the server half-way (the laptop's network drops): that is the server
    being unreachable, told by the bar above the tabs, not a disk error in a box."""
    import threading

    from kpidesk.store.errors import ServerError
    from tests.tcp_proxy import relayed_shop

    with relayed_shop(pg_url) as (url, proxy), psycopg.connect(pg_url) as holder:
        holder.execute("LOCK TABLE orders IN ACCESS EXCLUSIVE MODE")  # pg_dump waits on it
        outcome: list[BaseException] = []

        def run() -> None:
            try:
                pg_backup.dump(url, tmp_path)
            except BaseException as exc:  # noqa: BLE001 - handed to the test
                outcome.append(exc)

        dumping = threading.Thread(target=run)
        dumping.start()
        with psycopg.connect(pg_url, autocommit=True) as look:
            for _ in range(300):  # pg_dump is connected and waiting for the lock
                if look.execute("SELECT count(*) FROM pg_stat_activity WHERE application_name"
                                " = 'pg_dump' AND wait_event_type = 'Lock'").fetchone()[0]:
                    break
                threading.Event().wait(0.05)
            else:
                pytest.fail("pg_dump never waited for the lock")
        proxy.cut()
        dumping.join(30)
        holder.rollback()
    assert not dumping.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], ServerError), outcome
    assert outcome[0].reason == "unreachable"
    assert list(tmp_path.iterdir()) == []  # no partial dump left behind


def test_a_wrong_password_is_said_as_login(pg_cluster, pg_password_role, pg_url, tmp_path):
    from urllib.parse import urlsplit

    from kpidesk.store.errors import ServerError

    user, _password = pg_password_role
    parts = urlsplit(pg_url)
    url = f"postgresql://{user}:wrong-pw@127.0.0.1:{parts.port}{parts.path}"
    with pytest.raises(ServerError) as refused:
        pg_backup.dump(url, tmp_path)
    assert refused.value.reason == "login"
