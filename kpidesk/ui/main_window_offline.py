"""The main window of a shared shop while its server does not answer.

A bar above every tab says so and since when; the Sales tab keeps taking sales (they
wait on this laptop, `ui/server_status.py`); what needs the server — importing,
exporting, printing, backups, the owner PIN, the change history, targets, settings and
reports — is disabled with the reason as its tooltip. A tab that cannot be built without
the server (opened from this laptop's copy, `store/known_copy.py`) shows one sentence
instead, and is built when the server answers. When it does, the bar goes, every action
comes back and every tab is refreshed (the queue announces it).

A server that answers again but wants a password this laptop does not have (none kept:
"ask each time", or no password store on the system) is asked for it once, in Qt's own
dialog naming the shop's address; Cancel keeps the shop without its server and the bar
offers to connect later.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.store.errors import ServerError
from kpidesk.ui.screen import keep_on_screen

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
    if queue.server_newer:
        return tr("The shop on the server was upgraded by a newer KPI Desk on another laptop. "
                  "Install that version on this laptop too: the sales kept here are sent "
                  "then.")
    if queue.needs_password:
        from kpidesk.store import server_address

        return fmt.fill(tr("The server answers again, but it needs the password of user %1 "
                           "to connect. Sales you enter are kept on this laptop and sent "
                           "once you connect."),
                        server_address.parse(queue.store.location).user)
    if queue.known_as_of:  # opened from this laptop's copy: no figure was read
        return fmt.fill(tr("Working without the server: it did not answer when this shop "
                           "was opened. Sales you enter are kept on this laptop and sent "
                           "when it is back. Customers, products and prices are as of %1."),
                        _clock(queue.known_as_of))
    return fmt.fill(tr("The server does not answer: figures as of %1. Sales you enter are "
                       "kept and sent when it is back."), _clock(queue.down_since or ""))


def waiting_text(queue) -> str:
    """What a tab that needs the server says in its place."""
    if queue is not None and queue.needs_password:
        return tr("This tab shows the shop's figures, which are on its server. It opens "
                  "once you connect to the server (Connect… above).")
    return tr("This tab shows the shop's figures, which are on its server. It opens when "
              "the server answers again.")


def needs_server_text() -> str:
    return tr("Needs the shop's server, which does not answer now.")


def ask_password(parent: QWidget, title: str, text: str) -> tuple[str, bool]:
    """Qt's input dialog for a password (typed hidden), its text wrapped to a width that
    fits a small laptop's screen in either language: (password, OK pressed)."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("serverPasswordDialog")
    dialog.setWindowTitle(title)
    dialog.setLabelText(text)
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    label = dialog.findChild(QLabel)
    if label is not None:  # one line per sentence would be wider than the screen
        label.setWordWrap(True)
        label.setMinimumWidth(PROMPT_WIDTH)
    keep_on_screen(dialog)
    accepted = dialog.exec() == QInputDialog.DialogCode.Accepted
    password = dialog.textValue()
    dialog.deleteLater()
    return password, accepted


PROMPT_WIDTH = 460  # px: the password prompt's text, wrapped


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
        self.connect_button = QPushButton(self)
        self.connect_button.setObjectName("serverBannerConnect")
        self.connect_button.hide()  # while the server waits for a password only
        layout.addWidget(self.label, 1)
        layout.addWidget(self.connect_button)
        self.retranslate_ui()
        self.hide()

    def retranslate_ui(self) -> None:
        # no access key: every letter is taken on some tab; File ▸ Connect to the shop's
        # server… is the keyboard's way (shown while the server waits for the password)
        self.connect_button.setText(tr("Connect…"))
        self.connect_button.setToolTip(tr("Type the password of the shop's server, connect, "
                                          "and send the sales kept on this laptop."))


class OfflineWindow:
    """What MainWindow does about its shop's server (a mixin; needs its tabs and
    actions: `self` is the MainWindow)."""

    def _watch_server(self: Any) -> None:
        queue = self.ctx.server_queue
        if queue is None:
            return
        queue.changed.connect(self.server_state_changed)
        queue.password_needed.connect(self.ask_password_when_free)
        self.server_banner.connect_button.clicked.connect(self.ask_server_password)
        self.connect_server_action = QAction(self)
        self.connect_server_action.setObjectName("connectServerAction")
        self.connect_server_action.triggered.connect(self.ask_server_password)
        self.file_menu.insertAction(self.recent_menu.menuAction(), self.connect_server_action)
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
        self.server_banner.retranslate_ui()
        self.server_banner.label.setText(text)
        waiting = down and queue is not None and queue.needs_password
        self.server_banner.connect_button.setVisible(waiting)
        self.connect_server_action.setText(tr("Connect to the shop's ser&ver…"))
        self.connect_server_action.setVisible(waiting)
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
        for label in self._waiting_tabs.values():
            label.setText(waiting_text(queue))
        if not down:
            for key in list(self._waiting_tabs):  # built now that the server answers
                self._waiting_tabs.pop(key).deleteLater()
                if self.tabs.currentWidget() is self._holders[key]:
                    self.pages[key]

    # -- the server's password, when it answers again and wants one ----------------------
    _asking_password = False

    def ask_password_when_free(self: Any) -> None:
        """Ask the server's password now, or as soon as no other dialog is open (a prompt
        over a half-filled dialog would lose the user's place)."""
        queue = self.ctx.server_queue
        if queue is None or not queue.needs_password or not queue.server_down:
            return
        if QApplication.activeModalWidget() is not None or self._asking_password:
            QTimer.singleShot(1000, self, self.ask_password_when_free)
            return
        self.ask_server_password()

    def ask_server_password(self: Any) -> bool:
        """The server's password, asked until the server takes it (True: connected, the
        queue sent, every tab refreshed) or the user cancels (False: still without the
        server; the bar's Connect… asks again)."""
        from kpidesk.store import server_address

        queue = self.ctx.server_queue
        if queue is None or self._asking_password:
            return False
        address = server_address.parse(queue.store.location)
        # a password kept for the shop (password store, or the address itself) refused
        note = (tr("The server did not accept the password kept for this shop.")
                if server_address.has_password(queue.store.location) else "")
        self._asking_password = True
        try:
            while True:
                prompt = fmt.fill(tr("The shop's server %1 (port %2, database %3) answers "
                                     "again. Type the password of user %4 to connect; the "
                                     "sales kept on this laptop are then sent."),
                                  address.host, fmt.current().digits(str(address.port)),
                                  address.database, address.user)
                password, ok = ask_password(self, tr("Password of the shop's server"),
                                            f"{note}\n\n{prompt}" if note else prompt)
                if not ok:
                    queue.give_up_password()
                    return False
                outcome = queue.connect_with_password(password)
                if outcome is None:
                    from kpidesk.ui.dialogs import connect

                    if connect.saved_password(address) is not None:  # kept, now outdated:
                        connect.save_password(address, password)  # the user chose to keep it
                    return True
                if outcome != "login":  # gone again, or upgraded by a newer KPI Desk: the
                    return False  # bar says so
                note = tr("The server did not accept this password (it is case-sensitive).")
        finally:
            self._asking_password = False

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
        label.setText(waiting_text(self.ctx.server_queue))
        layout = holder.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addWidget(label)
        label.show()  # added to a holder that may be on screen already
        self._waiting_tabs[key] = label
