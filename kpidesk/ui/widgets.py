"""Input widgets every entry form shares: amounts, dates, an inline error label,
a customer picker, and the one place that turns a store's ValidationError
into a sentence in the user's language.

Amounts and dates accept Khmer or Latin digits, grouping ("1,250.50") and
currency signs ("$12", "៛5 000"); parsing goes through
`kpidesk.i18n.format`. These classes may be subclassed, so their strings
use explicit contexts ("Input"), not ``self.tr``.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QModelIndex, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QPainter, QStandardItem, QStandardItemModel, QValidator
from PySide6.QtWidgets import (
    QCompleter,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSpinBox,
    QStyle,
    QStyleOptionHeader,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.store import contacts
from kpidesk.store.contacts import ContactInput, search_contacts
from kpidesk.store.db import Store
from kpidesk.store.errors import ValidationError
from kpidesk.store.money import MINOR_DIGITS
from kpidesk.ui.models.base import Role

CONTEXT = "Input"


tr = translator("Input")


# -- ValidationError → sentence ------------------------------------------------


# -- an inline error -------------------------------------------------------------
class ErrorLabel(QLabel):
    """A small red message under/beside a field; hidden when there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("color: #c62828; font-size: 9pt;")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.hide()

    def show_error(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))

    def clear_error(self) -> None:
        self.setText("")
        self.hide()


def _mark_invalid(widget: QWidget, invalid: bool) -> None:
    widget.setProperty("invalid", invalid)
    widget.setStyleSheet("border: 1px solid #c62828;" if invalid else "")


# -- amounts ------------------------------------------------------------------------
class AmountEdit(QLineEdit):
    """An amount: '1,250.50', '១២៥០', '$12', '៛5 000'. `minor(currency)` parses it."""

    def __init__(self, parent: QWidget | None = None, *, allow_zero: bool = False,
                 allow_negative: bool = True) -> None:
        super().__init__(parent)
        self.allow_zero = allow_zero
        self.allow_negative = allow_negative
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.textEdited.connect(lambda _t: _mark_invalid(self, False))
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setPlaceholderText(fmt.current().digits("0.00"))

    def minor(self, currency: str, field: str = "amount") -> int:
        """Minor units of `currency`; ValidationError(field, code) when it is not an amount."""
        text = self.text().strip()
        if not text:
            raise ValidationError(field, "required")
        try:
            value = fmt.parse_decimal(text)
        except ValueError as exc:
            raise ValidationError(field, "not_a_number", value=text) from exc
        places = MINOR_DIGITS[currency]
        scaled = value.scaleb(places)
        if scaled != scaled.to_integral_value():
            code = "riel_decimals" if places == 0 else "too_many_decimals"
            raise ValidationError(field, code, value=text)
        minor = fmt.parse_money(text, currency)
        if minor == 0 and not self.allow_zero:
            raise ValidationError(field, "zero")
        if minor < 0 and not self.allow_negative:
            raise ValidationError(field, "not_positive")
        return minor

    def set_minor(self, minor: int | None, currency: str) -> None:
        self.setText(fmt.current().money_plain(minor, currency) if minor is not None else "")


# -- dates --------------------------------------------------------------------------
class DateEdit(QLineEdit):
    """A date typed as dd/mm/yyyy (Khmer or Latin digits) or ISO yyyy-mm-dd."""

    def __init__(self, parent: QWidget | None = None, *, default: date | None = None,
                 optional: bool = False) -> None:
        super().__init__(parent)
        self.optional = optional
        self.textEdited.connect(lambda _t: _mark_invalid(self, False))
        if default is not None:
            self.set_date(default)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setPlaceholderText(tr("dd/mm/yyyy"))
        # Show the date again in the digits of the new language.
        try:
            value = self.date()
        except ValidationError:
            return
        if value is not None:
            self.set_date(value)

    def set_date(self, value: date | str | None) -> None:
        self.setText(fmt.current().date_numeric(value) if value else "")

    def date(self, field: str = "date") -> date | None:
        """The date typed; None when empty and optional; else ValidationError."""
        text = self.text().strip()
        if not text:
            if self.optional:
                return None
            raise ValidationError(field, "required")
        try:
            return fmt.parse_date(text)
        except ValueError as exc:
            raise ValidationError(field, "bad_date", value=text) from exc

    def iso(self, field: str = "date") -> str | None:
        value = self.date(field)
        return value.isoformat() if value else None


def mark_invalid(widget: QWidget, invalid: bool = True) -> None:
    """Outline a field in red (cleared when the user edits it)."""
    _mark_invalid(widget, invalid)


# -- number helpers ----------------------------------------------------------------------
def parse_rate(text: str, field: str = "rate") -> int:
    """Riel per dollar, a whole number > 0 (Khmer digits and grouping accepted)."""
    text = text.strip()
    if not text:
        raise ValidationError(field, "required")
    try:
        value = fmt.parse_decimal(text)
    except ValueError as exc:
        raise ValidationError(field, "bad_rate", value=text) from exc
    if value <= 0 or value != value.to_integral_value():
        raise ValidationError(field, "bad_rate", value=text)
    return int(value)


