"""The main window's table exports: "Export this table…" on every table, and Ctrl+E."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QTableView, QWidget

from kpidesk.i18n.tr import translator

tr = translator("MainWindow")


class TableExports:
    """MainWindow's part that exports tables (mixed in: it uses the window's tabs, pages,
    context and export actions)."""

    def add_table_exports(self, widget: QWidget) -> None:
        """Give the tables inside `widget` their "Export this table…" (tabs that fill a page
        later call this with the new page)."""
        for view in widget.findChildren(QTableView):
            if view.property("kpideskExport") is not True:
                view.setProperty("kpideskExport", True)
                self._add_export_to(view)

    def _add_export_to(self, view: QTableView) -> None:
        """Every table gets "Export this table…" in its right-click menu."""
        action = QAction(tr("Export this table…"), view)  # also for tabs built later
        action.triggered.connect(lambda _=False, v=view: self.export_table(v))
        view.addAction(action)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self._table_export_actions.append(action)

    def current_table(self) -> QTableView | None:
        """The table of the current tab the user is working in (focused, else the largest)."""
        page = self.tabs.currentWidget()
        if page is None:
            return None
        views = [v for v in page.findChildren(QTableView) if v.isVisible() and v.model()]
        focused = [v for v in views if v.hasFocus() or v.isAncestorOf(self.focusWidget())]
        if focused:
            return focused[0]
        return max(views, key=lambda v: v.width() * v.height(), default=None)

    def export_table(self, view: QTableView) -> Path | None:
        """Export what a table shows (its current filter and order); needs the owner PIN."""
        with self.ctx.owner_session(self, "export") as allowed:
            if not allowed:
                return None
            from kpidesk.ui.export import export_view

            key = next((k for k, p in self.pages.built().items() if p.isAncestorOf(view)),
                       "table")
            return export_view(self, view.model(),
                               f"kpidesk-{key}-{self.ctx.today().isoformat()}",
                               self.ctx.settings)

    def export_current_table(self) -> Path | None:
        view = self.current_table()
        if view is None:
            from PySide6.QtWidgets import QMessageBox

            QMessageBox.information(self, tr("Export"),
                                    tr("This screen has no table to export."))
            return None
        return self.export_table(view)
