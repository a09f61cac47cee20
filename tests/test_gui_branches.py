"""Branches in the app, driven like a user: the branch name in Settings ▸ Shop and
File ▸ Bring in a branch file… (KPI.md §7)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import DEMO_TODAY
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from kpidesk.demo import build_demo
from kpidesk.store import backup_files, branches, rollups
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
    assert any(b.reason == "branch" for b in backup_files.list_all_backups(store))
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


def test_dashboard_branch_picker(qtbot, ctx, branch_file):
    from kpidesk.metrics import growth
    from kpidesk.store import sales, sync
    from kpidesk.ui.tabs.dashboard import DashboardTab

    store = ctx.store
    month = f"{DEMO_TODAY:%Y-%m}"
    lone = DashboardTab(ctx)
    qtbot.addWidget(lone)
    lone.show()
    assert not lone.branch_picker.isVisible()  # one branch: nothing to pick

    branches.set_branch_name(store, "Phnom Penh")
    sales.add_order(store, sales.OrderInput(date="2026-11-03",
                                            lines=[sales.LineInput(amount=70_00)]))
    with Store(branch_file, read_only=True) as b:
        sync.sync(b, store)
        kampot = growth.sales_summary(b, month, DEMO_TODAY).revenue
    dash = DashboardTab(ctx)
    qtbot.addWidget(dash)
    dash.show()
    picker = dash.branch_picker
    assert picker.isVisible()
    assert [picker.combo.itemText(i) for i in range(picker.combo.count())] == [
        "All branches", "Phnom Penh", "Kampot"]
    assert dash.last_refresh["sales"].revenue == kampot + 70_00
    picker.combo.setCurrentIndex(picker.combo.findData("Kampot"))
    assert dash.last_refresh["sales"].revenue == kampot
    picker.combo.setCurrentIndex(picker.combo.findData("Phnom Penh"))
    assert dash.last_refresh["sales"].revenue == 70_00
    # a change of the shop: the branch's figures follow
    sales.add_order(store, sales.OrderInput(date="2026-11-04",
                                            lines=[sales.LineInput(amount=5_00)]))
    dash.refresh()
    assert dash.last_refresh["sales"].revenue == 75_00
    picker.combo.setCurrentIndex(0)
    assert dash.last_refresh["sales"].revenue == kampot + 75_00
    picker.close()


def test_reports_tab_prints_one_branch_or_all(qtbot, ctx, branch_file):
    from kpidesk.store import sales, sync
    from kpidesk.ui.tabs.reports import ReportsTab

    store = ctx.store
    tab = ReportsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.branch_box.isHidden()  # one branch: no choice
    branches.set_branch_name(store, "Phnom Penh")
    sales.add_order(store, sales.OrderInput(date="2026-10-03",
                                            lines=[sales.LineInput(amount=70_00)]))
    with Store(branch_file, read_only=True) as b:
        sync.sync(b, store)
        kampot = b.scalar("SELECT SUM(l.amount_usd) FROM sale_lines l JOIN orders o"
                          " ON o.id = l.order_id WHERE o.date LIKE '2026-10-%'")
    tab.on_data_changed({"sales"})  # a sync: the branches appear
    assert not tab.branch_box.isHidden()
    assert [tab.branch_box.itemText(i) for i in range(tab.branch_box.count())] == [
        "All branches", "Phnom Penh", "Kampot"]
    tab.wait_until_ready()  # its report of the new figures, gathered on a thread, done
    tab = ReportsTab(ctx)  # with the months the sync brought
    qtbot.addWidget(tab)
    tab.show()
    assert tab.selected_month() == "2026-10"
    assert tab.wait_until_ready()
    data = tab.report.data
    assert data.kpis["revenue"] == kampot + 70_00 and not data.branch
    assert {r["name"]: r["revenue"] for r in data.revenue_by_branch} == {
        "Kampot": kampot, "Phnom Penh": 70_00}
    tab.branch_box.setCurrentIndex(tab.branch_box.findData("Kampot"))
    assert tab.wait_until_ready()
    data = tab.report.data
    assert data.branch == "Kampot" and data.kpis["revenue"] == kampot
    assert not data.revenue_by_branch
