"""Holidays where targets and revenue are shown: a line under the Targets grid for the
month of the selected cell, the revenue chart's hover label, and the spread of a yearly
target by last year's months in the Targets tab's spread dialog."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from kpidesk.i18n import format as fmt
from kpidesk.i18n.fonts import HINT_COLOUR
from kpidesk.i18n.tr import translator
from kpidesk.metrics import calendar, pacing
from kpidesk.metrics.periods import parse_period

tr = translator("Holidays")


def _language() -> str:
    return "km" if fmt.current().lang == "km" else "en"


def month_holidays(month: str) -> list[tuple[str, str]]:
    """[(day, name)] of a month's public holidays (a festival of several days once, on its
    first day, with the days it lasts)."""
    p = parse_period(month)
    f = fmt.current()
    out: list[tuple[str, str]] = []
    previous: tuple[str, ...] | None = None
    for day, holiday in calendar.holidays_between(p.start, p.end).items():
        if holiday.names == previous:
            continue
        previous = holiday.names
        out.append((f.date(day), holiday.label(_language())))
    return out


def holiday_text(month: str) -> str:
    items = month_holidays(month)
    if not items:
        return ""
    return fmt.fill(tr("Holidays in %1: %2"), fmt.current().month(month),
                    "; ".join(f"{name} ({day})" for day, name in items))


def holiday_hover_html(month: str) -> str:
    """Lines for a chart's hover label (empty when the month has no holiday)."""
    items = month_holidays(month)
    return "".join(f"<br>{escape(name)} ({escape(day)})" for day, name in items)


class HolidayHint(QLabel):
    """Under the Targets grid: the holidays of the month of the current cell."""

    def __init__(self, view, model, parent: QWidget | None = None, language=None) -> None:
        super().__init__(parent)
        self.setObjectName("holidayHint")
        self.setWordWrap(True)
        self.setStyleSheet(f"color: {HINT_COLOUR};")
        self.view, self.model = view, model
        view.selectionModel().currentChanged.connect(self.update_text)
        model.modelReset.connect(self.update_text)
        if language is not None:  # names and dates in the new language
            language.language_changed.connect(self.update_text)
        self.update_text()

    def update_text(self, *_args) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            month, _sp = self.model.key_of(index)
        else:  # no cell chosen yet: this month, in this year's grid (else its January)
            today = self.model.today
            month = (f"{today.year:04d}-{today.month:02d}" if self.model.year == today.year
                     else f"{self.model.year:04d}-01")
        self.setText(holiday_text(month))


def add_last_year_button(dialog, row) -> QPushButton | None:
    """In the spread dialog: "By last year's months", and those shares to start with when
    last year is a full year of history and the shop spreads by it (Settings ▸ Calendar)."""
    shares = pacing.yearly_spread_percents(dialog.model.store, dialog.model.year)
    if shares is None:
        return None
    button = QPushButton(tr("By &last year's months"), dialog)
    button.setObjectName("lastYearShares")

    def apply() -> None:
        f = fmt.current()
        for edit, share in zip(dialog.percents, shares, strict=True):
            edit.blockSignals(True)
            edit.setText(f.decimal(share, 2))
            edit.blockSignals(False)
        dialog.update_preview()

    button.clicked.connect(apply)
    row.insertWidget(1, button)
    apply()
    return button
