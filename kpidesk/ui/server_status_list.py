"""The list of sales waiting on this laptop for the shared shop's server (Sales ▸ Check
waiting sales…): send them now, correct one in the form, or discard one (owner PIN)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import QT_TRANSLATE_NOOP, translator
from kpidesk.store.errors import ServerError
from kpidesk.store.outbox import QueuedSale, SendResult
from kpidesk.ui.models.base import Column, TableModel
from kpidesk.ui.server_status import CONTEXT, SaleQueue, refusal_text, server_lost

tr = translator("ServerQueue")


class WaitingSalesModel(TableModel):
    CONTEXT = CONTEXT
    COLUMNS = (Column("queued", QT_TRANSLATE_NOOP("ServerQueue", "Kept at")),
               Column("date", QT_TRANSLATE_NOOP("ServerQueue", "Date")),
               Column("customer", QT_TRANSLATE_NOOP("ServerQueue", "Customer")),
               Column("items", QT_TRANSLATE_NOOP("ServerQueue", "Items")),
               Column("amount", QT_TRANSLATE_NOOP("ServerQueue", "Amount")),
               Column("state", QT_TRANSLATE_NOOP("ServerQueue", "State")))

    def row_id(self, row: QueuedSale) -> int:
        return int(row.queue_id or 0)

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self.valid(index):
            return None
        sale: QueuedSale = self.rows[index.row()]
        key = self.column_key(index.column())
        if role == Qt.ItemDataRole.ForegroundRole and key == "state" and sale.refused:
            from PySide6.QtGui import QColor

            return QColor("#b00020")
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        f = fmt.current()
        order = sale.order
        if key == "queued":
            day, _, clock = sale.queued_at.partition("T")
            return f"{f.date_numeric(day)} {f.digits(clock[:5])}" if day else ""
        if key == "date":
            return f.date_numeric(order.date)
        if key == "customer":
            return sale.customer_name or tr("Walk-in")
        if key == "items":
            return ", ".join(n for n in sale.product_names if n) or "—"
        if key == "amount":
            currency = order.lines[-1].currency
            from kpidesk.ui.sales.lines import receipt_total

            return f.money(receipt_total(order.lines, currency), currency)
        return refusal_text(sale.refused)


def row_list(parent: QWidget, model: QAbstractItemModel, name: str) -> QTableView:
    """A read-only list of rows, one chosen at a time (the waiting sales, the backups)."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    return view


class WaitingSalesDialog(QDialog):
    """The sales waiting on this laptop: send them now, correct one in the Sales form, or
    throw one away (owner PIN)."""

    edit_requested = Signal(object)  # a QueuedSale

    def __init__(self, queue: SaleQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.queue = queue
        self.setObjectName("waitingSales")
        self.model = WaitingSalesModel(self)
        self.view = row_list(self, self.model, "waitingSalesTable")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("waitingSalesMessage")
        self.message.setWordWrap(True)
        self.send_button = QPushButton(self)
        self.send_button.setObjectName("waitingSalesSend")
        self.send_button.clicked.connect(self.send_now)
        self.edit_button = QPushButton(self)
        self.edit_button.setObjectName("waitingSalesEdit")
        self.edit_button.clicked.connect(self.edit_selected)
        self.discard_button = QPushButton(self)
        self.discard_button.setObjectName("waitingSalesDiscard")
        self.discard_button.clicked.connect(self.discard_selected)
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("waitingSalesClose")
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.send_button)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.discard_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        queue.changed.connect(self.reload)
        self.resize(820, 380)
        self.retranslate_ui()
        self.reload()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("Sales waiting to be sent"))
        self.intro.setText(tr("These sales were saved on this laptop while the shop's server "
                              "did not answer. They are sent in this order when it answers "
                              "again, each one once."))
        self.send_button.setText(tr("&Send now"))
        self.edit_button.setText(tr("Co&rrect in the form"))
        self.discard_button.setText(tr("&Discard…"))
        self.close_button.setText(tr("&Close"))
        self.model.retranslate()

    def reload(self) -> None:
        self.model.set_rows(self.queue.pending())
        self.view.resizeColumnsToContents()
        self.discard_button.setEnabled(self.model.rowCount() > 0)
        self.edit_button.setEnabled(self.model.rowCount() > 0)
        self.send_button.setEnabled(self.model.rowCount() > 0)

    def send_now(self) -> SendResult:
        if self.queue.server_down and not self.queue.server_back():
            result = SendResult(unreachable=True, remaining=self.queue.count())
        else:
            result = self.queue.send_now()
        f = fmt.current()
        if result.unreachable:
            self.message.setText(tr("The server still does not answer: nothing was sent."))
        else:
            self.message.setText(fmt.fill(tr("Sent: %1. Refused by the server: %2."),
                                          f.integer(result.done), f.integer(len(result.refused))))
        self.reload()
        return result

    def selected(self) -> QueuedSale | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def edit_selected(self) -> bool:
        sale = self.selected()
        if sale is None:
            self.message.setText(tr("Choose a sale in the list first."))
            return False
        self.edit_requested.emit(sale)
        self.accept()
        return True

    def discard_selected(self) -> bool:
        sale = self.selected()
        if sale is None or sale.queue_id is None:
            self.message.setText(tr("Choose a sale in the list first."))
            return False
        answer = QMessageBox.question(
            self, tr("Discard this sale?"),
            tr("This sale was never sent to the server. Discarded, it is gone for good."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        from kpidesk.ui.dialogs.pin import require_owner, require_owner_offline

        try:
            if self.queue.server_down:
                raise ServerError("unreachable", "known lost")
            allowed = require_owner(self.queue.store, self, "discard_queued")
        except ServerError as err:
            if err.reason != "unreachable":
                raise
            server_lost(err)
            known = self.queue.known_copy  # the PIN's hash as last copied from the server
            if not known.is_file():
                self.message.setText(tr("Discarding needs the server, to check the owner "
                                        "PIN. Try again when it answers."))
                return False
            allowed = require_owner_offline(known, self, "discard_queued")
        if not allowed:
            return False
        self.queue.discard(sale.queue_id)
        self.message.setText(tr("Discarded."))
        return True
