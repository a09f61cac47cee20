"""The wizard's four pages: each builds its widgets; the wizard connects and fills them."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n.tr import translator
from kpidesk.io import mapping as mapping_mod

CONTEXT = "Import"
PREVIEW_ROWS = 8

tr = translator("Import")


class FilePage(QWidget):
    """Page 1: what to import and from which file."""

    def __init__(self, kind: str) -> None:
        super().__init__()
        form = QFormLayout(self)
        self.kind_combo = QComboBox()
        for k in mapping_mod.KINDS:
            self.kind_combo.addItem(k, k)
        self.kind_combo.setCurrentIndex(mapping_mod.KINDS.index(kind))
        self.file_edit = QLineEdit()
        self.browse_button = QPushButton()
        row = QHBoxLayout()
        row.addWidget(self.file_edit, 1)
        row.addWidget(self.browse_button)
        self.kind_label, self.file_label = QLabel(), QLabel()
        self.kind_label.setBuddy(self.kind_combo)
        self.file_label.setBuddy(self.file_edit)
        form.addRow(self.kind_label, self.kind_combo)
        form.addRow(self.file_label, row)
        self.file_hint = QLabel()
        self.file_hint.setWordWrap(True)
        form.addRow(self.file_hint)
        self.file_error = QLabel()
        self.file_error.setStyleSheet("color: #b00020")
        self.file_error.setWordWrap(True)
        form.addRow(self.file_error)


class MappingPage(QWidget):
    """Page 2: which column is which field, how to read amounts and dates, a preview."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        self.fields_grid = QGridLayout()
        self.field_combos: dict[str, QComboBox] = {}
        self.field_labels: dict[str, QLabel] = {}
        fields_box = QWidget()
        fields_box.setLayout(self.fields_grid)
        top.addWidget(fields_box, 2)
        options = QFormLayout()
        # How amounts that do not say their currency are read: one currency, or by size.
        self.currency_combo = QComboBox()
        self.currency_combo.setObjectName("currencyRule")
        for data in ("USD", "KHR", "by_size"):
            self.currency_combo.addItem("", data)
        self.riel_from_edit = QLineEdit("1000")
        self.riel_from_edit.setObjectName("rielFrom")
        self.riel_from_edit.setMaximumWidth(90)
        self.riel_from_label = QLabel()
        currency_row = QHBoxLayout()
        currency_row.addWidget(self.currency_combo, 1)
        currency_row.addWidget(self.riel_from_label)
        currency_row.addWidget(self.riel_from_edit)
        self.date_order_combo = QComboBox()
        self.date_order_combo.addItem("", "dmy")
        self.date_order_combo.addItem("", "mdy")
        self.currency_label, self.date_order_label = QLabel(), QLabel()
        self.currency_label.setWordWrap(True)
        self.currency_label.setBuddy(self.currency_combo)
        self.date_order_label.setBuddy(self.date_order_combo)
        options.addRow(self.currency_label, currency_row)
        self.currency_warning = QLabel()
        self.currency_warning.setObjectName("currencyWarning")
        self.currency_warning.setWordWrap(True)
        self.currency_warning.setStyleSheet("color: #8a4b00")
        self.currency_warning.hide()
        options.addRow(self.currency_warning)
        options.addRow(self.date_order_label, self.date_order_combo)
        opt_box = QWidget()
        opt_box.setLayout(options)
        top.addWidget(opt_box, 1)
        layout.addLayout(top)
        self.preview_label = QLabel()
        layout.addWidget(self.preview_label)
        self.preview_table = QTableWidget()
        self.preview_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        layout.addWidget(self.preview_table, 1)
        self.mapping_error = QLabel()
        self.mapping_error.setStyleSheet("color: #b00020")
        layout.addWidget(self.mapping_error)


class CheckPage(QWidget):
    """Page 3: every row checked; the wrong ones listed."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.check_summary = QLabel()
        self.check_summary.setWordWrap(True)
        layout.addWidget(self.check_summary)
        self.errors_table = QTableWidget(0, 4)
        self.errors_table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.errors_table.horizontalHeader().setSectionResizeMode(
            3, QHeaderView.ResizeMode.Stretch)
        self.errors_table.verticalHeader().hide()
        layout.addWidget(self.errors_table, 1)


class DonePage(QWidget):
    """Page 4: what was imported, and how to undo it."""

    def __init__(self) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        self.done_label = QLabel()
        self.done_label.setWordWrap(True)
        layout.addWidget(self.done_label)
        self.undo_hint = QLabel()
        self.undo_hint.setWordWrap(True)
        layout.addWidget(self.undo_hint)
        row = QHBoxLayout()
        self.undo_import_button = QPushButton()
        self.undo_import_button.setObjectName("undoImportButton")
        row.addWidget(self.undo_import_button)
        row.addStretch()
        layout.addLayout(row)
        layout.addStretch()
