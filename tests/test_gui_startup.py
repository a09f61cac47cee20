"""Start-up: a damaged shop file is never written to; the newest good backup is offered."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from kpidesk.store import backup, backup_archive, backup_files
from kpidesk.store.db import Store
from kpidesk.store.file_facts import needs_upgrade
from kpidesk.store.sales import LineInput, OrderInput, add_order
from kpidesk.ui import startup


@pytest.fixture
def answers(monkeypatch):
    """Record the message boxes shown; answer questions with `reply`."""
    shown: list[tuple[str, str]] = []
    state = {"reply": QMessageBox.StandardButton.Yes}

    def record(kind):
        def box(parent, title, text, *args, **kwargs):
            shown.append((kind, text))
            return state["reply"] if kind == "question" else QMessageBox.StandardButton.Ok
        return box

    for kind in ("question", "information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, kind, staticmethod(record(kind)))
    return shown, state


def _damage(path: Path) -> None:
    with path.open("r+b") as f:
        f.seek(0)
        f.write(b"garbage!" * 16)


def test_damaged_file_offers_backup_and_is_kept_aside(qapp, tmp_path, answers):
    shown, _ = answers
    path = tmp_path / "shop.db"
    with Store(path) as s:
        add_order(s, OrderInput("2026-01-02", [LineInput(100)]))
        backup.make_backup(s, "daily")
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _damage(path)
    damaged = hashlib.sha256(path.read_bytes()).hexdigest()

    store = startup.open_store_interactive(path)
    assert store is not None
    assert store.scalar("SELECT SUM(amount) FROM sale_lines") == 100
    store.close()
    kept = list(tmp_path.glob("shop.db.damaged-*"))
    assert len(kept) == 1 and hashlib.sha256(kept[0].read_bytes()).hexdigest() == damaged
    assert [k for k, _ in shown] == ["question", "information"]


def test_damaged_file_without_backup_is_left_alone(qapp, tmp_path, answers):
    shown, _ = answers
    path = tmp_path / "shop.db"
    path.write_text("a text file named .db " * 100)
    before = path.read_bytes()
    assert startup.open_store_interactive(path) is None
    assert path.read_bytes() == before
    assert shown[0][0] == "critical" and str(path) in shown[0][1]


def test_refusing_the_backup_changes_nothing(qapp, tmp_path, answers):
    _, state = answers
    state["reply"] = QMessageBox.StandardButton.No
    path = tmp_path / "shop.db"
    with Store(path) as s:
        add_order(s, OrderInput("2026-01-02", [LineInput(100)]))
        backup.make_backup(s)
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    _damage(path)
    before = path.read_bytes()
    assert startup.open_store_interactive(path) is None
    assert path.read_bytes() == before and not list(tmp_path.glob("*.damaged-*"))


def test_second_instance_is_told_who_holds_the_file(qapp, tmp_path, answers):
    shown, _ = answers
    path = tmp_path / "shop.db"
    with Store(path, lock=True):
        assert startup.open_store_interactive(path) is None
    assert shown[0][0] == "warning" and str(os.getpid()) in shown[0][1]


def test_daily_backup_once_a_day_and_on_exit_only_after_changes(tmp_path):
    from datetime import date

    path = tmp_path / "shop.db"
    with Store(path) as s:
        add_order(s, OrderInput("2026-01-02", [LineInput(100)]))
    with Store(path) as s:
        startup.daily_backup(s, date.today())
        startup.daily_backup(s, date.today())
        startup.backup_on_exit(s)  # nothing changed in this session
        assert len(backup_files.list_backups(backup_files.backup_folder(s), path)) == 1
        add_order(s, OrderInput("2026-01-03", [LineInput(100)]))
        startup.backup_on_exit(s)
        made = backup_files.list_backups(backup_files.backup_folder(s), path)
        # one a day is kept: the exit backup (newest, with both sales) replaces the daily one
        assert [b.reason for b in made] == ["exit"] and made[0].sales_count() == 2


def test_daily_backup_in_the_background_leaves_the_store_usable(tmp_path):
    from datetime import date

    path = tmp_path / "shop.db"
    with Store(path) as s:
        add_order(s, OrderInput("2026-01-02", [LineInput(100)]))
        thread = startup.daily_backup(s, date.today(), background=True)
        add_order(s, OrderInput("2026-01-03", [LineInput(100)]))  # the shop keeps working
        thread.join(30)
        made = backup_files.list_backups(backup_files.backup_folder(s), path)
        assert len(made) == 1 and backup_archive.verify(made[0].path)
        assert startup.daily_backup(s, date.today(), background=True) is None  # once a day


def test_unexpected_error_is_logged(qapp, monkeypatch, answers):
    from kpidesk.paths import logs_dir
    from kpidesk.ui import errors

    monkeypatch.setattr(QMessageBox, "exec", lambda self: 0)
    errors.setup_logging()
    try:
        raise RuntimeError("boom in a test")
    except RuntimeError as exc:
        errors.show_exception(type(exc), exc, exc.__traceback__)
    for handler in errors.log.handlers:
        handler.flush()
    assert "boom in a test" in (logs_dir() / "kpidesk.log").read_text(encoding="utf-8")


def test_an_older_shop_is_upgraded_while_a_dialog_says_so(qapp, tmp_path, v1_shop,
                                                          monkeypatch):
    import threading

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QProgressDialog

    from kpidesk.metrics import customers
    from kpidesk.store import schema

    path = v1_shop()
    assert needs_upgrade(path)
    upgrade = schema.MIGRATIONS[1]
    seen: list[tuple[str, int, int]] = []
    step_shown = threading.Event()

    def look() -> None:  # on the UI thread, while the upgrade runs on its own
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QProgressDialog) and w.isVisible():
                seen.append((w.labelText(), w.value(), w.maximum()))
                if "Step 2 of 3" in w.labelText() and 0 < w.value() < 100:
                    step_shown.set()

    def slow_upgrade(db):  # as on a shop of a million lines, saying how far it is
        schema.report_progress(0.5)
        step_shown.wait(30)  # holds the step until the dialog was seen showing it
        upgrade(db)

    monkeypatch.setattr(schema, "MIGRATIONS", [schema.MIGRATIONS[0], slow_upgrade, *schema.MIGRATIONS[2:]])
    watcher = QTimer()
    watcher.setInterval(20)
    watcher.timeout.connect(look)
    watcher.start()
    try:
        store = startup.open_store_interactive(path)
    finally:
        watcher.stop()
    try:
        assert seen and "Updating the shop file" in seen[0][0]
        # during the slow step: the step is named and the bar shows how far the upgrade is
        assert step_shown.is_set()
        assert any("Step 2 of 3" in label and maximum == 100 and 0 < value < 100
                   for label, value, maximum in seen)
        assert store.scalar("PRAGMA user_version") == schema.SCHEMA_VERSION
        assert customers.at_risk_count(store, "2026-11-26") > 0
    finally:
        store.close()
    assert not needs_upgrade(path)
    assert not needs_upgrade(tmp_path / "none.db")


def test_damage_found_after_opening_offers_the_newest_good_backup(qtbot, tmp_path, answers):
    from PySide6.QtCore import QSettings

    from kpidesk import app as kpidesk_app
    from kpidesk.demo import build_demo
    from kpidesk.i18n.language import LanguageManager

    shown, _ = answers
    path = tmp_path / "shop.db"
    with Store(path) as s:
        build_demo(s, lines=3000, months=12, seed=1)
        orders = s.scalar("SELECT COUNT(*) FROM orders")
        backup.make_backup(s, "daily")
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    with sqlite3.connect(path) as conn:  # leaf pages of the sale lines, which opening
        pages = [r[0] for r in conn.execute(  # does not read: found by the check only
            "SELECT pageno FROM dbstat WHERE name = 'sale_lines' AND pagetype = 'leaf'"
            " ORDER BY pageno")]
    conn.close()
    with path.open("r+b") as f:
        for page in pages[len(pages) // 2:len(pages) // 2 + 4]:
            f.seek((page - 1) * 4096)
            f.write(os.urandom(4096))
    damaged = hashlib.sha256(path.read_bytes()).hexdigest()

    language = LanguageManager()
    language.set_language("en")
    controller = kpidesk_app.Controller(
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), language)
    assert controller.open(path)  # at once: the check runs on a thread
    qtbot.waitUntil(lambda: len(shown) == 2, timeout=15000)  # its window is replaced
    assert [k for k, _ in shown] == ["question", "information"]
    assert "is damaged" in shown[0][1]
    qtbot.addWidget(controller.window)
    qtbot.waitUntil(lambda: controller.ctx.store.check_result() is True, timeout=15000)
    assert controller.ctx.store.scalar("SELECT COUNT(*) FROM orders") == orders
    kept = [p for p in tmp_path.glob("shop.db.damaged-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(kept) == 1 and hashlib.sha256(kept[0].read_bytes()).hexdigest() == damaged
    controller.close_store()
