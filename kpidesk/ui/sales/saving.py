"""Reading, checking and saving the Sales form (a mixin of SaleForm, apart to keep each
module short): an amount that looks wrong asks first, a future date asks first, replacing
a daily total asks first, a change that is the owner's asks for the PIN; every save and
edit is one undo command. The questions asked first live in `questions.py` (SaleQuestions),
the queue of a shared shop whose server is lost in `queueing.py` (SaleQueueing).
"""

from __future__ import annotations

import sqlite3
from datetime import date

import shiboken6

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.store import receipts
from kpidesk.store import sales as store_sales
from kpidesk.store.contacts import ContactInput
from kpidesk.store.errors import PinRequiredError, ServerError, StoreError, ValidationError
from kpidesk.store.sales import LineInput, OrderInput, find_daily_total, get_order
from kpidesk.store.uuids import new_uuid
from kpidesk.ui.commands.sales import AddOrderCommand, EditOrderCommand
from kpidesk.ui.messages import server_error_text, validation_text
from kpidesk.ui.sales.lines import receipt_total
from kpidesk.ui.sales.questions import SaleQuestions
from kpidesk.ui.sales.queueing import SaleQueueing
from kpidesk.ui.sales.texts import pin_refused_text
from kpidesk.ui.server_status import server_lost
from kpidesk.ui.widgets import mark_invalid, parse_rate

tr = translator("SalesTab")
PAYMENT_KEY = "receipt/payment"  # the payment method used last (QSettings)


