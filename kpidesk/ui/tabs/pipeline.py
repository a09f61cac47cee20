"""Pipeline tab: opportunities as a board (a column per stage) or as a table.

Add / edit, move between stages (drag, or Ctrl+Left / Ctrl+Right on a card), mark won
(optionally recording the sale), mark lost (a reason from the editable list), reopen,
delete. Every change is one undoable command on ctx.undo_stack.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.fonts import HINT_COLOUR
from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.tr import translator
from kpidesk.metrics.pipeline import pipeline_kpis
from kpidesk.store import opportunities as ostore
from kpidesk.store.errors import ServerError, ValidationError
from kpidesk.store.topics import Topic
from kpidesk.ui.commands.records import OpportunityChange, push
from kpidesk.ui.dialogs.opportunity_dialog import LostDialog, OpportunityDialog
from kpidesk.ui.messages import validation_text
from kpidesk.ui.models.opportunities_model import (
    COL,
    ID_ROLE,
    STATUS_LABELS,
    OpportunitiesFilter,
    OpportunitiesModel,
    stage_label,
    status_label,
)
from kpidesk.ui.pipeline_board import PipelineBoard
from kpidesk.ui.server_status import server_lost
from kpidesk.ui.tabs.base import Tab
from kpidesk.ui.widgets import SortArrowHeader

# undo texts, said again after a language switch (the tab may be gone by then)
undo_tr = translator("PipelineTab")


class PipelineTab(Tab):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self._dirty = False
        self.model = OpportunitiesModel(ctx.store, ctx.today, self)
        self.proxy = OpportunitiesFilter(self)
        self.proxy.setSourceModel(self.model)

        self.board_button = QPushButton(self)
        self.table_button = QPushButton(self)
        self.view_group = QButtonGroup(self)
        for i, button in enumerate((self.board_button, self.table_button)):
            button.setCheckable(True)
            self.view_group.addButton(button, i)
        self.board_button.setChecked(True)
        self.view_group.idClicked.connect(self.set_view)
        self.add_button = QPushButton(self)
        self.edit_button = QPushButton(self)
        self.won_button = QPushButton(self)
        self.lost_button = QPushButton(self)
        self.reopen_button = QPushButton(self)
        self.delete_button = QPushButton(self)
        self.add_button.clicked.connect(lambda: self.add_opportunity())
        self.edit_button.clicked.connect(lambda: self.edit_opportunity())
        self.won_button.clicked.connect(lambda: self.mark_won())
        self.lost_button.clicked.connect(lambda: self.mark_lost())
        self.reopen_button.clicked.connect(lambda: self.reopen())
        self.delete_button.clicked.connect(lambda: self.delete_opportunity())
        # the opportunities are on a shared shop's server
        self.writes.add(self.add_button, self.edit_button, self.won_button, self.lost_button,
                        self.reopen_button, self.delete_button)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("pipelineSummary")
        self.summary_label.setWordWrap(True)
        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet(f"color: {HINT_COLOUR};")

        self.board = PipelineBoard(self)
        self.board.move_to_stage.connect(self.move_to_stage)
        self.board.won_requested.connect(lambda opp: self.mark_won(opp))
        self.board.lost_requested.connect(lambda opp: self.mark_lost(opp))
        self.board.reopen_requested.connect(lambda opp, stage: self.reopen(opp, stage))
        self.board.open_requested.connect(lambda opp: self.edit_opportunity(opp))
        self.board.delete_requested.connect(lambda opp: self.delete_opportunity(opp))
        self.board.selection_changed.connect(self._update_buttons)

        self.table_page = QWidget(self)
        self.search_edit = QLineEdit(self.table_page)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self.proxy.set_text)
        self.status_combo = QComboBox(self.table_page)
        self.status_combo.currentIndexChanged.connect(
            lambda _i: self.proxy.set_status(self.status_combo.currentData() or ""))
        self.table = QTableView(self.table_page)
        self.table.setObjectName("opportunitiesTable")
        self.table.setHorizontalHeader(SortArrowHeader(self.table))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL["expected_close"], Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(
            int(self.table.fontMetrics().lineSpacing() * 1.6))
        self.table.horizontalHeader().setSectionResizeMode(COL["title"],
                                                           QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda _i: self.edit_opportunity())
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        filter_row = QHBoxLayout()
        self.search_label = QLabel(self.table_page)
        self.search_label.setBuddy(self.search_edit)
        self.status_label = QLabel(self.table_page)
        self.status_label.setBuddy(self.status_combo)
        filter_row.addWidget(self.search_label)
        filter_row.addWidget(self.search_edit, 1)
        filter_row.addWidget(self.status_label)
        filter_row.addWidget(self.status_combo)
        table_layout = QVBoxLayout(self.table_page)
        table_layout.setContentsMargins(0, 0, 0, 0)
        table_layout.addLayout(filter_row)
        table_layout.addWidget(self.table, 1)

        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.board)
        self.stack.addWidget(self.table_page)

        top = QHBoxLayout()
        top.addWidget(self.board_button)
        top.addWidget(self.table_button)
        top.addSpacing(12)
        for button in (self.add_button, self.edit_button, self.won_button, self.lost_button,
                       self.reopen_button, self.delete_button):
            top.addWidget(button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.hint_label)

        shortcut = QShortcut(QKeySequence("Ctrl+Shift+O"), self)
        shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        shortcut.activated.connect(lambda: self.add_opportunity())
        self.writes.add(shortcut)
        self.reload()
        self.retranslate_ui()

    # -- texts -------------------------------------------------------------------------------
    def _today(self) -> str:
        """The shop's date: the day a change made now takes effect in the pipeline's
        history."""
        return self.ctx.today().isoformat()

    def title(self) -> str:
        return self.tr("Pipeline")

    def retranslate_ui(self) -> None:
        self.board_button.setText(self.tr("&Board"))
        self.table_button.setText(self.tr("T&able"))
        self.add_button.setText(self.tr("&New opportunity…"))
        self.add_button.setToolTip(self.tr("Add an opportunity (Ctrl+Shift+O)"))
        self.edit_button.setText(self.tr("Ed&it…"))
        self.won_button.setText(self.tr("Mark &won…"))
        self.lost_button.setText(self.tr("Mark l&ost…"))
        self.reopen_button.setText(self.tr("&Reopen"))
        self.delete_button.setText(self.tr("&Delete"))
        self.hint_label.setText(self.tr(
            "Drag a card to another column, or select it and press Ctrl+Right / Ctrl+Left to "
            "move it to the next / previous stage. Cards with a red border are overdue."))
        self.search_label.setText(self.tr("&Search:"))
        self.search_edit.setPlaceholderText(self.tr("Title or contact"))
        self.status_label.setText(self.tr("S&tatus:"))
        current = self.status_combo.currentData()
        self.status_combo.blockSignals(True)
        self.status_combo.clear()
        self.status_combo.addItem(self.tr("All"), "")
        for key in STATUS_LABELS:
            self.status_combo.addItem(status_label(key), key)
        self.status_combo.setCurrentIndex(max(0, self.status_combo.findData(
            "open" if current is None else current)))
        self.status_combo.blockSignals(False)
        self.proxy.set_status(self.status_combo.currentData() or "")
        self.model.retranslate()
        self.board.retranslate_ui()
        self._update_summary()

    def _update_summary(self) -> None:
        f = fmt.current()
        today = self.ctx.today()
        currency = self.model.currency
        kpis = pipeline_kpis(self.ctx.store, today.isoformat()[:7], today)
        self.kpis = kpis
        self.summary_label.setText(
            fill_in(self.tr("Open: %1 opportunities worth %2 (weighted %3) · overdue: %4 · "
                    "win rate this month: %5"), f.integer(kpis["open_pipeline_count"]), f.figure(kpis["open_pipeline"], currency), f.figure(kpis["weighted_pipeline"], currency), f.integer(kpis["overdue_count"]), f.percent(kpis["win_rate"])))

    # -- data ----------------------------------------------------------------------------------
    def on_data_changed(self, topics: set[Topic]) -> None:
        if topics & {Topic.OPPORTUNITIES, Topic.CONTACTS, Topic.SALES, Topic.SETTINGS,
                     Topic.SALESPEOPLE, Topic.STAGES, Topic.LOST_REASONS}:
            if self.isVisible():
                self.reload()
            else:
                self._dirty = True

    def showEvent(self, event) -> None:  # noqa: N802
        if self._dirty:
            self.reload()
        super().showEvent(event)

    def reload(self) -> None:
        self._dirty = False
        selected = self.current_id()
        self.model.reload()
        self.board.set_data(ostore.stages(self.ctx.store), self.model.rows, self.model.today,
                            self.model.currency)
        if selected is not None:
            self._select_in_table(selected)
        self._update_summary()
        self._update_buttons()

    def set_view(self, which: int) -> None:
        """0 = board, 1 = table (keeps the selected opportunity)."""
        selected = self.current_id()
        self.stack.setCurrentIndex(which)
        (self.board_button if which == 0 else self.table_button).setChecked(True)
        self.hint_label.setVisible(which == 0)  # dragging cards: the board's hint only
        if selected is not None:
            if which == 0:
                self.board.select(selected, focus=True)
            else:
                self._select_in_table(selected)
        self._update_buttons()

    # -- selection ------------------------------------------------------------------------------
    def current_id(self) -> int | None:
        if self.stack.currentIndex() == 0:
            return self.board.current_id()
        rows = self.table.selectionModel().selectedRows()
        return self.proxy.data(rows[0], ID_ROLE) if rows else None

    def _select_in_table(self, opp_id: int) -> None:
        row = self.model.row_of(opp_id)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if index.isValid():
            self.table.selectionModel().select(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows)
            self.table.scrollTo(index)

    def select(self, opp_id: int) -> None:
        if self.stack.currentIndex() == 0:
            self.board.select(opp_id, focus=True)
        else:
            self._select_in_table(opp_id)

    def _row(self, opp_id: int) -> dict | None:
        row = self.model.row_of(opp_id)
        return self.model.rows[row] if row is not None else None

    def _update_buttons(self, *_: object) -> None:
        current = self.current_id()
        row = self._row(current) if current is not None else None
        status = row["status"] if row else None
        for button, wanted in ((self.edit_button, row is not None),
                               (self.delete_button, row is not None),
                               (self.won_button, status == "open"),
                               (self.lost_button, status == "open"),
                               (self.reopen_button, status in ("won", "lost"))):
            self.writes.enable(button, wanted)

    # -- asking (tests replace these) --------------------------------------------------------------
    def inform(self, text: str) -> None:
        QMessageBox.information(self, self.tr("Pipeline"), text)

    def ask_won(self, row: dict) -> bool | None:
        """Also record the sale? True / False, None to cancel."""
        f = fmt.current()
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Mark as won"),
                          fill_in(self.tr("“%1” is won. Record the sale of %2 today as well?"), row["title"], f.money(row["value"], row["currency"])), parent=self)
        with_sale = box.addButton(self.tr("Won, record the sale"),
                                  QMessageBox.ButtonRole.AcceptRole)
        without = box.addButton(self.tr("Won only"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(with_sale)
        box.exec()
        if box.clickedButton() is with_sale:
            return True
        if box.clickedButton() is without:
            return False
        return None

    def ask_lost_reason(self, row: dict) -> str | None:
        dialog = LostDialog(self.ctx.store, row["title"], self)
        return dialog.reason() if dialog.exec() else None

    def confirm_delete(self, row: dict) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Delete opportunity"),
                          fill_in(self.tr("Delete the opportunity “%1”? (Edit ▸ Undo brings it back.)"), row["title"]), parent=self)
        yes = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Cancel"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        return box.clickedButton() is yes

    # -- actions ---------------------------------------------------------------------------------
    def _run(self, command: OpportunityChange, select: int | None = None):
        try:
            result = push(self.ctx.undo_stack, command)
        except ValidationError as err:
            self.inform(validation_text(err))
            return None
        except ServerError as err:  # lost while a question was up: said, nothing changed
            if err.reason != "unreachable":
                raise
            server_lost(err)
            self.writes.refuse()
            return None
        if self._dirty:
            self.reload()
        if select is not None:
            self.select(select)
        return result

    def add_opportunity(self) -> int | None:
        if self.writes.refuse():
            return None
        def save(opp: ostore.OpportunityInput) -> int:
            new_id = push(self.ctx.undo_stack, OpportunityChange(
                self.ctx.store, (lambda: fill_in(undo_tr("Add opportunity %1"), opp.title)), None,
                lambda s: ostore.add_opportunity(s, opp)))
            assert isinstance(new_id, int)  # an added opportunity's id
            return new_id

        dialog = OpportunityDialog(self.ctx.store, self.ctx.today, save, parent=self)
        if dialog.exec() and dialog.result_value is not None:
            self.select(dialog.result_value)
            return dialog.result_value
        return None

    def edit_opportunity(self, opp_id: int | None = None) -> None:
        opp_id = opp_id or self.current_id()
        if opp_id is None or self.writes.refuse():
            return

        def save(opp: ostore.OpportunityInput) -> None:
            push(self.ctx.undo_stack, OpportunityChange(
                self.ctx.store, (lambda: fill_in(undo_tr("Edit opportunity %1"), opp.title)), opp_id,
                lambda s: ostore.update_opportunity(s, opp_id, opp, on=self._today())))

        OpportunityDialog(self.ctx.store, self.ctx.today, save,
                          ostore.get_opportunity(self.ctx.store, opp_id), parent=self).exec()

    def move_to_stage(self, opp_id: int, stage_id: int) -> None:
        row = self._row(opp_id)
        if row is None or row["stage_id"] == stage_id or self.writes.refuse():
            return
        stage_name = ostore.stage(self.ctx.store, stage_id)["name"]
        title = row["title"]
        self._run(OpportunityChange(
            self.ctx.store, lambda: fill_in(
                undo_tr("Move %1 to %2"), title, stage_label(stage_name)), opp_id,
            lambda s: ostore.move_stage(s, opp_id, stage_id, on=self._today())),
            select=opp_id)

    def mark_won(self, opp_id: int | None = None, create_sale: bool | None = None) -> bool:
        opp_id = opp_id or self.current_id()
        if opp_id is None or self.writes.refuse():
            return False
        row = self._row(opp_id)
        if row is None or row["status"] != "open":
            return False
        if create_sale is None:
            create_sale = self.ask_won(row)
            if create_sale is None:
                return False
        day = self.ctx.today().isoformat()
        title = row["title"]
        self._run(OpportunityChange(
            self.ctx.store, (lambda: fill_in(undo_tr("Mark %1 won"), title)), opp_id,
            lambda s: ostore.mark_won(s, opp_id, day, create_sale=create_sale),
            creates_sale=create_sale), select=opp_id)
        return True

    def mark_lost(self, opp_id: int | None = None, reason: str | None = None) -> bool:
        opp_id = opp_id or self.current_id()
        if opp_id is None or self.writes.refuse():
            return False
        row = self._row(opp_id)
        if row is None or row["status"] != "open":
            return False
        if reason is None:
            reason = self.ask_lost_reason(row)
            if not reason:
                return False
        day = self.ctx.today().isoformat()
        title = row["title"]
        self._run(OpportunityChange(
            self.ctx.store, (lambda: fill_in(undo_tr("Mark %1 lost"), title)), opp_id,
            lambda s: ostore.mark_lost(s, opp_id, day, reason)), select=opp_id)
        return True

    def reopen(self, opp_id: int | None = None, stage_id: int | None = None) -> bool:
        opp_id = opp_id or self.current_id()
        if opp_id is None or self.writes.refuse():
            return False
        row = self._row(opp_id)
        if row is None or row["status"] == "open":
            return False
        title = row["title"]
        self._run(OpportunityChange(
            self.ctx.store, (lambda: fill_in(undo_tr("Reopen %1"), title)), opp_id,
            lambda s: ostore.reopen(s, opp_id, stage_id, on=self._today())),
            select=opp_id)
        return True

    def delete_opportunity(self, opp_id: int | None = None, confirmed: bool = False) -> bool:
        opp_id = opp_id or self.current_id()
        if opp_id is None or self.writes.refuse():
            return False
        row = self._row(opp_id)
        if row is None:
            return False
        with self.ctx.owner_session(self, "delete") as allowed:  # deleting is the owner's
            if not allowed or not (confirmed or self.confirm_delete(row)):
                return False
            title = row["title"]
            self._run(OpportunityChange(
                self.ctx.store, (lambda: fill_in(undo_tr("Delete opportunity %1"), title)),
                opp_id, lambda s: ostore.delete_opportunity(s, opp_id)))
        return True
