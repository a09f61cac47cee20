"""Settings: the shop (name, reporting currency, default rate), the language,
and the lists every form picks from (salespeople, categories, products,
channels, lost reasons, opportunity stages).

Every change to the shop file goes through `SettingsTab.owner_change()`,
which asks for the owner PIN when one is set (nothing else decides that).
Language and digits are the user's own choice (QSettings), not the shop's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStyledItemDelegate,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.defaults import display_name
from kpidesk.i18n.fonts import HINT_COLOUR
from kpidesk.i18n.format import RIEL_ROUNDING
from kpidesk.i18n.language import LANGUAGE_NAMES, LANGUAGES
from kpidesk.store import reference, stages
from kpidesk.store.db import Store
from kpidesk.store.errors import ValidationError
from kpidesk.store.setup import CURRENCY_CHECKED
from kpidesk.store.topics import Topic
from kpidesk.ui.messages import validation_text
from kpidesk.ui.tabs.base import Tab
from kpidesk.ui.widgets import ErrorLabel, parse_rate

Action = Callable[[], object]
Apply = Callable[[Action, "ErrorLabel | None"], bool]
INDEX = QModelIndex | QPersistentModelIndex


# -- named lists --------------------------------------------------------------------------
class NamedListModel(QAbstractTableModel):
    """One named list: Name [, Category] [, Active]. Names are edited in place."""

    def __init__(self, store: Store, table: str, apply: Apply, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.table = table
        self.apply = apply
        self.error_label: ErrorLabel | None = None
        self.has_active = table in ("salespeople", "products")
        self.has_category = table == "products"
        self.rows: list[dict] = []
        self.reload()

    def columns(self) -> list[str]:
        cols = ["name"]
        if self.has_category:
            cols.append("category")
        if self.has_active:
            cols.append("active")
        return cols

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = reference.list_rows(self.store, self.table)
        self.endResetModel()

    def rowCount(self, parent: INDEX = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: INDEX = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.columns())

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(self.columns()):
            return None
        return {"name": self.tr("Name"), "category": self.tr("Category"),
                "active": self.tr("Active")}[self.columns()[section]]

    def data(self, index: INDEX, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.columns()[index.column()]
        if column == "name":
            if role == Qt.ItemDataRole.DisplayRole:
                return display_name(row["name"])
            if role == Qt.ItemDataRole.EditRole:
                return row["name"]
        elif column == "category":
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return row.get("category") or ""
        elif column == "active":
            if role == Qt.ItemDataRole.CheckStateRole:
                return Qt.CheckState.Checked if row["active"] else Qt.CheckState.Unchecked
            if role == Qt.ItemDataRole.DisplayRole:
                return self.tr("Active") if row["active"] else self.tr("Inactive")
        return None

    def flags(self, index: INDEX) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.columns()[index.column()]
        if column in ("name", "category"):
            flags |= Qt.ItemFlag.ItemIsEditable
        elif column == "active":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: INDEX, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid():
            return False
        row = self.rows[index.row()]
        column = self.columns()[index.column()]
        if column == "name" and role == Qt.ItemDataRole.EditRole:
            if str(value).strip() == row["name"]:
                return False
            return self.apply(lambda: reference.rename(self.store, self.table, row["id"],
                                                       str(value)), self.error_label)
        if column == "category" and role == Qt.ItemDataRole.EditRole:
            def write() -> None:
                name = str(value).strip()
                category_id = reference.get_or_create(self.store, "categories", name) \
                    if name else None
                reference.set_category(self.store, row["id"], category_id)

            return self.apply(write, self.error_label)
        if column == "active" and role == Qt.ItemDataRole.CheckStateRole:
            active = Qt.CheckState(value) == Qt.CheckState.Checked
            return self.apply(lambda: reference.set_active(self.store, self.table, row["id"], active),
                              self.error_label)
        return False

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(0, len(self.columns()) - 1))
        if self.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, len(self.columns()) - 1))


class CategoryDelegate(QStyledItemDelegate):
    """A product's category is picked from the category list."""

    def __init__(self, store: Store, parent=None) -> None:
        super().__init__(parent)
        self.store = store

    def createEditor(self, parent, option, index):  # noqa: N802
        combo = QComboBox(parent)
        combo.addItem("")
        for _id, name in reference.list_named(self.store, "categories"):
            combo.addItem(name)
        return combo

    def setEditorData(self, editor, index) -> None:  # noqa: N802
        editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole) or ""))

    def setModelData(self, editor, model, index) -> None:  # noqa: N802
        model.setData(index, editor.currentText(), Qt.ItemDataRole.EditRole)


