"""The charts' base plot: fixed (no pan/zoom), bars at x positions, a hover label and
a note over the middle of an empty chart."""

from __future__ import annotations

import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget


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

