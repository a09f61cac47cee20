"""The receipt being typed in the Sales form: its lines, the running total in both
currencies, and what the customer hands over with the change to give back (riel rounded
to the 100-riel note, dollars at the receipt's rate).

Delete removes the chosen line. Nothing here writes: the form saves the receipt.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import QT_TRANSLATE_NOOP, translator
from kpidesk.store.errors import ValidationError
from kpidesk.store.money import convert
from kpidesk.store.sales import LineInput
from kpidesk.ui.models.base import Column, TableModel
from kpidesk.ui.widgets import AmountEdit

CONTEXT = "SaleReceipt"
tr = translator(CONTEXT)


def change_due(total: int, currency: str, rate: int, paid_usd: int,
               paid_khr: int) -> tuple[int, int] | None:
    """(change in riel rounded to the 100-riel note, the same in cents at `rate`) when the
    customer hands over `paid_usd` cents and `paid_khr` riel for a receipt of `total`
    minor units of `currency`; None when it is not enough."""
    total_khr = convert(total, currency, rate)[1]
    paid = convert(paid_usd, "USD", rate)[1] + paid_khr
    if paid < total_khr:
        return None
    change_khr = (paid - total_khr + 50) // 100 * 100  # to the nearest 100-riel note
    return change_khr, convert(paid - total_khr, "KHR", rate)[0]


def receipt_total(lines: list[LineInput], currency: str) -> int:
    """The lines' total in `currency` (a line in the other currency at its own rate)."""
    return sum(line.amount if line.currency == currency else
               convert(line.amount, line.currency, line.rate)[0 if currency == "USD" else 1]
               for line in lines)


