"""Unexpected errors: written to a rotating log in the data folder and shown in a
dialog that offers to copy the details. The app keeps running when it can."""

from __future__ import annotations

import logging
import sys
import traceback
from logging.handlers import RotatingFileHandler
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kpidesk.store.errors import LockedError, ValidationError, WriteFailedError

log = logging.getLogger("kpidesk")


def tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def setup_logging() -> None:
    from kpidesk.paths import logs_dir

    if any(isinstance(h, RotatingFileHandler) for h in log.handlers):
        return
    handler = RotatingFileHandler(logs_dir() / "kpidesk.log", maxBytes=1_000_000,
                                  backupCount=5, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)


def write_failed_text(err: WriteFailedError) -> str:
    """What a failed write means for the user, in their language."""
    return {
        "disk_full": tr("The disk is full, so this change was not saved. "
                        "Your earlier records are safe. Free some space and try again."),
        "read_only": tr("The shop file's folder cannot be written to, so this change was "
                        "not saved. Your earlier records are safe."),
        "busy": tr("The shop file is busy in another program. This change was not saved; "
                   "try again in a moment."),
        "io_error": tr("The disk reported an error, so this change was not saved. "
                       "Your earlier records are safe. Check the disk or USB stick."),
    }.get(err.reason, tr("This change was not saved. Your earlier records are safe."))


def locked_text(err: LockedError) -> str:
    return (tr("This shop file is already open in KPI Desk (process %1 on %2, since %3). "
               "Close it there first, or open another shop file.")
            .replace("%1", str(err.pid)).replace("%2", err.host).replace("%3", err.started))


def show_exception(exc_type: type[BaseException], exc: BaseException,
                   tb: TracebackType | None, parent: QWidget | None = None) -> None:
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    if isinstance(exc, WriteFailedError):
        log.warning("write failed: %s", exc)
        QMessageBox.warning(parent, tr("Not saved"), write_failed_text(exc))
        return
    if isinstance(exc, ValidationError):  # a screen forgot to check: still say it plainly
        log.warning("refused input: %s", exc)
        QMessageBox.warning(parent, tr("Not saved"),
                            tr("This input was refused: %1").replace("%1", str(exc)))
        return
    log.error("unexpected error\n%s", details)
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
    if box.clickedButton() is copy:
        QApplication.clipboard().setText(details)


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
