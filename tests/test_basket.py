"""Orders and basket by day (issue #18: the average order value card opens it), against
figures computed here from the receipts written; and the card that opens it."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from kpidesk.i18n import format as fmt
from kpidesk.metrics.basket import orders_and_basket
from kpidesk.store.money import div_half_even as half_even
from kpidesk.store.sales import LineInput, OrderInput, add_order

TODAY = date(2026, 11, 26)  # the ctx fixture's today
# (day, daily total?, its receipts, [(quantity, amount in cents)])
RECEIPTS = [
    ("2026-11-03", False, None, [(2, 1000), (1, 500)]),
    ("2026-11-03", False, None, [(1, 701)]),
    ("2026-11-03", False, None, [(-1, -500)]),  # a refund receipt: not an order
    ("2026-11-04", True, 4, [(1, 5000)]),  # a daily total: 4 receipts, no items
    ("2026-11-04", False, None, [(5, 2000)]),
    ("2026-11-05", True, None, [(1, 3000)]),  # no receipts count: no orders
    ("2026-11-09", False, None, [(3, 999), (2, 0)]),
    ("2026-11-28", False, None, [(1, 100)]),  # after today: in no figure
]


@pytest.fixture
def receipts(store):
    for day, daily, count, lines in RECEIPTS:
        add_order(store, OrderInput(date=day, is_daily_total=daily, receipts=count,
                                    lines=[LineInput(amount=a, quantity=q) for q, a in lines]))
    return store


def expected_days() -> dict[str, tuple]:
    """{day: (orders, revenue, basket, items, items per order)} from RECEIPTS."""
    out = {}
    for day in sorted({r[0] for r in RECEIPTS if r[0] <= TODAY.isoformat()}):
        these = [r for r in RECEIPTS if r[0] == day]
        revenue = sum(a for r in these for _q, a in r[3])
        orders = sum((r[2] or 0) if r[1] else int(sum(a for _q, a in r[3]) >= 0)
                     for r in these)
        receipt_orders = sum(int(sum(a for _q, a in r[3]) >= 0) for r in these if not r[1])
        items = sum(q for r in these if not r[1] for q, _a in r[3])
        out[day] = (orders, revenue, half_even(revenue, orders) if orders else None, items,
                    items / receipt_orders if receipt_orders else None)
    return out


def test_orders_and_basket_by_day_from_the_receipts(receipts):
    days = orders_and_basket(receipts, "2026-11", TODAY)
    got = {d.day: (d.orders, d.revenue, d.average_basket, d.items, d.items_per_order)
           for d in days}
    assert got == expected_days()
    assert got["2026-11-03"] == (2, 1701, 850, 3, 1.5)  # 850.5 → 850, half to even
    assert got["2026-11-04"][4] == 5.0  # the daily total's receipts carry no items
    assert got["2026-11-05"][2] is None and got["2026-11-05"][4] is None
    assert orders_and_basket(receipts, "2026-12", TODAY) == []  # not started


def test_average_order_value_card_opens_orders_and_basket(qtbot, ctx, receipts):
    from kpidesk.ui.main_window import MainWindow
    from kpidesk.ui.tabs.analysis import AnalysisTab

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    dashboard = window.show_tab("dashboard")
    dashboard.show_first_steps(False)  # a small shop: the cards are there anyway
    qtbot.mouseClick(dashboard.sales_cards["average_order_value"], Qt.MouseButton.LeftButton)
    tab = window.current_page()
    assert isinstance(tab, AnalysisTab)
    assert tab.by_combo.currentData() == "basket"
    assert tab.period_combo.currentData() == "2026-11"
    model = tab.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal)
               for c in range(model.columnCount())]
    assert headers == ["Name", "Orders", "Average basket", "Items per order", "Revenue"]
    f = fmt.current()
    expected = expected_days()
    shown = {}
    for r in range(tab.proxy.rowCount()):
        cells = [tab.proxy.index(r, c).data() for c in range(len(headers))]
        shown[cells[0]] = cells[1:]
    assert len(shown) == len(expected)
    for day, (orders, revenue, basket, _items, per_order) in expected.items():
        assert shown[f.date(day)] == [f.integer(orders), f.figure(basket, "USD"),
                                      f.decimal(per_order, 1), f.figure(revenue, "USD")]
    # the chart draws each day's basket; a row shows its sale lines
    assert list(tab.bars.opts["width"]) == [(b or 0) / 100 for (_o, _r, b, _i, _p)
                                            in expected.values()]
    # a comparison period adds no days of another month to the view
    tab.compare_combo.setCurrentIndex(tab.compare_combo.findData("previous"))
    assert tab.proxy.rowCount() == len(expected) and model.columnCount() == len(headers)
    tab.table.selectRow(0)
    assert tab.lines_model.rowCount() == 4  # 3 November: three receipts, four lines
    # Enter on the orders card opens the same view
    window.show_tab("dashboard")
    card = dashboard.sales_cards["orders"]
    card.setFocus()
    qtbot.keyClick(card, Qt.Key.Key_Return)
    assert window.current_page() is tab and tab.by_combo.currentData() == "basket"
