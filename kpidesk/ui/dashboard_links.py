"""Dashboard cards that open the matching analysis: a click (or Enter on the card) on
revenue shows the month by day; orders and average order value show the days with their
orders and basket (revenue per order); the gross profit card (made here) shows the
products."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCursor

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.metrics import analysis

CARD_BREAKDOWNS = {"revenue": "day", "orders": "day", "average_order_value": "day",
                   "gross_profit": "product"}
GROSS_PROFIT = "gross_profit"  # the card's key (appended to the dashboard's sales cards)


tr = translator("DashboardLinks")


def gross_profit_titles() -> tuple[str, str]:
    """(title, tooltip) of the gross profit card."""
    return (tr("Gross profit"),
            tr("Revenue less the unit costs of the lines whose cost is known; click for the"
               " products"))


def fill_gross_profit(cards, store, month: str, today) -> None:
    """The gross profit card: the month's gross profit (to today), its margin and how much
    of the revenue has a known cost; "—" without costs."""
    card = cards[GROSS_PROFIT]
    f = fmt.current()
    totals = analysis.period_totals(store, month, today)
    if totals is None or totals.gross_profit is None:
        card.set_value(None)
        card.set_note(tr("enter unit costs in Settings") if totals is not None else "")
        return
    card.set_value(f.figure(totals.gross_profit, store.reporting_currency))
    card.set_note(fmt.fill(tr("margin %1, cost known for %2"), f.percent(totals.gross_margin),
                           f.percent(totals.cost_coverage)))


class _CardClicks(QObject):
    def __init__(self, dashboard) -> None:
        super().__init__(dashboard)
        self.dashboard = dashboard
        self.by_card = {}

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        key = self.by_card.get(obj)
        if key is not None and (
                (event.type() == QEvent.Type.MouseButtonRelease
                 and event.button() == Qt.MouseButton.LeftButton)
                or (event.type() == QEvent.Type.KeyPress
                    and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter))):
            open_analysis(self.dashboard, CARD_BREAKDOWNS[key])
            return True
        return False


def open_analysis(dashboard, by: str) -> None:
    """Show the Analysis tab on the dashboard's month, broken down by `by`."""
    window = dashboard.window()
    if hasattr(window, "show_tab"):
        window.show_tab("analysis").open_analysis(by, dashboard.month)


def attach_card_links(dashboard) -> None:
    clicks = _CardClicks(dashboard)
    for key in CARD_BREAKDOWNS:
        card = dashboard.sales_cards[key]
        clicks.by_card[card] = key
        card.installEventFilter(clicks)
        card.setCursor(QCursor(Qt.CursorShape.PointingHandCursor))
        card.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    dashboard.card_links = clicks