class NamedListEditor(QWidget):
    """A table of one list with a name field, Add and Remove."""

    def __init__(self, store: Store, table: str, apply: Apply, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.table = table
        self.apply = apply
        self.model = NamedListModel(store, table, apply, self)
        self.view = QTableView(self)
        self.view.setObjectName(f"list_{table}")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        if table == "products":
            self.view.setItemDelegateForColumn(1, CategoryDelegate(store, self.view))
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName(f"new_{table}")
        self.name_edit.returnPressed.connect(self.add)
        self.category_combo: QComboBox | None = None
        if table == "products":
            self.category_combo = QComboBox(self)
            self.category_combo.setObjectName("new_product_category")
        self.add_button = QPushButton(self)
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self)
        self.remove_button.clicked.connect(self.remove_selected)
        self.error = ErrorLabel(self)
        self.model.error_label = self.error
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet(f"color: {HINT_COLOUR};")

        entry = QHBoxLayout()
        entry.addWidget(self.name_edit, 2)
        if self.category_combo is not None:
            entry.addWidget(self.category_combo, 1)
        entry.addWidget(self.add_button)
        entry.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(entry)
        layout.addWidget(self.error)
        layout.addWidget(self.hint)
        self.reload()

    def reload(self) -> None:
        self.model.reload()
        if self.category_combo is not None:
            current = self.category_combo.currentData()
            self.category_combo.blockSignals(True)
            self.category_combo.clear()
            self.category_combo.addItem(self.tr("(no category)"), None)
            for cat_id, name in reference.list_named(self.store, "categories"):
                self.category_combo.addItem(name, cat_id)
            found = self.category_combo.findData(current)
            self.category_combo.setCurrentIndex(max(0, found))
            self.category_combo.blockSignals(False)

    def retranslate_ui(self) -> None:
        placeholders = {
            "salespeople": self.tr("New salesperson's name"),
            "categories": self.tr("New category"),
            "products": self.tr("New product"),
            "channels": self.tr("New sales channel"),
            "lost_reasons": self.tr("New reason"),
        }
        self.name_edit.setPlaceholderText(placeholders[self.table])
        self.add_button.setText(self.tr("Add"))
        self.remove_button.setText(self.tr("Remove"))
        hint = self.tr("Double-click a name to rename it.")
        if self.table in ("salespeople", "products"):
            hint = self.tr("Double-click a name to rename it. Removing one that has sales "
                           "only marks it inactive: its sales stay.")
        self.hint.setText(hint)
        if self.category_combo is not None:
            self.category_combo.setItemText(0, self.tr("(no category)"))
        self.model.retranslate()

    def selected_id(self) -> int | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return int(self.model.rows[rows[0].row()]["id"])

    def add(self) -> bool:
        name = self.name_edit.text().strip()
        extra = {}
        if self.category_combo is not None and self.category_combo.currentData() is not None:
            extra["category_id"] = int(self.category_combo.currentData())
        done = self.apply(lambda: reference.add_named(self.store, self.table, name, **extra),
                          self.error)
        if done:
            self.name_edit.clear()
        return done

    def remove_selected(self) -> bool:
        row_id = self.selected_id()
        if row_id is None:
            self.error.show_error(self.tr("Select a row first."))
            return False
        return self.apply(lambda: reference.remove_named(self.store, self.table, row_id),
                          self.error)


