"""The report's charts, drawn with pyqtgraph and exported to images at print resolution.

pyqtgraph's ImageExporter renders Khmer titles and axes correctly; its
PrintExporter is broken on Qt 6, so images are painted into the document.
Runs on the GUI thread (pyqtgraph items are widgets' scene items).
"""

from __future__ import annotations

import html

import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage

from kpidesk.i18n.defaults import is_seeded
from kpidesk.i18n.fonts import app_font
from kpidesk.i18n.money_axis import MoneyAxis
from kpidesk.metrics.results import StageFigures
from kpidesk.reports.text import ReportText
from kpidesk.store.money import to_major

BAR = QColor("#2f6db3")
TARGET = QColor("#d9822b")
WIDTH_PX = 2400  # ~17 cm at 360 dpi: sharp on paper


class _LabelAxis(pg.AxisItem):
    """An axis whose tick labels come from a function (digits and names of the report)."""

    def __init__(self, orientation: str, label_of, **kwargs) -> None:
        super().__init__(orientation, **kwargs)
        self._label_of = label_of
        self.enableAutoSIPrefix(False)  # labels come whole from label_of

    def tickStrings(self, values, scale, spacing):  # noqa: N802 (pyqtgraph API)
        return [self._label_of(v) for v in values]


class _AmountAxis(MoneyAxis):
    """The report's amounts axis: the report's formatter, and a width fitted before the
    image is exported."""

    def __init__(self, text: ReportText, currency: str) -> None:
        super().__init__(text.fmt, currency)

    def fit_labels(self, top: float) -> None:
        """Width for the widest label of a 0..`top` axis: a label wider than a fixed
        axis is not drawn at all (the riel charts lost theirs), and an image export
        draws once, before pyqtgraph could widen the axis by itself."""
        from PySide6.QtGui import QFontMetrics

        self.largest_tick = top
        metrics = QFontMetrics(self.style["tickFont"] or app_font(9))
        widest = max(metrics.horizontalAdvance(self.tick_label(v, top / 4))
                     for v in (top, top * 0.75, top / 2, top / 4))
        self.setWidth(widest + 18)
        layout = getattr(self.parentItem(), "layout", None)  # PlotItem's grid layout
        if layout is not None:  # lay the plot out again now, before the export
            layout.invalidate()
            layout.activate()


def _plot(text: ReportText, title: str, left: pg.AxisItem, bottom_label,
          size=(800, 350)) -> pg.PlotWidget:
    font = app_font(9)
    bottom = _LabelAxis("bottom", bottom_label)
    widget = pg.PlotWidget(axisItems={"left": left, "bottom": bottom}, background="w")
    widget.resize(*size)
    item = widget.getPlotItem()
    item.setGeometry(QRectF(0, 0, *size))  # the widget is never shown: size the plot itself
    for axis in (left, bottom):
        axis.setTextPen(pg.mkPen("#333333"))
        axis.setPen(pg.mkPen("#999999"))
        axis.setStyle(tickFont=font)
    # Khmer stacks vowels and subscripts below the line: room for a whole line of it
    from PySide6.QtGui import QFontMetrics

    bottom.setHeight(QFontMetrics(font).height() + 12)
    item.showGrid(y=True, alpha=0.25)
    # The heading is part of the image, so a page break never parts it from its chart.
    item.setTitle(title, color="#1d3f6e", size="12.5pt", bold=True, justify="left")
    return widget


def _export(widget: pg.PlotWidget) -> QImage:
    exporter = pyqtgraph.exporters.ImageExporter(widget.getPlotItem())
    exporter.parameters()["width"] = WIDTH_PX
    exporter.parameters()["antialias"] = True
    image = exporter.export(toBytes=True)
    widget.deleteLater()
    return image


def _title_with_legend(title: str, entries: list[tuple[str, QColor]]) -> str:
    """The chart's title followed by its legend, as rich text: coloured boxes are painted
    backgrounds, not symbol characters (a font without ■ would show a box)."""
    keys = " &nbsp; ".join(
        f'<span style="background-color: {color.name()}">&nbsp;&nbsp;&nbsp;</span>&nbsp;'
        f"{html.escape(label)}" for label, color in entries)
    return (f"{html.escape(title)} &nbsp;&nbsp;&nbsp; "
            f'<span style="font-size: 10pt; font-weight: normal; color: #333333">{keys}</span>')


def revenue_chart(text: ReportText, title: str, revenue: list[tuple[str, int | None]],
                  targets: list[tuple[str, int | None]], currency: str) -> QImage:
    months = [m for m, _ in revenue]
    title = _title_with_legend(title, [(text.translate("Report", "Revenue"), BAR),
                                       (text.translate("Report", "Target"), TARGET)])

    def month_label(value: float) -> str:
        i = int(round(value))
        if 0 <= i < len(months) and abs(value - i) < 0.01:
            return text.fmt.month_name(int(months[i][5:7]), short=True)
        return ""

    left = _AmountAxis(text, currency)
    widget = _plot(text, title, left, month_label)
    x = list(range(len(revenue)))
    heights = [float(to_major(v or 0, currency)) for _, v in revenue]  # None: not started
    widget.addItem(pg.BarGraphItem(x=x, height=heights, width=0.6, brush=BAR, pen=pg.mkPen(None)))
    points = [(i, float(to_major(v, currency))) for i, (_, v) in enumerate(targets) if v is not None]
    if points:
        widget.plot([p[0] for p in points], [p[1] for p in points],
                    pen=pg.mkPen(TARGET, width=3), symbol="o", symbolBrush=TARGET, symbolPen=None,
                    symbolSize=8)
    widget.getPlotItem().getAxis("bottom").setTicks([[(i, month_label(i)) for i in x]])
    widget.setXRange(-0.6, len(x) - 0.4, padding=0)
    top = max(heights + [p[1] for p in points] + [1]) * 1.2
    widget.setYRange(0, top, padding=0)
    left.fit_labels(top)
    return _export(widget)


def pipeline_chart(text: ReportText, title: str, stages: list[StageFigures],
                   currency: str) -> QImage:
    title = _title_with_legend(
        title, [(text.translate("Report", "Open value"), BAR),
                (text.translate("Report", "Weighted by probability"), TARGET)])
    names = [text.translate("DefaultNames", s["name"]) if is_seeded(s["name"]) else s["name"]
             for s in stages]

    def stage_label(value: float) -> str:
        i = int(round(value))
        return names[i] if 0 <= i < len(names) and abs(value - i) < 0.01 else ""

    left = _AmountAxis(text, currency)
    widget = _plot(text, title, left, stage_label, size=(800, 300))
    x = list(range(len(stages)))
    values = [float(to_major(s.get("value") or 0, currency)) for s in stages]
    weighted = [float(to_major(s.get("weighted") or 0, currency)) for s in stages]
    widget.addItem(pg.BarGraphItem(x=[i - 0.18 for i in x], height=values, width=0.34,
                                   brush=BAR, pen=pg.mkPen(None)))
    widget.addItem(pg.BarGraphItem(x=[i + 0.18 for i in x], height=weighted, width=0.34,
                                   brush=TARGET, pen=pg.mkPen(None)))
    widget.getPlotItem().getAxis("bottom").setTicks([[(i, stage_label(i)) for i in x]])
    widget.setXRange(-0.6, max(len(x), 1) - 0.4, padding=0)
    top = max(values + [1]) * 1.2
    widget.setYRange(0, top, padding=0)
    left.fit_labels(top)
    return _export(widget)


