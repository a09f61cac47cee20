"""The Insight tab's "What would it take" page: a trial target and what it takes."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.metrics import plan as plan_metrics
from kpidesk.metrics.periods import add_months, month_key
from kpidesk.store.errors import ValidationError
from kpidesk.ui.insight.models import NeedsModel
from kpidesk.ui.insight.proposal import ProposalDialog
from kpidesk.ui.insight.views import _hint, _table
from kpidesk.ui.messages import validation_text
from kpidesk.ui.names import object_name
from kpidesk.ui.tabs.base import Tab
from kpidesk.ui.widgets import AmountEdit, ErrorLabel

tr = translator("InsightTab")


class PlanPage(Tab):
    """The plan page's part of the Insight tab (InsightTab builds on it)."""

    plan: plan_metrics.Plan | None  # set by refresh_plan (None until then)

    def _build_plan(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("planPage")
        self.for_label = QLabel(page)
        self.for_combo = QComboBox(page)
        self.for_combo.setObjectName("planFor")
        self.for_combo.addItems(["", ""])
        self.for_label.setBuddy(self.for_combo)
        self.for_combo.currentIndexChanged.connect(lambda _i: self._load_target())
        self.target_label = QLabel(page)
        self.target_edit = AmountEdit(page, allow_zero=True, allow_negative=False)
        self.target_edit.setObjectName("planTarget")
        self.target_label.setBuddy(self.target_edit)
        self.target_edit.textEdited.connect(lambda _t: self.refresh_plan())
        self.reset_button = QPushButton(page)
        self.reset_button.setObjectName("resetTarget")
        self.reset_button.clicked.connect(self._load_target)
        self.writes.add(self.reset_button)  # reads the saved target from the server
        self.target_error = ErrorLabel(page)
        self.target_hint = _hint(page, "targetHint")
        row = QHBoxLayout()
        row.addWidget(self.for_label)
        row.addWidget(self.for_combo)
        row.addSpacing(12)
        row.addWidget(self.target_label)
        row.addWidget(self.target_edit)
        row.addWidget(self.reset_button)
        row.addStretch(1)

        self.result_labels: dict[str, tuple[QLabel, QLabel, QLabel]] = {}
        grid = QGridLayout()
        for i, key in enumerate(("needed_per_day", "needed_orders_per_day", "needed_basket",
                                 "winbacks_needed")):
            title, value, note = QLabel(page), QLabel(page), _hint(page, object_name(key, "note"))
            value.setObjectName(object_name(key))
            font = QFont(value.font())
            font.setPointSizeF(max(font.pointSizeF(), 9) * 1.4)
            font.setBold(True)
            value.setFont(font)
            grid.addWidget(title, 0, i)
            grid.addWidget(value, 1, i)
            grid.addWidget(note, 2, i)
            grid.setColumnStretch(i, 1)
            self.result_labels[key] = (title, value, note)

        self.needs_model = NeedsModel(self)
        self.needs_view = _table(page, self.needs_model, "needsTable")
        self.propose_button = QPushButton(page)
        self.propose_button.setObjectName("proposeTargets")
        self.propose_button.clicked.connect(self.open_proposal)
        self.writes.add(self.propose_button)  # saves targets
        bottom = QHBoxLayout()
        bottom.addWidget(self.propose_button)
        bottom.addStretch(1)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.target_error)
        layout.addWidget(self.target_hint)
        layout.addLayout(grid)
        layout.addWidget(self.needs_view, 1)
        layout.addLayout(bottom)
        return page

    # -- what would it take ------------------------------------------------------------
    def plan_month(self) -> str:
        today = month_key(self.ctx.today())
        return today if self.for_combo.currentIndex() == 0 else add_months(today, 1)

    def _load_target(self) -> None:
        from kpidesk.metrics.targets import target_for

        store = self.ctx.store
        target = target_for(store, self.plan_month(), "revenue")
        self.target_edit.set_minor(target, store.reporting_currency)
        self.refresh_plan()

    def refresh_plan(self) -> None:
        store, today = self.ctx.store, self.ctx.today()
        currency = store.reporting_currency
        f = fmt.current()
        self.target_error.clear_error()
        target = None
        if self.target_edit.text().strip():
            try:
                target = self.target_edit.minor(currency, "amount")
            except ValidationError as err:
                self.target_error.show_error(validation_text(err))
                return
        self.plan = plan_metrics.plan(store, self.plan_month(), today, target=target)
        shop = self.plan.shop
        values = {
            "needed_per_day": (f.figure(shop.needed_per_day, currency), fmt.fill(
                tr("%1 open days left"), f.integer(self.plan.open_days_left))),
            "needed_orders_per_day": (f.integer(shop.needed_orders_per_day), fmt.fill(
                tr("today's basket %1"), f.figure(shop.current_basket, currency))),
            "needed_basket": (f.figure(shop.needed_basket, currency), fmt.fill(
                tr("today's orders per day %1"), f.decimal(shop.current_orders_per_day, 1))),
            "winbacks_needed": (
                f.integer(self.plan.winbacks_needed),
                tr("each at their usual monthly revenue") if self.plan.winbacks_needed
                is not None or target is None else tr("the call-back list is not enough")),
        }
        for key, (_title, value, note) in self.result_labels.items():
            value.setText(values[key][0] if target is not None else "—")
            note.setText(values[key][1] if target is not None else tr("type a target"))
        self.needs_model.set_rows([
            {"name": n.name, "target": n.target, "actual": n.actual,
             "needed_per_day": n.needed_per_day, "needed_orders_per_day": n.needed_orders_per_day,
             "needed_basket": n.needed_basket} for n in self.plan.salespeople], currency)

    def open_proposal(self) -> None:
        if self.writes.refuse():
            return
        dialog = ProposalDialog(self.ctx, int(month_key(self.ctx.today())[:4]) + 1, self)
        dialog.exec()
