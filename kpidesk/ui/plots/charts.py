"""pyqtgraph charts of the dashboard: revenue vs target (with the trend
forecast band), growth %, pipeline by stage.

Importing this module imports pyqtgraph and NumPy (a few hundred ms): the
dashboard imports it only after its first paint (see ``placeholder.py``). The
conversion funnel, painted with QPainter alone, is in ``funnel.py``; the axes
in ``axes.py``; the plot with a hover label they build on in ``hover.py``.

Charts hold data, not texts: titles, axis labels and legend names are set by
the owning tab (``set_texts``) in its ``retranslate_ui()``; the hover label
translates its own few words with ``QCoreApplication.translate`` (context
"Chart"). Every number on the axes and in the hover label goes through
``kpidesk.i18n.format.current()`` (Khmer digits and month names).

Updating a chart calls ``setData``/``setOpts`` on items made once; nothing is
rebuilt on refresh.
"""

from __future__ import annotations

import math
from html import escape

import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from kpidesk.i18n import format as fmt
from kpidesk.i18n.money_axis import MoneyAxis
from kpidesk.i18n.tr import translator
from kpidesk.store.money import MINOR_DIGITS
from kpidesk.ui.plots.axes import CategoryAxis, MonthAxis, PercentAxis
from kpidesk.ui.plots.funnel import BAR, FunnelWidget  # noqa: F401 (FunnelWidget: old home)
from kpidesk.ui.plots.hover import HoverPlot

BAR_LIGHT = QColor(76, 120, 168, 110)
TARGET = QColor(245, 133, 24)
FORECAST = QColor(84, 162, 75)
GOOD = QColor(27, 127, 59)
BAD = QColor(179, 38, 30)


tr = translator("Chart")


def _line(label: str, value: str) -> str:
    return f"{escape(label)} <b>{escape(value)}</b>"


