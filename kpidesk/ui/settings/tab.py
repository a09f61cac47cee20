"""Settings: the shop (name, reporting currency, default rate), the language,
and the lists every form picks from (salespeople, categories, products,
channels, lost reasons, opportunity stages).

Every change to the shop file goes through `SettingsTab.owner_change()`,
which asks for the owner PIN when one is set (nothing else decides that).
Language and digits are the user's own choice (QSettings), not the shop's.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt
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
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.fonts import HINT_COLOUR
from kpidesk.i18n.format import RIEL_ROUNDING
from kpidesk.i18n.language import LANGUAGE_NAMES, LANGUAGES
from kpidesk.store import branches, stages
from kpidesk.store.errors import ValidationError
from kpidesk.store.setup import CURRENCY_CHECKED
from kpidesk.store.topics import Topic
from kpidesk.ui.messages import validation_text
from kpidesk.ui.settings.lists import Action, NamedListEditor
from kpidesk.ui.settings.stages import StagesModel
from kpidesk.ui.settings_receipts import attach_receipt_settings
from kpidesk.ui.tabs.base import Tab
from kpidesk.ui.widgets import ErrorLabel, parse_rate

# -- the tab ------------------------------------------------------------------------------
LIST_TABLES = ("salespeople", "categories", "products", "channels", "lost_reasons")


class SettingsTab(Tab):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        store = ctx.store

        # shop
        self.shop_box = QGroupBox(self)
        self.shop_name = QLineEdit(self.shop_box)
        self.shop_name.setObjectName("shopName")
        self.currency = QComboBox(self.shop_box)
        self.currency.setObjectName("reportingCurrency")
        self.currency.addItem("", "USD")
        self.currency.addItem("", "KHR")
        self.rate = QLineEdit(self.shop_box)
        self.rate.setObjectName("defaultRate")
        self.rate.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.rate_unit = QLabel(self.shop_box)
        self.rate_error = ErrorLabel(self.shop_box)
        self.save_button = QPushButton(self.shop_box)
        self.save_button.setObjectName("saveShop")
        self.save_button.clicked.connect(self.save_shop)
        self.saved_label = QLabel(self.shop_box)
        self.saved_label.setStyleSheet("color: #2e7d32;")
        # the branch this file is (KPI.md §7): a shop with one laptop leaves it empty
        self.branch_name = QLineEdit(self.shop_box)
        self.branch_name.setObjectName("branchName")
        self.branch_label = QLabel(self.shop_box)
        for edit in (self.shop_name, self.branch_name, self.rate):
            edit.returnPressed.connect(self.save_shop)
            edit.textEdited.connect(lambda _t: self.saved_label.clear())
        self.name_label = QLabel(self.shop_box)
        self.currency_label = QLabel(self.shop_box)
        self.rate_label = QLabel(self.shop_box)
        rate_row = QHBoxLayout()
        rate_row.addWidget(self.rate, 1)
        rate_row.addWidget(self.rate_unit)
        shop_form = QFormLayout(self.shop_box)
        # a shared shop: which server it is on (never the password)
        self.server_label = QLabel(self.shop_box)
        self.server_place = QLabel(self.shop_box)
        self.server_place.setObjectName("shopServer")
        self.server_place.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        if self.ctx.store.is_server:
            shop_form.addRow(self.server_label, self.server_place)
        else:  # a shop file: the row is not there
            self.server_label.hide()
            self.server_place.hide()
        shop_form.addRow(self.name_label, self.shop_name)
        shop_form.addRow(self.branch_label, self.branch_name)
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
        self.latin_digits.setObjectName("latinDigits")
        self.latin_digits.toggled.connect(self._on_digits_toggled)
        self.latin_dollars = QCheckBox(self.language_box)
        self.latin_dollars.setObjectName("latinDollars")
        self.latin_dollars.toggled.connect(
            lambda on: self._on_number_setting("latin_dollars", on))
        self.round_riel = QCheckBox(self.language_box)
        self.round_riel.setObjectName("roundRiel")
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
        self.pin_button.setObjectName("ownerPin")
        self.backups_button.clicked.connect(self.show_backups)
        self.pin_button.clicked.connect(self.change_pin)
        safety_row = QHBoxLayout(self.safety_box)
        safety_row.addWidget(self.backups_button)
        safety_row.addWidget(self.pin_button)
        from kpidesk.ui.dialogs.calendar import add_calendar_button

        self.calendar_button = add_calendar_button(self, self.safety_box, safety_row)
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
        self.stage_name.setObjectName("newStage")
        self.stage_probability = QLineEdit(self.stages_box)
        self.stage_probability.setObjectName("newStageProbability")
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
        attach_receipt_settings(self)  # payment methods, prices and costs
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
        self.branch_name.setText(branches.branch_name(store))
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
        branch = self.branch_name.text()
        currency = self.currency.currentData()

        def write() -> None:
            with store.transaction():
                store.set_setting("shop_name", name)
                branches.save_branch_name(store, branch)
                store.set_setting("reporting_currency", currency)
                store.set_setting("default_rate", str(rate))
                store.set_setting(CURRENCY_CHECKED, "1")  # a first step done (dashboard)

        if not self.owner_change(write, self.rate_error):
            return False
        self.rate.setText(fmt.current().rate(rate))
        self.saved_label.setText(self.tr("Saved."))
        self.window_texts_changed.emit()  # the shop name is in the window title
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
        self.branch_label.setText(self.tr("Branch name:"))
        self.server_label.setText(self.tr("Shared shop on:"))
        if self.ctx.store.is_server:
            from kpidesk.ui.shop_place import shop_place_text

            self.server_place.setText(shop_place_text(self.ctx.store.location))
        self.branch_name.setPlaceholderText(self.tr("Only when the shop has several branches"))
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
