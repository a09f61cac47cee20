"""Unexpected errors: written to a rotating log in the data folder and shown in a
dialog that offers to copy the details. The app keeps running when it can."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from kpidesk.logs import log
from kpidesk.store.errors import BackupError, LockedError, ValidationError, WriteFailedError


def tr(text: str) -> str:
    return QCoreApplication.translate("Errors", text)


def setup_logging() -> None:
    from kpidesk.logs import setup_logging as setup

    setup()


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
        "no_folder": tr("The shop file's folder is not there any more (a USB stick taken "
                        "out?), so this change was not saved. Your earlier records are "
                        "safe. Put it back and try again."),
        "moved": tr("The shop file was moved or replaced by another program while it was "
                    "open, so this change was not saved. Close KPI Desk and open the shop "
                    "again."),
        "opened_read_only": read_only_text(err.detail),
    }.get(err.reason, tr("This change was not saved. Your earlier records are safe."))


def read_only_text(view_reason: str) -> str:
    """Why nothing can be saved in a shop file opened read-only."""
    if view_reason == "backup":
        return tr("This is a backup, opened read-only: nothing can be saved in it. To work "
                  "with it, restore it from File ▸ Backups.")
    return tr("This shop file is on a disk that cannot be written to (a locked USB stick, "
              "a CD, or a folder you have no permission for), so it was opened read-only: "
              "you can look, but nothing can be saved.")


def _when(text: str) -> str:
    """An ISO date and time as the user reads it."""
    from datetime import datetime

    from kpidesk.i18n.format import current

    try:
        moment = datetime.fromisoformat(text)
    except (TypeError, ValueError):
        return text
    return f"{current().date(moment.date())} {current().digits(moment.strftime('%H:%M'))}"


def locked_text(err: LockedError) -> str:
    from kpidesk.i18n.format import current

    if not err.pid:
        return tr("This shop file is already open in KPI Desk, through another name of the "
                  "same file. Close it there first, or open another shop file.")
    return (tr("This shop file is already open in KPI Desk (process %1 on %2, since %3). "
               "Close it there first, or open another shop file.")
            .replace("%1", current().digits(str(err.pid))).replace("%2", err.host)
            .replace("%3", _when(err.started)))


def backup_error_text(err: BackupError) -> str:
    """What a backup that could not be made, checked or restored means, in one sentence
    (or two) of the user's language."""
    from kpidesk.i18n.format import current

    folder = str(err.params.get("folder") or "")
    if err.reason == "other_shop":
        return (tr("This backup is of another shop (%1, %2 orders, last sale %3).")
                .replace("%1", str(err.params.get("shop_name") or "—"))
                .replace("%2", current().integer(err.params.get("orders") or 0))
                .replace("%3", current().date(err.params.get("last_sale") or None) or "—"))
    texts = {
        "disk_full": tr("The backup could not be written: the disk of %1 is full. Free some "
                        "space, or choose another backup folder."),
        "read_only": tr("The backup could not be written: %1 cannot be written to. Choose "
                        "another backup folder."),
        "no_folder": tr("The backup could not be written: the backup folder %1 is not there. "
                        "If it is on a USB stick, plug it in; or choose another folder."),
        "not_verified": tr("A backup was made but did not pass its check, so it was not kept. "
                           "The shop file itself may be damaged: keep your older backups and "
                           "ask for help before deleting anything."),
        "damaged": tr("This backup is damaged: it does not pass its check, so it cannot be "
                      "restored."),
        "newer": tr("This backup was made by a newer version of KPI Desk. Install the newer "
                    "version to restore it."),
        "not_a_backup": tr("This file is not a KPI Desk backup."),
        "busy": tr("The shop file is busy in another program. Try again in a moment."),
    }
    text = texts.get(err.reason, tr("The backup could not be written: the disk reported an "
                                    "error (%1)."))
    return text.replace("%1", folder or tr("the backup folder"))


def os_error_text(exc: OSError, path: object = None) -> str:
    """An error of the operating system (a file, a folder, a disk) in one sentence."""
    import errno

    where = str(path if path is not None else (exc.filename or ""))
    code = exc.errno
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        text = tr("The disk is full, so %1 could not be written. Free some space and try "
                  "again.")
    elif code == errno.EROFS:
        text = tr("%1 is on a disk that cannot be written to.")
    elif code in (errno.EACCES, errno.EPERM):
        text = tr("You do not have permission to use %1.")
    elif code == errno.ENOENT:
        text = tr("%1 is not there. If it is on a USB stick, plug it in and try again.")
    elif code == errno.EISDIR:
        text = tr("%1 is a folder, not a file.")
    elif code == errno.EIO:
        text = tr("The disk reported an error while using %1. Check the disk or USB stick.")
    else:
        text = tr("The computer could not read or write %1.")
    return text.replace("%1", where)


def store_error_text(err: Exception, path: object = None) -> str:
    """Any error a store, a backup or the OS raises, as one sentence for the user."""
    from kpidesk.store.errors import (
        CorruptStoreError,
        NewerSchemaError,
        NotAStoreError,
        OlderSchemaError,
    )

    where = str(path or "")
    if isinstance(err, WriteFailedError):
        return write_failed_text(err)
    if isinstance(err, BackupError):
        return backup_error_text(err)
    if isinstance(err, LockedError):
        return locked_text(err)
    if isinstance(err, NotAStoreError):
        text = {"directory": tr("%1 is a folder, not a shop file."),
                "empty": tr("%1 is empty: it holds no shop."),
                "backup": tr("%1 is a backup: it is never changed. Restore it from File ▸ "
                             "Backups, or open it read-only to look at it.")}.get(
            err.reason, tr("%1 is not a KPI Desk shop file."))
        return text.replace("%1", where)
    if isinstance(err, CorruptStoreError):
        return tr("%1 is damaged.").replace("%1", where)
    if isinstance(err, NewerSchemaError):
        return (tr("%1 was saved by a newer version of KPI Desk. Install the newer "
                   "version to open it; this version will not change it.")
                .replace("%1", where))
    if isinstance(err, OlderSchemaError):
        return (tr("%1 was saved by an older version of KPI Desk and must be opened for "
                   "writing once to be updated.").replace("%1", where))
    if isinstance(err, OSError):
        return os_error_text(err, path)
    return tr("The computer could not read or write %1.").replace("%1", where)


def _alive(obj: object) -> bool:
    """Whether a Qt object still exists (a dialog's parent may close while it is up)."""
    import shiboken6

    return obj is not None and shiboken6.isValid(obj)


_showing = False


def show_exception(exc_type: type[BaseException], exc: BaseException,
                   tb: TracebackType | None, parent: QWidget | None = None) -> None:
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
    if isinstance(exc, ValidationError):  # a screen forgot to check: still say it plainly
        log.warning("refused input: %s", exc)
        QMessageBox.warning(parent, tr("Not saved"),
                            tr("This input was refused: %1").replace("%1", str(exc)))
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
