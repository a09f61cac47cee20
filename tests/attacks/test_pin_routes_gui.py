"""Attack: the app's routes that did what the owner PIN protects with zero prompts —
Undo/Redo of the owner's target change, merge and delete; File ▸ Import of targets; the
backup retention settings (set to 1, then "Back up now"); Reports ▸ Save as PDF and
Print; exporting a table; the change history. A staff member (who cancels the prompt)
must get nothing from any of them."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from kpidesk.store import backup, backup_files, history, security
from kpidesk.store.targets import get_target

PIN = "2468"


class Prompts:
    def __init__(self, monkeypatch, answer=("", False)) -> None:
        self.asked = 0
        self.answer = answer
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(self._get_text))
        monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: None))

    def _get_text(self, *args, **kwargs):
        self.asked += 1
        return self.answer


@pytest.fixture
def shop(demo_ctx):
    security.set_pin(demo_ctx.store, PIN)
    return demo_ctx


def test_undo_redo_of_the_owners_target_change(qtbot, shop, monkeypatch):
    from kpidesk.ui.tabs.targets import TargetsTab

    store = shop.store
    tab = TargetsTab(shop)
    qtbot.addWidget(tab)
    index = tab.model.index(0, 0)
    month, sp = tab.model.key_of(index)
    before = get_target(store, month, tab.model.measure, sp)
    prompts = Prompts(monkeypatch, (PIN, True))
    assert tab.model.setData(index, "99999")
    prompts.answer = ("", False)
    assert not shop.undo(tab)
    assert get_target(store, month, tab.model.measure, sp)[0] == 9_999_900
    prompts.answer = (PIN, True)
    assert shop.undo(tab)
    assert get_target(store, month, tab.model.measure, sp) == before
    prompts.answer = ("", False)
    assert not shop.redo(tab)
    assert get_target(store, month, tab.model.measure, sp) == before
    assert prompts.asked == 4


def test_undo_of_the_owners_merge_and_delete(qtbot, shop, monkeypatch):
    from kpidesk.store.contacts import ContactInput, add_contact
    from kpidesk.ui.tabs.contacts import ContactsTab

    store = shop.store
    a = add_contact(store, ContactInput("Dup One", "2026-11-01", phone="012 345 678"))
    b = add_contact(store, ContactInput("Dup One", "2026-11-02", phone="012345678"))
    lonely = add_contact(store, ContactInput("Nobody Bought", "2026-11-01", kind="lead"))
    tab = ContactsTab(shop)
    qtbot.addWidget(tab)
    tab.show()
    prompts = Prompts(monkeypatch, (PIN, True))
    tab.select_ids([a, b])
    assert tab.merge_selected(keep_id=a)
    tab.select_ids([lonely])
    assert tab.delete_selected(confirmed=True)
    prompts.answer = ("", False)
    assert not shop.undo(tab)  # the delete stays
    assert store.scalar("SELECT count(*) FROM contacts WHERE id = ?", (lonely,)) == 0
    prompts.answer = (PIN, True)
    assert shop.undo(tab)
    prompts.answer = ("", False)
    assert not shop.undo(tab)  # the merge stays
    assert store.scalar("SELECT count(*) FROM contacts WHERE id = ?", (b,)) == 0
    [merge] = history.entries(store, action="merge")
    assert merge.with_pin and merge.before["removed"]["id"] == b


def test_import_of_targets_through_the_wizard(qtbot, shop, tmp_path, monkeypatch):
    from test_io_import import write_csv

    from kpidesk.ui.import_wizard import ImportWizard

    path = write_csv(tmp_path / "t.csv", ["Month", "Salesperson", "Measure", "Target"],
                     [["2027-01", "", "revenue", "10,000.00"]])
    wizard = ImportWizard(shop)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.set_file(path, "targets")
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.report is not None, timeout=10_000)
    prompts = Prompts(monkeypatch)
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    assert prompts.asked == 1
    assert wizard.result is None
    assert shop.store.scalar("SELECT count(*) FROM targets WHERE period = '2027-01'") == 0


def test_backup_retention_set_to_one_then_back_up_now(qtbot, shop, monkeypatch):
    from datetime import datetime, timedelta

    from kpidesk.ui.dialogs.backups import BackupsDialog

    store = shop.store
    folder = backup_files.backup_folder(store)
    start = datetime(2026, 11, 1, 9, 0)
    for day in range(18):
        backup.make_backup(store, "daily", now=start - timedelta(days=day), prune_after=False)
    assert len(backup_files.list_backups(folder, store.path)) == 18
    dialog = BackupsDialog(shop)
    qtbot.addWidget(dialog)
    prompts = Prompts(monkeypatch)
    dialog.keep_daily.setValue(1)
    dialog.keep_monthly.setValue(1)
    dialog.keep_monthly.editingFinished.emit()  # the user leaves the box
    assert prompts.asked == 1
    assert dialog.keep_daily.value() != 1  # put back as stored
    assert store.setting("backup_keep_daily") in ("", str(backup.KEEP_DAILY))
    dialog.back_up_now()
    assert len(backup_files.list_backups(folder, store.path)) >= 13  # 14 days kept, not 1
    prompts.answer = (PIN, True)
    dialog.keep_daily.setValue(20)
    dialog.keep_daily.editingFinished.emit()
    assert store.setting("backup_keep_daily") == "20"
    [entry] = history.entries(store, action="setting")[:1]
    assert entry.subject.startswith("backup_keep") and entry.with_pin


def test_restoring_a_backup_needs_the_pin_and_keeps_it(qtbot, demo_ctx, monkeypatch):
    """A backup made before the PIN must not open everything once restored."""
    from kpidesk.ui.dialogs.backups import BackupsDialog

    store = demo_ctx.store
    old = backup.make_backup(store, "manual")  # no PIN in it
    security.set_pin(store, PIN)
    dialog = BackupsDialog(demo_ctx)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(dialog, "selected_path", lambda: old.path)
    monkeypatch.setattr(QMessageBox, "question",
                        staticmethod(lambda *a, **k: QMessageBox.StandardButton.Yes))
    confirmed = []  # the dialog confirms a restore, saying what it did
    monkeypatch.setattr(QMessageBox, "information",
                        staticmethod(lambda *a, **k: confirmed.append(a[2])))
    prompts = Prompts(monkeypatch)
    orders = store.scalar("SELECT count(*) FROM orders")
    with security.owner_session(store, with_pin=True):
        from kpidesk.store.sales import LineInput, OrderInput, add_order

        add_order(store, OrderInput("2026-11-26", [LineInput(100)]))
    dialog.restore_selected()
    assert prompts.asked == 1 and store.scalar("SELECT count(*) FROM orders") == orders + 1
    prompts.answer = (PIN, True)
    dialog.restore_selected()
    assert store.scalar("SELECT count(*) FROM orders") == orders  # restored
    assert len(confirmed) == 1 and "restored" in confirmed[0]
    assert security.has_pin(store) and security.check_pin(store, PIN)


def test_reports_save_as_pdf_print_and_preview(qtbot, shop, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog, QPrintPreviewDialog

    from kpidesk.ui.tabs.reports import ReportsTab

    tab = ReportsTab(shop)
    qtbot.addWidget(tab)
    tab.show()
    assert tab.wait_until_ready()
    target = tmp_path / "report.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "")))
    opened = []
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: opened.append("print") or 0)
    monkeypatch.setattr(QPrintPreviewDialog, "exec", lambda self: opened.append("preview") or 0)
    prompts = Prompts(monkeypatch)
    assert tab.save_pdf() is None
    tab.print_report()
    tab.print_preview()
    assert prompts.asked == 3 and not target.exists() and opened == []
    prompts.answer = (PIN, True)
    assert tab.save_pdf() == target and target.exists()
    tab.print_report()
    assert opened == ["print"]


def test_export_of_a_table_and_the_history(qtbot, main_window, monkeypatch, tmp_path):
    security.set_pin(main_window.ctx.store, PIN)
    main_window.show_tab("sales")
    target = tmp_path / "sales.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: (str(target), "CSV (*.csv)")))
    prompts = Prompts(monkeypatch)
    assert main_window.export_current_table() is None
    assert main_window.show_history() is None
    assert prompts.asked == 2 and not target.exists()
    prompts.answer = (PIN, True)
    dialog = main_window.show_history()
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() >= 1  # the PIN being set
