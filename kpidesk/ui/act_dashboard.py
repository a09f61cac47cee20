"""What the dashboard adds to act on its figures: the "check the data" badge (shown when
the month has data-health findings; it opens their list), the "Share…" button, and the
call-back bar under the at-risk list (log a call, the calls due today, the win-back
figures per salesperson)."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QHBoxLayout, QPushButton, QWidget

from kpidesk.i18n import format as fmt
from kpidesk.metrics import health
from kpidesk.store.errors import ServerError
from kpidesk.store.setup import has_sales
from kpidesk.ui.callbacks import CallBackBar
from kpidesk.ui.server_status import server_lost
from kpidesk.ui.tabs.base import Tab

tr = QCoreApplication.translate  # tr("Context", "text"): collected by tools/i18n/extract.py


class DashboardActions(QWidget):
    """The badge and the Share… button, right of the month picker."""

    def __init__(self, ctx, tab: Tab) -> None:
        super().__init__(tab)
        self.ctx = ctx
        self.tab = tab  # the dashboard: its signals carry the dialog's requests to the window
        self.month = ""
        self.findings = 0
        self.badge = QPushButton(self)
        self.badge.setObjectName("healthBadge")
        self.badge.setStyleSheet("QPushButton { color: #a15c00; font-weight: bold; }")
        self.badge.clicked.connect(self.open_health)
        self.badge.hide()
        self.share_button = QPushButton(self)
        self.share_button.setObjectName("share")
        self.share_button.clicked.connect(self.open_share)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh_now)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.badge)
        layout.addWidget(self.share_button)
        # the findings' dialog and sharing read the shop's server
        tab.writes.add(self.badge, self.share_button)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.share_button.setText(tr("DashboardActions", "Sha&re…"))
        self.share_button.setToolTip(tr("DashboardActions", "The month's key figures as a"
                                                            " picture for the phone, and as"
                                                            " text"))
        self.badge.setText(fmt.fill(tr("DashboardActions", "⚠ Chec&k the data (%1)"),
                                    fmt.current().integer(self.findings)))
        self.badge.setToolTip(tr("DashboardActions", "Some entries of this month look wrong:"
                                                     " see which, fix them or mark them as"
                                                     " right"))

    def refresh(self, month: str) -> None:
        """Count the month's findings at the next turn of the event loop: after the first
        paint (they read the month's sale lines, which opening a shop never does), and
        once for several refreshes in a row."""
        self.month = month
        self._timer.start()

    def refresh_now(self) -> None:
        try:
            self.findings = health.count(self.ctx.store, self.month, self.ctx.today())
            # nothing to share yet
            self.tab.writes.enable(self.share_button, has_sales(self.ctx.store))
        except sqlite3.Error:  # damaged (the integrity check says so) or closed meanwhile
            self.findings = 0
        except ServerError as err:  # a shared shop's server went away: the count as it was
            if err.reason != "unreachable":
                raise
            server_lost(err)
        self.badge.setVisible(self.findings > 0)
        self.retranslate_ui()

    def open_health(self) -> None:
        from kpidesk.ui.dialogs.data_health import DataHealthDialog

        if self.tab.writes.refuse():
            return
        dialog = DataHealthDialog(self.ctx, self.month, self.window())
        dialog.open_sale_requested.connect(self.tab.open_sale_requested)
        dialog.enter_day_requested.connect(self.tab.enter_day_requested)
        dialog.setModal(False)
        dialog.show()
        self.health_dialog = dialog

    def open_share(self) -> None:
        from kpidesk.ui.dialogs.share_dialog import ShareDialog

        if self.tab.writes.refuse():
            return
        ShareDialog(self.ctx, self.month, self.window()).exec()


def call_bar(dashboard, parent: QWidget, figures_parent: QWidget) -> CallBackBar:
    """The call-back bar, wired to the dashboard's at-risk list (its win-back figures,
    `bar.figures`, go in `figures_parent`)."""
    bar = CallBackBar(parent, figures_parent)
    dashboard.writes.add(bar.log_button, bar.due_button)  # calls are kept on the server

    def log_call() -> None:
        from kpidesk.ui.dialogs.call_dialog import CallDialog

        index = dashboard.at_risk_view.currentIndex()
        contact_id = dashboard.at_risk_model.contact_id(index.row()) if index.isValid() else None
        if dashboard.writes.refuse():
            return
        if contact_id is None:
            dashboard.at_risk_view.setFocus()
            return
        CallDialog(dashboard.ctx, contact_id, dashboard.window()).exec()

    def show_due() -> None:
        from kpidesk.ui.dialogs.call_today import CallTodayDialog

        if dashboard.writes.refuse():
            return
        CallTodayDialog(dashboard.ctx, dashboard.window()).exec()

    bar.log_call.connect(log_call)
    bar.show_due.connect(show_due)
    return bar
