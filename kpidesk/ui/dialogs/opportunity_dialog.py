"""Add or edit an opportunity; choose the reason of a lost one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.format import fill as fill_in
from kpidesk.store.contacts import contact_name_phone, search_contacts
from kpidesk.store.errors import ServerError, ValidationError
from kpidesk.store.opportunities import OpportunityInput, lost_reasons, stages
from kpidesk.store.reference import list_named, name_of
from kpidesk.ui.messages import validation_text
from kpidesk.ui.models.opportunities_model import reason_label, stage_label
from kpidesk.ui.screen import keep_on_screen
from kpidesk.ui.server_writes import refuse_save
from kpidesk.ui.widgets import DigitSpinBox


class OpportunityDialog(QDialog):
    """Title, contact (type part of a name or phone), value (Khmer digits accepted),
    currency, stage, probability (follows the stage until changed by hand), expected
    close, owner, note. `save(opp)` runs on Save; its ValidationError is shown here."""

    def __init__(self, store, today, save: Callable[[OpportunityInput], object],
                 opp: OpportunityInput | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_on_screen(self)  # inside a small laptop's screen, whatever it holds
        self.setObjectName("opportunityDialog")
        self.store = store
        self._save = save
        self.editing = opp is not None
        self.result_value = None
        self.stage_rows = {s["id"]: s for s in stages(store)}
        open_ids = [s["id"] for s in self.stage_rows.values() if s["kind"] == "open"]
        opp = opp or OpportunityInput(title="", value=0, created=today().isoformat(),
                                      stage_id=open_ids[0], rate=store.default_rate,
                                      currency=store.reporting_currency)
        self.opp = opp
        f = fmt.current()

        self.title_edit = QLineEdit(self)
        self.contact_edit = QLineEdit(self)
        self._contact_id = opp.contact_id
        self._contact_text = name_of_contact(store, opp.contact_id)
        self.contact_edit.setText(self._contact_text)
        self._completions: dict[str, int] = {}
        self.completer_model = QStringListModel(self)
        self.completer = QCompleter(self.completer_model, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.contact_edit.setCompleter(self.completer)
        self.contact_edit.textEdited.connect(self._search_contacts)
        self.completer.activated.connect(self._contact_chosen)

        self.value_edit = QLineEdit(self)
        self.value_edit.setText(f.money_plain(opp.value, opp.currency) if opp.value else "")
        self.currency_combo = QComboBox(self)
        self.currency_combo.addItem("USD $", "USD")
        self.currency_combo.addItem("KHR ៛", "KHR")
        self.currency_combo.setCurrentIndex(max(0, self.currency_combo.findData(opp.currency)))
        value_row = QHBoxLayout()
        value_row.addWidget(self.value_edit, 1)
        value_row.addWidget(self.currency_combo)

        self.stage_combo = QComboBox(self)
        closed = opp.status != "open"
        for sid, s in self.stage_rows.items():
            if s["kind"] == "open" or (closed and sid == opp.stage_id):
                self.stage_combo.addItem(stage_label(s["name"]), sid)
        self.stage_combo.setCurrentIndex(max(0, self.stage_combo.findData(opp.stage_id)))
        self.stage_combo.setEnabled(not closed)
        self.probability_spin = DigitSpinBox(self, minimum=0, maximum=100)
        self.probability_spin.setSuffix(" %")
        default = self.stage_rows[opp.stage_id]["probability"]
        self.probability_spin.setValue(default if opp.probability is None else opp.probability)
        self._probability_touched = opp.probability is not None and opp.probability != default
        self.probability_spin.valueChanged.connect(self._probability_edited)
        self.stage_combo.currentIndexChanged.connect(self._stage_changed)

        self.close_edit = QLineEdit(self)
        self.close_edit.setText(f.date_numeric(opp.expected_close))
        self.owner_combo = QComboBox(self)
        self.owner_combo.addItem("", None)
        for sp_id, name in list_named(store, "salespeople", active_only=True):
            self.owner_combo.addItem(name, sp_id)
        if opp.owner_id is not None and self.owner_combo.findData(opp.owner_id) < 0:
            self.owner_combo.addItem(name_of(store, "salespeople", opp.owner_id), opp.owner_id)
        self.owner_combo.setCurrentIndex(max(0, self.owner_combo.findData(opp.owner_id)))
        self.note_edit = QPlainTextEdit(self)
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setMaximumHeight(60)
        self.note_edit.setPlainText(opp.note)
        self.title_edit.setText(opp.title)

        self.error_label = QLabel(self)
        self.error_label.setStyleSheet("color: #c62828")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(8)]
        fields = (self.title_edit, self.contact_edit, value_row, self.stage_combo,
                  self.probability_spin, self.close_edit, self.owner_combo, self.note_edit)
        for label, field in zip(self.labels, fields, strict=True):
            if isinstance(field, QWidget):
                label.setBuddy(field)
            else:
                label.setBuddy(self.value_edit)
            self.form.addRow(label, field)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)
        self.retranslate_ui()
        self.title_edit.setFocus()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Edit opportunity") if self.editing
                            else self.tr("New opportunity"))
        for label, text in zip(self.labels, (
                self.tr("&Title:"), self.tr("&Contact:"), self.tr("&Value:"), self.tr("St&age:"),
                self.tr("&Probability:"), self.tr("&Expected close:"), self.tr("O&wner:"),
                self.tr("N&ote:")), strict=True):
            label.setText(text)
        self.contact_edit.setPlaceholderText(self.tr("Type part of a name or phone"))
        self.value_edit.setPlaceholderText(fmt.fill(
            self.tr("e.g. %1"), fmt.current().money(120000, "USD", sign=False)))
        self.currency_combo.setItemText(0, self.tr("USD ($)"))
        self.currency_combo.setItemText(1, self.tr("KHR (៛)"))
        self.close_edit.setPlaceholderText(self.tr("day/month/year"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("&Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    # -- contact picking --------------------------------------------------------------
    def _search_contacts(self, text: str) -> None:
        found = search_contacts(self.store, fmt.latin_digits(text), limit=20) if text.strip() \
            else []
        self._completions = {_contact_text(name, phone): cid for cid, name, phone in found}
        self.completer_model.setStringList(list(self._completions))

    def _contact_chosen(self, text: str) -> None:
        if text in self._completions:
            self._contact_id = self._completions[text]
            self._contact_text = text

    def contact_id(self) -> int | None:
        text = self.contact_edit.text().strip()
        if not text:
            return None
        if text == self._contact_text:
            return self._contact_id
        if text in self._completions:
            return self._completions[text]
        found = search_contacts(self.store, fmt.latin_digits(text), limit=2)
        if len(found) == 1:
            return found[0][0]
        raise ValidationError("contact", "not_found", text=text)

    # -- probability follows the stage -------------------------------------------------
    def _probability_edited(self, _value: int) -> None:
        if not getattr(self, "_setting_probability", False):
            self._probability_touched = True

    def _stage_changed(self, _index: int) -> None:
        if self._probability_touched:
            return
        sid = self.stage_combo.currentData()
        self._setting_probability = True
        self.probability_spin.setValue(self.stage_rows[sid]["probability"])
        self._setting_probability = False

    # -- saving ---------------------------------------------------------------------------
    def value(self) -> OpportunityInput:
        currency = self.currency_combo.currentData()
        text = self.value_edit.text().strip()
        if not text:
            raise ValidationError("value", "required")
        try:
            value = fmt.parse_money(text, currency)
        except ValueError as exc:
            raise ValidationError("value", "not_a_number", value=text) from exc
        close_text = self.close_edit.text().strip()
        expected = None
        if close_text:
            try:
                expected = fmt.parse_date(close_text).isoformat()
            except ValueError as exc:
                raise ValidationError("expected_close", "bad_date", value=close_text) from exc
        o = self.opp
        return OpportunityInput(
            title=self.title_edit.text().strip(), value=value, created=o.created,
            stage_id=self.stage_combo.currentData(), currency=currency, rate=o.rate,
            probability=self.probability_spin.value(), contact_id=self.contact_id(),
            owner_id=self.owner_combo.currentData(), expected_close=expected, status=o.status,
            closed=o.closed, lost_reason=o.lost_reason, note=self.note_edit.toPlainText())

    def try_accept(self) -> None:
        try:
            self.result_value = self._save(self.value())
        except ValidationError as err:
            self.error_label.setText(validation_text(err))
            self.error_label.show()
            field = {"title": self.title_edit, "value": self.value_edit,
                     "contact": self.contact_edit, "expected_close": self.close_edit,
                     "probability": self.probability_spin}.get(err.field)
            if field is not None:
                field.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        except ServerError as err:  # the server went away while this was open
            if not refuse_save(self.error_label, err):
                raise
            return
        self.accept()


def _contact_text(name: str, phone: str) -> str:
    return f"{name} · {phone}" if phone else name


def name_of_contact(store, contact_id: int | None) -> str:
    if contact_id is None:
        return ""
    found = contact_name_phone(store, contact_id)
    return _contact_text(*found) if found else ""


class LostDialog(QDialog):
    """Why was it lost? A reason from the editable list; a new one typed here joins it."""

    def __init__(self, store, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_on_screen(self)  # inside a small laptop's screen, whatever it holds
        self.setObjectName("lostDialog")
        self.opp_title = title
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.reason_combo = QComboBox(self)
        self.reason_combo.setEditable(True)
        self.reason_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for name in lost_reasons(store):
            self.reason_combo.addItem(reason_label(name), name)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.reason_combo)
        layout.addWidget(self.buttons)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Mark as lost"))
        self.label.setText(fill_in(self.tr("Why was “%1” lost? Choose a reason or type a new one."), self.opp_title))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Mark lost"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))

    def reason(self) -> str:
        text = self.reason_combo.currentText().strip()
        index = self.reason_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index >= 0 and self.reason_combo.itemData(index):
            return self.reason_combo.itemData(index)  # the stored name of a translated label
        return text