class RevenueChart(HoverPlot):
    """Monthly revenue bars, target markers joined by a line, and the trend
    forecast as a dashed line inside a shaded 80 % band."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.month_axis = MonthAxis()
        super().__init__(self.month_axis, MoneyAxis(), parent)
        item = self.getPlotItem()
        self.legend = item.addLegend(offset=(8, 2), labelTextSize="8pt",
                                     brush=pg.mkBrush(255, 255, 255, 215))
        self.legend.setColumnCount(3)
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=BAR, pen=pg.mkPen(None))
        item.addItem(self.bars)
        self.target_line = pg.PlotDataItem(
            [], [], pen=pg.mkPen(TARGET, width=2), symbol="o", symbolSize=6,
            symbolBrush=TARGET, symbolPen=pg.mkPen(TARGET), connect="finite")
        item.addItem(self.target_line)
        self.band_low = pg.PlotCurveItem([], [], pen=pg.mkPen(None))
        self.band_high = pg.PlotCurveItem([], [], pen=pg.mkPen(None))
        self.band = pg.FillBetweenItem(self.band_low, self.band_high,
                                       brush=pg.mkBrush(84, 162, 75, 55))
        item.addItem(self.band_low)
        item.addItem(self.band_high)
        item.addItem(self.band)
        # the month in progress: an outline up to its run-rate projection
        self.projection_bar = pg.BarGraphItem(
            x=[], height=[], width=0.7, brush=pg.mkBrush(None),
            pen=pg.mkPen(BAR, width=1.5, style=Qt.PenStyle.DashLine))
        item.addItem(self.projection_bar)
        self.projection: int | None = None
        self.forecast_line = pg.PlotDataItem(
            [], [], pen=pg.mkPen(FORECAST, width=2, style=Qt.PenStyle.DashLine),
            symbol="o", symbolSize=5, symbolBrush=FORECAST, symbolPen=pg.mkPen(FORECAST))
        item.addItem(self.forecast_line)
        self.currency = "USD"
        self.months: list[str] = []
        self.revenue: list[int | None] = []
        self.targets: list[int | None] = []
        self.in_progress: int | None = None
        self.forecast: list[dict] = []
        self.legend_names = ("Revenue", "Target", "Forecast (80 % band)")

    def set_legend_names(self, revenue: str, target: str, forecast: str) -> None:
        self.legend_names = (revenue, target, forecast)
        self.legend.clear()
        self.legend.addItem(self.bars, revenue)
        self.legend.addItem(self.target_line, target)
        self.legend.addItem(self.forecast_line, forecast)

    def _major(self, minor: int | None) -> float:
        return math.nan if minor is None else minor / 10 ** MINOR_DIGITS[self.currency]

    def set_data(self, months: list[str], revenue: list[int | None],
                 targets: list[int | None], currency: str, in_progress: int | None = None,
                 forecast: list[dict] | None = None, projection: int | None = None) -> None:
        """`forecast`: dicts (period, value, low, high) for months after the last one shown
        or inside it (a month in progress); minor units."""
        self.currency = currency
        self.getPlotItem().getAxis("left").currency = currency
        self.months = list(months)
        self.revenue = list(revenue)
        self.targets = list(targets)
        self.in_progress = in_progress
        self.projection = projection if in_progress is not None else None
        self.forecast = list(forecast or [])
        axis_months = list(months)
        for row in self.forecast:
            if row["period"] not in axis_months:
                axis_months.append(row["period"])
        self.count = len(axis_months)
        self.month_axis.set_months(axis_months)
        heights = [0.0 if v is None else self._major(v) for v in revenue]
        brushes = [pg.mkBrush(BAR_LIGHT if i == in_progress else BAR) for i in range(len(months))]
        self.bars.setOpts(x=list(range(len(months))), height=heights, brushes=brushes,
                          brush=BAR)
        if self.projection is not None:
            self.projection_bar.setOpts(x=[in_progress], height=[self._major(self.projection)])
        else:
            self.projection_bar.setOpts(x=[], height=[])
        ty = [self._major(v) for v in targets]
        if any(v is not None for v in targets):
            self.target_line.setData(list(range(len(targets))), ty)
        else:  # no target at all: an all-NaN line makes numpy warn
            self.target_line.setData([], [])
        if self.forecast:
            xs = [axis_months.index(r["period"]) for r in self.forecast]
            values = [self._major(r["value"]) for r in self.forecast]
            lows = [self._major(r["low"]) for r in self.forecast]
            highs = [self._major(r["high"]) for r in self.forecast]
            start = xs[0] - 1
            if 0 <= start < len(revenue) and revenue[start] is not None and start != in_progress:
                anchor = self._major(revenue[start])
                xs, values = [start, *xs], [anchor, *values]
                lows, highs = [anchor, *lows], [anchor, *highs]
            self.forecast_line.setData(xs, values)
            self.band_low.setData(xs, lows)
            self.band_high.setData(xs, highs)
            self.band.setVisible(True)
        else:
            self.forecast_line.setData([], [])
            self.band_low.setData([], [])
            self.band_high.setData([], [])
            self.band.setVisible(False)
        item = self.getPlotItem()
        item.setXRange(-0.6, max(self.count, 1) - 0.4, padding=0)
        tops = [h for h in heights if not math.isnan(h)]
        if self.projection is not None:
            tops.append(self._major(self.projection))
        tops += [t for t in ty if not math.isnan(t)]
        tops += [self._major(r["high"]) for r in self.forecast if r.get("high") is not None]
        lows_all = [min(0.0, self._major(r["low"])) for r in self.forecast
                    if r.get("low") is not None] + [min(0.0, h) for h in heights]
        top = max(tops, default=1.0) or 1.0
        bottom = min(lows_all, default=0.0)
        item.setYRange(bottom, top * 1.18, padding=0)  # room for the legend
        if self.hover.isVisible() and self.hover_index is not None:
            self.show_hover(self.hover_index if self.hover_index < self.count else None)

    def hover_html(self, index: int) -> str:
        if index >= self.count:
            return ""
        f = fmt.current()
        months = self.month_axis.months
        parts = [f"<b>{escape(f.month(months[index]))}</b>"]
        if index < len(self.revenue):
            revenue = self.revenue[index]
            parts.append(_line(tr("Revenue:"), f.figure(revenue, self.currency)))
            if index == self.in_progress:
                parts.append(escape(tr("month to date")))
                if self.projection is not None:
                    parts.append(_line(tr("Run-rate projection:"),
                                       f.figure(self.projection, self.currency)))
            target = self.targets[index] if index < len(self.targets) else None
            parts.append(_line(tr("Target:"), f.figure(target, self.currency)))
            if target and revenue is not None:
                parts.append(_line(tr("Attainment:"), f.percent(revenue / target)))
        for row in self.forecast:
            if row["period"] == months[index]:
                parts.append(_line(tr("Forecast:"), f.figure(row["value"], self.currency)))
                parts.append(_line(fmt.fill(tr("%1 interval:"), f.percent(0.8, places=0)), f"{f.figure(row['low'], self.currency)}"
                                   f" – {f.figure(row['high'], self.currency)}"))
        from kpidesk.ui.insight.holidays import holiday_hover_html

        return "<br>".join(parts) + holiday_hover_html(months[index])


class GrowthChart(HoverPlot):
    """Month-on-month growth % as bars, green up and red down."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.month_axis = MonthAxis()
        super().__init__(self.month_axis, PercentAxis(), parent)
        item = self.getPlotItem()
        self.bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=GOOD, pen=pg.mkPen(None))
        item.addItem(self.bars)
        item.addItem(pg.InfiniteLine(pos=0, angle=0, pen=pg.mkPen("#666")))
        self.months: list[str] = []
        self.growth: list[float | None] = []
        self.in_progress: int | None = None

    def set_data(self, months: list[str], growth: list[float | None],
                 in_progress: int | None = None) -> None:
        self.months = list(months)
        self.growth = list(growth)
        self.in_progress = in_progress
        self.count = len(months)
        self.month_axis.set_months(self.months)
        heights = [0.0 if g is None else g * 100 for g in growth]
        brushes = []
        for i, g in enumerate(growth):
            colour = QColor(GOOD if (g or 0) >= 0 else BAD)
            if i == in_progress:
                colour.setAlpha(110)
            brushes.append(pg.mkBrush(colour))
        self.bars.setOpts(x=list(range(len(months))), height=heights, brushes=brushes,
                          brush=GOOD)
        item = self.getPlotItem()
        item.setXRange(-0.6, max(self.count, 1) - 0.4, padding=0)
        low, high = min(heights, default=0.0), max(heights, default=0.0)
        span = (high - low) or 10.0
        item.setYRange(min(low, 0.0) - span * 0.08, max(high, 0.0) + span * 0.08, padding=0)

    def hover_html(self, index: int) -> str:
        if index >= self.count:
            return ""
        f = fmt.current()
        parts = [f"<b>{escape(f.month(self.months[index]))}</b>",
                 _line(tr("Growth (MoM):"), f.percent(self.growth[index], signed=True))]
        if index == self.in_progress:
            parts.append(escape(tr("like-for-like")))
        return "<br>".join(parts)


