"""The receipt form typed by keyboard alone, the refund action and the Analysis tab,
driven like a user; figures checked against sums of the raw rows."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kpidesk.store import receipts, reference
from kpidesk.store.sales import get_order
from kpidesk.ui.tabs.analysis import AnalysisTab
from tests.test_analysis import raw_breakdown


@pytest.fixture
def shop(ctx):
    store = ctx.store
    cat = reference.add_named(store, "categories", "Phones")
    ids = {name: reference.add_named(store, "products", name, category_id=cat)
           for name in ("Phone", "Case", "Charger")}
    receipts.set_product_price(store, ids["Phone"], unit_price=15000, unit_cost=12000)
    receipts.set_product_price(store, ids["Case"], unit_price=500, unit_cost=150)
    receipts.set_product_price(store, ids["Charger"], unit_price=900, unit_cost=None)
    return ids


def test_refund_action_from_the_sales_table(qtbot, ctx, shop):
    from kpidesk.store.sales import LineInput, OrderInput, add_order
    from kpidesk.ui.tabs.sales import SalesTab

    sale = add_order(ctx.store, OrderInput(date="2026-11-20", lines=[
        LineInput(amount=1000, product_id=shop["Case"], quantity=2, unit_price=500)]))
    tab = SalesTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.table.selectRow(0)
    with qtbot.waitActive(tab):
        tab.activateWindow()
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    dialog = tab.refund_dialog
    assert dialog is not None and dialog.quantities() == {1: 2}  # all of it, to start with
    qtbot.keyClick(dialog.spins[0], Qt.Key.Key_Return)
    assert receipts.refunds_of(ctx.store, sale)
    refund = get_order(ctx.store, receipts.refunds_of(ctx.store, sale)[0])
    assert (refund.date, refund.lines[0].amount, refund.lines[0].quantity) == (
        "2026-11-26", -1000, -2)


@pytest.fixture
def analysis_tab(qtbot, demo_ctx):
    tab = AnalysisTab(demo_ctx)
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    return tab


def test_analysis_tab_shows_each_breakdown_from_the_raw_rows(analysis_tab):
    tab = analysis_tab
    tab.period_combo.setCurrentIndex(tab.period_combo.findData("2026-10"))
    tab.compare_combo.setCurrentIndex(tab.compare_combo.findData("none"))
    conn = tab.ctx.store.conn
    for by in ("payment", "category", "hour", "weekday"):
        tab.by_combo.setCurrentIndex(tab.by_combo.findData(by))
        expected = raw_breakdown(conn, by, "2026-10-01", "2026-10-31")
        shown = {row.key: row.revenue for row in tab.model.rows}
        assert shown == {k: v[0] for k, v in expected.items()}
        assert tab.proxy.rowCount() == len(expected)
    assert tab.bars is not None


def test_analysis_row_click_lists_its_sale_lines(analysis_tab, qtbot):
    tab = analysis_tab
    tab.period_combo.setCurrentIndex(tab.period_combo.findData("2026-10"))
    tab.by_combo.setCurrentIndex(tab.by_combo.findData("product"))
    tab.table.selectRow(0)
    top = tab.model.row_at(tab.proxy.mapToSource(tab.table.currentIndex()).row())
    assert top.revenue == max(r.revenue for r in tab.model.rows)  # largest first
    assert tab.lines_model.rowCount() > 0
    assert sum(line.amount for line in tab.lines_model.rows) == top.revenue


def test_analysis_choices_are_remembered(qtbot, demo_ctx):
    first = AnalysisTab(demo_ctx)
    qtbot.addWidget(first)
    first.kind_combo.setCurrentIndex(first.kind_combo.findData("quarter"))
    first.by_combo.setCurrentIndex(first.by_combo.findData("hour"))
    first.compare_combo.setCurrentIndex(first.compare_combo.findData("year_before"))
    again = AnalysisTab(demo_ctx)
    qtbot.addWidget(again)
    assert (again.kind_combo.currentData(), again.by_combo.currentData(),
            again.compare_combo.currentData()) == ("quarter", "hour", "year_before")
    assert again.result is not None and again.result.period.key.count("Q") == 1


def test_analysis_tab_in_the_main_window(main_window, qtbot):
    tab = main_window.show_tab("analysis")
    tab.open_analysis("day", "2026-11")
    assert tab.by_combo.currentData() == "day"
    assert tab.result.upto.isoformat() == "2026-11-26"
    assert all(row.key <= "2026-11-26" for row in tab.model.rows)


def test_settings_pages_for_payment_methods_and_prices(qtbot, ctx, shop):
    from kpidesk.ui.settings import SettingsTab

    tab = SettingsTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    methods = tab.receipt_settings["payment_methods"]
    methods.name_edit.setText("Wing")
    methods.add()
    assert "Wing" in [m.name for m in receipts.payment_methods(ctx.store)]
    prices = tab.receipt_settings["prices"]
    row = next(i for i, r in enumerate(prices.model.rows) if r[0] == shop["Charger"])
    prices.view.selectRow(row)
    prices.cost_edit.setText("6.50")
    prices.save()
    assert receipts.product_price(ctx.store, shop["Charger"]).unit_cost == 650
    assert receipts.product_price(ctx.store, shop["Charger"]).unit_price == 900


def test_dashboard_revenue_card_opens_the_analysis_by_day(main_window, qtbot):
    dashboard = main_window.show_tab("dashboard")
    card = dashboard.sales_cards["revenue"]
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    tab = main_window.current_page()
    assert isinstance(tab, AnalysisTab)
    assert tab.by_combo.currentData() == "day"
    assert tab.period_combo.currentData() == dashboard.month
    basket = [c for c in range(tab.model.columnCount())
              if tab.model.headerData(c, Qt.Orientation.Horizontal) == "Per order"][0]
    i, row = next((i, r) for i, r in enumerate(tab.model.rows) if r.orders)
    assert tab.model.index(i, basket).data() == f"${round(row.revenue / row.orders) / 100:,.2f}"


def test_dashboard_gross_profit_card_and_its_analysis(main_window, qtbot):
    from kpidesk.metrics import analysis as metrics

    dashboard = main_window.show_tab("dashboard")
    card = dashboard.sales_cards["gross_profit"]
    conn = dashboard.ctx.store.conn
    expected = sum(v[3] or 0 for v in raw_breakdown(conn, "product", "2026-11-01",
                                                       "2026-11-26").values())
    totals = metrics.period_totals(dashboard.ctx.store, "2026-11", "2026-11-26")
    assert totals.gross_profit == expected  # the demo has no daily totals: products = all
    assert card.value() == f"${expected / 100:,.2f}"
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    tab = main_window.current_page()
    assert tab.by_combo.currentData() == "product"


def test_editing_a_receipt_in_the_one_line_form_keeps_its_details(qtbot, ctx, shop):
    from kpidesk.store.sales import LineInput, OrderInput, add_order
    from kpidesk.ui.tabs.sales import SalesTab

    pay = receipts.payment_methods(ctx.store)[2].id
    order_id = add_order(ctx.store, OrderInput(
        date="2026-11-26", time="10:20", payment_id=pay, lines=[
            LineInput(amount=14500, product_id=shop["Phone"], unit_price=15000,
                      discount=500, unit_cost=12000),
            LineInput(amount=1500, product_id=shop["Case"], quantity=3, unit_price=500,
                      unit_cost=150)]))
    tab = SalesTab(ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.edit_order(order_id)
    tab.note_edit.setText("checked")
    assert tab.save()
    order = get_order(ctx.store, order_id)
    assert (order.payment_id, order.time) == (pay, "10:20")
    assert [(x.unit_price, x.discount, x.unit_cost) for x in order.lines] == [
        (15000, 500, 12000), (500, 0, 150)]
