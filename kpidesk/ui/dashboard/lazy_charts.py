"""The dashboard's charts, made just after the first paint.

pyqtgraph and NumPy cost a few hundred milliseconds to import: the dashboard first
shows white boxes of the charts' size (ChartPlaceholder); the first one painted asks
for the charts, which then take the boxes' places with the data the pages kept for
them. A page built later gets its chart at once.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QSplitter, QWidget

from kpidesk.ui.plots.placeholder import ChartPlaceholder

CHART_CLASSES = {"revenueChart": "RevenueChart", "growthChart": "GrowthChart",
                 "stageChart": "StageChart"}


class LazyCharts(QObject):
    """The charts of one dashboard: made on demand, fed data kept while they were not."""

    def __init__(self, owner: QWidget, on_made: Callable[[], None]) -> None:
        super().__init__(owner)
        self.owner = owner
        self.on_made = on_made  # called once the charts are made (their texts are set there)
        self.charts: dict[str, QWidget] = {}
        self._data: dict[str, tuple] = {}  # set_data arguments of each chart, kept
        self._empty: dict[str, str] = {}  # why a chart has nothing to show ("" if it has)
        self._placeholders: dict[str, ChartPlaceholder] = {}
        self._scheduled = False
        self.made = False

    def chart_or_placeholder(self, name: str) -> QWidget:
        """The chart `name` when charts are made already (a page built late), else a white
        box of its size that asks for the charts when first painted."""
        if self.made:
            return self._make(name)
        placeholder = ChartPlaceholder(None, self.schedule)
        placeholder.setObjectName(f"{name}Placeholder")
        self._placeholders[name] = placeholder
        return placeholder

    def _make(self, name: str) -> QWidget:
        from kpidesk.ui.plots import charts  # pyqtgraph and NumPy: a few hundred ms, once

        chart = getattr(charts, CHART_CLASSES[name])()
        chart.setObjectName(name)
        self.charts[name] = chart
        if name in self._data:
            self._apply(name)
        return chart

    def schedule(self) -> None:
        """A placeholder has been painted: make the charts once that paint is on screen."""
        if not self.made and not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self, self._after_paint)

    def _after_paint(self) -> None:
        self._scheduled = False
        if self.owner.isVisible():  # not a window closed meanwhile (its shop may be closed)
            self.ensure()

    def ensure(self) -> None:
        """Make the charts in the placeholders' places, with the data kept for them."""
        if self.made or not shiboken6.isValid(self.owner):
            return
        self.made = True
        for name, placeholder in self._placeholders.items():
            chart = self._make(name)
            holder = placeholder.parentWidget()
            if isinstance(holder, QSplitter):
                sizes = holder.sizes()  # as painted: the chart takes the box's place exactly
                holder.replaceWidget(holder.indexOf(placeholder), chart)
                holder.setSizes(sizes)
            else:
                holder.layout().replaceWidget(placeholder, chart)
            placeholder.hide()
            placeholder.deleteLater()
        self._placeholders.clear()
        self.on_made()

    def set_data(self, name: str, *args: object) -> None:
        """Keep the data of chart `name` and show it now if the chart is made."""
        self._data[name] = args
        if name in self.charts:
            self._apply(name)

    def set_empty_text(self, name: str, text: str) -> None:
        """Why chart `name` has nothing to show ("" when it has)."""
        self._empty[name] = text
        if name in self.charts:
            self.charts[name].set_empty_text(text)

    def _apply(self, name: str) -> None:
        self.charts[name].set_data(*self._data[name])
        self.charts[name].set_empty_text(self._empty.get(name, ""))
