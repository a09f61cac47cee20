"""The Dashboard tab: how the shop is doing this month, at a glance.

A month picker on top; three pages under it so everything fits 1200×780:
- "Sales & targets": revenue, orders, average order value, growth, target,
  attainment, pace, run rate, needed per day; revenue vs target over 24
  months (with the trend forecast and its 80 % band), growth %, and the
  attainment of each salesperson;
- "Customers": customer KPIs for the month, quarter or year, the cohort heat
  map, the conversion funnel and the at-risk call-back list;
- "Pipeline": pipeline KPIs and the open pipeline by stage.

Every figure comes from `kpidesk.metrics` (which reads the rollups); a
refresh only sets label texts and chart data, it never rebuilds widgets.

Start-up: the charts need pyqtgraph and NumPy (a few hundred ms to import),
so the tab first paints its cards with white boxes where the charts go; the
charts are made just after that first paint (or at once when code asks for
``revenue_chart`` & co., or calls ``ensure_charts()``). The customers and
pipeline pages are filled when first shown.
"""

from __future__ import annotations

from datetime import date

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.defaults import display_name
from kpidesk.i18n.fonts import HINT_COLOUR, caption_size
from kpidesk.metrics import customers, growth, pipeline, targets
from kpidesk.metrics import forecast as forecast_metrics
from kpidesk.metrics.insight import calendar_paced
from kpidesk.metrics.periods import add_months, month_key, parse_period
from kpidesk.store.sales import first_revenue_day
from kpidesk.store.setup import first_steps, has_sales
from kpidesk.ui import act_dashboard
from kpidesk.ui.callbacks import CallListModel, call_list_rows
from kpidesk.ui.dashboard_links import (
    GROSS_PROFIT,
    attach_card_links,
    fill_gross_profit,
    gross_profit_titles,
)
from kpidesk.ui.first_steps import FirstSteps
from kpidesk.ui.insight.cards import (
    INSIGHT_CARDS,
    fill_insight_cards,
    insight_card_titles,
    with_calendar_pacing,
)
from kpidesk.ui.models.dashboard_models import (
    CohortModel,
    SalespersonAttainmentModel,
)
from kpidesk.ui.plots.cards import CardGrid, sign_colour
from kpidesk.ui.plots.funnel import FunnelWidget
from kpidesk.ui.plots.placeholder import ChartPlaceholder
from kpidesk.ui.tabs.base import Tab

SALES_CARDS = ["revenue", "orders", "average_order_value", GROSS_PROFIT, "growth_mom",
               "growth_yoy", "target", "attainment", "pace", "run_rate_projection",
               "needed_per_day", *INSIGHT_CARDS]
CUSTOMER_CARDS = ["new_customers", "lead_conversion", "second_purchase_rate",
                  "active_customers", "returning_customers", "retention", "churn", "crr",
                  "repeat_purchase_rate", "loyal_customers"]
PIPELINE_CARDS = ["open_pipeline", "weighted_pipeline", "overdue_value", "win_rate",
                  "average_deal_size", "sales_cycle_days", "pipeline_forecast",
                  "pipeline_coverage"]
SECTIONS = ("sales", "customers", "pipeline")  # the pages, in order
CHART_MONTHS = 24
GRANULARITIES = ("month", "quarter", "year")
# The run-rate projection (revenue so far / d × n) is drawn on the revenue chart from this
# day on: on day 1 one day's sales times 30 would dwarf every other bar.
PROJECTION_FROM_DAY = 7


def period_of(month: str, granularity: str) -> str:
    """The month, quarter or year key containing `month`."""
    if granularity == "quarter":
        return f"{month[:4]}-Q{(int(month[5:7]) - 1) // 3 + 1}"
    if granularity == "year":
        return month[:4]
    return month


class _EnterFilter(QObject):
    """Calls `callback(index)` when Enter/Return is pressed in a table view."""

    def __init__(self, view: QTableView, callback) -> None:
        super().__init__(view)
        self.view = view
        self.callback = callback

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and \
                event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            index = self.view.currentIndex()
            if index.isValid():
                self.callback(index)
                return True
        return False


