"""The Dashboard tab on the demo shop: cards equal the metrics, follow writes, months,
targets set in the Targets grid, languages; charts, the at-risk list and the models."""

from __future__ import annotations

import math

import pytest
from conftest import DEMO_TODAY
from PySide6.QtCore import QCoreApplication, QPointF, Qt, QTranslator
from PySide6.QtWidgets import QMainWindow, QWidget

from kpidesk.i18n import format as fmt
from kpidesk.metrics import growth, pacing, targets
from kpidesk.store.sales import LineInput, OrderInput, add_order
from kpidesk.ui.tabs.dashboard import DashboardTab
from kpidesk.ui.tabs.targets import TargetsTab

MONTH = "2026-11"


@pytest.fixture
def dash(qtbot, demo_ctx):
    widget = DashboardTab(demo_ctx)
    qtbot.addWidget(widget)
    widget.resize(1200, 740)
    widget.show()
    yield widget
    widget.close()
    widget.deleteLater()  # free the plots now, not in the interpreter's final GC
    qtbot.wait(1)


def _money(value):
    return fmt.current().money(value, "USD")


def test_revenue_card_equals_sales_summary(dash, demo_ctx):
    summary = growth.sales_summary(demo_ctx.store, MONTH, DEMO_TODAY)
    assert dash.month == MONTH
    assert dash.month_combo.currentText() == "November 2026"
    cards = dash.sales_cards
    assert summary.revenue > 0
    assert cards["revenue"].value() == _money(summary.revenue)
    assert cards["revenue"].note() == "month to date"
    assert cards["orders"].value() == f"{summary.orders:,}"
    assert cards["average_order_value"].value() == _money(summary.average_order_value)
    assert cards["growth_mom"].value() == fmt.current().percent(summary.growth_mom,
                                                               signed=True)
    assert "like-for-like" in cards["growth_yoy"].note()
    att = targets.attainment_summary(demo_ctx.store, MONTH, DEMO_TODAY)
    assert cards["target"].value() == _money(att.target)
    assert cards["attainment"].value() == fmt.current().percent(att.attainment)
    assert cards["run_rate_projection"].value() == _money(att.run_rate_projection)
    # pace and needed per day follow the shop calendar (KPI.md §2b)
    from kpidesk.metrics import pacing

    paced = pacing.pacing(demo_ctx.store, MONTH, DEMO_TODAY)
    assert cards["pace"].value() == fmt.current().percent(paced.pace)
    assert cards["needed_per_day"].value() == _money(paced.needed_per_day)
    chance = pacing.target_probability(demo_ctx.store, MONTH, DEMO_TODAY)
    assert cards["target_probability"].value() == fmt.current().percent(chance, places=0)


def test_a_new_sale_changes_the_cards(dash, demo_ctx):
    before = growth.sales_summary(demo_ctx.store, MONTH, DEMO_TODAY)
    add_order(demo_ctx.store, OrderInput(date="2026-11-20", lines=[LineInput(amount=123_45)]))
    assert dash.sales_cards["revenue"].value() == _money(before.revenue + 123_45)
    assert dash.sales_cards["orders"].value() == f"{before.orders + 1:,}"
    assert dash.revenue_chart.revenue[-1] == before.revenue + 123_45


def test_month_picker_moves_between_months(dash, demo_ctx):
    dash.prev_button.click()
    assert dash.month == "2026-10"
    summary = growth.sales_summary(demo_ctx.store, "2026-10", DEMO_TODAY)
    assert not summary.in_progress
    assert dash.sales_cards["revenue"].value() == _money(summary.revenue)
    assert dash.sales_cards["revenue"].note() == ""
    assert dash.sales_cards["needed_per_day"].value() == "—"
    assert dash.revenue_chart.months[-1] == "2026-10"
    assert len(dash.revenue_chart.months) == 24
    dash.month_combo.setCurrentIndex(dash.month_combo.findData("2025-06"))
    assert dash.month == "2025-06"
    june = growth.sales_summary(demo_ctx.store, "2025-06", DEMO_TODAY)
    assert dash.sales_cards["revenue"].value() == _money(june.revenue)
    dash.set_month(MONTH)
    assert not dash.next_button.isEnabled()


