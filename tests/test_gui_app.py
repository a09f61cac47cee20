"""The app as a whole: first start offers the demo shop, switching shop files, --smoke."""

from __future__ import annotations

import os
import subprocess
import sys

from PySide6.QtCore import QSettings

from kpidesk import app as kpidesk_app
from kpidesk.i18n.language import LanguageManager
from kpidesk.paths import data_dir, default_db_path
from kpidesk.ui.splash import Splash


def test_first_start_offers_the_demo_in_its_own_file(qtbot, tmp_path, monkeypatch):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    language = LanguageManager()
    language.set_language("en")
    controller = kpidesk_app.Controller(settings, language)
    assert controller.open(default_db_path())
    assert controller.ctx.store.scalar("SELECT count(*) FROM orders") == 0
    # the demo is made small here to keep the test quick
    from kpidesk import demo

    real = demo.build_demo
    monkeypatch.setattr(demo, "build_demo",
                        lambda store, **kw: real(store, lines=1500, months=6, **{
                            k: v for k, v in kw.items() if k not in ("lines", "months")}))
    assert controller.open_demo()
    qtbot.addWidget(controller.window)
    demo_path = data_dir() / "demo.kpidesk.db"
    assert controller.ctx.store.path == demo_path
    assert controller.ctx.store.scalar("SELECT count(*) FROM orders") > 0
    assert "Sokha" in controller.window.windowTitle()
    # the shop's own file is untouched and can be opened again from the File menu
    assert controller.open_my_shop()
    qtbot.addWidget(controller.window)
    assert controller.ctx.store.path == default_db_path()
    assert controller.ctx.store.scalar("SELECT count(*) FROM orders") == 0
    assert settings.value("last_db") == str(default_db_path())
    controller.close_store()


def test_window_remembers_size_and_tab(qtbot, demo_ctx):
    from kpidesk.ui.main_window import MainWindow

    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    window.resize(window.minimumSizeHint().width(), 560)  # within the offscreen screen
    window.show()
    size = window.size()
    last = list(window.pages)[-1]
    window.show_tab(last)
    window.close()
    again = MainWindow(demo_ctx)
    qtbot.addWidget(again)
    # the offscreen screen (800 px) is narrower than the window's minimum: compare heights
    assert again.size().height() == size.height() == 560
    assert again.tabs.currentIndex() == list(again.pages).index(last)


def test_smoke_builds_every_tab_in_both_languages(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KPIDESK_DATA_DIR=str(tmp_path))
    for lang in ("en", "km"):
        done = subprocess.run([sys.executable, "-m", "kpidesk", "--smoke", "--lang", lang,
                               "--db", str(tmp_path / "shop.db")], capture_output=True,
                              text=True, env=env, timeout=120)
        assert done.returncode == 0, done.stderr
        assert "khmer font: Noto Sans Khmer" in done.stdout
        assert "tls: OpenSSL 3." in done.stdout and "libpq: binary 1" in done.stdout
        assert done.stdout.count(",") >= 6  # seven tabs
        assert "splash painted in" in done.stdout  # and gone once the window painted


def test_smoke_of_a_missing_shop_with_backups_fails_instead_of_waiting(tmp_path):
    """Nobody can answer "restore the newest backup?" in a --smoke run: it is printed and
    refused, the run exits 1 at once and no empty shop appears."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", KPIDESK_DATA_DIR=str(tmp_path))
    shop = tmp_path / "shop.db"
    for command in (["demo", "--lines", "500"], ["backup"]):
        subprocess.run([sys.executable, "-m", "kpidesk", *command, "--db", str(shop)],
                       check=True, capture_output=True, env=env, timeout=120)
    shop.unlink()
    done = subprocess.run([sys.executable, "-m", "kpidesk", "--smoke", "--lang", "en",
                           "--db", str(shop)], capture_output=True, text=True, env=env,
                          timeout=60)
    assert done.returncode == 1
    assert "refused: Shop file not found" in done.stderr
    assert "Backups of this shop found: 1." in done.stderr
    assert not shop.exists()


def test_splash_goes_when_the_main_window_paints(qtbot):
    import time

    from PySide6.QtWidgets import QApplication, QWidget

    splash = Splash(QApplication.instance(), time.perf_counter())
    assert splash.screen.isVisible() and not splash.screen.pixmap().isNull()
    window = QWidget()
    qtbot.addWidget(window)
    splash.finish(window)
    assert splash.screen is not None  # not before the window is on screen
    window.show()
    qtbot.waitUntil(lambda: splash.screen is None)


def test_ctrl_z_and_ctrl_y_undo_and_redo_from_the_keyboard(qtbot, main_window):
    from PySide6.QtCore import Qt

    from kpidesk.store.sales import LineInput, OrderInput
    from kpidesk.ui.commands.sales import AddOrderCommand

    store = main_window.ctx.store
    before = store.scalar("SELECT count(*) FROM orders")
    main_window.ctx.undo_stack.push(AddOrderCommand(
        store, OrderInput("2026-11-20", [LineInput(1234)])))
    assert store.scalar("SELECT count(*) FROM orders") == before + 1
    main_window.activateWindow()
    qtbot.keyClick(main_window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert store.scalar("SELECT count(*) FROM orders") == before
    qtbot.keyClick(main_window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert store.scalar("SELECT count(*) FROM orders") == before + 1


def test_export_the_table_on_screen_as_filtered_and_only_with_the_pin(qtbot, main_window,
                                                                       tmp_path, monkeypatch):
    import csv

    from PySide6.QtWidgets import QFileDialog, QInputDialog, QTableView

    from kpidesk.store import security

    contacts = main_window.show_tab("contacts")
    qtbot.waitUntil(lambda: contacts.model.rowCount() > 0)
    contacts.search_edit.setText("Sok")
    shown = contacts.proxy.rowCount()
    assert 0 < shown < contacts.model.rowCount()
    target = tmp_path / "contacts.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    security.set_pin(main_window.ctx.store, "1357")
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    assert main_window.export_current_table() is None and not target.exists()
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("1357", True)))
    from kpidesk.ui import export as export_mod

    confirmed = []
    monkeypatch.setattr(export_mod, "confirm_export", lambda *a: confirmed.append(a))
    assert main_window.export_current_table() == target
    assert confirmed and confirmed[0][1:] == (target, shown)
    rows = list(csv.reader(target.open(encoding="utf-8-sig")))
    assert len(rows) == shown + 1  # the header, then exactly the filtered rows
    assert all("sok" in (r[1] + r[2]).casefold() for r in rows[1:])
    # every table offers the export in its right-click menu
    views = main_window.tabs.findChildren(QTableView)
    assert views and all(v.actions() for v in views)
    # named, also on tabs built after the window (they missed the window's retranslation)
    assert all(a.text() == "Export this table…" for v in views for a in v.actions())


def test_splash_steps_aside_for_a_message_while_the_shop_opens(qtbot):
    import time

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    splash = Splash(QApplication.instance(), time.perf_counter())
    assert splash.screen is not None
    seen: list[bool] = []
    box = QMessageBox(QMessageBox.Icon.Warning, "Shop file in use", "…")
    QTimer.singleShot(100, lambda: (seen.append(splash.screen is None), box.accept()))
    box.exec()  # e.g. the shop file is open in another KPI Desk
    assert seen == [True]
