"""Dashboard cards that open the matching analysis: a click (or Enter on the card) on
revenue shows the month by day; orders and average order value show the days with their
orders and basket (revenue per order)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCursor

CARD_BREAKDOWNS = {"revenue": "day", "orders": "day", "average_order_value": "day"}


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
