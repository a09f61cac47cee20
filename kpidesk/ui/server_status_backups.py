"""Backups of a shared (PostgreSQL) shop in the app: the day's automatic backup started on
a thread when the shop opens (one laptop a day takes it: `store/pg_backup.py`), and the
Backups dialog of a shared shop — this laptop's backups with the space they take, what
the server says of the last one, a pg_dump missing or too old, back up now, and restore
(owner PIN, after a warning that it replaces the shared data for everyone)."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import QT_TRANSLATE_NOOP, translator
from kpidesk.logs import log
from kpidesk.store import pg_backup
from kpidesk.store.errors import ServerError, StoreError
from kpidesk.store.topics import EVERYTHING
from kpidesk.ui.models.base import Column, TableModel
from kpidesk.ui.server_status_list import row_list

CONTEXT = "SharedBackups"
tr = translator(CONTEXT)


def shared_folder_of(store) -> Path:
    """Where this laptop puts the shared shop's backups: the folder the owner chose for
    it in the Backups dialog, or the shop's folder in the data folder."""
    from kpidesk.paths import data_dir

    return pg_backup.backup_folder_of(store, data_dir())


@dataclass(frozen=True)
class BackupRow:
    """One line of the list: a backup on this laptop (`laptop` None), or one the server
    records as kept on another laptop (restored only from there)."""

    path: Path
    when: datetime
    reason: str
    size: int
    laptop: str | None = None


def backup_rows(folder: Path, recorded: list[pg_backup.BackupRecord]) -> list[BackupRow]:
    """This laptop's backups in `folder`, then with them every backup the server records
    as kept on another laptop, newest first."""
    rows = [BackupRow(b.path, b.when, b.reason, b.size) for b in pg_backup.list_shared(folder)]
    rows += [BackupRow(r.path, r.taken, r.reason, r.size, r.laptop)
             for r in recorded if not r.here()]
    return sorted(rows, key=lambda r: r.when, reverse=True)


class _Result(QObject):
    done = Signal(object)  # a DailyOutcome, or the error (emitted from the thread)


def start_daily(store, on_done=None) -> threading.Thread:
    """Take today's automatic backup of a shared shop on a thread, unless another laptop
    took it or is taking it (`pg_backup.daily_backup`); `on_done(outcome or error)` runs
    on the UI thread."""
    notifier = _Result()
    if on_done is not None:
        notifier.done.connect(on_done, Qt.ConnectionType.QueuedConnection)
    url, folder = str(store.location), shared_folder_of(store)

    def run() -> None:
        try:
            result: object = pg_backup.daily_backup(url, folder)
        except (StoreError, OSError) as err:
            log.warning("automatic backup of the shared shop failed: %s", err)
            result = err
        notifier.done.emit(result)

    thread = threading.Thread(target=run, name="shared-backup", daemon=True)
    thread.notifier = notifier  # type: ignore[attr-defined]  # kept alive with the thread
    thread.start()
    return thread


def tools_text(check: pg_backup.ToolCheck) -> str:
    """What keeps this laptop from backing the shared shop up ('' when nothing)."""
    if check.problem == "missing":
        return tr("PostgreSQL's tools pg_dump and pg_restore are not on this laptop, so it "
                  "cannot back the shared shop up. Install PostgreSQL's command line tools "
                  "(on Windows: the PostgreSQL installer, “Command Line Tools”).")
    if check.problem == "too_old":
        return fmt.fill(tr("This laptop's pg_dump is version %1, older than the server "
                           "(version %2): it cannot back the shop up. Install the tools of "
                           "version %2 or newer."),
                        fmt.current().integer(check.dump_major or 0),
                        fmt.current().integer(check.server_major or 0))
    return ""


