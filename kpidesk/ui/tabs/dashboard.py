"""The Dashboard tab: how the shop is doing this month, at a glance.

A month picker on top; three pages under it so everything fits 1200×780 (each its own
widget in `kpidesk/ui/dashboard/`):
- "Sales & targets" (`SalesPage`): the sales cards, revenue vs target over 24 months
  (with the trend forecast and its 80 % band), growth %, the chance of making the
  target day by day, and the attainment and chance of each salesperson;
- "Customers" (`CustomersPage`): customer KPIs for the month, quarter or year, the
  cohort heat map, the conversion funnel and the at-risk call-back list;
- "Pipeline" (`PipelinePage`): pipeline KPIs and the open pipeline by stage.

Every figure comes from `kpidesk.metrics` (which reads the rollups); a refresh only sets
label texts and chart data, it never rebuilds widgets. The charts are made just after
the first paint (`LazyCharts`); the customers and pipeline pages are built when first
shown. What the tab asks of the window goes out as signals (`Tab`).
"""

from __future__ import annotations

from datetime import date

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from kpidesk.i18n.fonts import HINT_COLOUR
from kpidesk.metrics.periods import month_key, parse_period
from kpidesk.ui import act_dashboard
from kpidesk.ui.dashboard.cards import card_titles
from kpidesk.ui.dashboard.chart_box import LazyCharts
from kpidesk.ui.dashboard.customers_page import GRANULARITIES, CustomersPage, period_of
from kpidesk.ui.dashboard.customers_page import period_label as label_of_period
from kpidesk.ui.dashboard.month_picker import MonthPicker
from kpidesk.ui.dashboard.pipeline_page import PipelinePage
from kpidesk.ui.dashboard.sales_page import CHART_MONTHS, SalesPage
from kpidesk.ui.names import object_name
from kpidesk.ui.tabs.base import Tab

SECTIONS = ("sales", "customers", "pipeline")  # the pages, in order
__all__ = ["GRANULARITIES", "SECTIONS", "DashboardTab", "period_of"]


