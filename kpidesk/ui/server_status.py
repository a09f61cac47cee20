"""A shared shop's server in the app: whether it answers, and the sales queued on this
laptop while it does not (`store/outbox.py`).

`SaleQueue` keeps the queue file of the open shop, says when the server was lost (any
screen that meets `ServerError('unreachable')` calls `server_lost`), looks every few
seconds, off the UI thread, whether the server answers again, and then connects again,
sends the queue in order and has every view refreshed. It is made for a shop on a server
only (`AppContext.server_queue` is None for a shop file).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.store import outbox
from kpidesk.store.errors import ServerError, ValidationError
from kpidesk.store.outbox import Outbox, QueuedSale, SendResult
from kpidesk.store.topics import EVERYTHING

if TYPE_CHECKING:
    from kpidesk.ui.server_status_list import WaitingSalesDialog

T = TypeVar("T")

_lost_listeners: list[Callable[[ServerError], None]] = []


def server_lost(err: ServerError) -> None:
    """Tell the open shop's queue that its server stopped answering."""
    for listener in list(_lost_listeners):
        listener(err)


def offline_safe(read: Callable[[], T], fallback: T) -> T:
    """`read()`, or `fallback` when the shop's server does not answer (the server is
    marked lost): for what a form reads to help (a price, a rate), never to save."""
    try:
        return read()
    except ServerError as err:
        if err.reason != "unreachable":
            raise
        server_lost(err)
        return fallback


