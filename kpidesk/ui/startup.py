"""Opening a shop file (at start-up and from the File menu), safely.

A damaged or foreign file is never written to: the user is told what is wrong in their
language and offered the newest good backup (beside the file and in the folder the
owner chose); the damaged file is set aside unchanged. A missing or empty shop with
backups is not silently made into a new empty shop: the user is told what was found
and offered the newest backup. A file from a newer kpidesk is not opened. A file open
in another running kpidesk is refused, naming it. A file on a disk that cannot be
written to may be opened read-only, saying why nothing can be saved. A backup opened
as a shop is only ever viewed read-only.

Backups that fail (a full or unplugged USB stick, a copy that does not verify) are
shown to the owner at once, and on every start until one succeeds.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QMessageBox,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.tr import QT_TRANSLATE_NOOP, translator
from kpidesk.store import backup, backup_archive, backup_files, backup_restore, schema
from kpidesk.store.db import Store
from kpidesk.store.errors import (
    BackupError,
    CorruptStoreError,
    LockedError,
    NewerSchemaError,
    NotAStoreError,
    OlderSchemaError,
    StoreError,
    WriteFailedError,
)
from kpidesk.store.file_facts import needs_upgrade
from kpidesk.store.sales import has_orders
from kpidesk.ui.errors import log
from kpidesk.ui.long_work import run_with_progress
from kpidesk.ui.messages import (
    ask_yes_no,
    backup_error_text,
    locked_text,
    read_only_text,
    store_error_text,
    write_failed_text,
)

tr = translator("Startup")


def ask(parent: QWidget | None, title: str, text: str,
        choices: list[tuple[str, str, QMessageBox.ButtonRole]], icon=QMessageBox.Icon.Question,
        default: str | None = None) -> str:
    """A message with buttons of our own; returns the key of the one pressed ('' when the
    box was closed)."""
    box = QMessageBox(parent)
    box.setIcon(icon)
    box.setWindowTitle(title)
    box.setText(text)
    buttons = {}
    for key, label, role in choices:
        buttons[key] = box.addButton(label, role)
        if key == default:
            box.setDefaultButton(buttons[key])
    box.exec()
    clicked = box.clickedButton()
    return next((key for key, button in buttons.items() if button is clicked), "")


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
    return (fill_in(tr("Step %1 of %2: %3"), digits(str(number)), digits(str(len(UPGRADE_STEPS))), tr(UPGRADE_STEPS.get(stage, ""))))


# -- what the app remembers of each shop (so that its backups can be found when the
#    file itself is missing or damaged: its identity and the backup folder chosen) ----
def _shop_key(path: Path) -> str:
    return hashlib.sha1(os.path.realpath(path).encode("utf-8")).hexdigest()[:16]


def remember_shop(settings: QSettings | None, store: Store) -> None:
    if settings is None or store.read_only:
        return

    found = store.identity()
    key = _shop_key(store.path)
    if found:
        settings.setValue(f"shops/{key}/uuid", found.uuid)
    settings.setValue(f"shops/{key}/backup_dir", str(backup_files.backup_folder(store)))


def remembered(settings: QSettings | None, path: Path) -> tuple[str | None, Path | None]:
    if settings is None:
        return None, None
    key = _shop_key(path)
    uuid = settings.value(f"shops/{key}/uuid", "") or None
    folder = settings.value(f"shops/{key}/backup_dir", "") or None
    return uuid, Path(folder) if folder else None


# -- opening ------------------------------------------------------------------------------
def open_store(db_path: Path, parent: QWidget | None = None) -> Store:
    """Store(db_path, lock=True); an older file is upgraded on a thread meanwhile a
    dialog says so and shows how far each step is (shown when it takes longer than a
    blink)."""
    if not needs_upgrade(db_path):
        return Store(db_path, lock=True, check_later=True)

    def work(progress: Callable[..., None]) -> Store:
        progress(0.0, "backup")
        return Store(db_path, lock=True,
                     progress=lambda stage, fraction: progress(fraction, stage))

    log.info("upgrading %s to schema version %s", db_path, schema.SCHEMA_VERSION)
    return run_with_progress(
        parent, tr("Updating the shop file"),
        tr("Updating the shop file for this version of KPI Desk. A backup is made first. "
           "This happens only once."), work, step_text=upgrade_step_text)


def open_store_interactive(db_path: Path, parent: QWidget | None = None,
                           settings: QSettings | None = None) -> Store | None:
    """The opened store, or None after telling the user why it cannot be opened."""
    from kpidesk.store import dialect

    if dialect.is_server_url(db_path):
        from kpidesk.ui.startup_server import open_server_interactive

        return open_server_interactive(str(db_path), parent, settings)
    db_path = Path(db_path)
    for _attempt in range(5):
        if db_path.is_dir():
            QMessageBox.critical(parent, tr("Cannot open the shop file"),
                                 store_error_text(NotAStoreError("directory"), db_path))
            return None
        if not db_path.parent.is_dir():
            answer = ask(parent, tr("Shop file not found"),
                         fill_in(tr("The folder of %1 is not there. If the shop is on a USB stick, "
                            "plug it in and choose Try again."), str(db_path)),
                         [("retry", tr("&Try again"), QMessageBox.ButtonRole.AcceptRole),
                          ("cancel", tr("Cancel"), QMessageBox.ButtonRole.RejectRole)],
                         QMessageBox.Icon.Warning, "retry")
            if answer == "retry":
                continue
            return None
        if backup_files.is_lost(db_path):
            outcome = offer_lost_shop(db_path, parent, settings)
            if outcome == "cancel":
                return None
        if backup_archive.is_backup_file(db_path):
            return open_backup_read_only(db_path, parent)
        try:
            return open_store(db_path, parent)
        except LockedError as err:
            QMessageBox.warning(parent, tr("Shop file in use"), locked_text(err))
            return None
        except NewerSchemaError as err:
            QMessageBox.critical(parent, tr("Made by a newer KPI Desk"),
                                 store_error_text(err, db_path))
            return None
        except NotAStoreError as err:
            if err.reason == "backup":
                return open_backup_read_only(db_path, parent)
            log.warning("cannot open %s: %s", db_path, err)
            if not offer_backup(db_path, err, parent, settings):
                return None
        except CorruptStoreError as err:
            log.warning("cannot open %s: %s", db_path, err)
            if not offer_backup(db_path, err, parent, settings):
                return None
        except WriteFailedError as err:
            log.warning("cannot open %s for writing: %s", db_path, err)
            if err.reason == "read_only":
                return offer_read_only(db_path, parent)
            QMessageBox.critical(parent, tr("Cannot open the shop file"), write_failed_text(err))
            return None
        except BackupError as err:  # the copy made before an upgrade could not be written
            log.warning("cannot upgrade %s: %s", db_path, err)
            QMessageBox.critical(parent, tr("Cannot open the shop file"),
                                 fill_in(tr("The shop file must be updated for this version of KPI "
                                    "Desk, and a backup is made first. %1 Nothing was "
                                    "changed."), backup_error_text(err)))
            return None
        except (StoreError, OSError) as err:
            log.error("cannot open %s: %s", db_path, err)
            QMessageBox.critical(parent, tr("Cannot open the shop file"),
                                 store_error_text(err, db_path))
            return None
    return None


def offer_read_only(db_path: Path, parent: QWidget | None) -> Store | None:
    """A shop on a disk that cannot be written to: offer to look at it read-only."""
    answer = ask(parent, tr("Cannot save in this shop file"),
                 read_only_text("medium") + "\n\n" + tr("Open it read-only?"),
                 [("view", tr("Open &read-only"), QMessageBox.ButtonRole.AcceptRole),
                  ("cancel", tr("Cancel"), QMessageBox.ButtonRole.RejectRole)],
                 QMessageBox.Icon.Warning, "view")
    if answer != "view":
        return None
    try:
        return Store(db_path, read_only=True, view_reason="medium")
    except (StoreError, OSError) as err:
        QMessageBox.critical(parent, tr("Cannot open the shop file"),
                             store_error_text(err, db_path))
        return None


def open_backup_read_only(path: Path, parent: QWidget | None) -> Store | None:
    """A backup opened as a shop (File ▸ Open): it is never changed — viewed read-only;
    restoring it is done from File ▸ Backups."""
    if path.suffix == ".zip":
        QMessageBox.information(
            parent, tr("This is a backup"),
            fill_in(tr("%1 is a backup. A backup is never changed: to use it, open its shop and "
               "restore it from File ▸ Backups."), str(path)))
        return None
    answer = ask(parent, tr("This is a backup"),
                 store_error_text(NotAStoreError("backup"), path),
                 [("view", tr("Open &read-only"), QMessageBox.ButtonRole.AcceptRole),
                  ("cancel", tr("Cancel"), QMessageBox.ButtonRole.RejectRole)],
                 QMessageBox.Icon.Information, "view")
    if answer != "view":
        return None
    try:
        return Store(path, read_only=True, view_reason="backup")
    except OlderSchemaError:
        QMessageBox.information(
            parent, tr("This is a backup"),
            fill_in(tr("%1 is a backup made by an older version of KPI Desk: it can only be seen "
               "after it is restored (File ▸ Backups)."), str(path)))
    except (StoreError, OSError) as err:
        QMessageBox.critical(parent, tr("Cannot open the shop file"),
                             store_error_text(err, path))
    return None


def _describe_backup(info: backup_files.BackupInfo) -> str:
    from kpidesk.i18n.format import current

    fmt = current()
    details = info.details()
    orders = details.orders if details else None
    last = details.last_sale if details else None
    return (fill_in(tr("made on %1 (%2 orders, last sale %3)"), f"{fmt.date(info.created.date())} "
                           f"{fmt.digits(info.created.strftime('%H:%M'))}", fmt.integer(orders) if orders is not None else "?", fmt.date(last) if last else "—"))


def _restore_with_progress(db_path: Path, backup_path: Path,
                           parent: QWidget | None) -> backup_restore.RestoreResult:
    """backup_restore.restore on a thread while a dialog says so (no cancel: a restore half done
    is not a state to leave the shop in)."""
    return run_with_progress(
        parent, tr("Restore"), tr("Restoring the backup…"),
        lambda _progress: backup_restore.restore(db_path, backup_path, source="app"), busy=True)


def offer_lost_shop(db_path: Path, parent: QWidget | None,
                    settings: QSettings | None = None) -> str:
    """A missing or empty shop file: if backups of it exist (beside it, or in the backup
    folder the owner chose), say so and offer the newest. Returns 'restored', 'new'
    (no backups, or the user wants an empty shop) or 'cancel'."""
    uuid, chosen = remembered(settings, db_path)
    found = backup_files.lost_shop_backups(db_path, [chosen] if chosen else [], uuid)
    if not found:
        return "new"
    state = fill_in(tr("%1 is missing.") if not db_path.exists()
             else tr("%1 is empty (it holds nothing)."), str(db_path))
    from kpidesk.i18n.format import current

    text = (state + "\n\n" +
            fill_in(tr("Backups of this shop found: %1. The newest was %2, in %3."), current().integer(len(found)), _describe_backup(found[0]), str(found[0].path.parent)) + "\n\n" +
            tr("Restore the newest backup, or start a new, empty shop in this file?"))
    answer = ask(parent, tr("Shop file not found"), text,
                 [("restore", tr("&Restore the newest backup"),
                   QMessageBox.ButtonRole.AcceptRole),
                  ("new", tr("Start an &empty shop"), QMessageBox.ButtonRole.DestructiveRole),
                  ("cancel", tr("Cancel"), QMessageBox.ButtonRole.RejectRole)],
                 QMessageBox.Icon.Warning, "restore")
    if answer == "new":
        return "new"
    if answer != "restore":
        return "cancel"
    good = next((b for b in found if backup_archive.verify(b.path)), None)
    if good is None:
        QMessageBox.critical(parent, tr("Restore"), backup_error_text(BackupError("damaged")))
        return "cancel"
    try:
        result = _restore_with_progress(db_path, good.path, parent)
    except (StoreError, OSError) as err:
        QMessageBox.critical(parent, tr("Restore failed"), store_error_text(err, db_path))
        return "cancel"
    log.warning("%s was missing or empty; restored from %s", db_path, good.path)
    QMessageBox.information(parent, tr("Backup restored"), restored_text(result))
    return "restored"


def restored_text(result: backup_restore.RestoreResult) -> str:
    from kpidesk.i18n.format import current

    fmt = current()
    now = result.restored
    text = (fill_in(tr("The backup was restored. The shop now has %1 orders; the last sale is of "
               "%2."), fmt.integer(now.get("orders") or 0), fmt.date(now.get("last_sale")) if now.get("last_sale") else "—"))
    if result.set_aside and result.safety:
        text += " " + fill_in(tr("The damaged file was kept as %1."), str(result.safety))
    elif result.replaced and result.safety:
        text += " " + (fill_in(tr("What it replaced (%1 orders) was backed up first as %2."), fmt.integer(result.replaced.get("orders") or 0), result.safety.name))
    return text


def offer_backup(db_path: Path, err: StoreError, parent: QWidget | None,
                 settings: QSettings | None = None) -> bool:
    """Tell what is wrong; restore the newest good backup if the user agrees (looking
    beside the file and in the backup folder the owner chose). The damaged file is set
    aside unchanged. True when a restored file is ready to be opened."""
    problem = store_error_text(err, db_path)
    uuid, remembered_folder = remembered(settings, db_path)
    folders = [backup_files.default_folder(db_path)]
    for folder in (backup_files.chosen_folder_of(db_path), remembered_folder):
        if folder is not None:
            folders.append(folder)
    good = backup.newest_good_backup(folders, db_path, uuid or backup_files.shop_uuid_of(db_path))
    if good is None:
        QMessageBox.critical(
            parent, tr("Cannot open the shop file"),
            problem + "\n\n" + tr("No backup of it was found. The file was not changed. "
                                  "Open another shop file with --db, or move this one away "
                                  "to start a new shop."))
        return False
    question = (problem + "\n\n" +
                fill_in(tr("Restore the newest good backup, %1? The damaged file will be kept "
                   "beside it, unchanged."), _describe_backup(good)))
    if not ask_yes_no(parent, tr("Restore a backup?"), question, default_yes=True):
        return False
    try:
        result = _restore_with_progress(db_path, good.path, parent)
    except (StoreError, OSError) as exc:
        QMessageBox.critical(parent, tr("Restore failed"), store_error_text(exc, db_path))
        return False
    log.warning("restored %s from %s; damaged file kept as %s", db_path, good.path,
                result.safety)
    QMessageBox.information(parent, tr("Backup restored"), restored_text(result))
    return True


# -- backups on a schedule -------------------------------------------------------------------
BackupResult = Callable[[object], None]  # gets a BackupInfo, or the BackupError


def daily_backup(store: Store, today: date | None = None, background: bool = False,
                 on_result: BackupResult | None = None) -> threading.Thread | None:
    """On the first start of each day, back the shop up (verified, then pruned).

    With `background`, the copy and its full integrity check run on a thread over a
    read-only connection of their own, so a big shop starts at once. `on_result` hears
    the outcome (from that thread): a failure is never only logged.
    """
    if store.read_only or store.is_server:  # a shared shop: backed up on its server
        return None
    day = (today or date.today()).isoformat()
    if not has_orders(store) or backup_files.backed_up_on(store, day):
        return None
    folder = backup_files.backup_folder(store)
    given = on_result

    def on_result(outcome: object) -> None:  # noqa: F811 - the caller's, never raising
        if given is None:
            return
        try:
            given(outcome)
        except RuntimeError:  # its window was closed meanwhile (another shop opened)
            pass

    def run(source: Store) -> None:
        try:
            info = backup.make_backup(source, "daily", folder)
        except StoreError as exc:  # a missing USB stick must not stop the shop
            log.warning("daily backup failed: %s", exc)
            if not isinstance(exc, BackupError):
                exc = BackupError("io_error", str(exc))
                backup.record_failure(source, exc)
            on_result(exc)
            return
        on_result(info)

    if not background:
        run(store)
        return None

    def in_thread() -> None:
        try:
            with Store(store.location, read_only=True) as reader:
                run(reader)
        except (StoreError, OSError) as exc:
            log.warning("daily backup failed: %s", exc)
            on_result(exc if isinstance(exc, BackupError) else BackupError("io_error", str(exc)))
        except Exception:  # a defect: logged, never a silent dead thread
            log.exception("daily backup failed")
            on_result(BackupError("io_error", "unexpected"))

    thread = threading.Thread(target=in_thread, name="daily-backup")  # not a daemon: finish it
    thread.start()
    return thread


def backup_on_exit(store: Store) -> BackupError | None:
    """After a session with changes, one more backup; returns its failure, if any."""
    if store.commits and not store.read_only and not store.is_server:
        try:
            backup.make_backup(store, "exit")
        except BackupError as exc:
            log.warning("backup on exit failed: %s", exc)
            return exc
        except StoreError as exc:
            log.warning("backup on exit failed: %s", exc)
            return BackupError("io_error", str(exc))
    return None