def test_target_set_in_the_targets_grid_shows_on_the_dashboard(qtbot, dash, demo_ctx):
    grid = TargetsTab(demo_ctx)
    qtbot.addWidget(grid)
    model = grid.model
    assert model.setData(model.index(10, 0), "20,000")
    assert dash.sales_cards["target"].value() == "$20,000.00"
    revenue = growth.sales_summary(demo_ctx.store, MONTH, DEMO_TODAY).revenue
    assert dash.sales_cards["attainment"].value() == fmt.current().percent(revenue / 2_000_000)
    assert dash.revenue_chart.targets[-1] == 2_000_000
    demo_ctx.undo_stack.undo()
    att = targets.attainment_summary(demo_ctx.store, MONTH, DEMO_TODAY)
    assert att.target != 2_000_000
    assert dash.sales_cards["target"].value() == _money(att.target)


def test_a_target_already_reached_says_so_beside_needed_per_day(qtbot, dash, demo_ctx):
    assert dash.sales_cards["needed_per_day"].note().endswith("days left")
    grid = TargetsTab(demo_ctx)
    qtbot.addWidget(grid)
    assert grid.model.setData(grid.model.index(10, 0), "1")  # $1: passed long ago
    paced = pacing.pacing(demo_ctx.store, MONTH, DEMO_TODAY)
    assert paced.needed_per_day < 0  # KPI.md: gap / days left, the gap below 0
    assert dash.sales_cards["needed_per_day"].value() == _money(paced.needed_per_day)
    assert dash.sales_cards["needed_per_day"].note() == "target already reached"


def test_no_target_shows_a_dash(dash, demo_ctx):
    from kpidesk.store.targets import set_target

    rows = demo_ctx.store.query("SELECT salesperson_id FROM targets"
                                " WHERE period = ? AND measure = 'revenue'", (MONTH,))
    for r in rows:
        set_target(demo_ctx.store, MONTH, "revenue", None, r["salesperson_id"])
    assert dash.sales_cards["target"].value() == "—"
    assert dash.sales_cards["attainment"].value() == "—"
    assert dash.sales_cards["pace"].value() == "—"
    assert dash.sales_cards["needed_per_day"].value() == "—"


def test_models_pass_qtmodeltester(qtmodeltester, dash):
    assert dash.attainment_model.rowCount() > 0
    qtmodeltester.check(dash.attainment_model)
    dash.pages.setCurrentIndex(1)
    assert dash.cohort_model.rowCount() == 24
    qtmodeltester.check(dash.cohort_model)
    qtmodeltester.check(dash.at_risk_model)


def test_salesperson_table_matches_metrics(dash, demo_ctx):
    rows = targets.salesperson_attainment(demo_ctx.store, MONTH, DEMO_TODAY)
    model = dash.attainment_model
    assert model.rowCount() == len(rows)
    assert model.index(0, 0).data() == rows[0].name
    assert model.index(0, 1).data() == _money(rows[0].actual)
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Attainment"


def test_charts_hover_and_forecast(qtbot, dash, demo_ctx):
    chart = dash.revenue_chart
    series = growth.revenue_series(demo_ctx.store, MONTH, 24)
    # the mouse over the 21st bar shows its month, revenue and target
    qtbot.waitExposed(dash)
    box = chart.getPlotItem().getViewBox()
    where = chart.mapFromScene(box.mapViewToScene(QPointF(20, series[20][1] / 100 / 2)))
    qtbot.mouseMove(chart.viewport(), where)
    qtbot.waitUntil(lambda: chart.hover_index == 20)
    text = chart.hover_text()
    assert "August 2026" in text  # 24 months end with November 2026
    assert _money(series[20][1]) in text
    forecast = dash.last_refresh.get("forecast")
    if forecast:  # the month in progress is forecast from the months before it
        assert forecast[0]["period"] == MONTH
        xs, ys = chart.forecast_line.getData()
        assert len(xs) == len(forecast) + 1
        assert math.isclose(ys[-1], forecast[-1]["value"] / 100)
        assert chart.band.isVisible()
        chart.show_hover(chart.count - 1)
        assert "Forecast" in chart.hover_text()
    # the month in progress: its bar so far and the run-rate projection outline
    att = targets.attainment_summary(demo_ctx.store, MONTH, DEMO_TODAY)
    assert chart.projection == att.run_rate_projection
    chart.show_hover(23)
    assert "Run-rate projection: " + _money(att.run_rate_projection) in chart.hover_text()
    growth_chart = dash.growth_chart
    growth_chart.show_hover(23)
    assert "like-for-like" in growth_chart.hover_text()
    chart.show_hover(None)
    assert chart.hover_text() == ""


