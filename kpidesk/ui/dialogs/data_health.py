"""The data-health list of a period (KPI.md §6): each finding with the rows behind it, a
button to open the sale and fix it, and one to mark it as right (it does not return)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.fonts import HINT_COLOUR
from kpidesk.i18n.tr import QT_TRANSLATE_NOOP
from kpidesk.metrics import health
from kpidesk.metrics.periods import parse_period
from kpidesk.reports.health_words import finding_sentence, kind_name
from kpidesk.store.errors import StoreError
from kpidesk.ui.callbacks import _view
from kpidesk.ui.messages import store_error_text
from kpidesk.ui.models.dashboard_models import RowsModel
from kpidesk.ui.screen import keep_on_screen
from kpidesk.ui.server_writes import ServerWrites

tr = QCoreApplication.translate  # tr("Context", "text"): collected by tools/i18n/extract.py


class FindingsModel(RowsModel):
    CONTEXT = "FindingsModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("FindingsModel", "Date"),
        QT_TRANSLATE_NOOP("FindingsModel", "What looks wrong"),
        QT_TRANSLATE_NOOP("FindingsModel", "Details"),
    )

    def finding(self, row: int) -> health.Finding | None:
        return self.rows[row]["finding"] if 0 <= row < len(self.rows) else None

    def cell(self, row: dict, column: int):
        finding: health.Finding = row["finding"]
        f = fmt.current()
        if column == 0:
            return f.date(finding.date), finding.date, None
        if column == 1:
            return kind_name(finding.kind, tr), finding.kind, None
        return finding_sentence(finding, tr, f, self.currency), "", None

    def extra_data(self, row: dict, column: int, role: int):
        if role == Qt.ItemDataRole.ToolTipRole and column == 2:
            return self.cell(row, 2)[0]
        return None


class DataHealthDialog(QDialog):
    # What the dialog asks of the window (whoever opens it connects them)
    open_sale_requested = Signal(int, object)  # order id, (order id, position) or None
    enter_day_requested = Signal(str)  # a day with no sale: the Sales form on that day

    def __init__(self, ctx, period: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_on_screen(self)
        self.setObjectName("dataHealthDialog")
        self.ctx = ctx
        self.period = period
        self.resize(900, 480)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {HINT_COLOUR};")
        self.model = FindingsModel(self)
        self.view = _view(self, self.model, "findings")
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.horizontalHeader().setSectionResizeMode(
            0, self.view.horizontalHeader().ResizeMode.ResizeToContents)
        self.view.setWordWrap(False)  # one line each; the whole sentence in its tooltip
        self.view.doubleClicked.connect(lambda _i: self.open_sale())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.open_button = QPushButton(self)
        self.open_button.setObjectName("openSale")
        self.open_button.clicked.connect(self.open_sale)
        self.right_button = QPushButton(self)
        self.right_button.setObjectName("markRight")
        self.right_button.clicked.connect(self.mark_right)
        self.writes = ServerWrites(ctx, self)  # both change or open the shop's records
        self.writes.add(self.right_button, self.open_button)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        self.buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.right_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.error = QLabel(self)
        self.error.setStyleSheet("color: #c62828;")
        self.error.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.result_: health.HealthCheck | None = None
        ctx.data_changed.connect(self._on_data_changed)
        ctx.language.language_changed.connect(self.retranslate_ui)
        self.reload()

    def _on_data_changed(self, topics: set) -> None:
        if topics & {"sales", "contacts", "health", "imports"}:
            self.reload()

    def reload(self) -> None:
        self.result_ = health.check(self.ctx.store, self.period, self.ctx.today())
        self.model.set_rows([{"finding": x} for x in self.result_.findings],
                            self.ctx.store.reporting_currency)
        if self.model.rowCount():
            self.view.selectRow(0)
        self.retranslate_ui()

    def retranslate_ui(self, *_: object) -> None:
        f = fmt.current()
        month = f.month(parse_period(self.period).key)
        self.setWindowTitle(fmt.fill(tr("DataHealthDialog", "Check the data: %1"), month))
        count = self.result_.count if self.result_ else 0
        if count:
            self.summary.setText(fmt.fill(tr("DataHealthDialog", "%1 entries of %2 look wrong."
                                                                 " Each one bends the figures:"
                                                                 " fix it, or mark it as right."),
                                          f.integer(count), month))
        else:
            self.summary.setText(fmt.fill(tr("DataHealthDialog", "Nothing looks wrong in %1."),
                                          month))
        self.hint.setText(tr("DataHealthDialog", "Marked as right: the finding does not come"
                                                 " back. Checked: missing days, amounts far"
                                                 " above the usual, unusual rates, riel typed"
                                                 " as dollars, sales entered twice, dates"
                                                 " after today or before the customer was"
                                                 " created."))
        self.right_button.setText(tr("DataHealthDialog", "&Mark as right"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            tr("DataHealthDialog", "Close"))
        self.model.retranslate()
        self._update_buttons()

    def current(self) -> health.Finding | None:
        index = self.view.currentIndex()
        return self.model.finding(index.row()) if index.isValid() else None

    def _update_buttons(self) -> None:
        finding = self.current()
        self.writes.enable(self.right_button, finding is not None)
        self.writes.enable(self.open_button, finding is not None)
        if finding is not None and finding.kind == "missing_days":
            self.open_button.setText(tr("DataHealthDialog", "&Enter the day's sales"))
        else:
            self.open_button.setText(tr("DataHealthDialog", "&Open the sale to fix it"))

    def open_sale(self) -> None:
        """The sale in the Sales tab's form, ready to fix (or the Sales tab for a day with
        no sale)."""
        finding = self.current()
        if finding is None:
            return
        if finding.rows:
            row = finding.rows[0]
            line = (row.order_id, row.position) if row.position else None
            self.open_sale_requested.emit(row.order_id, line)
        else:
            self.enter_day_requested.emit(finding.date)
        self.hide()

    def mark_right(self) -> None:
        finding = self.current()
        if finding is None:
            return
        row = self.view.currentIndex().row()
        try:
            health.mark_right(self.ctx.store, finding)
        except StoreError as err:
            self.error.setText(store_error_text(err))
            self.error.show()
            return
        self.error.hide()
        if self.model.rowCount():
            self.view.selectRow(min(row, self.model.rowCount() - 1))
