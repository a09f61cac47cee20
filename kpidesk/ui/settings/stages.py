"""Settings: the opportunity stages' table model."""

from __future__ import annotations

from PySide6.QtCore import Qt

from kpidesk.i18n import format as fmt
from kpidesk.i18n.defaults import display_name
from kpidesk.i18n.tr import QT_TRANSLATE_NOOP, translator
from kpidesk.store import stages
from kpidesk.store.db import Store
from kpidesk.store.errors import ValidationError
from kpidesk.ui.models.base import Column, TableModel
from kpidesk.ui.settings.lists import INDEX, Apply
from kpidesk.ui.widgets import ErrorLabel

CONTEXT = "StagesModel"
tr = translator(CONTEXT)


# -- stages -------------------------------------------------------------------------------
class StagesModel(TableModel):
    """Opportunity stages: name, default probability (%), order; kind shown, not editable."""

    CONTEXT = CONTEXT
    COLUMNS = (Column("name", QT_TRANSLATE_NOOP("StagesModel", "Stage")),
               Column("probability", QT_TRANSLATE_NOOP("StagesModel", "Probability %")),
               Column("position", QT_TRANSLATE_NOOP("StagesModel", "Order")),
               Column("kind", QT_TRANSLATE_NOOP("StagesModel", "Kind")))

    def __init__(self, store: Store, apply: Apply, parent=None) -> None:
        super().__init__(parent)
        self.store = store
        self.apply = apply
        self.error_label: ErrorLabel | None = None
        self.reload()

    def reload(self) -> None:
        self.set_rows(stages.list_stages(self.store))

    def open_count(self) -> int:
        return sum(1 for r in self.rows if r["kind"] == "open")

    def kind_text(self, kind: str) -> str:
        return {"open": tr("Open"), "won": tr("Won"), "lost": tr("Lost")}.get(kind, kind)

    def data(self, index: INDEX, role: int = Qt.ItemDataRole.DisplayRole):
        if not self.valid(index):
            return None
        row = self.rows[index.row()]
        column = self.column_key(index.column())
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
        if not self.valid(index):
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        column = self.column_key(index.column())
        row = self.rows[index.row()]
        if column in ("name", "probability") or (column == "position" and row["kind"] == "open"):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index: INDEX, value, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not self.valid(index) or role != Qt.ItemDataRole.EditRole:
            return False
        row = self.rows[index.row()]
        column = self.column_key(index.column())
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
