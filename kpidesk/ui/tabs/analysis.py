"""Analysis tab: sales of a period broken down by product, category, salesperson, channel,
payment method, customer, day, weekday or hour (KPI.md §1), with gross profit and a
comparison period; a chart beside the table; the sale lines of the row clicked; export
and print (the owner's, as every export and print). The choices are remembered.

Reads `kpidesk.metrics.analysis` only (no SQL here). The chart's axes are in
`kpidesk/ui/plots/axes.py`.
"""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QDate, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import QT_TRANSLATE_NOOP, translator
from kpidesk.metrics import analysis, basket, breakdown_lines
from kpidesk.metrics.periods import add_months, month_key
from kpidesk.ui.models.analysis_model import (
    BASKET,
    SORT_ROLE,
    AnalysisModel,
    SaleLinesModel,
    key_label,
)
from kpidesk.ui.plots.axes import FigureAxis, NameAxis
from kpidesk.ui.tabs.base import Tab
from kpidesk.ui.widgets import SortArrowHeader

CONTEXT = "AnalysisTab"


tr = translator(CONTEXT)


KINDS = (
    ("month", QT_TRANSLATE_NOOP("AnalysisTab", "Month")),
    ("quarter", QT_TRANSLATE_NOOP("AnalysisTab", "Quarter")),
    ("year", QT_TRANSLATE_NOOP("AnalysisTab", "Year")),
    ("range", QT_TRANSLATE_NOOP("AnalysisTab", "Dates from … to")),
)
COMPARES = (
    ("none", QT_TRANSLATE_NOOP("AnalysisTab", "Nothing")),
    ("previous", QT_TRANSLATE_NOOP("AnalysisTab", "The period before")),
    ("year_before", QT_TRANSLATE_NOOP("AnalysisTab", "The same period a year before")),
)
BREAKDOWNS = (
    ("product", QT_TRANSLATE_NOOP("AnalysisTab", "Product")),
    ("category", QT_TRANSLATE_NOOP("AnalysisTab", "Category")),
    ("salesperson", QT_TRANSLATE_NOOP("AnalysisTab", "Salesperson")),
    ("channel", QT_TRANSLATE_NOOP("AnalysisTab", "Channel")),
    ("payment", QT_TRANSLATE_NOOP("AnalysisTab", "Payment method")),
    ("customer", QT_TRANSLATE_NOOP("AnalysisTab", "Customer")),
    ("day", QT_TRANSLATE_NOOP("AnalysisTab", "Day")),
    (BASKET, QT_TRANSLATE_NOOP("AnalysisTab", "Orders and basket, by day")),
    ("weekday", QT_TRANSLATE_NOOP("AnalysisTab", "Weekday")),
    ("hour", QT_TRANSLATE_NOOP("AnalysisTab", "Hour")),
    ("branch", QT_TRANSLATE_NOOP("AnalysisTab", "Branch")),
)
# the chart's axis of names says what they are: the breakdown's name, or its time unit
AXIS_NAMES = {
    "day": QT_TRANSLATE_NOOP("AnalysisTab", "Day of the month"),
    "weekday": QT_TRANSLATE_NOOP("AnalysisTab", "Day of the week"),
    "hour": QT_TRANSLATE_NOOP("AnalysisTab", "Hour of the day"),
}
AMOUNT_AXIS = {
    "USD": QT_TRANSLATE_NOOP("AnalysisTab", "Revenue in US dollars"),
    "KHR": QT_TRANSLATE_NOOP("AnalysisTab", "Revenue in riel"),
}
AXIS_LABEL_COLOUR = "#444444"  # darker than the ticks: the axis's name is read first
CHART_BARS = 10  # bars of a breakdown by name (the largest); day, weekday, hour: all
SETTINGS = "analysis/"