def test_customer_cards_follow_the_granularity(dash, demo_ctx):
    customers = pytest.importorskip("kpidesk.metrics.customers")
    kpis = customers.customer_kpis(demo_ctx.store, MONTH, DEMO_TODAY)
    dash.pages.setCurrentIndex(1)  # pages off screen are refreshed when shown
    cards = dash.customer_cards
    assert cards["new_customers"].value() == f"{kpis['new_customers']:,}"
    assert cards["retention"].value() == fmt.current().percent(kpis["retention"])
    assert cards["lead_conversion"].note() == ("provisional"
                                               if kpis["lead_conversion_provisional"] else "")
    dash.set_granularity("quarter")
    assert dash.granularity_combo.currentData() == "quarter"
    quarter = customers.customer_kpis(demo_ctx.store, "2026-Q4", DEMO_TODAY)
    assert cards["new_customers"].value() == f"{quarter['new_customers']:,}"
    assert cards["crr"].value() == fmt.current().percent(quarter["crr"])
    contact_status = pytest.importorskip("kpidesk.metrics.contact_status")
    funnel = contact_status.funnel(demo_ctx.store, "2026-Q4", DEMO_TODAY)
    assert dash.funnel.values == [funnel.leads, funnel.customers, funnel.repeat,
                                  funnel.loyal]
    dash.granularity_combo.setCurrentIndex(dash.granularity_combo.findData("year"))
    year = customers.customer_kpis(demo_ctx.store, "2026", DEMO_TODAY)
    assert cards["active_customers"].value() == f"{year['active_customers']:,}"


def test_at_risk_list_opens_the_contact(qtbot, demo_ctx):
    customers = pytest.importorskip("kpidesk.metrics.customers")
    opened: list[int] = []
    window = QMainWindow()
    qtbot.addWidget(window)
    dash = DashboardTab(demo_ctx, window)
    dash.open_contact_requested.connect(opened.append)  # what the main window connects
    window.setCentralWidget(dash)
    window.show()
    dash.pages.setCurrentIndex(1)
    rows = customers.at_risk(demo_ctx.store, DEMO_TODAY)
    assert rows, "the demo shop has customers to call back"
    model = dash.at_risk_model
    assert model.rowCount() == len(rows)
    assert model.index(0, 0).data() == rows[0]["name"]
    view = dash.at_risk_view
    with qtbot.waitSignal(dash.open_contact) as signal:
        view.doubleClicked.emit(model.index(0, 2))
    assert signal.args == [rows[0]["contact_id"]]
    assert opened == [rows[0]["contact_id"]]
    view.setCurrentIndex(model.index(1, 0))
    with qtbot.waitSignal(dash.open_contact) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert signal.args == [rows[1]["contact_id"]]
    assert opened[-1] == rows[1]["contact_id"]


def test_pipeline_cards(dash, demo_ctx):
    pipeline = pytest.importorskip("kpidesk.metrics.pipeline")
    kpis = pipeline.pipeline_kpis(demo_ctx.store, MONTH, DEMO_TODAY)
    dash.pages.setCurrentIndex(2)
    cards = dash.pipeline_cards
    assert cards["weighted_pipeline"].value() == _money(kpis["weighted_pipeline"])
    assert cards["win_rate"].value() == fmt.current().percent(kpis["win_rate"])
    assert cards["pipeline_coverage"].value() == fmt.current().percent(kpis["pipeline_coverage"])
    assert dash.stage_chart.count == len(pipeline.pipeline_by_stage(demo_ctx.store, DEMO_TODAY))


class _FakeKhmer(QTranslator):
    """Stands in for the Khmer .qm: a few DashboardTab strings."""

    WORDS = {"Revenue": "ចំណូល", "Orders": "ការបញ្ជាទិញ", "Sales && targets": "លក់ និងគោលដៅ"}

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
        if context in ("DashboardTab", "SalespersonAttainmentModel"):
            return self.WORDS.get(source, "")
        return ""


