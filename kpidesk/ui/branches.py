"""Branches in the app (KPI.md §7): File ▸ Bring in a branch file…, the sentences for the
branch name's and the sync's refusals, and the branch picker the dashboard shows when the
shop has more than one branch."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QMessageBox, QWidget

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.store import branches, security, sync
from kpidesk.store.db import Store, upgrade_if_needed
from kpidesk.store.errors import StoreError, ValidationError
from kpidesk.store.sales import has_orders
from kpidesk.store.topics import EVERYTHING
from kpidesk.ui.long_work import Cancelled, run_with_progress
from kpidesk.ui.messages import store_error_text

log = logging.getLogger("kpidesk")
tr = translator("Branches")
FOLDER_SETTING = "branch_file_folder"  # where the last branch file was picked (per user)


def name_error_text(err: ValidationError) -> str:
    """A refused branch name, in one sentence."""
    f = fmt.current()
    return {
        "empty": tr("Type the branch's name."),
        "too_long": fmt.fill(tr("A branch name has at most %1 characters."),
                             f.integer(branches.MAX_NAME)),
        "bad_characters": tr("A branch name cannot hold tabs or other control characters."),
        "taken": fmt.fill(tr("A branch called %1 was brought into this shop: choose another "
                             "name for this one."), str(err.params.get("name", ""))),
    }.get(err.code, tr("This branch name cannot be used."))


def sync_error_text(err: sync.SyncError, source: Path) -> str:
    params = err.params
    return {
        "no_branch_name": fmt.fill(tr("%1 has no branch name. On the branch's laptop, give it "
                                      "one in Settings ▸ Shop, then send the file again."),
                                   source.name),
        "same_branch": fmt.fill(tr("%1 has the same branch name as this shop (%2). Give each "
                                   "laptop's file its own branch name."),
                                source.name, str(params.get("branch", ""))),
        "same_shop": fmt.fill(tr("%1 is a copy of this shop, not a branch's file: there is "
                                 "nothing to bring in."), source.name),
        "other_file": fmt.fill(tr("Branch %1 was brought in from another shop file (%2). "
                                  "Nothing was changed: give this branch its own name."),
                               str(params.get("branch", "")), str(params.get("file", ""))),
    }.get(err.code, tr("The branch file could not be brought in. Nothing was changed."))


def result_text(result: sync.SyncResult) -> str:
    """What a sync did, in a few lines."""
    f = fmt.current()
    if not result.changed:
        return fmt.fill(tr("Branch %1: nothing new. This shop already had everything in the "
                           "file."), result.branch)
    lines = [fmt.fill(tr("Branch %1 brought in:"), result.branch)]
    names = {"orders": tr("Sales: %1 added, %2 changed, %3 deleted"),
             "contacts": tr("Customers and leads: %1 added, %2 changed, %3 deleted"),
             "opportunities": tr("Opportunities: %1 added, %2 changed, %3 deleted"),
             "calls": tr("Calls: %1 added, %2 changed, %3 deleted"),
             "targets": tr("Targets: %1 added, %2 changed, %3 deleted")}
    for kind, text in names.items():
        c = result.counts[kind]
        if c.changed:
            lines.append(fmt.fill(text, f.integer(c.added), f.integer(c.updated),
                                  f.integer(c.deleted)))
    kept = result.counts["contacts"].kept
    if kept:
        lines.append(fmt.fill(tr("%1 customers deleted in the branch were kept: other "
                                 "branches' sales name them."), f.integer(kept)))
    return "\n".join(lines)


def bring_in_branch_file(ctx, parent: QWidget | None) -> sync.SyncResult | None:
    """File ▸ Bring in a branch file…: pick the file (sent by USB stick or Telegram), give
    the owner PIN, back the shop up, then bring the file in on a thread with progress and
    Cancel. Returns what was done, None when nothing was."""
    store = ctx.store
    folder = str(ctx.settings.value(FOLDER_SETTING, "") or Path.home())
    picked, _ = QFileDialog.getOpenFileName(
        parent, tr("Bring in a branch file"), folder,
        tr("KPI Desk shop files (*.db);;All files (*)"))
    if not picked:
        return None
    source = Path(picked)
    ctx.settings.setValue(FOLDER_SETTING, str(source.parent))
    title = tr("Bring in a branch file")
    with ctx.owner_session(parent, "sync") as allowed:
        if not allowed:
            return None
        typed = security.has_pin(store)
    target = store.location  # a shop file, or a server's URL (its password included)
    backed_up: list[bool | None] = []  # None: the shop had no sales, nothing to keep

    def work(progress) -> sync.SyncResult:
        if not store.is_server and source.resolve() == Path(target).resolve():
            raise sync.SyncError("same_shop")
        upgrade_if_needed(source)  # a file of an older version (backed up first)
        with Store(source, read_only=True) as branch, Store(target) as head:
            sync.check(branch, head)  # a file that cannot come in: refused before a backup
            # the way back if the result is not wanted
            unchanged = sync.is_unchanged(branch, head)
            had_sales = has_orders(head) and not unchanged
            backed_up.append(sync.backup_first(head) is not None if had_sales else None)
            with security.owner_session(head, with_pin=typed):  # the PIN was asked above
                return sync.sync(branch, head, source_path=source, unchanged=unchanged,
                                 progress=lambda x: progress(0.1 + 0.9 * x))

    try:
        result = run_with_progress(parent, title, tr("Bringing in the branch file…"), work,
                                   cancel_text=tr("Cancel"))
    except Cancelled:
        return None
    except sync.SyncError as exc:
        if exc.code != "cancelled":
            QMessageBox.warning(parent, title, sync_error_text(exc, source))
        return None
    except (StoreError, OSError) as exc:
        log.warning("bringing in %s failed: %s", source, exc)
        QMessageBox.warning(parent, title, store_error_text(exc, source))
        return None
    store.announce(EVERYTHING)
    said = {True: tr("The shop was backed up first: File ▸ Backups puts it back as it was."),
            False: tr("No backup was made first: this laptop has no pg_dump (PostgreSQL's "
                      "client tools)."),
            None: ""}[backed_up[-1] if backed_up else None]
    QMessageBox.information(parent, title, result_text(result) + ("\n\n" + said if said
                                                                   else ""))
    return result


# -- the dashboard's branch picker --------------------------------------------------------
class BranchPicker(QWidget):
    """"All branches" or one branch, shown only when the shop has more than one. With a
    branch picked, `figures_store()` is a view of that branch's rows alone
    (`branches.open_view`), so every card shows that branch's figures."""

    branch_changed = Signal()

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.label = QLabel(self)
        self.combo = QComboBox(self)
        self.combo.setObjectName("branch")
        self.label.setBuddy(self.combo)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.combo)
        self._view: Store | None = None
        self._view_branch: str | None = None
        self._seen: tuple[int, int] | None = None  # the shop's state the list and view are of
        self.combo.currentIndexChanged.connect(self._picked)
        self.reload()
        self.retranslate_ui()

    def branch(self) -> str | None:
        """The branch picked, None for all of them."""
        return self.combo.currentData()

    def reload(self) -> None:
        """The shop's branches again (after a sync or a rename); hidden with one branch."""
        names = branches.branches(self.ctx.store)
        current = self.branch()
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem("", None)
        for name in names:
            self.combo.addItem(name, name)
        index = self.combo.findData(current) if current else 0
        self.combo.setCurrentIndex(max(0, index))
        self.combo.blockSignals(False)
        self.setVisible(len(names) > 1)
        self.retranslate_ui()
        if current and index < 0:
            self._picked()

    def shop_changed(self) -> None:
        """The shop's rows changed: the branch's store is made again when next read."""
        self._drop_view()
        self.reload()

    def _picked(self, *_: object) -> None:
        self._drop_view()
        self.branch_changed.emit()

    def _drop_view(self) -> None:
        if self._view is not None:
            self._view.close()
            self._view = None
        self._view_branch = None

    def _state(self) -> tuple[int, int]:
        """Changes since: this connection's commits, and other connections' (a sync or an
        import runs on its own)."""
        return branches.change_mark(self.ctx.store)

    def figures_store(self) -> Store:
        """The store the dashboard reads its figures from: the shop's, or a view of the
        picked branch's rows (the same rollups filtered by its code: as fast as the
        shop's figures; opened again after any change of the shop)."""
        state = self._state()
        if state != self._seen:
            self._seen = state
            self.shop_changed()
        name = self.branch()
        if name is None or self.isHidden():
            return self.ctx.store
        if self._view is None or self._view_branch != name:
            self._drop_view()
            try:
                self._view = branches.open_view(self.ctx.store, name)
            except (sync.SyncError, StoreError, OSError) as exc:
                log.warning("figures of branch %s failed: %s", name, exc)
                self.combo.blockSignals(True)
                self.combo.setCurrentIndex(0)  # back to every branch
                self.combo.blockSignals(False)
                return self.ctx.store
            self._view_branch = name
        return self._view

    def closeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        self._drop_view()
        super().closeEvent(event)

    def retranslate_ui(self, *_: object) -> None:
        self.label.setText(tr("&Branch:"))
        self.combo.setItemText(0, tr("All branches"))


def attach_branch_picker(tab, row: QHBoxLayout) -> BranchPicker:
    """The dashboard's hook: a picker at the end of its top row; picking a branch
    refreshes every card."""
    picker = BranchPicker(tab.ctx, tab)
    row.addWidget(picker)
    picker.branch_changed.connect(lambda: tab.refresh(lazy=True))
    # a bound slot: disconnected by Qt when the picker goes
    tab.ctx.language.language_changed.connect(picker.retranslate_ui)
    return picker