class AnalysisTab(Tab):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._loading = True
        self.model = AnalysisModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.lines_model = SaleLinesModel(self)
        self.result: analysis.Breakdown | None = None

        self.kind_label = QLabel(self)
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("analysisKind")
        self.kind_label.setBuddy(self.kind_combo)
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("analysisPeriod")
        self.from_label, self.to_label = QLabel(self), QLabel(self)
        self.from_edit, self.to_edit = QDateEdit(self), QDateEdit(self)
        for edit, label in ((self.from_edit, self.from_label), (self.to_edit, self.to_label)):
            edit.setCalendarPopup(True)
            label.setBuddy(edit)
        self.compare_label = QLabel(self)
        self.compare_combo = QComboBox(self)
        self.compare_combo.setObjectName("analysisCompare")
        self.compare_label.setBuddy(self.compare_combo)
        self.by_label = QLabel(self)
        self.by_combo = QComboBox(self)
        self.by_combo.setObjectName("analysisBy")
        self.by_label.setBuddy(self.by_combo)
        self.export_button = QPushButton(self)
        self.export_button.setObjectName("analysisExport")
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("analysisPrint")
        self.writes.add(self.export_button, self.print_button)

        bar = QHBoxLayout()
        for w in (self.kind_label, self.kind_combo, self.period_combo, self.from_label,
                  self.from_edit, self.to_label, self.to_edit):
            bar.addWidget(w)
        bar.addSpacing(12)
        bar.addWidget(self.compare_label)
        bar.addWidget(self.compare_combo)
        bar.addSpacing(12)
        bar.addWidget(self.by_label)
        bar.addWidget(self.by_combo)
        bar.addStretch(1)
        bar.addWidget(self.export_button)
        bar.addWidget(self.print_button)

        self.summary = QLabel(self)
        self.summary.setObjectName("analysisSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)

        self.table = QTableView(self)
        self.table.setObjectName("analysisTable")
        self.table.setHorizontalHeader(SortArrowHeader(self.table))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.lines_title = QLabel(self)
        self.lines_table = QTableView(self)
        self.lines_table.setObjectName("analysisLines")
        self.lines_table.setModel(self.lines_model)
        self.lines_table.verticalHeader().hide()
        self.lines_table.horizontalHeader().setStretchLastSection(True)
        self.lines_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.axis = NameAxis()
        self.chart = pg.PlotWidget(axisItems={"left": self.axis, "bottom": FigureAxis()})
        self.chart.setObjectName("analysisChart")
        self.chart.setBackground("w")
        self.chart.setMenuEnabled(False)
        self.chart.setMouseEnabled(x=False, y=False)
        self.chart.hideButtons()
        self.bars: pg.BarGraphItem | None = None

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 3)
        left_layout.addWidget(self.lines_title)
        left_layout.addWidget(self.lines_table, 2)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(self.chart)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([820, 500])

        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

        self.retranslate_ui()
        self._restore_choices()
        self._loading = False
        self.kind_combo.currentIndexChanged.connect(self._on_kind_changed)
        for signal in (self.period_combo.currentIndexChanged,
                       self.compare_combo.currentIndexChanged,
                       self.by_combo.currentIndexChanged, self.from_edit.dateChanged,
                       self.to_edit.dateChanged):
            signal.connect(self.refresh)
        self.table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        self.export_button.clicked.connect(self.export_table)
        self.print_button.clicked.connect(self.print_table)
        self.refresh()

    # -- texts ------------------------------------------------------------------------
    def title(self) -> str:
        return tr("Analysis")

    def retranslate_ui(self) -> None:
        self.kind_label.setText(tr("Pe&riod:"))
        self.from_label.setText(tr("Fro&m:"))
        self.to_label.setText(tr("&To:"))
        self.compare_label.setText(tr("Compare &with:"))
        self.by_label.setText(tr("Break down &by:"))
        self.export_button.setText(tr("E&xport…"))
        self.print_button.setText(tr("&Print…"))
        for combo, items in ((self.kind_combo, KINDS), (self.compare_combo, COMPARES),
                             (self.by_combo, BREAKDOWNS)):
            _fill(combo, [(key, tr(text)) for key, text in items])
        self._fill_periods()
        self.model.retranslate()
        self.lines_model.retranslate()
        if not self._loading:
            self.refresh()

    def _fill_periods(self) -> None:
        """The periods of the chosen kind from the first sale to today, newest first."""
        f = fmt.current()
        today = self.ctx.today()
        first = analysis.first_sale_day(self.ctx.store) or today
        first = min(first, today)
        kind = self.kind_combo.currentData() or "month"
        items: list[tuple[str, str]] = []
        if kind == "month":
            key = month_key(today)
            while key >= month_key(first):
                items.append((key, f.month(key)))
                key = add_months(key, -1)
        elif kind == "quarter":
            year, q = today.year, (today.month - 1) // 3 + 1
            while (year, q) >= (first.year, (first.month - 1) // 3 + 1):
                items.append((f"{year}-Q{q}", fmt.fill(tr("Quarter %1 of %2"),
                                                       f.integer(q), f.digits(str(year)))))
                year, q = (year, q - 1) if q > 1 else (year - 1, 4)
        elif kind == "year":
            items = [(str(y), f.digits(str(y))) for y in range(today.year, first.year - 1, -1)]
        _fill(self.period_combo, items)
        ranged = kind == "range"
        self.period_combo.setVisible(not ranged)
        for w in (self.from_label, self.from_edit, self.to_label, self.to_edit):
            w.setVisible(ranged)

    def _on_kind_changed(self) -> None:
        self._fill_periods()
        self.refresh()

    # -- choices ------------------------------------------------------------------------
    def _restore_choices(self) -> None:
        s = self.ctx.settings
        _select(self.kind_combo, s.value(SETTINGS + "kind", "month"))
        self._fill_periods()
        _select(self.period_combo, s.value(SETTINGS + "period", ""))
        _select(self.compare_combo, s.value(SETTINGS + "compare", "previous"))
        _select(self.by_combo, s.value(SETTINGS + "by", "product"))
        today = self.ctx.today()
        start = str(s.value(SETTINGS + "from", today.replace(day=1).isoformat()))
        end = str(s.value(SETTINGS + "to", today.isoformat()))
        self.from_edit.setDate(QDate.fromString(start, Qt.DateFormat.ISODate))
        self.to_edit.setDate(QDate.fromString(end, Qt.DateFormat.ISODate))

    def _save_choices(self) -> None:
        s = self.ctx.settings
        s.setValue(SETTINGS + "kind", self.kind_combo.currentData())
        s.setValue(SETTINGS + "period", self.period_combo.currentData() or "")
        s.setValue(SETTINGS + "compare", self.compare_combo.currentData())
        s.setValue(SETTINGS + "by", self.by_combo.currentData())
        s.setValue(SETTINGS + "from", self.from_edit.date().toString(Qt.DateFormat.ISODate))
        s.setValue(SETTINGS + "to", self.to_edit.date().toString(Qt.DateFormat.ISODate))

    def period(self) -> analysis.DateRange | None:
        if self.kind_combo.currentData() == "range":
            start = self.from_edit.date().toPython()
            end = self.to_edit.date().toPython()
            if end < start:
                start, end = end, start
            return analysis.DateRange(f"{start.isoformat()}..{end.isoformat()}", start, end)
        key = self.period_combo.currentData()
        return analysis.parse_range(key) if key else None

    def compare_period(self, period: analysis.DateRange) -> analysis.DateRange | None:
        choice = self.compare_combo.currentData()
        if choice == "previous":
            return analysis.previous_range(period)
        if choice == "year_before":
            return analysis.year_before_range(period)
        return None

    def open_analysis(self, by: str, period_key: str | None = None) -> None:
        """Show one breakdown (the dashboard's cards call this): of `period_key`, a month
        by default the current one."""
        self._loading = True
        _select(self.kind_combo, "month")
        self._fill_periods()
        if period_key:
            _select(self.period_combo, period_key)
        _select(self.by_combo, by)
        self._loading = False
        self.refresh()

    # -- figures ------------------------------------------------------------------------
    def on_data_changed(self, topics: set[str]) -> None:
        if topics & {"sales", "settings", "contacts"}:
            self.refresh()

    def refresh(self) -> None:
        if self._loading:
            return
        period = self.period()
        by = self.by_combo.currentData() or "product"
        if period is None:
            self.result = None
            self.model.set_rows(by, [], self.ctx.store.reporting_currency, False)
            self.summary.setText(tr("No sales yet: enter a sale and it shows here."))
            return
        self._save_choices()
        # orders and basket: the days, with their basket and items per order (no comparison:
        # another period's days have other dates)
        compare = self.compare_period(period) if by != BASKET else None
        self.result = analysis.breakdown(self.ctx.store, "day" if by == BASKET else by,
                                         period, self.ctx.today(), compare=compare)
        self.model.basket = {b.day: b for b in basket.orders_and_basket(
            self.ctx.store, period, self.ctx.today())} if by == BASKET else {}
        self.model.set_rows(by, self.result.rows, self.result.currency, compare is not None)
        if by in ("day", "weekday", "hour", BASKET):  # in time order; the others, largest first
            self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        else:
            self.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        self.table.resizeColumnsToContents()
        self._show_summary()
        self._draw_chart()
        self.lines_model.set_rows([], self.result.currency)
        self.lines_title.setText(tr("Click a row to see its sale lines."))

    def _show_summary(self) -> None:
        f = fmt.current()
        r = self.result
        if r is None or r.total is None:
            self.summary.setText(tr("This period has not started: no figures yet."))
            return
        if analysis.first_sale_day(self.ctx.store) is None:
            self.summary.setText(tr("No sales yet: enter a sale and it shows here."))
            return
        t = r.total
        parts = [fmt.fill(tr("Revenue %1"), f.figure(t.revenue, r.currency)),
                 fmt.fill(tr("Orders %1"), f.integer(t.orders))]
        if t.gross_profit is not None:
            parts.append(fmt.fill(tr("Gross profit %1 (margin %2; cost known for %3 of "
                                     "revenue)"), f.figure(t.gross_profit, r.currency),
                                  f.percent(t.gross_margin), f.percent(t.cost_coverage)))
        else:
            parts.append(tr("Gross profit: enter unit costs in Settings to see it"))
        parts.append(fmt.fill(tr("Discounts %1"), f.figure(t.discounts, r.currency)))
        parts.append(fmt.fill(tr("Refunds %1"), f.figure(-t.refunds, r.currency)))
        if r.upto is not None and r.upto < r.period.end:
            parts.append(fmt.fill(tr("up to %1"), f.date(r.upto)))
        if r.previous_total is not None and r.compare is not None:
            parts.append(fmt.fill(tr("compared period %1"),
                                  f.figure(r.previous_total.revenue, r.currency)))
        self.summary.setText(" · ".join(parts))

    def _draw_chart(self) -> None:
        plot = self.chart.getPlotItem()
        if self.bars is not None:
            plot.removeItem(self.bars)
            self.bars = None
        rows = list(self.result.rows) if self.result else []
        by = self.result.by if self.result else "product"
        if by not in ("day", "weekday", "hour"):
            rows = rows[:CHART_BARS]
        f = fmt.current()
        names = [f.digits(str(int(r.key[8:]))) if by == "day" and r.key else
                 _short(key_label(by, r)) for r in rows]
        self.axis.set_names(names)
        self._label_axes(by)
        plot.getAxis("bottom").setStyle(showValues=bool(rows))  # no 0 0 1 1 on an empty chart
        if not rows:
            return
        values = [(self.model.chart_value(r) or 0) / (100 if self.result.currency == "USD"
                                                       else 1) for r in rows]
        # horizontal bars, the first row on top: names stay readable in both languages
        self.bars = pg.BarGraphItem(x0=0, y=list(range(len(rows))), width=values, height=0.7,
                                    brush="#2f6db5", pen=None)
        plot.addItem(self.bars)
        plot.invertY(True)
        plot.setYRange(-0.6, len(rows) - 0.4, padding=0)
        low, high = min(0.0, *values), max(0.0, *values)
        plot.setXRange(low, high * 1.05 if high > 0 else 1, padding=0)

    def _label_axes(self, by: str) -> None:
        """The names' axis says what they are, the bars' axis the currency."""
        names = AXIS_NAMES.get(by) or dict(BREAKDOWNS).get(by, "")
        currency = self.result.currency if self.result else self.ctx.store.reporting_currency
        self.axis.setLabel(tr(names), color=AXIS_LABEL_COLOUR)
        self.chart.getPlotItem().getAxis("bottom").setLabel(tr(AMOUNT_AXIS.get(currency, "")),
                                                            color=AXIS_LABEL_COLOUR)

    def axis_labels(self) -> tuple[str, str]:
        """(names' axis, amounts' axis) as shown: for tests and screen readers."""
        plot = self.chart.getPlotItem()
        return self.axis.labelText, plot.getAxis("bottom").labelText

    def _on_row_changed(self, current, _previous) -> None:
        if self.result is None or not current.isValid():
            return
        row = self.model.row_at(self.proxy.mapToSource(current).row())
        if row is None:
            return
        lines = breakdown_lines.lines_of(self.ctx.store, self.result.by, row.key, self.result.period,
                                  self.ctx.today())
        self.lines_model.set_rows(lines, self.result.currency)
        self.lines_table.resizeColumnsToContents()
        f = fmt.current()
        self.lines_title.setText(fmt.fill(tr("Sale lines of %1 (the latest %2)"),
                                          key_label(self.result.by, row),
                                          f.integer(len(lines))))

    # -- export and print (the owner's) -------------------------------------------------
    def export_table(self) -> None:
        window = self.window()
        if hasattr(window, "export_table") and not self.writes.refuse():
            window.export_table(self.table)

    def document_html(self) -> str:
        """The table as HTML, for printing."""
        from html import escape

        r = self.result
        if r is not None and ".." in r.period.key:
            f = fmt.current()
            when = f"{f.date(r.period.start)} – {f.date(r.period.end)}"
        else:
            when = self.period_combo.currentText()
        title = escape(f"{tr('Analysis')} — {self.by_combo.currentText()} — {when}")
        head = "".join(f"<th>{escape(str(self.model.headerData(c, Qt.Orientation.Horizontal)))}"
                       "</th>" for c in range(self.model.columnCount()))
        body = []
        for i in range(self.proxy.rowCount()):
            cells = "".join(
                f"<td align='{'right' if c else 'left'}'>"
                f"{escape(str(self.proxy.index(i, c).data() or ''))}</td>"
                for c in range(self.proxy.columnCount()))
            body.append(f"<tr>{cells}</tr>")
        return (f"<h2>{title}</h2><p>{escape(self.summary.text())}</p>"
                f"<table border='1' cellspacing='0' cellpadding='3'><tr>{head}</tr>"
                f"{''.join(body)}</table>")

    def print_table(self) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

        if self.writes.refuse():
            return
        with self.ctx.owner_session(self, "report") as allowed:
            if not allowed:
                return
            document = QTextDocument(self)
            document.setHtml(self.document_html())
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintPreviewDialog(printer, self)
            dialog.paintRequested.connect(document.print_)
            dialog.exec()
            dialog.deleteLater()


def _fill(combo: QComboBox, items: list[tuple[str, str]]) -> None:
    """Replace a combo's items, keeping the chosen key."""
    chosen = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for key, text in items:
        combo.addItem(text, key)
    index = combo.findData(chosen)
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)


def _select(combo: QComboBox, key: object) -> None:
    index = combo.findData(key)
    if index >= 0:
        combo.setCurrentIndex(index)


def _short(text: str, width: int = 16) -> str:
    return text if len(text) <= width else text[:width - 1] + "…"

