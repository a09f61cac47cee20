"""The main window of a shared shop while its server does not answer.

A bar above every tab says so and since when; the Sales tab keeps taking sales (they
wait on this laptop, `ui/server_status.py`); what needs the server — importing,
exporting, printing, backups, the owner PIN, the change history, targets, settings and
reports — is disabled with the reason as its tooltip. A tab that cannot be built without
the server (opened from this laptop's copy, `store/known_copy.py`) shows one sentence
instead, and is built when the server answers. When it does, the bar goes, every action
comes back and every tab is refreshed (the queue announces it).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.store.errors import ServerError

tr = translator("ServerBanner")

# The tabs whose every action changes what the server keeps or prints from it: disabled
# (their figures still shown) while it does not answer.
SERVER_TABS = ("targets", "reports", "settings")


def _clock(moment: str) -> str:
    """'14:32' today, else '30/11/2026 14:32', in the user's digits."""
    f = fmt.current()
    try:
        when = datetime.fromisoformat(moment)
    except ValueError:
        return ""
    clock = f.digits(when.strftime("%H:%M"))
    if when.date() == datetime.now().date():
        return clock
    return f"{f.date_numeric(when.date().isoformat())} {clock}"


def banner_text(queue) -> str:
    """The bar's sentence ('' while the server answers)."""
    if queue is None or not queue.server_down:
        return ""
    if queue.known_as_of:  # opened from this laptop's copy: no figure was read
        return fmt.fill(tr("Working without the server: it did not answer when this shop "
                           "was opened. Sales you enter are kept on this laptop and sent "
                           "when it is back. Customers, products and prices are as of %1."),
                        _clock(queue.known_as_of))
    return fmt.fill(tr("The server does not answer: figures as of %1. Sales you enter are "
                       "kept and sent when it is back."), _clock(queue.down_since or ""))


def needs_server_text() -> str:
    return tr("Needs the shop's server, which does not answer now.")


class ServerBanner(QFrame):
    """The bar above the tabs (hidden while the server answers)."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("serverBanner")
        self.setStyleSheet("#serverBanner { background: #fde7d9; border-bottom: 1px solid "
                           "#d9825b; } #serverBanner QLabel { color: #7a2e00; "
                           "font-weight: bold; }")
        self.label = QLabel(self)
        self.label.setObjectName("serverBannerText")
        self.label.setWordWrap(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(self.label, 1)
        self.hide()


class OfflineWindow:
    """What MainWindow does about its shop's server (a mixin; needs its tabs and
    actions: `self` is the MainWindow)."""

    def _watch_server(self: Any) -> None:
        queue = self.ctx.server_queue
        if queue is None:
            return
        queue.changed.connect(self.server_state_changed)
        self.ctx.language.language_changed.connect(self.server_state_changed)
        self.server_state_changed()

    def _server_actions(self: Any) -> list:
        return [self.import_action, self.imports_action, self.branch_sync_action,
                self.export_action, self.print_action, self.backups_action, self.pin_action,
                self.history_action]

    def server_state_changed(self: Any, *_: object) -> None:
        queue = self.ctx.server_queue
        down = queue is not None and queue.server_down
        text = banner_text(queue)
        self.server_banner.label.setText(text)
        self.server_banner.setVisible(bool(text))
        reason = needs_server_text() if down else ""
        for action in self._server_actions():
            action.setEnabled(not down)
            action.setToolTip(reason)
        built = self.pages.built()
        for key in SERVER_TABS:
            if key in built:
                built[key].setEnabled(not down)
                built[key].setToolTip(reason)
        if not down:
            for key in list(self._waiting_tabs):  # built now that the server answers
                self._waiting_tabs.pop(key).deleteLater()
                if self.tabs.currentWidget() is self._holders[key]:
                    self.pages[key]

    def build_tab_or_wait(self: Any, key: str) -> QWidget:
        """Build a tab; one that cannot be built without the server says so in its place
        (and the ServerError goes on to the caller)."""
        queue = self.ctx.server_queue
        try:
            if key != "sales" and queue is not None and queue.server_down:
                # its figures are on the server: not built from nothing (only the Sales
                # form works from this laptop's copy)
                raise ServerError("unreachable", "the server does not answer")
            page = self._build_tab(key)
        except ServerError as err:
            if err.reason == "unreachable":
                from kpidesk.ui.server_status import server_lost

                server_lost(err)
                self._show_waiting(key)
            raise
        if key in SERVER_TABS and queue is not None and queue.server_down:
            page.setEnabled(False)
            page.setToolTip(needs_server_text())
        return page

    def _show_waiting(self: Any, key: str) -> None:
        holder = self._holders[key]
        # what the tab made before it failed goes
        for child in holder.findChildren(QWidget, "", Qt.FindChildOption.FindDirectChildrenOnly):
            if child is not self._waiting_tabs.get(key):
                child.hide()
                child.deleteLater()
        if key in self._waiting_tabs:
            return
        label = QLabel(holder)
        label.setObjectName("serverWaitingTab")
        label.setWordWrap(True)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setText(tr("This tab shows the shop's figures, which are on its server. It "
                         "opens when the server answers again."))
        layout = holder.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(label)
        label.show()  # added to a holder that may be on screen already
        self._waiting_tabs[key] = label
