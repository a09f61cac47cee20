"""The dashboard's "Customers" page: customer KPIs for the month, quarter or year (so far,
beside the period before on the same day, while it is in progress), the cohort heat map,
the lead-to-loyal funnel and the at-risk call-back list with its call bar."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.fonts import HINT_COLOUR, caption_size
from kpidesk.i18n.tr import translator
from kpidesk.metrics import cohorts, contact_status, customers
from kpidesk.metrics.periods import parse_period
from kpidesk.store.db import Store
from kpidesk.ui import act_dashboard
from kpidesk.ui.callbacks import CallListModel, call_list_rows
from kpidesk.ui.context import AppContext
from kpidesk.ui.dashboard.cards import CUSTOMER_CARDS, card_defs, show
from kpidesk.ui.dashboard.tables import EnterFilter, read_only_table
from kpidesk.ui.models.dashboard_models import CohortModel
from kpidesk.ui.plots.cards import CardGrid
from kpidesk.ui.plots.funnel import FunnelWidget
from kpidesk.ui.server_writes import ServerWrites

tr = translator("DashboardTab")

GRANULARITIES = ("month", "quarter", "year")
# compared with the period before on the same day while the period is in progress
SAME_DAY_CARDS = ("new_customers", "active_customers", "returning_customers", "retention",
                  "churn", "crr", "repeat_purchase_rate")


def period_of(month: str, granularity: str) -> str:
    """The month, quarter or year key containing `month`."""
    if granularity == "quarter":
        return f"{month[:4]}-Q{(int(month[5:7]) - 1) // 3 + 1}"
    if granularity == "year":
        return month[:4]
    return month


def period_label(period: str, granularity: str) -> str:
    """'November 2026', 'Q4 2026' or '2026' in the UI's language."""
    f = fmt.current()
    if granularity == "quarter":
        return fmt.fill(tr("Q%1 %2"), f.digits(period[-1]), f.digits(period[:4]))
    if granularity == "year":
        return f.digits(period)
    return f.month(period)


