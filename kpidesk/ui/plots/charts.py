"""pyqtgraph charts of the dashboard: revenue vs target (with the trend
forecast band), growth %, pipeline by stage.

Importing this module imports pyqtgraph and NumPy (a few hundred ms): the
dashboard imports it only after its first paint (see ``placeholder.py``). The
conversion funnel, painted with QPainter alone, is in ``funnel.py``.

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
import shiboken6
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.store.money import MINOR_DIGITS
from kpidesk.ui.plots.funnel import BAR, FunnelWidget  # noqa: F401 (FunnelWidget: old home)

BAR_LIGHT = QColor(76, 120, 168, 110)
TARGET = QColor(245, 133, 24)
FORECAST = QColor(84, 162, 75)
GOOD = QColor(27, 127, 59)
BAD = QColor(179, 38, 30)


tr = translator("Chart")


def _places(step: float) -> int:
    if step <= 0 or step >= 1:
        return 0
    return min(3, max(0, -int(math.floor(math.log10(step)))))


# -- axes ----------------------------------------------------------------------
class MonthAxis(pg.AxisItem):
    """Bottom axis whose value i is the i-th month key: 'Nov 2026' / 'វិច្ឆិកា ២០២៦'."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__("bottom", *args, **kwargs)
        self.months: list[str] = []

    def set_months(self, months: list[str]) -> None:
        if months != self.months:
            self.months = list(months)
            self.picture = None
            self.update()

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803 (pyqtgraph API)
        if not self.months:
            return []
        first = max(0, math.ceil(minVal))
        last = min(len(self.months) - 1, math.floor(maxVal))
        indices = list(range(first, last + 1))
        # a label every 1, 3, 6 or 12 months, whatever fits (Khmer month names are long)
        width_per_month = size / max(1, maxVal - minVal)
        needed = 90 if fmt.current().lang == "km" else 62
        every = next((n for n in (1, 3, 6, 12) if n * width_per_month >= needed), 12)
        major = [i for i in indices if (int(self.months[i][5:7]) - 1) % every == 0]
        return [(float(every), [float(i) for i in major]), (1.0, [float(i) for i in indices])]

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph API)
        f = fmt.current()
        out = []
        for v in values:
            i = int(round(v))
            if 0 <= i < len(self.months) and abs(v - i) < 1e-6:
                key = self.months[i]
                out.append(f"{f.month_name(int(key[5:7]), short=True)} {f.digits(key[:4])}")
            else:
                out.append("")
        return out


class AmountAxis(pg.AxisItem):
    """Left axis of amounts in major units: one unit for the whole axis (none, thousands
    or millions), chosen from its largest tick, in the digits of the UI and the currency
    (see Formatter.axis_unit)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__("left", *args, **kwargs)
        self.enableAutoSIPrefix(False)
        self.currency: str | None = None
        self.largest_tick = 0.0

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803 (pyqtgraph API)
        levels = super().tickValues(minVal, maxVal, size)
        self.largest_tick = max((abs(v) for _step, values in levels for v in values),
                                default=0.0)
        return levels

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        f = fmt.current()
        divisor, unit = f.axis_unit(self.largest_tick * scale, self.currency)
        return [f.axis_amount(v * scale, divisor, unit, spacing * scale, self.currency)
                for v in values]


class PercentAxis(pg.AxisItem):
    """Left axis of percentages (values already × 100)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__("left", *args, **kwargs)
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        places = _places(spacing)
        return [fmt.current().digits(f"{v:,.{places}f}%") for v in values]


