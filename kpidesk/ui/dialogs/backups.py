"""Backups: this shop's backups (when, why, orders, last sale, size) and the space they
take, back up now, restore one (saying what it holds and what it replaces, then what
was done), open or choose the folder, how long automatic backups are kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n.format import current
from kpidesk.i18n.format import fill as fill_in
from kpidesk.store import backup, backup_files, backup_restore, security
from kpidesk.store.db import Store
from kpidesk.store.errors import BackupError, StoreError
from kpidesk.ui.context import AppContext
from kpidesk.ui.errors import log
from kpidesk.ui.long_work import Cancelled, run_with_progress
from kpidesk.ui.messages import ask_yes_no, store_error_text
from kpidesk.ui.screen import keep_on_screen
from kpidesk.ui.widgets import DigitSpinBox

COLUMNS = 5  # made, why, orders, last sale, size


class BackupsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_on_screen(self)  # inside a small laptop's screen, whatever it holds
        self.ctx = ctx
        self.setObjectName("backupsDialog")
        self.resize(820, 480)
        self.items: list[backup_files.BackupInfo] = []
        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_label.setWordWrap(True)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setObjectName("backupsTable")
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.total_label = QLabel()
        self.total_label.setObjectName("backupsTotal")
        self.total_label.setWordWrap(True)
        self.backup_button = QPushButton()
        self.restore_button = QPushButton()
        self.open_button = QPushButton()
        self.choose_button = QPushButton()
        self.delete_button = QPushButton()
        self.delete_button.setObjectName("deleteBackup")
        self.keep_daily = DigitSpinBox(minimum=1, maximum=365)
        self.keep_monthly = DigitSpinBox(minimum=1, maximum=120)
        self.keep_daily.setValue(backup._keep(ctx.store, "backup_keep_daily", backup.KEEP_DAILY))
        self.keep_monthly.setValue(
            backup._keep(ctx.store, "backup_keep_monthly", backup.KEEP_MONTHLY))
        self.keep_form = QFormLayout()
        self.keep_daily_label, self.keep_monthly_label = QLabel(), QLabel()
        self.keep_form.addRow(self.keep_daily_label, self.keep_daily)
        self.keep_form.addRow(self.keep_monthly_label, self.keep_monthly)
        self.keep_note = QLabel()
        self.keep_note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.delete_button,
                       self.open_button, self.choose_button):
            row.addWidget(button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.table)
        layout.addWidget(self.total_label)
        layout.addLayout(row)
        layout.addLayout(self.keep_form)
        layout.addWidget(self.keep_note)
        layout.addWidget(self.buttons)

        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.open_button.clicked.connect(self.open_folder)
        self.choose_button.clicked.connect(self.choose_folder)
        self.delete_button.clicked.connect(self.delete_selected)
        # (The owner PIN guards these settings when one is set: see the PIN dialog.)
        self.keep_daily.editingFinished.connect(self._save_keep)
        self.keep_monthly.editingFinished.connect(self._save_keep)
        read_only = ctx.store.read_only
        for widget in (self.backup_button, self.restore_button, self.choose_button,
                       self.delete_button, self.keep_daily, self.keep_monthly):
            widget.setEnabled(not read_only)
        self.retranslate_ui()
        self.refresh()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Backups"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Made on"), self.tr("Why"), self.tr("Orders"), self.tr("Last sale"),
             self.tr("Size")])
        self.backup_button.setText(self.tr("&Back up now"))
        self.restore_button.setText(self.tr("&Restore…"))
        self.open_button.setText(self.tr("&Open folder"))
        self.choose_button.setText(self.tr("&Choose folder…"))
        self.delete_button.setText(self.tr("&Delete…"))
        self.keep_daily_label.setText(self.tr("Keep daily backups for (days):"))
        self.keep_monthly_label.setText(self.tr("Keep monthly backups for (months):"))
        self.keep_note.setText(fill_in(self.tr(
            "Backups made by hand, before an import, before a restore or before an update "
            "are not counted here: each is kept at least %1 days."), current().integer(backup.KEEP_PROTECTED_DAYS)))
        self.folder_label.setText(fill_in(self.tr("Backup folder: %1"), str(self.folder())))

    def reason_text(self, reason: str) -> str:
        texts = {"daily": self.tr("daily"), "manual": self.tr("by hand"),
                 "exit": self.tr("on exit"), "import": self.tr("before an import"),
                 "before-restore": self.tr("before a restore"),
                 "branch": self.tr("before a branch file was brought in")}
        if reason.startswith("before-v"):
            return self.tr("before an update")
        return texts.get(reason, reason)

    def folder(self) -> Path:
        return backup_files.backup_folder(self.ctx.store)

    def backups(self) -> list[backup_files.BackupInfo]:
        return backup_files.list_all_backups(self.ctx.store)

    def refresh(self) -> None:
        fmt = current()
        self.items = items = self.backups()
        self.table.setRowCount(len(items))
        for row, info in enumerate(items):
            details = info.details()
            when = f"{fmt.date(info.created.date())} {fmt.digits(info.created.strftime('%H:%M'))}"
            why = self.reason_text(info.reason)
            if info.legacy:
                why = fill_in(self.tr("%1 (older backup)"), why)
            orders = details.orders if details else None
            last = details.last_sale if details else None
            values = [when, why, fmt.integer(orders) if orders is not None else "?",
                      fmt.date(last) if last else "—", _megabytes(info.size)]
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, str(info.path))
                item.setToolTip(str(info.path))
                if col in (2, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, col, item)
        total = (fill_in(self.tr("%1 backups, %2 in all"), fmt.integer(len(items)), _megabytes(backup_files.space_used(items))))
        found = self.ctx.store.identity()
        others = sum(backup_files.other_shops_backups(f, found.uuid if found else None)
                     for f in backup_files.backup_folders(self.ctx.store))
        if others:
            total += " " + (fill_in(self.tr("The folder also holds %1 backups of other shops: they "
                                    "are not shown, and never touched."), fmt.integer(others)))
        self.total_label.setText(total)
        self.restore_button.setEnabled(bool(items) and not self.ctx.store.read_only)
        self.delete_button.setEnabled(bool(items) and not self.ctx.store.read_only)

    # -- back up now ---------------------------------------------------------------
    def back_up_now(self) -> backup_files.BackupInfo | None:
        path = self.ctx.store.path

        def work(progress):
            # a read-only connection of its own: the app's stays free for the UI thread
            with Store(path, read_only=True) as reader:
                return backup.make_backup(reader, "manual", self.folder(), progress=progress)

        made = None
        try:
            made = run_with_progress(self, self.tr("Backups"), self.tr("Making a backup…"),
                                     work, cancel_text=self.tr("Cancel"))
        except Cancelled:
            pass
        except (StoreError, OSError) as exc:
            log.warning("backup failed: %s", exc)
            QMessageBox.warning(self, self.tr("Backup failed"), store_error_text(exc, path))
        self._changed()
        return made

    # -- restore -----------------------------------------------------------------------
    def selected_path(self) -> Path | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def selected_info(self) -> backup_files.BackupInfo | None:
        path = self.selected_path()
        return next((b for b in self.items if b.path == path), None)

    def restore_question(self, info: backup_files.BackupInfo) -> str:
        fmt = current()
        details = info.details()
        now = backup_files.summary_of(self.ctx.store)
        made = f"{fmt.date(info.created.date())} {fmt.digits(info.created.strftime('%H:%M'))}"
        return (fill_in(self.tr("Replace the shop's records by the backup made on %1 (%2)? It holds "
                        "%3 orders; its last sale is of %4."), made, self.reason_text(info.reason), fmt.integer(details.orders) if details and
                         details.orders is not None else "?", fmt.date(details.last_sale) if details and details.last_sale
                         else "—")
                + "\n\n" +
                fill_in(self.tr("Now the shop has %1 orders; its last sale is of %2. These records "
                        "are backed up first, so this can be undone by restoring that "
                        "backup."), fmt.integer(now["orders"]), fmt.date(now["last_sale"]) if now["last_sale"] else "—"))

    def restore_selected(self) -> backup_restore.RestoreResult | None:
        info = self.selected_info()
        if info is None:
            QMessageBox.information(self, self.tr("Restore"), self.tr("Choose a backup first."))
            return None
        with self.ctx.owner_session(self, "backups") as allowed:
            if not allowed:
                return None
            if not ask_yes_no(self, self.tr("Restore"), self.restore_question(info),
                              default_yes=True):
                return None
            return self._restore(info.path, allow_other_shop=False)

    # -- delete ------------------------------------------------------------------------
    def delete_selected(self) -> bool:
        """Delete the chosen backup after asking (the owner's); True when it is gone."""
        info = self.selected_info()
        if info is None:
            QMessageBox.information(self, self.tr("Delete"), self.tr("Choose a backup first."))
            return False
        fmt = current()
        details = info.details()
        made = f"{fmt.date(info.created.date())} {fmt.digits(info.created.strftime('%H:%M'))}"
        orders = (fmt.integer(details.orders) if details and details.orders is not None
                  else "?")
        question = fill_in(self.tr("Delete the backup made on %1 (%2)? It holds %3 orders and"
                                   " takes %4. A deleted backup cannot be restored."),
                           made, self.reason_text(info.reason), orders, _megabytes(info.size))
        if len(self.items) == 1:
            question += "\n\n" + self.tr("It is the shop's only backup.")
        with self.ctx.owner_session(self, "backups") as allowed:
            if not allowed:
                return False
            answer = QMessageBox.question(self, self.tr("Delete"), question)
            if answer != QMessageBox.StandardButton.Yes:
                return False
            try:
                backup_files.delete_backup(self.ctx.store, info.path)
            except (StoreError, OSError) as exc:
                QMessageBox.warning(self, self.tr("Delete"),
                                    store_error_text(exc, self.ctx.store.path))
                return False
        self._changed()
        return True

    def _restore(self, path: Path, allow_other_shop: bool) -> backup_restore.RestoreResult | None:
        from kpidesk.ui.startup import restored_text

        store = self.ctx.store
        pin = security.snapshot(store)  # a backup made before the PIN keeps it

        def work(_progress):
            done = backup_restore.restore_into(store, path, allow_other_shop=allow_other_shop)
            security.carry_over(store, pin)
            return done

        try:
            result = run_with_progress(self, self.tr("Restore"),
                                       self.tr("Restoring the backup…"), work)
        except BackupError as exc:
            if exc.reason == "other_shop" and not allow_other_shop:
                if ask_yes_no(self, self.tr("Restore"),
                              store_error_text(exc) + "\n\n"
                              + self.tr("Restore it into this shop anyway?"), default_yes=True):
                    return self._restore(path, allow_other_shop=True)
                return None
            QMessageBox.warning(self, self.tr("Restore failed"), store_error_text(exc))
            return None
        except (StoreError, OSError) as exc:
            log.warning("restore failed: %s", exc)
            QMessageBox.warning(self, self.tr("Restore failed"),
                                store_error_text(exc, store.path))
            return None
        finally:
            self._changed()
        self.ctx.undo_stack.clear()  # undo steps refer to records that may no longer exist
        log.warning("restored %s from %s", store.path, path)
        QMessageBox.information(self, self.tr("Backup restored"), restored_text(result))
        return result

    # -- folder and keeping ---------------------------------------------------------------
    def open_folder(self) -> None:
        try:
            backup_files.prepare_folder(self.folder(), not self.ctx.store.setting("backup_dir"))
        except BackupError as exc:
            QMessageBox.warning(self, self.tr("Backups"), store_error_text(exc))
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder())))

    def choose_folder(self) -> None:
        with self.ctx.owner_session(self, "backups") as allowed:
            if not allowed:
                return
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Backup folder"),
                                                      str(self.folder()))
            if chosen:
                self.ctx.store.set_setting("backup_dir", chosen)
        if chosen:
            from kpidesk.ui.startup import remember_shop

            remember_shop(self.ctx.settings, self.ctx.store)
            self.retranslate_ui()
            self._changed()

    def _kept(self) -> tuple[int, int]:
        store = self.ctx.store
        return (backup._keep(store, "backup_keep_daily", backup.KEEP_DAILY),
                backup._keep(store, "backup_keep_monthly", backup.KEEP_MONTHLY))

    def _save_keep(self) -> bool:
        """How long backups are kept is the owner's: a change asks for the PIN, and is put
        back on the spin boxes when refused."""
        wanted = (self.keep_daily.value(), self.keep_monthly.value())
        kept = self._kept()
        if wanted == kept or getattr(self, "_asking", False):
            return False
        self._asking = True  # the PIN prompt takes the focus: editingFinished fires again
        try:
            with self.ctx.owner_session(self, "backups") as allowed:
                if allowed:
                    with self.ctx.store.transaction():
                        self.ctx.store.set_setting("backup_keep_daily", str(wanted[0]))
                        self.ctx.store.set_setting("backup_keep_monthly", str(wanted[1]))
                    return True
        finally:
            self._asking = False
        for box, value in ((self.keep_daily, kept[0]), (self.keep_monthly, kept[1])):
            box.blockSignals(True)
            box.setValue(value)
            box.blockSignals(False)
        return False

    def _changed(self) -> None:
        from kpidesk.ui.backup_status import events

        self.refresh()
        events().changed.emit()


def _megabytes(size: int) -> str:
    return current().decimal(size / 1_000_000, 1) + " MB"