# -- stages -------------------------------------------------------------------------------
class StagesModel(QAbstractTableModel):
    """Opportunity stages: name, default probability (%), order; kind shown, not editable."""

    COLUMNS = ("name", "probability", "position", "kind")

    def __init__(self, store: Store, apply: Apply, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.apply = apply
        self.error_label: ErrorLabel | None = None
        self.rows: list[dict] = []
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = stages.list_stages(self.store)
        self.endResetModel()

    def open_count(self) -> int:
        return sum(1 for r in self.rows if r["kind"] == "open")

    def rowCount(self, parent: INDEX = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: INDEX = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if not 0 <= section < len(self.COLUMNS):
            return None
        return (self.tr("Stage"), self.tr("Probability %"), self.tr("Order"),
                self.tr("Kind"))[section]

    def kind_text(self, kind: str) -> str:
        return {"open": self.tr("Open"), "won": self.tr("Won"), "lost": self.tr("Lost")}.get(
            kind, kind)

    def data(self, index: INDEX, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        f = fmt.current()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "name":
                return display_name(row["name"])
            if column == "probability":
                return f.integer(row["probability"])
            if column == "position":
                return f.integer(row["position"])
            return self.kind_text(row["kind"])
        if role == Qt.ItemDataRole.EditRole:
            if column == "name":
                return row["name"]
            if column == "probability":
                return f.integer(row["probability"])
            if column == "position":
                return f.integer(row["position"])
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("probability", "position"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: INDEX) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.COLUMNS[index.column()]
        row = self.rows[index.row()]
        if column in ("name", "probability") or (column == "position" and row["kind"] == "open"):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: INDEX, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row = self.rows[index.row()]
        column = self.COLUMNS[index.column()]
        if column == "name":
            if str(value).strip() == row["name"]:
                return False
            return self.apply(lambda: stages.update_stage(self.store, row["id"], name=str(value)),
                              self.error_label)

        def number(field: str) -> int:
            try:
                return fmt.parse_int(str(value))
            except ValueError as exc:
                raise ValidationError(field, "not_a_number", value=value) from exc

        if column == "probability":
            return self.apply(lambda: stages.update_stage(
                self.store, row["id"], probability=number("probability")), self.error_label)
        if column == "position":
            return self.apply(lambda: stages.update_stage(
                self.store, row["id"], position=number("position")), self.error_label)
        return False

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.COLUMNS) - 1)
        if self.rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self.rows) - 1, len(self.COLUMNS) - 1))


# -- the tab ------------------------------------------------------------------------------
LIST_TABLES = ("salespeople", "categories", "products", "channels", "lost_reasons")


