"""Refund a sale, all of it or some items (KPI.md "Refund"): one line per line of the sale
with how many items come back (all, to start with; 0 leaves the line out). The refund is
the negative of what comes back, in proportion for part of a line, dated today and linked
to the sale. One undoable action; the owner's when a PIN is set (the PIN dialog says why).

Keyboard: Tab from one quantity to the next, Enter refunds, Esc cancels.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QGridLayout,
    QLabel,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.store import receipts, reference
from kpidesk.store.errors import PinRequiredError, StoreError, ValidationError
from kpidesk.store.money import convert
from kpidesk.store.sales import OrderInput, get_order
from kpidesk.ui.commands.sales import AddOrderCommand
from kpidesk.ui.messages import validation_text
from kpidesk.ui.names import object_name

tr = translator("RefundDialog")


class RefundDialog(QDialog):
    """Choose what comes back; `refund()` saves it (accept() does too)."""

    def __init__(self, ctx, order_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refundDialog")
        self.ctx = ctx
        self.order_id = order_id
        self.refund_id: int | None = None
        self.order: OrderInput = get_order(ctx.store, order_id)
        f = fmt.current()
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        rows = QWidget(self)
        grid = QGridLayout(rows)
        self.spins: list[QDoubleSpinBox] = []
        self.headers = [QLabel(rows) for _ in range(3)]
        for col, label in enumerate(self.headers):
            grid.addWidget(label, 0, col)
        # a sale refunded in part before: each line offers what is left of it
        back_so_far = receipts.given_back(ctx.store, order_id) or {}
        for row, line in enumerate(self.order.lines, start=1):
            name = (reference.name_of(ctx.store, "products", line.product_id)
                    if line.product_id is not None else (line.note or "—"))
            before = back_so_far.get(row, receipts.GivenBack())
            left = abs(line.quantity) - before.quantity
            spin = QDoubleSpinBox(rows)
            spin.setObjectName(object_name("refund_quantity", row))
            spin.setDecimals(0 if float(left).is_integer() else 2)
            spin.setRange(0, max(left, 0))
            spin.setValue(max(left, 0))
            spin.setEnabled(left > 0)
            spin.valueChanged.connect(lambda _v: self._update_total())
            label = QLabel(fmt.fill(tr("%1 × %2 = %3"), name,
                                    f.decimal(max(left, 0), spin.decimals()),
                                    f.money(line.amount - before.amount, line.currency)), rows)
            label.setBuddy(spin)
            grid.addWidget(label, row, 0, 1, 2)
            grid.addWidget(spin, row, 2)
            self.spins.append(spin)
        grid.setColumnStretch(0, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(rows)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("refundTotal")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.total_label)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.resize(520, min(560, 200 + 34 * len(self.spins)))
        self.focus_first_line()

    def focus_first_line(self) -> None:
        """The first line with items left to give back takes the keyboard."""
        for spin in self.spins:
            if spin.isEnabled():
                spin.setFocus()
                spin.selectAll()
                return

    def retranslate_ui(self) -> None:
        f = fmt.current()
        self.setWindowTitle(tr("Refund"))
        self.intro.setText(fmt.fill(
            tr("Sale of %1: how many items of each line come back? %2 leaves a line out."),
            f.date(self.order.date), f.integer(0)))
        for label, text in zip(self.headers, (tr("Line"), "", tr("Items back")), strict=True):
            label.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("&Refund"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))
        self._update_total()

    def quantities(self) -> dict[int, float]:
        """{position: items back} of the lines chosen."""
        return {i: spin.value() for i, spin in enumerate(self.spins, start=1) if spin.value()}

    def refund_input(self) -> OrderInput:
        return receipts.refund_input(self.ctx.store, self.order_id,
                                     day=self.ctx.today().isoformat(),
                                     quantities=self.quantities())

    def _update_total(self) -> None:
        f = fmt.current()
        try:
            refund = self.refund_input()
        except ValidationError as err:
            self.total_label.setText(validation_text(err))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
            return
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(True)
        usd = sum(convert(x.amount, x.currency, x.rate)[0] for x in refund.lines)
        khr = sum(convert(x.amount, x.currency, x.rate)[1] for x in refund.lines)
        self.total_label.setText(fmt.fill(tr("Back to the customer: %1 = %2"),
                                          f.money(-usd, "USD"), f.money(-khr, "KHR")))

    def accept(self) -> None:
        if self.refund() is not None:
            super().accept()

    def refund(self) -> int | None:
        """Save the refund (asking for the PIN when one is set); its order id, or None
        (refused; the reason was shown)."""
        try:
            refund = self.refund_input()
        except ValidationError as err:
            QMessageBox.information(self, tr("Refund"), validation_text(err))
            return None
        f = fmt.current()
        total = sum(convert(x.amount, x.currency, x.rate)[0] for x in refund.lines)
        command = AddOrderCommand(self.ctx.store, refund,
                                  text=fmt.fill(tr("Refund %1"), f.money(-total, "USD")))
        with self.ctx.owner_session(self, "negative") as allowed:
            if not allowed:
                return None
            try:
                command.execute()
            except PinRequiredError:
                return None
            except ValidationError as err:
                QMessageBox.information(self, tr("Refund"), validation_text(err))
                return None
            except (StoreError, sqlite3.DatabaseError) as err:
                QMessageBox.warning(self, tr("Refund"), fmt.fill(tr("Not saved: %1"), str(err)))
                return None
        self.ctx.undo_stack.push(command)
        self.refund_id = command.order_id
        return self.refund_id


def open_refund(ctx, parent: QWidget | None, order_id: int) -> RefundDialog | None:
    """Open the refund of a sale (window-modal, not blocking); None when it cannot be
    refunded (the reason was shown)."""
    try:
        receipts.refund_input(ctx.store, order_id, day=ctx.today().isoformat())
    except ValidationError as err:
        QMessageBox.information(parent, tr("Refund"), validation_text(err))
        return None
    dialog = RefundDialog(ctx, order_id, parent)
    dialog.finished.connect(dialog.deleteLater)
    dialog.open()
    dialog.focus_first_line()
    return dialog
