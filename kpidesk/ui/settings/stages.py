"""Settings: the opportunity stages' table model."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt

from kpidesk.i18n import format as fmt
from kpidesk.i18n.defaults import display_name
from kpidesk.store import stages
from kpidesk.store.db import Store
from kpidesk.store.errors import ValidationError
from kpidesk.ui.settings.lists import INDEX, Apply
from kpidesk.ui.widgets import ErrorLabel


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
