"""The Sales form's texts in the user's language: labels with their access keys, hints,
placeholders, the form's title (a mixin of SaleForm)."""

from __future__ import annotations

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.store.errors import ValidationError
from kpidesk.ui.server_status import offline_safe
from kpidesk.ui.widgets import parse_rate

tr = translator("SalesTab")


class SaleFormTexts:
    """Needs the form's widgets (form.py)."""

    # ===================================================================== texts
    def retranslate_ui(self) -> None:
        texts = {
            # Access keys are unique with the menu bar's (F, E, L, H), the filters' and
            # the tendered fields': every letter of these texts is taken, so Note, Save
            # (Ctrl+Enter) and the Period filter have none.
            "date": tr("&Date"),
            "time": tr("&Time"),
            "payment": tr("Pay&ment"),
            "price": tr("U&nit price"),
            "discount": tr("Disc&ount"),
            "cost": tr("Unit co&st"),
            "customer": tr("C&ustomer (name or phone)"),
            "salesperson": tr("Sales&person"),
            "channel": tr("&Channel"),
            "product": tr("P&roduct"),
            "quantity": tr("&Quantity"),
            "amount": tr("&Amount"),
            "currency": tr("Currenc&y"),
            "rate": tr("E&xchange rate (riel per $)"),
            "note": tr("Note"),
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
        self.save_button.setText(tr("Save (Ctrl+Enter)"))
        self.refund_button.setText(tr("Refund… (Ctrl+R)"))
        self.refund_button.setToolTip(tr(
            "Refund the sale chosen in the table below, or the one whose receipt no. is "
            "typed: all its lines or some of them"))
        self.time_edit.setPlaceholderText(tr("hh:mm"))
        self.time_edit.setToolTip(tr("The time of the sale: now, unless you change it"))
        self.cost_edit.setToolTip(tr("What one item cost the shop, when it differs from the "
                                     "product's cost in Settings"))
        self.cancel_button.setText(tr("Cancel edit (Esc)"))
        self.quantity_edit.setPlaceholderText(fmt.current().digits("1"))
        default_rate = offline_safe(lambda: self.store.default_rate, 4100)  # server lost
        self.rate_edit.setPlaceholderText(fmt.current().digits(str(default_rate)))
        self.note_edit.setPlaceholderText(tr("optional"))
        self.number_edit.setPlaceholderText(tr("optional"))
        self.product_combo.lineEdit().setPlaceholderText(tr("type to search"))
        self.currency_combo.setItemText(0, tr("USD ($)"))
        self.currency_combo.setItemText(1, tr("KHR (៛)"))
        for widget in (self.date_edit, self.amount_edit, self.customer_edit, self.price_edit,
                       self.discount_edit, self.cost_edit, self.receipt):
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
            title = fmt.fill(tr("Edit sale %1"), number) if number else tr("Edit sale")
        elif self.daily_check.isChecked():
            title = tr("New daily total")
        else:
            title = tr("New sale")
        self.setTitle(title)
