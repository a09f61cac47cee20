"""Two pages of the Settings tab's lists: the payment methods (add, rename, hide) and each
product's usual unit price and unit cost (what the receipt form fills in; the cost makes
gross profit). Every change is the owner's (`SettingsTab.owner_change`)."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
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
from kpidesk.i18n.tr import QT_TRANSLATE_NOOP, translator
from kpidesk.store import receipts
from kpidesk.store.errors import ValidationError
from kpidesk.store.money import CURRENCIES
from kpidesk.ui.models.base import Column, TableModel
from kpidesk.ui.widgets import AmountEdit, ErrorLabel

CONTEXT = "ReceiptSettings"


tr = translator(CONTEXT)


class _ListModel(TableModel):
    """Rows of (id, cells…) under translated headers."""

    CONTEXT = CONTEXT

    def row_id(self, row: tuple) -> int:
        return row[0]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if role == Qt.ItemDataRole.DisplayRole and self.valid(index):
            return self.rows[index.row()][index.column() + 1]
        return None


class PaymentMethodsModel(_ListModel):
    COLUMNS = (Column("name", QT_TRANSLATE_NOOP("ReceiptSettings", "Payment method")),
               Column("shown", QT_TRANSLATE_NOOP("ReceiptSettings",
                                                 "Shown in the receipt form")))


class PricesModel(_ListModel):
    COLUMNS = (Column("product", QT_TRANSLATE_NOOP("ReceiptSettings", "Product")),
               Column("unit_price", QT_TRANSLATE_NOOP("ReceiptSettings", "Unit price")),
               Column("unit_cost", QT_TRANSLATE_NOOP("ReceiptSettings", "Unit cost")))


def _table(parent: QWidget, model: QAbstractTableModel, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return view


class PaymentMethodsEditor(QWidget):
    def __init__(self, settings_tab, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tab = settings_tab
        self.store = settings_tab.ctx.store
        self.model = PaymentMethodsModel(self)
        self.view = _table(self, self.model, "paymentMethods")
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("paymentName")
        self.add_button = QPushButton(self)
        self.rename_button = QPushButton(self)
        self.hide_button = QPushButton(self)
        self.error = ErrorLabel(self)
        row = QHBoxLayout()
        row.addWidget(self.name_edit, 1)
        for button in (self.add_button, self.rename_button, self.hide_button):
            button.setAutoDefault(False)
            row.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.add_button.clicked.connect(self.add)
        self.rename_button.clicked.connect(self.rename)
        self.hide_button.clicked.connect(self.toggle)
        self.name_edit.returnPressed.connect(self.add)
        self.view.selectionModel().currentRowChanged.connect(self._on_row)
        self.retranslate_ui()
        self.load()

    def retranslate_ui(self) -> None:
        self.name_edit.setPlaceholderText(tr("Name of a payment method"))
        self.add_button.setText(tr("Add"))
        self.rename_button.setText(tr("Rename"))
        self.hide_button.setText(tr("Hide / show"))
        self.model.retranslate()
        self.load()

    def load(self) -> None:
        self.model.set_rows([(m.id, display_name(m.name), tr("yes") if m.active else tr("no"))
                             for m in receipts.payment_methods(self.store)])

    def _current(self) -> int | None:
        index = self.view.currentIndex()
        return self.model.rows[index.row()][0] if index.isValid() else None

    def _on_row(self, current, _previous) -> None:
        if current.isValid():
            self.name_edit.setText(self.model.rows[current.row()][1])

    def add(self) -> None:
        name = self.name_edit.text()
        if self.tab.owner_change(lambda: receipts.add_payment_method(self.store, name),
                                 self.error):
            self.name_edit.clear()
            self.load()

    def rename(self) -> None:
        method_id, name = self._current(), self.name_edit.text()
        if method_id is not None and self.tab.owner_change(
                lambda: receipts.rename_payment_method(self.store, method_id, name),
                self.error):
            self.load()

    def toggle(self) -> None:
        method_id = self._current()
        if method_id is None:
            return
        active = next(m.active for m in receipts.payment_methods(self.store)
                      if m.id == method_id)
        if self.tab.owner_change(lambda: receipts.set_payment_method_active(
                self.store, method_id, not active), self.error):
            self.load()


class ProductPricesEditor(QWidget):
    def __init__(self, settings_tab, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tab = settings_tab
        self.store = settings_tab.ctx.store
        self.model = PricesModel(self)
        self.view = _table(self, self.model, "productPrices")
        self.price_label, self.cost_label = QLabel(self), QLabel(self)
        self.price_edit = AmountEdit(self, allow_zero=True, allow_negative=False)
        self.price_edit.setObjectName("productPrice")
        self.cost_edit = AmountEdit(self, allow_zero=True, allow_negative=False)
        self.cost_edit.setObjectName("productCost")
        self.price_label.setBuddy(self.price_edit)
        self.cost_label.setBuddy(self.cost_edit)
        self.currency_combo = QComboBox(self)
        for code in CURRENCIES:
            self.currency_combo.addItem(code, code)
        self.save_button = QPushButton(self)
        self.save_button.setAutoDefault(False)
        self.error = ErrorLabel(self)
        row = QHBoxLayout()
        for w in (self.price_label, self.price_edit, self.cost_label, self.cost_edit,
                  self.currency_combo, self.save_button):
            row.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        layout.addWidget(self.error)
        self.save_button.clicked.connect(self.save)
        for edit in (self.price_edit, self.cost_edit):
            edit.returnPressed.connect(self.save)
        self.view.selectionModel().currentRowChanged.connect(self._on_row)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.price_label.setText(tr("Unit price"))
        self.cost_label.setText(tr("Unit cost"))
        self.save_button.setText(tr("Save price"))
        self.model.retranslate()
        self.load()

    def load(self) -> None:
        f = fmt.current()
        self.prices = {pid: price for pid, _name, price in receipts.product_prices(self.store)}
        self.model.set_rows([
            (pid, name, f.money(p.unit_price, p.currency) if p.unit_price is not None else "—",
             f.money(p.unit_cost, p.currency) if p.unit_cost is not None else "—")
            for pid, name, p in receipts.product_prices(self.store)])

    def _on_row(self, current, _previous) -> None:
        if not current.isValid():
            return
        price = self.prices.get(self.model.rows[current.row()][0])
        if price is not None:
            self.currency_combo.setCurrentIndex(self.currency_combo.findData(price.currency))
            self.price_edit.set_minor(price.unit_price, price.currency)
            self.cost_edit.set_minor(price.unit_cost, price.currency)

    def save(self) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        product_id = self.model.rows[index.row()][0]
        currency = self.currency_combo.currentData()
        try:
            price = (self.price_edit.minor(currency, "unit_price")
                     if self.price_edit.text().strip() else None)
            cost = (self.cost_edit.minor(currency, "unit_cost")
                    if self.cost_edit.text().strip() else None)
        except ValidationError as err:
            self.error.show_error(self.tab.error_message(err))
            return
        if self.tab.owner_change(lambda: receipts.set_product_price(
                self.store, product_id, unit_price=price, unit_cost=cost, currency=currency),
                self.error):
            row = index.row()
            self.load()
            self.view.selectRow(row)


PAGES = (("payment_methods", QT_TRANSLATE_NOOP("ReceiptSettings", "Payment methods")),
         ("prices", QT_TRANSLATE_NOOP("ReceiptSettings", "Prices and costs")))


def attach_receipt_settings(settings_tab) -> None:
    """Add the two pages to the Settings tab's lists."""
    tabs = settings_tab.lists_tabs
    editors = {"payment_methods": PaymentMethodsEditor(settings_tab, tabs),
               "prices": ProductPricesEditor(settings_tab, tabs)}
    for key, _title in PAGES:
        tabs.addTab(editors[key], "")

    def retranslate(_lang: str = "") -> None:
        for key, title in PAGES:
            tabs.setTabText(tabs.indexOf(editors[key]), tr(title))
            editors[key].retranslate_ui()

    def on_data_changed(topics: set[str]) -> None:
        if topics & {"settings", "products"}:
            for editor in editors.values():
                editor.load()

    retranslate()
    settings_tab.ctx.language.language_changed.connect(retranslate)
    settings_tab.ctx.data_changed.connect(on_data_changed)
    settings_tab.receipt_settings = editors
