"""The Sales tab's entry form: one sale or a day's total."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from kpidesk.store.db import Store
from kpidesk.ui.widgets import (
    AmountEdit,
    CustomerPicker,
    DateEdit,
    ErrorLabel,
)

CURRENCIES = ("USD", "KHR")


class EntryForm(QGroupBox):
    """The fields of one sale (or a day's total) and its buttons, laid out in a grid; the
    Sales tab reads, fills, checks and saves them."""

    def __init__(self, store: Store, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)

        self.date_edit = DateEdit(self, default=today)
        self.customer_edit = CustomerPicker(store, self)
        self.salesperson_combo = QComboBox(self)
        self.channel_combo = QComboBox(self)
        self.product_combo = QComboBox(self)
        self.product_combo.setEditable(True)
        self.product_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.product_combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.quantity_edit = QLineEdit(self)
        self.quantity_edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.amount_edit = AmountEdit(self)
        self.currency_combo = QComboBox(self)
        for code in CURRENCIES:
            self.currency_combo.addItem(code, code)
        self.rate_edit = QLineEdit(self)
        self.rate_edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.note_edit = QLineEdit(self)
        self.number_edit = QLineEdit(self)
        self.receipts_edit = QLineEdit(self)  # daily totals: receipts that day
        self.receipts_edit.setAlignment(Qt.AlignmentFlag.AlignRight
                                        | Qt.AlignmentFlag.AlignVCenter)

        for name, widget in (("date", self.date_edit), ("customer", self.customer_edit),
                             ("salesperson", self.salesperson_combo),
                             ("channel", self.channel_combo), ("product", self.product_combo),
                             ("quantity", self.quantity_edit), ("amount", self.amount_edit),
                             ("currency", self.currency_combo), ("rate", self.rate_edit),
                             ("note", self.note_edit), ("number", self.number_edit),
                             ("receipts", self.receipts_edit)):
            widget.setObjectName(f"sale_{name}")

        # (key, widget, row, column, column span)
        self.fields = [
            ("date", self.date_edit, 0, 0, 1),
            ("customer", self.customer_edit, 0, 1, 2),
            ("salesperson", self.salesperson_combo, 0, 3, 1),
            ("channel", self.channel_combo, 0, 4, 1),
            ("product", self.product_combo, 0, 5, 2),
            ("quantity", self.quantity_edit, 3, 0, 1),
            ("amount", self.amount_edit, 3, 1, 1),
            ("currency", self.currency_combo, 3, 2, 1),
            ("rate", self.rate_edit, 3, 3, 1),
            ("note", self.note_edit, 3, 4, 2),
            ("number", self.number_edit, 3, 6, 1),
            ("receipts", self.receipts_edit, 3, 6, 1),  # in the place of receipt no.
        ]
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.widgets: dict[str, QWidget] = {}
        for key, widget, row, col, span in self.fields:
            label = QLabel(self)
            label.setBuddy(widget)
            error = ErrorLabel(self)
            error.setObjectName(f"error_{key}")
            grid.addWidget(label, row, col, 1, span)
            grid.addWidget(widget, row + 1, col, 1, span)
            grid.addWidget(error, row + 2, col, 1, span)
            self.labels[key] = label
            self.errors[key] = error
            self.widgets[key] = widget
        self.customer_hint = QLabel(self)
        self.customer_hint.setStyleSheet("color: #2e7d32; font-size: 9pt;")
        self.customer_hint.hide()
        grid.addWidget(self.customer_hint, 2, 1, 1, 2)
        for col, stretch in enumerate((2, 2, 2, 2, 2, 2, 2)):
            grid.setColumnStretch(col, stretch)

        buttons = QHBoxLayout()
        self.daily_check = QCheckBox(self)
        self.daily_check.setObjectName("sale_daily_totals")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("sale_save")
        self.save_button.setDefault(True)
        self.cancel_button = QPushButton(self)
        self.cancel_button.hide()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("sale_status")
        self.form_error = ErrorLabel(self)
        buttons.addWidget(self.daily_check)
        buttons.addStretch(1)
        buttons.addWidget(self.status_label)
        buttons.addWidget(self.form_error)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        grid.addLayout(buttons, 6, 0, 1, 7)

        order = [self.date_edit, self.customer_edit, self.salesperson_combo, self.channel_combo,
                 self.product_combo, self.quantity_edit, self.amount_edit, self.currency_combo,
                 self.rate_edit, self.note_edit, self.number_edit, self.receipts_edit,
                 self.daily_check, self.save_button]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.form_widgets = order[:13]  # the fields and the daily-totals box: Enter saves
        self.receipts_edit.hide()
        self.labels["receipts"].hide()
