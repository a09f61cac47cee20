"""Backups the owner can see: the age of the newest backup in the status bar, and a
failed backup shown at once and on every start until one succeeds.

`BackupWatch` is what the app attaches to each open shop: it remembers where the shop's
backups are (for a shop that goes missing later), sweeps what killed backups left,
starts the daily backup on a thread and reports its outcome on the UI thread.
"""

from __future__ import annotations

from datetime import date, datetime

from PySide6.QtCore import QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.tr import translator
from kpidesk.store import backup, backup_archive, backup_files
from kpidesk.store.errors import BackupError, ServerError, StoreError
from kpidesk.ui.context import AppContext
from kpidesk.ui.errors import log
from kpidesk.ui.messages import backup_error_text, read_only_text

tr = translator("BackupStatus")


class _Events(QObject):
    """Backups were made, restored or failed: status bars refresh."""

    changed = Signal()


_events: _Events | None = None


def events() -> _Events:
    global _events
    if _events is None:
        _events = _Events()
    return _events


def age_text(made: datetime, today: date | None = None) -> str:
    from kpidesk.i18n.format import current

    fmt = current()
    days = ((today or date.today()) - made.date()).days
    if days <= 0:
        return fill_in(tr("today, %1"), fmt.digits(made.strftime("%H:%M")))
    if days == 1:
        return tr("yesterday")
    return fill_in(tr("%1 days ago"), fmt.integer(days))


class BackupStatus(QLabel):
    """'Last backup: today, 09:30' — or, in red, that the last backup failed; or that the
    shop is open read-only. A click asks for the Backups dialog (`clicked`)."""

    clicked = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("backupStatus")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.failed = False
        ctx.language.language_changed.connect(self.refresh)
        events().changed.connect(self.refresh)
        self._timer = QTimer(self)  # "today" becomes "yesterday" while the app stays open
        self._timer.setInterval(10 * 60 * 1000)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def refresh(self, *_: object) -> None:
        store = self.ctx.store
        if not store.is_open():  # the shop was closed: this label goes with it
            return
        if store.is_server and not store.read_only:
            self._refresh_shared()
            return
        if store.read_only:
            self.failed = False
            self.setText(tr("Read-only: nothing can be saved"))
            self.setToolTip(read_only_text(store.view_reason))
            self.setStyleSheet("color: #8a5a00;")
            return
        failure = backup.failure(store)
        newest = backup_files.newest_backup(store)
        self.failed = failure is not None
        if failure is not None:
            self.setText(tr("Last backup failed: click for details"))
            self.setToolTip(backup_error_text(BackupError(failure[0], folder=str(
                backup_files.backup_folder(store)))))
            self.setStyleSheet("color: #b00020; font-weight: bold;")
        elif newest is None:
            self.setText(tr("No backup yet"))
            self.setToolTip(tr("A backup is made on the first start of each day with sales, "
                               "before each import and on exit after changes."))
            self.setStyleSheet("")
        else:
            self.setText(fill_in(tr("Last backup: %1"), age_text(newest.created)))
            self.setToolTip(str(newest.path))
            old = (date.today() - newest.created.date()).days > 7
            self.setStyleSheet("color: #8a5a00;" if old else "")

    shared_result: object = None  # the day's automatic backup of a shared shop

    def _refresh_shared(self) -> None:
        """A shared shop: this start's automatic backup (taken here, by another laptop,
        or failed)."""
        from kpidesk.store import pg_backup

        result = self.shared_result
        self.failed = isinstance(result, Exception)
        self.setStyleSheet("color: #b00020; font-weight: bold;" if self.failed else "")
        if self.failed:
            self.setText(tr("Last backup failed: click for details"))
        elif isinstance(result, pg_backup.DailyOutcome) and result.busy:
            self.setText(tr("Today's backup: another laptop is taking it"))
        elif isinstance(result, pg_backup.DailyOutcome) and result.mark is not None:
            self.setText(fill_in(tr("Today's backup: taken by “%1”"), result.mark.by))
        else:
            self.setText("")

    def mousePressEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self.clicked.emit()
        super().mousePressEvent(event)


