"""Backups ▸ Delete: the owner removes one backup of this shop (older plain `.db` backups
are never pruned by rotation, so this is how they go), after a question and the PIN."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox

from kpidesk.store import backup, backup_files, security
from kpidesk.store.errors import BackupError, PinRequiredError
from kpidesk.store.sales import LineInput, OrderInput, add_order

PIN = "2468"


@pytest.fixture
def dialog(qtbot, ctx):
    from kpidesk.ui.dialogs.backups import BackupsDialog

    add_order(ctx.store, OrderInput("2026-02-01", [LineInput(700)]))
    folder = backup_files.default_folder(ctx.store.path)
    folder.mkdir(parents=True, exist_ok=True)
    legacy = folder / f"{ctx.store.path.name[:-3]}-20250101-090000-daily.db"
    ctx.store.backup_to(legacy)  # as an older version wrote them
    backup.make_backup(ctx.store, "manual")
    security.set_pin(ctx.store, PIN)
    dlg = BackupsDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.legacy = legacy
    return dlg


def _select(dlg, path) -> None:
    row = next(i for i, b in enumerate(dlg.items) if b.path == path)
    dlg.table.selectRow(row)


def test_delete_asks_for_the_pin_then_removes_only_that_backup(qtbot, dialog, monkeypatch):
    asked = []
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *a, **k: asked.append(1) or ("", False)))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: None))
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    assert len(dialog.items) == 2
    _select(dialog, dialog.legacy)
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)
    assert asked and dialog.legacy.exists()  # staff: nothing deleted
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (PIN, True)))
    assert dialog.delete_selected()
    assert not dialog.legacy.exists()
    assert [b.reason for b in dialog.items] == ["manual"]
    assert "1" in dialog.total_label.text()


def test_only_this_shops_backups_can_be_deleted(ctx, tmp_path):
    add_order(ctx.store, OrderInput("2026-02-01", [LineInput(700)]))
    stranger = tmp_path / "not-a-backup.db"
    stranger.write_bytes(b"x")
    with security.owner_session(ctx.store, with_pin=True):
        with pytest.raises(BackupError):
            backup_files.delete_backup(ctx.store, stranger)
        with pytest.raises(BackupError):
            backup_files.delete_backup(ctx.store, ctx.store.path)
    assert stranger.exists() and ctx.store.path.exists()
    made = backup.make_backup(ctx.store, "manual").path
    security.set_pin(ctx.store, PIN)
    with pytest.raises(PinRequiredError):
        backup_files.delete_backup(ctx.store, made)
    assert made.exists()
