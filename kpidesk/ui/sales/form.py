"""The Sales entry form: a keyboard-only form above the table of sale lines.

Tab through date, customer, salesperson, channel, product, quantity, amount,
currency, rate, note (and receipt no.); Enter saves and starts the next sale.
Every save, edit and delete is an undo command on ``ctx.undo_stack``.
"Daily totals" mode records one total per day, channel and salesperson (a line
per currency) for shops that do not enter each receipt, with the number of
receipts of that day when known; replacing a total asks first and shows the
old amount. A sale dated after today asks for confirmation (it counts in no
figure until its day) and is marked in the table.

Reading, checking and saving what is typed lives in `saving.py` (SaleSaving).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
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

from kpidesk.i18n import format as fmt
from kpidesk.i18n.defaults import display_name
from kpidesk.i18n.tr import translator
from kpidesk.store import reference
from kpidesk.store.errors import ValidationError
from kpidesk.store.sales import OrderInput, last_rate_of_day
from kpidesk.ui.context import AppContext
from kpidesk.ui.messages import validation_text
from kpidesk.ui.sales.filters import fill_combo
from kpidesk.ui.sales.saving import SaleSaving
from kpidesk.ui.widgets import (
    AmountEdit,
    CustomerPicker,
    DateEdit,
    ErrorLabel,
    mark_invalid,
    parse_rate,
)

tr = translator("SalesTab")

CURRENCIES = ("USD", "KHR")
# Keys that pick the currency (in the currency box, or typed in the amount): Latin letters
# and the same keys on a Khmer keyboard (K → ក, R → រ, D → ដ).
RIEL_KEYS = frozenset("kKrR៛ករ")
DOLLAR_KEYS = frozenset("uUdD$ដ")


class SaleForm(SaleSaving, QGroupBox):
    """The form of one sale (or one daily total); saving is SaleSaving's."""

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
        self.customer_edit = CustomerPicker(self.store, self)
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
        self.daily_check.toggled.connect(self._on_daily_toggled)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("sale_save")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton(self)
        self.cancel_button.clicked.connect(self.cancel_edit)
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
        self.buttons_row = buttons  # the tab adds the receipt button here

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
        self.customer_edit.contact_changed.connect(self.update_customer_hint)
        self.product_combo.lineEdit().editingFinished.connect(self._complete_product)
        self.date_edit.editingFinished.connect(self._on_date_finished)
        for key, widget in self.widgets.items():
            signal = getattr(widget, "textEdited", None) or getattr(widget, "currentIndexChanged",
                                                                     None)
            if signal is not None:
                signal.connect(lambda *_a, k=key: self._clear_error(k))


    # ===================================================================== texts
    def retranslate_ui(self) -> None:
        texts = {
            # Access keys are unique with the menu bar's (F, E, L, H) and the filters'.
            "date": tr("&Date"),
            "customer": tr("C&ustomer (name or phone)"),
            "salesperson": tr("Sales&person"),
            "channel": tr("&Channel"),
            "product": tr("P&roduct"),
            "quantity": tr("&Quantity"),
            "amount": tr("&Amount"),
            "currency": tr("Currenc&y"),
            "rate": tr("Ra&te (riel per $)"),
            "note": tr("&Note"),
            "number": tr("Rece&ipt no."),
            "receipts": tr("Rece&ipts that day"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        self._retranslate_form_title()
        self.daily_check.setText(tr("Daily totals (&without each receipt)"))
        self.daily_check.setToolTip(tr(
            "For shops that do not enter each receipt: one total per day, channel and "
            "salesperson, with the number of receipts that day if you know it. Saving again "
            "for the same day, channel and salesperson replaces that total (you are asked "
            "first)."))
        self.receipts_edit.setPlaceholderText(tr("optional"))
        self.receipts_edit.setToolTip(tr(
            "How many receipts (customers served) the total is made of. Without it, orders "
            "and average order value of the month are not available."))
        self.save_button.setText(tr("&Save (Enter)"))
        self.cancel_button.setText(tr("Cancel edit (Esc)"))
        self.quantity_edit.setPlaceholderText(fmt.current().digits("1"))
        self.rate_edit.setPlaceholderText(fmt.current().digits(str(self.store.default_rate)))
        self.note_edit.setPlaceholderText(tr("optional"))
        self.number_edit.setPlaceholderText(tr("optional"))
        self.product_combo.lineEdit().setPlaceholderText(tr("type to search"))
        self.currency_combo.setItemText(0, tr("USD ($)"))
        self.currency_combo.setItemText(1, tr("KHR (៛)"))
        for widget in (self.date_edit, self.amount_edit, self.customer_edit):
            widget.retranslate_ui()
        if self.rate_edit.text().strip():
            try:
                self.rate_edit.setText(fmt.current().rate(parse_rate(self.rate_edit.text())))
            except ValidationError:
                pass
        self.fill_lists()
        self.update_customer_hint()
        self._refresh_visible_errors()

    def _retranslate_form_title(self) -> None:
        if self._editing is not None:
            number = self._editing[2].number
            title = (tr("Edit sale %1").replace("%1", number)
                     if number else tr("Edit sale"))
        elif self.daily_check.isChecked():
            title = tr("New daily total")
        else:
            title = tr("New sale")
        self.setTitle(title)

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
    def reporting_currency_changed(self) -> None:
        """The shop's reporting currency is the form's until a sale picks another."""
        if self._last_currency is None and self._editing is None:
            self.set_currency(self.store.reporting_currency)

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

    def update_customer_hint(self) -> None:
        if not self.daily_check.isChecked() and self.customer_edit.is_new():
            self.customer_hint.setText(tr("New customer: will be added when you save"))
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