def test_switching_to_khmer_changes_titles_and_digits(qtbot, dash, demo_ctx):
    english = dash.sales_cards["revenue"].title()
    translator = _FakeKhmer()
    app = QCoreApplication.instance()
    app.installTranslator(translator)
    try:
        demo_ctx.language.set_language("km")
        assert dash.sales_cards["revenue"].title() == "ចំណូល" != english
        assert dash.sales_cards["orders"].title() == "ការបញ្ជាទិញ"
        assert dash.pages.tabText(0).replace("\u200b", "") == "លក់ និងគោលដៅ"
        assert dash.attainment_model.headerData(1, Qt.Orientation.Horizontal) == "ចំណូល"
        summary = growth.sales_summary(demo_ctx.store, MONTH, DEMO_TODAY)
        assert dash.sales_cards["orders"].value() == fmt.Formatter("km").integer(
            summary.orders)
        assert dash.month_combo.currentText() == "វិច្ឆិកា ២០២៦"
        axis = dash.revenue_chart.month_axis
        assert axis.tickStrings([0.0], 1, 1)[0].startswith(
            fmt.Formatter("km").month_name(int(axis.months[0][5:7])))
    finally:
        app.removeTranslator(translator)
        demo_ctx.language.set_language("en")
    assert dash.sales_cards["revenue"].title() == english


def test_refresh_rebuilds_no_widget(dash, demo_ctx):
    for index in (1, 2, 0):  # pages are filled once, when first shown; not by a refresh
        dash.pages.setCurrentIndex(index)
    dash.ensure_charts()  # made once, after the first paint
    before = {id(w) for w in dash.findChildren(object)}
    card = dash.sales_cards["revenue"]
    dash.refresh()
    add_order(demo_ctx.store, OrderInput(date="2026-11-21", lines=[LineInput(amount=1)]))
    assert dash.sales_cards["revenue"] is card
    after = {id(w) for w in dash.findChildren(object)}
    assert len(after - before) <= 2  # pyqtgraph may make a transient item, never a card


def test_at_risk_list_opens_the_contacts_tab_in_the_main_window(qtbot, main_window):
    if "contacts" not in main_window.pages:
        pytest.skip("no Contacts tab in this build")
    dash = main_window.show_tab("dashboard")
    dash.pages.setCurrentIndex(1)
    model = dash.at_risk_model
    assert model.rowCount() > 0
    contact_id = model.contact_id(0)
    dash.at_risk_view.doubleClicked.emit(model.index(0, 0))
    contacts = main_window.pages["contacts"]
    assert main_window.current_page() is contacts
    page = getattr(contacts, "page_dialog", None)
    if page is not None:  # the contact's own page is open on that customer
        assert page.contact_id == contact_id
        page.close()


def test_hidden_dashboard_catches_up_when_shown(qtbot, demo_ctx):
    dash = DashboardTab(demo_ctx)
    qtbot.addWidget(dash)  # never shown yet: writes are only noted
    before = growth.sales_summary(demo_ctx.store, MONTH, DEMO_TODAY).revenue
    add_order(demo_ctx.store, OrderInput(date="2026-11-25", lines=[LineInput(amount=500_00)]))
    dash.show()
    assert dash.sales_cards["revenue"].value() == _money(before + 500_00)


def test_pages_off_screen_refresh_when_shown(qtbot, dash, demo_ctx):
    customers = pytest.importorskip("kpidesk.metrics.customers")
    from kpidesk.store.contacts import ContactInput, add_contact

    assert dash.pages.currentIndex() == 0
    contact = add_contact(demo_ctx.store, ContactInput(name="Sokha New", kind="customer",
                                                       created="2026-11-02"))
    add_order(demo_ctx.store, OrderInput(date="2026-11-24", contact_id=contact,
                                         lines=[LineInput(amount=10_00)]))
    kpis = customers.customer_kpis(demo_ctx.store, MONTH, DEMO_TODAY)
    dash.pages.setCurrentIndex(1)
    assert dash.customer_cards["new_customers"].value() == f"{kpis['new_customers']:,}"
    assert dash.last_refresh["customers"] == kpis


def test_empty_shop_shows_dashes(qtbot, ctx):
    dash = DashboardTab(ctx)
    qtbot.addWidget(dash)
    dash.show()
    cards = dash.sales_cards
    assert cards["revenue"].value() == "$0.00"
    for key in ("average_order_value", "growth_mom", "growth_yoy", "target", "attainment",
                "pace", "needed_per_day"):
        assert cards[key].value() == "—", key
    assert dash.revenue_chart.count >= 24
    for index in (1, 2):
        dash.pages.setCurrentIndex(index)
    assert dash.customer_cards["retention"].value() == "—"
    assert dash.at_risk_model.rowCount() == 0
    grid = TargetsTab(ctx)
    qtbot.addWidget(grid)
    assert grid.model.columnCount() == 1  # the shop alone
    assert grid.model.setData(grid.model.index(10, 0), "1000")
    dash.pages.setCurrentIndex(0)
    assert cards["target"].value() == "$1,000.00"
    assert cards["attainment"].value() == "0.0%"


