"""Dashboard cards that open the matching analysis: a click (or Enter on the card) on
revenue shows the month by day; orders and average order value show the orders and
basket of each day; the gross profit card (filled here) shows the products. The card
table (`cards.py`) says which card opens which view; the tab asks the main window
through its `open_analysis_requested` signal."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QCursor

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.metrics import analysis

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


class CardLinks(QObject):
    """Clicks and Enter on linked cards call `open_view(view)`."""

    def __init__(self, parent: QObject, open_view: Callable[[str], None]) -> None:
        super().__init__(parent)
        self.open_view = open_view
        self.by_card: dict[QObject, str] = {}

    def attach(self, card, view: str) -> None:
        self.by_card[card] = view
        card.installEventFilter(self)
        card.setCursor(QCursor(Qt.CursorShape.PointingHandCursor))
        card.setFocusPolicy(Qt.FocusPolicy.TabFocus)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        view = self.by_card.get(obj)
        if view is not None and (
                (event.type() == QEvent.Type.MouseButtonRelease
                 and event.button() == Qt.MouseButton.LeftButton)
                or (event.type() == QEvent.Type.KeyPress
                    and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter))):
            self.open_view(view)
            return True
        return False
