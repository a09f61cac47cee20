"""KPI cards: a title, a big value and a small note ("month to date", "provisional").

A card holds no text of its own: the tab that owns it sets the (translated)
title and note in its ``retranslate_ui()`` and the formatted value on
refresh, so a refresh only changes label texts, never widgets.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from kpidesk.i18n.fonts import HINT_COLOUR, caption_size
from kpidesk.ui.names import object_name

NOT_AVAILABLE = "—"

# value colours for a good / bad sign (growth, attainment, pace)
GOOD = "#1b7f3b"
BAD = "#b3261e"
NEUTRAL = ""


class KpiCard(QFrame):
    """One KPI: title on top, value below, an optional note under it."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(object_name("card", key))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        # styled by CardGrid's one style sheet (one per card and label cost start-up time)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("title")
        self.title_label.setWordWrap(False)
        self.value_label = QLabel(NOT_AVAILABLE, self)
        self.value_label.setObjectName("value")
        font = self.value_label.font()
        font.setPointSizeF(max(font.pointSizeF(), 9) * 1.45)
        font.setBold(True)
        self.value_label.setFont(font)
        self.value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.note_label = QLabel(self)
        self.note_label.setObjectName("note")
        self._base_pt = max(self.note_label.font().pointSizeF(), 9)
        self._fit_note_font()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        layout.addWidget(self.title_label)
        layout.addWidget(self.value_label)
        layout.addWidget(self.note_label)
        self._colour = NEUTRAL

    # -- texts ---------------------------------------------------------------
    def _fit_note_font(self) -> None:
        small = self.note_label.font()
        small.setPointSizeF(caption_size(self._base_pt, 0.85))
        if small.pointSizeF() != self.note_label.font().pointSizeF():
            self.note_label.setFont(small)

    def set_title(self, text: str, tooltip: str = "") -> None:
        """Called on every language change: the note's size follows the language too."""
        self.title_label.setText(text)
        self.setToolTip(tooltip)
        self._fit_note_font()

    def title(self) -> str:
        return self.title_label.text()

    def set_value(self, text: str | None, colour: str = NEUTRAL) -> None:
        text = text if text not in (None, "") else NOT_AVAILABLE
        if text != self.value_label.text():
            self.value_label.setText(text)
        if colour != self._colour:
            self._colour = colour
            self.value_label.setStyleSheet(f"color: {colour};" if colour else "")

    def value(self) -> str:
        return self.value_label.text()

    def set_note(self, text: str) -> None:
        if text != self.note_label.text():
            self.note_label.setText(text)

    def note(self) -> str:
        return self.note_label.text()


CARD_STYLE = (
    "KpiCard { background: palette(base); border: 1px solid palette(mid); border-radius: 6px; }"
    f" KpiCard QLabel#title, KpiCard QLabel#note {{ color: {HINT_COLOUR}; }}"
)


class CardGrid(QWidget):
    """Cards in rows of `columns`, keyed by KPI name; one style sheet styles them all."""

    def __init__(self, keys: list[str], columns: int = 6, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(CARD_STYLE)
        self.cards: dict[str, KpiCard] = {}
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        for index, key in enumerate(keys):
            card = KpiCard(key, self)
            self.cards[key] = card
            layout.addWidget(card, index // columns, index % columns)
        for column in range(columns):
            layout.setColumnStretch(column, 1)

    def __getitem__(self, key: str) -> KpiCard:
        return self.cards[key]


def sign_colour(ratio: float | None, good_from: float = 0.0) -> str:
    """Green when `ratio` ≥ `good_from`, red below, nothing when not available."""
    if ratio is None:
        return NEUTRAL
    return GOOD if ratio >= good_from else BAD
