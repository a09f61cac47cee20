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


def test_backups_kept_on_another_laptop_are_listed_not_restorable(qtbot, shared_ctx,
                                                                  tmp_path, monkeypatch):
    from datetime import datetime

    url = str(shared_ctx.store.location)
    theirs = pg_backup.daily_backup(url, tmp_path / "counter", now=datetime(2026, 11, 19, 9),
                                    laptop="COUNTER-1").taken
    dialog = SharedBackupsDialog(shared_ctx)
    qtbot.addWidget(dialog)
    assert dialog.back_up_now() is not None  # this laptop's own, beside it in the list
    kept = [dialog.model.data(dialog.model.index(r, 3)) for r in range(dialog.model.rowCount())]
    assert sorted(kept) == ["On COUNTER-1", "On this laptop"]
    other = kept.index("On COUNTER-1")
    assert dialog.model.rows[other].path == theirs.resolve()
    dialog.view.selectRow(other)
    assert not dialog.restore_button.isEnabled()
    assert "kept on the laptop “COUNTER-1”" in dialog.message.text()
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a) or
                        QMessageBox.StandardButton.Yes)
    assert not dialog.restore_selected() and warned == []
    dialog.view.selectRow(1 - other)
    assert dialog.restore_button.isEnabled()
    # a restore puts the shop's data back, not the list of backups taken since
    monkeypatch.setattr(shared_ctx, "require_owner", lambda parent, reason: True)
    before = {(r.laptop, r.file) for r in pg_backup.records(url)}
    assert dialog.restore_selected()
    after = {(r.laptop, r.file) for r in pg_backup.records(url)}
    assert before < after and {r for _, r in after - before} == {
        b.path.name for b in pg_backup.list_shared(dialog.folder) if b.reason == "before-restore"}


def test_the_owner_chooses_this_laptops_backup_folder(qtbot, shared_ctx, tmp_path,
                                                      monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    from kpidesk.store import security

    usb = tmp_path / "usb"
    usb.mkdir()
    security.set_pin(shared_ctx.store, "2468")
    asked = []

    class Allowed:
        def __init__(self, allowed: bool) -> None:
            self.allowed = allowed

        def __enter__(self):
            return self.allowed

        def __exit__(self, *exc):
            return False

    monkeypatch.setattr(QFileDialog, "getExistingDirectory",
                        staticmethod(lambda *a, **k: str(usb)))
    dialog = SharedBackupsDialog(shared_ctx)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(shared_ctx, "owner_session",
                        lambda parent, reason: asked.append(reason) or Allowed(False))
    assert dialog.choose_folder() is None and dialog.folder != usb  # the PIN refused
    from contextlib import contextmanager

    @contextmanager
    def pin_typed(parent, reason):  # as the PIN dialog does once the right PIN is typed
        with security.owner_session(shared_ctx.store, with_pin=True):
            yield True

    monkeypatch.setattr(shared_ctx, "owner_session", pin_typed)
    assert dialog.choose_folder() == usb and asked == ["backups"]
    from kpidesk.store import history
    from kpidesk.ui.dialogs.history import describe_subject

    noted = [e for e in history.entries(shared_ctx.store) if e.action == "setting"]
    assert noted and noted[0].after == {"value": str(usb)}
    assert describe_subject(noted[0]) == \
        f"Backup folder of the laptop {pg_backup.this_laptop().casefold()}"
    assert str(usb) in dialog.intro.text()
    made = dialog.back_up_now()
    assert made is not None and made.parent == usb
    again = SharedBackupsDialog(shared_ctx)  # remembered for this shop and laptop
    qtbot.addWidget(again)
    assert again.folder == usb and again.model.rowCount() == 1
    thread = start_daily(shared_ctx.store)  # the day's automatic backup goes there too
    thread.join(60)
    assert {b.reason for b in pg_backup.list_shared(usb)} == {"manual", "daily"}
