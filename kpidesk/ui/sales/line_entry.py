"""The line being typed in the Sales form (a mixin of SaleForm, apart to keep each module
short): product, quantity, unit price (from the product, editable), discount, the amount
= quantity × unit price − discount (computed, still editable for a shop that only knows
totals) and the unit cost when it differs from the product's (KPI.md "Line fields").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt

from kpidesk.store import receipts
from kpidesk.store.errors import ValidationError
from kpidesk.store.money import convert
from kpidesk.store.sales import LineInput
from kpidesk.ui.server_status import offline_safe
from kpidesk.ui.widgets import parse_quantity, parse_rate

CURRENCIES = ("USD", "KHR")
# Keys that pick the currency (in the currency box, or typed in the amount): Latin letters
# and the same keys on a Khmer keyboard (K → ក, R → រ, D → ដ).
RIEL_KEYS = frozenset("kKrR៛ករ")
DOLLAR_KEYS = frozenset("uUdD$ដ")


def _checked(line: LineInput) -> LineInput:
    receipts.validate_line(line)  # a negative price, or a discount above the price
    return line


class LineEntry:
    """Needs the form's line widgets (form.py)."""

    product_combo: Any
    quantity_edit: Any
    price_edit: Any
    discount_edit: Any
    amount_edit: Any
    cost_edit: Any
    currency_combo: Any
    rate_edit: Any
    note_edit: Any
    store: Any
    receipt: Any
    _amount_typed: bool
    _chosen_text: str

    def currency(self) -> str:
        return self.currency_combo.currentData() or "USD"

    def rate(self) -> int:
        try:
            return parse_rate(self.rate_edit.text())
        except ValidationError:
            return offline_safe(lambda: self.store.default_rate, 4100)

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

    def product_chosen(self) -> None:
        """Fill the unit price and cost from the product's settings, once per product typed
        (a price the user changed stays)."""
        self._complete_product()
        text = self.product_combo.currentText().strip()
        if text == self._chosen_text or not self.product_combo.isVisible():
            return  # the same product, or the form is closing (focus leaves it)
        self._chosen_text = text
        try:
            product_id = self._product_id()
        except ValidationError:
            return
        self.cost_edit.clear()
        price = offline_safe(lambda: receipts.product_price(self.store, product_id),
                             None) if product_id else None  # server lost: typed by hand
        if price is None:
            return
        currency, rate = self.currency(), self.rate()
        for value, edit in ((price.unit_price, self.price_edit),
                            (price.unit_cost, self.cost_edit)):
            if value is None:
                continue
            if price.currency != currency:  # the product's price in the receipt's currency
                usd, khr = convert(value, price.currency, rate)
                value = usd if currency == "USD" else -(-khr // 100) * 100
            edit.set_minor(value, currency)
        if price.unit_price is not None:
            self._amount_typed = False
            self.recompute_amount()

    def amount_edited(self, _text: str) -> None:
        self._amount_typed = bool(self.amount_edit.text().strip())

    def recompute_amount(self) -> None:
        """amount = quantity × unit price − discount, unless the user typed the amount."""
        if self._amount_typed or not self.price_edit.text().strip():
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

    def line_typed(self) -> bool:
        return any(w.text().strip() for w in (self.product_combo.lineEdit(), self.price_edit,
                                              self.amount_edit))

    def read_line(self, attempt: Callable[..., Any], rate: int | None,
                  daily: bool) -> LineInput | None:
        """The line typed; each field's error goes to `attempt` (None then)."""
        currency = self.currency()
        product_id = None if daily else attempt(self._product_id)
        quantity = 1.0 if daily else attempt(parse_quantity, self.quantity_edit.text())
        price = discount = cost = None
        if not daily:
            if self.price_edit.text().strip():
                price = attempt(self.price_edit.minor, currency, "price")
            discount = (attempt(self.discount_edit.minor, currency, "discount")
                        if self.discount_edit.text().strip() else 0)
            if self.cost_edit.text().strip():  # the product's, or this line's when it differs
                cost = attempt(self.cost_edit.minor, currency, "cost")
        if (not self.amount_edit.text().strip() and price is not None
                and quantity is not None and discount is not None):
            amount = receipts.line_amount(quantity, price, discount)
        else:
            amount = attempt(self.amount_edit.minor, currency)
        if None in (amount, rate, quantity, discount if not daily else 0):
            return None
        if amount < 0:  # a refund gives items back: quantities sold stay net
            quantity = -abs(quantity)
        line = LineInput(amount=amount, currency=currency, rate=rate, product_id=product_id,
                         quantity=quantity, note=self.note_edit.text().strip(),
                         unit_price=price, discount=discount or 0, unit_cost=cost)
        return attempt(_checked, line)

    def clear_line(self) -> None:
        for edit in (self.quantity_edit, self.price_edit, self.discount_edit,
                     self.amount_edit, self.cost_edit, self.note_edit):
            edit.setText("")  # setText: the field's own undo history goes too
        self.product_combo.setCurrentIndex(0)
        self.product_combo.setEditText("")
        self._amount_typed = False
        self._chosen_text = ""

    def line_name(self) -> str:
        return self.product_combo.currentText().strip()

    # -- currency: the shop's reporting currency first, then the last one used ----------
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
