"""Undo (Edit ▸ Undo / Redo, with the owner's PIN) for commission rates, category targets,
calendar marks and the accepted proposal; the Targets grid's "Product categories" view
(keyboard, paste, Delete, spread, copy, undo); undo texts in the language of the moment.
Figures checked against the store and against sums of the raw rows."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import DEMO_TODAY
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox
from test_access_keys import keys_of

from kpidesk.i18n import format as fmt
from kpidesk.metrics import insight, pacing
from kpidesk.store import insight as store_insight
from kpidesk.store import reference, security
from kpidesk.store.targets import get_target
from kpidesk.ui.models.targets_model import ACTUAL_ROLE
from kpidesk.ui.tabs.targets import TargetsTab

MONTH = "2026-11"


def _typed(monkeypatch, answer):
    """The PIN dialog's answer: ("2468", True) typed and OK, ("", False) cancelled."""
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: answer))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: None))


def _category_revenue(store, month: str) -> dict[int, int]:
    """Revenue per product category of a month, from the sale lines (USD cents)."""
    conn = sqlite3.connect(store.path)
    try:
        return {int(c): int(v) for c, v in conn.execute(
            "SELECT p.category_id, SUM(l.amount_usd) FROM sale_lines l"
            " JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id"
            " WHERE substr(o.date, 1, 7) = ? AND p.category_id IS NOT NULL GROUP BY 1",
            (month,))}
    finally:
        conn.close()


# -- commission rates and category targets (the dialog) ---------------------------------------
def test_commission_save_is_one_undo_step_with_the_pin(qtbot, demo_ctx, monkeypatch):
    from kpidesk.ui.dialogs.commission import CommissionDialog

    store = demo_ctx.store
    security.set_pin(store, "2468")
    dialog = CommissionDialog(demo_ctx)
    qtbot.addWidget(dialog)
    sp = next(iter(dialog.sp_edits))
    cat = next(iter(dialog.cat_edits))
    dialog.sp_edits[sp].setText("2.5")
    dialog.cat_edits[cat].setText("1")
    _typed(monkeypatch, ("2468", True))
    assert dialog.save()
    after_rates = {(sp, 0): 250, (0, cat): 100}
    assert store_insight.commission_rates(store) == after_rates
    earned = {c.salesperson_id: c.commission for c in
              insight.commissions(store, MONTH, DEMO_TODAY)}
    raw = sum(_category_revenue(store, MONTH).values())
    assert earned[sp] is not None and 0 < earned[sp] <= raw
    stack = demo_ctx.undo_stack
    assert stack.count() == 1 and stack.undoText() == "Change commission rates"

    _typed(monkeypatch, ("", False))  # undoing the owner's change asks for the PIN again
    assert not demo_ctx.undo()
    assert store_insight.commission_rates(store) == after_rates
    _typed(monkeypatch, ("2468", True))
    assert demo_ctx.undo()
    assert store_insight.commission_rates(store) == {}
    assert sp not in {c.salesperson_id for c in insight.commissions(store, MONTH, DEMO_TODAY)
                      if c.commission is not None}
    assert demo_ctx.redo()
    assert store_insight.commission_rates(store) == after_rates
    assert {c.salesperson_id: c.commission for c in
            insight.commissions(store, MONTH, DEMO_TODAY)}[sp] == earned[sp]
    # the undo and redo are in the change history too
    changes = store.scalar("SELECT COUNT(*) FROM change_history WHERE subject LIKE 'commission%'")
    assert changes == 6  # two rates: save, undo, redo


def test_an_unchanged_save_puts_nothing_on_the_stack(qtbot, demo_ctx):
    from kpidesk.ui.dialogs.commission import CommissionDialog

    dialog = CommissionDialog(demo_ctx)
    qtbot.addWidget(dialog)
    assert dialog.save()
    assert demo_ctx.undo_stack.count() == 0


# -- calendar marks ------------------------------------------------------------------------
def test_marking_a_day_closed_undoes_and_redoes(qtbot, demo_ctx, monkeypatch):
    from kpidesk.ui.dialogs.calendar import CalendarDialog

    store = demo_ctx.store
    dialog = CalendarDialog(demo_ctx)
    qtbot.addWidget(dialog)
    before_left = pacing.pacing(store, MONTH, DEMO_TODAY).open_days_left
    before_weights = pacing.day_weights(store, MONTH)
    dialog.day_edit.setText("28/11/2026")
    dialog.kind_combo.setCurrentIndex(0)  # closed
    dialog.note_edit.setText("stock count")
    assert dialog.mark()
    assert pacing.pacing(store, MONTH, DEMO_TODAY).open_days_left == before_left - 1
    assert pacing.day_weights(store, MONTH)[27] == 0
    # marked again as special: a second step, undone back to "closed"
    dialog.kind_combo.setCurrentIndex(1)
    dialog.note_edit.setText("sale day")
    assert dialog.mark()
    assert demo_ctx.undo_stack.undoText() == (
        f"Mark {fmt.current().date('2026-11-28')} in the shop calendar")
    assert demo_ctx.undo()
    assert store_insight.shop_days(store, "2026-11-28", "2026-11-28")[0].kind == "closed"
    assert store_insight.shop_days(store, "2026-11-28", "2026-11-28")[0].note == "stock count"
    assert demo_ctx.undo()
    assert store_insight.shop_days(store, "2026-11-28", "2026-11-28") == []
    assert pacing.pacing(store, MONTH, DEMO_TODAY).open_days_left == before_left
    assert pacing.day_weights(store, MONTH) == before_weights
    assert demo_ctx.redo()
    assert pacing.pacing(store, MONTH, DEMO_TODAY).open_days_left == before_left - 1
    # with a PIN: the mark and its undo are the owner's
    security.set_pin(store, "2468")
    _typed(monkeypatch, ("", False))
    assert not demo_ctx.undo()
    assert store_insight.closed_days(store, "2026-11-28", "2026-11-28") == {"2026-11-28"}
    _typed(monkeypatch, ("2468", True))
    assert demo_ctx.undo()
    assert store_insight.closed_days(store, "2026-11-28", "2026-11-28") == set()


def test_pacing_choice_undoes_and_the_expected_figure_comes_back(qtbot, demo_ctx):
    from kpidesk.ui.dialogs.calendar import CalendarDialog

    store = demo_ctx.store
    target = 1_000_000
    by_calendar = pacing.pacing(store, MONTH, DEMO_TODAY, target=target).expected_to_date
    dialog = CalendarDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.pacing_combo.setCurrentIndex(1)  # evenly over the open days
    assert store.setting("pacing") == "even"
    evenly = pacing.pacing(store, MONTH, DEMO_TODAY, target=target).expected_to_date
    assert evenly != by_calendar
    assert demo_ctx.undo_stack.undoText() == "Change how the month's target is paced"
    assert demo_ctx.undo()
    assert store.setting("pacing") == "calendar"
    assert pacing.pacing(store, MONTH, DEMO_TODAY, target=target).expected_to_date == \
        by_calendar
    assert demo_ctx.redo()
    assert pacing.pacing(store, MONTH, DEMO_TODAY, target=target).expected_to_date == evenly


# -- the accepted proposal ------------------------------------------------------------------
def test_accepted_proposal_undoes_and_redoes(qtbot, demo_ctx):
    from kpidesk.ui.insight.proposal import ProposalDialog

    store = demo_ctx.store
    dialog = ProposalDialog(demo_ctx, 2027)
    qtbot.addWidget(dialog)
    assert dialog.accept_proposal()
    wanted = {p.period: p.value for p in dialog.proposal}
    assert {m: get_target(store, m, "revenue")[0] for m in wanted} == wanted
    assert demo_ctx.undo()
    assert all(get_target(store, m, "revenue") is None for m in wanted)
    assert demo_ctx.redo()
    assert {m: get_target(store, m, "revenue")[0] for m in wanted} == wanted


# -- the Targets grid's categories view -----------------------------------------------------
@pytest.fixture
def tab(qtbot, demo_ctx):
    widget = TargetsTab(demo_ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 740)
    widget.show()
    widget.view_combo.setCurrentIndex(widget.view_combo.findData("categories"))
    return widget


def test_categories_view_shows_each_category_and_its_actual(tab, demo_ctx):
    store = demo_ctx.store
    model = tab.model
    assert tab.is_categories() and tab.view.model() is model
    names = [name for _id, name in reference.list_named(store, "categories")]
    assert [model.headerData(c, Qt.Orientation.Horizontal)
            for c in range(model.columnCount())] == names
    assert not tab.measure_combo.isEnabled()  # category targets are of revenue
    raw = _category_revenue(store, "2026-10")
    assert sum(raw.values()) > 0
    for column, (cat, _name) in enumerate(model.columns):  # October's actual under each target
        assert (model.index(9, column).data(ACTUAL_ROLE) or 0) == raw.get(cat, 0)
    # the choice is remembered
    assert demo_ctx.settings.value("targets/view") == "categories"


def test_category_cell_typed_by_keyboard_then_undo_redo(qtbot, tab, demo_ctx):
    store = demo_ctx.store
    cat = tab.model.columns[0][0]
    index = tab.model.index(11, 0)  # December
    tab.view.setFocus()
    tab.view.setCurrentIndex(index)
    qtbot.keyClicks(tab.view, "2")  # a key opens the cell's editor (as in a spreadsheet)
    editor = QApplication.focusWidget()
    assert editor is not tab.view
    qtbot.keyClicks(editor, ",500")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: bool(store_insight.category_targets(store, "2026-12", "2026-12")))
    assert store_insight.category_targets(store, "2026-12", "2026-12") == {
        ("2026-12", cat): (250000, "USD")}
    assert index.data() == "$2,500.00"
    assert demo_ctx.undo_stack.undoText() == "Set target"
    assert demo_ctx.undo()
    assert store_insight.category_targets(store, "2026-12", "2026-12") == {}
    assert demo_ctx.redo()
    assert store_insight.category_targets(store, "2026-12", "2026-12") == {
        ("2026-12", cat): (250000, "USD")}
    # Delete removes the selected targets (one step), undone
    tab.view.selectionModel().select(index, tab.view.selectionModel().SelectionFlag.Select)
    tab.clear_selection()
    assert store_insight.category_targets(store, "2026-12", "2026-12") == {}
    assert demo_ctx.undo()
    assert store_insight.category_targets(store, "2026-12", "2026-12") != {}


def test_paste_a_block_into_the_categories_is_one_undo_step(tab, demo_ctx):
    store = demo_ctx.store
    cats = [c for c, _ in tab.model.columns][:2]
    assert len(cats) == 2
    tab.view.setCurrentIndex(tab.model.index(0, 0))  # January, first category
    assert tab.paste("1,000\t2,000\r\n1,500\t\n") == 4
    got = store_insight.category_targets(store, "2026-01", "2026-02")
    assert got == {("2026-01", cats[0]): (100000, "USD"), ("2026-01", cats[1]): (200000, "USD"),
                   ("2026-02", cats[0]): (150000, "USD")}
    assert demo_ctx.undo_stack.undoText() == "Paste targets"
    assert demo_ctx.undo()
    assert store_insight.category_targets(store, "2026-01", "2026-02") == {}
    # a cell that is not a number: nothing written
    assert tab.paste("1,000\tabc") == 0
    assert "abc" in tab.status_label.text()
    assert store_insight.category_targets(store, "2026-01", "2026-02") == {}
    # copied cells paste back the same
    assert demo_ctx.redo()
    # the year's line: the targets of every category and month, and the actuals of those
    targets = store_insight.category_targets(store, "2026-01", "2026-12")
    actual = sum(_category_revenue(store, m).get(c, 0) for m, c in targets
                 if m <= f"{DEMO_TODAY:%Y-%m}")
    total = sum(v for v, _cur in targets.values())
    f = fmt.current()
    assert tab.total_label.text() == (
        f"Year 2026, all categories: target {f.figure(total, 'USD')}, actual so far "
        f"{f.figure(actual, 'USD')} ({f.percent(actual / total)})")
    tab.view.selectAll()
    text = tab.copy()
    assert text.splitlines()[0].split("\t")[:2] == ["1000.00", "2000.00"]
    assert QApplication.clipboard().text() == text
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    tab.set_year(2027)
    tab.view.setCurrentIndex(tab.model.index(0, 0))
    assert tab.paste() == 12 * tab.model.columnCount()  # Ctrl+V reads the clipboard
    moved = store_insight.category_targets(store, "2027-01", "2027-12")
    assert {(m.replace("2027", "2026"), c): v for (m, c), v in moved.items()} == \
        store_insight.category_targets(store, "2026-01", "2026-12")


