"""The import wizard: file and kind → column mapping with a preview → validation report →
import the good rows (or cancel).

Validation and import run in a worker thread on their own connection to the
shop file, with a progress bar and Cancel; the store is written in one
transaction, so a cancelled import leaves it exactly as before. The mapping
used is remembered per source (same headers) in the shop's settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.io import mapping as mapping_mod
from kpidesk.io.importer import Report
from kpidesk.io.read_base import FileError
from kpidesk.io.readers import preview
from kpidesk.ui.context import AppContext
from kpidesk.ui.import_wizard.mapping_step import MappingStep
from kpidesk.ui.import_wizard.pages import CheckPage, DonePage, FilePage, MappingPage
from kpidesk.ui.import_wizard.run_step import RunStep
from kpidesk.ui.import_wizard.texts import field_label, kind_label
from kpidesk.ui.import_wizard.worker import _Worker
from kpidesk.ui.long_work import run_with_progress
from kpidesk.ui.messages import file_error_text
from kpidesk.ui.screen import keep_on_screen

CONTEXT = "Import"
PREVIEW_ROWS = 8

tr = translator("Import")


class ImportWizard(MappingStep, RunStep, QDialog):
    """File → mapping → validation → import. `ctx.store` must be a file-backed store."""

    imported = Signal(object)  # the Report of a committed import

    def __init__(self, ctx: AppContext, parent: QWidget | None = None,
                 kind: str = "sales") -> None:
        super().__init__(parent)
        keep_on_screen(self)  # inside a small laptop's screen, whatever it holds
        self.ctx = ctx
        self.setObjectName("importWizard")
        self.resize(900, 600)
        self.header: list[str] = []
        self.sample: list[tuple[int, list]] = []
        self.mapping: dict | None = None
        self.report: Report | None = None
        self.result: Report | None = None
        self._thread: QThread | None = None
        self._worker: _Worker | None = None
        self._command = None  # the import on the undo stack

        self.currency_decided = False  # the user answered how to tell dollars from riel
        self.mix_seen = False  # the amounts looked like both (sample or whole file)
        self.pages = QStackedWidget()
        self.file_page, self.mapping_page = FilePage(kind), MappingPage()
        self.check_page, self.done_page = CheckPage(), DonePage()
        for page in (self.file_page, self.mapping_page, self.check_page, self.done_page):
            self.pages.addWidget(page)
        self._name_page_widgets()
        self.browse_button.clicked.connect(self.browse)
        self.currency_combo.activated.connect(self._currency_chosen)
        self.currency_combo.currentIndexChanged.connect(self.refresh_preview)
        self.riel_from_edit.editingFinished.connect(self.refresh_preview)
        self.date_order_combo.currentIndexChanged.connect(self.refresh_preview)
        self.undo_import_button.clicked.connect(self.undo_import)

        self.back_button = QPushButton()
        self.next_button = QPushButton()
        self.next_button.setDefault(True)
        self.import_button = QPushButton()
        self.save_rejected_button = QPushButton()
        self.cancel_button = QPushButton()
        self.back_button.clicked.connect(self.back)
        self.next_button.clicked.connect(self.next)
        self.import_button.clicked.connect(self.start_import)
        self.save_rejected_button.clicked.connect(self.save_rejected)
        self.cancel_button.clicked.connect(self.cancel)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.progress, 1)
        buttons.addStretch()
        for b in (self.save_rejected_button, self.back_button, self.next_button,
                  self.import_button, self.cancel_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        self.title_label = QLabel()
        font = self.title_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.title_label.setFont(font)
        layout.addWidget(self.title_label)
        layout.addWidget(self.pages, 1)
        layout.addLayout(buttons)
        self.retranslate_ui()
        ctx.language.language_changed.connect(self.retranslate_ui)
        self.show_page(0)

    # -- pages ---------------------------------------------------------------
    def _name_page_widgets(self) -> None:
        """The wizard fills and reads the pages' widgets by these names."""
        f, m, c, d = self.file_page, self.mapping_page, self.check_page, self.done_page
        self.kind_combo, self.file_edit, self.browse_button = f.kind_combo, f.file_edit, \
            f.browse_button
        self.kind_label, self.file_label = f.kind_label, f.file_label
        self.file_hint, self.file_error = f.file_hint, f.file_error
        self.fields_grid, self.field_combos, self.field_labels = m.fields_grid, \
            m.field_combos, m.field_labels
        self.currency_combo, self.currency_label = m.currency_combo, m.currency_label
        self.riel_from_edit, self.riel_from_label = m.riel_from_edit, m.riel_from_label
        self.date_order_combo, self.date_order_label = m.date_order_combo, m.date_order_label
        self.currency_warning, self.mapping_error = m.currency_warning, m.mapping_error
        self.preview_label, self.preview_table = m.preview_label, m.preview_table
        self.check_summary, self.errors_table = c.check_summary, c.errors_table
        self.done_label, self.undo_hint = d.done_label, d.undo_hint
        self.undo_import_button = d.undo_import_button

    # -- texts ---------------------------------------------------------------
    def retranslate_ui(self, *_: object) -> None:
        self.setWindowTitle(tr("Import"))
        self.kind_label.setText(tr("&What to import:"))
        self.file_label.setText(tr("&File:"))
        for i, k in enumerate(mapping_mod.KINDS):
            self.kind_combo.setItemText(i, kind_label(k))
        self.browse_button.setText(tr("&Browse…"))
        self.file_hint.setText(tr("CSV (UTF-8, UTF-16; comma, semicolon or tab), XLSX, or a "
                                  ".gz of a CSV. Nothing is saved until you confirm."))
        self.currency_label.setText(tr("&Amounts that do not say their currency are:"))
        self._set_currency_texts()
        self.riel_from_label.setText(tr("riel from:"))
        self.currency_warning.setText(tr(
            "Some amounts look like dollars (with cents) and others like riel (whole "
            "thousands), and nothing in the file says which is which. Choose the column "
            "that gives the currency, or say here how to read them."))
        self.date_order_label.setText(fmt.fill(tr("Dates like %1 are:"),
                                               fmt.current().date_numeric("2026-02-01")))
        self.date_order_combo.setItemText(0, tr("day/month/year"))
        self.date_order_combo.setItemText(1, tr("month/day/year"))
        self.preview_label.setText(tr("The first rows as they will be stored:"))
        self.back_button.setText(tr("< &Back"))
        self.next_button.setText(tr("&Next >"))
        self.import_button.setText(tr("&Import the good rows"))
        self.save_rejected_button.setText(tr("&Save rejected rows…"))
        self.undo_import_button.setText(tr("&Undo import"))
        self.cancel_button.setText(tr("Cancel") if self.busy or self.pages.currentIndex() < 3
                                   else tr("Close"))
        self.errors_table.setHorizontalHeaderLabels(
            [tr("Line"), tr("Column"), tr("Value"), tr("Reason")])
        for f, label in self.field_labels.items():
            label.setText(field_label(f) + (" *" if self._required(f) else ""))
        if self.field_combos:
            for combo in self.field_combos.values():
                combo.setItemText(0, tr("— not in the file —"))
        self._update_title()
        if self.pages.currentIndex() == 1:
            self.refresh_preview()
        if self.report is not None:
            self._show_report()
        if self.result is not None:
            self._show_result()

    def _update_title(self) -> None:
        titles = [tr("Choose the file"), tr("Match the columns"), tr("Check the rows"),
                  tr("Done")]
        step = self.pages.currentIndex()
        self.title_label.setText(f"{fmt.current().integer(step + 1)}. {titles[step]}")

    # -- navigation ----------------------------------------------------------
    @property
    def kind(self) -> str:
        return self.kind_combo.currentData()

    @property
    def busy(self) -> bool:
        """Whether a file is being read, checked or imported (the wizard waits)."""
        return self._thread is not None or getattr(self, "_loading", False)

    def show_page(self, i: int) -> None:
        self.pages.setCurrentIndex(i)
        self.back_button.setVisible(i in (1, 2))
        self.next_button.setVisible(i in (0, 1))
        self.import_button.setVisible(i == 2)
        self.save_rejected_button.setVisible(i == 2)
        self.import_button.setEnabled(False)
        self.save_rejected_button.setEnabled(False)
        self.cancel_button.setText(tr("Close") if i == 3 else tr("Cancel"))
        self._update_title()

    def set_file(self, path: Path | str, kind: str | None = None) -> None:
        """Choose the file (and kind) as the Browse button would (also for tests)."""
        if kind:
            self.kind_combo.setCurrentIndex(mapping_mod.KINDS.index(kind))
        self.file_edit.setText(str(path))

    def browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, tr("Choose the file to import"), self.file_edit.text(),
            tr("Spreadsheets (*.csv *.xlsx *.txt *.tsv *.gz);;All files (*)"))
        if name:
            self.file_edit.setText(name)

    def back(self) -> None:
        if not self.busy:
            self.show_page(max(0, self.pages.currentIndex() - 1))
            if self.pages.currentIndex() == 1:
                self.refresh_preview()  # e.g. to ask about a mix of dollars and riel

    def next(self) -> None:
        if self.busy:
            return
        if self.pages.currentIndex() == 0:
            self._load_file()
        elif self.pages.currentIndex() == 1:
            self._start_check()

    def _load_file(self) -> None:
        path = Path(self.file_edit.text().strip())
        self._loading = True
        try:  # on a thread: a workbook's shared strings can take seconds to read (capped)
            self.header, self.sample = run_with_progress(
                self, tr("Import"), tr("Reading the file…"),
                lambda _progress: preview(path, PREVIEW_ROWS * 6))
        except FileError as exc:
            self.file_error.setText(file_error_text(exc))
            return
        except OSError as exc:
            self.file_error.setText(exc.strerror or str(exc))
            return
        finally:
            self._loading = False
        self.file_error.clear()
        self.path = path
        store = self.ctx.store
        self.mapping = mapping_mod.remembered(store, self.kind, self.header) or mapping_mod.guess(
            self.kind, self.header, [r for _, r in self.sample], store.reporting_currency)
        self._build_field_rows()
        self.show_page(1)
        self.refresh_preview()

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.stop.set()
            return
        self.reject() if self.pages.currentIndex() < 3 else self.accept()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt API
        if self._worker is not None:
            self._worker.stop.set()
            self._thread.quit()
            self._thread.wait()
        super().closeEvent(event)

    def reject(self) -> None:
        if self._worker is not None:
            self._worker.stop.set()
            return
        super().reject()
