"""The receipt form: a sale of several lines, by keyboard alone (KPI.md "Line fields").

Each line: product, quantity, unit price (from the product, editable), discount, and the
amount = quantity × unit price − discount (computed, still editable for a shop that only
knows totals). Enter adds the line and goes back to the product; Delete removes the
chosen line; Ctrl+Enter saves the receipt (adding a line still typed first). The running
total shows in both currencies; what the customer hands over (dollars, riel or both)
gives the change in riel, rounded to the 100-riel note, and in dollars at the receipt's
rate. The payment method is remembered; the time of day is filled with now.

Saving is one undoable action (Ctrl+Z in the main window), as every sale.
"""

from __future__ import annotations

import sqlite3
from datetime import datetime

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QCompleter,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.defaults import display_name
from kpidesk.store import receipts, reference
from kpidesk.store.errors import PinRequiredError, StoreError, ValidationError
from kpidesk.store.money import CURRENCIES, convert
from kpidesk.store.sales import LineInput, OrderInput, change_reason, last_rate_of_day
from kpidesk.ui.commands.sales import AddOrderCommand
from kpidesk.ui.widgets import (
    AmountEdit,
    CustomerPicker,
    DateEdit,
    ErrorLabel,
    parse_quantity,
    parse_rate,
)

CONTEXT = "ReceiptDialog"
PAYMENT_KEY = "receipt/payment"  # the payment method used last (QSettings)


def tr(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


# One sentence per error code the store or the form raises here.
ERRORS = {
    "required": QT_TRANSLATE_NOOP("ReceiptDialog", "Type a value here."),
    "not_a_number": QT_TRANSLATE_NOOP("ReceiptDialog", "This is not a number."),
    "zero": QT_TRANSLATE_NOOP("ReceiptDialog", "The amount cannot be zero."),
    "not_positive": QT_TRANSLATE_NOOP("ReceiptDialog", "Type an amount of zero or more."),
    "too_many_decimals": QT_TRANSLATE_NOOP("ReceiptDialog",
                                           "Dollars have at most two decimals."),
    "riel_decimals": QT_TRANSLATE_NOOP("ReceiptDialog", "Riel have no decimals."),
    "bad_date": QT_TRANSLATE_NOOP("ReceiptDialog", "Type the date as dd/mm/yyyy."),
    "bad_time": QT_TRANSLATE_NOOP("ReceiptDialog", "Type the time as hh:mm, e.g. 14:30."),
    "bad_rate": QT_TRANSLATE_NOOP("ReceiptDialog", "Type the riel per dollar, e.g. 4100."),
    "above_price": QT_TRANSLATE_NOOP("ReceiptDialog",
                                     "The discount is more than the price of the line."),
    "no_lines": QT_TRANSLATE_NOOP("ReceiptDialog",
                                  "Add at least one line: product, quantity, price, Enter."),
    "already_refunded": QT_TRANSLATE_NOOP("ReceiptDialog", "This sale is already refunded."),
    "not_refundable": QT_TRANSLATE_NOOP("ReceiptDialog",
                                        "A refund or a daily total cannot be refunded."),
    "unknown_product": QT_TRANSLATE_NOOP("ReceiptDialog",
                                         "No product has this name: pick one from the list."),
}


def error_text(err: ValidationError) -> str:
    return tr(ERRORS.get(err.code, QT_TRANSLATE_NOOP("ReceiptDialog",
                                                     "This value is not accepted.")))


def change_due(total: int, currency: str, rate: int, paid_usd: int,
               paid_khr: int) -> tuple[int, int] | None:
    """(change in riel rounded to the 100-riel note, the same in cents at `rate`) when the
    customer hands over `paid_usd` cents and `paid_khr` riel for a receipt of `total`
    minor units of `currency`; None when it is not enough."""
    total_khr = convert(total, currency, rate)[1]
    paid = convert(paid_usd, "USD", rate)[1] + paid_khr
    if paid < total_khr:
        return None
    change_khr = (paid - total_khr + 50) // 100 * 100  # to the nearest 100-riel note
    return change_khr, convert(paid - total_khr, "KHR", rate)[0]


class ReceiptLinesModel(QAbstractTableModel):
    """The lines of the receipt being typed."""

    HEADERS = (
        QT_TRANSLATE_NOOP("ReceiptDialog", "Product"),
        QT_TRANSLATE_NOOP("ReceiptDialog", "Quantity"),
        QT_TRANSLATE_NOOP("ReceiptDialog", "Unit price"),
        QT_TRANSLATE_NOOP("ReceiptDialog", "Discount"),
        QT_TRANSLATE_NOOP("ReceiptDialog", "Amount"),
    )

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lines: list[LineInput] = []
        self.names: list[str] = []

    def add(self, line: LineInput, name: str) -> None:
        self.beginInsertRows(QModelIndex(), len(self.lines), len(self.lines))
        self.lines.append(line)
        self.names.append(name)
        self.endInsertRows()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.lines[row]
            del self.names[row]
            self.endRemoveRows()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self.HEADERS)):
            return tr(self.HEADERS[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        line, column = self.lines[index.row()], index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        f = fmt.current()
        if column == 0:
            return self.names[index.row()] or "—"
        if column == 1:
            q = line.quantity
            return f.decimal(q, 0 if float(q).is_integer() else 2)
        if column == 2:
            return f.money(line.unit_price, line.currency) if line.unit_price is not None \
                else "—"
        if column == 3:
            return f.money(line.discount, line.currency) if line.discount else ""
        return f.money(line.amount, line.currency)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.HEADERS) - 1)


