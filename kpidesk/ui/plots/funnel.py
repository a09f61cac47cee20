"""The conversion funnel of the dashboard, painted with QPainter (no pyqtgraph, so it
costs nothing at start-up)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from kpidesk.i18n import format as fmt

BAR = QColor(76, 120, 168)


class FunnelWidget(QWidget):
    """Stages as centred bars narrowing with their count; each shows its count and
    its share of the stage before. Labels are set by the owner (translated)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.labels: list[str] = []
        self.values: list[int | None] = []
        self.title = ""
        self.setMinimumSize(220, 150)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(320, 200)

    def set_labels(self, title: str, labels: list[str]) -> None:
        self.title = title
        self.labels = list(labels)
        self.update()

    def set_values(self, values: list[int | None]) -> None:
        self.values = list(values)
        self.update()

    def row_texts(self) -> list[str]:
        """What each bar says ('Customers  120  (45.0 %)'), for tests and tooltips."""
        f = fmt.current()
        out = []
        for i, label in enumerate(self.labels):
            value = self.values[i] if i < len(self.values) else None
            text = f"{label}  {f.integer(value)}"
            if i > 0 and i - 1 < len(self.values):
                before = self.values[i - 1]
                if before and value is not None:
                    text += f"  ({f.percent(value / before)})"
            out.append(text)
        return out

    def paintEvent(self, event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor("white"))
        metrics = QFontMetrics(self.font())
        line = metrics.height()
        top = 4
        if self.title:
            bold = self.font()
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(QColor("#333"))
            flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)
            box = QFontMetrics(bold).boundingRect(0, 0, self.width() - 8, 1000, flags,
                                                  self.title)
            painter.drawText(QRectF(4, top, self.width() - 8, box.height() + 2), flags,
                             self.title)
            painter.setFont(self.font())
            top += box.height() + 8
        rows = self.row_texts()
        if not rows:
            return
        gap = 6
        height = max(line + 6, (self.height() - top - 4 - gap * (len(rows) - 1)) / len(rows))
        height = min(height, line * 2.4)
        biggest = max((v or 0 for v in self.values), default=0) or 1
        width = self.width() - 16
        for i, text in enumerate(rows):
            value = self.values[i] if i < len(self.values) else None
            share = (value or 0) / biggest
            bar_w = max(width * share, 4)
            x = (self.width() - bar_w) / 2
            y = top + i * (height + gap)
            colour = QColor(BAR)
            colour.setAlpha(255 - i * 45)
            painter.setPen(QPen(Qt.PenStyle.NoPen))
            painter.setBrush(colour)
            painter.drawRoundedRect(QRectF(x, y, bar_w, height), 4, 4)
            painter.setPen(QColor("white") if share > 0.55 else QColor("#222"))
            painter.drawText(QRectF(8, y, width, height), Qt.AlignmentFlag.AlignCenter, text)
        painter.end()
