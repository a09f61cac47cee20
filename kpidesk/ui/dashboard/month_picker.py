"""The dashboard's month picker: ◀ month ▶ (Alt+Left / Alt+Right), from the shop's first
sale (or 24 months back) to this month."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QToolButton, QWidget

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.metrics.periods import add_months, month_key
from kpidesk.store.db import Store
from kpidesk.store.sales import first_revenue_day

tr = translator("DashboardTab")


class MonthPicker(QWidget):
    month_picked = Signal(str)  # a month key chosen by the user

    def __init__(self, today: Callable[[], date], months_back: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.months_back = months_back
        self.prev_button = QToolButton(self)
        self.prev_button.setObjectName("previousMonth")
        self.prev_button.setArrowType(Qt.ArrowType.LeftArrow)
        self.prev_button.clicked.connect(lambda: self.step(-1))
        self.combo = QComboBox(self)
        self.combo.setObjectName("month")
        self.combo.setMinimumWidth(170)
        self.combo.currentIndexChanged.connect(self._picked)
        self.next_button = QToolButton(self)
        self.next_button.setObjectName("nextMonth")
        self.next_button.setArrowType(Qt.ArrowType.RightArrow)
        self.next_button.clicked.connect(lambda: self.step(1))
        self.prev_button.setShortcut(QKeySequence("Alt+Left"))
        self.next_button.setShortcut(QKeySequence("Alt+Right"))
        self.label = QLabel(self)
        self.label.setBuddy(self.combo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label)
        layout.addWidget(self.prev_button)
        layout.addWidget(self.combo)
        layout.addWidget(self.next_button)

    def retranslate_ui(self) -> None:
        f = fmt.current()
        self.label.setText(tr("&Month:"))
        self.prev_button.setToolTip(tr("Previous month (Alt+Left)"))
        self.next_button.setToolTip(tr("Next month (Alt+Right)"))
        for i in range(self.combo.count()):
            self.combo.setItemText(i, f.month(self.combo.itemData(i)))

    def month_range(self, store: Store, shown: str) -> list[str]:
        current = month_key(self.today())
        first = first_revenue_day(store)
        start = add_months(current, -(self.months_back - 1))
        if first and str(first)[:7] < start:
            start = str(first)[:7]
        months = []
        key = start
        while key <= current:
            months.append(key)
            key = add_months(key, 1)
        if shown not in months:
            months.append(shown)
            months.sort()
        return months

    def fill(self, store: Store, shown: str) -> None:
        """The months to pick from, with `shown` selected (no signal)."""
        months = self.month_range(store, shown)
        existing = [self.combo.itemData(i) for i in range(self.combo.count())]
        self.combo.blockSignals(True)
        if months != existing:
            self.combo.clear()
            f = fmt.current()
            for key in months:
                self.combo.addItem(f.month(key), key)
        self.combo.setCurrentIndex(self.combo.findData(shown))
        self.combo.blockSignals(False)
        index = self.combo.currentIndex()
        self.prev_button.setEnabled(index > 0)
        self.next_button.setEnabled(0 <= index < self.combo.count() - 1)

    def _picked(self, index: int) -> None:
        if index >= 0:
            self.month_picked.emit(self.combo.itemData(index))

    def step(self, step: int) -> None:
        index = self.combo.currentIndex() + step
        if 0 <= index < self.combo.count():
            self.combo.setCurrentIndex(index)
