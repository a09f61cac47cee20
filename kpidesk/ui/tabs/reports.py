"""Reports tab: choose month, language, currency and paper; live preview; print, preview, PDF."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal
from PySide6.QtPrintSupport import (
    QPrintDialog,
    QPrinter,
    QPrintPreviewDialog,
    QPrintPreviewWidget,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n.format import current
from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.language import number_style_from
from kpidesk.metrics.periods import add_months, month_key
from kpidesk.reports.data import ReportData, collect
from kpidesk.reports.monthly import PAPERS, MonthlyReport
from kpidesk.store import branches
from kpidesk.store.db import Store
from kpidesk.store.sales import date_span
from kpidesk.store.topics import Topic
from kpidesk.ui.screen import keep_on_screen
from kpidesk.ui.tabs.base import Tab


class Cancelled(Exception):
    pass


class _Signals(QObject):
    progress = Signal(int)
    done = Signal(object)
    failed = Signal(str)


class CollectJob(QRunnable):
    """Gathers the report's figures on a worker thread, over its own read-only connection."""

    def __init__(self, db_path: Path, month: str, today: date, currency: str,
                 branch: str | None = None) -> None:
        super().__init__()
        self.db_path, self.month, self.today, self.currency = db_path, month, today, currency
        self.branch = branch  # one branch's report (KPI.md §7); None: every branch
        self.signals = _Signals()
        self.cancelled = False

    def _progress(self, pct: int) -> None:
        if self.cancelled:
            raise Cancelled
        self.signals.progress.emit(pct)

    def run(self) -> None:
        try:
            with Store(self.db_path, read_only=True) as store:
                if self.branch is None:
                    data = collect(store, self.month, self.today, self.currency, self._progress)
                else:
                    from kpidesk.store.branches import branch_view

                    with branch_view(store, self.branch) as view:
                        data = collect(view, self.month, self.today, self.currency,
                                       self._progress)
                    data.branch = self.branch
            # the word segmenter's model (0.5 s to open in the bundle) loads here, off the
            # GUI thread, before the report is laid out on it
            from kpidesk.i18n.wordbreak import preload

            preload()
        except Cancelled:
            return
        except Exception as exc:  # reported to the user by the tab
            self.signals.failed.emit(str(exc))
            return
        if not self.cancelled:
            self.signals.done.emit(data)


