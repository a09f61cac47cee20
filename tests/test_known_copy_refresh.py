"""This laptop's copy of a shared shop (store/known_copy.py), refreshed on a thread of its
own (ui/known_copy_worker.py): after a refresh it holds the server's rows; a refresh cut
off half-way leaves the previous copy whole and usable; and the window answers while a
refresh is under way. On the real test cluster, behind a TCP relay the tests cut."""

from __future__ import annotations

import sqlite3
import threading
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer

from kpidesk import app as kpidesk_app
from kpidesk.i18n.language import LanguageManager
from kpidesk.paths import data_dir
from kpidesk.store import known_copy
from kpidesk.store.db import Store
from kpidesk.store.errors import ServerError
from tests.tcp_proxy import relayed_shop


def _add_contacts(url: str, count: int, prefix: str) -> None:
    with Store(url) as store, store.transaction() as conn:
        conn.executemany(
            "INSERT INTO contacts(uuid, kind, name, phone, created, note) VALUES (?, ?, ?, ?,"
            " ?, ?)", [(uuid.uuid4().bytes, "customer" if i % 3 else "lead",
                        f"{prefix} សុខ {i}", f"0{i:08d}", "2026-01-02", "" if i % 2 else "VIP")
                       for i in range(count)])


def _rows(conn, table: str) -> list[tuple]:
    def plain(value):
        return bytes(value) if isinstance(value, (bytearray, memoryview)) else value

    return sorted((tuple(plain(v) for v in row)
                   for row in conn.execute(f"SELECT * FROM {table}").fetchall()), key=repr)


@pytest.fixture
def relay(pg_url, monkeypatch):
    monkeypatch.setattr(known_copy, "BATCH", 1000)  # several batches from a few thousand
    with relayed_shop(pg_url) as shop:
        _add_contacts(shop[0], 2500, "First")
        yield shop


def test_the_copy_after_a_refresh_equals_the_servers_rows(relay, tmp_path):
    url, _proxy = relay
    with Store(url) as store:
        path = known_copy.refresh(store, tmp_path)
        copy = sqlite3.connect(path)
        for table in known_copy.COPIED_TABLES:
            server = _rows(store.conn, table)
            assert server, table  # each table holds rows to compare
            assert _rows(copy, table) == server, table
        copy.close()
    assert known_copy.read_info(path).refreshed_at


def test_a_refresh_cut_half_way_leaves_the_previous_copy_whole_and_usable(relay, tmp_path):
    url, proxy = relay
    with Store(url) as store:
        first = known_copy.refresh(store, tmp_path)
    before = known_copy.read_info(first)
    _add_contacts(url, 1500, "Later")  # what the cut refresh would have brought
    seen = []

    def cut_after_the_first_contacts(table: str, rows: int) -> None:
        seen.append((table, rows))
        if table == "contacts" and rows == 1000:
            proxy.cut()  # the server's laptop goes away half-way

    with Store(url) as store:
        with pytest.raises(ServerError):
            known_copy.refresh(store, tmp_path, on_batch=cut_after_the_first_contacts)
    assert ("contacts", 1000) in seen and ("contacts", 4000) in seen  # read, then cut
    assert not any(t == "products" for t, _ in seen)  # the next table never came
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == [first.name]
    assert known_copy.read_info(first) == before
    offline = known_copy.open_offline(url, tmp_path)  # what a start without the server uses
    try:
        assert offline.scalar("SELECT count(*) FROM contacts") == 2501  # the previous copy
        assert offline.scalar("SELECT count(*) FROM contacts WHERE name LIKE 'Later%'") == 0
        assert offline.scalar("SELECT count(*) FROM products WHERE name = 'Rice 5 kg'") == 1
    finally:
        offline.close()


def test_the_window_answers_while_the_refresh_runs_on_a_thread_of_its_own(
        qtbot, qapp, relay, tmp_path, monkeypatch):
    url, _proxy = relay
    real_refresh = known_copy.refresh
    release = threading.Event()
    ran_on = []

    def slow_refresh(store, folder, on_batch=None):  # a refresh that waits to be let go
        ran_on.append(threading.current_thread())
        release.wait(30)
        return real_refresh(store, folder, on_batch)

    monkeypatch.setattr(known_copy, "refresh", slow_refresh)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    language = LanguageManager()
    language.set_language("en")
    controller = kpidesk_app.Controller(settings, language)
    assert controller.open(Path(url))
    queue = controller.ctx.server_queue
    qtbot.waitUntil(lambda: bool(ran_on), timeout=10_000)
    assert ran_on[0] is not threading.main_thread() and ran_on[0].name == "known-copy"
    assert not release.is_set() and queue.copy_thread.is_alive()  # still pending
    ticks = []
    QTimer.singleShot(0, lambda: ticks.append("event"))
    qtbot.waitUntil(lambda: ticks == ["event"], timeout=5_000)  # the UI handles events
    sales = controller.window.show_tab("sales")  # and the user works meanwhile
    assert sales.product_combo.findText("Rice 5 kg") > 0
    with qtbot.waitSignal(queue.known_copy_refreshed, timeout=30_000) as refreshed:
        release.set()
    path = refreshed.args[0]
    assert isinstance(path, Path) and known_copy.has_copy(data_dir(), url)
    assert known_copy.read_info(path).refreshed_at
    controller.window.hide()
    controller.window.deleteLater()
    qapp.processEvents()
    controller.close_store()


def test_wrong_pin_tries_counted_on_this_laptop_outlive_a_refresh(relay, tmp_path,
                                                                   monkeypatch):
    from kpidesk.store import security

    monkeypatch.setattr(security, "ITERATIONS", 1000)  # hashing at test speed
    url, _proxy = relay
    with Store(url) as store:
        with security.owner_session(store, with_pin=False):
            security.set_pin(store, "2468")
        path = known_copy.refresh(store, tmp_path)
    for _ in range(security.FREE_TRIES):
        assert not known_copy.check_pin_offline(path, "1111", now=1000.0)
    waiting = known_copy.seconds_to_wait_offline(path, now=1001.0)
    assert waiting > 0
    with Store(url) as store:  # the server answers a moment; the same PIN there
        known_copy.refresh(store, tmp_path)
    assert known_copy.seconds_to_wait_offline(path, now=1001.0) == waiting
    with pytest.raises(security.PinDelayError):
        known_copy.check_pin_offline(path, "2468", now=1001.0)
