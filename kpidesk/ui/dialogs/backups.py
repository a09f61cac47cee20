"""Backups: list them (date, size, orders), back up now, restore one, open or choose the folder."""

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
from kpidesk.store import backup, security
from kpidesk.store.errors import StoreError
from kpidesk.ui.context import AppContext
from kpidesk.ui.errors import log
from kpidesk.ui.screen import keep_on_screen
from kpidesk.ui.widgets import DigitSpinBox


class BackupsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_on_screen(self)  # inside a small laptop's screen, whatever it holds
        self.ctx = ctx
        self.setObjectName("BackupsDialog")
        self.resize(720, 460)
        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableWidget(0, 4)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.backup_button = QPushButton()
        self.restore_button = QPushButton()
        self.open_button = QPushButton()
        self.choose_button = QPushButton()
        self.keep_daily = DigitSpinBox(minimum=1, maximum=365)
        self.keep_monthly = DigitSpinBox(minimum=1, maximum=120)
        self.keep_daily.setValue(int(ctx.store.setting("backup_keep_daily") or backup.KEEP_DAILY))
        self.keep_monthly.setValue(
            int(ctx.store.setting("backup_keep_monthly") or backup.KEEP_MONTHLY))
        self.keep_form = QFormLayout()
        self.keep_daily_label, self.keep_monthly_label = QLabel(), QLabel()
        self.keep_form.addRow(self.keep_daily_label, self.keep_daily)
        self.keep_form.addRow(self.keep_monthly_label, self.keep_monthly)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        row = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.open_button,
                       self.choose_button):
            row.addWidget(button)
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.folder_label)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addLayout(self.keep_form)
        layout.addWidget(self.buttons)

        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.open_button.clicked.connect(self.open_folder)
        self.choose_button.clicked.connect(self.choose_folder)
        self.keep_daily.editingFinished.connect(self._save_keep)
        self.keep_monthly.editingFinished.connect(self._save_keep)
        self.retranslate_ui()
        self.refresh()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Backups"))
        self.table.setHorizontalHeaderLabels(
            [self.tr("Date"), self.tr("Made"), self.tr("Size"), self.tr("Orders")])
        self.backup_button.setText(self.tr("&Back up now"))
        self.restore_button.setText(self.tr("&Restore…"))
        self.open_button.setText(self.tr("&Open folder"))
        self.choose_button.setText(self.tr("&Choose folder…"))
        self.keep_daily_label.setText(self.tr("Keep daily backups for (days):"))
        self.keep_monthly_label.setText(self.tr("Keep monthly backups for (months):"))
        self.folder_label.setText(self.tr("Backup folder: %1").replace("%1", str(self.folder())))

    def reason_text(self, reason: str) -> str:
        texts = {"daily": self.tr("daily"), "manual": self.tr("by hand"),
                 "exit": self.tr("on exit"), "import": self.tr("before an import"),
                 "before-restore": self.tr("before a restore")}
        if reason.startswith("before-v"):
            return self.tr("before an upgrade")
        return texts.get(reason, reason)

    def folder(self) -> Path:
        return backup.backup_folder(self.ctx.store)

    def backups(self) -> list[backup.BackupInfo]:
        return backup.list_backups(self.folder(), self.ctx.store.path)

    def refresh(self) -> None:
        fmt = current()
        items = self.backups()
        self.table.setRowCount(len(items))
        for row, info in enumerate(items):
            when = f"{fmt.date(info.created.date())} {fmt.digits(info.created.strftime('%H:%M'))}"
            size = fmt.decimal(info.size / 1_000_000, 1) + " MB"
            values = [when, self.reason_text(info.reason), size, fmt.integer(info.sales_count())]
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, str(info.path))
                self.table.setItem(row, col, item)
        self.restore_button.setEnabled(bool(items))

    def back_up_now(self) -> None:
        try:
            backup.make_backup(self.ctx.store, "manual")
        except StoreError as exc:
            log.warning("backup failed: %s", exc)
            QMessageBox.warning(self, self.tr("Backup failed"),
                                self.tr("The backup could not be written: %1")
                                .replace("%1", str(exc)))
        self.refresh()

    def selected_path(self) -> Path | None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def restore_selected(self) -> None:
        path = self.selected_path()
        if path is None:
            QMessageBox.information(self, self.tr("Restore"), self.tr("Choose a backup first."))
            return
        with self.ctx.owner_session(self, "backups") as allowed:
            if not allowed:
                return
            answer = QMessageBox.question(
                self, self.tr("Restore"),
                self.tr("Replace the shop's records by this backup? The current records are "
                        "backed up first, so this can be undone by restoring that backup."))
            if answer != QMessageBox.StandardButton.Yes:
                return
            pin = security.snapshot(self.ctx.store)  # a backup made before the PIN keeps it
            try:
                backup.restore_into(self.ctx.store, path)
                security.carry_over(self.ctx.store, pin)
            except StoreError as exc:
                QMessageBox.warning(self, self.tr("Restore failed"),
                                    self.tr("The backup could not be restored: %1")
                                    .replace("%1", str(exc)))
        self.ctx.undo_stack.clear()  # undo steps refer to records that may no longer exist
        self.refresh()

    def open_folder(self) -> None:
        self.folder().mkdir(parents=True, exist_ok=True)
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
            self.retranslate_ui()
            self.refresh()

    def _kept(self) -> tuple[int, int]:
        store = self.ctx.store
        return (int(store.setting("backup_keep_daily") or backup.KEEP_DAILY),
                int(store.setting("backup_keep_monthly") or backup.KEEP_MONTHLY))

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
