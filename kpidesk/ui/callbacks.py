"""Call-backs in the app: the call-back list with each customer's last call, the calls due
today, the win-back figures per salesperson, and the ready messages to copy.

Every figure comes from `kpidesk.metrics.callbacks` / `winback`; no SQL here.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import QT_TRANSLATE_NOOP
from kpidesk.metrics import callbacks, winback
from kpidesk.metrics.periods import parse_period
from kpidesk.reports.call_words import OUTCOME_NAMES
from kpidesk.store.calls import Call
from kpidesk.ui.export import Money, Percent, iso_day
from kpidesk.ui.models.dashboard_models import RIGHT, AtRiskModel, RowsModel

# ready messages, in the language chosen for each (not the UI's): %1 customer, %2 shop,
# %3 what they usually buy
MESSAGES = {
    "with_products": QT_TRANSLATE_NOOP(
        "CallMessage", "Hello %1, this is %2. We have not seen you for a while and miss you! "
        "We have new %3 and more in the shop. Come and see us soon, we will be glad to help."),
    "plain": QT_TRANSLATE_NOOP(
        "CallMessage", "Hello %1, this is %2. We have not seen you for a while and miss you! "
        "Come and see us soon, we will be glad to help."),
    "and": QT_TRANSLATE_NOOP("CallMessage", "%1 and %2"),
    "our_shop": QT_TRANSLATE_NOOP("CallMessage", "your shop"),
}


tr = QCoreApplication.translate  # tr("Context", "text"): collected by tools/i18n/extract.py


def outcome_text(code: str) -> str:
    return QCoreApplication.translate("Calls", OUTCOME_NAMES.get(code, code))


def last_call_text(call: Call | None) -> str:
    """'Promised to come, 3 Nov 2026' or '—'."""
    if call is None:
        return "—"
    return fmt.fill(tr("Calls", "%1, %2"), outcome_text(call.outcome), fmt.current().date(call.date))


def ready_message(lang: str, customer: str, shop: str, products: list[str]) -> str:
    """The message to send a customer, in `lang` (en or km)."""
    from kpidesk.reports.text import ReportText

    text = ReportText(lang)
    t = text.translate
    shop = shop.strip() or t("CallMessage", MESSAGES["our_shop"])
    if products:
        bought = products[0] if len(products) == 1 else fmt.fill(
            t("CallMessage", MESSAGES["and"]), products[0], products[1])
        return fmt.fill(t("CallMessage", MESSAGES["with_products"]), customer, shop, bought)
    return fmt.fill(t("CallMessage", MESSAGES["plain"]), customer, shop)


def call_list_rows(store, day: date, limit: int | None = 200) -> list[dict]:
    """The dashboard's call-back list as rows of `CallListModel`."""
    # a shallow copy: asdict would copy each last call deeply only to be replaced (a
    # third of the Dashboard's refresh after a sale went there)
    return [dict(vars(r)) for r in callbacks.call_list(store, day, limit=limit)]


class CallListModel(AtRiskModel):
    """The at-risk call-back list with each customer's last call."""

    HEADERS = AtRiskModel.HEADERS + (QT_TRANSLATE_NOOP("AtRiskModel", "Last call"),)

    def cell(self, row: dict, column: int):
        if column == 6:
            call = row.get("last_call")
            return last_call_text(call), call.date if call else "", None
        return super().cell(row, column)

    def export_value(self, row: dict, column: int) -> object:
        if column == 6:
            return last_call_text(row.get("last_call"))
        return super().export_value(row, column)

    def extra_data(self, row: dict, column: int, role: int):
        if role == Qt.ItemDataRole.ToolTipRole:
            return tr("AtRiskModel", "Double-click or press Enter to open the contact;"
                                     " Log a call… to note what they said")
        return None


class DueCallsModel(RowsModel):
    """Whom to call today: follow-ups due, then at-risk customers not called yet."""

    CONTEXT = "DueCallsModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("DueCallsModel", "Customer"),
        QT_TRANSLATE_NOOP("DueCallsModel", "Phone"),
        QT_TRANSLATE_NOOP("DueCallsModel", "Why today"),
        QT_TRANSLATE_NOOP("DueCallsModel", "Since"),
        QT_TRANSLATE_NOOP("DueCallsModel", "Last call"),
    )

    def contact_id(self, row: int) -> int | None:
        return int(self.rows[row]["contact_id"]) if 0 <= row < len(self.rows) else None

    def cell(self, row: dict, column: int):
        f = fmt.current()
        if column == 0:
            return row["name"], row["name"], None
        if column == 1:
            return f.phone(row["phone"]), row["phone"], None
        if column == 2:
            why = (tr("DueCallsModel", "Follow-up due") if row["reason"] == "follow_up"
                   else tr("DueCallsModel", "At risk, not called yet"))
            return why, row["reason"], None
        if column == 3:
            return f.date(row["since"]), row["since"], None
        return last_call_text(row.get("last_call")), "", None

    def export_value(self, row: dict, column: int) -> object:
        if column == 1:
            return row["phone"]
        if column == 3:
            return iso_day(row["since"]) or ""
        return self.cell(row, column)[0]


