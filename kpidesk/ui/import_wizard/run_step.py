"""The wizard's pages 3 and 4 at work (a mixin of ImportWizard): the check and the import
on the worker thread, their report and result, undo, and the rejected rows saved."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread
from PySide6.QtWidgets import QFileDialog, QTableWidgetItem

from kpidesk.i18n.format import current
from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.tr import translator
from kpidesk.io.exporter import write_table
from kpidesk.io.importer import Report
from kpidesk.store import imports, security
from kpidesk.store.errors import StoreError
from kpidesk.ui.commands.imports import push_import
from kpidesk.ui.import_wizard.texts import future_note
from kpidesk.ui.import_wizard.worker import _Worker
from kpidesk.ui.messages import row_problem_text
from kpidesk.ui.undo_import import undo_import_interactive

tr = translator("Import")


class RunStep:
    """Check the rows, import them: ImportWizard's pages 3 and 4 (needs the wizard's widgets)."""

    def _run(self, mode: str, owner: bool = False) -> None:
        self.progress.setValue(0)
        self.progress.show()
        self.back_button.setEnabled(False)
        self.next_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.save_rejected_button.setEnabled(False)
        self._mode = mode
        thread = QThread(self)
        worker = _Worker(self.ctx.store.location, self.kind, self.mapping, self.path, mode,
                         self.ctx.today(), owner)
        worker.moveToThread(thread)
        thread.started.connect(worker.run)
        worker.progress.connect(self.progress.setValue)
        worker.done.connect(self._on_done)
        worker.failed.connect(self._on_failed)
        worker.cancelled.connect(self._on_cancelled)
        for sig in (worker.done, worker.failed, worker.cancelled):
            sig.connect(thread.quit)
        self._thread, self._worker = thread, worker
        thread.start()

    def _finish_thread(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        self._thread, self._worker = None, None
        self.progress.hide()
        self.back_button.setEnabled(True)
        self.next_button.setEnabled(True)

    def _start_check(self) -> None:
        self.mapping = self.current_mapping()
        self.report = None
        self.errors_table.setRowCount(0)
        self.check_summary.setText(tr("Checking every row…"))
        self.show_page(2)
        self._run("check")

    def start_import(self) -> None:
        if self.busy or self.report is None:
            return
        if self.kind == "targets" and not self.ctx.require_owner(self, "import_targets"):
            self.check_summary.setText(tr("Nothing was imported: importing targets needs "
                                          "the owner's PIN."))
            return
        owner = False
        if self.report.owner_reason and security.has_pin(self.ctx.store):
            if not self.ctx.require_owner(self, self.report.owner_reason):
                self.check_summary.setText(tr("Nothing was imported: refunds and amounts "
                                              "below zero need the owner's PIN."))
                return
            owner = True
        self.check_summary.setText(tr("Importing…"))
        self._run("import", owner=owner)

    def _on_done(self, report: Report) -> None:
        self._finish_thread()
        if self._mode == "check":
            self.report = report
            self._show_report()
        else:
            self.result = report
            self.show_page(3)
            if report.committed:
                self.ctx.store.announce(report.topics)  # written on the worker's connection
                if report.import_id is not None:
                    self._command = push_import(self.ctx, report.import_id, self.path.name)
                self.imported.emit(report)
            self._show_result()

    def _on_failed(self, message: str) -> None:
        self._finish_thread()
        self.check_summary.setText(fill_in(tr("Nothing was imported: %1"), message))

    def _on_cancelled(self) -> None:
        self._finish_thread()
        self.check_summary.setText(tr("Cancelled. Nothing was imported."))
        self.import_button.setEnabled(self.report is not None and self._mode == "import")

    def _show_report(self) -> None:
        report = self.report
        fmt = current()
        if report.mixed_currency:
            self.mix_seen = True
            self.check_summary.setText(tr(
                "Some amounts look like dollars and others like riel, and nothing in the file "
                "says which is which. Go back and choose the currency column, or how to read "
                "amounts that do not say their currency."))
            self.errors_table.setRowCount(0)
            self.import_button.setEnabled(False)
            return
        text = fill_in(tr("%1 rows read: %2 good, %3 with errors."), fmt.integer(report.rows), fmt.integer(report.good), fmt.integer(report.bad))
        if report.bad:
            text += " " + tr("Import the good rows, or cancel, fix the file and import it "
                             "again (rows already imported are recognised and skipped).")
        text += future_note(report)
        self.check_summary.setText(text)
        self.errors_table.setRowCount(len(report.errors))
        for r, err in enumerate(report.errors):
            for c, value in enumerate((fmt.integer(err.line), err.column, err.value,
                                       row_problem_text(err.code))):
                self.errors_table.setItem(r, c, QTableWidgetItem(value))
        self.import_button.setEnabled(report.good > 0)
        self.save_rejected_button.setEnabled(bool(report.rejected))

    def _show_result(self) -> None:
        r = self.result
        fmt = current()
        undone = self._undone()
        self.undo_import_button.setVisible(r.committed and r.import_id is not None
                                           and not undone)
        self.undo_hint.setText("" if not r.committed or r.import_id is None else
                               tr("This import was undone: nothing it added is left in the "
                                  "shop.") if undone else
                               tr("Not what you expected? Undo import removes exactly the "
                                  "records this import added (also later with Edit ▸ Undo "
                                  "or File ▸ Import log)."))
        if not r.committed:
            self.done_label.setText(tr("Nothing was imported."))
            return
        added = r.added
        if self.kind == "sales":
            text = tr("Imported %1 sales lines in %2 orders; %3 new customers. "
                      "%4 orders were already in the shop and were skipped.")
            text = fill_in(text, fmt.integer(added.get("lines", 0)), fmt.integer(added.get("orders", 0)), fmt.integer(added.get("contacts", 0)), fmt.integer(added.get("duplicates", 0)))
        else:
            count = added.get(self.kind, 0)
            text = fill_in(tr("Imported %1 rows; %2 were already in the shop."), fmt.integer(count), fmt.integer(added.get("duplicates", 0)))
        if r.bad:
            text += " " + fill_in(tr("%1 rows with errors were left out."), fmt.integer(r.bad))
        if r.standalone_refunds:
            text += " " + fill_in(tr("%1 refunds were taken as returns of their own: their sale "
                                     "is not in the shop, or they give back other items than "
                                     "it sold."), fmt.integer(r.standalone_refunds))
        text += future_note(r)
        self.done_label.setText(text)

    def _undone(self) -> bool:
        r = self.result
        if r is None or r.import_id is None:
            return False
        try:
            return bool(imports.get_import(self.ctx.store, r.import_id).undone_at)
        except StoreError:
            return False

    def undo_import(self) -> bool:
        """The Done page's Undo import: the same as Edit ▸ Undo right after the import."""
        r = self.result
        if r is None or r.import_id is None or self._undone():
            return False
        stack = self.ctx.undo_stack
        command = self._command
        if command is not None and stack.index() > 0 and \
                stack.command(stack.index() - 1) is command:
            stack.undo()
        else:
            undo_import_interactive(self.ctx, self, r.import_id)
        self._show_result()
        return self._undone()

    def save_rejected(self, path: str | None = None) -> Path | None:
        """Write the rejected rows (with line and reason) to a CSV to fix and re-import."""
        if self.report is None or not self.report.rejected:
            return None
        if not path:
            default = self.path.with_name(self.path.name.split(".")[0] + "-rejected.csv")
            path, _ = QFileDialog.getSaveFileName(self, tr("Save rejected rows"), str(default),
                                                  tr("CSV (*.csv)"))
            if not path:
                return None
        reasons = {e.line: f"{e.column}: {row_problem_text(e.code)}" for e in self.report.errors}
        header = list(self.report.header) + [tr("line"), tr("problem")]
        rows = [list(raw) + [""] * (len(self.report.header) - len(raw))
                + [line, reasons.get(line, "")] for line, raw in self.report.rejected]
        write_table(path, header, rows)
        return Path(path)
