"""The questions the Sales form asks before saving (a mixin of SaleSaving): an amount that
looks wrong, a date in the future, a daily total that replaces the one saved."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QMessageBox

from kpidesk.i18n import format as fmt
from kpidesk.i18n.tr import translator
from kpidesk.metrics.sanity import Doubt, line_doubts
from kpidesk.store import sales as store_sales
from kpidesk.store.sales import LineInput, OrderInput
from kpidesk.ui.widgets import parse_rate

tr = translator("SalesTab")


class SaleQuestions:
    """What the form asks first; SaleForm's `confirm_*` hooks call the `_ask_*` here."""

    # -- amounts that look wrong ---------------------------------------------------------
    def _doubts(self, line: LineInput) -> list[Doubt]:
        if self._editing is not None:
            _order_id, index, old = self._editing
            kept = old.lines if self.edits_receipt() else old.lines[index:index + 1]
            if any((before.amount, before.currency, before.rate)
                   == (line.amount, line.currency, line.rate) for before in kept):
                return []  # not what this edit changed
        if self.daily_check.isChecked():
            usual = store_sales.usual_daily_total(self.store)
        else:
            usual = store_sales.usual_unit_price(self.store, line.product_id)
        return line_doubts(line.amount, line.currency, line.rate, line.quantity or 1.0, usual)

    def doubt_text(self, doubt: Doubt) -> str:
        f = fmt.current()
        p = doubt.params
        amount = self.amount_edit.text().strip()
        if doubt.code == "usd_looks_like_riel":
            return fmt.fill(tr("%1 is a lot of dollars. Did you mean %2 (about %3)?"),
                            f.money(p["riel"] * 100, "USD"), f.money(p["riel"], "KHR"),
                            f.money(p["riel_in_usd"], "USD"))
        if doubt.code == "khr_looks_like_usd":
            return fmt.fill(tr("%1 is very little in riel. Did you mean %2?"),
                            f.money(p["usd"] // 100, "KHR"), f.money(p["usd"], "USD"))
        if doubt.code == "above_usual":
            return fmt.fill(tr("That is %1 times this product's usual price (%2 each)."),
                            f.integer(p["times"]), f.money(p["usual"], "USD"))
        if doubt.code == "rate_unusual":
            return fmt.fill(tr("A rate of %1 riel per dollar is unusual: it is mostly between "
                               "%2 and %3."),
                            f.integer(parse_rate(self.rate_edit.text())), f.integer(p["low"]),
                            f.integer(p["high"]))
        return amount

    def _ask_unusual(self, doubts: list[Doubt]) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, tr("Check this amount"),
                          "\n\n".join(self.doubt_text(d) for d in doubts), parent=self)
        box.setInformativeText(tr("Save it as it is?"))
        save = box.addButton(tr("&Save anyway"), QMessageBox.ButtonRole.AcceptRole)
        fix = box.addButton(tr("&Correct it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(fix)
        box.setEscapeButton(fix)
        box.exec()
        return box.clickedButton() is save

    def _ask_replace(self, old: OrderInput, old_line: LineInput, new_line: LineInput) -> bool:
        """Ask before a daily total replaces the one already saved for its day, channel and
        salesperson, naming the old amount."""
        f = fmt.current()
        text = fmt.fill(tr("The daily total of %1 for this channel and salesperson is already "
                           "%2. Replace it with %3?"),
                        f.date(old.date), f.money(old_line.amount, old_line.currency),
                        f.money(new_line.amount, new_line.currency))
        if old.receipts is not None:
            text += "\n" + fmt.fill(tr("It was made of %1 receipts."), f.integer(old.receipts))
        answer = QMessageBox.question(
            self, tr("Replace the daily total?"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _ask_future(self, day: date) -> bool:
        answer = QMessageBox.question(
            self, tr("Date in the future"),
            fmt.fill(tr("%1 is in the future. Save this sale with that date?"),
                     fmt.current().date(day)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes
