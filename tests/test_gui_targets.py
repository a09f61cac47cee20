"""The Targets tab: the grid edits stored targets, with undo; spread and copy a year."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from kpidesk.store.targets import get_target, set_target
from kpidesk.ui.models.targets_model import ACTUAL_ROLE, TargetsModel
from kpidesk.ui.tabs.targets import TargetsTab


@pytest.fixture
def tab(qtbot, demo_ctx):
    widget = TargetsTab(demo_ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 740)
    widget.show()
    return widget


def _cell(tab: TargetsTab, month: int, salesperson_id: int | None):
    return tab.model.index(month - 1, tab.model.column_of(salesperson_id))


def _first_salesperson(ctx) -> int:
    return int(ctx.store.scalar("SELECT id FROM salespeople WHERE active = 1 ORDER BY id"))


def test_model_passes_qtmodeltester(qtmodeltester, demo_ctx):
    model = TargetsModel(demo_ctx.store, demo_ctx.undo_stack, demo_ctx.today())
    qtmodeltester.check(model)
    model.set_measure("new_customers")
    qtmodeltester.check(model)


def test_grid_shape_and_values(tab, demo_ctx):
    model = tab.model
    active = demo_ctx.store.scalar("SELECT COUNT(*) FROM salespeople WHERE active = 1")
    assert model.rowCount() == 12
    assert model.columnCount() == 1 + active
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Shop"
    assert model.headerData(10, Qt.Orientation.Vertical) == "November"
    stored = get_target(demo_ctx.store, "2026-11", "revenue")
    assert stored is not None
    index = _cell(tab, 11, None)
    assert index.data() == f"${stored[0] / 100:,.2f}"
    # the month's actual sits beside the target
    actual = demo_ctx.store.scalar(
        "SELECT SUM(revenue_usd) FROM daily_revenue WHERE day LIKE '2026-11-%'")
    assert index.data(ACTUAL_ROLE) == actual
    assert "Actual:" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_edit_cell_with_grouping_and_khmer_digits_then_undo(tab, demo_ctx):
    sp = _first_salesperson(demo_ctx)
    old = get_target(demo_ctx.store, "2026-12", "revenue", sp)
    index = _cell(tab, 12, sp)
    assert tab.model.setData(index, "1,250.50")
    assert get_target(demo_ctx.store, "2026-12", "revenue", sp) == (125050, "USD")
    assert index.data() == "$1,250.50"
    assert tab.model.setData(index, "១២៥០")
    assert get_target(demo_ctx.store, "2026-12", "revenue", sp) == (125000, "USD")
    demo_ctx.undo_stack.undo()
    assert get_target(demo_ctx.store, "2026-12", "revenue", sp) == (125050, "USD")
    demo_ctx.undo_stack.undo()
    assert get_target(demo_ctx.store, "2026-12", "revenue", sp) == old
    assert tab.model.data(index) == ("" if old is None else tab.model.format_value(*old))
    demo_ctx.undo_stack.redo()
    assert get_target(demo_ctx.store, "2026-12", "revenue", sp) == (125050, "USD")


def test_bad_value_is_refused_with_a_message(tab, demo_ctx):
    index = _cell(tab, 12, None)
    before = get_target(demo_ctx.store, "2026-12", "revenue")
    count = demo_ctx.undo_stack.count()
    for bad in ("abc", "-5", "12..3"):
        assert not tab.model.setData(index, bad)
        assert get_target(demo_ctx.store, "2026-12", "revenue") == before
        assert "not a valid amount" in tab.status_label.text()
    assert demo_ctx.undo_stack.count() == count


def test_clearing_a_cell_removes_the_target(tab, demo_ctx):
    sp = _first_salesperson(demo_ctx)
    assert get_target(demo_ctx.store, "2026-11", "revenue", sp) is not None
    index = _cell(tab, 11, sp)
    assert tab.model.setData(index, "")
    assert get_target(demo_ctx.store, "2026-11", "revenue", sp) is None
    assert index.data() == ""
    demo_ctx.undo_stack.undo()
    assert get_target(demo_ctx.store, "2026-11", "revenue", sp) is not None


def test_type_into_the_view_editor(qtbot, tab, demo_ctx):
    index = _cell(tab, 12, None)
    tab.view.setCurrentIndex(index)
    tab.view.setFocus()
    tab.view.edit(index)
    editors = tab.view.viewport().findChildren(QLineEdit)
    assert len(editors) == 1
    editor = editors[0]
    editor.selectAll()
    qtbot.keyClicks(editor, "15,000")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits in a queued call
    qtbot.waitUntil(lambda: get_target(demo_ctx.store, "2026-12", "revenue") is not None)
    assert tab.status_label.text() == "Target saved."
    assert get_target(demo_ctx.store, "2026-12", "revenue") == (1_500_000, "USD")


def test_shop_cell_without_target_shows_the_salespeople_sum(tab, demo_ctx):
    store = demo_ctx.store
    set_target(store, "2026-12", "revenue", None)
    sps = [r[0] for r in store.query("SELECT id FROM salespeople WHERE active = 1")]
    for i, sp in enumerate(sps):
        set_target(store, "2026-12", "revenue", 100_00 * (i + 1), sp)
    index = _cell(tab, 12, None)
    total = sum(100_00 * (i + 1) for i in range(len(sps)))
    assert index.data() == f"${total / 100:,.2f}"
    assert index.data(Qt.ItemDataRole.FontRole).italic()


def test_count_measures_take_whole_numbers(tab, demo_ctx):
    tab.set_measure("new_customers")
    assert tab.model.measure == "new_customers"
    index = _cell(tab, 12, None)
    assert not tab.model.setData(index, "2.5")
    assert tab.model.setData(index, "៤០")
    assert get_target(demo_ctx.store, "2026-12", "new_customers") == (40, None)
    assert index.data() == "40"


def test_spread_yearly_equal(qtbot, tab, demo_ctx):
    tab.set_year(2027)
    assert all(tab.model.data(tab.model.index(r, 0)) == "" for r in range(12))
    dialog = tab.open_spread_dialog()
    assert dialog.total.text() == ""  # 2027 has no targets to start from
    # a full year of history: the months start with last year's shares (KPI.md §2b)
    assert dialog.last_year_button is not None
    assert dialog.percents[0].text() != dialog.percents[1].text()
    dialog.set_equal()
    dialog.total.setText("12,000.01")
    assert dialog.previews[0].text() == "$1,000.00"
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    values = [get_target(demo_ctx.store, f"2027-{m:02d}", "revenue") for m in range(1, 13)]
    assert all(v is not None for v in values)
    assert sum(v[0] for v in values) == 1_200_001
    assert max(v[0] for v in values) - min(v[0] for v in values) <= 1
    assert "target $12,000.01" in tab.total_label.text()
    # editable month by month afterwards, and one undo step removes the spread
    assert tab.model.setData(tab.model.index(0, 0), "500")
    assert get_target(demo_ctx.store, "2027-01", "revenue") == (50_000, "USD")
    demo_ctx.undo_stack.undo()
    demo_ctx.undo_stack.undo()
    assert all(get_target(demo_ctx.store, f"2027-{m:02d}", "revenue") is None
               for m in range(1, 13))


def test_spread_with_percentages_for_a_salesperson(tab, demo_ctx):
    tab.set_year(2027)
    sp = _first_salesperson(demo_ctx)
    dialog = tab.open_spread_dialog()
    dialog.scope.setCurrentIndex(dialog.scope.findData(sp))
    dialog.total.setText("1000")
    for i, edit in enumerate(dialog.percents):
        edit.setText("50" if i == 0 else "0" if i < 11 else "50")
    dialog.accept()
    assert get_target(demo_ctx.store, "2027-01", "revenue", sp) == (50_000, "USD")
    assert get_target(demo_ctx.store, "2027-06", "revenue", sp) == (0, "USD")
    assert get_target(demo_ctx.store, "2027-12", "revenue", sp) == (50_000, "USD")
    assert get_target(demo_ctx.store, "2027-01", "revenue") is None


def test_spread_refuses_a_bad_total(tab, demo_ctx):
    tab.set_year(2027)
    dialog = tab.open_spread_dialog()
    dialog.total.setText("lots")
    dialog.accept()
    assert dialog.isVisible()
    assert dialog.error_label.text()
    assert get_target(demo_ctx.store, "2027-01", "revenue") is None
    dialog.reject()


def test_copy_last_year(tab, demo_ctx):
    store = demo_ctx.store
    tab.set_year(2027)
    source = {(r[0][5:], r[1], r[2]): r[3] for r in store.conn.execute(
        "SELECT period, measure, salesperson_id, value FROM targets WHERE period LIKE '2026-%'")}
    assert tab.copy_last_year() == len(source)
    copied = {(r[0][5:], r[1], r[2]): r[3] for r in store.conn.execute(
        "SELECT period, measure, salesperson_id, value FROM targets WHERE period LIKE '2027-%'")}
    assert copied == source
    assert tab.model.data(tab.model.index(10, 0)) == tab.model.format_value(
        source[("11", "revenue", None)])
    demo_ctx.undo_stack.undo()
    assert store.scalar("SELECT COUNT(*) FROM targets WHERE period LIKE '2027-%'") == 0
    demo_ctx.undo_stack.redo()
    assert store.scalar("SELECT COUNT(*) FROM targets WHERE period LIKE '2027-%'") == len(source)


def test_khmer_headers_and_digits(tab, demo_ctx):
    demo_ctx.language.set_language("km")
    assert tab.model.headerData(0, Qt.Orientation.Vertical) == "មករា"
    assert tab.year_combo.currentText() == "២០២៦"
    # dollars keep Latin digits unless the user asks for Khmer ones
    assert tab.model.index(10, 0).data().startswith("$1")
    from dataclasses import replace

    demo_ctx.language.set_number_style(replace(demo_ctx.language.style, latin_dollars=False))
    assert "១" in tab.model.index(10, 0).data()


def test_year_total_and_spread_prefill(tab, demo_ctx):
    store = demo_ctx.store
    months = [get_target(store, f"2026-{m:02d}", "revenue") for m in range(1, 13)]
    stored = sum(v[0] for v in months if v)
    actual = store.scalar("SELECT SUM(revenue_usd) FROM daily_revenue WHERE day LIKE '2026-%'")
    text = tab.total_label.text()
    assert text.startswith("Year 2026")
    assert f"${stored / 100:,.2f}" in text and f"${actual / 100:,.2f}" in text
    dialog = tab.open_spread_dialog()
    assert fmt_plain(dialog.total.text()) == stored
    dialog.reject()


def fmt_plain(text: str) -> int:
    from kpidesk.i18n.format import parse_money

    return parse_money(text, "USD")


def test_delete_clears_the_selected_cells_in_one_undo_step(tab, demo_ctx):
    store = demo_ctx.store
    sp = _first_salesperson(demo_ctx)
    before = [get_target(store, f"2026-{m:02d}", "revenue", sp) for m in (1, 2, 3)]
    assert all(v is not None for v in before)
    selection = tab.view.selectionModel()
    for m in (1, 2, 3):
        selection.select(_cell(tab, m, sp), selection.SelectionFlag.Select)
    tab.clear_selection()
    assert [get_target(store, f"2026-{m:02d}", "revenue", sp) for m in (1, 2, 3)] == [None] * 3
    demo_ctx.undo_stack.undo()
    assert [get_target(store, f"2026-{m:02d}", "revenue", sp) for m in (1, 2, 3)] == before


def test_copy_over_a_year_with_targets_and_undo(tab, demo_ctx):
    store = demo_ctx.store

    def year(y):
        return sorted(tuple(r) for r in store.conn.execute(
            "SELECT period, measure, IFNULL(salesperson_id, 0), value FROM targets"
            " WHERE period LIKE ?", (f"{y}-%",)))

    original = year(2026)
    tab.copy_last_year()
    assert {(p[5:], m, s, v) for p, m, s, v in year(2025)} <= {
        (p[5:], m, s, v) for p, m, s, v in year(2026)}
    demo_ctx.undo_stack.undo()
    assert year(2026) == original
