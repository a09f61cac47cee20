"""Branches in the app, driven like a user: the branch name in Settings ▸ Shop and
File ▸ Bring in a branch file… (KPI.md §7)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DEMO_TODAY
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from kpidesk.demo import build_demo
from kpidesk.store import backup, branches, rollups
from kpidesk.store.db import Store
from kpidesk.ui.settings import SettingsTab


@pytest.fixture
def tab(qtbot, ctx):
    widget = SettingsTab(ctx)
    qtbot.addWidget(widget)
    widget.show()
    return widget


@pytest.fixture
def branch_file(tmp_path) -> Path:
    path = tmp_path / "kampot" / "kampot.db"
    path.parent.mkdir()
    with Store(path) as s:
        build_demo(s, months=3, lines=500, today=DEMO_TODAY, seed=21)
        branches.set_branch_name(s, "Kampot")
    return path


def test_branch_name_in_settings(qtbot, tab, ctx):
    assert tab.branch_name.text() == ""
    tab.branch_name.setText("  Siem  Reap ")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert branches.branch_name(ctx.store) == "Siem Reap"
    assert tab.saved_label.text()
    tab.shop_name.setText("Another name")
    tab.branch_name.setText("x" * 61)
    assert tab.save_shop() is False
    assert tab.rate_error.isVisible() and "61" not in tab.rate_error.text()
    assert "60" in tab.rate_error.text()
    # nothing saved, not even the shop's name
    assert branches.branch_name(ctx.store) == "Siem Reap"
    assert ctx.store.setting("shop_name") != "Another name"
    tab.branch_name.setText("")  # a shop with one laptop: no name
    assert tab.save_shop()
    assert branches.branch_name(ctx.store) == ""


def test_bring_in_a_branch_file(qtbot, main_window, branch_file, monkeypatch):
    store = main_window.ctx.store
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(branch_file), "")))
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda _p, _t, text, *a, **k: shown.append(text)))
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _p, _t, text, *a, **k: shown.append("!" + text)))
    before = store.scalar("SELECT COUNT(*) FROM orders")
    heard: list[set] = []
    store.subscribe(heard.append)
    action = main_window.branch_sync_action
    assert action in main_window.file_menu.actions() and "&" in action.text()
    action.trigger()
    with Store(branch_file, read_only=True) as b:
        theirs = b.scalar("SELECT COUNT(*) FROM orders")
        lines = b.scalar("SELECT COUNT(*) FROM sale_lines")
        revenue = b.scalar("SELECT SUM(amount_usd) FROM sale_lines")
    assert shown and not shown[0].startswith("!"), shown
    assert "Kampot" in shown[0] and str(theirs) in shown[0]
    assert store.scalar("SELECT COUNT(*) FROM orders WHERE branch = 'Kampot'") == theirs
    assert store.scalar("SELECT COUNT(*) FROM orders") == before + theirs
    assert store.scalar("SELECT COUNT(*) FROM sale_lines l JOIN orders o ON o.id = l.order_id"
                        " WHERE o.branch = 'Kampot'") == lines
    assert store.scalar("SELECT SUM(l.amount_usd) FROM sale_lines l JOIN orders o"
                        " ON o.id = l.order_id WHERE o.branch = 'Kampot'") == revenue
    assert heard and "sales" in heard[-1]  # the views refresh
    # the rollups the dashboard reads equal a recomputation
    kept = rollups.snapshot(store.conn)
    with store.transaction():
        rollups.rebuild_all(store.conn)
    assert rollups.snapshot(store.conn) == kept
    # the way back: a backup made just before
    assert any(b.reason == "branch" for b in backup.list_all_backups(store))
    # again: nothing new
    shown.clear()
    action.trigger()
    assert store.scalar("SELECT COUNT(*) FROM orders") == before + theirs
    assert shown and "nothing new" in shown[0]


def test_bring_in_refuses_a_file_without_a_branch_name(qtbot, main_window, tmp_path,
                                                        monkeypatch):
    unnamed = tmp_path / "unnamed.db"
    Store(unnamed).close()
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(unnamed), "")))
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda _p, _t, text, *a, **k: shown.append(text)))
    before = main_window.ctx.store.scalar("SELECT COUNT(*) FROM orders")
    main_window.branch_sync_action.trigger()
    assert shown and "unnamed.db" in shown[0] and "Settings" in shown[0]
    assert main_window.ctx.store.scalar("SELECT COUNT(*) FROM orders") == before
