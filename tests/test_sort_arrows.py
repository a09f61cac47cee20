"""The sort arrow points the way the rows go on every table that sorts, in every style.

Qt's own header hands styles the opposite indicator (an up arrow over a column sorted
largest first); `ui.widgets.SortArrowHeader` flips it. The walk shows every tab of the
main window and every dialog, and fails on a sorting table without that header; then
each such table is sorted both ways and the painted arrow read from its pixels.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtWidgets import (
    QApplication,
    QStyleFactory,
    QTableView,
)

from kpidesk.ui.widgets import SortArrowHeader
from tests.test_gui_analysis_axes import _arrow_direction

STYLES = [s for s in ("Fusion", "Windows") if s in QStyleFactory.keys()]


def _settle() -> None:
    for _ in range(3):
        QApplication.processEvents()


def outline_arrow(header, section: int) -> str:
    """'down' or 'up' for an outline arrow (the Windows style: a light edge and a dark
    one) read from the header's pixels: its dark left edge runs like a backslash from the
    top-left corner of a down arrow to its tip, like a slash on an up arrow."""
    left = header.sectionViewportPosition(section)
    image = header.grab(QRect(left, 0, header.sectionSize(section), header.height())).toImage()
    background = image.pixelColor(image.width() - 3, 2).lightness()
    width, height = image.width(), image.height()
    dark = [[image.pixelColor(x, y).lightness() < background - 60 for x in range(width)]
            for y in range(height)]
    # the section's borders (dark along most of a row or a column) are not the arrow
    dark = [[False] * width if sum(row) > width // 2 else row for row in dark]
    border = {x for x in range(width) if sum(row[x] for row in dark) > height // 2}
    inked = [x not in border and any(row[x] for row in dark) for x in range(width)]
    right = max(x for x in range(width) if inked[x])  # the arrow: rightmost run
    first = right
    while first > 0 and inked[first - 1]:
        first -= 1
    edge = [min(x for x in range(first, right + 1) if row[x]) for row in dark
            if any(row[first:right + 1])]
    assert len(edge) >= 3 and edge[0] != edge[-1], "no arrow painted"
    return "down" if edge[0] < edge[-1] else "up"


def sorting_tables(window) -> dict[str, QTableView]:
    """{object name: table} of every table that sorts, each tab shown once."""
    found: dict[str, QTableView] = {}
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        _settle()
        page = window.current_page()
        if type(page).__name__ == "PipelineTab":
            page.set_view(1)  # the table view
            _settle()
        for view in window.findChildren(QTableView):
            if view.isSortingEnabled():
                found[view.objectName() or type(view).__name__] = view
    return found


def test_every_sorting_table_has_the_arrow_header(main_window, demo_ctx):
    tables = sorting_tables(main_window)
    assert {"salesTable", "contactsTable", "opportunitiesTable", "analysisTable"} <= set(tables)
    wrong = [name for name, view in tables.items()
             if not isinstance(view.horizontalHeader(), SortArrowHeader)]
    assert wrong == [], f"tables that sort without SortArrowHeader: {wrong}"


def test_dialog_tables_that_sort_have_it_too(main_window, demo_ctx):
    from tests.test_access_keys import _dialogs

    wrong = []
    for name, dialog in _dialogs(main_window, demo_ctx):
        for view in dialog.findChildren(QTableView):
            if view.isSortingEnabled() and not isinstance(view.horizontalHeader(),
                                                          SortArrowHeader):
                wrong.append(f"{name}: {view.objectName()}")
        dialog.close()
    assert wrong == []


@pytest.mark.parametrize("style", STYLES)
@pytest.mark.parametrize("table", ["salesTable", "contactsTable", "opportunitiesTable",
                                   "analysisTable"])
def test_the_arrow_points_the_way_the_rows_go(main_window, demo_ctx, style, table):
    view = sorting_tables(main_window)[table]
    for index in range(main_window.tabs.count()):  # the tab holding the table, shown
        main_window.tabs.setCurrentIndex(index)
        _settle()
        if view.isVisible():
            break
    header = view.horizontalHeader()
    drawn_by = QStyleFactory.create(style)  # kept alive while the header uses it
    header.setStyle(drawn_by)
    column = 1 if view.model().columnCount() > 1 else 0
    try:
        for order, arrow in ((Qt.SortOrder.DescendingOrder, "down"),
                             (Qt.SortOrder.AscendingOrder, "up")):
            view.sortByColumn(column, order)
            _settle()
            assert header.sortIndicatorOrder() == order
            # from the header's own pixels: Fusion's filled arrow, Windows' outline
            read = _arrow_direction if style == "Fusion" else outline_arrow
            assert read(header, column) == arrow, (table, style, order)
    finally:
        header.setStyle(QApplication.style())
