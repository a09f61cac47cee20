"""Sales tab: a keyboard-only entry form above the table of sale lines.

Tab through date, customer, salesperson, channel, product, quantity, amount,
currency, rate, note (and receipt no.); Enter saves and starts the next sale.
Every save, edit and delete is an undo command on ``ctx.undo_stack``.
"Daily totals" mode records one total per day, channel and salesperson (a line
per currency) for shops that do not enter each receipt, with the number of
receipts of that day when known; replacing a total asks first and shows the
old amount. A sale dated after today asks for confirmation (it counts in no
figure until its day) and is marked in the table.
"""

from __future__ import annotations

import sqlite3
from datetime import date

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.defaults import display_name
from kpidesk.metrics.sanity import Doubt, line_doubts
from kpidesk.store import reference
from kpidesk.store import sales as store_sales
from kpidesk.store.errors import PinRequiredError, StoreError, ValidationError
from kpidesk.store.sales import (
    LineInput,
    OrderInput,
    find_daily_total,
    get_order,
    last_rate_of_day,
)
from kpidesk.ui.commands.sales import AddOrderCommand, DeleteOrdersCommand, EditOrderCommand
from kpidesk.ui.context import AppContext
from kpidesk.ui.dialogs.receipt_actions import (
    attach_receipt_entry,
    attach_refund_action,
    keep_line_details,
)
from kpidesk.ui.messages import validation_text
from kpidesk.ui.models.sales_model import (
    COL_AMOUNT,
    COL_CUSTOMER,
    COL_DATE,
    COL_NOTE,
    COL_PRODUCT,
    COL_REPORTING,
    SalesFilter,
    SalesTableModel,
)
from kpidesk.ui.tabs.base import Tab
from kpidesk.ui.widgets import (
    AmountEdit,
    CustomerPicker,
    DateEdit,
    ErrorLabel,
    mark_invalid,
    parse_quantity,
    parse_rate,
)

CURRENCIES = ("USD", "KHR")
# Keys that pick the currency (in the currency box, or typed in the amount): Latin letters
# and the same keys on a Khmer keyboard (K → ក, R → រ, D → ដ).
RIEL_KEYS = frozenset("kKrR៛ករ")
DOLLAR_KEYS = frozenset("uUdD$ដ")


