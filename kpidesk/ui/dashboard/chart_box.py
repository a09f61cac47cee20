"""The dashboard's charts, made after the first paint.

The charts need pyqtgraph and NumPy (a few hundred ms to import), so a page first shows
a white box (`ChartPlaceholder`) where each chart goes; the first time a box is painted
every chart is made at once (or earlier, when code calls `ensure()`), in the boxes'
places and sizes. The data of each chart is kept until its chart exists, so a refresh
never waits for pyqtgraph.
"""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QSplitter, QWidget

from kpidesk.ui.names import object_name
from kpidesk.ui.plots.placeholder import ChartPlaceholder

SMALL_CHARTS = {"chanceChart": 80}  # minimum heights of charts lower than the usual


def _chart_classes() -> dict[str, type]:
    from kpidesk.ui.insight.charts import ChanceChart  # pyqtgraph: imported once, here
    from kpidesk.ui.plots import charts

    return {"revenueChart": charts.RevenueChart, "growthChart": charts.GrowthChart,
            "stageChart": charts.StageChart, "chanceChart": ChanceChart}


class LazyCharts(QObject):
    """Every chart of the dashboard by object name; placeholders until they are made."""

    def __init__(self, owner: QWidget, on_made: Callable[[], None]) -> None:
        super().__init__(owner)
        self.owner = owner
        self.on_made = on_made  # texts of the new charts (the owner's language)
        self.charts: dict[str, QWidget] = {}
        self.data: dict[str, tuple] = {}  # set_data arguments of each chart, kept
        self.empty: dict[str, str] = {}  # why a chart has nothing to show ("" if it has)
        self.made = False
        self._scheduled = False
        self._placeholders: dict[str, ChartPlaceholder] = {}

    def box(self, name: str) -> QWidget:
        """The chart `name` when charts are made already (a page built late), else a white
        box of its size that asks for the charts when first painted."""
        if self.made:
            return self._make(name)
        placeholder = ChartPlaceholder(None, self.schedule)
        placeholder.setObjectName(object_name(name, "placeholder"))
        if name in SMALL_CHARTS:  # as low as the chart itself may be
            placeholder.setMinimumHeight(SMALL_CHARTS[name])
        self._placeholders[name] = placeholder
        return placeholder

    def _make(self, name: str) -> QWidget:
        chart = _chart_classes()[name]()
        chart.setObjectName(name)
        if name in SMALL_CHARTS:  # a strip: the window's minimum height stays as it was
            chart.setMinimumHeight(SMALL_CHARTS[name])
        self.charts[name] = chart
        if name in self.data:
            self._apply(name)
        return chart

    def schedule(self) -> None:
        """A placeholder has been painted: make the charts once that paint is on screen."""
        if not self.made and not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(0, self, self._after_paint)

    def _after_paint(self) -> None:
        self._scheduled = False
        if self.owner.isVisible():  # not a window closed meanwhile (its shop file may be closed)
            self.ensure()

    def ensure(self) -> None:
        """Make the charts in the placeholders' places, with the data kept (no store
        access)."""
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

    def set_data(self, name: str, *args) -> None:
        """Keep the data of chart `name` and show it now if the chart is made."""
        self.data[name] = args
        if name in self.charts:
            self._apply(name)

    def set_empty(self, name: str, text: str) -> None:
        self.empty[name] = text
        if name in self.charts and shiboken6.isValid(self.charts[name]):
            self.charts[name].set_empty_text(text)

    def _apply(self, name: str) -> None:
        if not shiboken6.isValid(self.charts[name]):  # its window is being destroyed
            return
        self.charts[name].set_data(*self.data[name])
        self.charts[name].set_empty_text(self.empty.get(name, ""))

    def get(self, name: str) -> QWidget:
        self.ensure()
        return self.charts[name]