class StageChart(HoverPlot):
    """Open pipeline by stage: value and weighted value side by side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.stage_axis = CategoryAxis()
        super().__init__(self.stage_axis, MoneyAxis(), parent)
        item = self.getPlotItem()
        self.legend = item.addLegend(offset=(8, 2), labelTextSize="8pt",
                                     brush=pg.mkBrush(255, 255, 255, 215))
        self.legend.setColumnCount(2)
        self.value_bars = pg.BarGraphItem(x=[], height=[], width=0.38, brush=BAR_LIGHT,
                                          pen=pg.mkPen(None))
        self.weighted_bars = pg.BarGraphItem(x=[], height=[], width=0.38, brush=BAR,
                                             pen=pg.mkPen(None))
        item.addItem(self.value_bars)
        item.addItem(self.weighted_bars)
        self.rows: list[dict] = []
        self.currency = "USD"

    def set_legend_names(self, value: str, weighted: str) -> None:
        self.legend.clear()
        self.legend.addItem(self.value_bars, value)
        self.legend.addItem(self.weighted_bars, weighted)

    def set_data(self, rows: list[dict], currency: str) -> None:
        """rows: dicts (name, count, value, weighted) in minor units."""
        self.rows = list(rows)
        self.currency = currency
        self.getPlotItem().getAxis("left").currency = currency
        self.count = len(rows)
        self.stage_axis.set_names([str(r["name"]) for r in rows])
        scale = 10 ** MINOR_DIGITS[currency]
        xs = list(range(len(rows)))
        values = [(r.get("value") or 0) / scale for r in rows]
        weighted = [(r.get("weighted") or 0) / scale for r in rows]
        self.value_bars.setOpts(x=[x - 0.2 for x in xs], height=values)
        self.weighted_bars.setOpts(x=[x + 0.2 for x in xs], height=weighted)
        item = self.getPlotItem()
        item.setXRange(-0.6, max(self.count, 1) - 0.4, padding=0)
        item.setYRange(0, (max(values + weighted, default=0) or 1) * 1.2, padding=0)

    def hover_html(self, index: int) -> str:
        if index >= self.count:
            return ""
        f = fmt.current()
        row = self.rows[index]
        return "<br>".join([
            f"<b>{escape(str(row['name']))}</b>",
            _line(tr("Opportunities:"), f.integer(row.get("count"))),
            _line(tr("Value:"), f.figure(row.get("value"), self.currency)),
            _line(tr("Weighted:"), f.figure(row.get("weighted"), self.currency)),
        ])
