"""The Sales tab's filter bar: period (a month, all dates or a range), salesperson and a
search text, with the count and total of what is shown and the Edit / Delete buttons.

It owns no table: it says `filter_changed` and the tab hands the filter to the model.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.store.errors import ValidationError
from kpidesk.ui.messages import validation_text
from kpidesk.ui.models.sales_model import SalesFilter
from kpidesk.ui.widgets import DateEdit, ErrorLabel

tr = translator("SalesTab")


def fill_combo(combo: QComboBox, items: list[tuple[object, str]]) -> None:
    """Refill a combo box, keeping the chosen value when it is still there (no signals)."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    for value, text in items:
        combo.addItem(text, value)
    index = combo.findData(current)
    combo.setCurrentIndex(index if index >= 0 else 0)
    combo.blockSignals(False)


class SalesFilterBar(QWidget):
    filter_changed = Signal()  # read `current_filter()`
    edit_clicked = Signal()
    delete_clicked = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._month_range: tuple[str | None, str | None] = (None, None)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.period_label = QLabel(self)
        self.period_combo = QComboBox(self)
        self.period_combo.setObjectName("filterPeriod")
        self.from_edit = DateEdit(self, optional=True)
        self.to_edit = DateEdit(self, optional=True)
        self.from_edit.setMaximumWidth(110)
        self.to_edit.setMaximumWidth(110)
        self.from_edit.hide()
        self.to_edit.hide()
        self.salesperson_filter_label = QLabel(self)
        self.salesperson_filter = QComboBox(self)
        self.salesperson_filter.setObjectName("filterSalesperson")
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("filterText")
        self.search_edit.setClearButtonEnabled(True)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("salesSummary")
        self.edit_button = QPushButton(self)
        self.edit_button.clicked.connect(self.edit_clicked)
        self.delete_button = QPushButton(self)
        self.delete_button.clicked.connect(self.delete_clicked)
        self.filter_error = ErrorLabel(self)

        self.period_label.setBuddy(self.period_combo)
        self.salesperson_filter_label.setBuddy(self.salesperson_filter)
        for w in (self.period_label, self.period_combo, self.from_edit, self.to_edit,
                  self.salesperson_filter_label, self.salesperson_filter, self.search_edit,
                  self.filter_error):
            layout.addWidget(w)
        layout.addWidget(self.summary_label, 1)
        layout.addWidget(self.edit_button)
        layout.addWidget(self.delete_button)
        self.search_edit.setMinimumWidth(200)

        self._search_timer = QTimer(self)  # typing: filter once the user pauses
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.filter_changed)
        self.search_edit.textChanged.connect(lambda _t: self._search_timer.start())
        self.period_combo.currentIndexChanged.connect(self._on_period_changed)
        self.salesperson_filter.currentIndexChanged.connect(lambda _i: self.filter_changed.emit())
        self.from_edit.editingFinished.connect(self.filter_changed)
        self.to_edit.editingFinished.connect(self.filter_changed)

    def retranslate_ui(self) -> None:
        self.period_label.setText(tr("Period:"))  # its access key went to the form's Discount
        self.salesperson_filter_label.setText(tr("Sold &by:"))
        self.search_edit.setPlaceholderText(tr("Search customer, phone, product, receipt"))
        self.edit_button.setText(tr("Edit…"))
        self.edit_button.setToolTip(tr("Open the selected sale in the form (Enter)"))
        self.delete_button.setText(tr("Delete"))
        self.delete_button.setToolTip(tr("Delete the selected sales (Delete key)"))
        self.from_edit.setToolTip(tr("From (day/month/year)"))
        self.to_edit.setToolTip(tr("To (day/month/year)"))
        for widget in (self.from_edit, self.to_edit):
            widget.retranslate_ui()

    def set_salespeople(self, people: list[tuple[int | None, str]]) -> None:
        fill_combo(self.salesperson_filter,
                   [(None, tr("Everyone")), (0, tr("No salesperson")), *people])

    def set_date_span(self, first: str | None, last: str | None, today: str) -> None:
        """The months from the first sale to the last (or today, if later)."""
        last = max(last or today, today)
        first = first or today
        self._month_range = (first, last)
        months: list[str] = []
        y, m = int(last[:4]), int(last[5:7])
        while f"{y:04d}-{m:02d}" >= first[:7]:
            months.append(f"{y:04d}-{m:02d}")
            y, m = (y, m - 1) if m > 1 else (y - 1, 12)
        items: list[tuple[object, str]] = [("all", tr("All dates"))]
        items += [(key, fmt.current().month(key)) for key in months]
        items.append(("custom", tr("From – to…")))
        fill_combo(self.period_combo, items)

    def covers(self, first: str | None, last: str | None) -> bool:
        """Whether the months listed cover sales from `first` to `last`."""
        low, high = self._month_range
        return not first or (low is not None and first >= low and (last or "") <= (high or ""))

    def _on_period_changed(self, _index: int) -> None:
        custom = self.period_combo.currentData() == "custom"
        self.from_edit.setVisible(custom)
        self.to_edit.setVisible(custom)
        self.filter_changed.emit()

    def current_filter(self) -> SalesFilter | None:
        """The filter chosen, or None after showing what is wrong with the range typed."""
        self.filter_error.clear_error()
        period = self.period_combo.currentData()
        flt = SalesFilter(salesperson_id=self.salesperson_filter.currentData(),
                          text=self.search_edit.text())
        if isinstance(period, str) and len(period) == 7:
            y, m = int(period[:4]), int(period[5:7])
            nxt = date(y + (m == 12), m % 12 + 1, 1)
            flt.date_from = f"{period}-01"
            flt.date_to = date.fromordinal(nxt.toordinal() - 1).isoformat()
        elif period == "custom":
            try:
                flt.date_from = self.from_edit.iso("date")
                flt.date_to = self.to_edit.iso("date")
            except ValidationError as err:
                self.filter_error.show_error(validation_text(err))
                return None
        return flt

    def show_summary(self, summary: tuple[int, int, str] | None, loaded: int,
                     more: bool) -> None:
        """'N lines · total' (or 'N lines found' / 'N+ lines found' while a search pages)."""
        f = fmt.current()
        if summary is None:
            text = fmt.fill(tr("%1+ lines found") if more else tr("%1 lines found"),
                            f.integer(loaded))
        else:
            lines, revenue, currency = summary
            text = fmt.fill(tr("%1 lines · %2"), f.integer(lines), f.figure(revenue, currency))
        self.summary_label.setText(text)