def test_charts_come_just_after_the_first_paint_in_the_placeholders_places(qtbot, demo_ctx):
    from PySide6.QtWidgets import QSplitter

    from kpidesk.ui.main_window import MainWindow

    window = MainWindow(demo_ctx)  # the dashboard is the first tab: built, not yet painted
    qtbot.addWidget(window)
    dash = window.pages.built()["dashboard"]
    assert not dash.charts_built  # the cards come first
    assert dash.sales_cards["revenue"].value() != "—"
    window.show()
    placeholder = dash.findChild(QWidget, "revenueChartPlaceholder")
    assert placeholder is not None
    splitter = placeholder.parentWidget()
    assert isinstance(splitter, QSplitter)
    painted: list[tuple] = []  # what the first paint showed
    ask = placeholder.on_first_paint

    def first_paint() -> None:
        painted.append((placeholder.geometry(), splitter.sizes(), dash.charts_built))
        ask()

    placeholder.on_first_paint = first_paint
    qtbot.waitUntil(lambda: dash.charts_built)  # by themselves, without being asked for
    geometry, sizes, charts_then = painted[0]
    assert not charts_then
    chart = dash.findChild(QWidget, "revenueChart")
    assert chart is not None and chart.isVisible() and chart.parentWidget() is splitter
    assert chart.geometry() == geometry and splitter.sizes() == sizes  # nothing moves
    assert not placeholder.isVisible()
    assert chart.months == [k for k, _v in growth.revenue_series(demo_ctx.store, MONTH, 24)]
    assert dash.findChild(QWidget, "growthChart").count == 24


def test_charts_made_after_a_language_switch_speak_that_language(qtbot, demo_ctx):
    dash = DashboardTab(demo_ctx)
    qtbot.addWidget(dash)
    demo_ctx.language.set_language("km")
    try:
        assert not dash.charts_built
        dash.show()
        qtbot.waitUntil(lambda: dash.charts_built)
        axis = dash.revenue_chart.month_axis
        assert axis.tickStrings([0.0], 1, 1)[0].startswith(
            fmt.Formatter("km").month_name(int(axis.months[0][5:7])))
        revenue = QCoreApplication.translate("DashboardTab", "Revenue")
        assert revenue != "Revenue"  # the Khmer catalogue is loaded
        assert dash.revenue_chart.legend_names[0] == revenue
    finally:
        demo_ctx.language.set_language("en")


def test_the_dashboard_does_not_import_pyqtgraph_before_its_charts():
    import subprocess
    import sys

    code = ("import sys; import kpidesk.ui.tabs.dashboard; "
            "print(sorted(m for m in ('pyqtgraph', 'numpy') if m in sys.modules))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    assert "pyqtgraph" not in done.stdout


def test_customer_and_pipeline_pages_are_filled_when_first_shown(qtbot, main_window, demo_ctx):
    from PySide6.QtWidgets import QTableView

    from kpidesk.metrics import pipeline

    dash = main_window.show_tab("dashboard")
    assert dash.findChild(QTableView, "atRiskTable") is None  # not before it is shown
    qtbot.waitUntil(lambda: dash.charts_built)
    dash.pages.setCurrentIndex(1)
    view = dash.findChild(QTableView, "atRiskTable")
    assert view is not None and view.isVisible()
    assert dash.customer_cards["new_customers"].title() == "New customers"
    # the main window gave the new tables their right-click export, once
    assert [a.text() for a in view.actions()] == ["Export this table…"]
    dash.pages.setCurrentIndex(0)
    dash.pages.setCurrentIndex(1)
    assert len(view.actions()) == 1
    dash.pages.setCurrentIndex(2)  # charts were made already: the stage chart comes at once
    chart = dash.findChild(QWidget, "stageChart")
    assert chart is not None and dash.findChild(QWidget, "stageChartPlaceholder") is None
    assert chart.count == len(pipeline.pipeline_by_stage(demo_ctx.store, DEMO_TODAY))
    assert dash.pipeline_cards["win_rate"].title() == "Win rate"
