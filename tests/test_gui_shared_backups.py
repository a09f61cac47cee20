"""The Backups dialog of a shared (PostgreSQL) shop on the real test cluster: this
laptop's backups with the space they take, the server's mark of the day's backup, a
pg_dump missing, back up now, and a restore that asks the PIN after its warning."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from kpidesk.store import pg_backup
from kpidesk.store.sales import LineInput, OrderInput, add_order
from kpidesk.ui.server_status_backups import SharedBackupsDialog, start_daily


@pytest.fixture
def shared_ctx(qapp, pg_url, settings):
    from kpidesk.store.db import Store
    from tests.conftest import _make_ctx

    store = Store(pg_url)
    add_order(store, OrderInput(date="2026-11-20", lines=[LineInput(amount=1000)]))
    ctx = _make_ctx(qapp, store, settings)
    yield ctx
    ctx.close()
    store.close()


def test_the_dialog_lists_backups_and_restores_after_the_pin(qtbot, shared_ctx,
                                                             monkeypatch):
    store = shared_ctx.store
    thread = start_daily(store)  # as when the shop opens
    thread.join(60)
    dialog = SharedBackupsDialog(shared_ctx)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    assert dialog.model.data(dialog.model.index(0, 1)) == "Automatic"
    size = pg_backup.list_shared(dialog.folder)[0].size
    assert dialog.total_label.text() == \
        f"Backups on this laptop: 1, taking {size / 1e6:.1f} MB."
    assert "taken by the laptop" in dialog.mark_label.text()
    assert dialog.tools_label.isHidden()
    assert dialog.back_up_now() is not None and dialog.model.rowCount() == 2

    add_order(store, OrderInput(date="2026-11-21", lines=[LineInput(amount=700)]))
    row = next(r for r in range(2) if dialog.model.rows[r].reason == "daily")
    dialog.view.selectRow(row)
    warned, asked = [], []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text, *a:
                        warned.append(text) or QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(shared_ctx, "require_owner",
                        lambda parent, reason: asked.append(reason) or False)
    assert not dialog.restore_selected()  # the PIN refused: nothing changes
    assert "for everyone" in warned[0] and asked == ["backups"]
    assert store.scalar("SELECT count(*) FROM orders") == 2
    monkeypatch.setattr(shared_ctx, "require_owner", lambda parent, reason: True)
    assert dialog.restore_selected()
    assert store.scalar("SELECT count(*) FROM orders") == 1
    assert {b.reason for b in pg_backup.list_shared(dialog.folder)} == \
        {"daily", "manual", "before-restore"}


def test_a_missing_pg_dump_is_said_and_nothing_is_offered(qtbot, shared_ctx, monkeypatch):
    monkeypatch.setattr(pg_backup, "tool", lambda name: None)
    dialog = SharedBackupsDialog(shared_ctx)
    qtbot.addWidget(dialog)
    assert not dialog.tools_label.isHidden()
    assert "pg_dump and pg_restore are not on this laptop" in dialog.tools_label.text()
    assert not dialog.backup_button.isEnabled() and not dialog.restore_button.isEnabled()