class _Notifier(QObject):
    result = Signal(object)  # a BackupInfo, or the BackupError (emitted from a thread)


class BackupWatch(QObject):
    """The backups of one open shop, while its window is up."""

    def __init__(self, ctx: AppContext, window: QMainWindow, settings: QSettings | None,
                 interactive: bool = True) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.interactive = interactive
        self._notifier = _Notifier(self)
        self._notifier.result.connect(self._finished)
        self.status = BackupStatus(ctx, window)
        # a click on the label asks for the Backups dialog: whoever owns the window
        # connects `status.clicked` (the app connects it to `MainWindow.show_backups`)
        window.statusBar().addPermanentWidget(self.status)
        self.thread = None
        # the day this shared shop's automatic backup was last started from this window:
        # a shop opened without its server starts it when the server comes back, once a day
        self.shared_started_on: date | None = None
        if ctx.store.is_server and not ctx.store.read_only and ctx.server_queue is not None:
            ctx.server_queue.back_online.connect(self.start_when_back)
        from kpidesk.ui.startup import remember_shop

        if not ctx.store.read_only:
            remember_shop(settings, ctx.store)

    def start(self) -> None:
        """Sweep leftovers of killed backups, start today's backup if none was made yet,
        and show a failure left from before if no new backup is on its way."""
        from kpidesk.ui.startup import daily_backup

        store = self.ctx.store
        if store.is_server and not store.read_only:  # a shared shop: one laptop a day
            from kpidesk.ui.server_status_backups import start_daily

            self.shared_started_on = date.today()
            self.thread = start_daily(store, self._shared_finished)
            return
        if store.read_only:
            return
        found = store.identity()
        removed = backup_archive.sweep_partials(store.path, backup_files.backup_folders(store),
                                        found.uuid if found else None)
        if removed:
            log.info("removed %d leftovers of interrupted backups", len(removed))
        self.thread = daily_backup(store, background=True, on_result=self._notifier.result.emit)
        failure = backup.failure(store)
        if failure is not None and self.thread is None:
            QTimer.singleShot(0, self, lambda: self._show_failure(
                BackupError(failure[0], folder=str(backup_files.backup_folder(store)))))

    def start_when_back(self) -> None:
        """The shared shop's server answers again: today's automatic backup starts, as it
        would have at opening, unless this window started it today already (one whose
        server was lost half-way is started again)."""
        if self.shared_started_on == date.today():
            return
        if self.thread is not None and self.thread.is_alive():
            return
        self.start()

    def _shared_finished(self, result: object) -> None:
        from shiboken6 import isValid

        if not (isValid(self) and isValid(self.status) and isValid(self.window)):
            return  # the window closed while the backup ran: nobody to tell
        self.status.shared_result = result
        self.status.refresh()
        if isinstance(result, ServerError) and result.reason == "unreachable":
            self.shared_started_on = None  # started again when the server is back
            # said by the bar above the tabs, not by a box; and only while the shop's own
            # connection is lost too: a dump cut off before the server came back is old news
            if self.ctx.store.server_broken():
                from kpidesk.ui.server_status import server_lost

                server_lost(result)
            return
        if isinstance(result, StoreError) and self.interactive and self.window.isVisible():
            from kpidesk.ui.messages import store_error_text

            log.warning("automatic backup of the shared shop failed: %r", result)
            QMessageBox.warning(self.window, tr("Backup failed"),
                                store_error_text(result, self.ctx.store.server_url or ""))

    def _finished(self, result: object) -> None:
        events().changed.emit()
        if isinstance(result, BackupError):
            self._show_failure(result)

    def _show_failure(self, err: BackupError) -> None:
        self.status.refresh()
        if not self.interactive:
            return
        QMessageBox.warning(self.window, tr("Backup failed"),
                            backup_error_text(err) + "\n\n" +
                            tr("Your records are safe in the shop file. KPI Desk will tell you "
                               "again at every start until a backup succeeds."))

    def wait(self, timeout: float = 600.0) -> None:
        if self.thread is not None:
            self.thread.join(timeout)