class ReceiptDialog(QDialog):
    """Type a receipt of several lines and save it as one sale."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiptDialog")
        self.ctx = ctx
        self.store = ctx.store
        self.order_id: int | None = None
        self._amount_typed = False
        self._unit_cost: int | None = None
        self._chosen_text = ""  # the product whose price was filled in

        today = ctx.today()
        self.date_edit = DateEdit(self, default=today)
        self.time_edit = QLineEdit(datetime.now().strftime("%H:%M"), self)
        self.customer_edit = CustomerPicker(self.store, self)
        self.salesperson_combo = QComboBox(self)
        self.channel_combo = QComboBox(self)
        self.payment_combo = QComboBox(self)
        self.currency_combo = QComboBox(self)
        for code in CURRENCIES:
            self.currency_combo.addItem(code, code)
        self.rate_edit = QLineEdit(self)
        self.rate_edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        rate = last_rate_of_day(self.store, today.isoformat()) or self.store.default_rate
        self.rate_edit.setText(fmt.current().rate(rate))

        self.product_combo = QComboBox(self)
        self.product_combo.setEditable(True)
        self.product_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        completer = self.product_combo.completer()
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.quantity_edit = QLineEdit(self)
        self.quantity_edit.setAlignment(Qt.AlignmentFlag.AlignRight
                                        | Qt.AlignmentFlag.AlignVCenter)
        self.price_edit = AmountEdit(self, allow_negative=False)
        self.discount_edit = AmountEdit(self, allow_zero=True, allow_negative=False)
        self.amount_edit = AmountEdit(self)
        self.cost_edit = AmountEdit(self, allow_zero=True, allow_negative=False)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("receipt_add_line")
        self.add_button.setAutoDefault(False)

        self.lines_model = ReceiptLinesModel(self)
        self.lines_view = QTableView(self)
        self.lines_view.setObjectName("receipt_lines")
        self.lines_view.setModel(self.lines_model)
        self.lines_view.verticalHeader().hide()
        self.lines_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.lines_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.lines_view.horizontalHeader().setSectionResizeMode(
            0, QHeaderView.ResizeMode.Stretch)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("receipt_total")
        font = self.total_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.total_label.setFont(font)

        self.paid_usd_edit = AmountEdit(self, allow_zero=True, allow_negative=False)
        self.paid_khr_edit = AmountEdit(self, allow_zero=True, allow_negative=False)
        self.change_label = QLabel(self)
        self.change_label.setObjectName("receipt_change")
        self.change_label.setFont(font)
        self.error_label = ErrorLabel(self)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("receipt_save")
        self.save_button.setAutoDefault(False)
        self.cancel_button = QPushButton(self)
        self.cancel_button.setAutoDefault(False)

        names = ("date", "time", "customer", "salesperson", "channel", "payment", "currency",
                 "rate", "product", "quantity", "price", "discount", "amount", "cost",
                 "paid_usd", "paid_khr")
        self.fields: dict[str, QWidget] = dict(zip(names, (
            self.date_edit, self.time_edit, self.customer_edit, self.salesperson_combo,
            self.channel_combo, self.payment_combo, self.currency_combo, self.rate_edit,
            self.product_combo, self.quantity_edit, self.price_edit, self.discount_edit,
            self.amount_edit, self.cost_edit, self.paid_usd_edit, self.paid_khr_edit),
            strict=True))
        self.labels: dict[str, QLabel] = {}
        for name, widget in self.fields.items():
            widget.setObjectName(f"receipt_{name}")
            label = QLabel(self)
            label.setBuddy(widget)
            self.labels[name] = label

        head = QGridLayout()
        for i, name in enumerate(("date", "time", "customer", "salesperson", "channel",
                                  "payment", "currency", "rate")):
            head.addWidget(self.labels[name], 0, i)
            head.addWidget(self.fields[name], 1, i)
        head.setColumnStretch(2, 3)
        line = QGridLayout()
        for i, name in enumerate(("product", "quantity", "price", "discount", "amount",
                                  "cost")):
            line.addWidget(self.labels[name], 0, i)
            line.addWidget(self.fields[name], 1, i)
        line.addWidget(self.add_button, 1, 6)
        line.setColumnStretch(0, 3)
        pay = QHBoxLayout()
        for name in ("paid_usd", "paid_khr"):
            pay.addWidget(self.labels[name])
            pay.addWidget(self.fields[name])
        pay.addSpacing(16)
        pay.addWidget(self.change_label, 1)
        buttons = QHBoxLayout()
        self.hint_label = QLabel(self)
        self.hint_label.setStyleSheet("color: #555;")
        buttons.addWidget(self.hint_label, 1)
        buttons.addWidget(self.error_label)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addLayout(line)
        layout.addWidget(self.lines_view, 1)
        layout.addWidget(self.total_label)
        layout.addLayout(pay)
        layout.addLayout(buttons)

        order = [self.product_combo, self.quantity_edit, self.price_edit, self.discount_edit,
                 self.amount_edit, self.cost_edit, self.add_button, self.lines_view, self.paid_usd_edit,
                 self.paid_khr_edit, self.save_button, self.cancel_button, self.date_edit,
                 self.time_edit, self.customer_edit, self.salesperson_combo,
                 self.channel_combo, self.payment_combo, self.currency_combo, self.rate_edit]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

        self._fill_lists()
        self.retranslate_ui()
        self.product_combo.lineEdit().editingFinished.connect(self._product_chosen)
        self.product_combo.activated.connect(lambda _i: self._product_chosen())
        for edit in (self.quantity_edit, self.price_edit, self.discount_edit):
            edit.textEdited.connect(self._recompute_amount)
        self.amount_edit.textEdited.connect(self._amount_edited)
        for edit in (self.paid_usd_edit, self.paid_khr_edit, self.rate_edit):
            edit.textEdited.connect(lambda _t: self._update_totals())
        self.currency_combo.currentIndexChanged.connect(lambda _i: self._update_totals())
        self.add_button.clicked.connect(self.add_line)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self.save)
        for widget in (self.product_combo, self.product_combo.lineEdit(), self.quantity_edit,
                       self.price_edit, self.cost_edit,
                       self.discount_edit, self.amount_edit, self.lines_view):
            widget.installEventFilter(self)
        self.ctx.language.language_changed.connect(self._on_language_changed)
        self.resize(980, 560)
        self._update_totals()
        self.product_combo.setFocus()

    # -- texts --------------------------------------------------------------------------
    def _on_language_changed(self, _lang: str) -> None:
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("New receipt"))
        texts = {
            "date": tr("Da&te"), "time": tr("Ti&me"), "customer": tr("C&ustomer"),
            "salesperson": tr("&Salesperson"), "channel": tr("C&hannel"),
            "payment": tr("Pa&yment"), "currency": tr("Curre&ncy"), "rate": tr("&Rate ៛/$"),
            "product": tr("&Product"), "quantity": tr("&Quantity"),
            "price": tr("Unit pri&ce"), "discount": tr("Disc&ount"), "amount": tr("&Amount"),
            "cost": tr("Un&it cost"),
            "paid_usd": tr("Paid in &dollars"), "paid_khr": tr("Paid in ri&el"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.add_button.setText(tr("Add &line"))
        self.save_button.setText(tr("Sa&ve receipt"))
        self.cancel_button.setText(tr("Cancel"))
        self.hint_label.setText(tr("Enter adds the line · Delete removes it · Ctrl+Enter "
                                   "saves the receipt"))
        self.lines_model.retranslate()
        self._update_totals()

    def _fill_lists(self) -> None:
        none = tr("— none —")
        self._fill(self.salesperson_combo, [(None, none), *reference.list_named(
            self.store, "salespeople", active_only=True)])
        self._fill(self.channel_combo, [(None, none), *[
            (cid, display_name(name)) for cid, name in reference.list_named(self.store,
                                                                             "channels")]])
        methods = receipts.payment_methods(self.store, active_only=True)
        self._fill(self.payment_combo, [(None, none), *[(m.id, display_name(m.name))
                                                        for m in methods]])
        last = self.ctx.settings.value(PAYMENT_KEY)
        index = self.payment_combo.findData(int(last)) if str(last or "").isdigit() else -1
        if index >= 0:
            self.payment_combo.setCurrentIndex(index)
        self._fill(self.product_combo, [(None, ""), *reference.list_named(
            self.store, "products", active_only=True)])

    @staticmethod
    def _fill(combo: QComboBox, items: list[tuple[int | None, str]]) -> None:
        combo.clear()
        for key, text in items:
            combo.addItem(text, key)

    # -- keyboard -----------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if (event.type() == QEvent.Type.FocusOut
                and obj in (self.product_combo, self.product_combo.lineEdit())):
            self._product_chosen()  # leaving the product (Tab): its price comes in
        if event.type() == QEvent.Type.KeyPress:
            key = event.key()
            plain = not (event.modifiers() & Qt.KeyboardModifier.ControlModifier)
            if obj is self.product_combo.lineEdit() and key in (Qt.Key.Key_Tab,
                                                                 Qt.Key.Key_Backtab):
                self._product_chosen()
            if obj is self.lines_view and key == Qt.Key.Key_Delete:
                self.remove_line()
                return True
            if obj is not self.lines_view and plain and key in (Qt.Key.Key_Return,
                                                                 Qt.Key.Key_Enter):
                if obj is self.product_combo.lineEdit():
                    self._product_chosen()
                self.add_line()
                return True
        return super().eventFilter(obj, event)

    # -- the line being typed ------------------------------------------------------------
    def currency(self) -> str:
        return self.currency_combo.currentData() or "USD"

    def rate(self) -> int:
        try:
            return parse_rate(self.rate_edit.text())
        except ValidationError:
            return self.store.default_rate

    def _product_id(self) -> int | None:
        text = self.product_combo.currentText().strip()
        if not text:
            return None
        index = self.product_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            raise ValidationError("product", "unknown_product", value=text)
        return self.product_combo.itemData(index)

    def _product_chosen(self) -> None:
        """Fill the unit price (and keep the unit cost) from the product's settings, once
        per product typed (a price the user changed stays)."""
        text = self.product_combo.currentText().strip()
        if text == self._chosen_text:
            return
        self._chosen_text = text
        try:
            product_id = self._product_id()
        except ValidationError:
            return
        self._unit_cost = None
        self.cost_edit.clear()
        if product_id is None:
            return
        price = receipts.product_price(self.store, product_id)
        if price is None:
            return
        currency, rate = self.currency(), self.rate()
        for value, target in ((price.unit_price, "price"), (price.unit_cost, "cost")):
            if value is None:
                continue
            if price.currency != currency:  # the product's price in the receipt's currency
                usd, khr = convert(value, price.currency, rate)
                value = usd if currency == "USD" else -(-khr // 100) * 100
            if target == "price":
                self.price_edit.set_minor(value, currency)
            else:
                self._unit_cost = value
                self.cost_edit.set_minor(value, currency)
        if not self.quantity_edit.text().strip():
            self.quantity_edit.setText(fmt.current().digits("1"))
        self._recompute_amount()

    def _amount_edited(self, _text: str) -> None:
        self._amount_typed = bool(self.amount_edit.text().strip())

    def _recompute_amount(self) -> None:
        """amount = quantity × unit price − discount, unless the user typed the amount."""
        if self._amount_typed:
            return
        try:
            quantity = parse_quantity(self.quantity_edit.text())
            price = self.price_edit.minor(self.currency(), "price")
            discount = (self.discount_edit.minor(self.currency(), "discount")
                        if self.discount_edit.text().strip() else 0)
        except ValidationError:
            return
        self.amount_edit.set_minor(receipts.line_amount(quantity, price, discount),
                                   self.currency())

    def read_line(self) -> LineInput:
        """The line typed, or ValidationError (its field names the widget)."""
        currency, rate = self.currency(), parse_rate(self.rate_edit.text())
        product_id = self._product_id()
        quantity = parse_quantity(self.quantity_edit.text())
        price = (self.price_edit.minor(currency, "price")
                 if self.price_edit.text().strip() else None)
        discount = (self.discount_edit.minor(currency, "discount")
                    if self.discount_edit.text().strip() else 0)
        if self.amount_edit.text().strip():
            amount = self.amount_edit.minor(currency)
        elif price is not None:
            amount = receipts.line_amount(quantity, price, discount)
        else:
            raise ValidationError("amount", "required")
        cost = (self.cost_edit.minor(currency, "cost") if self.cost_edit.text().strip()
                else None)  # the product's, or what this line cost when it differs
        line = LineInput(amount=amount, currency=currency, rate=rate, product_id=product_id,
                         quantity=quantity, unit_price=price, discount=discount,
                         unit_cost=cost)
        receipts.validate_line(line)
        return line

    def _line_typed(self) -> bool:
        return any(w.text().strip() for w in (self.product_combo.lineEdit(), self.price_edit,
                                              self.amount_edit))

    def add_line(self) -> bool:
        try:
            line = self.read_line()
        except ValidationError as err:
            self.show_error(err)
            return False
        self.lines_model.add(line, self.product_combo.currentText().strip())
        self.error_label.clear_error()
        for edit in (self.quantity_edit, self.price_edit, self.discount_edit,
                     self.amount_edit, self.cost_edit):
            edit.clear()
        self.product_combo.setCurrentIndex(0)
        self.product_combo.setEditText("")
        self._amount_typed = False
        self._unit_cost = None
        self._chosen_text = ""
        self._update_totals()
        self.product_combo.setFocus()
        return True

    def remove_line(self) -> None:
        index = self.lines_view.currentIndex()
        if index.isValid():
            self.lines_model.remove(index.row())
            self._update_totals()

    def show_error(self, err: ValidationError) -> None:
        self.error_label.show_error(error_text(err))
        widget = self.fields.get(err.field)
        if widget is not None:
            widget.setFocus()

    # -- totals and change -----------------------------------------------------------------
    def total(self) -> int:
        """The receipt's total in its currency (lines in another currency converted)."""
        currency = self.currency()
        return sum(line.amount if line.currency == currency else
                   convert(line.amount, line.currency, line.rate)[0 if currency == "USD" else 1]
                   for line in self.lines_model.lines)

    def _update_totals(self) -> None:
        f = fmt.current()
        currency, rate = self.currency(), self.rate()
        total = self.total()
        usd, khr = convert(total, currency, rate)
        self.total_label.setText(fmt.fill(tr("Total %1 = %2"), f.money(usd, "USD"),
                                          f.money(khr, "KHR")))
        try:
            paid_usd = (self.paid_usd_edit.minor("USD", "paid_usd")
                        if self.paid_usd_edit.text().strip() else 0)
            paid_khr = (self.paid_khr_edit.minor("KHR", "paid_khr")
                        if self.paid_khr_edit.text().strip() else 0)
        except ValidationError:
            self.change_label.setText("")
            return
        if not (paid_usd or paid_khr) or not self.lines_model.lines:
            self.change_label.setText("")
            return
        change = change_due(total, currency, rate, paid_usd, paid_khr)
        if change is None:
            short = convert(total, currency, rate)[1] - convert(paid_usd, "USD", rate)[1] \
                - paid_khr
            self.change_label.setText(fmt.fill(tr("Still to pay %1"), f.money(short, "KHR")))
            return
        self.change_label.setText(fmt.fill(tr("Change %1 (or %2)"), f.money(change[0], "KHR"),
                                           f.money(change[1], "USD")))

    # -- saving ---------------------------------------------------------------------------
    def read_order(self) -> tuple[OrderInput, object] | None:
        try:
            day = self.date_edit.iso()
            time = receipts.check_time(fmt.latin_digits(self.time_edit.text()))
        except ValidationError as err:
            self.show_error(err)
            return None
        if not self.lines_model.lines:
            self.show_error(ValidationError("product", "no_lines"))
            return None
        contact_id, new_contact = None, None
        kind, value = self.customer_edit.resolve()
        if kind == "contact":
            contact_id = value
        elif kind == "new":
            new_contact = self.customer_edit.new_contact(day)
        order = OrderInput(date=day, lines=list(self.lines_model.lines), contact_id=contact_id,
                           salesperson_id=self.salesperson_combo.currentData(),
                           channel_id=self.channel_combo.currentData(),
                           payment_id=self.payment_combo.currentData(), time=time)
        return order, new_contact

    def save(self) -> bool:
        """Save the receipt as one undoable sale (adding a line still typed first)."""
        if self._line_typed() and not self.add_line():
            return False
        read = self.read_order()
        if read is None:
            return False
        order, new_contact = read
        f = fmt.current()
        command = AddOrderCommand(self.store, order, new_contact, text=fmt.fill(
            tr("Add receipt %1"), f.money(self.total(), self.currency())))
        reason = change_reason(self.store, "add", None, None, order)
        try:
            if reason is None:
                command.execute()
            else:
                with self.ctx.owner_session(self, reason) as allowed:
                    if not allowed:
                        return False
                    command.execute()
        except PinRequiredError:
            return False
        except ValidationError as err:
            self.show_error(err)
            return False
        except (StoreError, sqlite3.DatabaseError) as err:
            self.error_label.show_error(fmt.fill(tr("Not saved: %1"), str(err)))
            return False
        self.ctx.undo_stack.push(command)
        self.order_id = command.order_id
        if order.payment_id is not None:
            self.ctx.settings.setValue(PAYMENT_KEY, order.payment_id)
        self.accept()
        return True
