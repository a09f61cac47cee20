"""The Insight tab's charts: the revenue bridge as a waterfall (each bar clickable: it
opens the customers or days behind it) and the chance of making the target day by day."""

from __future__ import annotations

from html import escape

import pyqtgraph as pg
from PySide6.QtCore import Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from kpidesk.i18n import format as fmt
from kpidesk.i18n.money_axis import MoneyAxis
from kpidesk.store.money import to_major
from kpidesk.ui.plots.axes import CategoryAxis, PercentAxis
from kpidesk.ui.plots.charts import BAR, TARGET
from kpidesk.ui.plots.hover import HoverPlot

UP = QColor("#3a9a5b")
DOWN = QColor("#c0392b")


class WaterfallChart(HoverPlot):
    """Start bar, one floating bar per component (green up, red down), end bar."""

    bar_clicked = Signal(int)  # index of a component bar (0 = the first component)

    def __init__(self, parent: QWidget | None = None) -> None:
        self.names_axis = CategoryAxis()
        self.amount_axis = MoneyAxis()
        super().__init__(self.names_axis, self.amount_axis, parent)
        self.bars = pg.BarGraphItem(x=[], y0=[], height=[], width=0.6, brushes=[],
                                    pen=pg.mkPen(None))
        self.getPlotItem().addItem(self.bars)
        self.values: list[int] = []  # start, components…, end (minor units)
        self.names: list[str] = []
        self.currency = "USD"
        self.scene().sigMouseClicked.connect(self._clicked)

    def set_data(self, names: list[str], start: int, components: list[int], end: int,
                 currency: str) -> None:
        self.currency = self.amount_axis.currency = currency
        self.amount_axis.setStyle(showValues=bool(names))  # no amounts on an empty chart
        self.values = [start, *components, end] if names else []
        self.names = list(names)
        self.names_axis.set_names(self.names)
        self.count = len(self.values)
        if not self.values:
            self.bars.setOpts(x=[], y0=[], height=[], brushes=[])
            return
        major = [float(to_major(v, currency)) for v in self.values]
        level = major[0]
        bottoms, heights, brushes = [0.0], [major[0]], [BAR]
        for value in major[1:-1]:
            bottoms.append(level if value >= 0 else level + value)
            heights.append(abs(value))
            brushes.append(UP if value >= 0 else DOWN)
            level += value
        bottoms.append(0.0)
        heights.append(major[-1])
        brushes.append(BAR)
        self.bars.setOpts(x=list(range(len(major))), y0=bottoms, height=heights,
                          brushes=brushes)
        tops = [b + h for b, h in zip(bottoms, heights, strict=True)]
        top = max(tops + [1.0]) * 1.12
        floating = bottoms[1:-1] + [major[0], major[-1]]
        low = min(floating) * 0.8 if min(floating) > 0 else min(0.0, min(bottoms))
        self.getPlotItem().setXRange(-0.6, len(major) - 0.4, padding=0)
        self.getPlotItem().setYRange(low, top, padding=0)

    def hover_html(self, index: int) -> str:
        if not (0 <= index < len(self.values)):
            return ""
        f = fmt.current()
        value = self.values[index]
        if 0 < index < len(self.values) - 1:
            text = ("+" if value >= 0 else "-") + f.figure(abs(value), self.currency)
        else:
            text = f.figure(value, self.currency)
        return f"{escape(self.names[index])} <b>{escape(text)}</b>"

    def _clicked(self, event) -> None:
        vb = self.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(event.scenePos()) or not self.values:
            return
        index = int(round(vb.mapSceneToView(event.scenePos()).x()))
        if 0 < index < len(self.values) - 1:
            self.bar_clicked.emit(index - 1)


class ChanceChart(HoverPlot):
    """The chance of making the target as of each day of the month (did we drift?)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.days_axis = CategoryAxis()
        super().__init__(self.days_axis, PercentAxis(), parent)
        self.setMinimumHeight(120)
        self.line = pg.PlotDataItem([], [], pen=pg.mkPen(TARGET, width=2), symbol="o",
                                    symbolSize=5, symbolBrush=TARGET, symbolPen=pg.mkPen(TARGET),
                                    connect="finite")
        self.getPlotItem().addItem(self.line)
        self.points: list[tuple[str, float | None]] = []

    def set_data(self, points: list[tuple[str, float | None]]) -> None:
        self.points = list(points)
        f = fmt.current()
        self.days_axis.set_names([f.integer(int(day[8:10])) for day, _ in points])
        self.count = len(points)
        xs = list(range(len(points)))
        ys = [float("nan") if p is None else p * 100 for _d, p in points]
        if all(p is None for _d, p in points):  # nothing to draw (pyqtgraph warns on all-NaN)
            xs, ys = [], []
        self.line.setData(xs, ys)
        self.getPlotItem().setXRange(-0.5, max(len(points), 1) - 0.5, padding=0)
        self.getPlotItem().setYRange(0, 105, padding=0)

    def hover_html(self, index: int) -> str:
        if not (0 <= index < len(self.points)):
            return ""
        f = fmt.current()
        day, chance = self.points[index]
        return f"{escape(f.date(day))} <b>{escape(f.percent(chance, places=0))}</b>"
