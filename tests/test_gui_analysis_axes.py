"""The Analysis tab's table shows a sort arrow that points the way its rows go, and the
chart's axes say what they show (the breakdown's unit, the currency), in both languages."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, QRect, Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtWidgets import QApplication, QStyleOptionHeader

from kpidesk.ui.models.analysis_model import SORT_ROLE
from kpidesk.ui.tabs.analysis import AnalysisTab

REVENUE = 1  # the table's revenue column


@pytest.fixture
def tab(qtbot, demo_ctx):
    widget = AnalysisTab(demo_ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _select(combo, key) -> None:
    combo.setCurrentIndex(combo.findData(key))


def _arrow_direction(header, section: int) -> str:
    """'down' or 'up': which way the arrow painted at the section's right end points,
    read from the pixels (a down arrow is widest at its top row)."""
    left = header.sectionViewportPosition(section)
    width = header.sectionSize(section)
    image = header.grab(QRect(left, 0, width, header.height())).toImage()
    background = image.pixelColor(image.width() - 3, 2).lightness()
    dark = [[image.pixelColor(x, y).lightness() < background - 80
             for x in range(image.width())] for y in range(image.height())]
    inked = [any(row[x] for row in dark) for x in range(image.width())]
    # the arrow: the rightmost run of inked columns (the header's text is left of it)
    right = max(x for x in range(image.width()) if inked[x])
    left = right
    while left > 0 and inked[left - 1]:
        left -= 1
    widths = [n for row in dark if (n := sum(row[left:right + 1]))]
    assert len(widths) >= 2, "no arrow painted"
    return "down" if widths[0] > widths[-1] else "up"


def _revenues(tab) -> list[int]:
    return [tab.proxy.index(i, REVENUE).data(SORT_ROLE) for i in range(tab.proxy.rowCount())]


def _click_header(qtbot, header, section: int) -> None:
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(x, header.height() // 2))


def test_sort_arrow_points_the_way_the_rows_go(qtbot, tab):
    header = tab.table.horizontalHeader()
    _select(tab.by_combo, "product")
    rows = _revenues(tab)
    assert len(rows) > 3
    # the largest first, and an arrow pointing down
    assert header.sortIndicatorSection() == REVENUE
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert rows == sorted(rows, reverse=True)
    assert _arrow_direction(header, REVENUE) == "down"
    option = QStyleOptionHeader()
    header.initStyleOptionForIndex(option, REVENUE)
    assert option.sortIndicator == QStyleOptionHeader.SortIndicator.SortDown

    _click_header(qtbot, header, REVENUE)  # the smallest first: the arrow points up
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
    assert _revenues(tab) == sorted(rows)
    assert _arrow_direction(header, REVENUE) == "up"

    _click_header(qtbot, header, REVENUE)
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert _revenues(tab) == sorted(rows, reverse=True)
    assert _arrow_direction(header, REVENUE) == "down"


@pytest.mark.parametrize(("by", "names_axis"), [
    ("day", "Day of the month"), ("weekday", "Day of the week"), ("hour", "Hour of the day"),
    ("product", "Product"), ("salesperson", "Salesperson"), ("payment", "Payment method"),
])
def test_chart_axes_name_the_unit_and_the_currency(tab, by, names_axis):
    _select(tab.by_combo, by)
    assert tab.axis_labels() == (names_axis, "Revenue in US dollars")
    assert tab.axis.isVisible() and tab.axis.label.isVisible()


def test_every_bar_has_its_name_drawn(tab):
    _select(tab.by_combo, "product")
    names = tab.axis.names
    assert len(names) == 10
    QApplication.processEvents()  # the axis takes its new width
    image = QImage(400, 400, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _axis, _ticks, texts = tab.axis.generateDrawSpecs(painter)
    finally:
        painter.end()
    assert sorted(text for _rect, _flags, text in texts) == sorted(names)


def test_chart_axes_in_khmer_and_in_riel(tab, demo_ctx):
    _select(tab.by_combo, "weekday")
    demo_ctx.language.set_language("km")
    names, amounts = tab.axis_labels()
    assert names == QCoreApplication.translate("AnalysisTab", "Day of the week") != \
        "Day of the week"
    assert amounts == QCoreApplication.translate("AnalysisTab", "Revenue in US dollars") != \
        "Revenue in US dollars"
    assert any("\u1780" <= ch <= "\u17ff" for ch in names + amounts)
    demo_ctx.language.set_language("en")
    demo_ctx.store.set_setting("reporting_currency", "KHR")
    tab.refresh()
    assert tab.axis_labels()[1] == "Revenue in riel"
