"""The Insight tab (issue #19): why revenue changed, will we make the target, what would
it take.

- "Why it changed": the revenue bridge against the month before or a year before, by
  customers or by orders × basket, as a waterfall; a bar (or the "what is behind" list)
  opens the customers or days behind it; the bridge in one sentence; growth at a
  constant exchange rate beside growth.
- "Will we make it": the chance of making the month's target in words ("about 3 in
  10") and day by day, holiday-aware pacing, per salesperson with commission earned,
  the month's target cut into weeks; the shop calendar.
- "What would it take": a target for this month or next (edited here, never saved),
  what it takes per day, in orders, in basket and in win-backs, per salesperson; next
  year's proposed targets, accepted into the Targets grid in one step (PIN, undo).
  That page lives in `kpidesk/ui/insight/plan_page.py`, the proposal dialog in
  `kpidesk/ui/insight/proposal.py`.

Figures come from `kpidesk.metrics` (bridge, pacing, insight, plan); no SQL here.
"""

from __future__ import annotations

from dataclasses import asdict

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.metrics import bridge as bridge_metrics
from kpidesk.metrics import insight as insight_metrics
from kpidesk.metrics import pacing as pacing_metrics
from kpidesk.metrics import plan as plan_metrics
from kpidesk.metrics.periods import add_months, month_key
from kpidesk.metrics.targets import salesperson_attainment
from kpidesk.reports.insight import (
    BASKET_ORDER,
    COMPONENT_LABELS,
    CUSTOMER_ORDER,
    SHORT_LABELS,
    bridge_sentence,
    chance_words,
)
from kpidesk.store.topics import Topic
from kpidesk.ui.insight.charts import ChanceChart, WaterfallChart
from kpidesk.ui.insight.models import BridgeDetailModel, ChanceModel, WeeksModel
from kpidesk.ui.insight.plan_page import PlanPage
from kpidesk.ui.insight.views import _hint, _table

MONTHS_BACK = 24


tr = translator("InsightTab")


def _translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


