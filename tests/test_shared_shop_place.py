"""A shared (PostgreSQL) shop's place on this laptop: `Store.path` is a name in its own
folder in the user's data folder, never a relative name, and nothing that runs on a shared
shop (the headless commands, the app's work on connections of its own) writes into the
current folder or opens a local shop file in place of the server's database."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kpidesk.cli import main
from kpidesk.paths import data_dir
from kpidesk.store.db import Store
from kpidesk.store.sales import LineInput, OrderInput, add_order

TODAY = "2026-11-26"


@pytest.fixture
def elsewhere(tmp_path, monkeypatch) -> Path:
    """An empty current folder: whatever appears in it was written beside a relative name."""
    folder = tmp_path / "current"
    folder.mkdir()
    monkeypatch.chdir(folder)
    return folder


def _orders(url: str) -> int:
    with Store(url, read_only=True) as s:
        return int(s.scalar("SELECT count(*) FROM orders"))


def test_a_shared_shops_path_is_its_folder_in_the_data_folder(pg_url, elsewhere):
    with Store(pg_url) as store:
        assert store.path.is_absolute()
        folder = store.path.parent
        assert folder.is_dir() and folder.parent == data_dir() / "shared"
        assert "kpidesk:" not in str(store.path)  # no password or user:password in it
        assert folder.name.endswith(f"_{pg_url.rsplit(':', 1)[1].split('/')[0]}")
        assert not store.path.exists()  # a name, never a file that is made
    with Store(pg_url) as again:  # the same shop: the same folder
        assert again.path == store.path
    assert os.listdir(elsewhere) == []


def test_headless_commands_leave_the_current_folder_alone(pg_url, elsewhere, tmp_path,
                                                         capsys):
    out = tmp_path / "out"
    out.mkdir()
    assert main(["demo", "--db", pg_url, "--lines", "300", "--today", TODAY]) == 0
    assert main(["kpi", "--db", pg_url, "--month", "2026-11", "--json", "--today", TODAY]) == 0
    assert main(["check", "--db", pg_url, "--today", TODAY]) in (0, 1)
    assert main(["export", "sales", "--db", pg_url, "--out", str(out / "sales.csv")]) == 0
    assert main(["share", "--db", pg_url, "--month", "2026-11", "--lang", "en",
                 "--out", str(out / "share.png"), "--today", TODAY]) == 0
    assert main(["history", "--db", pg_url]) == 0
    sales = out / "more.csv"
    sales.write_text("date,amount,currency\n2026-11-20,12.50,USD\n", encoding="utf-8")
    before = _orders(pg_url)
    assert main(["import", "sales", str(sales), "--db", pg_url]) == 0
    assert _orders(pg_url) == before + 1
    done = subprocess.run([sys.executable, "-m", "kpidesk", "report", "--db", pg_url,
                           "--month", "2026-10", "--lang", "en", "--out",
                           str(out / "report.pdf"), "--today", TODAY],
                          capture_output=True, text=True, timeout=300, cwd=elsewhere)
    assert done.returncode == 0, done.stderr
    capsys.readouterr()
    assert os.listdir(elsewhere) == []
    assert sorted(p.name for p in out.iterdir()) == ["more.csv", "report.pdf", "sales.csv",
                                                      "share.png"]


def test_the_apps_own_connections_open_the_server_not_a_file(pg_url, elsewhere, qapp, qtbot,
                                                            settings, tmp_path):
    """The import wizard, the Reports tab and undo-import's progress each open the shop
    again on a connection of their own: on a shared shop, the server's database."""
    from PySide6.QtCore import Qt

    from kpidesk.ui.import_wizard import ImportWizard
    from kpidesk.ui.tabs.reports import ReportsTab
    from kpidesk.ui.undo_import import run_with_progress
    from tests.conftest import _make_ctx

    store = Store(pg_url)
    ctx = _make_ctx(qapp, store, settings)
    try:
        add_order(store, OrderInput(date="2026-10-05", lines=[LineInput(amount=4200)]))
        sales = tmp_path / "sales.csv"
        sales.write_text("date,amount,currency\n2026-10-20,7.00,USD\n", encoding="utf-8")
        wizard = ImportWizard(ctx)
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.set_file(sales, "sales")
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
        qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: wizard.report is not None, timeout=30_000)
        qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: wizard.result is not None, timeout=30_000)
        assert wizard.result.committed
        assert int(store.scalar("SELECT count(*) FROM orders")) == 2  # on the server

        tab = ReportsTab(ctx)
        qtbot.addWidget(tab)
        tab.show()
        assert tab.selected_month() == "2026-10"
        assert tab.wait_until_ready()
        assert tab.report.data.kpis["revenue"] == 4200 + 700

        counted = run_with_progress(None, "count", store,
                                    lambda s: int(s.scalar("SELECT count(*) FROM orders")))
        assert counted == 2
        assert not store.path.exists()
    finally:
        ctx.close()
        store.close()
    assert os.listdir(elsewhere) == []
