"""The table of sale lines: paged model, Enter opens a row in the form, Delete deletes the
selected sales (one undo step; the owner's PIN for earlier days and refunds).

It says what happened through signals; the tab passes them to the form.
"""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QUndoCommand
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMessageBox, QTableView, QWidget

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.store import sales as store_sales
from kpidesk.store.errors import PinRequiredError, StoreError, ValidationError
from kpidesk.store.sales import get_order
from kpidesk.ui.commands.sales import DeleteOrdersCommand
from kpidesk.ui.context import AppContext
from kpidesk.ui.messages import validation_text
from kpidesk.ui.models.sales_model import (
    COL_AMOUNT,
    COL_CUSTOMER,
    COL_DATE,
    COL_NOTE,
    COL_PRODUCT,
    COL_REPORTING,
    SalesTableModel,
)
from kpidesk.ui.sales.texts import pin_refused_text
from kpidesk.ui.widgets import SortArrowHeader

tr = translator("SalesTab")


class SalesTable(QTableView):
    edit_requested = Signal(int, object)  # order id, (order id, position) of the line
    deleted = Signal(list)  # the order ids deleted
    status = Signal(str, object)  # what to say, the undo command it speaks of
    error = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.store = ctx.store
        self.confirm_delete = self._ask_delete  # a hook tests replace
        self.sales_model = SalesTableModel(self.store, self)
        self.sales_model.today = ctx.today  # sales dated after it are marked
        self.setObjectName("salesTable")
        self.setModel(self.sales_model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(24)
        # the arrow points the way the rows go (see SortArrowHeader)
        self.setHorizontalHeader(SortArrowHeader(self))
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        widths = {COL_DATE: 100, COL_CUSTOMER: 150, COL_PRODUCT: 150, COL_AMOUNT: 100,
                  COL_REPORTING: 110, COL_NOTE: 120}
        for col in range(self.sales_model.columnCount()):
            self.setColumnWidth(col, widths.get(col, 95))
        header.setSortIndicator(COL_DATE, Qt.SortOrder.DescendingOrder)
        header.setSortIndicatorShown(True)
        self.setSortingEnabled(True)
        self.doubleClicked.connect(lambda index: self.edit_row(index.row()))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt API)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.edit_current()
            return
        if event.key() == Qt.Key.Key_Delete:
            self.delete_selected()
            return
        super().keyPressEvent(event)

    # -- opening a row in the form ---------------------------------------------------------
    def edit_current(self) -> None:
        index = self.currentIndex()
        if index.isValid():
            self.edit_row(index.row())

    def edit_row(self, row: int) -> None:
        order_id = self.sales_model.order_id(row)
        if order_id is not None:
            self.edit_requested.emit(order_id, self.sales_model.line_id(row))

    # -- refresh, keeping the current line and the scroll position ------------------------
    def reload(self, retranslate: bool = False) -> None:
        current = self.currentIndex()
        line = self.sales_model.line_id(current.row()) if current.isValid() else None
        scroll = self.verticalScrollBar().value()
        self.sales_model.reload(keep_loaded=True)
        if retranslate:
            self.sales_model.retranslate()
        row = self.sales_model.row_of_line(line) if line is not None else None
        if row is not None:
            self.setCurrentIndex(self.sales_model.index(row, max(current.column(), 0)))
        self.verticalScrollBar().setValue(scroll)

    # -- deleting ----------------------------------------------------------------------------
    def selected_order_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
        if not rows and self.currentIndex().isValid():
            rows = [self.currentIndex().row()]
        ids = [self.sales_model.order_id(r) for r in rows]
        return list(dict.fromkeys(i for i in ids if i is not None))

    def delete_selected(self) -> bool:
        """Delete the selected sales (one undo step). Sales of earlier days and refunds
        are the owner's: the PIN is asked for them."""
        ids = self.selected_order_ids()
        if not ids:
            return False
        reason = self._delete_reason(ids)
        if reason is None:
            return self._delete(ids)
        with self.ctx.owner_session(self, reason) as allowed:
            return allowed and self._delete(ids)

    def _delete_reason(self, ids: list[int]) -> str | None:
        for order_id in ids:
            try:
                order = get_order(self.store, order_id)
            except ValidationError:
                continue
            reason = store_sales.change_reason(self.store, "delete", order_id, order, None)
            if reason:
                return reason
        return None

    def _delete(self, ids: list[int]) -> bool:
        if not self.confirm_delete(len(ids)):
            return False
        command: QUndoCommand = DeleteOrdersCommand(self.store, ids)
        try:
            command.execute()
        except PinRequiredError as err:
            self.error.emit(pin_refused_text(err.reason))
            return False
        except (StoreError, sqlite3.DatabaseError) as err:
            self.error.emit(validation_text(err) if isinstance(err, ValidationError)
                            else fmt.fill(tr("Not deleted: %1"), str(err)))
            return False
        self.ctx.undo_stack.push(command)
        self.deleted.emit(ids)
        self.status.emit(tr("Deleted. Ctrl+Z brings it back."), command)
        return True

    def _ask_delete(self, count: int) -> bool:
        text = (tr("Delete this sale (all its lines)?") if count == 1 else
                fmt.fill(tr("Delete these %1 sales?"), fmt.current().integer(count)))
        answer = QMessageBox.question(
            self, tr("Delete"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