class ReceiptLinesModel(TableModel):
    """The lines of the receipt being typed (`rows`, with their product `names`). A typed
    line has no id yet: `row_of` finds none (the view works by row number)."""

    CONTEXT = CONTEXT
    COLUMNS = (Column("product", QT_TRANSLATE_NOOP("SaleReceipt", "Product")),
               Column("quantity", QT_TRANSLATE_NOOP("SaleReceipt", "Quantity")),
               Column("unit_price", QT_TRANSLATE_NOOP("SaleReceipt", "Unit price")),
               Column("discount", QT_TRANSLATE_NOOP("SaleReceipt", "Discount")),
               Column("amount", QT_TRANSLATE_NOOP("SaleReceipt", "Amount")))

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[LineInput] = []
        self.names: list[str] = []

    @property
    def lines(self) -> list[LineInput]:
        return self.rows

    def rows_changed(self) -> None:
        """No id to index the lines by."""

    def add(self, line: LineInput, name: str) -> None:
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows))
        self.rows.append(line)
        self.names.append(name)
        self.endInsertRows()

    def remove(self, row: int) -> None:
        if 0 <= row < len(self.rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self.rows[row]
            del self.names[row]
            self.endRemoveRows()

    def clear(self) -> None:
        self.beginResetModel()
        self.rows, self.names = [], []
        self.endResetModel()

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if not self.valid(index):
            return None
        line, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        f = fmt.current()
        if column == 0:
            return self.names[index.row()] or "—"
        if column == 1:
            q = line.quantity
            return f.decimal(q, 0 if float(q).is_integer() else 2)
        if column == 2:
            return f.money(line.unit_price, line.currency) if line.unit_price is not None \
                else "—"
        if column == 3:
            return f.money(line.discount, line.currency) if line.discount else ""
        return f.money(line.amount, line.currency)


class _LinesView(QTableView):
    delete_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() == Qt.Key.Key_Delete:
            self.delete_pressed.emit()
            return
        super().keyPressEvent(event)


class ReceiptPanel(QWidget):
    """The lines added so far, the total in both currencies, tendered and change."""

    changed = Signal()  # lines added or removed

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currency = "USD"
        self.rate = 4100
        self.editing = False  # a saved receipt open to change: Enter saves it
        self.model = ReceiptLinesModel(self)
        self.view = _LinesView(self)
        self.view.setObjectName("saleLines")
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.verticalHeader().setDefaultSectionSize(22)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.view.setFixedHeight(22 * 4 + 26)  # four lines show; more scroll
        self.view.delete_pressed.connect(self.remove_current)
        self.total_label = QLabel(self)
        self.total_label.setObjectName("saleTotal")
        font = self.total_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.total_label.setFont(font)
        self.paid_usd_edit = AmountEdit(self, allow_zero=True, allow_negative=False)
        self.paid_usd_edit.setObjectName("salePaidUsd")
        self.paid_khr_edit = AmountEdit(self, allow_zero=True, allow_negative=False)
        self.paid_khr_edit.setObjectName("salePaidKhr")
        self.paid_usd_label = QLabel(self)
        self.paid_usd_label.setBuddy(self.paid_usd_edit)
        self.paid_khr_label = QLabel(self)
        self.paid_khr_label.setBuddy(self.paid_khr_edit)
        self.change_label = QLabel(self)
        self.change_label.setObjectName("saleChange")
        self.change_label.setFont(font)
        self.change_label.setWordWrap(True)
        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("saleKeysHint")
        self.hint_label.setStyleSheet("color: #555;")
        self.hint_label.setWordWrap(True)

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.view, 0, 0, 4, 1)
        grid.addWidget(self.total_label, 0, 1, 1, 2)
        grid.addWidget(self.paid_usd_label, 1, 1)
        grid.addWidget(self.paid_usd_edit, 1, 2)
        grid.addWidget(self.paid_khr_label, 2, 1)
        grid.addWidget(self.paid_khr_edit, 2, 2)
        grid.addWidget(self.change_label, 3, 1, 1, 2)
        grid.addWidget(self.hint_label, 4, 0, 1, 3)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        for edit in (self.paid_usd_edit, self.paid_khr_edit):
            edit.textEdited.connect(lambda _t: self.update_totals())

    def retranslate_ui(self) -> None:
        self.paid_usd_label.setText(tr("&Given in dollars"))
        self.paid_khr_label.setText(tr("Gi&ven in riel"))
        self._retranslate_hint()
        for edit in (self.paid_usd_edit, self.paid_khr_edit):
            edit.retranslate_ui()
        self.model.retranslate()
        self.update_totals()

    def _retranslate_hint(self) -> None:
        if self.editing:  # the form's Enter saves a saved receipt's change, adds no line
            self.hint_label.setText(tr("Enter saves the changed receipt · Delete removes the "
                                       "chosen line · Esc cancels the change"))
        else:
            self.hint_label.setText(tr("Enter adds the line · Delete removes the chosen line · "
                                       "Ctrl+Enter saves the receipt"))

    def set_editing(self, editing: bool) -> None:
        """A saved receipt open to change (True) or a new one being typed."""
        self.editing = editing
        self._retranslate_hint()

    # -- lines ---------------------------------------------------------------------------
    @property
    def lines(self) -> list[LineInput]:
        return list(self.model.lines)

    def add(self, line: LineInput, name: str) -> None:
        self.model.add(line, name)
        self.view.scrollToBottom()
        self.update_totals()
        self.changed.emit()

    def remove_current(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self.model.remove(index.row())
            self.update_totals()
            self.changed.emit()

    def clear(self) -> None:
        self.model.clear()
        self.paid_usd_edit.clear()
        self.paid_khr_edit.clear()
        self.update_totals()
        self.changed.emit()

    # -- totals and change -----------------------------------------------------------------
    def set_currency(self, currency: str, rate: int) -> None:
        self.currency, self.rate = currency, rate
        self.update_totals()

    def total(self) -> int:
        """The receipt's total in its currency."""
        return receipt_total(self.model.lines, self.currency)

    def update_totals(self) -> None:
        f = fmt.current()
        total = self.total()
        usd, khr = convert(total, self.currency, self.rate)
        self.total_label.setText(fmt.fill(tr("Total %1 = %2"), f.money(usd, "USD"),
                                          f.money(khr, "KHR")))
        try:
            paid_usd = (self.paid_usd_edit.minor("USD", "paid_usd")
                        if self.paid_usd_edit.text().strip() else 0)
            paid_khr = (self.paid_khr_edit.minor("KHR", "paid_khr")
                        if self.paid_khr_edit.text().strip() else 0)
        except ValidationError:
            self.change_label.setText("")
            return
        if not (paid_usd or paid_khr) or not self.model.lines:
            self.change_label.setText("")
            return
        change = change_due(total, self.currency, self.rate, paid_usd, paid_khr)
        if change is None:
            short = khr - convert(paid_usd, "USD", self.rate)[1] - paid_khr
            self.change_label.setText(fmt.fill(tr("Still to pay %1"), f.money(short, "KHR")))
            return
        self.change_label.setText(fmt.fill(tr("Change %1 (or %2)"),
                                           f.money(change[0], "KHR"),
                                           f.money(change[1], "USD")))