class SaleSaving(SaleQueueing, SaleQuestions):
    """What SaleForm does with what is typed. Needs the form's widgets (form.py)."""

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

    def read_form(self) -> tuple[OrderInput, object] | None:
        """The sale typed in the form (the receipt's lines, and the line still typed), or
        None after showing what is wrong."""
        self.clear_errors()
        self._errors_shown = {}
        errors: list[ValidationError] = []
        daily = self.daily_check.isChecked()

        def attempt(fn, *args):
            try:
                return fn(*args)
            except ValidationError as err:
                errors.append(err)
                return None

        day = attempt(self.date_edit.iso)
        rate = attempt(parse_rate, self.rate_edit.text())
        time = attempt(receipts.check_time, fmt.latin_digits(self.time_edit.text()))
        lines = self.receipt.lines if self.takes_lines() or self.edits_receipt() else []
        if not lines or self.line_typed():
            line = self.read_line(attempt, rate, daily)
            if line is not None:
                # a line opened from a saved receipt goes back to its place
                at = self._editing[1] if self.edits_receipt() else len(lines)
                lines.insert(min(at, len(lines)), line)
        receipts_count = attempt(self._receipts) if daily else None
        new_contact = None
        contact_id = None
        if not daily and day:
            try:
                kind, value = self.customer_edit.resolve()
            except ServerError as err:  # a shared shop's server lost: the sale may be queued
                if err.reason != "unreachable":
                    raise
                server_lost(err)
                kind, value = self.customer_edit.resolve_offline()
            if kind == "contact":
                contact_id = value
            elif kind == "new":
                name, phone = value  # type: ignore[misc]
                new_contact = ContactInput(name=name, created=day, kind="customer", phone=phone)
        if self._focus_errors(errors):
            return None
        for line in lines:
            line.rate = rate  # one rate for the receipt: the one in the form now
        order = OrderInput(
            date=day, lines=lines,
            number="" if daily else fmt.latin_digits(self.number_edit.text().strip()),
            contact_id=contact_id, salesperson_id=self.salesperson_combo.currentData(),
            channel_id=self.channel_combo.currentData(), is_daily_total=daily,
            receipts=receipts_count, time=time,
            payment_id=None if daily else self.payment_combo.currentData())
        return order, new_contact

    def _focus_errors(self, errors: list[ValidationError]) -> bool:
        """Show each error under its field and put the cursor on the first; True if any."""
        for err in errors:
            self.show_error(err)
        if not errors:
            return False
        first = {"date": 0, "time": 1, "product": 4, "quantity": 5, "price": 6, "discount": 7,
                 "amount": 8, "cost": 9, "rate": 11, "receipts": 12}
        key = min((e.field for e in errors), key=lambda f: first.get(f, 99))
        if key in self.widgets:
            self.widgets[key].setFocus()
        return True

    # -- the receipt's lines -------------------------------------------------------------------
    def enter_in_line(self) -> None:
        """Enter in a line field: the line joins the receipt; on an empty line, with lines
        already added, the receipt is saved."""
        if not self.line_typed() and self.receipt.lines:
            self.save()
        else:
            self.add_line()

    def add_line(self) -> bool:
        """Add the line typed to the receipt (its errors shown under the fields)."""
        self.clear_errors()
        self._errors_shown = {}
        errors: list[ValidationError] = []

        def attempt(fn, *args):
            try:
                return fn(*args)
            except ValidationError as err:
                errors.append(err)
                return None

        self.product_chosen()
        rate = attempt(parse_rate, self.rate_edit.text())
        line = self.read_line(attempt, rate, False)
        if self._focus_errors(errors) or line is None:
            return False
        self.receipt.add(line, self.line_name())
        self.clear_line()
        self.product_combo.setFocus()
        return True

    def remember_payment(self, payment_id: int | None) -> None:
        """Save `payment_id` as the last used, or (None) choose the one last used."""
        if payment_id is not None:
            self.ctx.settings.setValue(PAYMENT_KEY, payment_id)
            return
        last = self.ctx.settings.value(PAYMENT_KEY)
        index = self.payment_combo.findData(int(last)) if str(last or "").isdigit() else -1
        if index >= 0:
            self.payment_combo.setCurrentIndex(index)

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
        queue = self.ctx.server_queue
        if queue is None:
            return self._save_checked(order, new_contact)
        from_queue = self._from_queue
        if from_queue is not None and self._editing is None:
            return self._save_queued_again(from_queue, order, new_contact)
        # A shared shop: a new sale gets its UUID now, the same on the server and in the
        # queue, so that a save cut off after the server committed is not sent twice.
        if self._editing is None and not order.is_daily_total:
            order.uuid = new_uuid()
            if queue.server_down:
                return self.queue_sale(order, new_contact)
        try:
            return self._save_checked(order, new_contact)
        except ServerError as err:
            if err.reason != "unreachable":
                self.form_error.show_error(server_error_text(err, self.store.server_url or ""))
                return False
            server_lost(err)
            return self.queue_sale(order, new_contact)

    def _save_checked(self, order: OrderInput, new_contact) -> bool:
        typed = order.lines[-1]  # its currency and rate are the next sale's
        day = date.fromisoformat(order.date)
        if day > self.ctx.today() and not self.confirm_future(day):
            self.date_edit.setFocus()
            return False
        doubts = [d for line in order.lines for d in self._doubts(line)]
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
                self.form_error.show_error(pin_refused_text(reason))
                return False
            return self._run_save(command, order, typed)

    def _run_save(self, command, order: OrderInput, typed: LineInput) -> bool:
        try:
            command.execute()
        except PinRequiredError as err:
            self.form_error.show_error(pin_refused_text(err.reason))
            return False
        except ValidationError as err:
            self.show_error(err)
            return False
        except ServerError as err:
            if err.reason == "unreachable":
                raise  # save() keeps the sale in the queue
            self.form_error.show_error(server_error_text(err, self.store.server_url or ""))
            return False
        except (StoreError, sqlite3.DatabaseError) as err:
            self.form_error.show_error(fmt.fill(tr("Not saved: %1"), str(err)))
            return False
        self.ctx.undo_stack.push(command)
        self._last_rate = (order.date, typed.rate)
        self._last_currency = typed.currency
        f = fmt.current()
        if isinstance(command, EditOrderCommand):
            text = tr("Saved the change (%1). Ctrl+Z undoes it.")
            amount = f.money(typed.amount if order.is_daily_total
                             else receipt_total(order.lines, typed.currency), typed.currency)
        else:
            text = tr("Saved %1. Ctrl+Z undoes it.")
            amount = f.money(receipt_total(order.lines, typed.currency), typed.currency)
        if order.payment_id is not None:
            self.remember_payment(order.payment_id)
        self.status_label.setText(fmt.fill(text, amount))
        self._status_command = command
        self.reset_form(keep=True)
        if isinstance(command, EditOrderCommand) and self._pre_edit is not None:
            self._restore_pre_edit()
        self.focus_first_field()
        return True

    def _owner_reason(self, command) -> str | None:
        if isinstance(command, EditOrderCommand):
            return store_sales.change_reason(self.store, "edit", command.order_id, command.old,
                                             command.order)
        return store_sales.change_reason(self.store, "add", None, None, command.order)

    def _command_for(self, order: OrderInput, new_contact):
        if self._editing is not None:
            order_id, index, old = self._editing
            if old.is_daily_total:  # one line in the form: it replaces its own
                lines = list(old.lines)
                if 0 <= index < len(lines):
                    lines[index] = order.lines[0]
                else:
                    lines.append(order.lines[0])
                order.lines = lines
            # a receipt: the form holds all its lines (read_form), saved as a whole
            if old.is_daily_total and order.is_daily_total:
                order.number = old.number
            order.note = old.note
            order.refund_of = old.refund_of  # what this form does not show stays as it was
            if order.is_daily_total:
                order.payment_id = old.payment_id
            return EditOrderCommand(self.store, order_id, order, new_contact)
        f = fmt.current()
        line = order.lines[0]
        amount = f.money(line.amount, line.currency)
        if not order.is_daily_total:
            amount = f.money(receipt_total(order.lines, line.currency), line.currency)
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
                                        text=fmt.fill(tr("Replace daily total with %1"),
                                                      amount))
            return AddOrderCommand(self.store, order,
                                   text=fmt.fill(tr("Add daily total %1"), amount))
        return AddOrderCommand(self.store, order, new_contact,
                               text=fmt.fill(tr("Add sale %1"), amount))

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
            self.status_label.setText(fmt.fill(tr("Undone: %1. Ctrl+Y does it again."),
                                               command.text()))
        else:
            self.status_label.setText(fmt.fill(tr("Redone: %1."), command.text()))

    # ===================================================================== edit / delete
    # -- what the table says ---------------------------------------------------------------
    def show_status(self, text: str, command: object = None) -> None:
        """A sentence in the status line; `command`: the undo step it speaks of (undo and
        redo change the sentence)."""
        self.status_label.setText(text)
        self._status_command = command

    def orders_deleted(self, ids: list[int]) -> None:
        if self._editing is not None and self._editing[0] in ids:
            self.cancel_edit()
