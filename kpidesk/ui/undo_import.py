"""Undo of an import in the app: Edit ▸ Undo right after it, the wizard's Done page and
File ▸ Imports….

The owner sees what will go (and, when some of the import's records were changed
since, which ones, to remove them too or keep them) before anything is removed.
The removal runs on a thread on its own connection to the shop file, with a
progress dialog whose Cancel interrupts it: the store is then as before.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QThread
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n.format import current
from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.tr import translator
from kpidesk.store import imports, security
from kpidesk.store.db import Store
from kpidesk.store.errors import StoreError
from kpidesk.store.topics import Topic
from kpidesk.ui.context import AppContext

log = logging.getLogger("kpidesk")
T = TypeVar("T")



tr = translator("UndoImport")


def kind_text(kind: str) -> str:
    return {"sales": tr("sales"), "contacts": tr("contacts"),
            "opportunities": tr("opportunities"), "targets": tr("targets"),
            "all": tr("a whole shop")}.get(kind, kind)


def added_text(record: imports.ImportRecord) -> str:
    """What an import added, in words ("300 sales lines in 150 orders, 82 new customers")."""
    fmt = current()
    a = record.added
    parts = []
    if a.get("lines"):
        parts.append(fill_in(tr("%1 sales lines in %2 orders"), fmt.integer(a["lines"]), fmt.integer(a.get("orders", 0))))
    if a.get("contacts"):
        parts.append(fill_in(tr("%1 new customers") if record.kind in ("sales", "all")
                      else tr("%1 contacts"), fmt.integer(a["contacts"])))
    if a.get("opportunities"):
        parts.append(fill_in(tr("%1 opportunities"), fmt.integer(a["opportunities"])))
    if a.get("targets"):
        parts.append(fill_in(tr("%1 targets"), fmt.integer(a["targets"])))
    return ", ".join(parts) if parts else tr("nothing new")


def describe_changed(row: imports.ChangedRow) -> tuple[str, str]:
    """(what, how it is now) of a record changed since its import."""
    fmt = current()
    f = row.fields
    if row.kind == "order":
        parts = [fmt.date(f["date"])]
        if f.get("number"):
            parts.append(f["number"])
        if f.get("customer"):
            parts.append(f["customer"])
        if f.get("amount") is not None:
            parts.append(fmt.money(f["amount"], f["currency"]))
        return tr("Sale"), " · ".join(parts)
    if row.kind == "contact":
        return tr("Contact"), " · ".join(p for p in (f["name"], f.get("phone")) if p)
    if row.kind == "opportunity":
        return tr("Opportunity"), " · ".join(
            (f["title"], fmt.money(f["value"], f["currency"])))
    value = (fmt.money(f["value"], f["currency"]) if f.get("currency")
             else fmt.integer(f["value"]))
    return tr("Target"), " · ".join(p for p in (fmt.month(f["period"]), f.get("salesperson"),
                                                  value) if p)


class UndoImportDialog(QDialog):
    """Asks before an import is undone; lists the records changed since, if any.

    `choice` after exec(): "remove" (everything the import added), "keep" (all but
    the changed records) or None (cancelled)."""

    def __init__(self, record: imports.ImportRecord, changed: list[imports.ChangedRow],
                 n_changed: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("undoImportDialog")
        self.setWindowTitle(tr("Undo import"))
        self.choice: str | None = None
        fmt = current()
        layout = QVBoxLayout(self)
        text = fill_in(tr("Undo the import of %1 (%2, %3)? It removes what the import added: %4."), record.file_name, kind_text(record.kind), fmt.date(record.at[:10]), added_text(record))
        self.summary = QLabel(text)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.changed_table: QTableWidget | None = None
        if n_changed:
            note = QLabel(fill_in(tr("%1 of these records were changed after the import. Remove them "
                             "too, or keep them (and the customers and names they use)?"), fmt.integer(n_changed)))
            note.setWordWrap(True)
            layout.addWidget(note)
            table = QTableWidget(len(changed), 2)
            table.setObjectName("changedRows")
            table.setHorizontalHeaderLabels([tr("Record"), tr("Now")])
            table.verticalHeader().hide()
            table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
            for r, row in enumerate(changed):
                for c, value in enumerate(describe_changed(row)):
                    table.setItem(r, c, QTableWidgetItem(value))
            layout.addWidget(table, 1)
            self.changed_table = table
            if n_changed > len(changed):
                layout.addWidget(QLabel(fill_in(tr("… and %1 more."), fmt.integer(n_changed - len(changed)))))
        buttons = QHBoxLayout()
        buttons.addStretch()
        self.remove_button = QPushButton(tr("&Undo import") if not n_changed
                                         else tr("&Remove them too"))
        self.keep_button = QPushButton(tr("&Keep the changed ones"))
        self.keep_button.setVisible(bool(n_changed))
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setDefault(True)
        self.remove_button.clicked.connect(lambda: self._choose("remove"))
        self.keep_button.clicked.connect(lambda: self._choose("keep"))
        self.cancel_button.clicked.connect(self.reject)
        for b in (self.remove_button, self.keep_button, self.cancel_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.resize(640, 420 if n_changed else 160)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()


class _Job(QThread):
    """One piece of store work on its own connection, interruptible."""

    def __init__(self, db_path, work: Callable[[Store], object]) -> None:
        super().__init__()
        self.db_path, self.work = db_path, work
        self.result: object = None
        self.error: BaseException | None = None
        self.store: Store | None = None
        self.cancelled = False
        self.touched: set[Topic] = set()  # what the work committed, for the app's views

    def run(self) -> None:
        try:
            with Store(self.db_path) as store:
                self.store = store
                try:
                    self.result = self.work(store)
                finally:
                    self.touched = set(store.touched)
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread
            self.error = exc
        finally:
            self.store = None

    def cancel(self) -> None:
        self.cancelled = True
        store = self.store
        if store is not None:
            store.interrupt()  # the transaction rolls back


def run_with_progress(parent: QWidget | None, label: str, store: Store,
                      work: Callable[[Store], T]) -> T | None:
    """Run `work(other)` on a thread, on another connection to `store`'s file, with a
    progress dialog; None if cancelled. An error raised by `work` is raised here. What
    it committed is announced on `store`, so the views hear it."""
    job = _Job(store.location, work)
    dialog = QProgressDialog(label, tr("Cancel"), 0, 0, parent)
    dialog.setObjectName("undoImportProgress")
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(400)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(job.cancel)
    loop = QEventLoop()
    job.finished.connect(loop.quit)
    job.start()
    dialog.setValue(0)
    if not job.isFinished():
        loop.exec()
    job.wait()
    dialog.canceled.disconnect(job.cancel)  # closing the dialog emits canceled
    dialog.close()
    dialog.deleteLater()
    store.announce(job.touched)
    if job.cancelled:
        return None
    if job.error is not None:
        raise job.error
    return job.result  # type: ignore[return-value]


def undo_import_interactive(ctx: AppContext, parent: QWidget | None, import_id: int) -> bool:
    """Ask, then undo one import; True when it was undone."""
    try:
        record = imports.get_import(ctx.store, import_id)
    except StoreError:
        return False
    if record.undone_at:
        QMessageBox.information(parent, tr("Undo import"),
                                tr("This import was already undone."))
        return False
    changed, n_changed = imports.changed_since(ctx.store, import_id, limit=500)
    dialog = UndoImportDialog(record, changed, n_changed, parent)
    dialog.exec()
    choice = dialog.choice
    dialog.deleteLater()
    if choice is None:
        return False
    # Undoing an import deletes records: with an owner PIN, that is the owner's.
    with ctx.owner_session(parent, "delete") as allowed:
        if not allowed:
            return False
        typed = security.has_pin(ctx.store)

    def work(store: Store) -> imports.UndoResult:
        with security.owner_session(store, with_pin=typed):  # the PIN was asked above
            return imports.undo_import(store, import_id, keep_changed=choice == "keep")

    try:
        result = run_with_progress(parent, tr("Removing what the import added…"),
                                   ctx.store, work)
    except StoreError as exc:
        from kpidesk.store.errors import WriteFailedError
        from kpidesk.ui.messages import write_failed_text

        log.warning("undo of import %s failed: %s", import_id, exc)
        QMessageBox.warning(parent, tr("Undo import"), write_failed_text(exc)
                            if isinstance(exc, WriteFailedError)
                            else tr("The import could not be undone. Nothing was changed."))
        return False
    return result is not None
