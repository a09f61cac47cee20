"""Sales tab: the entry form (`ui/sales/form.py`) above the filter bar
(`ui/sales/filters.py`) and the table of sale lines (`ui/sales/table.py`).

The tab only composes them: it passes the filter to the table, a row to open to the
form, and refreshes each part after a write.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QVBoxLayout, QWidget

from kpidesk.store import receipts, reference
from kpidesk.store import sales as store_sales
from kpidesk.store.errors import ValidationError
from kpidesk.store.topics import Topic
from kpidesk.ui.context import AppContext
from kpidesk.ui.messages import validation_text
from kpidesk.ui.models.sales_model import SalesFilter
from kpidesk.ui.sales.filters import SalesFilterBar
from kpidesk.ui.sales.form import SaleForm
from kpidesk.ui.sales.refund import RefundDialog, open_refund
from kpidesk.ui.sales.table import SalesTable
from kpidesk.ui.server_status import QueueBar
from kpidesk.ui.tabs.base import Tab


class _Part:
    """An attribute of one of the tab's parts, read and set through the tab (callers speak
    to the tab: `tab.amount_edit`, `tab.confirm_future = …`)."""

    def __init__(self, part: str) -> None:
        self.part = part
        self.name = ""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, tab: Any, owner: type | None = None) -> Any:
        return self if tab is None else getattr(getattr(tab, self.part), self.name)

    def __set__(self, tab: Any, value: Any) -> None:
        setattr(getattr(tab, self.part), self.name, value)


class SalesTab(Tab):
    # the form's fields and actions
    date_edit = _Part("form")
    customer_edit = _Part("form")
    time_edit = _Part("form")
    payment_combo = _Part("form")
    price_edit = _Part("form")
    discount_edit = _Part("form")
    cost_edit = _Part("form")
    refund_button = _Part("form")
    salesperson_combo = _Part("form")
    channel_combo = _Part("form")
    product_combo = _Part("form")
    quantity_edit = _Part("form")
    amount_edit = _Part("form")
    currency_combo = _Part("form")
    rate_edit = _Part("form")
    note_edit = _Part("form")
    number_edit = _Part("form")
    receipts_edit = _Part("form")
    daily_check = _Part("form")
    customer_hint = _Part("form")
    labels = _Part("form")
    errors = _Part("form")
    status_label = _Part("form")
    form_error = _Part("form")
    cancel_button = _Part("form")
    save = _Part("form")
    reset_form = _Part("form")
    edit_order = _Part("form")
    set_currency = _Part("form")
    doubt_text = _Part("form")
    focus_first_field = _Part("form")
    confirm_future = _Part("form")
    confirm_replace = _Part("form")
    confirm_unusual = _Part("form")
    # the filter bar
    period_combo = _Part("filters")
    from_edit = _Part("filters")
    to_edit = _Part("filters")
    salesperson_filter = _Part("filters")
    search_edit = _Part("filters")
    summary_label = _Part("filters")
    filter_error = _Part("filters")
    # the table
    selected_order_ids = _Part("table")
    delete_selected = _Part("table")
    edit_row = _Part("table")
    confirm_delete = _Part("table")

    queue_bar: QueueBar | None = None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.store = ctx.store
        self.form = SaleForm(ctx, self)
        self.filters = SalesFilterBar(self)
        self.table = SalesTable(ctx, self)
        self.model = self.table.sales_model
        self.refund_action = QAction(self.table)  # the per-sale Refund on the table
        self.refund_action.setObjectName("saleRefund")
        self.refund_action.setShortcut(QKeySequence("Ctrl+R"))
        self.refund_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.refund_action.triggered.connect(self.refund_selected)
        self.table.addAction(self.refund_action)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.refund_dialog: RefundDialog | None = None  # the refund open now

        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        # a shared shop: the server lost and the sales waiting on this laptop
        if ctx.server_queue is not None:
            self.queue_bar = QueueBar(ctx.server_queue, self)
            layout.addWidget(self.queue_bar)
            self.queue_bar.edit_requested.connect(self.form.load_queued)
        layout.addWidget(self.form)
        layout.addWidget(self.filters)
        layout.addWidget(self.table, 1)

        self.filters.filter_changed.connect(self.apply_filter)
        self.filters.edit_clicked.connect(self.table.edit_current)
        self.filters.delete_clicked.connect(self.table.delete_selected)
        self.table.edit_requested.connect(self.form.edit_order)
        self.table.deleted.connect(self.form.orders_deleted)
        self.table.status.connect(self.form.show_status)
        self.table.error.connect(self.form.form_error.show_error)
        self.form.refund_requested.connect(self.refund_from_form)
        self.model.modelReset.connect(self._update_summary)
        self.model.rowsInserted.connect(
            lambda *_a: self._update_summary() if self.model.filter.text.strip() else None)

        self.retranslate_ui()  # also fills the lists, periods and summary
        self.form.reset_form(keep=False)

    def title(self) -> str:
        return self.tr("Sales")

    def retranslate_ui(self) -> None:
        self.refund_action.setText(self.tr("Refund this sale…"))
        if self.queue_bar is not None:
            self.queue_bar.retranslate_ui()
        self.form.retranslate_ui()
        self.filters.retranslate_ui()
        self._fill_filter_lists()
        self._update_summary()
        self.model.retranslate()

    def _fill_filter_lists(self) -> None:
        self.filters.set_salespeople(reference.list_named(self.store, "salespeople"))
        from kpidesk.ui.server_status import offline_safe

        # a shared shop opened without its server: no sale read yet
        first, last = offline_safe(lambda: store_sales.date_span(self.store), (None, None))
        self.filters.set_date_span(first, last, self.ctx.today().isoformat())

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        focused = QApplication.focusWidget()
        if focused is None or not self.isAncestorOf(focused):
            QTimer.singleShot(0, self.form.focus_first_field)

    # -- filtering -------------------------------------------------------------------------
    def current_filter(self) -> SalesFilter | None:
        return self.filters.current_filter()

    def apply_filter(self) -> None:
        flt = self.filters.current_filter()
        if flt is not None:
            self.model.set_filter(flt)

    def _update_summary(self) -> None:
        self.filters.show_summary(self.model.summary(), self.model.rowCount(),
                                  self.model.canFetchMore())

    # -- refunds ---------------------------------------------------------------------------
    def refund_selected(self) -> RefundDialog | None:
        """Refund the sale chosen in the table (all of it or some items)."""
        ids = self.table.selected_order_ids()
        if len(ids) != 1:
            return None
        self.refund_dialog = open_refund(self.ctx, self, ids[0])
        return self.refund_dialog

    def refund_from_form(self) -> RefundDialog | None:
        """The form's Refund key: the sale whose receipt no. is typed, or else the one
        chosen in the table."""
        number = self.form.number_edit.text().strip()
        order_id = receipts.sale_with_number(self.store, number) if number else None
        if order_id is None and len(self.table.selected_order_ids()) == 1:
            order_id = self.table.selected_order_ids()[0]
        if order_id is None:
            self.form.form_error.show_error(validation_text(ValidationError("refund",
                                                                            "no_sale")))
            return None
        self.refund_dialog = open_refund(self.ctx, self, order_id)
        return self.refund_dialog

    # -- refresh ---------------------------------------------------------------------------
    def on_data_changed(self, topics: set[Topic]) -> None:
        lists = {"salespeople", "channels", "products", "categories"}
        if topics & lists:
            self.form.fill_lists()
            self.filters.set_salespeople(reference.list_named(self.store, "salespeople"))
        if "sales" in topics:
            first, last = store_sales.date_span(self.store)
            if not self.filters.covers(first, last):
                self.filters.set_date_span(first, last, self.ctx.today().isoformat())
        if "settings" in topics:
            self.form.reporting_currency_changed()
        if topics & {"sales", "contacts", "settings", *lists}:
            self.table.reload(retranslate="settings" in topics)
        if "contacts" in topics:
            self.form.update_customer_hint()
