"""Refund a sale: the negative of its lines, dated today, linked to it (KPI.md "Refund").

One undoable action; the owner's when a PIN is set (the PIN dialog says why).
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from kpidesk.i18n import format as fmt
from kpidesk.store import receipts
from kpidesk.store.errors import PinRequiredError, StoreError, ValidationError
from kpidesk.store.money import convert
from kpidesk.ui.commands.sales import AddOrderCommand
from kpidesk.ui.dialogs.receipt import error_text


def tr(text: str) -> str:
    return QCoreApplication.translate("RefundDialog", text)


def refund_sale(ctx, parent: QWidget | None, order_id: int) -> int | None:
    """Ask, then refund the whole sale; the refund's order id, or None (refused or
    cancelled; the reason was shown)."""
    store = ctx.store
    try:
        refund = receipts.refund_input(store, order_id, day=ctx.today().isoformat())
    except ValidationError as err:
        QMessageBox.information(parent, tr("Refund"), error_text(err))
        return None
    f = fmt.current()
    total_usd = sum(convert(x.amount, x.currency, x.rate)[0] for x in refund.lines)
    answer = QMessageBox.question(
        parent, tr("Refund"),
        fmt.fill(tr("Refund this sale today: %1 line(s), %2 back to the customer?"),
                 f.integer(len(refund.lines)), f.money(-total_usd, "USD")))
    if answer != QMessageBox.StandardButton.Yes:
        return None
    command = AddOrderCommand(store, refund, text=fmt.fill(tr("Refund %1"),
                                                           f.money(-total_usd, "USD")))
    with ctx.owner_session(parent, "negative") as allowed:
        if not allowed:
            return None
        try:
            command.execute()
        except PinRequiredError:
            return None
        except ValidationError as err:
            QMessageBox.information(parent, tr("Refund"), error_text(err))
            return None
        except (StoreError, sqlite3.DatabaseError) as err:
            QMessageBox.warning(parent, tr("Refund"), fmt.fill(tr("Not saved: %1"), str(err)))
            return None
    ctx.undo_stack.push(command)
    return command.order_id
