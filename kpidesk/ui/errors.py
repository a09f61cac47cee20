"""Unexpected errors: written to a rotating log in the data folder and shown in a
dialog that offers to copy the details. The app keeps running when it can."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.tr import translator
from kpidesk.logs import log
from kpidesk.store.errors import BackupError, ServerError, ValidationError, WriteFailedError

tr = translator("Errors")


def setup_logging() -> None:
    from kpidesk.logs import setup_logging as setup

    setup()
















def _alive(obj: object) -> bool:
    """Whether a Qt object still exists (a dialog's parent may close while it is up)."""
    import shiboken6

    return obj is not None and shiboken6.isValid(obj)


_showing = False


def show_exception(exc_type: type[BaseException], exc: BaseException,
                   tb: TracebackType | None, parent: QWidget | None = None) -> None:
    from kpidesk.ui.messages import backup_error_text, write_failed_text

    global _showing
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    parent = parent if _alive(parent) else None
    if isinstance(exc, WriteFailedError):
        log.warning("write failed: %s", exc)
        QMessageBox.warning(parent, tr("Not saved"), write_failed_text(exc))
        return
    if isinstance(exc, BackupError):
        log.warning("backup failed: %s", exc)
        QMessageBox.warning(parent, tr("Backup"), backup_error_text(exc))
        return
    if isinstance(exc, ServerError) and exc.reason == "unreachable":
        # the shared shop's server went away: the Sales tab says so and queues sales; one
        # dialog per screen that tried to read would bury the window
        from kpidesk.ui.server_status import server_lost

        log.warning("server unreachable: %s", exc)
        server_lost(exc)
        return
    if isinstance(exc, ValidationError):  # a screen forgot to check: still say it plainly
        log.warning("refused input: %s", exc)
        QMessageBox.warning(parent, tr("Not saved"),
                            fill_in(tr("This input was refused: %1"), str(exc)))
        return
    log.error("unexpected error\n%s", details)
    if _showing:  # an error while the error dialog is up: logged, not stacked
        return
    _showing = True
    try:
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(tr("Something went wrong"))
        box.setText(tr("KPI Desk met an unexpected error. Your saved records are safe; the "
                       "last action may not have finished. The details were written to the "
                       "log file."))
        box.setDetailedText(details)
        copy = box.addButton(tr("Copy details"), QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        # the box (and its buttons) may be gone: closed with its parent while it was up
        if _alive(box) and _alive(copy) and box.clickedButton() is copy:
            QApplication.clipboard().setText(details)
    finally:
        _showing = False


def install_excepthook() -> None:
    setup_logging()

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        try:
            show_exception(exc_type, exc, tb, QApplication.activeWindow())
        except Exception:  # never let the error dialog itself take the app down
            log.exception("error while showing an error")

    sys.excepthook = hook
