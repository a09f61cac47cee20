"""File ▸ Imports…: every import made in this shop (also from the command line), with
Undo import for one that is still in the shop."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n.format import current
from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.tr import translator
from kpidesk.store import imports
from kpidesk.ui.context import AppContext
from kpidesk.ui.models.base import Role
from kpidesk.ui.undo_import import added_text, kind_text, undo_import_interactive

ID_ROLE = Role.ID


tr = translator("ImportsDialog")


class ImportsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("importsDialog")
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("importsTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.undo_button = QPushButton()
        self.undo_button.clicked.connect(self.undo_selected)
        self.close_button = QPushButton()
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.undo_button)
        buttons.addStretch()
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        self.resize(900, 420)
        self.retranslate_ui()
        ctx.language.language_changed.connect(self.retranslate_ui)

    def retranslate_ui(self, *_: object) -> None:
        self.setWindowTitle(tr("Import log"))
        self.intro.setText(tr("Every import made in this shop file, newest first. Undo import "
                              "removes exactly the records that import added."))
        self.table.setHorizontalHeaderLabels([tr("When"), tr("File"), tr("What"),
                                              tr("Added"), tr("By"), tr("State")])
        self.undo_button.setText(tr("&Undo import…"))
        self.close_button.setText(tr("Close"))
        self.refresh()

    def refresh(self) -> None:
        fmt = current()
        selected = self.selected_id()
        records = imports.list_imports(self.ctx.store, limit=1000)
        self.table.setRowCount(len(records))
        for r, rec in enumerate(records):
            when = f"{fmt.date(rec.at[:10])} {fmt.digits(rec.at[11:16])}"
            by = rec.user + (f" ({tr('command line')})" if rec.source == "cli" else "")
            state = (fill_in(tr("undone %1"), fmt.date(rec.undone_at[:10]))
                     if rec.undone_at else tr("in the shop"))
            for c, text in enumerate((when, rec.file_name, kind_text(rec.kind),
                                      added_text(rec), by, state)):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, rec.id)
                self.table.setItem(r, c, item)
            if rec.id == selected:
                self.table.selectRow(r)
        self.table.resizeColumnsToContents()
        self._update_buttons()

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows:
            return None
        return self.table.item(rows[0].row(), 0).data(ID_ROLE)

    def _update_buttons(self) -> None:
        import_id = self.selected_id()
        undone = True
        if import_id is not None:
            undone = bool(imports.get_import(self.ctx.store, import_id).undone_at)
        self.undo_button.setEnabled(not undone)

    def undo_selected(self) -> bool:
        import_id = self.selected_id()
        if import_id is None:
            return False
        done = undo_import_interactive(self.ctx, self, import_id)
        self.refresh()
        return done
