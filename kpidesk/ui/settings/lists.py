"""Settings: the named lists (salespeople, categories, products, channels, lost reasons),
edited in place: their table model, the category picker and the editor widget."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n.defaults import display_name
from kpidesk.i18n.fonts import HINT_COLOUR
from kpidesk.i18n.tr import QT_TRANSLATE_NOOP, translator
from kpidesk.store import reference
from kpidesk.store.db import Store
from kpidesk.ui.models.base import Column, TableModel
from kpidesk.ui.names import object_name
from kpidesk.ui.widgets import ErrorLabel

Action = Callable[[], object]
Apply = Callable[[Action, "ErrorLabel | None"], bool]

INDEX = QModelIndex | QPersistentModelIndex
_tr = translator("NamedListModel")


# -- named lists --------------------------------------------------------------------------
_NAME = Column("name", QT_TRANSLATE_NOOP("NamedListModel", "Name"))
_CATEGORY = Column("category", QT_TRANSLATE_NOOP("NamedListModel", "Category"))
_ACTIVE = Column("active", QT_TRANSLATE_NOOP("NamedListModel", "Active"))


class NamedListModel(TableModel):
    """One named list: Name [, Category] [, Active]. Names are edited in place."""

    CONTEXT = "NamedListModel"

    def __init__(self, store: Store, table: str, apply: Apply, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.table = table
        self.apply = apply
        self.error_label: ErrorLabel | None = None
        self.has_active = table in ("salespeople", "products")
        self.has_category = table == "products"
        self.COLUMNS = (_NAME, *((_CATEGORY,) if self.has_category else ()),
                        *((_ACTIVE,) if self.has_active else ()))
        self.reload()

    def columns(self) -> list[str]:
        return [c.key for c in self.COLUMNS]

    def reload(self) -> None:
        self.set_rows(reference.list_rows(self.store, self.table))

    def data(self, index: INDEX, role: int = Qt.ItemDataRole.DisplayRole):
        if not self.valid(index):
            return None
        row = self.rows[index.row()]
        column = self.column_key(index.column())
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
                return _tr("Active") if row["active"] else _tr("Inactive")
        return None

    def flags(self, index: INDEX) -> Qt.ItemFlag:
        if not self.valid(index):
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.column_key(index.column())
        if column in ("name", "category"):
            flags |= Qt.ItemFlag.ItemIsEditable
        elif column == "active":
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def setData(self, index: INDEX, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not self.valid(index):
            return False
        row = self.rows[index.row()]
        column = self.column_key(index.column())
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
        self.view.setObjectName(object_name("list", table))
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
        self.name_edit.setObjectName(object_name("new", table))
        self.name_edit.returnPressed.connect(self.add)
        self.category_combo: QComboBox | None = None
        if table == "products":
            self.category_combo = QComboBox(self)
            self.category_combo.setObjectName("newProductCategory")
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