class InsightTab(PlanPage):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.month = month_key(ctx.today())
        self._stale = True
        self.bridge: bridge_metrics.Bridge | None = None
        self.plan: plan_metrics.Plan | None = None

        self.month_label = QLabel(self)
        self.month_combo = QComboBox(self)
        self.month_combo.setObjectName("insightMonth")
        self.month_combo.setMinimumWidth(170)
        self.month_label.setBuddy(self.month_combo)
        self.month_combo.currentIndexChanged.connect(self._month_picked)
        self.state_label = _hint(self, "insightState")
        top = QHBoxLayout()
        top.addWidget(self.month_label)
        top.addWidget(self.month_combo)
        top.addSpacing(12)
        top.addWidget(self.state_label, 1)

        self.pages = QTabWidget(self)
        self.pages.setObjectName("insightPages")
        self.pages.setDocumentMode(True)
        self.pages.addTab(self._build_why(), "")
        self.pages.addTab(self._build_chance(), "")
        self.pages.addTab(self._build_plan(), "")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        self._fill_months()
        self.retranslate_ui()

    # -- pages -----------------------------------------------------------------------
    def _build_why(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("whyPage")
        self.compare_label = QLabel(page)
        self.compare_combo = QComboBox(page)
        self.compare_combo.setObjectName("compare")
        self.compare_label.setBuddy(self.compare_combo)
        self.split_label = QLabel(page)
        self.split_combo = QComboBox(page)
        self.split_combo.setObjectName("splitBy")
        self.split_label.setBuddy(self.split_combo)
        for combo in (self.compare_combo, self.split_combo):
            combo.addItems(["", ""])
            combo.currentIndexChanged.connect(lambda _i: self.refresh_why())
        self.growth_label = QLabel(page)
        self.growth_label.setObjectName("growth")
        row = QHBoxLayout()
        row.addWidget(self.compare_label)
        row.addWidget(self.compare_combo)
        row.addSpacing(12)
        row.addWidget(self.split_label)
        row.addWidget(self.split_combo)
        row.addSpacing(12)
        row.addWidget(self.growth_label, 1)

        self.waterfall = WaterfallChart(page)
        self.waterfall.setObjectName("bridgeChart")
        self.waterfall.bar_clicked.connect(self._bar_clicked)
        self.sentence = QLabel(page)
        self.sentence.setObjectName("bridgeSentence")
        self.sentence.setWordWrap(True)
        self.sentence.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        left = QWidget(page)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.waterfall, 1)
        left_layout.addWidget(self.sentence)

        right = QWidget(page)
        self.behind_label = QLabel(right)
        self.behind_combo = QComboBox(right)
        self.behind_combo.setObjectName("behind")
        self.behind_label.setBuddy(self.behind_combo)
        self.behind_combo.currentIndexChanged.connect(lambda _i: self.refresh_details())
        self.detail_model = BridgeDetailModel(self)
        self.detail_view = _table(right, self.detail_model, "bridgeDetails")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        pick = QHBoxLayout()
        pick.addWidget(self.behind_label)
        pick.addWidget(self.behind_combo, 1)
        right_layout.addLayout(pick)
        right_layout.addWidget(self.detail_view, 1)

        split = QSplitter(Qt.Orientation.Horizontal, page)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(row)
        layout.addWidget(split, 1)
        return page

    def _build_chance(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("chancePage")
        self.chance_title = QLabel(page)
        self.chance_title.setObjectName("chanceTitle")
        self.chance_value = QLabel(page)
        self.chance_value.setObjectName("chanceValue")
        big = QFont(self.chance_value.font())
        big.setPointSizeF(max(big.pointSizeF(), 9) * 2.0)
        big.setBold(True)
        self.chance_value.setFont(big)
        self.chance_note = _hint(page, "chanceNote")
        self.pacing_text = QLabel(page)
        self.pacing_text.setObjectName("pacingText")
        self.pacing_text.setWordWrap(True)
        self.calendar_button = QPushButton(page)
        self.calendar_button.setObjectName("shopCalendarButton")
        self.calendar_button.clicked.connect(self.open_calendar)
        self.writes.add(self.calendar_button)  # the shop's calendar is kept on the server
        self.chance_chart = ChanceChart(page)
        self.chance_chart.setObjectName("insightChanceChart")
        left = QWidget(page)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.chance_title)
        left_layout.addWidget(self.chance_value)
        left_layout.addWidget(self.chance_note)
        left_layout.addWidget(self.pacing_text)
        left_layout.addWidget(self.chance_chart, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.calendar_button)
        buttons.addStretch(1)
        left_layout.addLayout(buttons)

        self.chance_model = ChanceModel(self)
        self.chance_view = _table(page, self.chance_model, "chanceTable")
        self.weeks_title = QLabel(page)
        self.weeks_model = WeeksModel(self)
        self.weeks_view = _table(page, self.weeks_model, "weeksTable")
        right = QWidget(page)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.chance_view, 3)
        right_layout.addWidget(self.weeks_title)
        right_layout.addWidget(self.weeks_view, 2)

        split = QSplitter(Qt.Orientation.Horizontal, page)
        split.addWidget(left)
        split.addWidget(right)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(split, 1)
        return page

    # -- texts --------------------------------------------------------------------------
    def title(self) -> str:
        return tr("Insight")

    def retranslate_ui(self) -> None:
        self.month_label.setText(tr("&Month:"))
        self.pages.setTabText(0, tr("Why it changed"))
        self.pages.setTabText(1, tr("Will we make it"))
        self.pages.setTabText(2, tr("What would it take"))
        self.compare_label.setText(tr("&Compare with:"))
        self.compare_combo.setItemText(0, tr("the month before"))
        self.compare_combo.setItemText(1, tr("the same month last year"))
        self.split_label.setText(tr("&Split by:"))
        self.split_combo.setItemText(0, tr("customers"))
        self.split_combo.setItemText(1, tr("orders and basket"))
        self.behind_label.setText(tr("Show &what is behind:"))
        self.chance_title.setText(tr("Chance of making this month's revenue target"))
        self.calendar_button.setText(tr("Shop calen&dar…"))
        self.weeks_title.setText(tr("The month's target, week by week"))
        self.for_label.setText(tr("F&or:"))
        self.for_combo.setItemText(0, tr("this month"))
        self.for_combo.setItemText(1, tr("next month"))
        self.target_label.setText(tr("&Target:"))
        self.target_edit.retranslate_ui()
        self.reset_button.setText(tr("&Reset to the saved target"))
        self.target_hint.setText(tr("Try a target here: nothing is saved. Targets are set "
                                    "in the Targets tab."))
        titles = {
            "needed_per_day": tr("Revenue needed per day"),
            "needed_orders_per_day": tr("Orders per day at today's basket"),
            "needed_basket": tr("Average order at today's orders per day"),
            "winbacks_needed": tr("At-risk customers to win back"),
        }
        for key, (title, _value, _note) in self.result_labels.items():
            title.setText(titles[key])
            title.setWordWrap(True)
        self.propose_button.setText(tr("&Propose next year's targets…"))
        for model in (self.detail_model, self.chance_model, self.needs_model, self.weeks_model):
            model.retranslate()
        self._fill_months()
        self.refresh()

    def _fill_months(self) -> None:
        today = month_key(self.ctx.today())
        months = [add_months(today, -i) for i in range(MONTHS_BACK, -2, -1)]
        f = fmt.current()
        self.month_combo.blockSignals(True)
        self.month_combo.clear()
        for key in months:
            self.month_combo.addItem(f.month(key), key)
        self.month_combo.setCurrentIndex(max(0, self.month_combo.findData(self.month)))
        self.month_combo.blockSignals(False)

    def _month_picked(self, index: int) -> None:
        key = self.month_combo.itemData(index)
        if key and key != self.month:
            self.month = key
            self.refresh()

    def set_month(self, month: str) -> None:
        self.month = month
        self._fill_months()
        self.refresh()

    # -- refresh ------------------------------------------------------------------------
    def on_data_changed(self, topics: set[Topic]) -> None:
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        self._stale = False
        today = self.ctx.today()
        f = fmt.current()
        from kpidesk.metrics.growth import windows

        w = windows(self.month, today)
        if w.in_progress:
            self.state_label.setText(fmt.fill(tr("In progress: day %1 of %2, figures are month "
                                                 "to date"), f.integer(w.day),
                                              f.integer(w.period.days)))
        elif w.future:
            self.state_label.setText(tr("This month has not started yet"))
        else:
            self.state_label.setText(tr("Complete month"))
        self.refresh_why()
        self.refresh_chance()
        self._load_target()

    def refresh_why(self) -> None:
        store, today = self.ctx.store, self.ctx.today()
        f = fmt.current()
        currency = store.reporting_currency
        compare = bridge_metrics.COMPARES[max(0, self.compare_combo.currentIndex())]
        self.bridge = bridge_metrics.revenue_bridge(store, self.month, today, compare)
        by = BASKET_ORDER if self.split_combo.currentIndex() == 1 else CUSTOMER_ORDER
        b = self.bridge
        if b is None:
            self.waterfall.set_data([], 0, [], 0, currency)
            self.waterfall.set_empty_text(tr("This month has not started yet."))
            self.sentence.setText("")
            self.growth_label.setText("")
        else:
            values = [b.components.get(c) for c in by]
            if any(v is None for v in values):
                self.waterfall.set_data([], 0, [], 0, currency)
                self.waterfall.set_empty_text(tr(
                    "Orders are not counted in one of the two months (a daily total has no "
                    "receipts count): split by customers instead."))
            else:
                self.waterfall.set_empty_text(
                    "" if b.revenue_before or b.revenue_after else tr("No sales in either month."))
                start, end = (tr("Month before"), tr("This month")) if compare == "mom" else (
                    tr("Last year"), tr("This year"))
                names = [start] + [_translate("Insight", SHORT_LABELS[c]) for c in by] + [end]
                self.waterfall.set_data(names, b.revenue_before,
                                        [int(v) for v in values if v is not None],
                                        b.revenue_after, currency)
            self.sentence.setText(bridge_sentence(_translate, f, b.components, b.change,
                                                  currency, compare, by=by))
            self.growth_label.setText(fmt.fill(
                tr("Growth %1 · at a constant exchange rate %2"),
                f.percent(b.growth, signed=True), f.percent(b.growth_constant_rate, signed=True)))
        self.behind_combo.blockSignals(True)
        current = self.behind_combo.currentData()
        self.behind_combo.clear()
        for c in (*by, "fx_effect"):
            self.behind_combo.addItem(_translate("Insight", COMPONENT_LABELS[c]), c)
        index = self.behind_combo.findData(current)
        self.behind_combo.setCurrentIndex(index if index >= 0 else 0)
        self.behind_combo.blockSignals(False)
        self.refresh_details()

    def _bar_clicked(self, index: int) -> None:
        self.behind_combo.setCurrentIndex(index)

    def refresh_details(self) -> None:
        component = self.behind_combo.currentData()
        currency = self.ctx.store.reporting_currency
        if self.bridge is None or component is None:
            self.detail_model.set_rows([], currency)
            return
        rows = bridge_metrics.bridge_details(self.ctx.store, self.bridge, component)
        f = fmt.current()
        def label(r: bridge_metrics.BridgeDetail) -> str:
            if r.kind == "day":
                return f.date(r.day)
            if r.kind == "product" and not r.label:
                return tr("(no product)")
            return r.label

        self.detail_model.set_rows(
            [{"label": label(r), "value": r.value, "contact_id": r.contact_id}
             for r in rows], currency)

    def refresh_chance(self) -> None:
        store, today = self.ctx.store, self.ctx.today()
        f = fmt.current()
        currency = store.reporting_currency
        from kpidesk.metrics.growth import windows
        from kpidesk.metrics.targets import actual_for, target_for

        w = windows(self.month, today)
        target = target_for(store, self.month, "revenue")
        probability = pacing_metrics.target_probability(store, self.month, today)
        actual = actual_for(store, self.month, "revenue", today=today)
        met = target is not None and actual is not None and actual >= target
        self.chance_value.setText(chance_words(_translate, f, probability, met)
                                  if probability is not None else fmt.NOT_AVAILABLE)
        if not w.in_progress:
            note = tr("The chance is known for the month in progress only.")
        elif target is None:
            note = tr("No revenue target is set for this month (Targets tab).")
        elif probability is None:
            note = tr("Not enough history yet: the chance needs four weeks of sales.")
        else:
            note = fmt.fill(tr("%1 of simulated ends of the month reach the target of %2, "
                               "drawing each day left from the same weekday of the last "
                               "eight weeks (holidays: from last year's)."),
                            f.percent(probability, places=0), f.figure(target, currency))
        self.chance_note.setText(note)
        pace = pacing_metrics.pacing(store, self.month, today)
        if pace is None or pace.target is None:
            self.pacing_text.setText("")
        else:
            how = (tr("Paced by last year's days and holidays.") if pace.from_history
                   else tr("Paced evenly over the open days."))
            self.pacing_text.setText(fmt.fill(
                tr("Expected by today %1 · pace %2 · needed per open day %3 (%4 open days "
                   "left). %5"), f.figure(pace.expected_to_date, currency),
                f.percent(pace.pace, places=0), f.figure(pace.needed_per_day, currency),
                f.integer(pace.open_days_left), how))
        history = pacing_metrics.probability_history(store, self.month, today)
        self.chance_chart.set_data(history)
        self.chance_chart.set_empty_text("" if any(p is not None for _d, p in history) else
                                         tr("No chance to show for this month."))
        chances = insight_metrics.salesperson_probabilities(store, self.month, today)
        commission = {c.salesperson_id: c.commission
                      for c in insight_metrics.commissions(store, self.month, today)}
        rows = []
        for row in salesperson_attainment(store, self.month, today):
            rows.append({**asdict(row), "chance": chances.get(row.salesperson_id),
                         "commission": commission.get(row.salesperson_id)})
        self.chance_model.set_rows(rows, currency)
        self.weeks_model.set_rows([asdict(wk) for wk in pacing_metrics.week_targets(
            store, self.month, today)], currency)

    # -- dialogs --------------------------------------------------------------------------
    def open_calendar(self) -> None:
        from kpidesk.ui.dialogs.calendar import CalendarDialog

        if self.writes.refuse():
            return
        CalendarDialog(self.ctx, self).exec()

