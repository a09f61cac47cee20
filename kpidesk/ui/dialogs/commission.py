"""Commission rates and targets per product category (issue #19), from the Targets tab.

A commission rate (percent of revenue) per salesperson, and per product category for
anyone's sales of it (the more specific rate applies: see `metrics.insight`); a revenue
target per product category for one month. Empty clears. Saving is the owner's (PIN),
each change written with its change-history entry; the old values are shown until saved.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.metrics.periods import add_months, month_key
from kpidesk.store import insight as store_insight
from kpidesk.store import reference
from kpidesk.store.errors import StoreError, ValidationError
from kpidesk.ui.messages import validation_text
from kpidesk.ui.screen import keep_on_screen
from kpidesk.ui.widgets import AmountEdit, ErrorLabel

MONTHS_AHEAD = 12


tr = translator("CommissionDialog")


def rate_text(rate_bp: int | None) -> str:
    if rate_bp is None:
        return ""
    return fmt.current().decimal(Decimal(rate_bp) / 100, 2).rstrip("0").rstrip(".")


def parse_rate(text: str) -> int | None:
    """'2.5' or '2.5%' (Khmer digits too) → 250 basis points; '' → None."""
    text = text.strip()
    if not text:
        return None
    try:
        ratio = fmt.parse_percent(text)
    except ValueError as exc:
        raise ValidationError("rate", "not_a_number", value=text) from exc
    bp = int((ratio * 10_000).quantize(Decimal(1), rounding=ROUND_HALF_EVEN))
    if not 0 <= bp <= store_insight.MAX_RATE_BP:
        raise ValidationError("rate", "bad_percent", value=text)
    return bp


class CommissionDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_on_screen(self)
        self.ctx = ctx
        self.setObjectName("commissionDialog")
        store = ctx.store
        self.salespeople = reference.list_named(store, "salespeople", active_only=True)
        self.categories = reference.list_named(store, "categories")
        rates = store_insight.commission_rates(store)

        self.rates_box = QGroupBox(self)
        rates_form = QFormLayout(self.rates_box)
        self.sp_edits: dict[int, QLineEdit] = {}
        self.cat_edits: dict[int, QLineEdit] = {}
        self.rate_labels: list[tuple[QLabel, str, str]] = []
        for sp, name in self.salespeople:
            edit = QLineEdit(rate_text(rates.get((sp, 0))), self.rates_box)
            edit.setObjectName(f"rate_sp_{sp}")
            edit.setMaximumWidth(90)
            label = QLabel(self.rates_box)
            self.rate_labels.append((label, "sp", name))
            rates_form.addRow(label, edit)
            self.sp_edits[sp] = edit
        for cat, name in self.categories:
            edit = QLineEdit(rate_text(rates.get((0, cat))), self.rates_box)
            edit.setObjectName(f"rate_cat_{cat}")
            edit.setMaximumWidth(90)
            label = QLabel(self.rates_box)
            self.rate_labels.append((label, "cat", name))
            rates_form.addRow(label, edit)
            self.cat_edits[cat] = edit

        self.targets_box = QGroupBox(self)
        targets_layout = QVBoxLayout(self.targets_box)
        month_row = QHBoxLayout()
        self.month_label = QLabel(self.targets_box)
        self.month_combo = QComboBox(self.targets_box)
        self.month_combo.setObjectName("categoryMonth")
        self.month_label.setBuddy(self.month_combo)
        month_row.addWidget(self.month_label)
        month_row.addWidget(self.month_combo)
        month_row.addStretch(1)
        targets_layout.addLayout(month_row)
        targets_form = QFormLayout()
        self.target_edits: dict[int, AmountEdit] = {}
        for cat, name in self.categories:
            edit = AmountEdit(self.targets_box, allow_zero=True, allow_negative=False)
            edit.setObjectName(f"target_cat_{cat}")
            targets_form.addRow(QLabel(name, self.targets_box), edit)
            self.target_edits[cat] = edit
        targets_layout.addLayout(targets_form)
        today = month_key(ctx.today())
        for key in [add_months(today, i) for i in range(-1, MONTHS_AHEAD)]:
            self.month_combo.addItem(fmt.current().month(key), key)
        self.month_combo.setCurrentIndex(1)
        self.month_combo.currentIndexChanged.connect(self.load_targets)

        inner = QWidget(self)
        inner_layout = QHBoxLayout(inner)
        inner_layout.addWidget(self.rates_box, 1)
        inner_layout.addWidget(self.targets_box, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        self.load_targets()
        self.resize(760, 520)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("Commission and category targets"))
        self.hint.setText(tr("Commission is a percentage of revenue: a salesperson's rate "
                             "applies to all they sell, a category's rate to anyone's sales "
                             "of it when the salesperson has no rate. Leave a box empty for "
                             "none."))
        self.rates_box.setTitle(tr("Commission rates (%)"))
        self.targets_box.setTitle(tr("Revenue targets per category"))
        self.month_label.setText(tr("&Month:"))
        for label, kind, name in self.rate_labels:
            label.setText(fmt.fill(tr("Salesperson %1:") if kind == "sp" else
                                   tr("Category %1:"), name))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))

    def month(self) -> str:
        return self.month_combo.currentData()

    def load_targets(self) -> None:
        stored = store_insight.category_targets(self.ctx.store, self.month(), self.month())
        for cat, edit in self.target_edits.items():
            value = stored.get((self.month(), cat))
            edit.set_minor(value[0] if value else None, value[1] if value else
                           self.ctx.store.reporting_currency)

    def _wanted(self) -> tuple[dict, dict]:
        """(rates {(sp, cat): bp or None}, targets {cat: minor or None}); ValidationError."""
        currency = self.ctx.store.reporting_currency
        rates = {}
        for sp, edit in self.sp_edits.items():
            rates[(sp, 0)] = parse_rate(edit.text())
        for cat, edit in self.cat_edits.items():
            rates[(0, cat)] = parse_rate(edit.text())
        targets = {cat: (edit.minor(currency, "amount") if edit.text().strip() else None)
                   for cat, edit in self.target_edits.items()}
        return rates, targets

    def save(self) -> bool:
        from kpidesk.ui.messages import store_error_text

        self.error.clear_error()
        store = self.ctx.store
        try:
            rates, targets = self._wanted()
        except ValidationError as err:
            f = fmt.current()
            self.error.show_error(
                fmt.fill(tr("A rate is a percentage from %1 to %2, e.g. %3."), f.integer(0),
                         f.integer(100), f.decimal(2.5, 1))
                if err.field == "rate" else validation_text(err))
            return False
        old_rates = store_insight.commission_rates(store)
        old_targets = store_insight.category_targets(store, self.month(), self.month())
        with self.ctx.owner_session(self, "setting") as allowed:
            if not allowed:
                return False
            try:
                with store.transaction():
                    for (sp, cat), bp in rates.items():
                        if old_rates.get((sp, cat)) != bp:
                            store_insight.set_commission_rate(store, bp, sp or None, cat or None)
                    for cat, value in targets.items():
                        old = old_targets.get((self.month(), cat))
                        if (old[0] if old else None) != value:
                            store_insight.set_category_target(store, self.month(), cat, value)
            except StoreError as err:
                self.error.show_error(validation_text(err) if isinstance(err, ValidationError)
                                      else store_error_text(err, store.path))
                return False
        self.accept()
        return True


def add_commission_button(tab, row) -> None:
    """The Targets tab's "Commission and category targets…" button."""
    from PySide6.QtWidgets import QPushButton

    class CommissionButton(QPushButton):
        def __init__(self) -> None:
            super().__init__(tab)
            self.setObjectName("commission")
            self.clicked.connect(lambda: CommissionDialog(tab.ctx, tab).exec())
            tab.ctx.language.language_changed.connect(self.retranslate)
            self.retranslate()

        def retranslate(self, _lang: str = "") -> None:
            self.setText(tr("Commissio&n and category targets…"))

    tab.commission_button = CommissionButton()
    row.addWidget(tab.commission_button)
