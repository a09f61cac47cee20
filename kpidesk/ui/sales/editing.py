"""Opening a saved sale in the Sales form to change it (a mixin of SaleForm): the line
chosen in the line fields and the receipt's other lines in the receipt panel (a daily total:
its one line), its date, time, customer, payment; saving replaces the whole receipt (one
undo step); Esc puts back the new sale that was being typed.
"""

from __future__ import annotations

from kpidesk.i18n import format as fmt
from kpidesk.i18n.defaults import display_name
from kpidesk.store import receipts, reference
from kpidesk.store.errors import ValidationError
from kpidesk.store.sales import LineInput, get_order
from kpidesk.ui.messages import validation_text


class SaleEditing:
    """Needs the form's widgets (form.py)."""

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
        for edit, value in ((self.price_edit, line.unit_price), (self.cost_edit, line.unit_cost),
                            (self.discount_edit, line.discount or None)):
            edit.set_minor(value, line.currency)
        self._chosen_text = self.product_combo.currentText().strip()  # its price stays
        self._amount_typed = line.unit_price is None or line.amount != receipts.line_amount(
            line.quantity, line.unit_price, line.discount or 0)
        self.time_edit.setText(fmt.current().digits(order.time) if order.time else "")
        i = self.payment_combo.findData(order.payment_id)
        if i < 0 and order.payment_id is not None:  # a method no longer offered: still show it
            name = next((m.name for m in receipts.payment_methods(self.store)
                         if m.id == order.payment_id), "")
            self.payment_combo.addItem(display_name(name), order.payment_id)
            i = self.payment_combo.count() - 1
        self.payment_combo.setCurrentIndex(max(i, 0))
        self._set_rate(line.rate)
        self.rate_edit.setModified(True)
        self.note_edit.setText(line.note or "")
        self.number_edit.setText(order.number or "")
        self.receipts_edit.setText(f.integer(order.receipts) if order.receipts is not None
                                   else "")
        if not order.is_daily_total:  # the receipt's other lines, in their order
            for i, other in enumerate(order.lines):
                if i != index:
                    self.receipt.add(other, self._line_label(other))
        self.cancel_button.show()
        self.status_label.setText("")
        self._update_mode()
        self.amount_edit.setFocus()
        self.amount_edit.selectAll()

    def _line_label(self, line: LineInput) -> str:
        """How the receipt panel names a saved line: its product, else its note."""
        if line.product_id is not None:
            return reference.name_of(self.store, "products", line.product_id)
        return line.note or ""

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
                "payment": self.payment_combo.currentData(),
                "product": self.product_combo.currentText(), "rate": self.rate_edit.text()}

    def _restore_pre_edit(self) -> None:
        state, self._pre_edit = self._pre_edit, None
        if not state:
            return
        self.daily_check.setChecked(state["daily"])
        self.date_edit.setText(state["date"])
        for combo, value in ((self.salesperson_combo, state["salesperson"]),
                             (self.channel_combo, state["channel"]),
                             (self.payment_combo, state["payment"])):
            combo.setCurrentIndex(max(0, combo.findData(value)))
        self.currency_combo.setCurrentIndex(state["currency"])
        self.product_combo.setEditText(state["product"])
        self.rate_edit.setText(state["rate"])
        self.rate_edit.setModified(False)
        self.clear_errors()
