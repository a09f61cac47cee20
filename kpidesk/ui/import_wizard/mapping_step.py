"""The wizard's page 2 at work (a mixin of ImportWizard): the field rows, the mapping read
back, the preview, and how amounts without a currency are read."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QComboBox, QLabel, QTableWidgetItem

from kpidesk.i18n.format import current
from kpidesk.i18n.tr import translator
from kpidesk.io import mapping as mapping_mod
from kpidesk.io.importer import Importer, RowError, currency_decided
from kpidesk.io.read_base import FileError
from kpidesk.ui.import_wizard.pages import PREVIEW_ROWS
from kpidesk.ui.import_wizard.texts import _PREVIEW_FIELDS, _format_value, field_label
from kpidesk.ui.messages import file_error_text, row_problem_text
from kpidesk.ui.names import object_name

tr = translator("Import")


class MappingStep:
    """Match the columns: ImportWizard's page 2, filled and read (needs the wizard's widgets)."""

    def _required(self, field: str) -> bool:
        return any(field in group for group in mapping_mod.REQUIRED[self.kind])

    def _build_field_rows(self) -> None:
        while self.fields_grid.count():
            item = self.fields_grid.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.field_combos, self.field_labels = {}, {}
        cols = self.mapping.get("columns", {})
        fields = list(mapping_mod.FIELDS[self.kind])
        per_col = (len(fields) + 1) // 2
        for n, f in enumerate(fields):
            label = QLabel(field_label(f) + (" *" if self._required(f) else ""))
            combo = QComboBox()
            combo.setObjectName(object_name("map", f))
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
            combo.addItem(tr("— not in the file —"), "")
            for h in self.header:
                combo.addItem(h, h)
            if cols.get(f) in self.header:
                combo.setCurrentIndex(self.header.index(cols[f]) + 1)
            combo.currentIndexChanged.connect(self.refresh_preview)
            label.setBuddy(combo)
            r, c = n % per_col, (n // per_col) * 2
            self.fields_grid.addWidget(label, r, c)
            self.fields_grid.addWidget(combo, r, c + 1)
            self.field_combos[f], self.field_labels[f] = combo, label
        opts = self.mapping.get("options", {})
        self.mix_seen = False
        self._remove_choose_item()
        rule = opts.get("currency_rule")
        self.currency_decided = bool(rule)
        choice = "by_size" if rule == "by_size" else (
            opts.get("currency") or self.ctx.store.reporting_currency)
        self.currency_combo.setCurrentIndex(max(0, self.currency_combo.findData(choice)))
        self.riel_from_edit.setText(current().digits(str(opts.get("riel_from") or 1000)))
        self.date_order_combo.setCurrentIndex(1 if opts.get("date_order") == "mdy" else 0)

    def current_mapping(self) -> dict:
        columns = {f: c.currentData() for f, c in self.field_combos.items() if c.currentData()}
        options = dict((self.mapping or {}).get("options", {}))
        choice = self.currency_combo.currentData()
        options["currency"] = choice if choice in ("USD", "KHR") else \
            options.get("currency") or self.ctx.store.reporting_currency
        options.pop("currency_rule", None)
        options.pop("riel_from", None)
        if choice == "by_size":
            options["currency_rule"] = "by_size"
            options["riel_from"] = self._riel_from()
        elif self.currency_decided and choice:
            options["currency_rule"] = "fixed"
        options["date_order"] = self.date_order_combo.currentData()
        return {"kind": self.kind, "columns": columns, "options": options}

    def refresh_preview(self, *_: object) -> None:
        if not self.field_combos:
            return
        m = self.current_mapping()
        fmt = current()
        importer = Importer(self.ctx.store, self.kind, m, today=self.ctx.today())
        try:
            # every sampled row is parsed (to see how its amounts look), the first shown
            rows = importer.preview(self.header, self.sample)[:PREVIEW_ROWS]
            self.mapping_error.clear()
            self.next_button.setEnabled(True)
        except FileError as exc:
            self.mapping_error.setText(file_error_text(exc))
            self.next_button.setEnabled(False)
            self.preview_table.setRowCount(0)
            return
        self._ask_currency_if_mixed(importer.preview_mix.mixed, currency_decided(m))
        unknown = self._undecided_lines(m, rows) if self.currency_warning.isVisible() else {}
        shown = [f for f in _PREVIEW_FIELDS[self.kind] if f in m["columns"]
                 or f in ("amount", "currency", "value")]
        self.preview_table.setColumnCount(len(shown) + 1)
        self.preview_table.setHorizontalHeaderLabels([tr("Line")] + [field_label(f)
                                                                     for f in shown])
        self.preview_table.setRowCount(len(rows))
        for r, (line, rec) in enumerate(rows):
            self.preview_table.setItem(r, 0, QTableWidgetItem(fmt.integer(line)))
            for c, f in enumerate(shown, start=1):
                if isinstance(rec, RowError):
                    text = (row_problem_text(rec.code) + f" ({rec.value})" if rec.value
                            else row_problem_text(rec.code)) if c == 1 else ""
                    item = QTableWidgetItem(text)
                    item.setForeground(QBrush(QColor("#b00020")))
                elif line in unknown and f in ("amount", "value", "currency"):
                    # the currency is the question being asked: the amount as written, "?"
                    item = QTableWidgetItem("?" if f == "currency" else unknown[line])
                    item.setForeground(QBrush(QColor("#8a4b00")))
                else:
                    item = QTableWidgetItem(_format_value(f, rec))
                self.preview_table.setItem(r, c, item)
        self.preview_table.resizeColumnsToContents()

    # -- amounts in dollars and riel ---------------------------------------------
    def _set_currency_texts(self) -> None:
        texts = {"USD": tr("in US dollars (USD)"), "KHR": tr("in riel (KHR)"),
                 "by_size": tr("riel from a size up, else dollars"),
                 None: tr("— choose —")}
        for i in range(self.currency_combo.count()):
            self.currency_combo.setItemText(i, texts[self.currency_combo.itemData(i)])
        by_size = self.currency_combo.currentData() == "by_size"
        self.riel_from_label.setVisible(by_size)
        self.riel_from_edit.setVisible(by_size)

    def _riel_from(self) -> int:
        from kpidesk.i18n.format import parse_decimal

        try:
            value = int(parse_decimal(self.riel_from_edit.text()))
        except (ValueError, ArithmeticError):
            return 1000
        return value if value > 0 else 1000

    def _remove_choose_item(self) -> None:
        i = self.currency_combo.findData(None)
        if i >= 0:
            self.currency_combo.blockSignals(True)
            self.currency_combo.removeItem(i)
            self.currency_combo.blockSignals(False)

    def _currency_chosen(self, index: int) -> None:
        """The user picked how amounts without a currency are read: that settles it."""
        if self.currency_combo.itemData(index) is None:
            return
        self.currency_decided = True
        self._remove_choose_item()
        self._set_currency_texts()
        self.refresh_preview()

    def _undecided_lines(self, mapping: dict, rows: list) -> dict[int, str]:
        """Lines whose amount says no currency (read once as dollars, once as riel, it
        differs) → the amount as written in the file."""
        other = {**mapping, "options": {**mapping["options"], "currency":
                 "KHR" if mapping["options"].get("currency") == "USD" else "USD"}}
        twice = Importer(self.ctx.store, self.kind, other, today=self.ctx.today()).preview(
            self.header, self.sample[:PREVIEW_ROWS])
        field_name = "value" if self.kind in ("opportunities", "targets") else "amount"
        column = mapping["columns"].get(field_name) or mapping["columns"].get("unit_price")
        i = self.header.index(column) if column in self.header else None
        raw = {line: row for line, row in self.sample[:PREVIEW_ROWS]}
        found = {}
        for (line, a), (_, b) in zip(rows, twice, strict=False):
            same = (isinstance(a, dict) and isinstance(b, dict)
                    and a.get("currency") == b.get("currency"))
            if not same and i is not None and isinstance(raw.get(line), list) \
                    and i < len(raw[line]):
                found[line] = str(raw[line][i])
        return found

    def _ask_currency_if_mixed(self, mixed_in_sample: bool, decided: bool) -> None:
        """Amounts that look like both dollars and riel, with no currency column and no
        answer yet: the wizard asks (an empty choice, Next disabled) instead of guessing."""
        self.mix_seen = self.mix_seen or mixed_in_sample
        asking = self.mix_seen and not decided
        self.currency_warning.setVisible(asking)
        if asking:
            if self.currency_combo.findData(None) < 0:
                self.currency_combo.blockSignals(True)
                self.currency_combo.insertItem(0, "", None)
                self.currency_combo.setCurrentIndex(0)
                self.currency_combo.blockSignals(False)
            self.next_button.setEnabled(False)
        else:
            self._remove_choose_item()
        self._set_currency_texts()
