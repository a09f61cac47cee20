"""The Insight tab's dialog of next year's proposed targets (accepted into the Targets grid)."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.metrics import plan as plan_metrics
from kpidesk.store.errors import StoreError, ValidationError
from kpidesk.ui.insight.models import ProposalModel
from kpidesk.ui.insight.views import _hint, _table
from kpidesk.ui.messages import validation_text
from kpidesk.ui.screen import keep_on_screen
from kpidesk.ui.widgets import ErrorLabel

tr = translator("InsightTab")


class ProposalDialog(QDialog):
    """Next year's monthly targets from the trend and last year's seasonality; "Accept"
    writes them into the Targets grid as the shop's revenue targets (PIN; one undo)."""

    def __init__(self, ctx, year: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_on_screen(self)
        self.ctx, self.year = ctx, year
        self.setObjectName("proposalDialog")
        self.setWindowTitle(fmt.fill(tr("Proposed targets for %1"),
                                     fmt.current().digits(str(year))))
        self.proposal = plan_metrics.propose_year(ctx.store, year, ctx.today())
        self.model = ProposalModel(self)
        f = fmt.current()
        self.model.set_rows([{"month_name": f.month(p.period), "period": p.period,
                              "value": p.value, "trend": p.trend}
                             for p in self.proposal or []], ctx.store.reporting_currency)
        self.view = _table(self, self.model, "proposalTable")
        self.explain = _hint(self, "proposalHint")
        self.explain.setText(
            tr("From the trend of the last twelve months, spread over the year as last year's "
               "months sold. Accepting sets the shop's revenue target of each month; "
               "Edit ▸ Undo takes it back.") if self.proposal else
            tr("Not enough history: a proposal needs at least three months of sales."))
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(self)
        self.accept_button = self.buttons.addButton(
            tr("&Accept into the Targets grid"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.accept_button.setObjectName("acceptProposal")
        self.accept_button.setEnabled(bool(self.proposal))
        self.close_button = self.buttons.addButton(tr("&Close"),
                                                   QDialogButtonBox.ButtonRole.RejectRole)
        self.buttons.accepted.connect(self.accept_proposal)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explain)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(560, 520)

    def accept_proposal(self) -> bool:
        from kpidesk.store import targets as store_targets
        from kpidesk.ui.commands.targets import YearSnapshotCommand
        from kpidesk.ui.messages import store_error_text

        if not self.proposal:
            return False
        store = self.ctx.store
        with self.ctx.owner_session(self, "target") as allowed:
            if not allowed:
                return False
            try:
                before = YearSnapshotCommand.snapshot(store, self.year)
                store_targets.set_many(store, [(p.period, "revenue", p.value, None)
                                               for p in self.proposal],
                                       store.reporting_currency)
                after = YearSnapshotCommand.snapshot(store, self.year)
            except StoreError as err:
                self.error.show_error(validation_text(err) if isinstance(err, ValidationError)
                                      else store_error_text(err, store.path))
                return False
            year = self.year
            self.ctx.undo_stack.push(YearSnapshotCommand(
                store, year, before, after,
                lambda: fmt.fill(tr("Accept proposed targets for %1"),
                                 fmt.current().digits(str(year)))))
        self.accept()
        return True
