"""Honest figures on screen (issue 14): the Dashboard of an empty shop, of day 1 and of a
month not started, customer figures "so far" beside the month before, empty charts that
say why, targets shown in the reporting currency."""

from __future__ import annotations

from datetime import date

import pytest

from kpidesk.i18n import format as fmt
from kpidesk.metrics import customers
from kpidesk.store.sales import LineInput, OrderInput, add_order
from kpidesk.store.targets import set_target
from kpidesk.ui.dashboard.sales_page import PROJECTION_FROM_DAY
from kpidesk.ui.tabs.dashboard import DashboardTab


def _dash(qtbot, ctx):
    widget = DashboardTab(ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    widget.ensure_charts()
    return widget


@pytest.fixture
def dash(qtbot, demo_ctx):
    widget = _dash(qtbot, demo_ctx)
    yield widget
    widget.close()
    widget.deleteLater()
    qtbot.wait(1)


def test_an_empty_shop_shows_first_steps_instead_of_empty_charts(qtbot, ctx):
    dash = _dash(qtbot, ctx)
    steps = dash.first_steps
    assert steps.isVisible() and not dash.sales_split.isVisible()
    assert steps.done == {"shop_name": False, "currency": False, "first_sale": False,
                          "first_target": False}
    assert [steps.marks[k].text() for k in steps.marks] == ["○"] * 4
    ctx.store.set_setting("shop_name", "Sokha Phone Shop")
    set_target(ctx.store, "2026-11", "revenue", 500000)
    dash.refresh()
    assert steps.done["shop_name"] and steps.done["first_target"]
    assert not steps.done["first_sale"]
    shown = []
    dash.show_tab_requested.connect(shown.append)  # the tab where the step is done
    steps.buttons["first_sale"].click()
    assert shown == ["sales"]
    add_order(ctx.store, OrderInput(date="2026-11-20", lines=[LineInput(amount=1500)]))
    assert not steps.isVisible() and dash.sales_split.isVisible()
    # the growth chart has one month of sales: it says why it is empty
    assert "two months" in dash.growth_chart.empty_text()
    assert dash.revenue_chart.empty_text() == ""
    dash.pages.setCurrentIndex(2)
    assert "No open opportunities" in dash.stage_chart.empty_text()
    dash.close()
    dash.deleteLater()


@pytest.mark.parametrize("day", [1, 6, 7, 15, 30])
def test_the_run_rate_projection_is_drawn_from_day_7(qtbot, demo_ctx, day):
    demo_ctx.fixed_today = date(2026, 11, day)
    dash = _dash(qtbot, demo_ctx)
    chart = dash.revenue_chart
    if day < PROJECTION_FROM_DAY:
        assert chart.projection is None
    else:
        assert chart.projection == dash.last_refresh["attainment"].run_rate_projection
    # the card keeps the figure every day
    assert dash.sales_cards["run_rate_projection"].value() == fmt.current().money(
        dash.last_refresh["attainment"].run_rate_projection, "USD")
    # … and says how early a guess it is until the chart shows it
    early = "an early guess" in dash.sales_cards["run_rate_projection"].note()
    assert early == (day < PROJECTION_FROM_DAY)
    dash.close()
    dash.deleteLater()


def test_a_month_not_started_shows_no_figures(dash, demo_ctx):
    add_order(demo_ctx.store, OrderInput(date="2026-12-02", lines=[LineInput(amount=99000)]))
    dash.set_month("2026-12")
    cards = dash.sales_cards
    for key in ("revenue", "orders", "average_order_value", "growth_mom", "attainment", "pace",
                "run_rate_projection", "needed_per_day"):
        assert cards[key].value() == "—", key
    assert dash.state_label.text() == "This month has not started yet"
    dash.pages.setCurrentIndex(1)
    for key in ("retention", "churn", "active_customers", "new_customers", "crr"):
        assert dash.customer_cards[key].value() == "—", key
    assert "has not started" in dash.customer_period_label.text()


@pytest.mark.parametrize("day", [1, 15, 30])
def test_customer_figures_so_far_come_with_the_month_before_on_the_same_day(qtbot, demo_ctx,
                                                                            day):
    demo_ctx.fixed_today = date(2026, 11, day)
    dash = _dash(qtbot, demo_ctx)
    dash.pages.setCurrentIndex(1)
    kpis = customers.customer_kpis(demo_ctx.store, "2026-11", date(2026, 11, day))
    same = kpis["previous_same_day"]
    f = fmt.current()
    cards = dash.customer_cards
    assert cards["churn"].value() == f.percent(kpis["churn"])
    assert cards["churn"].note() == f"so far · {f.percent(same['churn'])} then"
    assert cards["active_customers"].note() == f"so far · {f.integer(same['active_customers'])} then"
    assert "(365 days)" in cards["loyal_customers"].title()
    assert "of customers of the last 365 days" in cards["loyal_customers"].note()  # formatted
    label = dash.customer_period_label.text()
    assert f"so far (day {day})" in label and "October 2026 on the same day" in label
    dash.close()
    dash.deleteLater()


def test_a_complete_month_has_no_so_far_notes(dash):
    dash.set_month("2026-10")
    dash.pages.setCurrentIndex(1)
    assert dash.customer_cards["churn"].note() == ""
    assert dash.customer_period_label.text() == "October 2026"


def test_orders_not_available_with_a_daily_total_without_receipts(dash, demo_ctx):
    add_order(demo_ctx.store, OrderInput(date="2026-11-20", is_daily_total=True,
                                         lines=[LineInput(amount=50000)]))
    cards = dash.sales_cards
    assert cards["orders"].value() == "—" and cards["average_order_value"].value() == "—"
    assert cards["orders"].note() == "a daily total has no receipts count"



def test_dollar_targets_in_a_riel_shop_are_compared_in_riel(qtbot, demo_ctx):
    from PySide6.QtCore import Qt

    from kpidesk.ui.models.targets_model import ACTUAL_ROLE, TARGET_ROLE
    from kpidesk.ui.tabs.targets import TargetsTab

    store = demo_ctx.store
    store.set_setting("reporting_currency", "KHR")
    tab = TargetsTab(demo_ctx)
    qtbot.addWidget(tab)
    tab.show()
    model = tab.model
    sp = int(store.scalar("SELECT id FROM salespeople WHERE active = 1 ORDER BY id"))
    value, currency = store.conn.execute(
        "SELECT value, currency FROM targets WHERE period = '2026-10' AND measure = 'revenue'"
        " AND salesperson_id = ?", (sp,)).fetchone()
    assert currency == "USD"  # the demo's targets are in dollars; the shop now counts riel
    riel = (value * store.default_rate + 50) // 100  # cents → riel (no half-riel here)
    index = model.index(9, model.column_of(sp))
    f = fmt.current()
    assert model.data(index) == f.money(value, "USD")  # the target keeps its currency
    assert model.data(index, TARGET_ROLE) == riel  # and is compared in riel
    actual = model.data(index, ACTUAL_ROLE)
    raw_actual = store.scalar(
        "SELECT SUM(l.amount_khr) FROM sale_lines l JOIN orders o ON o.id = l.order_id"
        " WHERE o.date LIKE '2026-10-%' AND o.salesperson_id = ?", (sp,))
    assert actual == raw_actual
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert f.money(riel, "KHR") in tip
    assert f"Attainment: {f.percent(actual / riel)}" in tip
    assert 0.3 < actual / riel < 3  # not 7,852 %
    tab.close()