def parse_quantity(text: str, field: str = "quantity") -> float:
    text = text.strip()
    if not text:
        return 1.0
    try:
        value = fmt.parse_decimal(text)
    except ValueError as exc:
        raise ValidationError(field, "not_a_number", value=text) from exc
    if value == 0:
        raise ValidationError(field, "zero")
    return float(value)


# -- customers ----------------------------------------------------------------------------
ID_ROLE = Role.ID
NAME_ROLE = Role.NAME
_PHONE_TAIL = re.compile(r"^(.*?)[\s,;:/-]*(\+?\d[\d\s.-]{5,})$")


def split_name_phone(text: str) -> tuple[str, str]:
    """'Sokha 012 345 678' → ('Sokha', '012345678'); a bare number is both name and phone."""
    raw = fmt.latin_digits(text.strip())
    m = _PHONE_TAIL.match(raw)
    if not m:
        return text.strip(), ""
    phone = re.sub(r"[\s.-]", "", m.group(2))
    name = text.strip()[: len(m.group(1))].strip() if m.group(1).strip() else phone
    return name, phone


class CustomerPicker(QLineEdit):
    """Type part of a name or phone; pick from the list (QCompleter).

    Empty = walk-in. `resolve()` says which contact the text means, or that
    a new one is to be created with the typed name (and phone, if typed).
    """

    contact_changed = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self._contact_id: int | None = None
        self._contact_name = ""
        self._model = QStandardItemModel(self)
        self._completer = QCompleter(self._model, self)
        self._completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self._completer.setCompletionRole(NAME_ROLE)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setMaxVisibleItems(12)
        self.setCompleter(self._completer)
        self._completer.activated[QModelIndex].connect(self._on_activated)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(120)
        self._timer.timeout.connect(self._search)
        self.textEdited.connect(self._on_edited)
        self.setClearButtonEnabled(True)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setPlaceholderText(tr("Walk-in (type a name or phone)"))

    # -- state ------------------------------------------------------------------
    @property
    def contact_id(self) -> int | None:
        return self._contact_id

    def set_contact(self, contact_id: int | None, name: str = "") -> None:
        """Show a known contact (or walk-in for None)."""
        self._timer.stop()
        self._contact_id = contact_id
        self._contact_name = name if contact_id is not None else ""
        self.setText(self._contact_name)
        self.contact_changed.emit()

    def clear_contact(self) -> None:
        self.set_contact(None)

    def is_new(self) -> bool:
        """The typed text names nobody known: saving will create a contact."""
        kind, _value = self.resolve()
        return kind == "new"

    def resolve(self) -> tuple[str, object]:
        """('walk_in', None) | ('contact', id) | ('new', (name, phone))."""
        text = self.text().strip()
        if not text:
            return "walk_in", None
        if (self._contact_id is not None and text == self._contact_name
                and contacts.contact_exists(self.store, self._contact_id)):
            return "contact", self._contact_id
        found = self._exact_match(text)
        if found is not None:
            return "contact", found
        return "new", split_name_phone(text)

    def resolve_offline(self) -> tuple[str, object]:
        """`resolve()` without asking the store (a shared shop's server lost): the contact
        picked from the list, else the name (and phone) typed, found or made when the sale
        is sent."""
        text = self.text().strip()
        if not text:
            return "walk_in", None
        if self._contact_id is not None and text == self._contact_name:
            return "contact", self._contact_id
        return "new", split_name_phone(text)

    def new_contact(self, created: str) -> ContactInput | None:
        kind, value = self.resolve()
        if kind != "new":
            return None
        name, phone = value  # type: ignore[misc]
        return ContactInput(name=name, created=created, kind="customer", phone=phone)

    def _exact_match(self, text: str) -> int | None:
        latin = fmt.latin_digits(text).replace(" ", "")
        return contacts.find_contact(self.store, text, latin)

    # -- completion ---------------------------------------------------------------------
    def _on_edited(self, text: str) -> None:
        self._contact_id = None
        self._contact_name = ""
        self.contact_changed.emit()
        if text.strip():
            self._timer.start()
        else:
            self._model.clear()
            self._completer.popup().hide()

    def _search(self) -> None:
        text = self.text().strip()
        if not text:
            return
        self._model.clear()
        from kpidesk.ui.server_status import offline_safe

        found = offline_safe(lambda: search_contacts(self.store, fmt.latin_digits(text)), [])
        for contact_id, name, phone in found:
            shown = f"{name}    {fmt.current().phone(phone)}" if phone else name
            item = QStandardItem(shown)
            item.setData(contact_id, ID_ROLE)
            item.setData(name, NAME_ROLE)
            item.setEditable(False)
            self._model.appendRow(item)
        if self._model.rowCount() and self.hasFocus():
            self._completer.complete()
        else:
            self._completer.popup().hide()

    def _on_activated(self, index: QModelIndex) -> None:
        contact_id = index.data(ID_ROLE)
        name = index.data(NAME_ROLE)
        if contact_id is None:
            return
        self._contact_id = int(contact_id)
        self._contact_name = str(name)
        # QCompleter sets the text after this signal; make sure it is the name.
        QTimer.singleShot(0, lambda: self.setText(self._contact_name)
                          if self._contact_id is not None else None)
        self.setText(self._contact_name)
        self.contact_changed.emit()

    def choose(self, contact_id: int) -> None:
        """Pick a contact by id (as if chosen from the list)."""
        self.set_contact(contact_id, contacts.contact_name(self.store, contact_id))


