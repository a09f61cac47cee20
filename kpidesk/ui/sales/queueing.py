"""A shared shop's server lost: the sale waits on this laptop (a mixin of SaleSaving), and a
queued sale comes back to the form to be corrected."""

from __future__ import annotations

import sqlite3

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.store.contacts import ContactInput
from kpidesk.store.errors import ServerError
from kpidesk.store.outbox import NewCustomer, QueuedSale
from kpidesk.store.sales import OrderInput
from kpidesk.ui.sales.lines import receipt_total
from kpidesk.ui.server_status import server_lost

tr = translator("SalesTab")


class SaleQueueing:
    """The sales a shared shop keeps on this laptop while its server does not answer."""

    def load_queued(self, sale: QueuedSale) -> None:
        """Put a queued sale in the form to correct it (a product or salesperson the
        server no longer has); saving it replaces the one waiting, under the same UUID."""
        self.reset_form(keep=True)
        order = sale.order
        self.daily_check.setChecked(False)
        self.date_edit.set_date(order.date)
        for combo, value in ((self.salesperson_combo, order.salesperson_id),
                             (self.channel_combo, order.channel_id),
                             (self.payment_combo, order.payment_id)):
            index = combo.findData(value) if value is not None else 0
            combo.setCurrentIndex(max(index, 0))
        if order.contact_id is not None:
            self.customer_edit.set_contact(order.contact_id, sale.customer_name)
        else:
            self.customer_edit.setText(sale.customer_name)
        self.time_edit.setText(fmt.current().digits(order.time or ""))
        self.number_edit.setText(order.number or "")
        names = sale.product_names + [""] * (len(order.lines) - len(sale.product_names))
        for line, name in zip(order.lines, names, strict=False):
            self.receipt.add(line, name)
        self._from_queue = sale
        self.show_status(tr("Correct the sale (Delete removes a line), then save it: it "
                            "takes the place of the one waiting."))
        self.focus_first_field()

    def _save_queued_again(self, sale: QueuedSale, order: OrderInput,
                           new_contact: ContactInput | None) -> bool:
        """Save a corrected queued sale: on the server when it answers (the queued one
        goes), else in its place in the queue. Its UUID stays: it never reached the
        server (a sale the server refused is not written)."""
        queue = self.ctx.server_queue
        assert queue is not None and sale.queue_id is not None
        order.uuid = sale.order.uuid
        if not queue.server_down:
            try:
                if not self._save_checked(order, new_contact):
                    self._from_queue = sale  # still being corrected
                    return False
            except ServerError as err:
                if err.reason != "unreachable":
                    raise
                server_lost(err)
            else:
                queue.discard(sale.queue_id)
                return True
        self._from_queue = sale
        return self.queue_sale(order, new_contact)

    def _queued_in_place(self, sale: QueuedSale) -> bool:
        """`sale` replaces the queued sale being corrected, if any (True then)."""
        replaced = self._from_queue
        queue = self.ctx.server_queue
        if replaced is None or queue is None or replaced.queue_id is None:
            return False
        sale.queue_id = replaced.queue_id
        sale.queued_at = replaced.queued_at
        queue.replace(sale)
        return True

    def queue_sale(self, order: OrderInput, new_contact: ContactInput | None) -> bool:
        """Keep a new sale in the queue of the shared shop (sent when the server is back);
        what needs the server to be checked or the PIN (an edit, a daily total, a refund)
        is not saved, and the form says so."""
        queue = self.ctx.server_queue
        reason = None
        if self._editing is not None:
            reason = tr("A change to a saved sale needs the server: it was not saved. Try "
                        "again when the server is back.")
        elif order.is_daily_total:
            reason = tr("A daily total needs the server: it was not saved. Try again when "
                        "the server is back.")
        elif any(line.amount < 0 for line in order.lines):
            reason = tr("A refund needs the server (and the owner PIN): it was not saved. "
                        "Try again when the server is back.")
        if queue is None or reason is not None:
            self.form_error.show_error(reason or tr("Not saved: the server does not answer."))
            return False
        names = list(self.receipt.model.names) if self.takes_lines() else []
        names += [self.line_name()] * (len(order.lines) - len(names))
        customer = None
        if new_contact is not None and order.contact_id is None:
            customer = NewCustomer(new_contact.name, new_contact.phone)
        sale = QueuedSale(
            order=order, customer=customer,
            customer_name=self.customer_edit.text().strip(),
            salesperson_name=(self.salesperson_combo.currentText()
                              if order.salesperson_id is not None else ""),
            product_names=names)
        try:
            if not self._queued_in_place(sale):
                queue.enqueue(sale)
        except (OSError, sqlite3.Error) as err:  # this laptop's disk refused it too
            self.form_error.show_error(fmt.fill(tr("Not saved: %1"), str(err)))
            return False
        typed = order.lines[-1]
        self._last_rate = (order.date, typed.rate)
        self._last_currency = typed.currency
        amount = fmt.current().money(receipt_total(order.lines, typed.currency), typed.currency)
        self.show_status(fmt.fill(tr("Kept on this laptop: %1. It is sent when the server "
                                     "answers again."), amount))
        self.reset_form(keep=True)
        self.focus_first_field()
        return True