class ReportsTab(Tab):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.report: MonthlyReport | None = None
        self.job: CollectJob | None = None
        self.stale = True
        self.month_label, self.lang_label = QLabel(), QLabel()
        self.currency_label, self.paper_label = QLabel(), QLabel()
        self.month_box = QComboBox()
        self.month_box.setObjectName("reportMonth")
        self.lang_box = QComboBox()
        self.lang_box.setObjectName("reportLanguage")
        self.lang_box.addItem("English", "en")
        self.lang_box.addItem("ខ្មែរ", "km")
        self.lang_box.setCurrentIndex(1 if ctx.language.lang == "km" else 0)
        self.currency_box = QComboBox()
        self.currency_box.setObjectName("reportCurrency")
        self.currency_box.addItem("", "USD")  # texts in retranslate_ui
        self.currency_box.addItem("", "KHR")
        self.currency_box.setCurrentIndex(0 if ctx.store.reporting_currency == "USD" else 1)
        self.branch_label = QLabel()
        self.branch_box = QComboBox()  # shown when the shop has several branches
        self.branch_box.setObjectName("reportBranch")
        self.paper_box = QComboBox()
        self.paper_box.setObjectName("reportPaper")
        for paper in PAPERS:
            self.paper_box.addItem(paper, paper)
        self.print_button = QPushButton()
        self.preview_button = QPushButton()
        self.pdf_button = QPushButton()
        self.pdf_button.setObjectName("savePdf")
        self.status = QLabel()
        self.status.setObjectName("reportStatus")
        self._status: tuple = ()  # what the status line says, rebuilt in each language

        self.printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.preview_printer: QPrinter | None = None  # the print preview dialog's
        self.preview = QPrintPreviewWidget(self.printer, self)
        self.preview.setObjectName("reportPreview")
        self.preview.paintRequested.connect(self._paint)

        controls = QHBoxLayout()
        for label, box in ((self.month_label, self.month_box), (self.lang_label, self.lang_box),
                           (self.currency_label, self.currency_box),
                           (self.branch_label, self.branch_box),
                           (self.paper_label, self.paper_box)):
            label.setBuddy(box)
            controls.addWidget(label)
            controls.addWidget(box)
        controls.addStretch()
        for button in (self.preview_button, self.print_button, self.pdf_button):
            controls.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.status)
        layout.addWidget(self.preview, 1)

        self._fill_months()
        self._fill_branches()
        for box in (self.month_box, self.lang_box, self.currency_box, self.paper_box,
                    self.branch_box):
            box.currentIndexChanged.connect(self.refresh)
        self.print_button.clicked.connect(self.print_report)
        self.preview_button.clicked.connect(self.print_preview)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.retranslate_ui()

    # -- texts ---------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Reports")

    def retranslate_ui(self) -> None:
        self.month_label.setText(self.tr("&Month:"))
        self.lang_label.setText(self.tr("Lan&guage:"))
        self.currency_label.setText(self.tr("&Currency:"))
        self.paper_label.setText(self.tr("P&aper:"))
        self.branch_label.setText(self.tr("&Branch:"))
        if self.branch_box.count():
            self.branch_box.setItemText(0, self.tr("All branches"))
        self.print_button.setText(self.tr("&Print…"))
        self.preview_button.setText(self.tr("Print pre&view…"))
        self.pdf_button.setText(self.tr("&Save as PDF…"))
        self.print_button.setToolTip(self.tr("Print the report on a printer (Ctrl+P)"))
        self.preview_button.setToolTip(self.tr("See the pages as they will be printed"))
        self.pdf_button.setToolTip(self.tr("Save the report as a PDF file to send or keep"))
        self.currency_box.setItemText(0, self.tr("USD ($)"))
        self.currency_box.setItemText(1, self.tr("KHR (៛)"))
        for i in range(self.paper_box.count()):
            if self.paper_box.itemData(i) == "Letter":
                self.paper_box.setItemText(i, self.tr("Letter"))
        self._show_status()
        fmt = current()
        for i in range(self.month_box.count()):
            self.month_box.setItemText(i, fmt.month(self.month_box.itemData(i)))

    def _fill_months(self) -> None:
        today = self.ctx.today()
        this_month = month_key(today)
        first_day, _last = date_span(self.ctx.store)
        first = first_day[:7] if first_day else this_month
        self.month_box.blockSignals(True)
        self.month_box.clear()
        month = this_month
        while month >= first and self.month_box.count() < 120:
            self.month_box.addItem(current().month(month), month)
            month = add_months(month, -1)
        # managers print the month that just ended
        self.month_box.setCurrentIndex(1 if self.month_box.count() > 1 else 0)
        self.month_box.blockSignals(False)

    def _fill_branches(self) -> None:
        """Every branch and each one, when the shop has several (after a sync too)."""
        names = branches.branches(self.ctx.store)
        picked = self.branch_box.currentData()
        self.branch_box.blockSignals(True)
        self.branch_box.clear()
        self.branch_box.addItem(self.tr("All branches"), None)
        for name in names:
            self.branch_box.addItem(name, name)
        self.branch_box.setCurrentIndex(max(0, self.branch_box.findData(picked))
                                        if picked else 0)
        self.branch_box.blockSignals(False)
        several = len(names) > 1
        self.branch_label.setVisible(several)
        self.branch_box.setVisible(several)

    # -- data ----------------------------------------------------------------------
    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self.stale:
            self.refresh()

    def on_data_changed(self, _topics: set[Topic]) -> None:
        self.stale = True
        self._fill_branches()
        if self.isVisible():
            self.refresh()

    def selected_month(self) -> str:
        return self.month_box.currentData()

    def refresh(self) -> None:
        """Gather the figures on a worker thread, then lay out and preview the report."""
        if self.job is not None:
            self.job.cancelled = True
        month = self.selected_month()
        if not month:
            return
        self.stale = False
        self._set_status("preparing")
        job = CollectJob(self.ctx.store.location, month, self.ctx.today(),
                         self.currency_box.currentData(),
                         None if self.branch_box.isHidden() else self.branch_box.currentData())
        job.signals.done.connect(self._collected)
        job.signals.failed.connect(self._failed)
        self.job = job
        QThreadPool.globalInstance().start(job)

    def wait_until_ready(self, timeout_ms: int = 20000) -> bool:
        """For tests and printing: block until the pending report is ready."""
        QThreadPool.globalInstance().waitForDone(timeout_ms)
        from PySide6.QtCore import QCoreApplication

        QCoreApplication.processEvents()
        return self.report is not None and self.job is None

    def _collected(self, data: ReportData) -> None:
        if self.job is None or data.month != self.selected_month():
            return
        self.job = None
        self.report = MonthlyReport(data, self.lang_box.currentData(),
                                    self.paper_box.currentData(),
                                    style=number_style_from(self.ctx.settings))
        self.report.build()
        self.printer.setPageLayout(self.report.page_layout())
        self._set_status("pages", self.report.page_count())
        self.preview.updatePreview()

    def _failed(self, message: str) -> None:
        self.job = None
        self._set_status("failed", message)

    def _set_status(self, *status: object) -> None:
        self._status = status
        self._show_status()

    def _show_status(self) -> None:
        """The status line in the current language (kept as a key and its arguments)."""
        if not self._status:
            self.status.setText("")
            return
        kind, *args = self._status
        if kind == "preparing":
            text = self.tr("Preparing the report…")
        elif kind == "pages":
            count = int(args[0])
            text = (self.tr("One page") if count == 1 else
                    fill_in(self.tr("%1 pages"), current().integer(count)))
        elif kind == "failed":
            text = fill_in(self.tr("The report could not be prepared: %1"), str(args[0]))
        else:
            text = fill_in(self.tr("Saved %1"), str(args[0]))
        self.status.setText(text)

    def _paint(self, printer: QPrinter) -> None:
        if self.report is not None:
            self.report.paint(printer)

    # -- output ----------------------------------------------------------------------
    def _ready(self) -> bool:
        if self.report is None or self.job is not None:
            progress = QProgressDialog(self.tr("Preparing the report…"), self.tr("Cancel"),
                                       0, 0, self)
            progress.setMinimumDuration(300)
            if self.job is None:
                self.refresh()
            while self.job is not None and not progress.wasCanceled():
                QThreadPool.globalInstance().waitForDone(50)
                from PySide6.QtCore import QCoreApplication

                QCoreApplication.processEvents()
            progress.close()
            if progress.wasCanceled():
                if self.job is not None:
                    self.job.cancelled = True
                return False
        return self.report is not None

    def default_pdf_name(self) -> str:
        return f"kpidesk-report-{self.selected_month()}-{self.lang_box.currentData()}.pdf"

    def save_pdf(self) -> Path | None:
        # The report names customers (with phones): taking it out is the owner's.
        if not self._ready() or not self.ctx.require_owner(self, "report"):
            return None
        folder = self.ctx.settings.value("reports/last_folder", str(Path.home()))
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the report as PDF"), str(Path(folder) / self.default_pdf_name()),
            self.tr("PDF files (*.pdf)"))
        if not path:
            return None
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        try:
            self.report.write_pdf(Path(path))
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Not saved"),
                                fill_in(self.tr("The PDF could not be written: %1"), str(exc)))
            return None
        self.ctx.settings.setValue("reports/last_folder", str(Path(path).parent))
        self._set_status("saved", path)
        return Path(path)

    def print_report(self) -> None:
        if not self._ready() or not self.ctx.require_owner(self, "report"):
            return
        dialog = QPrintDialog(self.printer, self)
        if dialog.exec() == QPrintDialog.DialogCode.Accepted:
            self.report.paint(self.printer)

    def print_preview(self) -> None:
        if not self._ready() or not self.ctx.require_owner(self, "report"):  # it prints too
            return
        # A printer of its own: a printer keeps one set of preview pages, so a second
        # preview of the tab's printer would free the pages the tab's preview still draws
        # (a crash in QPicture::play on its next repaint).
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPrinterName(self.printer.printerName())
        printer.setPageLayout(self.printer.pageLayout())
        self.preview_printer = printer  # lives as long as the dialog that uses it
        dialog = QPrintPreviewDialog(printer, self)
        dialog.paintRequested.connect(self._paint)
        dialog.resize(900, 1000)  # a page's height where the screen has it
        keep_on_screen(dialog)
        self.preview_dialog = dialog  # tests look at it while it is open
        dialog.exec()
        self.preview_dialog = None
        dialog.deleteLater()
