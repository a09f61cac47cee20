"""The dashboard's "Sales & targets" page: the sales cards; revenue vs target over 24
months (with the trend forecast); growth; the chance of making the target day by day;
the attainment (and chance) of each salesperson. An empty shop sees its first steps
instead of the charts."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING, cast

import shiboken6
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QHeaderView, QSplitter, QVBoxLayout, QWidget

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.metrics import forecast as forecast_metrics
from kpidesk.metrics import growth, pacing, targets
from kpidesk.metrics.insight import calendar_paced, salesperson_probabilities
from kpidesk.metrics.periods import add_months, month_key
from kpidesk.metrics.results import AttainmentSummary, SalesSummary
from kpidesk.store.db import Store
from kpidesk.store.setup import first_steps, has_sales
from kpidesk.ui.context import AppContext
from kpidesk.ui.dashboard.cards import SALES_CARDS, card_defs, card_links
from kpidesk.ui.dashboard.chart_box import LazyCharts
from kpidesk.ui.dashboard.links import CardLinks, fill_gross_profit
from kpidesk.ui.dashboard.tables import read_only_table
from kpidesk.ui.first_steps import FirstSteps
from kpidesk.ui.insight.cards import fill_insight_cards, with_calendar_pacing
from kpidesk.ui.models.dashboard_models import SalespersonAttainmentModel
from kpidesk.ui.plots.cards import CardGrid, sign_colour

if TYPE_CHECKING:  # the charts are made late (pyqtgraph): their classes only for mypy
    from kpidesk.ui.insight.charts import ChanceChart
    from kpidesk.ui.plots.charts import GrowthChart, RevenueChart

tr = translator("DashboardTab")

CHART_MONTHS = 24
# The run-rate projection (revenue so far / d × n) is drawn on the revenue chart from this
# day on: on day 1 one day's sales times 30 would dwarf every other bar.
PROJECTION_FROM_DAY = 7


class SalesPage(QWidget):
    open_view = Signal(str)  # a card asks for an Analysis view ("day", "basket", …)
    go_to_tab = Signal(str)  # a first step asks for a tab

    def __init__(self, ctx: AppContext, charts: LazyCharts, last_refresh: dict,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # the store the figures are read from: the shop's, or one branch's (the tab's picker)
        self.figures_store: Callable[[], Store] = lambda: ctx.store
        self.setObjectName("salesPage")
        self.ctx = ctx
        self.charts = charts
        self.last_refresh = last_refresh
        # the chance history to fill, and the store of the refresh that asked for it
        self._history_for: tuple[str, date, Store] | None = None
        self._history_timer = QTimer(self)
        self._history_timer.setSingleShot(True)
        self._history_timer.setInterval(0)
        self._history_timer.timeout.connect(self.fill_chance_history)
        self.cards = CardGrid(SALES_CARDS, columns=7, parent=self)
        self.card_links = CardLinks(self, self.open_view.emit)
        for key, view in card_links(ctx.store).items():
            if key in SALES_CARDS:
                self.card_links.attach(self.cards[key], view)
        self.attainment_model = SalespersonAttainmentModel(self)
        self.attainment_view = read_only_table(self, self.attainment_model, "salespersonTable")
        header = self.attainment_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(charts.box("growthChart"))
        right.addWidget(self.attainment_view)
        right.setSizes([220, 160])
        # the chance day by day under the revenue chart: wide enough for a label a day
        left = QSplitter(Qt.Orientation.Vertical, self)
        left.addWidget(charts.box("revenueChart"))
        left.addWidget(charts.box("chanceChart"))
        left.setStretchFactor(0, 5)
        left.setStretchFactor(1, 2)
        left.setSizes([280, 120])
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([680, 480])
        self.split = split
        # an empty shop: the first steps instead of empty charts
        self.first_steps = FirstSteps(self)
        self.first_steps.go_to.connect(self.go_to_tab)
        self.first_steps.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.cards)
        layout.addWidget(split, 1)
        layout.addWidget(self.first_steps, 1)

    def retranslate_ui(self) -> None:
        for key, card in card_defs(self.ctx.store).items():
            if key in SALES_CARDS:
                self.cards[key].set_title(card.title, card.tooltip)
        self.attainment_model.retranslate()
        self.first_steps.retranslate_ui()

    def retranslate_charts(self) -> None:
        charts = self.charts.charts
        f = fmt.current()
        if "revenueChart" in charts:
            revenue = cast("RevenueChart", charts["revenueChart"])
            revenue.set_texts(
                fmt.fill(tr("Revenue and target, last %1 months"), f.integer(CHART_MONTHS)))
            revenue.set_legend_names(
                tr("Revenue"), tr("Target"),
                fmt.fill(tr("Forecast (%1 band)"), f.percent(0.8, places=0)))
        if "growthChart" in charts:
            cast("GrowthChart", charts["growthChart"]).set_texts(
                tr("Growth vs the month before"))
        if "chanceChart" in charts:
            chance = cast("ChanceChart", charts["chanceChart"])
            chance.set_texts(tr("Chance of making the target, day by day"))
            # a low chart: 0 %, 50 %, 100 % only (Khmer digits are tall)
            chance.getPlotItem().getAxis("left").setTickSpacing(50, 50)

    # -- figures ----------------------------------------------------------------------
    def refresh(self, month: str, today: date) -> str:
        """Fill the cards, the table and the charts' data; returns the state line."""
        store = self.figures_store()
        f = fmt.current()
        currency = store.reporting_currency
        summary = growth.sales_summary(store, month, today)
        att = with_calendar_pacing(store, month, today,
                                   targets.attainment_summary(store, month, today))
        self.last_refresh["sales"] = summary
        self.last_refresh["attainment"] = att
        in_progress = summary.in_progress
        self._fill_cards(summary, att, month, today)

        rows = calendar_paced(store, month, today,
                              targets.salesperson_attainment(store, month, today))
        chances = salesperson_probabilities(store, month, today)
        self.attainment_model.set_rows(
            [{**asdict(row), "chance": chances.get(row.salesperson_id)} for row in rows],
            currency)
        self._chart_data(summary, att, month, today)
        self._history_for = (month, today, store)
        self._history_timer.start()  # after this refresh has been painted
        self.show_first_steps(not has_sales(store), today)

        if in_progress:
            return fmt.fill(tr("In progress: day %1 of %2, figures are month to date"),
                            f.integer(att.day), f.integer(att.days))
        if summary.days_elapsed == 0:
            return tr("This month has not started yet")
        return tr("Complete month")

    def _fill_cards(self, summary: SalesSummary, att: AttainmentSummary, month: str, today: date) -> None:
        store = self.figures_store()
        f = fmt.current()
        currency = store.reporting_currency
        in_progress = summary.in_progress
        cards = self.cards

        def money(v):
            return f.figure(v, currency)

        not_started = summary.revenue is None
        cards["revenue"].set_value(money(summary.revenue))
        cards["revenue"].set_note(tr("month to date") if in_progress else
                                  tr("not started yet") if not_started else "")
        cards["orders"].set_value(f.integer(summary.orders))
        no_receipts = bool(summary.daily_totals_without_receipts)
        orders_note = (tr("a daily total has no receipts count") if no_receipts
                       else tr("month to date") if in_progress else "")
        cards["orders"].set_note(orders_note)
        cards["orders"].setToolTip(card_defs(store)["orders"].tooltip + (
            "\n" + tr("Orders and average order value are not available: a daily total "
                      "of this month has no receipts count (type it in the Sales tab).")
            if no_receipts else ""))
        cards["average_order_value"].set_value(money(summary.average_order_value))
        cards["average_order_value"].set_note(
            tr("a daily total has no receipts count") if no_receipts else "")
        for key, value in (("growth_mom", summary.growth_mom),
                           ("growth_yoy", summary.growth_yoy)):
            cards[key].set_value(f.percent(value, signed=True), sign_colour(value))
            cards[key].set_note(fmt.fill(tr("like-for-like, days %1–%2"), f.integer(1),
                                         f.integer(summary.days_elapsed))
                                if in_progress else "")
        cards["target"].set_value(money(att.target))
        cards["target"].set_note("" if att.target is not None else tr("no target set"))
        cards["attainment"].set_value(f.percent(att.attainment),
                                      sign_colour(att.attainment, 1.0)
                                      if not in_progress else "")
        cards["attainment"].set_note(fmt.fill(tr("gap %1"), money(att.gap))
                                     if att.gap is not None and att.gap > 0 else "")
        cards["pace"].set_value(f.percent(att.pace), sign_colour(att.pace, 1.0))
        cards["pace"].set_note(fmt.fill(tr("expected by today %1"),
                                        money(att.expected_to_date))
                               if in_progress and att.expected_to_date is not None else "")
        cards["run_rate_projection"].set_value(money(att.run_rate_projection))
        # KPI.md defines it from day 1; before the chart shows it, the card says how early
        early = in_progress and att.day < PROJECTION_FROM_DAY
        cards["run_rate_projection"].set_note(
            fmt.fill(tr("day %1 of %2: an early guess") if early else tr("day %1 of %2"),
                     f.integer(att.day), f.integer(att.days)) if in_progress else "")
        cards["needed_per_day"].set_value(money(att.needed_per_day))
        fill_insight_cards(cards, store, month, today)
        days_left = (att.open_days_left if att.open_days_left is not None
                     else att.days - att.day)
        needed = att.needed_per_day
        if needed is not None and needed <= 0:  # KPI.md's gap / days left: below 0 once met
            cards["needed_per_day"].set_note(tr("target already reached"))
        else:
            cards["needed_per_day"].set_note(
                fmt.fill(tr("%1 days left"), f.integer(days_left))
                if needed is not None and days_left > 0 else "")
        fill_gross_profit(cards, store, month, today)

    def _chart_data(self, summary: SalesSummary, att: AttainmentSummary, month: str, today: date) -> None:
        """The revenue and growth charts' figures (a few ms; the charts may come later):
        25 months of revenue give 24 months of growth."""
        store = self.figures_store()
        f = fmt.current()
        currency = store.reporting_currency
        in_progress = summary.in_progress
        series = growth.revenue_series(store, month, CHART_MONTHS + 1, today=today)
        months = [k for k, _v in series[1:]]
        revenue = [v for _k, v in series[1:]]
        target_values = [v for _k, v in targets.target_series(store, month, CHART_MONTHS)]
        in_progress_index = len(months) - 1 if in_progress else None
        last_complete = min(month, add_months(month_key(today), -1))
        forecast = forecast_metrics.trend_forecast(store, last_complete, 3)
        self.last_refresh["forecast"] = forecast
        projection = att.run_rate_projection if att.day >= PROJECTION_FROM_DAY else None
        self.charts.set_data("revenueChart", months, revenue, target_values, currency,
                             in_progress_index, forecast or [], projection)
        growth_values = [growth.growth_rate(series[i][1], series[i - 1][1])
                         for i in range(1, len(series))]
        if in_progress:
            growth_values[-1] = summary.growth_mom  # like-for-like
        self.charts.set_data("growthChart", months, growth_values, in_progress_index)
        self.charts.set_empty("revenueChart", fmt.fill(
            tr("No sales in these %1 months yet: revenue appears here as you record sales."),
            f.integer(CHART_MONTHS)) if not any(revenue) and not any(target_values) else "")
        self.charts.set_empty("growthChart", tr("Growth needs sales in two months in a row.")
                              if all(v is None for v in growth_values) else "")

    def fill_chance_history(self) -> None:
        """The shop's chance of making the month's target as of each day so far: one
        simulation per day (tens of ms at 1M lines), so it runs just after the refresh
        has been painted, once for several refreshes in a row."""
        self._history_timer.stop()
        if self._history_for is None or not shiboken6.isValid(self):
            return
        if not self.isVisible():  # a window closing, or another tab: filled when shown
            return
        month, today, store = self._history_for
        self._history_for = None
        try:
            history = pacing.probability_history(store, month, today)
        except sqlite3.Error:  # the shop file was closed meanwhile
            return
        self.last_refresh["chance_history"] = history
        self.charts.set_data("chanceChart", history)
        if any(p is not None for _d, p in history):
            why = ""
        elif not history:
            why = tr("The chance is known while the month is in progress.")
        elif targets.target_for(store, month, "revenue") is None:
            why = tr("No revenue target for this month: set one in the Targets tab.")
        else:
            why = tr("The chance needs four weeks of sales.")
        self.charts.set_empty("chanceChart", why)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._history_for is not None:
            self._history_timer.start()

    # -- an empty shop ----------------------------------------------------------------
    def show_first_steps(self, empty: bool, today: date) -> None:
        """An empty shop sees the first steps where the charts go (they say nothing yet)."""
        if empty:
            self.first_steps.set_done(first_steps(self.ctx.store, month_key(today)))
            if not self.charts.made:  # no placeholder gets painted to ask for them
                self.charts.schedule()
        self.first_steps.setVisible(empty)
        self.split.setVisible(not empty)
