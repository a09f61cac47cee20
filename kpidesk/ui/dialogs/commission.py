"""Commission rates (issue #19), from the Targets tab.

A commission rate (percent of revenue) per salesperson, and per product category for
anyone's sales of it (the more specific rate applies: see `metrics.insight`). Empty
clears. Saving is the owner's (PIN), each change written with its change-history entry;
the old values are shown until saved. A Save is one undo step (Edit ▸ Undo). The targets
per product category are in the Targets grid ("View: Product categories").
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, Decimal

from PySide6.QtWidgets import (
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
from kpidesk.store import insight as store_insight
from kpidesk.store import reference
from kpidesk.store.errors import StoreError, ValidationError
from kpidesk.ui.commands.base import push
from kpidesk.ui.commands.insight import (
    RateChange,
    RatesAndCategoryTargetsCommand,
)
from kpidesk.ui.messages import validation_text
from kpidesk.ui.names import object_name
from kpidesk.ui.screen import keep_on_screen
from kpidesk.ui.widgets import ErrorLabel

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
            edit.setObjectName(object_name("rate_sp", sp))
            edit.setMaximumWidth(90)
            label = QLabel(self.rates_box)
            self.rate_labels.append((label, "sp", name))
            rates_form.addRow(label, edit)
            self.sp_edits[sp] = edit
        for cat, name in self.categories:
            edit = QLineEdit(rate_text(rates.get((0, cat))), self.rates_box)
            edit.setObjectName(object_name("rate_cat", cat))
            edit.setMaximumWidth(90)
            label = QLabel(self.rates_box)
            self.rate_labels.append((label, "cat", name))
            rates_form.addRow(label, edit)
            self.cat_edits[cat] = edit

        inner = QWidget(self)
        inner_layout = QHBoxLayout(inner)
        inner_layout.addWidget(self.rates_box, 1)
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
        self.resize(520, 520)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("Commission rates"))
        self.hint.setText(tr("Commission is a percentage of revenue: a salesperson's rate "
                             "applies to all they sell, a category's rate to anyone's sales "
                             "of it when the salesperson has no rate. Leave a box empty for "
                             "none."))
        self.rates_box.setTitle(tr("Commission rates (%)"))
        for label, kind, name in self.rate_labels:
            label.setText(fmt.fill(tr("Salesperson %1:") if kind == "sp" else
                                   tr("Category %1:"), name))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(tr("Cancel"))

    def _wanted(self) -> dict[tuple[int, int], int | None]:
        """{(sp, cat): basis points or None}; ValidationError."""
        rates = {}
        for sp, edit in self.sp_edits.items():
            rates[(sp, 0)] = parse_rate(edit.text())
        for cat, edit in self.cat_edits.items():
            rates[(0, cat)] = parse_rate(edit.text())
        return rates

    def save(self) -> bool:
        from kpidesk.ui.messages import store_error_text

        self.error.clear_error()
        store = self.ctx.store
        try:
            rates = self._wanted()
        except ValidationError as err:
            f = fmt.current()
            self.error.show_error(
                fmt.fill(tr("A rate is a percentage from %1 to %2, e.g. %3."), f.integer(0),
                         f.integer(100), f.decimal(2.5, 1))
                if err.field == "rate" else validation_text(err))
            return False
        old_rates = store_insight.commission_rates(store)
        rate_changes = [RateChange(key, old_rates.get(key), bp) for key, bp in rates.items()
                        if old_rates.get(key) != bp]
        if not rate_changes:
            self.accept()
            return True
        with self.ctx.owner_session(self, "setting") as allowed:
            if not allowed:
                return False
            try:
                push(self.ctx.undo_stack, RatesAndCategoryTargetsCommand(
                    store, lambda: tr("Change commission rates"), rate_changes, []))
            except StoreError as err:
                self.error.show_error(validation_text(err) if isinstance(err, ValidationError)
                                      else store_error_text(err, store.path))
                return False
        self.accept()
        return True


def add_commission_button(tab, row) -> None:
    """The Targets tab's "Commission rates…" button."""
    from PySide6.QtWidgets import QPushButton

    class CommissionButton(QPushButton):
        def __init__(self) -> None:
            super().__init__(tab)
            self.setObjectName("commission")
            self.clicked.connect(lambda: CommissionDialog(tab.ctx, tab).exec())
            tab.ctx.language.language_changed.connect(self.retranslate)
            self.retranslate()

        def retranslate(self, _lang: str = "") -> None:
            self.setText(tr("Commissio&n rates…"))

    tab.commission_button = CommissionButton()
    row.addWidget(tab.commission_button)