class SettingsTab(Tab):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        store = ctx.store

        # shop
        self.shop_box = QGroupBox(self)
        self.shop_name = QLineEdit(self.shop_box)
        self.shop_name.setObjectName("shop_name")
        self.currency = QComboBox(self.shop_box)
        self.currency.setObjectName("reporting_currency")
        self.currency.addItem("", "USD")
        self.currency.addItem("", "KHR")
        self.rate = QLineEdit(self.shop_box)
        self.rate.setObjectName("default_rate")
        self.rate.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.rate_unit = QLabel(self.shop_box)
        self.rate_error = ErrorLabel(self.shop_box)
        self.save_button = QPushButton(self.shop_box)
        self.save_button.setObjectName("save_shop")
        self.save_button.clicked.connect(self.save_shop)
        self.saved_label = QLabel(self.shop_box)
        self.saved_label.setStyleSheet("color: #2e7d32;")
        for edit in (self.shop_name, self.rate):
            edit.returnPressed.connect(self.save_shop)
            edit.textEdited.connect(lambda _t: self.saved_label.clear())
        self.name_label = QLabel(self.shop_box)
        self.currency_label = QLabel(self.shop_box)
        self.rate_label = QLabel(self.shop_box)
        rate_row = QHBoxLayout()
        rate_row.addWidget(self.rate, 1)
        rate_row.addWidget(self.rate_unit)
        shop_form = QFormLayout(self.shop_box)
        shop_form.addRow(self.name_label, self.shop_name)
        shop_form.addRow(self.currency_label, self.currency)
        shop_form.addRow(self.rate_label, rate_row)
        shop_form.addRow("", self.rate_error)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_button)
        save_row.addWidget(self.saved_label, 1)
        shop_form.addRow("", save_row)

        # language
        self.language_box = QGroupBox(self)
        self.language_label = QLabel(self.language_box)
        self.language_combo = QComboBox(self.language_box)
        self.language_combo.setObjectName("language")
        for lang in LANGUAGES:
            self.language_combo.addItem(LANGUAGE_NAMES[lang], lang)
        self.language_combo.currentIndexChanged.connect(self._on_language_picked)
        self.latin_digits = QCheckBox(self.language_box)
        self.latin_digits.setObjectName("latin_digits")
        self.latin_digits.toggled.connect(self._on_digits_toggled)
        self.latin_dollars = QCheckBox(self.language_box)
        self.latin_dollars.setObjectName("latin_dollars")
        self.latin_dollars.toggled.connect(
            lambda on: self._on_number_setting("latin_dollars", on))
        self.round_riel = QCheckBox(self.language_box)
        self.round_riel.setObjectName("round_riel")
        self.round_riel.toggled.connect(lambda on: self._on_number_setting("round_riel", on))
        language_form = QFormLayout(self.language_box)
        language_form.addRow(self.language_label, self.language_combo)
        language_form.addRow("", self.latin_digits)
        language_form.addRow("", self.latin_dollars)
        language_form.addRow("", self.round_riel)

        # safety: backups and the owner PIN (the same dialogs as in the File menu)
        self.safety_box = QGroupBox(self)
        self.backups_button = QPushButton(self.safety_box)
        self.backups_button.setObjectName("backups")
        self.pin_button = QPushButton(self.safety_box)
        self.pin_button.setObjectName("owner_pin")
        self.backups_button.clicked.connect(self.show_backups)
        self.pin_button.clicked.connect(self.change_pin)
        safety_row = QHBoxLayout(self.safety_box)
        safety_row.addWidget(self.backups_button)
        safety_row.addWidget(self.pin_button)
        safety_row.addStretch()

        # stages
        self.stages_box = QGroupBox(self)
        self.stages_model = StagesModel(store, self.owner_change, self)
        self.stages_view = QTableView(self.stages_box)
        self.stages_view.setObjectName("stages")
        self.stages_view.setModel(self.stages_model)
        self.stages_view.verticalHeader().hide()
        self.stages_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.stages_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.stages_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.stage_name = QLineEdit(self.stages_box)
        self.stage_name.setObjectName("new_stage")
        self.stage_probability = QLineEdit(self.stages_box)
        self.stage_probability.setObjectName("new_stage_probability")
        self.stage_probability.returnPressed.connect(self.add_stage)
        self.stage_name.returnPressed.connect(self.add_stage)
        self.stage_add = QPushButton(self.stages_box)
        self.stage_add.clicked.connect(self.add_stage)
        self.stage_remove = QPushButton(self.stages_box)
        self.stage_remove.clicked.connect(self.remove_stage)
        self.stage_up = QPushButton(self.stages_box)
        self.stage_up.clicked.connect(lambda: self.move_stage(-1))
        self.stage_down = QPushButton(self.stages_box)
        self.stage_down.clicked.connect(lambda: self.move_stage(1))
        self.stages_error = ErrorLabel(self.stages_box)
        self.stages_model.error_label = self.stages_error
        self.stages_hint = QLabel(self.stages_box)
        self.stages_hint.setWordWrap(True)
        self.stages_hint.setStyleSheet(f"color: {HINT_COLOUR};")
        stage_entry = QHBoxLayout()
        stage_entry.addWidget(self.stage_name, 2)
        stage_entry.addWidget(self.stage_probability, 1)
        stage_entry.addWidget(self.stage_add)
        stage_buttons = QHBoxLayout()
        stage_buttons.addWidget(self.stage_up)
        stage_buttons.addWidget(self.stage_down)
        stage_buttons.addStretch(1)
        stage_buttons.addWidget(self.stage_remove)
        stages_layout = QVBoxLayout(self.stages_box)
        stages_layout.addWidget(self.stages_view, 1)
        stages_layout.addLayout(stage_buttons)
        stages_layout.addLayout(stage_entry)
        stages_layout.addWidget(self.stages_error)
        stages_layout.addWidget(self.stages_hint)

        # lists
        self.lists_box = QGroupBox(self)
        self.lists_tabs = QTabWidget(self.lists_box)
        self.lists_tabs.setObjectName("lists")
        self.lists: dict[str, NamedListEditor] = {}
        for table in LIST_TABLES:
            editor = NamedListEditor(store, table, self.owner_change, self.lists_tabs)
            self.lists[table] = editor
            self.lists_tabs.addTab(editor, table)
        QVBoxLayout(self.lists_box).addWidget(self.lists_tabs)

        # layout: two columns in a scroll area (small laptop screens)
        left = QVBoxLayout()
        left.addWidget(self.shop_box)
        left.addWidget(self.language_box)
        left.addWidget(self.safety_box)
        left.addWidget(self.stages_box, 1)
        right = QVBoxLayout()
        right.addWidget(self.lists_box, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        inner = QWidget()
        inner.setLayout(columns)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(inner)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self.load_shop()
        self.retranslate_ui()

    # -- the one gate for owner-only changes ---------------------------------------------
    def owner_change(self, action: Action, error_label: ErrorLabel | None = None) -> bool:
        """Run one owner-only change of the shop file inside the owner's session (the PIN
        asked when the shop has one); a refusal is shown beside the field.

        Every write this tab makes goes through here. Returns True when saved.
        """
        if error_label is not None:
            error_label.clear_error()
        with self.ctx.owner_session(self, "setting") as allowed:
            if not allowed:
                return False
            try:
                action()
            except ValidationError as err:
                if error_label is not None:
                    error_label.show_error(self.error_message(err))
                    return False
                raise
        return True

    def error_message(self, err: ValidationError) -> str:
        f = fmt.current()
        own = {
            "bad_probability": fmt.fill(
                self.tr("The probability must be a whole number from %1 to %2."),
                f.integer(0), f.integer(100)),
            "fixed_stage": self.tr("The Won and Lost stages always stay, at the end."),
            "last_open_stage": self.tr("Keep at least one open stage."),
            "bad_position": fmt.fill(self.tr("The order must be a number from %1 to %2."),
                                     f.integer(1), f.integer(self.stages_model.open_count())),
        }
        if err.code in own:
            return own[err.code]
        if err.field == "probability" and err.code == "not_a_number":
            return own["bad_probability"]
        if err.field == "position" and err.code == "not_a_number":
            return own["bad_position"]
        if err.field == "stage" and err.code == "in_use":
            return self.tr("Opportunities are in this stage: move them to another stage "
                           "before removing it.")
        if err.field == "name" and err.code == "in_use":
            return self.tr("This is used by products or sales and cannot be removed. "
                           "Rename it instead.")
        return validation_text(err)

    # -- shop ----------------------------------------------------------------------------
    def load_shop(self) -> None:
        store = self.ctx.store
        self.shop_name.setText(store.setting("shop_name"))
        index = self.currency.findData(store.reporting_currency)
        self.currency.setCurrentIndex(max(0, index))
        self.rate.setText(fmt.current().rate(store.default_rate))

    def save_shop(self) -> bool:
        """Save name, reporting currency and rate together, or nothing."""
        self.saved_label.clear()
        self.rate_error.clear_error()
        try:
            rate = parse_rate(self.rate.text())
        except ValidationError as err:
            self.rate_error.show_error(self.error_message(err))
            self.rate.setFocus()
            return False
        store = self.ctx.store
        name = self.shop_name.text().strip()
        currency = self.currency.currentData()

        def write() -> None:
            with store.transaction():
                store.set_setting("shop_name", name)
                store.set_setting("reporting_currency", currency)
                store.set_setting("default_rate", str(rate))
                store.set_setting(CURRENCY_CHECKED, "1")  # a first step done (dashboard)

        if not self.owner_change(write, self.rate_error):
            return False
        self.rate.setText(fmt.current().rate(rate))
        self.saved_label.setText(self.tr("Saved."))
        window = self.window()
        if window is not self and hasattr(window, "retranslate_ui"):
            window.retranslate_ui()  # the shop name is in the window title
        return True

    # -- language --------------------------------------------------------------------------
    def _on_language_picked(self, index: int) -> None:
        lang = self.language_combo.itemData(index)
        if lang and lang != self.ctx.language.lang:
            self.ctx.settings.setValue("language", lang)
            self.ctx.language.set_language(lang)

    def _on_digits_toggled(self, latin: bool) -> None:
        khmer_digits = not latin
        if khmer_digits != self.ctx.language.khmer_digits:
            self.ctx.settings.setValue("khmer_digits", khmer_digits)
            self.ctx.language.set_khmer_digits(khmer_digits)

    def _on_number_setting(self, key: str, on: bool) -> None:
        """Latin digits for dollars / riel rounded to 100: kept per user, shown at once."""
        style = self.ctx.language.style
        if getattr(style, key) != on:
            self.ctx.settings.setValue(key, on)
            self.ctx.language.set_number_style(replace(style, **{key: on}))

    # -- stages ------------------------------------------------------------------------------
    def selected_stage(self) -> dict | None:
        rows = self.stages_view.selectionModel().selectedRows()
        return self.stages_model.rows[rows[0].row()] if rows else None

    def add_stage(self) -> bool:
        name = self.stage_name.text()
        text = self.stage_probability.text().strip() or "0"

        def write() -> None:
            try:
                probability = fmt.parse_int(text)
            except ValueError as exc:
                raise ValidationError("probability", "not_a_number", value=text) from exc
            stages.add_stage(self.ctx.store, name, probability)

        done = self.owner_change(write, self.stages_error)
        if done:
            self.stage_name.clear()
            self.stage_probability.clear()
        return done

    def remove_stage(self) -> bool:
        row = self.selected_stage()
        if row is None:
            self.stages_error.show_error(self.tr("Select a stage first."))
            return False
        return self.owner_change(lambda: stages.remove_stage(self.ctx.store, row["id"]),
                                 self.stages_error)

    def move_stage(self, step: int) -> bool:
        row = self.selected_stage()
        if row is None:
            self.stages_error.show_error(self.tr("Select a stage first."))
            return False
        open_rows = [r for r in self.stages_model.rows if r["kind"] == "open"]
        if row not in open_rows:
            self.stages_error.show_error(self.error_message(
                ValidationError("position", "fixed_stage")))
            return False
        target = open_rows.index(row) + 1 + step
        if not 1 <= target <= len(open_rows):
            return False
        stage_id = row["id"]
        done = self.owner_change(
            lambda: stages.update_stage(self.ctx.store, stage_id, position=target),
            self.stages_error)
        if done:
            for i, r in enumerate(self.stages_model.rows):
                if r["id"] == stage_id:
                    self.stages_view.selectRow(i)
        return done

    # -- Tab hooks -------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Settings")

    def show_backups(self) -> None:
        from kpidesk.ui.dialogs.backups import BackupsDialog

        BackupsDialog(self.ctx, self).exec()

    def change_pin(self) -> None:
        from kpidesk.ui.dialogs.pin import change_owner_pin

        change_owner_pin(self.ctx.store, self)

    def retranslate_ui(self) -> None:
        self.shop_box.setTitle(self.tr("Shop"))
        self.name_label.setText(self.tr("Shop name:"))
        self.shop_name.setPlaceholderText(self.tr("Shown in the window title and on reports"))
        self.currency_label.setText(self.tr("Reporting currency:"))
        self.currency.setItemText(0, self.tr("US dollar ($)"))
        self.currency.setItemText(1, self.tr("Cambodian riel (៛)"))
        self.rate_label.setText(self.tr("Default exchange rate:"))
        self.rate_unit.setText(self.tr("riel per dollar"))
        self.save_button.setText(self.tr("Save"))
        if self.saved_label.text():
            self.saved_label.setText(self.tr("Saved."))
        # the rate in the digits of the new language (when it is a valid number)
        try:
            self.rate.setText(fmt.current().rate(parse_rate(self.rate.text())))
        except ValidationError:
            pass

        self.language_box.setTitle(self.tr("Language"))
        self.language_label.setText(self.tr("Language:"))
        self.latin_digits.setText(fmt.fill(self.tr("Write numbers with Latin digits (%1) in Khmer"),
                                             "0-9"))
        self.language_combo.blockSignals(True)
        self.language_combo.setCurrentIndex(max(0, self.language_combo.findData(
            self.ctx.language.lang)))
        self.language_combo.blockSignals(False)
        f, style = fmt.current(), self.ctx.language.style
        self.latin_dollars.setText(fmt.fill(self.tr("Latin digits for dollar amounts (%1)"),
                                            "$1,250.50"))
        self.latin_dollars.setToolTip(self.tr("Dollars as banks and price tags show them, "
                                              "even when other numbers are in Khmer digits"))
        self.round_riel.setText(fmt.fill(
            self.tr("Show riel figures rounded to %1 (the amounts kept stay exact)"),
            f.money(RIEL_ROUNDING, "KHR")))
        self.round_riel.setToolTip(self.tr("Revenue, targets and other figures in riel "
                                           "converted from dollar sales; a sale typed in "
                                           "riel is shown as typed"))
        for box, checked in ((self.latin_digits, not style.khmer_digits),
                             (self.latin_dollars, style.latin_dollars),
                             (self.round_riel, style.round_riel)):
            box.blockSignals(True)
            box.setChecked(checked)
            box.blockSignals(False)
        # with Latin digits everywhere, dollars are in Latin digits anyway
        self.latin_dollars.setEnabled(style.khmer_digits)

        self.safety_box.setTitle(self.tr("Backups and owner PIN"))
        self.backups_button.setText(self.tr("&Backups…"))
        self.pin_button.setText(self.tr("Owner &PIN…"))

        self.stages_box.setTitle(self.tr("Opportunity stages"))
        self.stage_name.setPlaceholderText(self.tr("New stage"))
        self.stage_probability.setPlaceholderText(self.tr("Probability %"))
        self.stage_probability.setMinimumWidth(
            self.stage_probability.fontMetrics().horizontalAdvance(
                self.stage_probability.placeholderText()) + 16)
        self.stage_add.setText(self.tr("Add stage"))
        self.stage_remove.setText(self.tr("Remove stage"))
        self.stage_up.setText(self.tr("Move up"))
        self.stage_down.setText(self.tr("Move down"))
        self.stages_hint.setText(self.tr(
            "The probability is the default chance of winning a deal in that stage; it "
            "weights the pipeline. Double-click a cell to change it."))
        self.stages_model.retranslate()

        self.lists_box.setTitle(self.tr("Lists"))
        titles = {
            "salespeople": self.tr("Salespeople"),
            "categories": self.tr("Product categories"),
            "products": self.tr("Products"),
            "channels": self.tr("Sales channels"),
            "lost_reasons": self.tr("Lost reasons"),
        }
        for index, table in enumerate(LIST_TABLES):
            self.lists_tabs.setTabText(index, titles[table])
            self.lists[table].retranslate_ui()

    def on_data_changed(self, topics: set[Topic]) -> None:
        if Topic.SETTINGS in topics:
            self.load_shop()
        for table, editor in self.lists.items():
            if table in topics or (table == "products" and Topic.CATEGORIES in topics):
                editor.reload()
        if Topic.STAGES in topics:
            self.stages_model.reload()
