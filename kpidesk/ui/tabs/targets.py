"""The Targets tab: a spreadsheet of monthly targets for the shop and each salesperson.

Pick a year and a measure; type in the cells (Khmer digits and grouping are
fine; clear a cell to remove its target). "Spread a yearly target" splits a
total over the 12 months by percentage (equal by default); "Copy last year's
targets" copies the year before. Each change is one transaction and one undo
step (Ctrl+Z).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.fonts import HINT_COLOUR
from kpidesk.i18n.format import fill as fill_in
from kpidesk.i18n.tr import translator
from kpidesk.store import targets as store_targets
from kpidesk.store.errors import ValidationError
from kpidesk.store.sales import first_revenue_day
from kpidesk.store.topics import Topic
from kpidesk.ui.commands.targets import YearSnapshotCommand
from kpidesk.ui.dialogs.spread import SpreadDialog
from kpidesk.ui.models.category_targets_model import CategoryTargetsModel
from kpidesk.ui.models.targets_model import TargetsModel
from kpidesk.ui.tabs.base import Tab
from kpidesk.ui.tabs.target_cells import TargetCellDelegate

VIEWS = ("people", "categories")  # the grid's columns: salespeople, or product categories
VIEW_SETTING = "targets/view"

# the tab's context, for undo texts said again after a language switch (the tab may be gone)
tab_tr = translator("TargetsTab")


class TargetsTab(Tab):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        today = ctx.today()
        self._pending: set[str] = set()
        # the grid shows one of two models: salespeople (with the shop) or product categories
        self.people_model = TargetsModel(ctx.store, ctx.undo_stack, today, self)
        self.category_model = CategoryTargetsModel(ctx.store, ctx.undo_stack, today, self)
        for model in (self.people_model, self.category_model):
            model.owner_session = lambda: self.ctx.owner_session(self, "target")
            model.message.connect(self.show_message)
        self.model: TargetsModel = self.people_model

        self.view_label = QLabel(self)
        self.view_combo = QComboBox(self)
        self.view_combo.setObjectName("targetsView")
        self.view_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for key in VIEWS:
            self.view_combo.addItem("", key)
        self.view_label.setBuddy(self.view_combo)

        self.year_label = QLabel(self)
        self.year_combo = QComboBox(self)
        self.year_combo.setObjectName("year")
        self.year_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._fill_years()
        self.year_combo.currentIndexChanged.connect(self._year_changed)
        self.year_label.setBuddy(self.year_combo)
        self.measure_label = QLabel(self)
        self.measure_combo = QComboBox(self)
        self.measure_combo.setObjectName("measure")
        self.measure_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for measure in store_targets.MEASURES:
            self.measure_combo.addItem("", measure)
        self.measure_combo.currentIndexChanged.connect(self._measure_changed)
        self.measure_label.setBuddy(self.measure_combo)
        self.spread_button = QPushButton(self)
        self.spread_button.setObjectName("spread")
        self.spread_button.clicked.connect(self.open_spread_dialog)
        self.copy_button = QPushButton(self)
        self.copy_button.setObjectName("copyYear")
        self.copy_button.clicked.connect(self.copy_last_year)

        top = QHBoxLayout()
        top.addWidget(self.view_label)
        top.addWidget(self.view_combo)
        top.addSpacing(12)
        top.addWidget(self.year_label)
        top.addWidget(self.year_combo)
        top.addSpacing(12)
        top.addWidget(self.measure_label)
        top.addWidget(self.measure_combo)
        top.addStretch(1)
        top.addWidget(self.spread_button)
        top.addWidget(self.copy_button)
        from kpidesk.ui.dialogs.commission import add_commission_button

        add_commission_button(self, top)

        self.view = QTableView(self)
        self.view.setObjectName("targetsGrid")
        self.view.setModel(self.model)
        for model in (self.people_model, self.category_model):
            model.setParent(self.view)  # destroyed after the view, never before it
        self.view.setItemDelegate(TargetCellDelegate(self.view))
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.horizontalHeader().setMinimumSectionSize(110)
        self.view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.setAlternatingRowColors(True)
        self.delete_shortcut = QShortcut(QKeySequence.StandardKey.Delete, self.view)
        self.delete_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.delete_shortcut.activated.connect(self.clear_selection)
        self.paste_shortcut = QShortcut(QKeySequence.StandardKey.Paste, self.view)
        self.paste_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.paste_shortcut.activated.connect(self.paste)
        self.copy_shortcut = QShortcut(QKeySequence.StandardKey.Copy, self.view)
        self.copy_shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
        self.copy_shortcut.activated.connect(self.copy)

        self.total_label = QLabel(self)
        self.total_label.setObjectName("yearTotal")
        self.total_label.setStyleSheet("font-weight: bold;")
        for model in (self.people_model, self.category_model):
            model.modelReset.connect(self.update_total)
            model.dataChanged.connect(self.update_total)
        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet(f"color: {HINT_COLOUR};")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("status")
        self.status_label.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        from kpidesk.ui.insight.holidays import HolidayHint

        self.holiday_hint = HolidayHint(self.view, self.model, self, self.ctx.language)
        layout.addWidget(self.holiday_hint)
        layout.addWidget(self.total_label)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.status_label)
        self.retranslate_ui()
        chosen = self.view_combo.findData(str(ctx.settings.value(VIEW_SETTING, "people")))
        self.view_combo.setCurrentIndex(max(0, chosen))
        self.view_combo.currentIndexChanged.connect(self._view_changed)
        self._view_changed()

    # -- texts --------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Targets")

    def retranslate_ui(self) -> None:
        if not shiboken6.isValid(self):
            return  # destroyed; the base class's language hook outlives the widget
        f = fmt.current()
        self.view_label.setText(self.tr("Vie&w:"))
        self.view_combo.setItemText(0, self.tr("Salespeople"))
        self.view_combo.setItemText(1, self.tr("Product categories"))
        self.year_label.setText(self.tr("&Year:"))
        for i in range(self.year_combo.count()):
            self.year_combo.setItemText(i, f.digits(str(self.year_combo.itemData(i))))
        self.measure_label.setText(self.tr("&Measure:"))
        names = {
            "revenue": fill_in(self.tr("Revenue (%1)"), self.ctx.store.reporting_currency),
            "new_customers": self.tr("New customers"),
            "won_opportunities": self.tr("Won opportunities"),
        }
        for i in range(self.measure_combo.count()):
            self.measure_combo.setItemText(i, names[self.measure_combo.itemData(i)])
        self.spread_button.setText(self.tr("&Spread a yearly target…"))
        self.copy_button.setText(self.tr("&Copy last year's targets"))
        self._set_hint()
        self.people_model.retranslate()
        self.category_model.retranslate()
        self.update_total()

    def _set_hint(self) -> None:
        empty = self.is_categories() and not self.model.columnCount()
        self.spread_button.setEnabled(not empty)  # nothing to spread over
        if empty:
            self.hint_label.setText(self.tr(
                "The shop has no product categories yet: add them in Settings ▸ Lists ▸"
                " Product categories, then give each a target here."))
            return
        if self.is_categories():
            self.hint_label.setText(self.tr(
                "Revenue target of each product category per month. Type in a cell and"
                " press Enter; Delete removes; Ctrl+V pastes cells copied from a"
                " spreadsheet. Under each target: the category's actual and its share."
                " Ctrl+Z undoes."))
            return
        self.hint_label.setText(self.tr(
            "Type a target in a cell and press Enter; clear it (Delete) to remove it."
            " Under each target: the month's actual and its share of the target. A grey"
            " shop figure is the sum of the salespeople's targets. Ctrl+Z undoes."))

    def is_categories(self) -> bool:
        return self.model is self.category_model

    def _view_changed(self, *_: object) -> None:
        """Show the salespeople's grid or the categories' (the choice is remembered)."""
        key = self.view_combo.currentData()
        self.ctx.settings.setValue(VIEW_SETTING, key)
        model = self.category_model if key == "categories" else self.people_model
        self.measure_label.setEnabled(model is self.people_model)
        self.measure_combo.setEnabled(model is self.people_model)  # categories: revenue
        if model is not self.model or self.view.model() is not model:
            self.model = model
            model.set_year(int(self.year_combo.currentData()))
            model.set_measure(self.measure_combo.currentData())
            model.reload()
            self.view.setModel(model)
            hint = self.holiday_hint  # follows the shown grid's cells
            hint.model = model
            self.view.selectionModel().currentChanged.connect(hint.update_text)
            hint.update_text()
        self._set_hint()
        self.update_total()
        self.status_label.clear()

    def update_total(self, *_: object) -> None:
        """The shop's year: sum of its monthly targets and of the actuals so far."""
        model = self.model
        f = fmt.current()
        if self.is_categories():
            targets = list(model.converted.values())
            # like with like: the actuals of the months and categories that have a target
            actual = sum(model.actuals.get(key, 0) for key in model.converted)
            total = sum(targets) if targets else None
            share = f.percent(actual / total) if total else "—"
            self.total_label.setText(fill_in(
                self.tr("Year %1, all categories: target %2, actual so far %3 (%4)"),
                f.digits(str(model.year)), model.format_value(total) or "—",
                model.format_value(actual), share))
            return
        targets, actual = [], 0
        for month in model.months():
            stored = model.stored(month, None)  # summed in the reporting currency
            target = (model.target_reporting(month, None) if stored is not None
                      else model.derived_shop(month))
            if target is not None:
                targets.append(target)
            actual += model.actuals.get((month, 0)) or 0
        total = sum(targets) if targets else None
        share = f.percent(actual / total) if total else "—"
        self.total_label.setText(
            fill_in(self.tr("Year %1, whole shop: target %2, actual so far %3 (%4)"), f.digits(str(model.year)), model.format_value(total) or "—", model.format_value(actual), share))

    def show_message(self, text: str, is_error: bool = False) -> None:
        self.status_label.setStyleSheet("color: #b3261e;" if is_error else "color: #1b7f3b;")
        self.status_label.setText(text)

    # -- data ----------------------------------------------------------------------
    def _fill_years(self) -> None:
        this_year = self.ctx.today().year
        first = first_revenue_day(self.ctx.store)
        first_target = store_targets.first_period(self.ctx.store)
        start = min([this_year - 2] + [int(str(v)[:4]) for v in (first, first_target) if v])
        wanted = list(range(start, this_year + 3))
        current = self.year_combo.currentData() or this_year
        existing = [self.year_combo.itemData(i) for i in range(self.year_combo.count())]
        if existing == wanted:
            return
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for year in wanted:
            self.year_combo.addItem(fmt.current().digits(str(year)), year)
        self.year_combo.setCurrentIndex(wanted.index(current) if current in wanted
                                        else wanted.index(this_year))
        self.year_combo.blockSignals(False)

    def _year_changed(self, _index: int) -> None:
        self.model.set_year(int(self.year_combo.currentData()))
        self.holiday_hint.update_text()
        self.status_label.clear()

    def _measure_changed(self, _index: int) -> None:
        self.model.set_measure(self.measure_combo.currentData())
        self.status_label.clear()

    def set_year(self, year: int) -> None:
        self._fill_years()
        index = self.year_combo.findData(year)
        if index < 0:
            self.year_combo.addItem(fmt.current().digits(str(year)), year)
            index = self.year_combo.count() - 1
        self.year_combo.setCurrentIndex(index)

    def set_measure(self, measure: str) -> None:
        self.measure_combo.setCurrentIndex(self.measure_combo.findData(measure))

    def on_data_changed(self, topics: set[Topic]) -> None:
        if not shiboken6.isValid(self):
            return
        if not self.isVisible():  # a hidden tab catches up when shown (sales entry stays fast)
            self._pending |= set(topics)
            return
        self._apply_changes(set(topics))

    def showEvent(self, event) -> None:  # noqa: N802 (Qt API)
        super().showEvent(event)
        if self._pending:
            topics, self._pending = self._pending, set()
            self._apply_changes(topics)

    def _apply_changes(self, topics: set[Topic]) -> None:
        if topics & {Topic.TARGETS, Topic.SALESPEOPLE, Topic.SALES, Topic.CONTACTS,
                     Topic.OPPORTUNITIES, Topic.SETTINGS, Topic.CATEGORIES}:
            if Topic.SALES in topics:
                self._fill_years()
            if Topic.SETTINGS in topics:
                self.retranslate_ui()
            self.model.reload()
            self._set_hint()

    # -- actions ---------------------------------------------------------------------
    def clear_selection(self) -> None:
        """Remove the targets of the selected cells (one undo step)."""
        cells = []
        for index in self.view.selectionModel().selectedIndexes():
            month, sp = self.model.key_of(index)
            if self.model.stored(month, sp) is not None:
                cells.append((month, sp))
        if not cells:
            return
        with self.model.owner_session() as allowed:
            if not allowed:
                return
            self.model.write_cells(cells, [None] * len(cells), lambda: tab_tr("Remove targets"))
        self.model.reload()
        self.show_message(self.tr("Targets removed."))

    def paste(self, text: str | None = None) -> int:
        """Ctrl+V: cells copied from a spreadsheet (or this grid), from the current cell
        on; one undo step. Returns the cells written."""
        if text is None:
            text = QGuiApplication.clipboard().text()
        start = self.view.currentIndex()
        if not text.strip() or not start.isValid():
            return 0
        try:
            count = self.model.paste(start, text, lambda: tab_tr("Paste targets"))
        except ValueError as exc:
            self.show_message(fill_in(self.tr("“%1” is not a number: nothing was pasted."),
                                      str(exc)), True)
            return 0
        except ValidationError as exc:
            self.show_message(fill_in(self.tr("The targets were refused (%1)."), exc.code),
                              True)
            return 0
        if count:
            self.show_message(fmt.fill(self.tr("%1 targets pasted."),
                                       fmt.current().integer(count)))
        return count

    def copy(self) -> str:
        """Ctrl+C: the selected cells' targets, tab-separated, for a spreadsheet."""
        text = self.model.copy_text(self.view.selectionModel().selectedIndexes())
        if text:
            QGuiApplication.clipboard().setText(text)
        return text

    def open_spread_dialog(self) -> SpreadDialog:
        """Open the dialog (non-blocking, so tests can drive it); it applies on OK."""
        column = self.view.currentIndex().column() if self.view.currentIndex().isValid() else 0
        dialog = SpreadDialog(self.model, column, self)
        dialog.accepted.connect(lambda: self.apply_spread(dialog.scope_id(), dialog.values))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self._spread_dialog = dialog
        return dialog

    def apply_spread(self, salesperson_id: int | None, values: list[int] | None) -> None:
        if not values or (self.is_categories() and salesperson_id is None):
            return  # a category's target needs its category
        try:
            if not self.model.set_months(salesperson_id, values,
                                         lambda: tab_tr("Spread a yearly target")):
                return
        except ValidationError as exc:
            self.show_message(fill_in(self.tr("The targets were refused (%1)."), exc.code),
                              True)
            return
        self.show_message(fmt.fill(self.tr("Yearly target spread over the %1 months."),
                                   fmt.current().integer(12)))

    def copy_last_year(self) -> int:
        """Copy every target of the year before into this year (one undo step)."""
        year = self.model.year
        store = self.ctx.store
        with self.model.owner_session() as allowed:
            if not allowed:
                return 0
            if self.is_categories():
                try:
                    count = self.category_model.copy_year(
                        year - 1, lambda: tab_tr("Copy last year's category targets"))
                except ValidationError as exc:
                    self.show_message(fill_in(self.tr("The targets were refused (%1)."),
                                              exc.code), True)
                    return 0
                if not count:
                    self.show_message(fill_in(self.tr("%1 has no targets to copy."),
                                              fmt.current().digits(str(year - 1))), True)
                    return 0
                self.show_message(fill_in(self.tr("Copied %1 targets from %2."),
                                          fmt.current().integer(count),
                                          fmt.current().digits(str(year - 1))))
                return count
            before = YearSnapshotCommand.snapshot(store, year)
            count = store_targets.copy_year(store, year - 1, year)
            if not count:
                self.show_message(fill_in(self.tr("%1 has no targets to copy."), fmt.current().digits(str(year - 1))), True)
                return 0
            after = YearSnapshotCommand.snapshot(store, year)
            self.ctx.undo_stack.push(YearSnapshotCommand(
                store, year, before, after, lambda: tab_tr("Copy last year's targets")))
        self.model.reload()
        self.show_message(fill_in(self.tr("Copied %1 targets from %2."), fmt.current().integer(count), fmt.current().digits(str(year - 1))))
        return count
