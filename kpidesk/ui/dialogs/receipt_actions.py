"""What the Sales tab gains for receipts and refunds: a "New receipt…" button (Ctrl+Shift+R
opens it too) and "Refund this sale…" on the sales table (its right-click menu, Ctrl+R).

Attached from the Sales tab with one call each, so the tab's own code stays as it is.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QBoxLayout, QPushButton


def tr(text: str) -> str:
    return QCoreApplication.translate("ReceiptActions", text)


def attach_receipt_entry(tab, layout: QBoxLayout) -> QPushButton:
    """A "New receipt…" button before the Save button of the Sales form."""
    button = QPushButton(tab.form)
    button.setObjectName("sale_new_receipt")
    button.setAutoDefault(False)
    layout.insertWidget(max(0, layout.count() - 1), button)

    def retranslate(_lang: str = "") -> None:
        button.setText(tr("Receipt of se&veral items…"))
        button.setToolTip(tr("A receipt of several items, with the change to give back "
                             "(Ctrl+Shift+R)"))

    def open_receipt() -> None:
        from kpidesk.ui.dialogs.receipt import ReceiptDialog

        dialog = ReceiptDialog(tab.ctx, tab)
        dialog.exec()
        dialog.deleteLater()

    retranslate()
    tab.ctx.language.language_changed.connect(retranslate)
    button.clicked.connect(open_receipt)
    shortcut = QShortcut(QKeySequence("Ctrl+Shift+R"), tab)
    shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    shortcut.activated.connect(open_receipt)
    tab.open_receipt = open_receipt
    return button


def attach_refund_action(tab) -> QAction:
    """"Refund this sale…" on the sales table (right-click, or Ctrl+R in the table)."""
    action = QAction(tab.table)
    action.setObjectName("sale_refund")
    action.setShortcut(QKeySequence("Ctrl+R"))
    action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def retranslate(_lang: str = "") -> None:
        action.setText(tr("Refund this sale…"))

    def refund() -> None:
        from kpidesk.ui.dialogs.refund import refund_sale

        ids = tab.selected_order_ids()
        if len(ids) == 1:
            refund_sale(tab.ctx, tab, ids[0])

    retranslate()
    tab.ctx.language.language_changed.connect(retranslate)
    action.triggered.connect(refund)
    tab.table.addAction(action)
    tab.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
    tab.refund_selected = refund
    return action


def keep_line_details(before, after) -> None:
    """A line changed in the one-line Sales form keeps what that form does not show: its
    unit cost while the product stays, its price and discount while the amount and the
    quantity stay."""
    if after.product_id == before.product_id:
        after.unit_cost = before.unit_cost
    if (after.amount, after.quantity) == (before.amount, before.quantity):
        after.unit_price, after.discount = before.unit_price, before.discount