class DashboardTab(Tab):
    open_contact = Signal(int)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.month = month_key(ctx.today())
        self.last_refresh: dict[str, object] = {}
        self._pending: set[str] = set()
        self._stale: set[str] = set()  # pages to refresh when next shown
        self.charts = LazyCharts(self, self._retranslate_charts)
        self.customers_page: CustomersPage | None = None  # built when first shown
        self.pipeline_page: PipelinePage | None = None
        self._page_holders: dict[str, QWidget] = {}  # pages not filled yet (_ensure_page)

        self.picker = MonthPicker(ctx.today, CHART_MONTHS, self)
        self.picker.month_picked.connect(self.set_month)
        self.state_label = QLabel(self)
        self.state_label.setObjectName("state")
        self.state_label.setStyleSheet(f"color: {HINT_COLOUR};")
        top = QHBoxLayout()
        top.addWidget(self.picker)
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
        self.sales_page = SalesPage(ctx, self.charts, self.last_refresh, self.pages)
        self.sales_page.figures_store = self.branch_picker.figures_store
        self.sales_page.open_view.connect(
            lambda view: self.open_analysis_requested.emit(view, self.month))
        self.sales_page.go_to_tab.connect(self.show_tab_requested)
        self.pages.addTab(self.sales_page, "")
        # the other pages are filled when first shown (fewer widgets before the first paint)
        for section in SECTIONS[1:]:
            holder = QWidget(self.pages)
            holder.setObjectName(object_name(section, "page"))
            self._page_holders[section] = holder
            self.pages.addTab(holder, "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)

        self._fill_months()
        self.retranslate_ui()  # also fills every figure

    # -- what tests and the window read ---------------------------------------------
    @property
    def sales_cards(self):
        return self.sales_page.cards

    @property
    def attainment_model(self):
        return self.sales_page.attainment_model

    @property
    def attainment_view(self):
        return self.sales_page.attainment_view

    @property
    def sales_split(self):
        return self.sales_page.split

    @property
    def first_steps(self):
        return self.sales_page.first_steps

    @property
    def card_links(self):
        return self.sales_page.card_links

    @property
    def month_combo(self):
        return self.picker.combo

    @property
    def prev_button(self):
        return self.picker.prev_button

    @property
    def next_button(self):
        return self.picker.next_button

    @property
    def month_label(self):
        return self.picker.label

    def _customers(self) -> CustomersPage:
        self._ensure_page("customers")
        assert self.customers_page is not None
        return self.customers_page

    @property
    def customer_cards(self):
        return self._customers().cards

    @property
    def granularity(self) -> str:
        return self.customers_page.granularity if self.customers_page else "month"

    @property
    def granularity_combo(self):
        return self._customers().granularity_combo

    @property
    def customer_period_label(self):
        return self._customers().period_label

    @property
    def cohort_model(self):
        return self._customers().cohort_model

    @property
    def cohort_view(self):
        return self._customers().cohort_view

    @property
    def at_risk_model(self):
        return self._customers().at_risk_model

    @property
    def at_risk_view(self):
        return self._customers().at_risk_view

    @property
    def funnel(self):
        return self._customers().funnel

    @property
    def call_bar(self):
        return self._customers().call_bar

    @property
    def pipeline_cards(self):
        self._ensure_page("pipeline")
        assert self.pipeline_page is not None
        return self.pipeline_page.cards

    # -- pages ------------------------------------------------------------------------
    def _ensure_page(self, section: str) -> None:
        """Fill the customers or pipeline page the first time it is needed."""
        holder = self._page_holders.pop(section, None)
        if holder is None:
            return
        layout = QVBoxLayout(holder)
        layout.setContentsMargins(0, 0, 0, 0)
        if section == "customers":
            page = self.customers_page = CustomersPage(self.ctx, self.last_refresh, holder)
            page.open_contact.connect(self._contact_opened)
            page.granularity_changed.connect(self.set_granularity)
        else:
            page = self.pipeline_page = PipelinePage(self.ctx, self.charts, self.last_refresh,
                                                     holder)
        page.figures_store = self.branch_picker.figures_store
        layout.addWidget(page)
        page.retranslate_ui()
        self._retranslate_charts()
        if holder.isVisible():  # shown now, not at the next turn of the event loop
            page.show()
        self.tables_added.emit(holder)  # the window's "Export this table…" on the new tables

    # -- texts ------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Dashboard")

    def card_titles(self) -> dict[str, tuple[str, str]]:
        """(title, tooltip) of every card, in the current language."""
        return card_titles(self.ctx.store)

    def retranslate_ui(self) -> None:
        if not shiboken6.isValid(self):
            return  # destroyed; the base class's language hook outlives the widget
        self.picker.retranslate_ui()
        self.pages.setTabText(0, self.tr("Sales && targets"))
        self.pages.setTabText(1, self.tr("Customers"))
        self.pages.setTabText(2, self.tr("Pipeline"))
        self.sales_page.retranslate_ui()
        self.actions.retranslate_ui()
        for page in (self.customers_page, self.pipeline_page):
            if page is not None:
                page.retranslate_ui()
        self._retranslate_charts()
        self.refresh(lazy=True)  # figures are formatted in the language too

    def _retranslate_charts(self) -> None:
        """Texts of the charts made so far (the others get theirs when made)."""
        self.sales_page.retranslate_charts()
        if self.pipeline_page is not None:
            self.pipeline_page.retranslate_charts()
        for chart in self.charts.charts.values():
            chart.refresh_axes()

    # -- charts, made after the first paint -------------------------------------------
    @property
    def charts_built(self) -> bool:
        """True once pyqtgraph is in and the charts of the pages built so far are made."""
        return self.charts.made

    @property
    def revenue_chart(self):
        return self.charts.get("revenueChart")

    @property
    def growth_chart(self):
        return self.charts.get("growthChart")

    @property
    def chance_chart(self):
        return self.charts.get("chanceChart")

    @property
    def stage_chart(self):
        self._ensure_page("pipeline")
        return self.charts.get("stageChart")

    def ensure_charts(self) -> None:
        self.charts.ensure()

    # -- an empty shop ----------------------------------------------------------------
    def show_first_steps(self, empty: bool) -> None:
        self.sales_page.show_first_steps(empty, self.today())

    # -- month picker -----------------------------------------------------------------
    def _fill_months(self) -> None:
        self.picker.fill(self.ctx.store, self.month)

    def set_month(self, month: str) -> None:
        parse_period(month)
        if month == self.month and self.month_combo.currentData() == month:
            return
        self.month = month
        self._fill_months()
        self.refresh(lazy=True)

    def set_granularity(self, granularity: str) -> None:
        if self._customers().set_granularity(granularity):
            self.refresh_customers()

    def period_label(self, period: str) -> str:
        """'November 2026', 'Q4 2026' or '2026' in the UI's language."""
        return label_of_period(period, self.granularity)

    # -- refresh ----------------------------------------------------------------------
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
        self.state_label.setText(self.sales_page.refresh(self.month, self.today()))
        self.actions.refresh(self.month)

    def refresh_customers(self) -> None:
        self._customers().refresh(self.month, self.today())

    def refresh_pipeline(self) -> None:
        self._ensure_page("pipeline")
        assert self.pipeline_page is not None
        self.pipeline_page.refresh(self.month, self.today())

    def _contact_opened(self, contact_id: int) -> None:
        self.open_contact.emit(contact_id)
        self.open_contact_requested.emit(contact_id)

