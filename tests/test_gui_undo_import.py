"""Undo import in the app: the wizard's Done page, Edit ▸ Undo (Ctrl+Z) and the import log."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication
from test_io_import import OWN, own_rows, write_csv

from kpidesk.metrics.kpis import all_kpis
from kpidesk.store import imports, rollups
from kpidesk.store.sales import get_order, update_order
from kpidesk.ui.import_wizard import ImportWizard
from kpidesk.ui.undo_import import UndoImportDialog

MONTH = "2026-11"


def _answer(qtbot, choice: str | None, seen: list) -> None:
    """When the undo dialog comes up, note what it lists and click `choice`."""

    def click() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, UndoImportDialog):
            QTimer.singleShot(20, click)
            return
        table = dialog.changed_table
        seen.append((dialog.summary.text(),
                     [table.item(r, 1).text() for r in range(table.rowCount())]
                     if table is not None else []))
        button = {"remove": dialog.remove_button, "keep": dialog.keep_button,
                  None: dialog.cancel_button}[choice]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)

    QTimer.singleShot(0, click)


def _import(qtbot, ctx, path) -> ImportWizard:
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.set_file(path, "sales")
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.report is not None, timeout=10_000)
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert wizard.result.committed
    return wizard


def test_done_page_undo_import(qtbot, demo_ctx, tmp_path):
    ctx = demo_ctx
    before = all_kpis(ctx.store, MONTH, today=ctx.fixed_today)
    snap = rollups.snapshot(ctx.store.conn)
    rows = own_rows(60)
    for row in rows:
        row[0] = "2026-11-20"
    wizard = _import(qtbot, ctx, write_csv(tmp_path / "nov.csv", OWN, rows))
    assert all_kpis(ctx.store, MONTH, today=ctx.fixed_today) != before
    assert wizard.undo_import_button.isVisible()
    assert "Undo import" in wizard.undo_hint.text()
    # the import is on the undo stack: Edit ▸ Undo offers it
    assert ctx.undo_stack.undoText() == "Import nov.csv"

    seen: list = []
    _answer(qtbot, "remove", seen)
    qtbot.mouseClick(wizard.undo_import_button, Qt.MouseButton.LeftButton)
    assert "Undo the import of nov.csv" in seen[0][0] and "60 sales lines in 30 orders" in \
        seen[0][0]
    assert all_kpis(ctx.store, MONTH, today=ctx.fixed_today) == before
    assert rollups.snapshot(ctx.store.conn) == snap
    assert not wizard.undo_import_button.isVisible()
    assert "was undone" in wizard.undo_hint.text()
    assert ctx.undo_stack.count() == 0  # nothing left to redo: the file can be imported again
    assert imports.list_imports(ctx.store)[0].undone_at


def test_ctrl_z_undoes_the_import_not_an_older_action(qtbot, main_window, tmp_path):
    from kpidesk.store.sales import LineInput, OrderInput
    from kpidesk.ui.commands.sales import AddOrderCommand

    ctx = main_window.ctx
    # an older, unrelated action on the stack
    command = AddOrderCommand(ctx.store, OrderInput(date="2026-11-25", lines=[LineInput(1234)]))
    command.execute()
    ctx.undo_stack.push(command)
    older = command.order_id
    wizard = _import(qtbot, ctx, write_csv(tmp_path / "more.csv", OWN, own_rows(20)))
    wizard.accept()
    imported = ctx.store.scalar("SELECT count(*) FROM orders WHERE import_id = 1")
    assert imported == 10
    main_window.retranslate_ui()
    assert main_window.undo_action.text() == "&Undo Import more.csv"

    # an order of the import is edited after it
    oid = ctx.store.scalar("SELECT MIN(id) FROM orders WHERE import_id = 1")
    order = get_order(ctx.store, oid)
    order.lines[0].amount = 99_00
    order.lines[0].currency = "USD"
    update_order(ctx.store, oid, order)

    # Ctrl+Z: the owner is asked; "Cancel" leaves everything as it was, the import still on top
    main_window.activateWindow()
    seen: list = []
    _answer(qtbot, None, seen)
    main_window.undo_action.trigger()
    qtbot.waitUntil(lambda: ctx.undo_stack.index() == ctx.undo_stack.count(), timeout=5000)
    assert seen and seen[0][1] == ["1 Jan 2026 · R000000 · $99.49"]  # $99.00 + ៛2,000
    assert ctx.store.scalar("SELECT count(*) FROM orders WHERE import_id = 1") == 10
    assert ctx.undo_stack.undoText() == "Import more.csv"
    assert ctx.store.scalar("SELECT count(*) FROM orders WHERE id = ?", (older,)) == 1

    # Ctrl+Z again, keeping the edited sale: the rest of the import goes, the older sale stays
    _answer(qtbot, "keep", seen)
    main_window.undo_action.trigger()
    qtbot.waitUntil(lambda: ctx.undo_stack.undoText() == "Add sale", timeout=5000)
    assert [r[0] for r in ctx.store.conn.execute(
        "SELECT id FROM orders WHERE import_id = 1")] == [oid]
    assert ctx.store.scalar("SELECT count(*) FROM orders WHERE id = ?", (older,)) == 1
    assert main_window.undo_action.text() == "&Undo Add sale"


def test_import_log_dialog(qtbot, demo_ctx, tmp_path, monkeypatch):
    from kpidesk.io.importer import Importer
    from kpidesk.ui.dialogs.imports import ImportsDialog

    ctx = demo_ctx
    Importer(ctx.store, "sales").run(write_csv(tmp_path / "a.csv", OWN, own_rows(10)),
                                     source="cli")
    Importer(ctx.store, "sales").run(write_csv(tmp_path / "b.csv", OWN, own_rows(6, 500)))
    dialog = ImportsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    table = dialog.table
    assert [table.item(r, 1).text() for r in range(2)] == ["b.csv", "a.csv"]
    assert "(command line)" in table.item(1, 4).text()
    assert table.item(1, 3).text() == "10 sales lines in 5 orders, 3 new customers"
    assert not dialog.undo_button.isEnabled()
    table.selectRow(1)
    assert dialog.undo_button.isEnabled()
    seen: list = []
    _answer(qtbot, "remove", seen)
    qtbot.mouseClick(dialog.undo_button, Qt.MouseButton.LeftButton)
    assert "a.csv" in seen[0][0]
    assert table.item(1, 5).text().startswith("undone")
    assert not dialog.undo_button.isEnabled()
    assert ctx.store.scalar("SELECT count(*) FROM orders WHERE import_id = 1") == 0
    assert ctx.store.scalar("SELECT count(*) FROM orders WHERE import_id = 2") == 3


def test_undo_import_asks_the_owner_pin(qtbot, demo_ctx, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    from kpidesk.io.importer import Importer
    from kpidesk.store import history, security
    from kpidesk.ui.undo_import import undo_import_interactive

    ctx = demo_ctx
    report = Importer(ctx.store, "sales").run(write_csv(tmp_path / "a.csv", OWN, own_rows(10)))
    security.set_pin(ctx.store, "1357")
    asked = []

    def pin(*args, **kwargs):
        asked.append(args[2])
        return answer[0]

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(pin))
    answer = [("", False)]
    _answer(qtbot, "remove", [])
    assert not undo_import_interactive(ctx, None, report.import_id)
    assert asked and "owner" in asked[0]
    assert ctx.store.scalar("SELECT count(*) FROM orders WHERE import_id = ?",
                            (report.import_id,)) == 5
    answer = [("1357", True)]
    _answer(qtbot, "remove", [])
    assert undo_import_interactive(ctx, None, report.import_id)
    assert ctx.store.scalar("SELECT count(*) FROM orders WHERE import_id = ?",
                            (report.import_id,)) == 0
    entry = next(e for e in history.entries(ctx.store) if e.action == "undo_import")
    assert entry.with_pin and entry.source == "app"