class CustomersPage(QWidget):
    open_contact = Signal(int)  # a customer of the call-back list was opened
    granularity_changed = Signal(str)

    def __init__(self, ctx: AppContext, last_refresh: dict,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # the store the figures are read from: the shop's, or one branch's (the tab's picker)
        self.figures_store: Callable[[], Store] = lambda: ctx.store
        self.ctx = ctx
        self.writes = ServerWrites(ctx, self)  # the call-back bar's (act_dashboard.call_bar)
        self.last_refresh = last_refresh
        self.granularity = "month"
        self.granularity_label = QLabel(self)
        self.granularity_combo = QComboBox(self)
        self.granularity_combo.setObjectName("granularity")
        self.granularity_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for g in GRANULARITIES:
            self.granularity_combo.addItem("", g)
        self.granularity_combo.currentIndexChanged.connect(
            lambda i: self.granularity_changed.emit(self.granularity_combo.itemData(i)))
        self.granularity_label.setBuddy(self.granularity_combo)
        self.period_label = QLabel(self)
        self.period_label.setStyleSheet(f"color: {HINT_COLOUR};")
        row = QHBoxLayout()
        row.addWidget(self.granularity_label)
        row.addWidget(self.granularity_combo)
        row.addSpacing(12)
        row.addWidget(self.period_label, 1)
        self.cards = CardGrid(CUSTOMER_CARDS, columns=5, parent=self)

        self.cohort_model = CohortModel(self)
        self.cohort_view = QTableView(self)
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
        self.cohort_title = QLabel(self)
        self.cohort_title.setStyleSheet("font-weight: bold;")
        self.cohort_title.setWordWrap(True)  # a long translation must not widen the page
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.cohort_title)
        left_layout.addWidget(self.cohort_view, 1)

        self.funnel = FunnelWidget(self)
        self.funnel.setObjectName("funnel")
        self.at_risk_title = QLabel(self)
        self.at_risk_title.setStyleSheet("font-weight: bold;")
        self.at_risk_title.setWordWrap(True)
        self.at_risk_model = CallListModel(self)  # with each customer's last call
        self.at_risk_view = read_only_table(self, self.at_risk_model, "atRiskTable")
        header = self.at_risk_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.at_risk_view.doubleClicked.connect(self._at_risk_activated)
        self.at_risk_view.installEventFilter(EnterFilter(self.at_risk_view,
                                                         self._at_risk_activated))
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.funnel, 2)
        right_layout.addWidget(self.at_risk_title)
        right_layout.addWidget(self.at_risk_view, 3)
        self.call_bar = act_dashboard.call_bar(self, right, left)  # log a call; win-back
        right_layout.addWidget(self.call_bar)
        left_layout.addWidget(self.call_bar.figures)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([560, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.cards)
        layout.addWidget(split, 1)

    def _fit_cohort_font(self) -> None:
        """The cohort table's small figures: 0.85 × the base size, at least 9 pt in Khmer."""
        small = self.cohort_view.font()
        small.setPointSizeF(max(caption_size(self._cohort_base_pt, 0.85), 7))
        if small.pointSizeF() != self.cohort_view.font().pointSizeF():
            self.cohort_view.setFont(small)
            self.cohort_view.verticalHeader().setDefaultSectionSize(
                int(self.cohort_view.fontMetrics().height() * 1.45))

    def retranslate_ui(self) -> None:
        self._fit_cohort_font()
        for key, card in card_defs(self.ctx.store).items():
            if key in CUSTOMER_CARDS:
                self.cards[key].set_title(card.title, card.tooltip)
        self.granularity_label.setText(tr("Customer figures &by:"))
        names = {"month": tr("Month"), "quarter": tr("Quarter"), "year": tr("Year")}
        for i in range(self.granularity_combo.count()):
            self.granularity_combo.setItemText(i, names[self.granularity_combo.itemData(i)])
        self.cohort_title.setText(tr("Cohorts: share of each month's new customers who bought"
                                     " again k months later"))
        self.at_risk_title.setText(tr("Call back: good customers who stopped coming"
                                      " (double-click to open)"))
        for model in (self.at_risk_model, self.cohort_model):
            model.retranslate()
        self.call_bar.retranslate_ui()

    def set_granularity(self, granularity: str) -> bool:
        """Show `granularity` in the combo; True when the figures must be refreshed."""
        if granularity not in GRANULARITIES:
            raise ValueError(granularity)
        if self.granularity_combo.currentData() != granularity:
            self.granularity_combo.setCurrentIndex(self.granularity_combo.findData(granularity))
            return False  # the combo's signal comes back
        if granularity == self.granularity:
            return False
        self.granularity = granularity
        return True

    def refresh(self, month: str, today: date) -> None:
        store = self.figures_store()
        f = fmt.current()
        period = period_of(month, self.granularity)
        kpis = customers.customer_kpis(store, period, today)
        self.last_refresh["customers"] = kpis
        p = parse_period(period)
        in_progress = p.contains(today)
        not_started = today < p.start
        label = period_label(period, self.granularity)
        # read by card key below (SAME_DAY_CARDS)
        same_day: Mapping[str, Any] = kpis["previous_same_day"] or {}
        if in_progress:
            self.period_label.setText(fmt.fill(
                tr("%1, so far (day %2); beside each figure: %3 on the same day"),
                label, f.integer(p.day_of(today)),
                period_label(period_of(same_day["as_of"][:7], self.granularity),
                             self.granularity) if same_day else ""))
        elif not_started:
            self.period_label.setText(fmt.fill(tr("%1 has not started yet: no figures"),
                                               label))
        else:
            self.period_label.setText(label)
        defs = card_defs(store)
        currency = store.reporting_currency
        for key in CUSTOMER_CARDS:
            self.cards[key].set_value(show(defs[key], kpis.get(key), currency))
        provisional = bool(kpis.get("lead_conversion_provisional")) and not not_started
        self.cards["lead_conversion"].set_note(tr("provisional") if provisional else "")
        self.cards["second_purchase_rate"].set_note("")
        loyal_note = ""
        if kpis.get("loyal_share") is not None:
            loyal_note = fmt.fill(tr("%1 of customers of the last %2 days"),
                                  f.percent(kpis.get("loyal_share")),
                                  f.integer(customers.LOYAL_WINDOW_DAYS))
        self.cards["loyal_customers"].set_note(loyal_note)
        for key in SAME_DAY_CARDS:
            if in_progress and key in same_day:
                # so far, with the period before on the same day: day 3 against day 3
                self.cards[key].set_note(fmt.fill(tr("so far · %1 then"),
                                                  show(defs[key], same_day[key], currency)))
            else:
                self.cards[key].set_note("")
        self.last_refresh["customers_same_day"] = same_day

        self.cohort_model.set_rows(cohorts.cohort_table(store, month, 24, today))
        if self.cohort_model.rowCount():
            self.cohort_view.resizeColumnToContents(0)
            self.cohort_view.scrollToBottom()
        at_risk_day = min(today, parse_period(month).end)
        self.at_risk_model.set_rows(call_list_rows(store, at_risk_day, limit=200),
                                    store.reporting_currency)
        self.call_bar.refresh(store, month, today)
        funnel = contact_status.funnel(store, period, today)
        self.last_refresh["funnel"] = funnel
        self.funnel.set_labels(
            fmt.fill(tr("From lead to loyal customer (leads created in %1)"), label),
            [tr("Leads"), tr("Customers"), tr("Repeat"), tr("Loyal")])
        self.funnel.set_values([funnel.leads, funnel.customers, funnel.repeat, funnel.loyal])

    def _at_risk_activated(self, index) -> None:
        if not index.isValid():
            return
        contact_id = self.at_risk_model.contact_id(index.row())
        if contact_id is not None:
            self.open_contact.emit(contact_id)