def _table(parent: QWidget, model, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    model.setParent(view)  # destroyed after the view, never before it
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setAlternatingRowColors(True)
    return view


class DashboardTab(Tab):
    open_contact = Signal(int)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.month = month_key(ctx.today())
        self.granularity = "month"
        self.last_refresh: dict[str, object] = {}
        self._pending: set[str] = set()
        self._stale: set[str] = set()  # pages to refresh when next shown
        self._charts: dict[str, QWidget] = {}  # made after the first paint (ensure_charts)
        self._chart_data: dict[str, tuple] = {}  # set_data arguments of each chart, kept
        self._chart_empty: dict[str, str] = {}  # why a chart has nothing to show ("" if it has)
        self._charts_scheduled = False
        self._charts_made = False
        self._placeholders: dict[str, ChartPlaceholder] = {}
        self._page_holders: dict[str, QWidget] = {}  # pages not filled yet (_ensure_page)

        # -- month picker -------------------------------------------------------------
        self.prev_button = QToolButton(self)
        self.prev_button.setObjectName("previousMonth")
        self.prev_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.prev_button.clicked.connect(lambda: self.step_month(-1))
        self.month_combo = QComboBox(self)
        self.month_combo.setObjectName("month")
        self.month_combo.setMinimumWidth(170)
        self.month_combo.currentIndexChanged.connect(self._month_picked)
        self.next_button = QToolButton(self)
        self.next_button.setObjectName("nextMonth")
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.clicked.connect(lambda: self.step_month(1))
        self.prev_button.setShortcut(QKeySequence("Alt+Left"))
        self.next_button.setShortcut(QKeySequence("Alt+Right"))
        self.month_label = QLabel(self)
        self.month_label.setBuddy(self.month_combo)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("state")
        self.state_label.setStyleSheet(f"color: {HINT_COLOUR};")
        top = QHBoxLayout()
        top.addWidget(self.month_label)
        top.addWidget(self.prev_button)
        top.addWidget(self.month_combo)
        top.addWidget(self.next_button)
        top.addSpacing(12)
        top.addWidget(self.state_label, 1)
        self.actions = act_dashboard.DashboardActions(ctx, self)  # data badge, Share…
        top.addWidget(self.actions)
        from kpidesk.ui.branches import attach_branch_picker  # KPI.md §7: one branch or all

        self.branch_picker = attach_branch_picker(self, top)

        self.pages = QTabWidget(self)
        self.pages.setObjectName("dashboardPages")
        self.pages.setDocumentMode(True)
        self.pages.currentChanged.connect(self._page_changed)
        self._build_sales_page()
        # the other pages are filled when first shown (fewer widgets before the first paint)
        for section in SECTIONS[1:]:
            holder = QWidget(self.pages)
            holder.setObjectName(f"{section}Page")
            self._page_holders[section] = holder
            self.pages.addTab(holder, "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)

        self._fill_months()
        self.retranslate_ui()  # also fills every figure

    # -- pages ---------------------------------------------------------------------------
    def _build_sales_page(self) -> None:
        page = QWidget(self.pages)
        page.setObjectName("salesPage")
        self.sales_cards = CardGrid(SALES_CARDS, columns=7, parent=page)
        attach_card_links(self)  # revenue, orders, basket → the Analysis tab
        self.attainment_model = SalespersonAttainmentModel(self)
        self.attainment_view = _table(page, self.attainment_model, "salespersonTable")
        header = self.attainment_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        right = QSplitter(Qt.Orientation.Vertical, page)
        right.addWidget(self._chart_or_placeholder("growthChart"))
        right.addWidget(self.attainment_view)
        right.setSizes([220, 160])
        split = QSplitter(Qt.Orientation.Horizontal, page)
        split.addWidget(self._chart_or_placeholder("revenueChart"))
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([680, 480])
        self.sales_split = split
        # an empty shop: the first steps instead of empty charts
        self.first_steps = FirstSteps(page)
        self.first_steps.go_to.connect(self._go_to_tab)
        self.first_steps.hide()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.sales_cards)
        layout.addWidget(split, 1)
        layout.addWidget(self.first_steps, 1)
        self.pages.addTab(page, "")

    def _ensure_page(self, section: str) -> None:
        """Fill the customers or pipeline page the first time it is needed."""
        holder = self._page_holders.pop(section, None)
        if holder is None:
            return
        if section == "customers":
            self._build_customers_page(holder)
            self._retranslate_customers()
        else:
            self._build_pipeline_page(holder)
            self._retranslate_pipeline()
        self._retranslate_charts()
        if holder.isVisible():  # shown now, not at the next turn of the event loop
            for child in holder.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
                child.show()
        self.tables_added.emit(holder)  # the window's "Export this table…" on the new tables

    def _build_customers_page(self, page: QWidget) -> None:
        self.granularity_label = QLabel(page)
        self.granularity_combo = QComboBox(page)
        self.granularity_combo.setObjectName("granularity")
        self.granularity_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for g in GRANULARITIES:
            self.granularity_combo.addItem("", g)
        self.granularity_combo.currentIndexChanged.connect(self._granularity_picked)
        self.granularity_label.setBuddy(self.granularity_combo)
        self.customer_period_label = QLabel(page)
        self.customer_period_label.setStyleSheet(f"color: {HINT_COLOUR};")
        row = QHBoxLayout()
        row.addWidget(self.granularity_label)
        row.addWidget(self.granularity_combo)
        row.addSpacing(12)
        row.addWidget(self.customer_period_label, 1)
        self.customer_cards = CardGrid(CUSTOMER_CARDS, columns=5, parent=page)

        self.cohort_model = CohortModel(self)
        self.cohort_view = QTableView(page)
        self.cohort_view.setObjectName("cohortTable")
        self.cohort_view.setModel(self.cohort_model)
        self.cohort_model.setParent(self.cohort_view)
        self.cohort_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.cohort_view.setShowGrid(False)
        self._cohort_base_pt = self.cohort_view.font().pointSizeF()
        self._fit_cohort_font()
        self.cohort_view.horizontalHeader().setDefaultSectionSize(40)
        self.cohort_view.horizontalHeader().setMinimumSectionSize(30)
        self.cohort_view.verticalHeader().setDefaultSectionSize(
            int(self.cohort_view.fontMetrics().height() * 1.45))  # room for Khmer stacks
        self.cohort_title = QLabel(page)
        self.cohort_title.setStyleSheet("font-weight: bold;")
        self.cohort_title.setWordWrap(True)  # a long translation must not widen the page
        left = QWidget(page)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.cohort_title)
        left_layout.addWidget(self.cohort_view, 1)

        self.funnel = FunnelWidget(page)
        self.funnel.setObjectName("funnel")
        self.at_risk_title = QLabel(page)
        self.at_risk_title.setStyleSheet("font-weight: bold;")
        self.at_risk_title.setWordWrap(True)
        self.at_risk_model = CallListModel(self)  # with each customer's last call
        self.at_risk_view = _table(page, self.at_risk_model, "atRiskTable")
        header = self.at_risk_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.at_risk_view.doubleClicked.connect(self._at_risk_activated)
        self.at_risk_view.installEventFilter(_EnterFilter(self.at_risk_view,
                                                          self._at_risk_activated))
        right = QWidget(page)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.funnel, 2)
        right_layout.addWidget(self.at_risk_title)
        right_layout.addWidget(self.at_risk_view, 3)
        self.call_bar = act_dashboard.call_bar(self, right, left)  # log a call; win-back
        right_layout.addWidget(self.call_bar)
        left_layout.addWidget(self.call_bar.figures)
        split = QSplitter(Qt.Orientation.Horizontal, page)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([560, 600])
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.customer_cards)
        layout.addWidget(split, 1)

    def _build_pipeline_page(self, page: QWidget) -> None:
        self.pipeline_cards = CardGrid(PIPELINE_CARDS, columns=4, parent=page)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.pipeline_cards)
        layout.addWidget(self._chart_or_placeholder("stageChart"), 1)

    # -- texts -----------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Dashboard")

    def card_titles(self) -> dict[str, tuple[str, str]]:
        """(title, tooltip) of every card, in the current language."""
        f = fmt.current()
        return {
            "revenue": (self.tr("Revenue"), self.tr("Net revenue of the month, refunds included")),
            GROSS_PROFIT: gross_profit_titles(),
            "orders": (self.tr("Orders"), self.tr("Receipts, not counting refunds")),
            "average_order_value": (self.tr("Average order value"),
                                    self.tr("Revenue divided by orders")),
            "growth_mom": (self.tr("Growth vs last month"),
                           self.tr("Revenue against the month before (MoM)")),
            "growth_yoy": (self.tr("Growth vs last year"),
                           self.tr("Revenue against the same month a year before (YoY)")),
            "target": (self.tr("Target"), self.tr("Revenue target of the month")),
            "attainment": (self.tr("Attainment"), self.tr("Revenue divided by the target")),
            "pace": (self.tr("Pace"), self.tr("Revenue against the target expected by today")),
            "run_rate_projection": (self.tr("Run-rate projection"),
                                    self.tr("Revenue at the month's end if sales go on as so"
                                            " far")),
            "needed_per_day": (self.tr("Needed per day"),
                               self.tr("Revenue needed each remaining day to reach the"
                                       " target")),
            "new_customers": (self.tr("New customers"),
                              self.tr("Customers whose first purchase is in the period")),
            "lead_conversion": (self.tr("Lead conversion"),
                                self.tr("Leads created in the period who bought within the"
                                        " lead window")),
            "second_purchase_rate": (self.tr("Second purchase"),
                                     fmt.fill(self.tr("New customers who bought again within"
                                                      " %1 days"), f.integer(90))),
            "active_customers": (self.tr("Active customers"),
                                 self.tr("Customers with a purchase in the period (so far, "
                                         "while it is in progress)")),
            "returning_customers": (self.tr("Returning customers"),
                                    self.tr("Active customers who are not new")),
            "retention": (self.tr("Retention"),
                          self.tr("Customers of the period before who bought again")),
            "churn": (self.tr("Churn"), self.tr("Customers of the period before who did not"
                                                " buy again")),
            "crr": (self.tr("Customer retention rate"),
                    self.tr("(active − new) / active in the period before; counts customers"
                            " coming back after a gap")),
            "repeat_purchase_rate": (self.tr("Repeat purchase rate"),
                                     self.tr("Active customers with two orders or more")),
            "loyal_customers": (self.tr("Loyal customers (%1 days)").replace(
                                    "%1", fmt.current().integer(customers.LOYAL_WINDOW_DAYS)),
                                self.tr("Customers with at least %1 orders in the %2 days up "
                                        "to the period's end (or today)").replace(
                                    "%1", fmt.current().integer(
                                        customers.loyal_min_orders(self.ctx.store))).replace(
                                    "%2", fmt.current().integer(customers.LOYAL_WINDOW_DAYS))),
            "open_pipeline": (self.tr("Open pipeline"),
                              self.tr("Value of the open opportunities")),
            "weighted_pipeline": (self.tr("Weighted pipeline"),
                                  self.tr("Value × probability of the open opportunities")),
            "overdue_value": (self.tr("Overdue"),
                              self.tr("Open opportunities past their expected close date")),
            "win_rate": (self.tr("Win rate"), self.tr("Won / (won + lost), closed this month")),
            "average_deal_size": (self.tr("Average deal size"),
                                  self.tr("Mean value of the opportunities won this month")),
            "sales_cycle_days": (self.tr("Sales cycle"),
                                 self.tr("Mean days from creation to won")),
            "pipeline_forecast": (self.tr("Pipeline forecast"),
                                  self.tr("Revenue so far + weighted opportunities expected"
                                          " to close this month")),
            "pipeline_coverage": (self.tr("Pipeline coverage"),
                                  self.tr("Weighted pipeline closing this month / gap to"
                                          " target")),
            **insight_card_titles(),
        }

    def _fit_cohort_font(self) -> None:
        """The cohort table's small figures: 0.85 × the base size, at least 9 pt in Khmer."""
        small = self.cohort_view.font()
        small.setPointSizeF(max(caption_size(self._cohort_base_pt, 0.85), 7))
        if small.pointSizeF() != self.cohort_view.font().pointSizeF():
            self.cohort_view.setFont(small)
            self.cohort_view.verticalHeader().setDefaultSectionSize(
                int(self.cohort_view.fontMetrics().height() * 1.45))

    def retranslate_ui(self) -> None:
        if not shiboken6.isValid(self):
            return  # destroyed; the base class's language hook outlives the widget
        f = fmt.current()
        if getattr(self, "cohort_view", None) is not None:
            self._fit_cohort_font()
        self.month_label.setText(self.tr("&Month:"))
        self.prev_button.setToolTip(self.tr("Previous month (Alt+Left)"))
        self.next_button.setToolTip(self.tr("Next month (Alt+Right)"))
        for i in range(self.month_combo.count()):
            self.month_combo.setItemText(i, f.month(self.month_combo.itemData(i)))
        self.pages.setTabText(0, self.tr("Sales && targets"))
        self.pages.setTabText(1, self.tr("Customers"))
        self.pages.setTabText(2, self.tr("Pipeline"))
        titles = self.card_titles()
        for key, card in self.sales_cards.cards.items():
            card.set_title(*titles[key])
        self.attainment_model.retranslate()
        self.first_steps.retranslate_ui()
        self.actions.retranslate_ui()
        if "customers" not in self._page_holders:
            self._retranslate_customers()
        if "pipeline" not in self._page_holders:
            self._retranslate_pipeline()
        self._retranslate_charts()
        self.refresh(lazy=True)  # figures are formatted in the language too

    def _retranslate_customers(self) -> None:
        titles = self.card_titles()
        for key, card in self.customer_cards.cards.items():
            card.set_title(*titles[key])
        self.granularity_label.setText(self.tr("Customer figures &by:"))
        names = {"month": self.tr("Month"), "quarter": self.tr("Quarter"),
                 "year": self.tr("Year")}
        for i in range(self.granularity_combo.count()):
            self.granularity_combo.setItemText(i, names[self.granularity_combo.itemData(i)])
        self.cohort_title.setText(self.tr("Cohorts: share of each month's new customers who"
                                          " bought again k months later"))
        self.at_risk_title.setText(self.tr("Call back: good customers who stopped coming"
                                           " (double-click to open)"))
        for model in (self.at_risk_model, self.cohort_model):
            model.retranslate()
        self.call_bar.retranslate_ui()

    def _retranslate_pipeline(self) -> None:
        titles = self.card_titles()
        for key, card in self.pipeline_cards.cards.items():
            card.set_title(*titles[key])

    def _retranslate_charts(self) -> None:
        """Texts of the charts made so far (the others get theirs when made)."""
        charts = self._charts
        if "revenueChart" in charts:
            f = fmt.current()
            charts["revenueChart"].set_texts(
                fmt.fill(self.tr("Revenue and target, last %1 months"), f.integer(24)))
            charts["revenueChart"].set_legend_names(
                self.tr("Revenue"), self.tr("Target"),
                fmt.fill(self.tr("Forecast (%1 band)"), f.percent(0.8, places=0)))
        if "growthChart" in charts:
            charts["growthChart"].set_texts(self.tr("Growth vs the month before"))
        if "stageChart" in charts:
            charts["stageChart"].set_texts(self.tr("Open pipeline by stage"))
            charts["stageChart"].set_legend_names(self.tr("Value"), self.tr("Weighted"))
        for chart in charts.values():
            chart.refresh_axes()

    # -- charts, made after the first paint ----------------------------------------------------
    @property
    def charts_built(self) -> bool:
        """True once pyqtgraph is in and the charts of the pages built so far are made."""
        return self._charts_made

    @property
    def revenue_chart(self):
        self.ensure_charts()
        return self._charts["revenueChart"]

    @property
    def growth_chart(self):
        self.ensure_charts()
        return self._charts["growthChart"]

    @property
    def stage_chart(self):
        self._ensure_page("pipeline")
        self.ensure_charts()
        return self._charts["stageChart"]

    def _chart_or_placeholder(self, name: str) -> QWidget:
        """The chart `name` when charts are made already (a page built late), else a white
        box of its size that asks for the charts when first painted."""
        if self._charts_made:
            return self._make_chart(name)
        placeholder = ChartPlaceholder(None, self._schedule_charts)
        placeholder.setObjectName(f"{name}Placeholder")
        self._placeholders[name] = placeholder
        return placeholder

    def _make_chart(self, name: str) -> QWidget:
        from kpidesk.ui.plots import charts  # pyqtgraph and NumPy: a few hundred ms, once

        cls = {"revenueChart": charts.RevenueChart, "growthChart": charts.GrowthChart,
               "stageChart": charts.StageChart}[name]
        chart = cls()
        chart.setObjectName(name)
        self._charts[name] = chart
        if name in self._chart_data:
            self._apply_chart_data(name)
        return chart

    def _schedule_charts(self) -> None:
        """A placeholder has been painted: make the charts once that paint is on screen."""
        if not self._charts_made and not self._charts_scheduled:
            self._charts_scheduled = True
            QTimer.singleShot(0, self, self._charts_after_paint)

    def _charts_after_paint(self) -> None:
        self._charts_scheduled = False
        if self.isVisible():  # not a window closed meanwhile (its shop file may be closed)
            self.ensure_charts()

    def ensure_charts(self) -> None:
        """Make the charts (importing pyqtgraph) in the placeholders' places, with their
        texts and the data kept by the last refresh of their page (no store access)."""
        if self._charts_made or not shiboken6.isValid(self):
            return
        self._charts_made = True
        for name, placeholder in self._placeholders.items():
            chart = self._make_chart(name)
            holder = placeholder.parentWidget()
            if isinstance(holder, QSplitter):
                sizes = holder.sizes()  # as painted: the chart takes the box's place exactly
                holder.replaceWidget(holder.indexOf(placeholder), chart)
                holder.setSizes(sizes)
            else:
                holder.layout().replaceWidget(placeholder, chart)
            placeholder.hide()
            placeholder.deleteLater()
        self._placeholders.clear()
        self._retranslate_charts()

    def _set_chart_data(self, name: str, *args) -> None:
        """Keep the data of chart `name` (computed with the page's figures) and show it now
        if the chart is made; otherwise it is shown when the chart is made."""
        self._chart_data[name] = args
        if name in self._charts:
            self._apply_chart_data(name)

    def _apply_chart_data(self, name: str) -> None:
        self._charts[name].set_data(*self._chart_data[name])
        self._charts[name].set_empty_text(self._chart_empty.get(name, ""))

    # -- an empty shop ---------------------------------------------------------------------------
    def show_first_steps(self, empty: bool) -> None:
        """An empty shop sees the first steps where the charts go (they say nothing yet)."""
        if empty:
            self.first_steps.set_done(first_steps(self.ctx.store, month_key(self.today())))
            if not self._charts_made:  # no placeholder gets painted to ask for them
                self._schedule_charts()
        self.first_steps.setVisible(empty)
        self.sales_split.setVisible(not empty)

    def _go_to_tab(self, key: str) -> None:
        self.show_tab_requested.emit(key)

    # -- month picker ------------------------------------------------------------------------
    def _month_range(self) -> list[str]:
        current = month_key(self.ctx.today())
        first = first_revenue_day(self.ctx.store)
        start = add_months(current, -(CHART_MONTHS - 1))
        if first and str(first)[:7] < start:
            start = str(first)[:7]
        months = []
        key = start
        while key <= current:
            months.append(key)
            key = add_months(key, 1)
        if self.month not in months:
            months.append(self.month)
            months.sort()
        return months

    def _fill_months(self) -> None:
        months = self._month_range()
        existing = [self.month_combo.itemData(i) for i in range(self.month_combo.count())]
        if months != existing:
            self.month_combo.blockSignals(True)
            self.month_combo.clear()
            f = fmt.current()
            for key in months:
                self.month_combo.addItem(f.month(key), key)
            self.month_combo.blockSignals(False)
        self.month_combo.blockSignals(True)
        self.month_combo.setCurrentIndex(self.month_combo.findData(self.month))
        self.month_combo.blockSignals(False)
        self._update_steppers()

    def _update_steppers(self) -> None:
        index = self.month_combo.currentIndex()
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(0 <= index < self.month_combo.count() - 1)

    def _month_picked(self, index: int) -> None:
        if index >= 0:
            self.set_month(self.month_combo.itemData(index))

    def step_month(self, step: int) -> None:
        index = self.month_combo.currentIndex() + step
        if 0 <= index < self.month_combo.count():
            self.month_combo.setCurrentIndex(index)

    def set_month(self, month: str) -> None:
        parse_period(month)
        if month == self.month and self.month_combo.currentData() == month:
            return
        self.month = month
        self._fill_months()
        self.refresh(lazy=True)

    def _granularity_picked(self, index: int) -> None:
        self.set_granularity(self.granularity_combo.itemData(index))

    def set_granularity(self, granularity: str) -> None:
        if granularity not in GRANULARITIES:
            raise ValueError(granularity)
        self._ensure_page("customers")
        if self.granularity_combo.currentData() != granularity:
            self.granularity_combo.setCurrentIndex(self.granularity_combo.findData(granularity))
            return  # the combo's signal comes back here
        if granularity != self.granularity:
            self.granularity = granularity
            self.refresh_customers()

    # -- refresh -------------------------------------------------------------------------------
    def on_data_changed(self, topics: set[str]) -> None:
        topics = set(topics)
        if not shiboken6.isValid(self):
            return
        if not self.isVisible():  # a hidden tab catches up when shown (sales entry stays fast)
            self._pending |= topics
            return
        self._apply_changes(topics)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._pending:
            topics, self._pending = self._pending, set()
            self._apply_changes(topics)

    def _apply_changes(self, topics: set[str]) -> None:
        sections: set[str] = set()
        if topics & {"sales", "settings", "import", "all"}:
            self._fill_months()
            sections = set(SECTIONS)
        if topics & {"targets", "salespeople"}:
            sections |= {"sales", "pipeline"}  # coverage depends on the gap to target
        if topics & {"contacts", "customers", "calls"}:
            sections.add("customers")
        if topics & {"health", "contacts"} and not sections & {"sales"}:
            self.actions.refresh(self.month)  # findings marked as right, customers' dates
        if topics & {"opportunities", "stages"}:
            sections.add("pipeline")
        self.refresh(sections, lazy=True)

    def refresh(self, sections: set[str] | None = None, lazy: bool = False) -> None:
        """Refresh `sections` (default all). With `lazy`, a page not on screen is only
        marked stale and refreshed when shown (customer figures cost the most)."""
        wanted = set(SECTIONS) if sections is None else set(sections)
        current = SECTIONS[self.pages.currentIndex()] if self.pages.currentIndex() >= 0 \
            else "sales"
        for section in SECTIONS:
            if section not in wanted:
                continue
            if lazy and section != current:
                self._stale.add(section)
                continue
            self._stale.discard(section)
            self._ensure_page(section)
            {"sales": self.refresh_sales, "customers": self.refresh_customers,
             "pipeline": self.refresh_pipeline}[section]()

    def _page_changed(self, index: int) -> None:
        if 0 <= index < len(SECTIONS):
            self._ensure_page(SECTIONS[index])
        if 0 <= index < len(SECTIONS) and SECTIONS[index] in self._stale:
            self.refresh({SECTIONS[index]})

    def today(self) -> date:
        return self.ctx.today()

    def refresh_sales(self) -> None:
        store, month, today = self.branch_picker.figures_store(), self.month, self.today()
        f = fmt.current()
        currency = store.reporting_currency
        summary = growth.sales_summary(store, month, today)
        att = with_calendar_pacing(store, month, today,
                                   targets.attainment_summary(store, month, today))
        self.last_refresh["sales"] = summary
        self.last_refresh["attainment"] = att
        in_progress = summary["in_progress"]
        cards = self.sales_cards

        def money(v):
            return f.figure(v, currency)

        not_started = summary["revenue"] is None
        cards["revenue"].set_value(money(summary["revenue"]))
        cards["revenue"].set_note(self.tr("month to date") if in_progress else
                                  self.tr("not started yet") if not_started else "")
        cards["orders"].set_value(f.integer(summary["orders"]))
        no_receipts = bool(summary.get("daily_totals_without_receipts"))
        orders_note = (self.tr("a daily total has no receipts count") if no_receipts
                       else self.tr("month to date") if in_progress else "")
        cards["orders"].set_note(orders_note)
        cards["orders"].setToolTip(self.card_titles()["orders"][1] + (
            "\n" + self.tr("Orders and average order value are not available: a daily total "
                           "of this month has no receipts count (type it in the Sales tab).")
            if no_receipts else ""))
        cards["average_order_value"].set_value(money(summary["average_order_value"]))
        cards["average_order_value"].set_note(
            self.tr("a daily total has no receipts count") if no_receipts else "")
        for key in ("growth_mom", "growth_yoy"):
            value = summary[key]
            cards[key].set_value(f.percent(value, signed=True), sign_colour(value))
            cards[key].set_note(self.tr("like-for-like, days %1–%2").replace(
                "%1", f.integer(1)).replace("%2", f.integer(summary["days_elapsed"]))
                if in_progress else "")
        cards["target"].set_value(money(att["target"]))
        cards["target"].set_note("" if att["target"] is not None
                                 else self.tr("no target set"))
        cards["attainment"].set_value(f.percent(att["attainment"]),
                                      sign_colour(att["attainment"], 1.0)
                                      if not in_progress else "")
        cards["attainment"].set_note(self.tr("gap %1").replace("%1", money(att["gap"]))
                                     if att["gap"] is not None and att["gap"] > 0 else "")
        cards["pace"].set_value(f.percent(att["pace"]), sign_colour(att["pace"], 1.0))
        cards["pace"].set_note(self.tr("expected by today %1").replace(
            "%1", money(att["expected_to_date"])) if in_progress and
            att["expected_to_date"] is not None else "")
        cards["run_rate_projection"].set_value(money(att["run_rate_projection"]))
        # KPI.md defines it from day 1; before the chart shows it, the card says how early
        early = in_progress and att["day"] < PROJECTION_FROM_DAY
        cards["run_rate_projection"].set_note(
            (self.tr("day %1 of %2: an early guess") if early else self.tr("day %1 of %2"))
            .replace("%1", f.integer(att["day"]))
            .replace("%2", f.integer(att["days"])) if in_progress else "")
        cards["needed_per_day"].set_value(money(att["needed_per_day"]))
        fill_insight_cards(cards, store, month, today)
        days_left = att.get("open_days_left", att["days"] - att["day"])
        cards["needed_per_day"].set_note(
            self.tr("%1 days left").replace("%1", f.integer(days_left))
            if att["needed_per_day"] is not None and days_left > 0 else "")
        fill_gross_profit(cards, store, month, today)

        if in_progress:
            self.state_label.setText(self.tr("In progress: day %1 of %2, figures are month to"
                                             " date").replace("%1", f.integer(att["day"]))
                                     .replace("%2", f.integer(att["days"])))
        elif summary["days_elapsed"] == 0:
            self.state_label.setText(self.tr("This month has not started yet"))
        else:
            self.state_label.setText(self.tr("Complete month"))

        self.attainment_model.set_rows(calendar_paced(
            store, month, today, targets.salesperson_attainment(store, month, today)), currency)

        # the charts' figures (a few ms; the charts themselves may be made later):
        # 25 months of revenue give 24 months of growth
        series = growth.revenue_series(store, month, CHART_MONTHS + 1, today=today)
        months = [k for k, _v in series[1:]]
        revenue = [v for _k, v in series[1:]]
        target_values = [v for _k, v in targets.target_series(store, month, CHART_MONTHS)]
        in_progress_index = len(months) - 1 if in_progress else None
        last_complete = min(month, add_months(month_key(today), -1))
        forecast = forecast_metrics.trend_forecast(store, last_complete, 3)
        self.last_refresh["forecast"] = forecast
        projection = att["run_rate_projection"] if att["day"] >= PROJECTION_FROM_DAY else None
        self._set_chart_data("revenueChart", months, revenue, target_values, currency,
                             in_progress_index, forecast or [], projection)
        growth_values = [growth.growth_rate(series[i][1], series[i - 1][1])
                         for i in range(1, len(series))]
        if in_progress:
            growth_values[-1] = summary["growth_mom"]  # like-for-like
        self._set_chart_data("growthChart", months, growth_values, in_progress_index)
        self._chart_empty["revenueChart"] = (
            self.tr("No sales in these %1 months yet: revenue appears here as you record "
                    "sales.").replace("%1", f.integer(CHART_MONTHS))
            if not any(revenue) and not any(target_values) else "")
        self._chart_empty["growthChart"] = (
            self.tr("Growth needs sales in two months in a row.")
            if all(v is None for v in growth_values) else "")
        for name in ("revenueChart", "growthChart"):
            if name in self._charts:
                self._charts[name].set_empty_text(self._chart_empty[name])
        self.show_first_steps(not has_sales(store))
        self.actions.refresh(month)

    def period_label(self, period: str) -> str:
        """'November 2026', 'Q4 2026' or '2026' in the UI's language."""
        f = fmt.current()
        if self.granularity == "quarter":
            return self.tr("Q%1 %2").replace("%1", f.digits(period[-1])).replace(
                "%2", f.digits(period[:4]))
        if self.granularity == "year":
            return f.digits(period)
        return f.month(period)

    def customer_period(self) -> str:
        return period_of(self.month, self.granularity)

    def refresh_customers(self) -> None:
        store, today = self.branch_picker.figures_store(), self.today()
        f = fmt.current()
        period = self.customer_period()
        kpis = customers.customer_kpis(store, period, today)
        self.last_refresh["customers"] = kpis
        p = parse_period(period)
        in_progress = p.contains(today)
        not_started = today < p.start
        label = self.period_label(period)
        same_day = kpis.get("previous_same_day") or {}
        if in_progress:
            self.customer_period_label.setText(
                self.tr("%1, so far (day %2); beside each figure: %3 on the same day")
                .replace("%1", label).replace("%2", f.integer(p.day_of(today)))
                .replace("%3", self.period_label(period_of(same_day["as_of"][:7],
                                                           self.granularity))
                         if same_day else ""))
        elif not_started:
            self.customer_period_label.setText(
                self.tr("%1 has not started yet: no figures").replace("%1", label))
        else:
            self.customer_period_label.setText(label)
        cards = self.customer_cards
        for key in ("new_customers", "active_customers", "returning_customers"):
            cards[key].set_value(f.integer(kpis.get(key)))
        for key in ("lead_conversion", "second_purchase_rate", "retention", "churn", "crr",
                    "repeat_purchase_rate"):
            cards[key].set_value(f.percent(kpis.get(key)))
        provisional = bool(kpis.get("lead_conversion_provisional")) and not not_started
        cards["lead_conversion"].set_note(self.tr("provisional") if provisional else "")
        cards["second_purchase_rate"].set_note("")
        cards["loyal_customers"].set_value(f.integer(kpis.get("loyal_customers")))
        loyal_note = ""
        if kpis.get("loyal_share") is not None:
            loyal_note = self.tr("%1 of customers of the last %2 days").replace(
                "%1", f.percent(kpis.get("loyal_share"))).replace(
                "%2", f.integer(customers.LOYAL_WINDOW_DAYS))
        cards["loyal_customers"].set_note(loyal_note)
        shown_as = {"new_customers": f.integer, "active_customers": f.integer,
                    "returning_customers": f.integer, "retention": f.percent,
                    "churn": f.percent, "crr": f.percent, "repeat_purchase_rate": f.percent}
        for key, show in shown_as.items():
            if in_progress and key in same_day:
                # so far, with the period before on the same day: day 3 against day 3
                cards[key].set_note(self.tr("so far · %1 then").replace(
                    "%1", show(same_day[key])))
            else:
                cards[key].set_note("")
        self.last_refresh["customers_same_day"] = same_day

        self.cohort_model.set_rows(customers.cohort_table(store, self.month, 24, today))
        if self.cohort_model.rowCount():
            self.cohort_view.resizeColumnToContents(0)
            self.cohort_view.scrollToBottom()
        at_risk_day = min(today, parse_period(self.month).end)
        self.at_risk_model.set_rows(call_list_rows(store, at_risk_day, limit=200),
                                    store.reporting_currency)
        self.call_bar.refresh(store, self.month, today)
        funnel = customers.funnel(store, period, today)
        self.last_refresh["funnel"] = funnel
        self.funnel.set_labels(
            self.tr("From lead to loyal customer (leads created in %1)").replace("%1", label),
            [self.tr("Leads"), self.tr("Customers"), self.tr("Repeat"), self.tr("Loyal")])
        self.funnel.set_values([funnel.get("leads"), funnel.get("customers"),
                                funnel.get("repeat"), funnel.get("loyal")])

    def refresh_pipeline(self) -> None:
        store, month, today = self.branch_picker.figures_store(), self.month, self.today()
        f = fmt.current()
        currency = store.reporting_currency
        kpis = pipeline.pipeline_kpis(store, month, today)
        self.last_refresh["pipeline"] = kpis
        cards = self.pipeline_cards
        cards["open_pipeline"].set_value(f.figure(kpis.get("open_pipeline"), currency))
        cards["open_pipeline"].set_note(self.tr("%1 open").replace(
            "%1", f.integer(kpis.get("open_pipeline_count"))))
        cards["weighted_pipeline"].set_value(f.figure(kpis.get("weighted_pipeline"), currency))
        cards["overdue_value"].set_value(f.figure(kpis.get("overdue_value"), currency),
                                         "#b3261e" if kpis.get("overdue_count") else "")
        cards["overdue_value"].set_note(self.tr("%1 overdue").replace(
            "%1", f.integer(kpis.get("overdue_count"))))
        cards["win_rate"].set_value(f.percent(kpis.get("win_rate")))
        cards["average_deal_size"].set_value(f.figure(kpis.get("average_deal_size"), currency))
        days = kpis.get("sales_cycle_days")
        cards["sales_cycle_days"].set_value(
            # whole days: "២៩ ថ្ងៃ", never "២៩.៤ ថ្ងៃ"
            fmt.fill(self.tr("%1 days"), f.decimal(days, 0)) if days is not None else None)
        cards["pipeline_forecast"].set_value(f.figure(kpis.get("pipeline_forecast"), currency))
        cards["pipeline_coverage"].set_value(f.percent(kpis.get("pipeline_coverage")))
        stages = [dict(row, name=display_name(str(row.get("name") or "")))
                  for row in pipeline.pipeline_by_stage(store, today)]
        self._chart_empty["stageChart"] = (
            self.tr("No open opportunities: add them in the Pipeline tab.")
            if not any(row["count"] for row in stages) else "")
        self._set_chart_data("stageChart", stages, currency)

    # -- at-risk list -------------------------------------------------------------------------
    def _at_risk_activated(self, index) -> None:
        if not index.isValid():
            return
        contact_id = self.at_risk_model.contact_id(index.row())
        if contact_id is None:
            return
        self.open_contact.emit(contact_id)
        self.open_contact_requested.emit(contact_id)