class WinbackModel(RowsModel):
    """Win-back figures of a month per salesperson (the first row: the whole shop)."""

    CONTEXT = "WinbackModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("WinbackModel", "Salesperson"),
        QT_TRANSLATE_NOOP("WinbackModel", "Called"),
        QT_TRANSLATE_NOOP("WinbackModel", "Won back"),
        QT_TRANSLATE_NOOP("WinbackModel", "Win-back rate"),
        QT_TRANSLATE_NOOP("WinbackModel", "Recovered revenue"),
    )

    def cell(self, row: dict, column: int):
        f = fmt.current()
        if column == 0:
            name = row["name"] if row["name"] is not None else tr("WinbackModel", "Whole shop")
            return name or tr("WinbackModel", "(no salesperson)"), name, None
        if column == 1:
            return f.integer(row["called"]), row["called"], RIGHT
        if column == 2:
            return f.integer(row["won_back"]), row["won_back"], RIGHT
        if column == 3:
            return f.percent(row["winback_rate"]), row["winback_rate"], RIGHT
        return f.figure(row["recovered_revenue"], self.currency), row["recovered_revenue"], RIGHT

    def export_value(self, row: dict, column: int) -> object:
        if column == 3:
            return "" if row["winback_rate"] is None else Percent(row["winback_rate"])
        if column == 4:
            return Money(int(row["recovered_revenue"]), self.currency)
        if column in (1, 2):
            return int(row["called" if column == 1 else "won_back"])
        return self.cell(row, column)[0]


def winback_rows(store, month: str, today: date) -> tuple[winback.Winback, list[dict]]:
    w = winback.winback(store, month, today)
    rows: list[dict[str, Any]] = [{"name": None, "called": w.called, "won_back": w.won_back,
             "winback_rate": w.winback_rate, "recovered_revenue": w.recovered_revenue}]
    rows += [{"name": r.name, "called": r.called, "won_back": r.won_back,
              "winback_rate": r.winback_rate, "recovered_revenue": r.recovered_revenue}
             for r in w.by_salesperson]
    return w, rows


def _view(parent: QWidget, model, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    model.setParent(view)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    return view


class CallBackBar(QWidget):
    """Under the call-back list: log a call for the selected customer, the calls due
    today; and (`figures`, a widget of its own) the month's win-back figures per
    salesperson."""

    log_call = Signal()
    show_due = Signal()

    def __init__(self, parent: QWidget | None = None,
                 figures_parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("callBackBar")
        self.log_button = QPushButton(self)
        self.log_button.setObjectName("logCall")
        self.log_button.clicked.connect(self.log_call)
        self.due_button = QPushButton(self)
        self.due_button.setObjectName("callToday")
        self.due_button.clicked.connect(self.show_due)
        # the win-back figures: a panel of their own, placed where the page has room
        self.figures = QWidget(figures_parent or self)
        self.figures.setObjectName("winbackFigures")
        self.summary = QLabel(self.figures)
        self.summary.setObjectName("winbackSummary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold;")
        self.model = WinbackModel(self)
        self.view = _view(self.figures, self.model, "winbackTable")
        figures = QVBoxLayout(self.figures)
        figures.setContentsMargins(0, 4, 0, 0)
        figures.addWidget(self.summary)
        figures.addWidget(self.view)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.log_button)
        layout.addWidget(self.due_button)
        layout.addStretch(1)
        self.winback: winback.Winback | None = None
        self.month = ""
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.log_button.setText(tr("CallBackBar", "Log a &call…"))
        self.log_button.setToolTip(tr("CallBackBar", "Note the call to the customer selected"
                                                     " above: what they said, when to call"
                                                     " again"))
        self.due_button.setText(tr("CallBackBar", "To call &today…"))
        self.model.retranslate()
        self._summary_text()

    def refresh(self, store, month: str, today: date) -> None:
        self.month = month
        self.winback, rows = winback_rows(store, month, today)
        self.model.set_rows(rows, store.reporting_currency)
        self.view.setVisible(self.winback.called > 0)
        # every row shown (the shop and up to 3 salespeople) without a scroll bar
        row = self.view.verticalHeader().defaultSectionSize()
        self.view.setFixedHeight(row * min(len(rows), 4) + self.view.horizontalHeader()
                                 .sizeHint().height() + 4)
        self._summary_text()

    def _summary_text(self) -> None:
        w, f = self.winback, fmt.current()
        if w is None:
            return
        month = f.month(parse_period(self.month).key) if self.month else ""
        if not w.called:
            text = fmt.fill(tr("CallBackBar", "Won back in %1: no customer at risk called yet."),
                            month)
        else:
            text = fmt.fill(tr("CallBackBar", "Won back in %1: %2 of %3 customers called came"
                                              " back within %4 days."),
                            month, f.integer(w.won_back), f.integer(w.called), f.integer(30))
            if w.provisional:
                text += " " + tr("CallBackBar", "(provisional)")
        self.summary.setText(text)
