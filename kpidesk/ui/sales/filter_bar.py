"""The Sales tab's filter bar."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from kpidesk.ui.widgets import (
    DateEdit,
    ErrorLabel,
)


class FilterBar(QWidget):
    """Which sales the table shows: a period (or two dates), a salesperson, a text; the
    summary of what is shown, and Edit / Delete for the selected rows."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_bar = QHBoxLayout(self)
        self.filter_bar.setContentsMargins(0, 0, 0, 0)
        self.period_label = QLabel(self)
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("filter_period")
        self.from_edit = DateEdit(self, optional=True)
        self.to_edit = DateEdit(self, optional=True)
        self.from_edit.setMaximumWidth(110)
        self.to_edit.setMaximumWidth(110)
        self.from_edit.hide()
        self.to_edit.hide()
        self.salesperson_filter_label = QLabel(self)
        self.salesperson_filter = QComboBox(self)
        self.salesperson_filter.setObjectName("filter_salesperson")
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("filter_text")
        self.search_edit.setClearButtonEnabled(True)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("sales_summary")
        self.edit_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.filter_error = ErrorLabel(self)

        self.period_label.setBuddy(self.period_combo)
        self.salesperson_filter_label.setBuddy(self.salesperson_filter)
        for w in (self.period_label, self.period_combo, self.from_edit, self.to_edit,
                  self.salesperson_filter_label, self.salesperson_filter, self.search_edit,
                  self.filter_error):
            self.filter_bar.addWidget(w)
        self.filter_bar.addWidget(self.summary_label, 1)
        self.filter_bar.addWidget(self.edit_button)
        self.filter_bar.addWidget(self.delete_button)
        self.search_edit.setMinimumWidth(200)
