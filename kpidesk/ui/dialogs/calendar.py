"""Settings ▸ Calendar: the shop's calendar for holiday-aware pacing (KPI.md §2b).

Lists Cambodia's coming public holidays and festivals (Khmer New Year, Visak Bochea,
Pchum Ben, the Water Festival…) and the days the shop marked; marks a day closed (it
weighs nothing in pacing, and needs nothing) or special; chooses how a month's target is
paced (by last year's days, or evenly) and how a yearly target is spread (by last
year's months, or evenly). Every change is the owner's (PIN) and one undo step (Edit ▸
Undo, which asks for the PIN again).
"""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.metrics import calendar as shop_calendar
from kpidesk.store.errors import StoreError, ValidationError
from kpidesk.ui.commands.base import push
from kpidesk.ui.commands.insight import MarkDayCommand, SettingCommand
from kpidesk.ui.insight.models import CalendarModel
from kpidesk.ui.messages import validation_text
from kpidesk.ui.screen import keep_on_screen
from kpidesk.ui.widgets import DateEdit, ErrorLabel

SHOWN_DAYS = 183  # the coming half year
PACING = ("calendar", "even")
SPREAD = ("last_year", "even")
KINDS = ("closed", "special", None)


tr = translator("CalendarDialog")


SETTING_TEXTS = {  # the undo step of each choice, in the language of the moment
    "pacing": lambda: tr("Change how the month's target is paced"),
    "yearly_spread": lambda: tr("Change how a yearly target is spread"),
}


class CalendarDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        keep_on_screen(self)
        self.ctx = ctx
        self.setObjectName("calendarDialog")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        form = QFormLayout()
        self.pacing_label, self.pacing_combo = QLabel(self), QComboBox(self)
        self.pacing_combo.setObjectName("pacing")
        self.pacing_combo.addItems(["", ""])
        self.pacing_label.setBuddy(self.pacing_combo)
        self.spread_label, self.spread_combo = QLabel(self), QComboBox(self)
        self.spread_combo.setObjectName("yearlySpread")
        self.spread_combo.addItems(["", ""])
        self.spread_label.setBuddy(self.spread_combo)
        form.addRow(self.pacing_label, self.pacing_combo)
        form.addRow(self.spread_label, self.spread_combo)

        from kpidesk.ui.insight.views import _table

        self.model = CalendarModel(self)
        self.view = _table(self, self.model, "calendarTable")
        self.view.clicked.connect(self._row_picked)

        self.day_label, self.day_edit = QLabel(self), DateEdit(self)
        self.day_edit.setObjectName("calendarDay")
        self.day_label.setBuddy(self.day_edit)
        self.kind_label, self.kind_combo = QLabel(self), QComboBox(self)
        self.kind_combo.setObjectName("calendarKind")
        self.kind_combo.addItems(["", "", ""])
        self.kind_label.setBuddy(self.kind_combo)
        self.note_label, self.note_edit = QLabel(self), QLineEdit(self)
        self.note_edit.setObjectName("calendarNote")
        self.note_label.setBuddy(self.note_edit)
        self.mark_button = QPushButton(self)
        self.mark_button.setObjectName("markDay")
        self.mark_button.clicked.connect(self.mark)
        mark_row = QHBoxLayout()
        for w in (self.day_label, self.day_edit, self.kind_label, self.kind_combo,
                  self.note_label, self.note_edit, self.mark_button):
            mark_row.addWidget(w)
        self.error = ErrorLabel(self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.view, 1)
        layout.addLayout(mark_row)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.retranslate_ui()
        store = ctx.store
        self.pacing_combo.setCurrentIndex(max(0, PACING.index(store.setting("pacing"))
                                              if store.setting("pacing") in PACING else 0))
        self.spread_combo.setCurrentIndex(
            SPREAD.index(store.setting("yearly_spread"))
            if store.setting("yearly_spread") in SPREAD else 0)
        self.pacing_combo.currentIndexChanged.connect(
            lambda i: self._set_setting("pacing", PACING[i], self.pacing_combo))
        self.spread_combo.currentIndexChanged.connect(
            lambda i: self._set_setting("yearly_spread", SPREAD[i], self.spread_combo))
        self.day_edit.set_date(ctx.today())
        self.reload()
        self.resize(760, 560)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(tr("Shop calendar"))
        self.intro.setText(tr("Holidays change how much a shop sells: a month's target is "
                              "paced by last year's days, each holiday by the same holiday "
                              "last year. Mark the days the shop is closed: they need no "
                              "sales."))
        self.pacing_label.setText(tr("&Pace the month's target:"))
        self.pacing_combo.setItemText(0, tr("by last year's days and holidays"))
        self.pacing_combo.setItemText(1, tr("evenly over the open days"))
        self.spread_label.setText(tr("&Spread a yearly target:"))
        self.spread_combo.setItemText(0, tr("by last year's months"))
        self.spread_combo.setItemText(1, tr("evenly over the months"))
        self.day_label.setText(tr("&Day:"))
        self.kind_label.setText(tr("&Mark as:"))
        self.kind_combo.setItemText(0, tr("closed"))
        self.kind_combo.setItemText(1, tr("special day"))
        self.kind_combo.setItemText(2, tr("not marked"))
        self.note_label.setText(tr("&Note:"))
        self.mark_button.setText(tr("Sa&ve the day"))
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(tr("&Close"))
        self.model.retranslate()

    def reload(self) -> None:
        today = self.ctx.today()
        last = today + timedelta(days=SHOWN_DAYS)
        lang = self.ctx.language.lang
        rows = []
        for day in shop_calendar.month_calendar(self.ctx.store, today.isoformat(),
                                                last.isoformat()):
            if day.holiday is None and not day.closed and not day.special:
                continue
            mark = tr("closed") if day.closed else tr("special day") if day.special else ""
            rows.append({"day": day.day, "holiday": day.holiday.label(lang) if day.holiday
                         else "", "mark": mark, "note": day.note})
        self.model.set_rows(rows)

    def _row_picked(self, index) -> None:
        row = self.model.rows[index.row()]
        self.day_edit.set_date(row["day"])
        self.note_edit.setText(row.get("note") or "")

    def _set_setting(self, key: str, value: str, combo: QComboBox) -> None:
        from kpidesk.ui.messages import store_error_text

        store = self.ctx.store
        options = PACING if key == "pacing" else SPREAD
        before = store.setting(key) if store.setting(key) in options else options[0]
        if before == value:
            return
        with self.ctx.owner_session(self, "setting") as allowed:
            if allowed:
                try:
                    push(self.ctx.undo_stack, SettingCommand(
                        store, SETTING_TEXTS[key], key, before, value))
                    return
                except StoreError as err:
                    self.error.show_error(store_error_text(err, store.path))
        combo.blockSignals(True)  # refused: show the setting as it stays
        combo.setCurrentIndex(options.index(store.setting(key)) if store.setting(key) in
                              options else 0)
        combo.blockSignals(False)

    def mark(self) -> bool:
        from kpidesk.ui.messages import store_error_text

        self.error.clear_error()
        try:
            day = self.day_edit.iso("date")
        except ValidationError as err:
            self.error.show_error(validation_text(err))
            return False
        kind = KINDS[self.kind_combo.currentIndex()]
        with self.ctx.owner_session(self, "setting") as allowed:
            if not allowed:
                return False
            note = self.note_edit.text().strip()
            try:
                push(self.ctx.undo_stack, MarkDayCommand(
                    self.ctx.store, lambda: fmt.fill(tr("Mark %1 in the shop calendar"),
                                                     fmt.current().date(day)),
                    day, None if kind is None else (kind, note)))
            except ValidationError as err:
                self.error.show_error(validation_text(err))
                return False
            except StoreError as err:
                self.error.show_error(store_error_text(err, self.ctx.store.path))
                return False
        self.reload()
        return True


class CalendarButton(QPushButton):
    """Settings ▸ "Shop calendar…": opens the dialog; its text follows the language."""

    def __init__(self, tab, parent: QWidget) -> None:
        super().__init__(parent)
        self.tab = tab
        self.setObjectName("shopCalendar")
        self.clicked.connect(self.open_dialog)
        tab.ctx.language.language_changed.connect(self.retranslate)  # a bound method: let go
        self.retranslate()                                            # when deleted

    def retranslate(self, _lang: str = "") -> None:
        self.setText(tr("Shop calen&dar…"))

    def open_dialog(self) -> None:
        CalendarDialog(self.tab.ctx, self.tab).exec()


def add_calendar_button(tab, parent: QWidget, row) -> QPushButton:
    button = CalendarButton(tab, parent)
    row.addWidget(button)
    return button