class SharedBackupsModel(TableModel):
    CONTEXT = CONTEXT
    COLUMNS = (Column("when", QT_TRANSLATE_NOOP("SharedBackups", "Made")),
               Column("kind", QT_TRANSLATE_NOOP("SharedBackups", "Kind")),
               Column("size", QT_TRANSLATE_NOOP("SharedBackups", "Size")),
               Column("kept", QT_TRANSLATE_NOOP("SharedBackups", "Kept")))

    def row_id(self, row: BackupRow) -> str:
        return f"{row.laptop or ''}/{row.path}"

    def data(self, index, role: int = Qt.ItemDataRole.DisplayRole):
        if not self.valid(index) or role != Qt.ItemDataRole.DisplayRole:
            return None
        b: BackupRow = self.rows[index.row()]
        key = self.column_key(index.column())
        f = fmt.current()
        if key == "kept":
            return tr("On this laptop") if b.laptop is None else fmt.fill(tr("On %1"), b.laptop)
        if key == "when":
            return f"{f.date(b.when.date())} {f.digits(b.when.strftime('%H:%M'))}"
        if key == "kind":
            return {"daily": tr("Automatic"), "manual": tr("Made by hand"),
                    "before-restore": tr("Before a restore")}.get(b.reason, b.reason)
        return megabytes(b.size)


def megabytes(size: int) -> str:
    return fmt.fill(tr("%1 MB"), fmt.current().decimal(size / 1_000_000, 1))