class SaleQueue(QObject):
    """The queue of sales of the open shared shop, and the server's state."""

    changed = Signal()  # the queue or the server's state changed
    sent = Signal(object)  # a SendResult, after each send that did something
    # the server answers again but refuses to connect without a password this laptop does
    # not have (none kept: "ask each time", or a system without a password store; or the
    # kept one refused): the window asks the user, once (`connect_with_password`)
    password_needed = Signal()
    back_online = Signal()  # connected again after the server was lost (or never reached)
    known_copy_refreshed = Signal(object)  # this laptop's copy: its Path, or the error

    PROBE_MS = 5000  # how often to look whether the server answers again

    def __init__(self, store, folder, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        url = str(store.location)
        self.folder = folder
        self.path = outbox.queue_path(folder, url)
        self.box = Outbox(self.path, url)
        # a shop opened from this laptop's copy (store/known_copy.py) starts without it
        self.server_down = store.server_broken()
        self.down_since: str | None = _now() if self.server_down else None
        # when the copy the form works from was made, while working from it
        info = getattr(store, "known_info", None)
        self.known_as_of: str | None = info.refreshed_at if self.server_down and info else None
        self.last_result: SendResult | None = None
        # the server answers, but refused the password this store holds (or none): no more
        # looks every few seconds until the user gives one (`connect_with_password`)
        self.needs_password = False
        # the server answers, but another laptop's newer KPI Desk upgraded the shop there
        # meanwhile: nothing is sent with this older copy (until it is updated)
        self.server_newer = False
        self._probe_url = url
        self._probe_thread: threading.Thread | None = None
        self.copy_thread: threading.Thread | None = None  # the copy's refresh, when running
        self._probe_answer: bool | None = None
        self.probe_timer = QTimer(self)
        self.probe_timer.setInterval(self.PROBE_MS)
        self.probe_timer.timeout.connect(self._tick)
        _lost_listeners.append(self._lost)
        if self.box.count() or self.server_down:
            self.probe_timer.start()
        if not self.server_down:
            self.keep_known_copy()

    @property
    def known_copy(self):  # -> Path: what this laptop last knew of the shop
        from kpidesk.store import known_copy

        return known_copy.known_path(self.folder, str(self.store.location))

    def keep_known_copy(self) -> None:
        """Refresh the copy of what the Sales form needs (and the owner PIN's hash), for a
        start while the server does not answer, on a thread with its own connection
        (`ui/known_copy_worker.py`); a failure is logged, never in the way, and leaves the
        previous copy."""
        from kpidesk.ui import known_copy_worker

        if self.copy_thread is not None and self.copy_thread.is_alive():
            return  # the one running reads the server now
        self.copy_thread = known_copy_worker.start_refresh(
            str(self.store.location), self.folder, self._known_copy_done)

    def wait_known_copy(self, timeout: float = 60) -> bool:
        """Wait for a refresh under way (closing tests and tools); True when none runs."""
        if self.copy_thread is not None:
            self.copy_thread.join(timeout)
        return self.copy_thread is None or not self.copy_thread.is_alive()

    def _known_copy_done(self, result: object) -> None:
        from kpidesk.logs import log

        if isinstance(result, ServerError):
            if result.reason == "unreachable" and self.store.server_broken():
                self._lost(result)  # only if the shop's own connection is lost too
            log.warning("the shop's copy on this laptop was not refreshed: %s", result.reason)
        elif isinstance(result, BaseException):
            log.warning("the shop's copy on this laptop was not refreshed: %s",
                        type(result).__name__)
        self.known_copy_refreshed.emit(result)

    # -- what screens ask -----------------------------------------------------------------
    def count(self) -> int:
        return self.box.count()

    def pending(self) -> list[QueuedSale]:
        return self.box.pending()

    def enqueue(self, sale: QueuedSale) -> QueuedSale:
        kept = self.box.enqueue(sale)
        self.probe_timer.start()
        self.changed.emit()
        return kept

    def replace(self, sale: QueuedSale) -> None:
        self.box.replace(sale)
        self.changed.emit()

    def discard(self, queue_id: int) -> None:
        """Drop a queued sale (the screen asked the owner PIN)."""
        self.box.discard(queue_id)
        self.changed.emit()

    def send_now(self) -> SendResult:
        """Send the queue (on the UI thread: each sale is one short transaction)."""
        try:
            result = self.box.send_pending(self.store)
        except ServerError as err:  # the login or the database refused
            result = SendResult(unreachable=True, remaining=self.box.count())
            if err.reason == "login":
                self._password_refused()
            elif err.reason == "newer":
                self._server_is_newer()
            else:
                self._lost(err)
            return result
        was_down = self.server_down
        self.server_down = result.unreachable
        self.last_result = result
        if result.unreachable:
            self.probe_timer.start()
        elif not result.remaining:
            self.probe_timer.stop()
        if was_down and not self.server_down:  # what others wrote meanwhile: shown now
            self.down_since = self.known_as_of = None
            self.needs_password = False
            self.keep_known_copy()
            self.store.others_wrote()
            self.store.announce(EVERYTHING)
        self.changed.emit()
        if result.done or result.refused:
            self.sent.emit(result)
        if was_down and not self.server_down:
            self.back_online.emit()
        return result

    def server_back(self) -> bool:
        """Connect again if the server answers; True when it does (never asks anything:
        a refused password only marks `needs_password`, see `_tick`)."""
        return self._connect_again() is None

    def _connect_again(self) -> str | None:
        """Connect again; None when connected, else why not ('login', 'unreachable', …)."""
        try:
            self.store.ensure_connected()
        except ServerError as err:
            return err.reason
        return None

    def connect_with_password(self, password: str) -> str | None:
        """The password the user typed for the shop's server: connect with it (kept in
        memory only), then send the queue and refresh every view as when the server
        comes back. None when connected; 'login' when the server refused it (still
        waiting for one); 'unreachable' when the server went away again (looked for every
        few seconds, as before)."""
        try:
            self.store.connect_with_password(password)
        except ServerError as err:
            if err.reason == "login":
                return "login"
            self.needs_password = False
            if err.reason == "newer":
                self._server_is_newer()
            else:
                self._lost(err)
            return err.reason
        self.needs_password = False
        self.send_now()
        return None

    def give_up_password(self) -> None:
        """The user cancelled the password prompt: the shop stays without its server (the
        bar offers to connect) and nothing is looked for until then."""
        self.needs_password = True
        self.probe_timer.stop()
        self.changed.emit()

    def _password_refused(self) -> None:
        first = not self.needs_password
        self.needs_password = True
        self.probe_timer.stop()  # no failed login every few seconds in the server's log
        if not self.server_down:
            self.server_down = True
            self.down_since = _now()
        self.changed.emit()
        if first:
            self.password_needed.emit()

    def _server_is_newer(self) -> None:
        self.server_newer = True
        self.probe_timer.stop()  # nothing to look for until this laptop's KPI Desk is updated
        if not self.server_down:
            self.server_down = True
            self.down_since = _now()
        self.changed.emit()

    # -- the server lost, and found again ----------------------------------------------------
    def _lost(self, _err: ServerError) -> None:
        if not self.server_down:
            self.server_down = True
            self.down_since = _now()
            self.changed.emit()
        # else the user's password, or a newer KPI Desk, is awaited, not the server
        if not (self.needs_password or self.server_newer):
            self.probe_timer.start()

    def _tick(self) -> None:
        """Every few seconds while the server is lost or sales wait: look (a TCP
        connection on a thread: a laptop gone from the network would freeze the window
        for the connection's time-out), then connect and send on the UI thread."""
        if self.needs_password or self.server_newer:
            self.probe_timer.stop()
            return
        if self._probe_thread is not None and self._probe_thread.is_alive():
            return
        answer, self._probe_answer = self._probe_answer, None
        failure = self._connect_again() if answer else "unreachable"
        if failure == "login":
            self._password_refused()
            return
        if failure == "newer":
            self._server_is_newer()
            return
        if failure is None and answer:
            try:
                self.send_now()
            except sqlite3.ProgrammingError:  # the shop was closed without closing its
                self.close()  # queue (a window left open): nothing to send it to
            return
        if not self.server_down and not self.store.server_broken():
            # the server answers: sales not yet refused go now; refused ones wait for the
            # user (retried with every send, not every few seconds)
            if self.box.count() > self.box.refused_count():
                self.send_now()
            else:
                self.probe_timer.stop()
            return

        def probe() -> None:
            self._probe_answer = outbox.server_answers(self._probe_url)

        self._probe_thread = threading.Thread(target=probe, name="server-probe", daemon=True)
        self._probe_thread.start()

    def close(self) -> None:
        self.probe_timer.stop()
        if self._lost in _lost_listeners:
            _lost_listeners.remove(self._lost)
        self.box.close()


def _now() -> str:
    from datetime import datetime

    return datetime.now().isoformat(timespec="seconds")


# -- what the Sales tab shows ------------------------------------------------------------------
CONTEXT = "ServerQueue"
tr = translator(CONTEXT)


def queue_text(queue: SaleQueue) -> str:
    """The Sales tab's sentence about the server and the queue ('' when all is well)."""
    count = queue.count()
    f = fmt.current()
    if queue.server_down and queue.server_newer:  # the bar above the tabs says why
        if not count:
            return ""
        return fmt.fill(tr("Sales waiting to be sent: %1. They are sent once KPI Desk on this "
                           "laptop is updated."), f.integer(count))
    if queue.server_down and queue.needs_password:  # the bar above the tabs offers Connect…
        if not count:
            return ""
        return _counted(count, tr("%1 sale waiting to be sent — connect to the server to "
                                  "send it."),
                        tr("%1 sales waiting to be sent — connect to the server to send "
                           "them."))
    if queue.server_down:
        if not count:
            return tr("The server does not answer. Sales you save now wait on this laptop "
                      "and are sent when it is back.")
        return _counted(count, tr("%1 sale waiting to be sent — the server does not answer."),
                        tr("%1 sales waiting to be sent — the server does not answer."))
    if not count:
        return ""
    return _counted(count, tr("%1 sale waiting to be sent: the server refused it. Open the "
                              "list to correct or discard it."),
                    tr("%1 sales waiting to be sent. Open the list to correct or discard "
                       "the ones the server refused."))


def _counted(count: int, one: str, many: str) -> str:
    """`one` or `many` (translated, with %1) filled with `count` in the UI's digits."""
    return fmt.fill(one if count == 1 else many, fmt.current().integer(count))


# The codes only a queued sale gets (store/outbox.py): their sentences live here, and
# ui.messages.validation_text hands them over.
QUEUE_CODES = {("product", "gone"), ("salesperson", "gone"), ("contact", "gone"),
               ("channel", "gone"), ("payment", "gone"), ("sale", "refused"),
               ("sale", "not_queueable")}


def refusal_text(err: ValidationError | None) -> str:
    """Why the server refused a queued sale, as one sentence."""
    if err is None:
        return tr("Waiting")
    if err.code == "not_queueable":
        return tr("Only a new sale can wait on this laptop: a refund or a daily total needs "
                  "the server.")
    name = str(err.params.get("name") or "")
    if err.code == "gone":
        texts = {
            "product": tr("The product “%1” is no longer on the server."),
            "salesperson": tr("The salesperson “%1” is no longer on the server."),
            "contact": tr("The customer “%1” is no longer on the server."),
            "channel": tr("Its sales channel is no longer on the server."),
            "payment": tr("Its payment method is no longer on the server."),
        }
        if err.field in texts:
            return fmt.fill(texts[err.field], name)
    if err.code == "refused":
        return fmt.fill(tr("The server refused it: %1"), str(err.params.get("detail", "")))
    from kpidesk.ui.messages import validation_text

    return validation_text(err)


class QueueBar(QWidget):
    """One line above the Sales form: the server lost, the sales waiting, and the key
    that lists them (hidden when all is well)."""

    edit_requested = Signal(object)  # a QueuedSale to correct in the form

    def __init__(self, queue: SaleQueue, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.queue = queue
        self.setObjectName("serverQueueBar")
        self.label = QLabel(self)
        self.label.setObjectName("serverQueueText")
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.list_button = QPushButton(self)
        self.list_button.setObjectName("serverQueueList")
        self.list_button.clicked.connect(self.open_list)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.list_button)
        self.dialog: WaitingSalesDialog | None = None
        queue.changed.connect(self.update_text)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.list_button.setText(tr("Chec&k waiting sales…"))
        self.update_text()

    def update_text(self) -> None:
        text = queue_text(self.queue)
        self.label.setText(text)
        self.list_button.setVisible(self.queue.count() > 0)
        self.setVisible(bool(text))

    def open_list(self) -> WaitingSalesDialog:
        from kpidesk.ui.server_status_list import WaitingSalesDialog

        self.dialog = WaitingSalesDialog(self.queue, self.window())
        self.dialog.edit_requested.connect(self.edit_requested)
        self.dialog.show()
        return self.dialog


def confirm_close(queue: SaleQueue, parent: QWidget | None) -> bool:
    """Before the window closes: send what waits if the server answers, and with sales
    still waiting, say they stay on this laptop and ask whether to close."""
    if not queue.count():
        return True
    if not queue.server_down or queue.server_back():
        queue.send_now()
    count = queue.count()
    if not count:
        return True
    answer = QMessageBox.question(
        parent, tr("Sales waiting to be sent"),
        fmt.fill(tr("%1 sales saved on this laptop are not on the shop's server yet. They "
                    "stay here and are sent the next time KPI Desk opens this shop and the "
                    "server answers.\n\nClose KPI Desk anyway?"), fmt.current().integer(count)),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No)
    return answer == QMessageBox.StandardButton.Yes
