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
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QStackedWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.format import current
from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.tr import translator
from kpidesk.io import mapping as mapping_mod
from kpidesk.io.exporter import write_table
from kpidesk.io.importer import (
    Importer,
    Report,
    RowError,
    currency_decided,
)
from kpidesk.io.read_base import FileError
from kpidesk.io.readers import preview
from kpidesk.store import imports, security
from kpidesk.store.errors import StoreError
from kpidesk.ui.commands.imports import push_import
from kpidesk.ui.context import AppContext
from kpidesk.ui.import_wizard.pages import CheckPage, DonePage, FilePage, MappingPage
from kpidesk.ui.import_wizard.texts import (
    _PREVIEW_FIELDS,
    _format_value,
    field_label,
    future_note,
    kind_label,
)
from kpidesk.ui.import_wizard.worker import _Worker
from kpidesk.ui.long_work import run_with_progress
from kpidesk.ui.messages import file_error_text, row_problem_text
from kpidesk.ui.names import object_name
from kpidesk.ui.screen import keep_on_screen
from kpidesk.ui.undo_import import undo_import_interactive

CONTEXT = "Import"
PREVIEW_ROWS = 8

tr = translator("Import")


class ImportWizard(QDialog):
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

    def _required(self, field: str) -> bool:
        return any(field in group for group in mapping_mod.REQUIRED[self.kind])

    def _build_field_rows(self) -> None:
        while self.fields_grid.count():
            item = self.fields_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.field_combos, self.field_labels = {}, {}
        cols = self.mapping.get("columns", {})
        fields = list(mapping_mod.FIELDS[self.kind])
        per_col = (len(fields) + 1) // 2
        for n, f in enumerate(fields):
            label = QLabel(field_label(f) + (" *" if self._required(f) else ""))
            combo = QComboBox()
            combo.setObjectName(object_name("map", f))
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            combo.addItem(tr("— not in the file —"), "")
            for h in self.header:
                combo.addItem(h, h)
            if cols.get(f) in self.header:
                combo.setCurrentIndex(self.header.index(cols[f]) + 1)
            combo.currentIndexChanged.connect(self.refresh_preview)
            label.setBuddy(combo)
            r, c = n % per_col, (n // per_col) * 2
            self.fields_grid.addWidget(label, r, c)
            self.fields_grid.addWidget(combo, r, c + 1)
            self.field_combos[f], self.field_labels[f] = combo, label
        opts = self.mapping.get("options", {})
        self.mix_seen = False
        self._remove_choose_item()
        rule = opts.get("currency_rule")
        self.currency_decided = bool(rule)
        choice = "by_size" if rule == "by_size" else (
            opts.get("currency") or self.ctx.store.reporting_currency)
        self.currency_combo.setCurrentIndex(max(0, self.currency_combo.findData(choice)))
        self.riel_from_edit.setText(current().digits(str(opts.get("riel_from") or 1000)))
        self.date_order_combo.setCurrentIndex(1 if opts.get("date_order") == "mdy" else 0)

    def current_mapping(self) -> dict:
        columns = {f: c.currentData() for f, c in self.field_combos.items() if c.currentData()}
        options = dict((self.mapping or {}).get("options", {}))
        choice = self.currency_combo.currentData()
        options["currency"] = choice if choice in ("USD", "KHR") else \
            options.get("currency") or self.ctx.store.reporting_currency
        options.pop("currency_rule", None)
        options.pop("riel_from", None)
        if choice == "by_size":
            options["currency_rule"] = "by_size"
            options["riel_from"] = self._riel_from()
        elif self.currency_decided and choice:
            options["currency_rule"] = "fixed"
        options["date_order"] = self.date_order_combo.currentData()
        return {"kind": self.kind, "columns": columns, "options": options}

    def refresh_preview(self, *_: object) -> None:
        if not self.field_combos:
            return
        m = self.current_mapping()
        fmt = current()
        importer = Importer(self.ctx.store, self.kind, m, today=self.ctx.today())
        try:
            # every sampled row is parsed (to see how its amounts look), the first shown
            rows = importer.preview(self.header, self.sample)[:PREVIEW_ROWS]
            self.mapping_error.clear()
            self.next_button.setEnabled(True)
        except FileError as exc:
            self.mapping_error.setText(file_error_text(exc))
            self.next_button.setEnabled(False)
            self.preview_table.setRowCount(0)
            return
        self._ask_currency_if_mixed(importer.preview_mix.mixed, currency_decided(m))
        unknown = self._undecided_lines(m, rows) if self.currency_warning.isVisible() else {}
        shown = [f for f in _PREVIEW_FIELDS[self.kind] if f in m["columns"]
                 or f in ("amount", "currency", "value")]
        self.preview_table.setColumnCount(len(shown) + 1)
        self.preview_table.setHorizontalHeaderLabels([tr("Line")] + [field_label(f)
                                                                     for f in shown])
        self.preview_table.setRowCount(len(rows))
        for r, (line, rec) in enumerate(rows):
            self.preview_table.setItem(r, 0, QTableWidgetItem(fmt.integer(line)))
            for c, f in enumerate(shown, start=1):
                if isinstance(rec, RowError):
                    text = (row_problem_text(rec.code) + f" ({rec.value})" if rec.value
                            else row_problem_text(rec.code)) if c == 1 else ""
                    item = QTableWidgetItem(text)
                    item.setForeground(QBrush(QColor("#b00020")))
                elif line in unknown and f in ("amount", "value", "currency"):
                    # the currency is the question being asked: the amount as written, "?"
                    item = QTableWidgetItem("?" if f == "currency" else unknown[line])
                    item.setForeground(QBrush(QColor("#8a4b00")))
                else:
                    item = QTableWidgetItem(_format_value(f, rec))
                self.preview_table.setItem(r, c, item)
        self.preview_table.resizeColumnsToContents()

    # -- amounts in dollars and riel ---------------------------------------------
    def _set_currency_texts(self) -> None:
        texts = {"USD": tr("in US dollars (USD)"), "KHR": tr("in riel (KHR)"),
                 "by_size": tr("riel from a size up, else dollars"),
                 None: tr("— choose —")}
        for i in range(self.currency_combo.count()):
            self.currency_combo.setItemText(i, texts[self.currency_combo.itemData(i)])
        by_size = self.currency_combo.currentData() == "by_size"
        self.riel_from_label.setVisible(by_size)
        self.riel_from_edit.setVisible(by_size)

    def _riel_from(self) -> int:
        from kpidesk.i18n.format import parse_decimal

        try:
            value = int(parse_decimal(self.riel_from_edit.text()))
        except (ValueError, ArithmeticError):
            return 1000
        return value if value > 0 else 1000

    def _remove_choose_item(self) -> None:
        i = self.currency_combo.findData(None)
        if i >= 0:
            self.currency_combo.blockSignals(True)
            self.currency_combo.removeItem(i)
            self.currency_combo.blockSignals(False)

    def _currency_chosen(self, index: int) -> None:
        """The user picked how amounts without a currency are read: that settles it."""
        if self.currency_combo.itemData(index) is None:
            return
        self.currency_decided = True
        self._remove_choose_item()
        self._set_currency_texts()
        self.refresh_preview()

    def _undecided_lines(self, mapping: dict, rows: list) -> dict[int, str]:
        """Lines whose amount says no currency (read once as dollars, once as riel, it
        differs) → the amount as written in the file."""
        other = {**mapping, "options": {**mapping["options"], "currency":
                 "KHR" if mapping["options"].get("currency") == "USD" else "USD"}}
        twice = Importer(self.ctx.store, self.kind, other, today=self.ctx.today()).preview(
            self.header, self.sample[:PREVIEW_ROWS])
        field_name = "value" if self.kind in ("opportunities", "targets") else "amount"
        column = mapping["columns"].get(field_name) or mapping["columns"].get("unit_price")
        i = self.header.index(column) if column in self.header else None
        raw = {line: row for line, row in self.sample[:PREVIEW_ROWS]}
        found = {}
        for (line, a), (_, b) in zip(rows, twice, strict=False):
            same = (isinstance(a, dict) and isinstance(b, dict)
                    and a.get("currency") == b.get("currency"))
            if not same and i is not None and isinstance(raw.get(line), list) \
                    and i < len(raw[line]):
                found[line] = str(raw[line][i])
        return found

    def _ask_currency_if_mixed(self, mixed_in_sample: bool, decided: bool) -> None:
        """Amounts that look like both dollars and riel, with no currency column and no
        answer yet: the wizard asks (an empty choice, Next disabled) instead of guessing."""
        self.mix_seen = self.mix_seen or mixed_in_sample
        asking = self.mix_seen and not decided
        self.currency_warning.setVisible(asking)
        if asking:
            if self.currency_combo.findData(None) < 0:
                self.currency_combo.blockSignals(True)
                self.currency_combo.insertItem(0, "", None)
                self.currency_combo.setCurrentIndex(0)
                self.currency_combo.blockSignals(False)
            self.next_button.setEnabled(False)
        else:
            self._remove_choose_item()
        self._set_currency_texts()

    # -- background work -----------------------------------------------------
    def _run(self, mode: str, owner: bool = False) -> None:
        self.progress.setValue(0)
        self.progress.show()
        self.back_button.setEnabled(False)
        self.next_button.setEnabled(False)
        self.import_button.setEnabled(False)
        self.save_rejected_button.setEnabled(False)
        self._mode = mode
        thread = QThread(self)
        worker = _Worker(self.ctx.store.path, self.kind, self.mapping, self.path, mode,
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
