"""The ×4,000 slip in the Sales form: the currency box starts at the shop's reporting
currency, K / R / ៛ pick riel (Latin or Khmer keyboard), and an amount that looks wrong
asks before it is saved (never refused)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from kpidesk.store import security
from kpidesk.ui.tabs.sales import SalesTab


def _tab(qtbot, ctx):
    t = SalesTab(ctx)
    qtbot.addWidget(t)
    t.resize(1300, 760)
    t.show()
    return t


def _key(widget, text: str) -> None:
    """A key press carrying `text` (Khmer text cannot go through qtbot.keyClicks)."""
    QApplication.sendEvent(widget, QKeyEvent(QEvent.Type.KeyPress, 0,
                                             Qt.KeyboardModifier.NoModifier, text))


def _newest_line(store):
    return store.query("SELECT amount, currency FROM sale_lines ORDER BY order_id DESC, position DESC LIMIT 1")[0]


def test_currency_starts_at_the_reporting_currency_then_the_last_used(qtbot, ctx):
    with security.owner_session(ctx.store, with_pin=False):
        ctx.store.set_setting("reporting_currency", "KHR")
    tab = _tab(qtbot, ctx)
    assert tab.currency_combo.currentData() == "KHR"
    tab.confirm_unusual = lambda doubts: True
    tab.set_currency("USD")
    tab.amount_edit.setText("2.50")
    assert tab.save()
    tab.reset_form(keep=False)
    assert tab.currency_combo.currentData() == "USD"  # the last one used


@pytest.mark.parametrize("lang", ["en", "km"])
@pytest.mark.parametrize("text", ["K", "r", "៛", "ក", "រ"])
def test_riel_keys_pick_riel(qtbot, ctx, lang, text):
    ctx.language.set_language(lang)
    tab = _tab(qtbot, ctx)
    tab.set_currency("USD")
    tab.currency_combo.setFocus()
    _key(tab.currency_combo, text)
    assert tab.currency_combo.currentData() == "KHR"
    _key(tab.currency_combo, "$")
    assert tab.currency_combo.currentData() == "USD"


@pytest.mark.parametrize("typed", ["៛6000", "6000៛", "6000K", "6,000 r"])
def test_riel_typed_with_the_amount_saves_riel(qtbot, ctx, typed):
    tab = _tab(qtbot, ctx)
    tab.set_currency("USD")
    tab.amount_edit.setText("")
    tab.amount_edit.setFocus()
    tab.amount_edit.textEdited.emit(typed)  # as typing does
    tab.amount_edit.setText(typed)
    tab.amount_edit.textEdited.emit(typed)
    assert tab.currency_combo.currentData() == "KHR"
    assert tab.save()
    assert tuple(_newest_line(ctx.store)) == (6000, "KHR")


def test_two_bags_of_chips_as_six_thousand_dollars_is_caught_not_blocked(qtbot, demo_ctx):
    store = demo_ctx.store
    product, name = store.conn.execute(
        "SELECT p.id, p.name FROM products p JOIN sale_lines l ON l.product_id = p.id"
        " GROUP BY p.id HAVING count(*) > 5 ORDER BY AVG(l.amount_usd) LIMIT 1").fetchone()
    tab = _tab(qtbot, demo_ctx)
    asked = []
    tab.confirm_unusual = lambda doubts: asked.append(doubts) or False  # "Correct it"
    before = store.scalar("SELECT count(*) FROM sale_lines")
    tab.set_currency("USD")
    tab.product_combo.setEditText(name)
    tab.quantity_edit.setText("2")
    tab.amount_edit.setText("6,000.00")
    assert not tab.save()
    assert store.scalar("SELECT count(*) FROM sale_lines") == before
    codes = [d.code for d in asked[0]]
    assert "usd_looks_like_riel" in codes and "above_usual" in codes
    texts = [tab.doubt_text(d) for d in asked[0]]
    assert "6,000៛" in texts[0] and "$6,000.00" in texts[0]
    tab.confirm_unusual = lambda doubts: True  # "Save anyway": never blocked
    assert tab.save()
    assert tuple(_newest_line(store)) == (600_000, "USD")


def test_an_odd_rate_asks_and_the_message_is_in_khmer(qtbot, ctx):
    ctx.language.set_language("km")
    tab = _tab(qtbot, ctx)
    asked = []
    tab.confirm_unusual = lambda doubts: asked.append(doubts) or False
    tab.amount_edit.setText("2.00")
    tab.rate_edit.setText("41000")
    assert not tab.save()
    [doubt] = asked[0]
    assert doubt.code == "rate_unusual"
    text = tab.doubt_text(doubt)
    assert "៤១,០០០" in text and "៣,០០០" in text and "rate" not in text