# -- a spin box in the user's digits ----------------------------------------------------
class DigitSpinBox(QSpinBox):
    """A QSpinBox that shows its number in the user's digits (Khmer or Latin) and takes
    either when typed; Qt's own spin box only knows the locale's (Latin) digits."""

    def __init__(self, parent: QWidget | None = None, *, minimum: int = 0,
                 maximum: int = 99) -> None:
        super().__init__(parent)
        self.setRange(minimum, maximum)
        # what was typed in the other kind of digits is shown in the chosen ones once done
        self.editingFinished.connect(self._show_typed_in_digits)

    def _show_typed_in_digits(self) -> None:
        if self.text() != self.prefix() + self.textFromValue(self.value()) + self.suffix():
            self.show_digits()

    def _core(self, text: str) -> str:
        core = text
        if self.prefix() and core.startswith(self.prefix()):
            core = core[len(self.prefix()):]
        if self.suffix() and core.endswith(self.suffix()):
            core = core[:-len(self.suffix())]
        return fmt.latin_digits(core.strip())

    def textFromValue(self, value: int) -> str:  # noqa: N802 (Qt API)
        return fmt.current().digits(str(value))

    def valueFromText(self, text: str) -> int:  # noqa: N802 (Qt API)
        try:
            return int(self._core(text))
        except ValueError:
            return self.value()

    def validate(self, text: str, pos: int) -> object:  # (state, text, pos) in PySide6
        core = self._core(text)
        if core in ("", "-"):
            return QValidator.State.Intermediate, text, pos
        if not core.lstrip("-").isdigit():
            return QValidator.State.Invalid, text, pos
        value = int(core)
        if self.minimum() <= value <= self.maximum():
            return QValidator.State.Acceptable, text, pos
        return QValidator.State.Intermediate, text, pos

    def show_digits(self) -> None:
        """Write the number again in the current digits (after a language change)."""
        self.lineEdit().setText(self.prefix() + self.textFromValue(self.value()) + self.suffix())


_SORT_UP_POINTS_UP: dict[str, bool] = {}


def sort_up_points_up(style: QStyle) -> bool:
    """Whether `style` draws a header's `SortUp` indicator as an arrow pointing up.

    Styles disagree (Fusion: up; Windows: down), so the header asks: the indicator is
    drawn once into a small image and its ink read, row by row (an up arrow is narrow
    at its top). Remembered per style."""
    key = style.name() or type(style).__name__
    if key not in _SORT_UP_POINTS_UP:
        size = 24
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        option = QStyleOptionHeader()
        option.rect = QRect(0, 0, size, size)
        option.state = QStyle.StateFlag.State_Enabled
        option.sortIndicator = QStyleOptionHeader.SortIndicator.SortUp
        painter = QPainter(image)
        style.drawPrimitive(QStyle.PrimitiveElement.PE_IndicatorHeaderArrow, option, painter)
        painter.end()
        widths = [n for y in range(size)
                  if (n := sum(image.pixelColor(x, y).alpha() > 128 for x in range(size)))]
        _SORT_UP_POINTS_UP[key] = len(widths) < 2 or widths[0] <= widths[-1]
    return _SORT_UP_POINTS_UP[key]


class SortArrowHeader(QHeaderView):
    """A table header whose sort arrow points the way the rows go: down when sorted
    descending (largest first), up when ascending, as in the system's file manager.
    Qt's header hands styles `SortUp` for descending, and styles draw `SortUp` their own
    way (Fusion an up arrow, Windows a down one): the indicator is chosen from how this
    header's style draws it (`sort_up_points_up`)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setSectionsClickable(True)
        self.setSortIndicatorShown(True)
        self.setHighlightSections(True)

    def initStyleOptionForIndex(self, option: QStyleOptionHeader,  # noqa: N802 (Qt API)
                                logicalIndex: int) -> None:  # noqa: N803
        super().initStyleOptionForIndex(option, logicalIndex)
        if option.sortIndicator == QStyleOptionHeader.SortIndicator.None_:
            return
        descending = self.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
        # an arrow pointing down for descending: SortDown where SortUp is drawn up
        up_is_up = sort_up_points_up(self.style())
        option.sortIndicator = (QStyleOptionHeader.SortIndicator.SortDown
                                if descending == up_is_up
                                else QStyleOptionHeader.SortIndicator.SortUp)
