"""The Sales entry form: a keyboard-only form above the table of sale lines.

Tab through date, customer, salesperson, channel, product, quantity, amount,
currency, rate, note (and receipt no.); Enter saves and starts the next sale.
Every save, edit and delete is an undo command on ``ctx.undo_stack``.
"Daily totals" mode records one total per day, channel and salesperson (a line
per currency) for shops that do not enter each receipt, with the number of
receipts of that day when known; replacing a total asks first and shows the
old amount. A sale dated after today asks for confirmation (it counts in no
figure until its day) and is marked in the table.

Reading, checking and saving what is typed lives in `saving.py` (SaleSaving), the texts
in `form_texts.py`, the keys in `form_keys.py`.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
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

from kpidesk.i18n import format as fmt
from kpidesk.i18n.defaults import display_name
from kpidesk.i18n.tr import translator
from kpidesk.store import receipts, reference
from kpidesk.store.errors import ValidationError
from kpidesk.store.sales import OrderInput, last_rate_of_day
from kpidesk.ui.context import AppContext
from kpidesk.ui.names import object_name
from kpidesk.ui.sales.editing import SaleEditing
from kpidesk.ui.sales.filters import fill_combo
from kpidesk.ui.sales.form_keys import SaleFormKeys
from kpidesk.ui.sales.form_texts import SaleFormTexts
from kpidesk.ui.sales.line_entry import CURRENCIES, LineEntry
from kpidesk.ui.sales.lines import ReceiptPanel
from kpidesk.ui.sales.saving import SaleSaving
from kpidesk.ui.server_status import offline_safe
from kpidesk.ui.widgets import (
    AmountEdit,
    CustomerPicker,
    DateEdit,
    ErrorLabel,
)

tr = translator("SalesTab")



class SaleForm(SaleFormTexts, SaleFormKeys, LineEntry, SaleEditing, SaleSaving, QGroupBox):
    """The form of one receipt (or one daily total); saving is SaleSaving's."""

    refund_requested = Signal()  # the Refund key: the tab knows which sale

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.store = ctx.store
        self._editing: tuple[int, int, OrderInput] | None = None  # order id, line index, order
        self._last_rate: tuple[str, int] | None = None  # (day, rate) last used
        self._errors_shown: dict[str, ValidationError] = {}
        self._pre_edit: dict | None = None  # the new-sale form, kept while editing
        # Hooks (tests replace them): ask before saving a future date / replacing a daily
        # total / saving an amount that looks wrong.
        self.confirm_future = self._ask_future
        self.confirm_replace = self._ask_replace
        self.confirm_unusual = self._ask_unusual
        self._status_command = None  # the undo command the status line speaks of
        self._last_currency: str | None = None  # the currency of the last sale saved
        self._amount_typed = False  # the amount was typed: price × quantity does not replace it
        self._chosen_text = ""  # the product whose price was filled in
        self._from_queue = None  # the queued sale (store/outbox.py) being corrected
        self._build_form()

    @property
    def editing_order_id(self) -> int | None:
        """The sale open in the form for a change (None: a new sale)."""
        return self._editing[0] if self._editing is not None else None

    def _build_form(self) -> None:
        grid = QGridLayout(self)
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(2)

        today = self.ctx.today()
        self.date_edit = DateEdit(self, default=today)
        self.time_edit = QLineEdit(self)
        self.customer_edit = CustomerPicker(self.store, self)
        self.salesperson_combo = QComboBox(self)
        self.channel_combo = QComboBox(self)
        self.payment_combo = QComboBox(self)
        self.product_combo = QComboBox(self)
        self.product_combo.setEditable(True)
        self.product_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.product_combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.quantity_edit = QLineEdit(self)
        self.quantity_edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.price_edit = AmountEdit(self, allow_negative=False)
        self.discount_edit = AmountEdit(self, allow_zero=True, allow_negative=False)
        self.amount_edit = AmountEdit(self)
        self.cost_edit = AmountEdit(self, allow_zero=True, allow_negative=False)
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

        # (key, widget, row, column, column span)
        self.fields = [
            ("date", self.date_edit, 0, 0, 1),
            ("time", self.time_edit, 0, 1, 1),
            ("customer", self.customer_edit, 0, 2, 2),
            ("salesperson", self.salesperson_combo, 0, 4, 1),
            ("channel", self.channel_combo, 0, 5, 1),
            ("payment", self.payment_combo, 0, 6, 1),
            ("product", self.product_combo, 3, 0, 2),
            ("quantity", self.quantity_edit, 3, 2, 1),
            ("price", self.price_edit, 3, 3, 1),
            ("discount", self.discount_edit, 3, 4, 1),
            ("amount", self.amount_edit, 3, 5, 1),
            ("cost", self.cost_edit, 3, 6, 1),
            ("currency", self.currency_combo, 6, 0, 1),
            ("rate", self.rate_edit, 6, 1, 1),
            ("note", self.note_edit, 6, 2, 3),
            ("number", self.number_edit, 6, 5, 1),
            ("receipts", self.receipts_edit, 6, 5, 1),  # in the place of receipt no.
        ]
        self.labels: dict[str, QLabel] = {}
        self.errors: dict[str, ErrorLabel] = {}
        self.widgets: dict[str, QWidget] = {}
        for key, widget, row, col, span in self.fields:
            widget.setObjectName(object_name("sale", key))
            label = QLabel(self)
            label.setBuddy(widget)
            error = ErrorLabel(self)
            error.setObjectName(object_name("error", key))
            grid.addWidget(label, row, col, 1, span)
            grid.addWidget(widget, row + 1, col, 1, span)
            grid.addWidget(error, row + 2, col, 1, span)
            self.labels[key] = label
            self.errors[key] = error
            self.widgets[key] = widget
        self.customer_hint = QLabel(self)
        self.customer_hint.setStyleSheet("color: #2e7d32; font-size: 9pt;")
        self.customer_hint.hide()
        grid.addWidget(self.customer_hint, 2, 2, 1, 2)
        for col in range(7):
            grid.setColumnStretch(col, 2)
        self.receipt = ReceiptPanel(self)  # the lines added, total, tendered and change
        grid.addWidget(self.receipt, 9, 0, 1, 7)

        buttons = QHBoxLayout()
        self.daily_check = QCheckBox(self)
        self.daily_check.setObjectName("saleDailyTotals")
        self.daily_check.toggled.connect(self._on_daily_toggled)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saleSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.refund_button = QPushButton(self)
        self.refund_button.setObjectName("saleRefundKey")
        self.refund_button.setAutoDefault(False)
        self.refund_button.clicked.connect(lambda: self.refund_requested.emit())
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel_edit)
        self.cancel_button.hide()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("saleStatus")
        self.form_error = ErrorLabel(self)
        buttons.addWidget(self.daily_check)
        buttons.addStretch(1)
        buttons.addWidget(self.status_label)
        buttons.addWidget(self.form_error)
        buttons.addWidget(self.refund_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)
        grid.addLayout(buttons, 10, 0, 1, 7)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):  # saves the receipt from any field
            shortcut = QShortcut(QKeySequence(keys), self, activated=self.save)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refund_key = QShortcut(QKeySequence("Ctrl+R"), self,
                               activated=lambda: self.refund_requested.emit())
        refund_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

        order = [self.date_edit, self.time_edit, self.customer_edit, self.salesperson_combo,
                 self.channel_combo, self.payment_combo, self.product_combo,
                 self.quantity_edit, self.price_edit, self.discount_edit, self.amount_edit,
                 self.cost_edit, self.currency_combo, self.rate_edit, self.note_edit,
                 self.number_edit, self.receipts_edit, self.receipt.paid_usd_edit,
                 self.receipt.paid_khr_edit, self.daily_check, self.receipt.view,
                 self.save_button]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.form_widgets = order[:20]  # the fields and the daily-totals box: Enter saves
        self.line_widgets = {self.product_combo, self.quantity_edit, self.price_edit,
                             self.discount_edit, self.amount_edit, self.cost_edit,
                             self.note_edit}  # Enter adds the line to the receipt
        self.receipts_edit.hide()
        self.labels["receipts"].hide()
        self.ctx.undo_stack.indexChanged.connect(self._undo_index_changed)
        for widget in self.form_widgets:
            widget.installEventFilter(self)
        self.product_combo.lineEdit().installEventFilter(self)
        self.amount_edit.textEdited.connect(self._currency_from_amount)
        self.amount_edit.textEdited.connect(self.amount_edited)
        for edit in (self.quantity_edit, self.price_edit, self.discount_edit):
            edit.textEdited.connect(lambda _t: self.recompute_amount())
        self.product_combo.lineEdit().editingFinished.connect(self.product_chosen)
        # leaving the product (Tab, even from the completer's list): its price comes in
        QApplication.instance().focusChanged.connect(self._focus_changed)
        self.rate_edit.textEdited.connect(lambda _t: self._receipt_currency_changed())
        self.currency_combo.currentIndexChanged.connect(
            lambda _i: self._receipt_currency_changed())
        self.customer_edit.contact_changed.connect(self.update_customer_hint)
        self.date_edit.editingFinished.connect(self._on_date_finished)
        for key, widget in self.widgets.items():
            signal = getattr(widget, "textEdited", None) or getattr(widget, "currentIndexChanged",
                                                                     None)
            if signal is not None:
                signal.connect(lambda *_a, k=key: self._clear_error(k))


    # ===================================================================== lists
    def fill_lists(self) -> None:
        none = tr("— none —")
        salespeople = reference.list_named(self.store, "salespeople", active_only=True)
        fill_combo(self.salesperson_combo, [(None, none), *salespeople])
        channels = [(cid, display_name(name))  # seeded channels in the UI language
                    for cid, name in reference.list_named(self.store, "channels")]
        fill_combo(self.channel_combo, [(None, none), *channels])
        product_text = self.product_combo.currentText()
        fill_combo(self.product_combo, [(None, ""),
                                              *reference.list_named(self.store, "products",
                                                                    active_only=True)])
        self.product_combo.setEditText(product_text)
        methods = [(m.id, display_name(m.name))
                   for m in receipts.payment_methods(self.store, active_only=True)]
        fill_combo(self.payment_combo, [(None, none), *methods])
        if self.payment_combo.currentIndex() <= 0:
            self.remember_payment(None)

    # ===================================================================== form state
    def _default_rate(self, day: str) -> int:
        if self._last_rate and self._last_rate[0] == day:
            return self._last_rate[1]
        # a shared shop's server lost: the rate in the form stays
        rate = offline_safe(lambda: last_rate_of_day(self.store, day), None)
        if rate is None:
            rate = offline_safe(lambda: self.store.default_rate, None)
        return rate if rate is not None else self.rate()

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
        self._from_queue = None
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
        for edit in (self.quantity_edit, self.price_edit, self.discount_edit, self.amount_edit,
                     self.cost_edit, self.note_edit, self.number_edit, self.receipts_edit):
            edit.setText("")
        self._amount_typed = False
        self._chosen_text = ""
        self.receipt.clear()
        self.fill_time()
        self.clear_errors()
        self._update_mode()

    # -- currency: the shop's reporting currency first, then the last one used ------------
    def reporting_currency_changed(self) -> None:
        """The shop's reporting currency is the form's until a sale picks another."""
        if self._last_currency is None and self._editing is None:
            self.set_currency(self.store.reporting_currency)

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
        for key in ("customer", "product", "quantity", "number", "price", "discount", "cost",
                    "payment"):
            self.widgets[key].setVisible(not daily)
            self.labels[key].setVisible(not daily)
            self.errors[key].clear_error()
        self.receipts_edit.setVisible(daily)
        self.labels["receipts"].setVisible(daily)
        self.errors["receipts"].clear_error()
        self.customer_hint.setVisible(False if daily else self.customer_edit.is_new())
        self.fill_time()
        self._update_mode()

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        product = (self.product_combo, self.product_combo.lineEdit())
        if old in product and new not in product:
            self.product_chosen()

    def takes_lines(self) -> bool:
        """A new receipt (not a daily total, not a change): Enter adds the line to it."""
        return self._editing is None and not self.daily_check.isChecked()

    def edits_receipt(self) -> bool:
        """A saved receipt (not a daily total) open to change: its other lines are in the
        receipt panel, the line opened in the line fields; saving saves them all."""
        return self._editing is not None and not self._editing[2].is_daily_total

    def _update_mode(self) -> None:
        self.receipt.setVisible(self.takes_lines() or self.edits_receipt())
        self.receipt.set_editing(self.edits_receipt())
        self._receipt_currency_changed()
        self._retranslate_form_title()

    def fill_time(self) -> None:
        """Now, for a new receipt; empty (optional) for a daily total."""
        self.time_edit.setText("" if self.daily_check.isChecked()
                               else fmt.current().digits(datetime.now().strftime("%H:%M")))

    def _receipt_currency_changed(self) -> None:
        self.receipt.set_currency(self.currency(), self.rate())

    def update_customer_hint(self) -> None:
        if not self.daily_check.isChecked() and offline_safe(self.customer_edit.is_new, False):
            self.customer_hint.setText(tr("New customer: will be added when you save"))
            self.customer_hint.show()
        else:
            self.customer_hint.hide()