class SharedBackupsDialog(QDialog):
    """The backups of a shared shop kept on this laptop (see the module's notes)."""

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from kpidesk.ui.screen import keep_on_screen

        keep_on_screen(self)
        self.ctx = ctx
        self.store = ctx.store
        self.folder = shared_folder_of(self.store)
        self.setObjectName("sharedBackupsDialog")
        self.resize(760, 440)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tools_label = QLabel(self)
        self.tools_label.setObjectName("sharedBackupsTools")
        self.tools_label.setWordWrap(True)
        self.tools_label.setStyleSheet("color: #b00020; font-weight: bold;")
        self.mark_label = QLabel(self)
        self.mark_label.setObjectName("sharedBackupsMark")
        self.mark_label.setWordWrap(True)
        self.model = SharedBackupsModel(self)
        self.view = row_list(self, self.model, "sharedBackupsTable")
        self.total_label = QLabel(self)
        self.total_label.setObjectName("sharedBackupsTotal")
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.backup_button = QPushButton(self)
        self.restore_button = QPushButton(self)
        self.open_button = QPushButton(self)
        self.choose_button = QPushButton(self)
        self.choose_button.setObjectName("sharedBackupsChoose")
        self.close_button = QPushButton(self)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.open_button.clicked.connect(self.open_folder)
        self.choose_button.clicked.connect(self.choose_folder)
        self.close_button.clicked.connect(self.accept)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        row = QHBoxLayout()
        for button in (self.backup_button, self.restore_button, self.open_button,
                       self.choose_button):
            row.addWidget(button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        for widget in (self.intro, self.tools_label, self.mark_label):
            layout.addWidget(widget)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.total_label)
        layout.addWidget(self.message)
        layout.addLayout(row)
        self.check = self._check_tools()
        self.retranslate_ui()
        self.refresh()

    def _check_tools(self) -> pg_backup.ToolCheck:
        # the server lost: the tools are judged alone
        return pg_backup.check_tools(pg_backup.server_major_of(str(self.store.location)))

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("Backups of the shared shop"))
        f = fmt.current()
        self.intro.setText(fmt.fill(
            tr("Each day the first laptop to open the shared shop backs it up (%1 daily and "
               "%2 monthly backups are kept). This laptop keeps its backups in %3."),
            f.integer(pg_backup.KEEP_DAILY), f.integer(pg_backup.KEEP_MONTHLY),
            str(self.folder)))
        self.tools_label.setText(tools_text(self.check))
        self.tools_label.setVisible(bool(self.check.problem))
        self.backup_button.setText(tr("&Back up now"))
        self.restore_button.setText(tr("&Restore…"))
        self.open_button.setText(tr("&Open folder"))
        self.choose_button.setText(tr("Choose &folder…"))
        self.close_button.setText(tr("&Close"))
        self.model.retranslate()
        self.refresh()

    def refresh(self) -> None:
        backups = pg_backup.list_shared(self.folder)
        try:
            recorded = pg_backup.records(str(self.store.location))
        except ServerError:  # the server lost: this laptop's own backups still show
            recorded = []
        self.model.set_rows(backup_rows(self.folder, recorded))
        self.view.resizeColumnsToContents()
        f = fmt.current()
        self.total_label.setText(fmt.fill(tr("Backups on this laptop: %1, taking %2."),
                                          f.integer(len(backups)),
                                          megabytes(sum(b.size for b in backups))))
        try:
            mark = pg_backup.read_mark(str(self.store.location))
        except ServerError:
            mark = None
        self.mark_label.setText(
            fmt.fill(tr("The last automatic backup: %1, taken by the laptop “%2”."),
                     f.date(mark.day), mark.by) if mark else
            tr("No automatic backup of the shared shop has been taken yet."))
        usable = self.check.problem is None
        self.backup_button.setEnabled(usable)
        self.restore_button.setEnabled(usable and bool(backups))

    def _selection_changed(self, *_args) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.laptop is not None:
            self.message.setText(fmt.fill(
                tr("This backup is kept on the laptop “%1”, in %2: restore it from there."),
                chosen.laptop, str(chosen.path.parent)))
        else:
            self.message.clear()
        self.restore_button.setEnabled(self.check.problem is None and chosen is not None
                                       and chosen.laptop is None)

    def selected(self) -> BackupRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()] if rows else None

    def _run(self, label: str, work):
        from kpidesk.ui.long_work import run_with_progress

        return run_with_progress(self, self.windowTitle(), label, lambda _p: work(), busy=True)

    def back_up_now(self) -> Path | None:
        url = str(self.store.location)

        def work() -> Path:
            return pg_backup.take(url, self.folder, "manual")  # checked, then recorded

        try:
            made = self._run(tr("Making a backup of the shared shop…"), work)
        except (StoreError, OSError) as err:
            self._failed(err)
            return None
        self.message.setText(fmt.fill(tr("Backup made: %1."), made.name))
        self.refresh()
        return made

    def restore_question(self, chosen: BackupRow) -> str:
        f = fmt.current()
        return fmt.fill(tr("Put back the shared shop as it was on %1?\n\nThis replaces the "
                           "shop's data on the server for everyone: sales entered on any "
                           "laptop since then are lost. Ask the others to stop entering "
                           "sales first. A backup of the shop as it is now is made before."),
                        f"{f.date(chosen.when.date())} {f.digits(chosen.when.strftime('%H:%M'))}")

    def restore_selected(self) -> bool:
        chosen = self.selected()
        if chosen is None:
            self.message.setText(tr("Choose a backup in the list first."))
            return False
        if chosen.laptop is not None:
            self._selection_changed()  # says where it is kept
            return False
        answer = QMessageBox.warning(
            self, tr("Restore the shared shop?"), self.restore_question(chosen),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        if not self.ctx.require_owner(self, "backups"):
            return False
        url = str(self.store.location)

        def work() -> None:
            pg_backup.take(url, self.folder, "before-restore")
            pg_backup.restore(url, chosen.path)

        try:
            self._run(tr("Putting the shared shop back…"), work)
        except (StoreError, OSError) as err:
            self._failed(err)
            return False
        self.store.announce(EVERYTHING)  # every view reads the shop again
        self.message.setText(tr("The shared shop was put back."))
        self.refresh()
        return True

    def choose_folder(self) -> Path | None:
        """The owner picks where this laptop keeps the shared shop's backups (a network
        share, a USB stick): remembered on the server for this laptop and this shop."""
        chosen = ""
        with self.ctx.owner_session(self, "backups") as allowed:
            if not allowed:
                return None
            chosen = QFileDialog.getExistingDirectory(self, tr("Backup folder"),
                                                      str(self.folder))
            if chosen:
                try:
                    self.store.set_setting(pg_backup.folder_key(), chosen)
                except (StoreError, OSError) as err:
                    self._failed(err)
                    return None
        if not chosen:
            return None
        self.folder = Path(chosen)
        self.retranslate_ui()
        return self.folder

    def open_folder(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder)))

    def _failed(self, err: Exception) -> None:
        from kpidesk.ui.messages import store_error_text

        log.warning("shared backup or restore failed: %s", err)
        QMessageBox.warning(self, tr("Backup failed"),
                            store_error_text(err, self.store.server_url or ""))