class SalesTab(Tab):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.store = ctx.store
        self._editing: tuple[int, int, OrderInput] | None = None  # order id, line index, order
        self._last_rate: tuple[str, int] | None = None  # (day, rate) last used
        self._month_range: tuple[str | None, str | None] = (None, None)
        self._errors_shown: dict[str, ValidationError] = {}
        self._pre_edit: dict | None = None  # the new-sale form, kept while editing
        # Hooks (tests replace them): ask before saving a future date / replacing a daily
        # total / deleting / saving an amount that looks wrong.
        self.confirm_future = self._ask_future
        self.confirm_replace = self._ask_replace
        self.confirm_delete = self._ask_delete
        self._status_command = None  # the undo command the status line speaks of
        self.confirm_unusual = self._ask_unusual
        self._last_currency: str | None = None  # the currency of the last sale saved

        self._build_form()
        self._build_filters()
        self._build_table()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.addWidget(self.form_box)
        layout.addLayout(self.filter_bar)
        layout.addWidget(self.table, 1)

        self.retranslate_ui()  # also fills the lists, periods and summary
        self.reset_form(keep=False)

    # ===================================================================== form
    def _build_form(self) -> None:
        self.form_box = QGroupBox(self)
        grid = QGridLayout(self.form_box)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)

        today = self.ctx.today()
        self.date_edit = DateEdit(self.form_box, default=today)
        self.customer_edit = CustomerPicker(self.store, self.form_box)
        self.salesperson_combo = QComboBox(self.form_box)
        self.channel_combo = QComboBox(self.form_box)
        self.product_combo = QComboBox(self.form_box)
        self.product_combo.setEditable(True)
        self.product_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.product_combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.quantity_edit = QLineEdit(self.form_box)
        self.quantity_edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.amount_edit = AmountEdit(self.form_box)
        self.currency_combo = QComboBox(self.form_box)
        for code in CURRENCIES:
            self.currency_combo.addItem(code, code)
        self.rate_edit = QLineEdit(self.form_box)
        self.rate_edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.note_edit = QLineEdit(self.form_box)
        self.number_edit = QLineEdit(self.form_box)
        self.receipts_edit = QLineEdit(self.form_box)  # daily totals: receipts that day
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
            label = QLabel(self.form_box)
            label.setBuddy(widget)
            error = ErrorLabel(self.form_box)
            error.setObjectName(f"error_{key}")
            grid.addWidget(label, row, col, 1, span)
            grid.addWidget(widget, row + 1, col, 1, span)
            grid.addWidget(error, row + 2, col, 1, span)
            self.labels[key] = label
            self.errors[key] = error
            self.widgets[key] = widget
        self.customer_hint = QLabel(self.form_box)
        self.customer_hint.setStyleSheet("color: #2e7d32; font-size: 9pt;")
        self.customer_hint.hide()
        grid.addWidget(self.customer_hint, 2, 1, 1, 2)
        for col, stretch in enumerate((2, 2, 2, 2, 2, 2, 2)):
            grid.setColumnStretch(col, stretch)

        buttons = QHBoxLayout()
        self.daily_check = QCheckBox(self.form_box)
        self.daily_check.setObjectName("sale_daily_totals")
        self.daily_check.toggled.connect(self._on_daily_toggled)
        self.save_button = QPushButton(self.form_box)
        self.save_button.setObjectName("sale_save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self.form_box)
        self.cancel_button.clicked.connect(self.cancel_edit)
        self.cancel_button.hide()
        self.status_label = QLabel(self.form_box)
        self.status_label.setObjectName("sale_status")
        self.form_error = ErrorLabel(self.form_box)
        buttons.addWidget(self.daily_check)
        buttons.addStretch(1)
        buttons.addWidget(self.status_label)
        buttons.addWidget(self.form_error)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        attach_receipt_entry(self, buttons)  # a receipt of several lines (dialogs/receipt.py)
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
        self.ctx.undo_stack.indexChanged.connect(self._undo_index_changed)
        for widget in self.form_widgets:
            widget.installEventFilter(self)
        self.product_combo.lineEdit().installEventFilter(self)
        self.amount_edit.textEdited.connect(self._currency_from_amount)
        self.customer_edit.contact_changed.connect(self._update_customer_hint)
        self.product_combo.lineEdit().editingFinished.connect(self._complete_product)
        self.date_edit.editingFinished.connect(self._on_date_finished)
        for key, widget in self.widgets.items():
            signal = getattr(widget, "textEdited", None) or getattr(widget, "currentIndexChanged",
                                                                     None)
            if signal is not None:
                signal.connect(lambda *_a, k=key: self._clear_error(k))

    # ===================================================================== filters
    def _build_filters(self) -> None:
        self.filter_bar = QHBoxLayout()
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
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button = QPushButton(self)
        self.delete_button.clicked.connect(self.delete_selected)
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

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.apply_filter)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.period_combo.currentIndexChanged.connect(self._on_period_changed)
        self.salesperson_filter.currentIndexChanged.connect(lambda _i: self.apply_filter())
        self.from_edit.editingFinished.connect(self.apply_filter)
        self.to_edit.editingFinished.connect(self.apply_filter)

    # ===================================================================== table
    def _build_table(self) -> None:
        self.model = SalesTableModel(self.store, self)
        self.model.today = self.ctx.today  # sales dated after it are marked
        self.table = QTableView(self)
        self.table.setObjectName("sales_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        widths = {COL_DATE: 100, COL_CUSTOMER: 150, COL_PRODUCT: 150, COL_AMOUNT: 100,
                  COL_REPORTING: 110, COL_NOTE: 120}
        for col in range(self.model.columnCount()):
            self.table.setColumnWidth(col, widths.get(col, 95))
        header.setSortIndicator(COL_DATE, Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)
        self.table.setSortingEnabled(True)
        self.table.doubleClicked.connect(lambda index: self.edit_row(index.row()))
        self.table.installEventFilter(self)
        attach_refund_action(self)
        self.model.modelReset.connect(self._update_summary)
        self.model.rowsInserted.connect(
            lambda *_a: self._update_summary() if self.model.filter.text.strip() else None)

    # ===================================================================== texts
    def title(self) -> str:
        return self.tr("Sales")

    def retranslate_ui(self) -> None:
        texts = {
            # Access keys are unique with the menu bar's (F, E, L, H) and the filters'.
            "date": self.tr("&Date"),
            "customer": self.tr("C&ustomer (name or phone)"),
            "salesperson": self.tr("Sales&person"),
            "channel": self.tr("&Channel"),
            "product": self.tr("P&roduct"),
            "quantity": self.tr("&Quantity"),
            "amount": self.tr("&Amount"),
            "currency": self.tr("Currenc&y"),
            "rate": self.tr("Ra&te (riel per $)"),
            "note": self.tr("&Note"),
            "number": self.tr("Rece&ipt no."),
            "receipts": self.tr("Rece&ipts that day"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self._retranslate_form_title()
        self.daily_check.setText(self.tr("Daily totals (&without each receipt)"))
        self.daily_check.setToolTip(self.tr(
            "For shops that do not enter each receipt: one total per day, channel and "
            "salesperson, with the number of receipts that day if you know it. Saving again "
            "for the same day, channel and salesperson replaces that total (you are asked "
            "first)."))
        self.receipts_edit.setPlaceholderText(self.tr("optional"))
        self.receipts_edit.setToolTip(self.tr(
            "How many receipts (customers served) the total is made of. Without it, orders "
            "and average order value of the month are not available."))
        self.save_button.setText(self.tr("&Save (Enter)"))
        self.cancel_button.setText(self.tr("Cancel edit (Esc)"))
        self.quantity_edit.setPlaceholderText(fmt.current().digits("1"))
        self.rate_edit.setPlaceholderText(fmt.current().digits(str(self.store.default_rate)))
        self.note_edit.setPlaceholderText(self.tr("optional"))
        self.number_edit.setPlaceholderText(self.tr("optional"))
        self.product_combo.lineEdit().setPlaceholderText(self.tr("type to search"))
        self.currency_combo.setItemText(0, self.tr("USD ($)"))
        self.currency_combo.setItemText(1, self.tr("KHR (៛)"))
        self.period_label.setText(self.tr("Peri&od:"))
        self.salesperson_filter_label.setText(self.tr("Sold &by:"))
        self.search_edit.setPlaceholderText(self.tr("Search customer, phone, product, receipt"))
        self.edit_button.setText(self.tr("Edit…"))
        self.edit_button.setToolTip(self.tr("Open the selected sale in the form (Enter)"))
        self.delete_button.setText(self.tr("Delete"))
        self.delete_button.setToolTip(self.tr("Delete the selected sales (Delete key)"))
        self.from_edit.setToolTip(self.tr("From (day/month/year)"))
        self.to_edit.setToolTip(self.tr("To (day/month/year)"))
        for widget in (self.date_edit, self.from_edit, self.to_edit, self.amount_edit,
                       self.customer_edit):
            widget.retranslate_ui()
        if self.rate_edit.text().strip():
            try:
                self.rate_edit.setText(fmt.current().rate(parse_rate(self.rate_edit.text())))
            except ValidationError:
                pass
        self._fill_lists()
        self._fill_periods()
        self._update_customer_hint()
        self._update_summary()
        self.model.retranslate()
        self._refresh_visible_errors()

    def _retranslate_form_title(self) -> None:
        if self._editing is not None:
            number = self._editing[2].number
            title = (self.tr("Edit sale %1").replace("%1", number)
                     if number else self.tr("Edit sale"))
        elif self.daily_check.isChecked():
            title = self.tr("New daily total")
        else:
            title = self.tr("New sale")
        self.form_box.setTitle(title)

    # ===================================================================== lists
    def _fill_combo(self, combo: QComboBox, items: list[tuple[int | None, str]]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        for value, text in items:
            combo.addItem(text, value)
        index = combo.findData(current)
        combo.setCurrentIndex(index if index >= 0 else 0)
        combo.blockSignals(False)

    def _fill_lists(self) -> None:
        none = self.tr("— none —")
        salespeople = reference.list_named(self.store, "salespeople", active_only=True)
        self._fill_combo(self.salesperson_combo, [(None, none), *salespeople])
        channels = [(cid, display_name(name))  # seeded channels in the UI language
                    for cid, name in reference.list_named(self.store, "channels")]
        self._fill_combo(self.channel_combo, [(None, none), *channels])
        product_text = self.product_combo.currentText()
        self._fill_combo(self.product_combo, [(None, ""),
                                              *reference.list_named(self.store, "products",
                                                                    active_only=True)])
        self.product_combo.setEditText(product_text)
        all_people = reference.list_named(self.store, "salespeople")
        self._fill_combo(self.salesperson_filter,
                         [(None, self.tr("Everyone")), (0, self.tr("No salesperson")),
                          *all_people])

    def _date_range(self) -> tuple[str | None, str | None]:
        return store_sales.date_span(self.store)

    def _fill_periods(self) -> None:
        first, last = self._date_range()
        today = self.ctx.today().isoformat()
        last = max(last or today, today)
        first = first or today
        self._month_range = (first, last)
        months: list[str] = []
        y, m = int(last[:4]), int(last[5:7])
        while f"{y:04d}-{m:02d}" >= first[:7]:
            months.append(f"{y:04d}-{m:02d}")
            y, m = (y, m - 1) if m > 1 else (y - 1, 12)
        items: list[tuple[object, str]] = [("all", self.tr("All dates"))]
        items += [(key, fmt.current().month(key)) for key in months]
        items.append(("custom", self.tr("From – to…")))
        self._fill_combo(self.period_combo, items)

    # ===================================================================== keyboard
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        etype = event.type()
        edit = obj.lineEdit() if isinstance(obj, QComboBox) else obj
        if etype == QEvent.Type.ShortcutOverride and isinstance(edit, QLineEdit):
            # Let Ctrl+Z / Ctrl+Y reach the undo stack when the field has nothing to undo.
            key_event: QKeyEvent = event  # type: ignore[assignment]
            if key_event.matches(QKeySequence.StandardKey.Undo) and not edit.isUndoAvailable():
                event.ignore()
                return True
            if ((key_event.matches(QKeySequence.StandardKey.Redo)
                 or key_event.keyCombination().toCombined()
                 == QKeySequence("Ctrl+Y")[0].toCombined()) and not edit.isRedoAvailable()):
                event.ignore()
                return True
        if etype == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if obj is self.table:
                if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                    self.edit_current()
                    return True
                if key == Qt.Key.Key_Delete:
                    self.delete_selected()
                    return True
                return False
            if obj is self.currency_combo and self._currency_key(event.text()):  # type: ignore[attr-defined]
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if isinstance(obj, QComboBox) and obj.view().isVisible():
                    return False
                self.save()
                return True
            if key == Qt.Key.Key_Escape and self._editing is not None:
                self.cancel_edit()
                return True
        return super().eventFilter(obj, event)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):
            QTimer.singleShot(0, self.focus_first_field)

    # ===================================================================== form state
    def _default_rate(self, day: str) -> int:
        if self._last_rate and self._last_rate[0] == day:
            return self._last_rate[1]
        rate = last_rate_of_day(self.store, day)
        return rate if rate is not None else self.store.default_rate

    def _set_rate(self, rate: int) -> None:
        self.rate_edit.setText(fmt.current().rate(rate))

    def _on_date_finished(self) -> None:
        if self.rate_edit.isModified():
            return
        try:
            day = self.date_edit.iso()
        except ValidationError:
            return
        if day:
            self._set_rate(self._default_rate(day))

    def reset_form(self, keep: bool = True) -> None:
        """Empty the form for the next sale. `keep`: keep date, salesperson, channel,
        currency and rate (the things that stay the same from one sale to the next)."""
        self._editing = None
        self.cancel_button.hide()
        self.daily_check.setEnabled(True)
        if not keep:
            self.date_edit.set_date(self.ctx.today())
            self.set_currency(self._last_currency or self.store.reporting_currency)
            self.salesperson_combo.setCurrentIndex(0)
            self.channel_combo.setCurrentIndex(0)
            self.product_combo.setCurrentIndex(0)
            self.product_combo.setEditText("")
        day = self.ctx.today().isoformat()
        try:
            day = self.date_edit.iso() or day
        except ValidationError:
            pass
        self._set_rate(self._default_rate(day))
        self.rate_edit.setModified(False)
        # setText forgets the field's own undo history, so that Ctrl+Z right after a
        # save reaches the undo stack (and removes the sale) instead of the typing.
        product = self.product_combo.lineEdit()
        product.setText(product.text())
        self.customer_edit.clear_contact()
        self.quantity_edit.setText("")
        self.amount_edit.setText("")
        self.note_edit.setText("")
        self.number_edit.setText("")
        self.receipts_edit.setText("")
        self.clear_errors()
        self._retranslate_form_title()

    # -- currency: the shop's reporting currency first, then the last one used ------------
    def set_currency(self, code: str) -> None:
        index = self.currency_combo.findData(code)
        if index >= 0:
            self.currency_combo.setCurrentIndex(index)

    def _currency_key(self, text: str) -> bool:
        """K, R or ៛ pick riel, D, U or $ dollars (on Latin and Khmer keyboards)."""
        if text and text in RIEL_KEYS:
            self.set_currency("KHR")
            return True
        if text and text in DOLLAR_KEYS:
            self.set_currency("USD")
            return True
        return False

    def _currency_from_amount(self, text: str) -> None:
        """'៛6000', '6000K', '6000 រ' or '$12' typed as the amount: that currency is picked
        (the amount would otherwise be read in the currency the box shows)."""
        riel = any(ch in RIEL_KEYS for ch in text)
        dollar = "$" in text
        if riel == dollar:  # neither, or both (left for the parser to refuse)
            return
        self.set_currency("KHR" if riel else "USD")
        cleaned = "".join(ch for ch in text if ch not in RIEL_KEYS and ch != "$").strip()
        if cleaned != text:
            position = self.amount_edit.cursorPosition()
            self.amount_edit.setText(cleaned)
            self.amount_edit.setCursorPosition(min(position, len(cleaned)))

    def first_field(self) -> QWidget:
        """Where the cursor goes for the next sale: what changes most between sales."""
        if self.daily_check.isChecked():
            return self.amount_edit
        return self.product_combo

    def focus_first_field(self) -> None:
        widget = self.first_field()
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if widget is self.product_combo:
            self.product_combo.lineEdit().selectAll()

    def _on_daily_toggled(self, daily: bool) -> None:
        for key in ("customer", "product", "quantity", "number"):
            self.widgets[key].setVisible(not daily)
            self.labels[key].setVisible(not daily)
            self.errors[key].clear_error()
        self.receipts_edit.setVisible(daily)
        self.labels["receipts"].setVisible(daily)
        self.errors["receipts"].clear_error()
        self.customer_hint.setVisible(False if daily else self.customer_edit.is_new())
        self._retranslate_form_title()

    def _update_customer_hint(self) -> None:
        if not self.daily_check.isChecked() and self.customer_edit.is_new():
            self.customer_hint.setText(self.tr("New customer: will be added when you save"))
            self.customer_hint.show()
        else:
            self.customer_hint.hide()

    # -- errors -------------------------------------------------------------------------
    def clear_errors(self) -> None:
        for key, label in self.errors.items():
            label.clear_error()
            mark_invalid(self.widgets[key], False)
        self.form_error.clear_error()

    def _clear_error(self, key: str) -> None:
        self.errors[key].clear_error()

    def show_error(self, err: ValidationError) -> None:
        key = {"created": "date", "name": "customer", "contact": "customer",
               "lines": "amount"}.get(err.field, err.field)
        if key in self.errors:
            self.errors[key].show_error(validation_text(err))
            mark_invalid(self.widgets[key], True)
            self._errors_shown[key] = err
        else:
            self.form_error.show_error(validation_text(err))

    def _refresh_visible_errors(self) -> None:
        for key, err in self._errors_shown.items():
            if self.errors[key].isVisible():
                self.errors[key].show_error(validation_text(err))

    # ===================================================================== saving
    def _complete_product(self) -> None:
        """Part of a product's name that matches one product only stands for it."""
        combo = self.product_combo
        text = combo.currentText().strip()
        if not text:
            return
        index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index <= 0:
            completer = combo.completer()
            completer.setCompletionPrefix(text)
            if completer.completionCount() == 1:
                index = combo.findText(completer.currentCompletion(),
                                       Qt.MatchFlag.MatchFixedString)
        if index > 0 and combo.itemText(index) != combo.currentText():
            combo.setCurrentIndex(index)

    def _product_id(self) -> int | None:
        self._complete_product()
        text = self.product_combo.currentText().strip()
        if not text:
            return None
        index = self.product_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index > 0:
            return self.product_combo.itemData(index)
        raise ValidationError("product", "not_found", name=text)

    def read_form(self) -> tuple[OrderInput, object] | None:
        """The sale typed in the form, or None after showing what is wrong."""
        self.clear_errors()
        self._errors_shown = {}
        errors: list[ValidationError] = []
        daily = self.daily_check.isChecked()
        currency = self.currency_combo.currentData() or "USD"

        def attempt(fn, *args):
            try:
                return fn(*args)
            except ValidationError as err:
                errors.append(err)
                return None

        day = attempt(self.date_edit.iso)
        amount = attempt(self.amount_edit.minor, currency)
        rate = attempt(parse_rate, self.rate_edit.text())
        quantity = 1.0 if daily else attempt(parse_quantity, self.quantity_edit.text())
        product_id = None if daily else attempt(self._product_id)
        receipts = attempt(self._receipts) if daily else None
        new_contact = None
        contact_id = None
        if not daily and day:
            kind, value = self.customer_edit.resolve()
            if kind == "contact":
                contact_id = value
            elif kind == "new":
                new_contact = self.customer_edit.new_contact(day)
        for err in errors:
            self.show_error(err)
        if errors:
            first = {"date": 0, "amount": 6, "rate": 8, "quantity": 5, "product": 4,
                     "receipts": 10}
            key = min((e.field for e in errors), key=lambda f: first.get(f, 99))
            if key in self.widgets:
                self.widgets[key].setFocus()
            return None
        quantity = quantity if quantity is not None else 1.0
        if amount < 0:  # a refund gives items back: quantities sold stay net
            quantity = -abs(quantity)
        line = LineInput(amount=amount, currency=currency, rate=rate, product_id=product_id,
                         quantity=quantity, note=self.note_edit.text().strip())
        order = OrderInput(
            date=day, lines=[line],
            number="" if daily else fmt.latin_digits(self.number_edit.text().strip()),
            contact_id=contact_id, salesperson_id=self.salesperson_combo.currentData(),
            channel_id=self.channel_combo.currentData(), is_daily_total=daily,
            receipts=receipts)
        return order, new_contact

    def _receipts(self) -> int | None:
        """The receipts count typed for a daily total (None: not given)."""
        text = fmt.latin_digits(self.receipts_edit.text().strip()).replace(",", "")
        if not text:
            return None
        if not text.isdigit():
            raise ValidationError("receipts", "not_a_number", value=text)
        return int(text)

    def save(self) -> bool:
        """Save the form as one undoable action; True when saved.

        An amount that looks wrong (a ×4,000 slip) asks first; a change that is the
        owner's (a sale of an earlier day, a refund, an amount below zero) asks for the
        owner PIN — the store refuses it otherwise.
        """
        read = self.read_form()
        if read is None:
            return False
        order, new_contact = read
        typed = order.lines[0]  # what the status line names (the order may get more lines)
        day = date.fromisoformat(order.date)
        if day > self.ctx.today() and not self.confirm_future(day):
            self.date_edit.setFocus()
            return False
        doubts = self._doubts(order.lines[0])
        if doubts and not self.confirm_unusual(doubts):
            self.amount_edit.setFocus()
            self.amount_edit.selectAll()
            return False
        command = self._command_for(order, new_contact)
        if command is None:  # the user kept the daily total as it was
            self.amount_edit.setFocus()
            return False
        reason = self._owner_reason(command)
        if reason is None:
            return self._run_save(command, order, typed)
        with self.ctx.owner_session(self, reason) as allowed:
            if not allowed:
                self.form_error.show_error(self.pin_refused_text(reason))
                return False
            return self._run_save(command, order, typed)

    def _run_save(self, command, order: OrderInput, typed: LineInput) -> bool:
        try:
            command.execute()
        except PinRequiredError as err:
            self.form_error.show_error(self.pin_refused_text(err.reason))
            return False
        except ValidationError as err:
            self.show_error(err)
            return False
        except (StoreError, sqlite3.DatabaseError) as err:
            self.form_error.show_error(self.tr("Not saved: %1").replace("%1", str(err)))
            return False
        self.ctx.undo_stack.push(command)
        self._last_rate = (order.date, typed.rate)
        self._last_currency = typed.currency
        f = fmt.current()
        if isinstance(command, EditOrderCommand):
            text = self.tr("Saved the change (%1). Ctrl+Z undoes it.")
        else:
            text = self.tr("Saved %1. Ctrl+Z undoes it.")
        self.status_label.setText(text.replace("%1", f.money(typed.amount, typed.currency)))
        self._status_command = command
        self.reset_form(keep=True)
        if isinstance(command, EditOrderCommand) and self._pre_edit is not None:
            self._restore_pre_edit()
        self.focus_first_field()
        return True

    def pin_refused_text(self, reason: str) -> str:
        if reason == "past_day":
            return self.tr("Not saved: changing a sale of an earlier day needs the owner's PIN.")
        if reason == "negative":
            return self.tr("Not saved: refunds and amounts below zero need the owner's PIN.")
        return self.tr("Not saved: this needs the owner's PIN.")

    def _owner_reason(self, command) -> str | None:
        if isinstance(command, EditOrderCommand):
            return store_sales.change_reason(self.store, "edit", command.order_id, command.old,
                                             command.order)
        return store_sales.change_reason(self.store, "add", None, None, command.order)

    # -- amounts that look wrong ---------------------------------------------------------
    def _doubts(self, line: LineInput) -> list[Doubt]:
        if self._editing is not None:
            _order_id, index, old = self._editing
            if 0 <= index < len(old.lines):
                before = old.lines[index]
                if (before.amount, before.currency, before.rate) == (line.amount, line.currency,
                                                                     line.rate):
                    return []  # not what this edit changed
        if self.daily_check.isChecked():
            usual = store_sales.usual_daily_total(self.store)
        else:
            usual = store_sales.usual_unit_price(self.store, line.product_id)
        return line_doubts(line.amount, line.currency, line.rate, line.quantity or 1.0, usual)

    def doubt_text(self, doubt: Doubt) -> str:
        f = fmt.current()
        p = doubt.params
        amount = self.amount_edit.text().strip()
        if doubt.code == "usd_looks_like_riel":
            return (self.tr("%1 is a lot of dollars. Did you mean %2 (about %3)?")
                    .replace("%1", f.money(p["riel"] * 100, "USD"))
                    .replace("%2", f.money(p["riel"], "KHR"))
                    .replace("%3", f.money(p["riel_in_usd"], "USD")))
        if doubt.code == "khr_looks_like_usd":
            return (self.tr("%1 is very little in riel. Did you mean %2?")
                    .replace("%1", f.money(p["usd"] // 100, "KHR"))
                    .replace("%2", f.money(p["usd"], "USD")))
        if doubt.code == "above_usual":
            return (self.tr("That is %1 times this product's usual price (%2 each).")
                    .replace("%1", f.integer(p["times"]))
                    .replace("%2", f.money(p["usual"], "USD")))
        if doubt.code == "rate_unusual":
            return (self.tr("A rate of %1 riel per dollar is unusual: it is mostly between "
                            "%2 and %3.")
                    .replace("%1", f.integer(parse_rate(self.rate_edit.text())))
                    .replace("%2", f.integer(p["low"])).replace("%3", f.integer(p["high"])))
        return amount

    def _ask_unusual(self, doubts: list[Doubt]) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Check this amount"),
                          "\n\n".join(self.doubt_text(d) for d in doubts), parent=self)
        box.setInformativeText(self.tr("Save it as it is?"))
        save = box.addButton(self.tr("&Save anyway"), QMessageBox.ButtonRole.AcceptRole)
        fix = box.addButton(self.tr("&Correct it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(fix)
        box.setEscapeButton(fix)
        box.exec()
        return box.clickedButton() is save

    def _command_for(self, order: OrderInput, new_contact):
        if self._editing is not None:
            order_id, index, old = self._editing
            lines = list(old.lines)
            if 0 <= index < len(lines):
                keep_line_details(lines[index], order.lines[0])
                lines[index] = order.lines[0]
            else:
                lines.append(order.lines[0])
            order.lines = lines
            if old.is_daily_total and order.is_daily_total:
                order.number = old.number
            order.note = old.note
            # what this form does not show stays as it was (receipt details: receipts.py)
            order.payment_id, order.time, order.refund_of = old.payment_id, old.time, \
                old.refund_of
            return EditOrderCommand(self.store, order_id, order, new_contact)
        f = fmt.current()
        line = order.lines[0]
        amount = f.money(line.amount, line.currency)
        if order.is_daily_total:
            order_id = find_daily_total(self.store, order.date, order.channel_id,
                                        order.salesperson_id)
            if order_id is not None:
                old = get_order(self.store, order_id)
                same = [x for x in old.lines if x.currency == line.currency]
                if same and not self.confirm_replace(old, same[0], line):
                    return None
                order.lines = [x for x in old.lines if x.currency != line.currency] + [line]
                if order.receipts is None:
                    order.receipts = old.receipts  # not typed: the count stays
                order.number, order.note = old.number, old.note
                return EditOrderCommand(self.store, order_id, order,
                                        text=self.tr("Replace daily total with %1")
                                        .replace("%1", amount))
            return AddOrderCommand(self.store, order,
                                   text=self.tr("Add daily total %1").replace("%1", amount))
        return AddOrderCommand(self.store, order, new_contact,
                               text=self.tr("Add sale %1").replace("%1", amount))

    def _ask_replace(self, old: OrderInput, old_line: LineInput, new_line: LineInput) -> bool:
        """Ask before a daily total replaces the one already saved for its day, channel and
        salesperson, naming the old amount."""
        f = fmt.current()
        text = (self.tr("The daily total of %1 for this channel and salesperson is already "
                        "%2. Replace it with %3?")
                .replace("%1", f.date(old.date))
                .replace("%2", f.money(old_line.amount, old_line.currency))
                .replace("%3", f.money(new_line.amount, new_line.currency)))
        if old.receipts is not None:
            text += "\n" + self.tr("It was made of %1 receipts.").replace(
                "%1", f.integer(old.receipts))
        answer = QMessageBox.question(
            self, self.tr("Replace the daily total?"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _undo_index_changed(self, _index: int) -> None:
        """Undo or redo changed what the status line speaks of: say what happened now."""
        stack = self.ctx.undo_stack
        command = self._status_command
        if command is None or not shiboken6.isValid(self) or not shiboken6.isValid(stack):
            return  # nothing said, or the window is closing
        position = next((i for i in range(stack.count()) if stack.command(i) is command), None)
        if position is None:
            self.status_label.setText("")
            self._status_command = None
        elif position >= stack.index():
            self.status_label.setText(self.tr("Undone: %1. Ctrl+Y does it again.")
                                      .replace("%1", command.text()))
        else:
            self.status_label.setText(self.tr("Redone: %1.").replace("%1", command.text()))

    def _ask_future(self, day: date) -> bool:
        answer = QMessageBox.question(
            self, self.tr("Date in the future"),
            self.tr("%1 is in the future. Save this sale with that date?")
            .replace("%1", fmt.current().date(day)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # ===================================================================== edit / delete
    def edit_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.edit_row(index.row())

    def edit_row(self, row: int) -> None:
        order_id = self.model.order_id(row)
        line_id = self.model.line_id(row)
        if order_id is None:
            return
        self.edit_order(order_id, line_id)

    def edit_order(self, order_id: int, line_id: tuple[int, int] | None = None) -> None:
        """Open an order (one of its lines: (order id, position)) in the form; saving
        replaces it."""
        try:
            order = get_order(self.store, order_id)
        except ValidationError as err:
            self.form_error.show_error(validation_text(err))
            return
        index = 0
        if line_id is not None and line_id[0] == order_id and 0 < line_id[1] <= len(order.lines):
            index = line_id[1] - 1  # positions are 1, 2, … in the order of order.lines
        line = order.lines[index] if order.lines else LineInput(amount=0)
        if self._editing is None:
            self._pre_edit = self._form_state()
        self.daily_check.blockSignals(True)
        self.daily_check.setChecked(order.is_daily_total)
        self.daily_check.blockSignals(False)
        self._on_daily_toggled(order.is_daily_total)
        self.reset_form(keep=True)
        self._editing = (order_id, index, order)
        self.daily_check.setEnabled(False)
        self.date_edit.set_date(order.date)
        if order.contact_id is not None:
            self.customer_edit.choose(order.contact_id)
        for combo, value in ((self.salesperson_combo, order.salesperson_id),
                             (self.channel_combo, order.channel_id)):
            i = combo.findData(value)
            if i < 0 and value is not None:  # inactive salesperson: still show it
                table = "salespeople" if combo is self.salesperson_combo else "channels"
                combo.addItem(reference.name_of(self.store, table, value), value)
                i = combo.count() - 1
            combo.setCurrentIndex(max(i, 0))
        if line.product_id is not None:
            name = reference.name_of(self.store, "products", line.product_id)
            if self.product_combo.findData(line.product_id) < 0:
                self.product_combo.addItem(name, line.product_id)
            self.product_combo.setCurrentIndex(self.product_combo.findData(line.product_id))
        else:
            self.product_combo.setCurrentIndex(0)
            self.product_combo.setEditText("")
        f = fmt.current()
        qty = line.quantity
        self.quantity_edit.setText("" if qty == 1 else f.decimal(qty, 0 if float(qty).is_integer()
                                                                  else 2).replace(",", ""))
        self.currency_combo.setCurrentIndex(max(0, self.currency_combo.findData(line.currency)))
        self.amount_edit.set_minor(line.amount, line.currency)
        self._set_rate(line.rate)
        self.rate_edit.setModified(True)
        self.note_edit.setText(line.note or "")
        self.number_edit.setText(order.number or "")
        self.receipts_edit.setText(f.integer(order.receipts) if order.receipts is not None
                                   else "")
        self.cancel_button.show()
        self.status_label.setText("")
        self._retranslate_form_title()
        self.amount_edit.setFocus()
        self.amount_edit.selectAll()

    def cancel_edit(self) -> None:
        self.reset_form(keep=True)
        self._restore_pre_edit()
        self.status_label.setText("")
        self.focus_first_field()

    def _form_state(self) -> dict:
        """What a new sale keeps from the previous one (restored after an edit)."""
        return {"daily": self.daily_check.isChecked(), "date": self.date_edit.text(),
                "salesperson": self.salesperson_combo.currentData(),
                "channel": self.channel_combo.currentData(),
                "currency": self.currency_combo.currentIndex(),
                "product": self.product_combo.currentText(), "rate": self.rate_edit.text()}

    def _restore_pre_edit(self) -> None:
        state, self._pre_edit = self._pre_edit, None
        if not state:
            return
        self.daily_check.setChecked(state["daily"])
        self.date_edit.setText(state["date"])
        for combo, value in ((self.salesperson_combo, state["salesperson"]),
                             (self.channel_combo, state["channel"])):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.currency_combo.setCurrentIndex(state["currency"])
        self.product_combo.setEditText(state["product"])
        self.rate_edit.setText(state["rate"])
        self.rate_edit.setModified(False)
        self.clear_errors()

    def selected_order_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        ids = [self.model.order_id(r) for r in rows]
        return list(dict.fromkeys(i for i in ids if i is not None))

    def delete_selected(self) -> bool:
        """Delete the selected sales (one undo step). Sales of earlier days and refunds
        are the owner's: the PIN is asked for them."""
        ids = self.selected_order_ids()
        if not ids:
            return False
        reason = self._delete_reason(ids)
        if reason is None:
            return self._delete(ids)
        with self.ctx.owner_session(self, reason) as allowed:
            return allowed and self._delete(ids)

    def _delete_reason(self, ids: list[int]) -> str | None:
        for order_id in ids:
            try:
                order = get_order(self.store, order_id)
            except ValidationError:
                continue
            reason = store_sales.change_reason(self.store, "delete", order_id, order, None)
            if reason:
                return reason
        return None

    def _delete(self, ids: list[int]) -> bool:
        if not self.confirm_delete(len(ids)):
            return False
        command = DeleteOrdersCommand(self.store, ids)
        try:
            command.execute()
        except PinRequiredError as err:
            self.form_error.show_error(self.pin_refused_text(err.reason))
            return False
        except (StoreError, sqlite3.DatabaseError) as err:
            self.form_error.show_error(
                validation_text(err) if isinstance(err, ValidationError)
                else self.tr("Not deleted: %1").replace("%1", str(err)))
            return False
        self.ctx.undo_stack.push(command)
        if self._editing is not None and self._editing[0] in ids:
            self.cancel_edit()
        self.status_label.setText(self.tr("Deleted. Ctrl+Z brings it back."))
        self._status_command = command
        return True

    def _ask_delete(self, count: int) -> bool:
        text = (self.tr("Delete this sale (all its lines)?") if count == 1 else
                self.tr("Delete these %1 sales?").replace("%1", fmt.current().integer(count)))
        answer = QMessageBox.question(
            self, self.tr("Delete"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    # ===================================================================== filtering
    def _on_period_changed(self, _index: int) -> None:
        custom = self.period_combo.currentData() == "custom"
        self.from_edit.setVisible(custom)
        self.to_edit.setVisible(custom)
        self.apply_filter()

    def current_filter(self) -> SalesFilter | None:
        self.filter_error.clear_error()
        period = self.period_combo.currentData()
        flt = SalesFilter(salesperson_id=self.salesperson_filter.currentData(),
                          text=self.search_edit.text())
        if isinstance(period, str) and len(period) == 7:
            y, m = int(period[:4]), int(period[5:7])
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            flt.date_from = f"{period}-01"
            flt.date_to = date.fromordinal(nxt.toordinal() - 1).isoformat()
        elif period == "custom":
            try:
                flt.date_from = self.from_edit.iso("date")
                flt.date_to = self.to_edit.iso("date")
            except ValidationError as err:
                self.filter_error.show_error(validation_text(err))
                return None
        return flt

    def apply_filter(self) -> None:
        flt = self.current_filter()
        if flt is not None:
            self.model.set_filter(flt)

    def _update_summary(self) -> None:
        summary = self.model.summary()
        f = fmt.current()
        if summary is None:
            loaded = self.model.rowCount()
            text = (self.tr("%1 lines found").replace("%1", f.integer(loaded))
                    if not self.model.canFetchMore()
                    else self.tr("%1+ lines found").replace("%1", f.integer(loaded)))
        else:
            lines, revenue, currency = summary
            text = (self.tr("%1 lines · %2").replace("%1", f.integer(lines))
                    .replace("%2", f.figure(revenue, currency)))
        self.summary_label.setText(text)

    # ===================================================================== refresh
    def on_data_changed(self, topics: set[str]) -> None:
        lists = {"salespeople", "channels", "products", "categories"}
        if topics & lists:
            self._fill_lists()
        if "sales" in topics:
            first, last = self._month_range
            low, high = self._date_range()
            if low and (first is None or low < first or (high or "") > (last or "")):
                self._fill_periods()
        if "settings" in topics and self._last_currency is None and self._editing is None:
            self.set_currency(self.store.reporting_currency)
        if topics & {"sales", "contacts", "settings", *lists}:
            current = self.table.currentIndex()
            line = self.model.line_id(current.row()) if current.isValid() else None
            scroll = self.table.verticalScrollBar().value()
            self.model.reload(keep_loaded=True)
            if "settings" in topics:
                self.model.retranslate()
            row = self.model.row_of_line(line) if line is not None else None
            if row is not None:
                self.table.setCurrentIndex(self.model.index(row, max(current.column(), 0)))
            self.table.verticalScrollBar().setValue(scroll)
        if "contacts" in topics:
            self._update_customer_hint()
