"""The Targets tab's "Spread a yearly target" dialog: a year's total over 12 months by percentage."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.format import fill as fill_in
from kpidesk.store import targets as store_targets
from kpidesk.store.errors import ValidationError
from kpidesk.ui.models.targets_model import TargetsModel
from kpidesk.ui.names import object_name
from kpidesk.ui.screen import keep_on_screen


class SpreadDialog(QDialog):
    """Total for the year and 12 percentages (equal by default) → 12 monthly targets."""

    def __init__(self, model: TargetsModel, column: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_on_screen(self)  # inside a small laptop's screen, whatever it holds
        self.model = model
        self.setObjectName("spreadDialog")
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.scope_label = QLabel(self)
        self.scope = QComboBox(self)
        for i, (sp, _name) in enumerate(model.columns):
            self.scope.addItem(str(model.headerData(i, Qt.Orientation.Horizontal)), sp)
        self.scope.setCurrentIndex(max(0, column))
        form.addRow(self.scope_label, self.scope)
        self.total_label = QLabel(self)
        self.total = QLineEdit(self)
        self.total.setObjectName("total")
        form.addRow(self.total_label, self.total)
        layout.addLayout(form)

        grid = QGridLayout()
        self.month_labels: list[QLabel] = []
        self.percents: list[QLineEdit] = []
        self.previews: list[QLabel] = []
        for m in range(12):
            label = QLabel(self)
            edit = QLineEdit(self)
            edit.setObjectName(object_name("percent", m + 1))
            edit.setMaximumWidth(80)
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            preview = QLabel(self)
            preview.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            preview.setMinimumWidth(110)
            row, col = m % 6, (m // 6) * 3
            grid.addWidget(label, row, col)
            grid.addWidget(edit, row, col + 1)
            grid.addWidget(preview, row, col + 2)
            self.month_labels.append(label)
            self.percents.append(edit)
            self.previews.append(preview)
            edit.textChanged.connect(self.update_preview)
        layout.addLayout(grid)
        row = QHBoxLayout()
        self.equal_button = QPushButton(self)
        self.equal_button.clicked.connect(self.set_equal)
        row.addWidget(self.equal_button)
        self.sum_label = QLabel(self)
        row.addWidget(self.sum_label, 1)
        layout.addLayout(row)
        self._spread_row = row
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error")
        self.error_label.setStyleSheet("color: #b3261e;")
        self.error_label.setWordWrap(True)
        layout.addWidget(self.error_label)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.total.textChanged.connect(self.update_preview)
        self.values: list[int] | None = None
        self.scope.currentIndexChanged.connect(self._prefill_total)
        self._prefill_total()
        self.set_equal()
        from kpidesk.ui.insight.holidays import add_last_year_button

        self.last_year_button = add_last_year_button(self, self._spread_row)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        f = fmt.current()
        self.setWindowTitle(self.tr("Spread a yearly target"))
        self.scope_label.setText(self.tr("For:"))
        for i in range(self.scope.count()):
            self.scope.setItemText(i, str(self.model.headerData(i, Qt.Orientation.Horizontal)))
        self.total_label.setText(fill_in(self.tr("Total for %1:"), f.digits(
            str(self.model.year))))
        self.total.setPlaceholderText(fmt.fill(self.tr("e.g. %1"), f.integer(120_000)))
        for m, label in enumerate(self.month_labels):
            label.setText(f.month_name(m + 1))
        self.equal_button.setText(self.tr("&Equal months"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Spread"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.update_preview()

    def _prefill_total(self, *_: object) -> None:
        """Start from the year's current total of the chosen column, if it has targets."""
        sp = self.scope.currentData()
        values = [v[0] for m in self.model.months()
                  if (v := self.model.stored(m, sp)) is not None]
        if not values:
            self.total.clear()
        elif self.model.is_money:
            self.total.setText(fmt.current().money_plain(sum(values), self.model.currency))
        else:
            self.total.setText(fmt.current().digits(str(sum(values))))

    def set_equal(self) -> None:
        text = fmt.current().decimal(100 / 12, places=4).rstrip("0")
        for edit in self.percents:
            edit.blockSignals(True)
            edit.setText(text)
            edit.blockSignals(False)
        self.update_preview()

    def _compute(self) -> tuple[list[int] | None, float | None, str]:
        """(monthly values, sum of percents, error)."""
        try:
            percents = [float(fmt.parse_decimal(e.text())) for e in self.percents]
        except ValueError:
            return None, None, self.tr("Each month needs a percentage (a number).")
        total_pct = sum(percents)
        if any(p < 0 for p in percents) or total_pct <= 0:
            return None, total_pct, self.tr("Percentages must be zero or more, not all zero.")
        text = self.total.text().strip()
        if not text:
            return None, total_pct, ""
        try:
            total = self.model.parse(text)
        except ValueError:
            return None, total_pct, self.tr("The total is not a valid number.")
        try:
            return store_targets.spread_yearly(total or 0, percents), total_pct, ""
        except ValidationError:
            return None, total_pct, self.tr("Percentages must be zero or more, not all zero.")

    def update_preview(self, *_: object) -> None:
        values, total_pct, error = self._compute()
        f = fmt.current()
        for i, preview in enumerate(self.previews):
            preview.setText(self.model.format_value(values[i]) if values else "")
        self.sum_label.setText(fill_in(self.tr("Sum of percentages: %1"), f.digits(f"{total_pct:,.2f}%") if total_pct is not None else "—"))
        self.error_label.setText(error)

    def accept(self) -> None:
        values, _pct, error = self._compute()
        if values is None:
            self.error_label.setText(error or self.tr("Type the total for the year."))
            self.total.setFocus()
            return
        self.values = values
        super().accept()

    def scope_id(self) -> int | None:
        return self.scope.currentData()
