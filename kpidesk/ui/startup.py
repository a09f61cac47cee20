"""Opening the shop file at start-up, safely.

A damaged or foreign file is never written to: the user is told what is
wrong in their language and offered the newest good backup; the damaged
file is set aside unchanged. A file from a newer kpidesk is not opened. A
file open in another running kpidesk is refused, naming it.
"""

from __future__ import annotations

import threading
import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEventLoop, Qt
from PySide6.QtWidgets import (
    QApplication,
    QMessageBox,
    QProgressBar,
    QProgressDialog,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.store import backup, schema
from kpidesk.store.db import Store, needs_upgrade
from kpidesk.store.errors import (
    CorruptStoreError,
    LockedError,
    NewerSchemaError,
    NotAStoreError,
    StoreError,
    WriteFailedError,
)
from kpidesk.ui.errors import locked_text, log, write_failed_text


def tr(text: str) -> str:
    return QCoreApplication.translate("Startup", text)


def _backup_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


# What each step of an upgrade is doing (see Store's `progress`).
UPGRADE_STEPS = {
    "backup": QT_TRANSLATE_NOOP("Startup", "making a backup of the shop file…"),
    "upgrade": QT_TRANSLATE_NOOP("Startup", "updating the shop file…"),
    "compact": QT_TRANSLATE_NOOP("Startup", "making the shop file smaller…"),
}


def upgrade_step_text(stage: str) -> str:
    """'Step 2 of 3: updating the shop file…' in the user's language and digits."""
    digits = fmt.current().digits
    number = list(UPGRADE_STEPS).index(stage) + 1 if stage in UPGRADE_STEPS else 1
    return (tr("Step %1 of %2: %3").replace("%1", digits(str(number)))
            .replace("%2", digits(str(len(UPGRADE_STEPS))))
            .replace("%3", tr(UPGRADE_STEPS.get(stage, ""))))


def open_store(db_path: Path, parent: QWidget | None = None) -> Store:
    """Store(db_path, lock=True); an older file is upgraded on a thread meanwhile a
    dialog says so and shows how far each step is (shown when it takes longer than a
    blink)."""
    if not needs_upgrade(db_path):
        return Store(db_path, lock=True, check_later=True)
    result: dict = {}
    state = {"stage": "backup", "fraction": 0.0}

    def progress(stage: str, fraction: float) -> None:  # on the upgrade's thread
        state["stage"], state["fraction"] = stage, fraction

    def work() -> None:
        try:
            result["store"] = Store(db_path, lock=True, progress=progress)
        except BaseException as exc:  # handed to the caller on the UI thread
            result["error"] = exc

    log.info("upgrading %s to schema version %s", db_path, schema.SCHEMA_VERSION)
    thread = threading.Thread(target=work, name="upgrade-shop")
    thread.start()
    intro = tr("Updating the shop file for this version of KPI Desk. A backup is made first. "
               "This happens only once.")
    dialog = QProgressDialog(intro, None, 0, 100, parent)
    bar = QProgressBar(dialog)
    bar.setRange(0, 100)
    dialog.setBar(bar)
    dialog.setWindowTitle(tr("Updating the shop file"))
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.setAutoReset(False)
    dialog.setAutoClose(False)
    started = time.monotonic()
    shown = None
    while thread.is_alive():
        if not dialog.isVisible() and time.monotonic() - started > 0.3:
            dialog.show()
        stage, fraction = state["stage"], state["fraction"]
        if stage != shown:
            dialog.setLabelText(intro + "\n\n" + upgrade_step_text(stage))
            shown = stage
        if dialog.value() != int(100 * fraction):
            dialog.setValue(int(100 * fraction))
            bar.setFormat(fmt.current().percent(fraction, 0))  # the user's digits
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        thread.join(0.03)
    dialog.close()
    dialog.deleteLater()
    if "error" in result:
        raise result["error"]
    return result["store"]


def open_store_interactive(db_path: Path, parent: QWidget | None = None) -> Store | None:
    """The opened store, or None after telling the user why it cannot be opened."""
    for _attempt in range(3):
        try:
            return open_store(db_path, parent)
        except LockedError as err:
            QMessageBox.warning(parent, tr("Shop file in use"), locked_text(err))
            return None
        except NewerSchemaError:
            QMessageBox.critical(
                parent, tr("Made by a newer KPI Desk"),
                tr("%1 was saved by a newer version of KPI Desk. Install the newer "
                   "version to open it; this version will not change it.")
                .replace("%1", str(db_path)))
            return None
        except WriteFailedError as err:
            QMessageBox.critical(parent, tr("Cannot open the shop file"), write_failed_text(err))
            return None
        except (NotAStoreError, CorruptStoreError) as err:
            log.warning("cannot open %s: %s", db_path, err)
            if not offer_backup(db_path, err, parent):
                return None
        except (StoreError, OSError) as err:
            log.error("cannot open %s: %s", db_path, err)
            QMessageBox.critical(parent, tr("Cannot open the shop file"),
                                 tr("%1 cannot be opened:\n%2").replace("%1", str(db_path))
                                 .replace("%2", str(err)))
            return None
    return None


def offer_backup(db_path: Path, err: StoreError, parent: QWidget | None) -> bool:
    """Tell what is wrong; restore the newest good backup if the user agrees.

    True when a restored file is ready to be opened.
    """
    problem = (tr("%1 is damaged.") if isinstance(err, CorruptStoreError)
               else tr("%1 is not a KPI Desk shop file.")).replace("%1", str(db_path))
    good = backup.newest_good_backup(_backup_folder(db_path), db_path)
    if good is None:
        QMessageBox.critical(
            parent, tr("Cannot open the shop file"),
            problem + "\n\n" + tr("No backup of it was found. The file was not changed. "
                                  "Open another shop file with --db, or move this one away "
                                  "to start a new shop."))
        return False
    from kpidesk.i18n.format import current

    sales = good.sales_count()
    question = (problem + "\n\n" +
                tr("Restore the newest good backup, made on %1 with %2 orders? "
                   "The damaged file will be kept beside it, unchanged.")
                .replace("%1", current().date(good.created.date()))
                .replace("%2", current().integer(sales)))
    answer = QMessageBox.question(parent, tr("Restore a backup?"), question)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    kept = backup.set_aside(db_path)
    backup.restore(db_path, good.path)
    log.warning("restored %s from %s; damaged file kept as %s", db_path, good.path, kept)
    QMessageBox.information(parent, tr("Backup restored"),
                            tr("The backup was restored. The damaged file was kept as %1.")
                            .replace("%1", str(kept)))
    return True


def daily_backup(store: Store, today: date | None = None,
                 background: bool = False) -> threading.Thread | None:
    """On the first start of each day, back the shop up (verified, then pruned).

    With `background`, the copy and its full integrity check run on a thread
    over a read-only connection of their own, so a big shop starts at once.
    """
    day = (today or date.today()).isoformat()
    folder = backup.backup_folder(store)
    if not store.scalar("SELECT count(*) FROM orders") or backup.backed_up_on(
            folder, store.path, day):
        return None

    def run(source: Store) -> None:
        try:
            backup.make_backup(source, "daily", folder)
        except StoreError as exc:  # a missing USB stick must not stop the shop
            log.warning("daily backup failed: %s", exc)

    if not background:
        run(store)
        return None

    def in_thread() -> None:
        try:
            with Store(store.path, read_only=True) as reader:
                run(reader)
        except StoreError as exc:
            log.warning("daily backup failed: %s", exc)

    thread = threading.Thread(target=in_thread, name="daily-backup")  # not a daemon: finish it
    thread.start()
    return thread


def backup_on_exit(store: Store) -> None:
    if store.commits:
        try:
            backup.make_backup(store, "exit")
        except StoreError as exc:
            log.warning("backup on exit failed: %s", exc)