class CategoryAxis(pg.AxisItem):
    """Bottom axis with a name under each integer position."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__("bottom", *args, **kwargs)
        self.names: list[str] = []

    def set_names(self, names: list[str]) -> None:
        if names != self.names:
            self.names = list(names)
            self.picture = None
            self.update()

    def tickValues(self, minVal, maxVal, size):  # noqa: N802, N803
        return [(1.0, [float(i) for i in range(len(self.names))])]

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        return [self.names[int(round(v))] if 0 <= int(round(v)) < len(self.names) else ""
                for v in values]


# -- a plot with a hover label -----------------------------------------------------
class HoverPlot(pg.PlotWidget):
    """A fixed (no pan/zoom) plot whose x positions are bars; hovering shows a label."""

    def __init__(self, bottom: pg.AxisItem, left: pg.AxisItem,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent=parent, axisItems={"bottom": bottom, "left": left},
                         background="w")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(160)
        item = self.getPlotItem()
        item.setMouseEnabled(x=False, y=False)
        item.setMenuEnabled(False)
        item.hideButtons()
        item.showGrid(x=False, y=True, alpha=0.25)
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen("#666"))
            axis.setTextPen(pg.mkPen("#333"))
        self.count = 0
        self.hover = pg.TextItem(anchor=(0, 1), color=(20, 20, 20),
                                 fill=pg.mkBrush(255, 255, 255, 240), border=pg.mkPen("#888"))
        self.hover.setZValue(100)
        self.hover.hide()
        item.addItem(self.hover, ignoreBounds=True)
        self.hover_index: int | None = None
        self.scene().sigMouseMoved.connect(self._mouse_moved)

        # Says why the chart is empty (no sales yet, no opportunity…), over its middle.
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("emptyChart")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.setStyleSheet("color: #555555; background: rgba(255, 255, 255, 225);"
                                       " padding: 8px; border: 1px solid #dddddd;")
        self.empty_label.hide()

    def set_empty_text(self, text: str | None) -> None:
        """Show `text` over the chart (why it has nothing to show); None or "" hides it."""
        self.empty_label.setText(text or "")
        self.empty_label.setVisible(bool(text))
        self._place_empty_label()

    def empty_text(self) -> str:
        return self.empty_label.text() if not self.empty_label.isHidden() else ""

    def _place_empty_label(self) -> None:
        width = max(120, min(self.width() - 40, 420))
        self.empty_label.setFixedWidth(width)
        self.empty_label.adjustSize()
        self.empty_label.move((self.width() - width) // 2,
                              max(0, (self.height() - self.empty_label.height()) // 2))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt API)
        central = getattr(self, "centralWidget", None)
        if central is not None and not shiboken6.isValid(central):
            return  # torn down: a splitter resizes its last chart while deleting the others
        super().resizeEvent(event)
        if "empty_label" in self.__dict__:  # pyqtgraph resizes while being built
            self._place_empty_label()

    def hover_html(self, index: int) -> str:
        """HTML of the label at bar `index` (subclasses)."""
        return ""

    def _mouse_moved(self, scene_pos: QPointF) -> None:
        vb = self.getPlotItem().getViewBox()
        if not vb.sceneBoundingRect().contains(scene_pos) or self.count == 0:
            self.show_hover(None)
            return
        point = vb.mapSceneToView(scene_pos)
        index = int(round(point.x()))
        self.show_hover(index if 0 <= index < self.count else None, point.y())

    def show_hover(self, index: int | None, y: float | None = None) -> None:
        """Show the label of bar `index` (None hides it); also used by tests."""
        self.hover_index = index
        html = self.hover_html(index) if index is not None else ""
        if not html:
            self.hover.hide()
            return
        vb = self.getPlotItem().getViewBox()
        (x0, x1), (y0, y1) = vb.viewRange()
        if y is None:
            y = (y0 + y1) / 2
        self.hover.setHtml(html)
        self.hover.setAnchor((1, 1) if index > (x0 + x1) / 2 else (0, 1))
        self.hover.setPos(index, min(max(y, y0 + (y1 - y0) * 0.45), y1))
        self.hover.show()

    def hover_text(self) -> str:
        return self.hover.textItem.toPlainText() if self.hover.isVisible() else ""

    def set_texts(self, title: str, y_label: str = "") -> None:
        item = self.getPlotItem()
        item.setTitle(title)
        item.setLabel("left", y_label)

    def refresh_axes(self) -> None:
        """Redraw tick labels (after a language change)."""
        for name in ("left", "bottom"):
            axis = self.getPlotItem().getAxis(name)
            axis.picture = None
            axis.update()


def _line(label: str, value: str) -> str:
    return f"{escape(label)} <b>{escape(value)}</b>"


class RevenueChart(HoverPlot):
    """Monthly revenue bars, target markers joined by a line, and the trend
    forecast as a dashed line inside a shaded 80 % band."""

    def __init__(self, parent: QWidget | None = None) -> None:
        self.month_axis = MonthAxis()
        super().__init__(self.month_axis, AmountAxis(), parent)
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
        super().__init__(self.stage_axis, AmountAxis(), parent)
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
