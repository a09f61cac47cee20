"""The Targets grid's cell delegate: the target, and the month's actual in grey under it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kpidesk.i18n import format as fmt
from kpidesk.i18n.fonts import HINT_COLOUR, caption_size
from kpidesk.ui.models.targets_model import ACTUAL_ROLE, TARGET_ROLE


class TargetCellDelegate(QStyledItemDelegate):
    """Paints the target, and the month's actual in small grey text under it."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802
        size = super().sizeHint(option, index)
        return QSize(size.width(), int(option.fontMetrics.height() * 2.3))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = opt.rect.adjusted(4, 1, -5, -1)
        half = rect.height() // 2
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        painter.save()
        try:
            self._paint_texts(painter, opt, index, rect, half, selected, text)
        finally:
            painter.restore()

    @staticmethod
    def _paint_texts(painter: QPainter, opt: QStyleOptionViewItem, index: QModelIndex,
                     rect: QRect, half: int, selected: bool, text: str) -> None:
        painter.setFont(opt.font)
        colour = opt.palette.highlightedText().color() if selected else (
            opt.palette.text().color() if not index.data(Qt.ItemDataRole.ForegroundRole)
            else index.data(Qt.ItemDataRole.ForegroundRole))
        painter.setPen(colour)
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), half + 2),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        actual = index.data(ACTUAL_ROLE)
        if actual is not None:
            model = index.model()
            small = opt.font
            small.setPointSizeF(max(caption_size(opt.font.pointSizeF(), 0.82), 6))
            small.setItalic(False)
            painter.setFont(small)
            target = index.data(TARGET_ROLE)
            if target is None and hasattr(model, "derived_shop"):
                month, _sp = model.key_of(index)
                target = model.derived_shop(month)
            grey = QColor(opt.palette.highlightedText().color()) if selected else QColor(HINT_COLOUR)
            painter.setPen(grey)
            line = model.format_value(actual) if hasattr(model, "format_value") else str(actual)
            if target:
                line = f"{line} · {fmt.current().percent(actual / target, places=0)}"
            painter.drawText(QRect(rect.left(), rect.top() + half, rect.width(), half),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, line)