def test_spread_and_copy_last_year_in_the_categories_view(qtbot, tab, demo_ctx):
    store = demo_ctx.store
    cat = tab.model.columns[0][0]
    tab.set_year(2027)
    dialog = tab.open_spread_dialog()
    dialog.total.setText("12,000")
    dialog.accept()
    values = store_insight.category_targets(store, "2027-01", "2027-12")
    assert sum(v for (_m, c), (v, _cur) in values.items() if c == cat) == 1_200_000
    assert len(values) == 12
    assert demo_ctx.undo()
    assert store_insight.category_targets(store, "2027-01", "2027-12") == {}
    assert demo_ctx.redo()
    tab.set_year(2028)
    assert tab.copy_last_year() == 12
    copied = store_insight.category_targets(store, "2028-01", "2028-12")
    assert {(m.replace("2028", "2027"), c): v for (m, c), v in copied.items()} == values
    assert demo_ctx.undo()
    assert store_insight.category_targets(store, "2028-01", "2028-12") == {}


def test_switching_back_shows_the_salespeople(tab, demo_ctx):
    tab.view_combo.setCurrentIndex(tab.view_combo.findData("people"))
    assert not tab.is_categories() and tab.view.model() is tab.people_model
    assert tab.model.headerData(0, Qt.Orientation.Horizontal) == "Shop"
    assert tab.measure_combo.isEnabled()
    tab.view.setCurrentIndex(tab.model.index(3, 0))  # April: the hint follows the grid
    assert "Khmer New Year" in tab.holiday_hint.text()


def test_targets_tab_in_khmer_has_unique_access_keys(tab, demo_ctx):
    demo_ctx.language.set_language("km")
    assert tab.view_combo.itemText(1) != "Product categories"
    dupes = {k: v for k, v in keys_of(tab).items() if len(v) > 1}
    assert not dupes


# -- undo texts follow the language -------------------------------------------------------
def test_undo_texts_follow_the_language(qtbot, main_window, demo_ctx):
    from kpidesk.ui.commands.imports import push_import

    store = demo_ctx.store
    tab = TargetsTab(demo_ctx)
    qtbot.addWidget(tab)
    sp = int(store.scalar("SELECT id FROM salespeople WHERE active = 1 ORDER BY id"))
    assert tab.model.setData(tab.model.index(11, tab.model.column_of(sp)), "1,000")
    push_import(demo_ctx, 0, "x.csv")
    stack = demo_ctx.undo_stack
    assert stack.undoText() == "Import x.csv"
    assert stack.text(0) == "Set target"
    demo_ctx.language.set_language("km")
    khmer_import = QCoreApplication.translate("UndoImport", "Import %1").replace("%1", "x.csv")
    assert khmer_import != "Import x.csv"
    assert stack.undoText() == khmer_import
    assert stack.text(0) == QCoreApplication.translate("TargetsModel", "Set target")
    assert stack.text(0) != "Set target"
    assert khmer_import in main_window.undo_action.text()
    demo_ctx.language.set_language("en")
    assert stack.undoText() == "Import x.csv" and stack.text(0) == "Set target"
    assert "Import x.csv" in main_window.undo_action.text()


def test_categories_view_of_a_shop_without_categories(qtbot, ctx):
    widget = TargetsTab(ctx)
    qtbot.addWidget(widget)
    widget.show()
    widget.view_combo.setCurrentIndex(widget.view_combo.findData("categories"))
    assert widget.model.columnCount() == 0
    assert not widget.spread_button.isEnabled()
    assert "Settings" in widget.hint_label.text()
    widget.apply_spread(None, [100] * 12)  # nothing to spread over: nothing written
    assert store_insight.category_targets(ctx.store, "2000-01", "2999-12") == {}
    assert ctx.undo_stack.count() == 0
    cat = reference.add_named(ctx.store, "categories", "Phones")
    assert widget.model.columnCount() == 1 and widget.spread_button.isEnabled()
    widget.apply_spread(cat, [100] * 12)
    assert len(store_insight.category_targets(ctx.store, "2000-01", "2999-12")) == 12
