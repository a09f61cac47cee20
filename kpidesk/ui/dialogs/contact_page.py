"""A contact's page: who they are, their purchases, their opportunities and the gaps
between their visits (with the median gap, the "usual" rhythm of this customer)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.format import fill as fill_in
from kpidesk.store.contacts import contact_exists, contact_page
from kpidesk.store.topics import Topic
from kpidesk.ui.models.contacts_model import kind_label, status_label
from kpidesk.ui.models.opportunities_model import display_name, reason_label, stage_label
from kpidesk.ui.models.opportunities_model import status_label as opp_status_label
from kpidesk.ui.screen import keep_on_screen

_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _table(parent: QWidget) -> QTableWidget:
    table = QTableWidget(parent)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAlternatingRowColors(True)
    return table


def _item(text: str, right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if right:
        item.setTextAlignment(_RIGHT)
    return item


class ContactPage(QDialog):
    def __init__(self, ctx, contact_id: int, parent: QWidget | None = None,
                 status: str | None = None) -> None:
        super().__init__(parent)
        keep_on_screen(self)  # inside a small laptop's screen, whatever it holds
        self.setObjectName("contactPage")
        self.ctx = ctx
        self.contact_id = contact_id
        self.status = status
        self.resize(760, 520)
        self.info = QFormLayout()
        self.info_labels = [QLabel(self) for _ in range(6)]
        self.info_values = [QLabel(self) for _ in range(6)]
        for label, value in zip(self.info_labels, self.info_values, strict=True):
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.info.addRow(label, value)
        self.name_label = QLabel(self)
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.name_label.setFont(font)
        self.tabs = QTabWidget(self)
        self.purchases = _table(self)
        self.opportunities = _table(self)
        self.visits_widget = QWidget(self)
        self.gap_summary = QLabel(self.visits_widget)
        self.gap_summary.setWordWrap(True)
        self.gaps = _table(self.visits_widget)
        self.gaps.horizontalHeader().setStretchLastSection(False)
        visits_layout = QVBoxLayout(self.visits_widget)
        visits_layout.addWidget(self.gap_summary)
        visits_layout.addWidget(self.gaps)
        self.tabs.addTab(self.purchases, "")
        self.tabs.addTab(self.opportunities, "")
        self.tabs.addTab(self.visits_widget, "")
        from kpidesk.ui.contact_calls import ContactCallsTab

        self.calls_tab = ContactCallsTab(ctx, contact_id, self.tabs)  # log a call from here
        self.tabs.addTab(self.calls_tab, "")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.name_label)
        layout.addLayout(self.info)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.page: dict = {}
        ctx.language.language_changed.connect(self.retranslate_ui)
        ctx.data_changed.connect(self._on_data_changed)
        self.reload()

    def _on_data_changed(self, topics: set[Topic]) -> None:
        if self.isVisible() and topics & {Topic.SALES, Topic.CONTACTS, Topic.OPPORTUNITIES}:
            if contact_exists(self.ctx.store, self.contact_id):
                self.reload()
            else:
                self.reject()

    def reload(self) -> None:
        self.page = contact_page(self.ctx.store, self.contact_id)
        self.retranslate_ui()

    def retranslate_ui(self, *_: object) -> None:
        f = fmt.current()
        page = self.page
        contact = page["contact"]
        currency = self.ctx.store.reporting_currency
        self.setWindowTitle(fill_in(self.tr("Contact: %1"), contact["name"]))
        self.name_label.setText(contact["name"])
        kind = "customer" if contact["first_purchase"] or contact["kind"] == "customer" else "lead"
        type_text = kind_label(kind)
        if self.status:
            type_text = fill_in(self.tr("%1 · %2"), type_text, status_label(self.status))
        total_key = "total_usd" if currency == "USD" else "total_khr"
        counted = [p for p in page["purchases"] if p["total_khr"] >= 0]
        revenue = sum(p[total_key] for p in page["purchases"])
        texts = [
            (self.tr("Type:"), type_text),
            (self.tr("Phone:"), f.phone(contact["phone"]) or "—"),
            (self.tr("Source:"), display_name(contact["source"] or "") or "—"),
            (self.tr("Salesperson:"), contact["salesperson"] or "—"),
            (self.tr("Created:"), f.date(contact["created"])),
            (self.tr("Purchases:"),
             fill_in(self.tr("%1 orders, %2 in total; first %3, last %4"), f.integer(len(counted)), f.figure(revenue, currency), f.date(contact["first_purchase"]), f.date(contact["last_purchase"]))),
        ]
        for (label, value), lw, vw in zip(texts, self.info_labels, self.info_values, strict=True):
            lw.setText(label)
            vw.setText(value)
        self.tabs.setTabText(0, fill_in(self.tr("Purchases (%1)"), f.integer(len(page["purchases"]))))
        self.tabs.setTabText(1, fill_in(self.tr("Opportunities (%1)"), f.integer(len(page["opportunities"]))))
        self.tabs.setTabText(2, self.tr("Visits"))
        self.tabs.setTabText(3, self.calls_tab.tab_title())
        self.calls_tab.retranslate_ui()
        self._fill_purchases(f, total_key, currency)
        self._fill_opportunities(f)
        self._fill_gaps(f)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))

    def _fill_purchases(self, f, total_key: str, currency: str) -> None:
        table = self.purchases
        table.setColumnCount(5)
        table.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Receipt"), self.tr("Total"),
                                         self.tr("Salesperson"), self.tr("Channel")])
        rows = self.page["purchases"]
        table.setRowCount(len(rows))
        for i, p in enumerate(rows):
            table.setItem(i, 0, _item(f.date(p["date"])))
            table.setItem(i, 1, _item(p["number"] or ""))
            table.setItem(i, 2, _item(f.money(p[total_key], currency), right=True))
            table.setItem(i, 3, _item(p["salesperson"]))
            table.setItem(i, 4, _item(display_name(p["channel"] or "")))

    def _fill_opportunities(self, f) -> None:
        table = self.opportunities
        table.setColumnCount(6)
        table.setHorizontalHeaderLabels([self.tr("Opportunity"), self.tr("Stage"),
                                         self.tr("Value"), self.tr("Status"),
                                         self.tr("Expected close"), self.tr("Lost reason")])
        rows = self.page["opportunities"]
        table.setRowCount(len(rows))
        for i, o in enumerate(rows):
            table.setItem(i, 0, _item(o["title"]))
            table.setItem(i, 1, _item(stage_label(o["stage"])))
            table.setItem(i, 2, _item(f.money(o["value"], o["currency"]), right=True))
            table.setItem(i, 3, _item(opp_status_label(o["status"])))
            table.setItem(i, 4, _item(f.date(o["expected_close"])))
            table.setItem(i, 5, _item(reason_label(o["lost_reason"])))

    def _fill_gaps(self, f) -> None:
        page = self.page
        gaps, days = page["gaps"], page["visit_days"]
        if page["median_gap"] is None:
            summary = self.tr("Fewer than two visit days: no gap yet.")
        else:
            since = (self.ctx.today() - fmt.parse_date(days[-1])).days
            summary = (fill_in(self.tr("%1 visit days. Usual gap (median): %2 days; shortest %3, "
                               "longest %4. Last visit %5 days ago."), f.integer(len(days)), f.decimal(page["median_gap"], 0), f.integer(min(gaps)), f.integer(max(gaps)), f.integer(since)))
        self.gap_summary.setText(summary)
        table = self.gaps
        table.setColumnCount(3)
        table.setHorizontalHeaderLabels([self.tr("Visit"), self.tr("Previous visit"),
                                         self.tr("Gap (days)")])
        table.setRowCount(len(gaps))
        for i in range(len(gaps)):  # newest first
            k = len(gaps) - i
            table.setItem(i, 0, _item(f.date(days[k])))
            table.setItem(i, 1, _item(f.date(days[k - 1])))
            table.setItem(i, 2, _item(f.integer(gaps[k - 1]), right=True))
