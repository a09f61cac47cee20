"""A white box the size of a chart, shown until the chart itself is made.

The dashboard's charts need pyqtgraph and NumPy, whose import costs a few
hundred milliseconds. The dashboard paints its cards first with these boxes
in the charts' places (same size policy, minimum and size hint as a
``HoverPlot``, so nothing moves when the chart replaces it); the first time a
box is painted it calls ``on_first_paint`` (and again at each paint while it is
there), which makes the real charts just after that paint has reached the screen.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

MINIMUM_HEIGHT = 160  # as HoverPlot
SIZE_HINT = QSize(600, 480)  # as pyqtgraph's PlotWidget (a QGraphicsView)


class ChartPlaceholder(QWidget):
    def __init__(self, parent: QWidget | None = None,
                 on_first_paint: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.on_first_paint = on_first_paint
        self.painted = False
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumHeight(MINIMUM_HEIGHT)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return SIZE_HINT

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        return QSize(68, 68)

    def paintEvent(self, event) -> None:  # noqa: N802 (Qt API)
        painter = QPainter(self)
        painter.fillRect(event.rect(), QColor("white"))  # the charts' background
        painter.end()
        self.painted = True
        if self.on_first_paint is not None:  # at every paint: the owner asks only once
            self.on_first_paint()
