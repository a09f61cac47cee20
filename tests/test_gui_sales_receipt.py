"""The Sales form takes a receipt of several lines by keyboard alone, and refunds chosen
items of a sale from its Refund key; figures checked against the rows written."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QInputDialog, QMessageBox

from kpidesk.store import receipts, reference, security
from kpidesk.store.errors import ValidationError
from kpidesk.store.money import convert
from kpidesk.store.sales import LineInput, OrderInput, add_order, get_order
from kpidesk.ui.sales.lines import change_due
from kpidesk.ui.tabs.sales import SalesTab

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def shop(ctx):
    store = ctx.store
    cat = reference.add_named(store, "categories", "Phones")
    ids = {name: reference.add_named(store, "products", name, category_id=cat)
           for name in ("Phone", "Case", "Charger")}
    receipts.set_product_price(store, ids["Phone"], unit_price=15000, unit_cost=12000)
    receipts.set_product_price(store, ids["Case"], unit_price=500, unit_cost=150)
    receipts.set_product_price(store, ids["Charger"], unit_price=900, unit_cost=None)
    return ids


@pytest.fixture
def tab(qtbot, ctx, shop):
    t = SalesTab(ctx)
    qtbot.addWidget(t)
    t.resize(1300, 720)
    t.show()
    qtbot.waitExposed(t)
    return t


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def tab_key(qtbot) -> None:
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)


def test_three_item_receipt_with_a_discount_by_keyboard(qtbot, ctx, shop, tab):
    store = ctx.store
    tab.payment_combo.setFocus()
    qtbot.keyClicks(tab.payment_combo, "KHQR")  # a closed list: typing picks the item
    assert tab.payment_combo.currentText() == "KHQR"
    type_into(qtbot, tab.time_edit, "14:05")
    assert re.fullmatch(r"\d\d:\d\d", tab.form.time_edit.text())
    product = tab.product_combo.lineEdit()
    # 1: the product, Enter: one at its price
    type_into(qtbot, product, "Phone")
    qtbot.keyClick(product, Qt.Key.Key_Return)
    assert QApplication.focusWidget() in (tab.product_combo, product)
    # 2: three cases
    qtbot.keyClicks(product, "Case")
    tab_key(qtbot)
    assert QApplication.focusWidget() is tab.quantity_edit
    qtbot.keyClicks(tab.quantity_edit, "3")
    assert tab.amount_edit.text() == "15.00"  # 3 × 5.00 as typed
    qtbot.keyClick(tab.quantity_edit, Qt.Key.Key_Return)
    # 3: two chargers with one dollar off, and this line's own cost
    qtbot.keyClicks(product, "Charger")
    tab_key(qtbot)
    qtbot.keyClicks(tab.quantity_edit, "2")
    tab_key(qtbot)  # the unit price, filled from the product
    assert QApplication.focusWidget() is tab.form.price_edit
    assert tab.form.price_edit.text() == "9.00"
    tab_key(qtbot)
    qtbot.keyClicks(tab.form.discount_edit, "1")
    assert tab.amount_edit.text() == "17.00"  # 2 × 9.00 − 1.00
    tab_key(qtbot)
    tab_key(qtbot)
    assert QApplication.focusWidget() is tab.form.cost_edit
    qtbot.keyClicks(tab.form.cost_edit, "6")
    qtbot.keyClick(tab.form.cost_edit, Qt.Key.Key_Return)
    panel = tab.form.receipt
    assert panel.model.rowCount() == 3
    rate = tab.form.rate()
    typed_total = 15000 + 1500 + 1700
    assert panel.total_label.text() == (
        f"Total ${typed_total / 100:,.2f} = "
        f"{convert(typed_total, 'USD', rate)[1]:,}៛")
    # the customer hands over $200: the change in riel to the 100-riel note
    type_into(qtbot, panel.paid_usd_edit, "200")
    change_khr = (convert(20000 - typed_total, "USD", rate)[1] + 50) // 100 * 100
    assert f"{change_khr:,}" in panel.change_label.text()
    qtbot.keyClick(panel.paid_usd_edit, Qt.Key.Key_Return, CTRL)

    order_id = store.scalar("SELECT max(id) FROM orders")
    rows = store.query("SELECT product_id, quantity, unit_price, discount, amount, unit_cost"
                       " FROM sale_lines WHERE order_id = ? ORDER BY position", (order_id,))
    assert [tuple(r) for r in rows] == [
        (shop["Phone"], 1, 15000, None, 15000, 12000), (shop["Case"], 3, 500, None, 1500, 150),
        (shop["Charger"], 2, 900, 100, 1700, 600)]
    written = sum(r[4] for r in rows)
    order = get_order(store, order_id)
    khqr = next(m.id for m in receipts.payment_methods(store) if m.name == "KHQR")
    assert (order.payment_id, order.time) == (khqr, "14:05")
    assert f"${written / 100:,.2f}" in tab.status_label.text()
    # the change shown was that of the rows written
    assert change_due(written, "USD", rate, 20000, 0)[0] == change_khr
    # ready for the next receipt: no lines, the time is now again, the payment kept
    assert panel.model.rowCount() == 0 and panel.change_label.text() == ""
    assert tab.payment_combo.currentData() == khqr
    assert tab.time_edit.text() != "14:05"
    # the payment method is remembered for the next time the form opens
    again = SalesTab(ctx)
    qtbot.addWidget(again)
    assert again.payment_combo.currentData() == khqr
    # undo takes the whole receipt away
    ctx.undo_stack.undo()
    assert store.scalar("SELECT count(*) FROM orders") == 0


def test_a_line_with_an_error_is_not_added(qtbot, ctx, shop, tab):
    product = tab.product_combo.lineEdit()
    type_into(qtbot, product, "Nothing like it")
    qtbot.keyClick(product, Qt.Key.Key_Return)
    assert tab.form.receipt.model.rowCount() == 0
    assert tab.errors["product"].isVisible()
    type_into(qtbot, product, "Case")
    qtbot.keyClick(product, Qt.Key.Key_Return)
    type_into(qtbot, tab.time_edit, "25:61")
    assert not tab.save()
    assert tab.errors["time"].isVisible()
    assert ctx.store.scalar("SELECT count(*) FROM orders") == 0
    # Enter on the empty line saves the receipt once the time is right
    type_into(qtbot, tab.time_edit, "09:30")
    qtbot.keyClick(product, Qt.Key.Key_Return)
    assert ctx.store.scalar("SELECT count(*) FROM orders") == 1


def test_change_due_rounds_riel_to_the_note():
    assert change_due(1250, "USD", 4100, 2000, 0) == (30800, 750)  # 30,750 → 30,800
    assert change_due(1250, "USD", 4100, 1000, 10300) == (100, 1)  # 50 riel → the 100 note
    assert change_due(1250, "USD", 4100, 1000, 10000) is None  # 250 riel short
    assert change_due(51300, "KHR", 4100, 0, 50000) is None  # not enough


def test_partial_refund_from_the_form_asks_for_the_pin(qtbot, ctx, shop, tab, monkeypatch):
    store = ctx.store
    sale = add_order(store, OrderInput(date="2026-11-20", number="R-7", lines=[
        LineInput(amount=15000, product_id=shop["Phone"], unit_price=15000),
        LineInput(amount=1400, product_id=shop["Case"], quantity=3, unit_price=500,
                  discount=100)]))
    security.set_pin(store, "2468")
    type_into(qtbot, tab.number_edit, "R-7")
    qtbot.keyClick(tab.number_edit, Qt.Key.Key_R, CTRL)  # the form's Refund key
    dialog = tab.refund_dialog
    assert dialog is not None and dialog.isVisible()
    # the phone stays with the customer, two of the three cases come back
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.spins[0])
    qtbot.keyClicks(dialog.spins[0], "0")
    tab_key(qtbot)
    assert QApplication.focusWidget() is dialog.spins[1]
    dialog.spins[1].selectAll()
    qtbot.keyClicks(dialog.spins[1], "2")
    assert dialog.quantities() == {2: 2}
    # no PIN given: nothing is written
    asked = []
    monkeypatch.setattr(QInputDialog, "getText",
                        staticmethod(lambda *a, **k: asked.append(a) or ("", False)))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: None))
    qtbot.keyClick(dialog.spins[1], Qt.Key.Key_Return)
    assert asked and receipts.refunds_of(store, sale) == []
    # the owner's PIN: the refund is written
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("2468", True)))
    qtbot.keyClick(dialog.spins[1], Qt.Key.Key_Return)
    (refund_id,) = receipts.refunds_of(store, sale)
    rows = store.query("SELECT product_id, quantity, amount, discount FROM sale_lines"
                       " WHERE order_id = ?", (refund_id,))
    sold = store.query("SELECT quantity, amount, discount FROM sale_lines WHERE order_id = ?"
                       " AND product_id = ?", (sale, shop["Case"]))[0]
    back_amount = round(sold[1] * 2 / sold[0])  # in proportion: 2 of 3
    assert [tuple(r) for r in rows] == [(shop["Case"], -2, -back_amount,
                                         round(sold[2] * 2 / sold[0]))]
    refund = get_order(store, refund_id)
    assert (refund.date, refund.refund_of) == (ctx.today().isoformat(), sale)
    assert not dialog.isVisible()


def test_refund_key_without_a_sale_says_how(qtbot, ctx, shop, tab):
    qtbot.keyClick(tab.product_combo.lineEdit(), Qt.Key.Key_R, CTRL)
    assert tab.refund_dialog is None
    assert "Refund" in tab.form_error.text()


def test_refund_of_more_than_was_sold_is_refused(ctx, shop):
    sale = add_order(ctx.store, OrderInput(date="2026-11-20", lines=[
        LineInput(amount=1000, product_id=shop["Case"], quantity=2, unit_price=500)]))
    with pytest.raises(ValidationError) as refused:
        receipts.refund_input(ctx.store, sale, day="2026-11-26", quantities={1: 3})
    assert refused.value.code == "above_sold"


def test_the_rest_of_a_partly_refunded_sale_comes_back_in_the_dialog(qtbot, ctx, shop):
    """A sale refunded in part before: the dialog offers what is left of each line (a line
    given back whole cannot be chosen), and refunds it; the parts add up to the sale."""
    from kpidesk.ui.sales.refund import RefundDialog

    sale = add_order(ctx.store, OrderInput(date="2026-11-20", lines=[
        LineInput(amount=1500, product_id=shop["Case"], quantity=3, unit_price=500),
        LineInput(amount=900, product_id=shop["Phone"], quantity=1, unit_price=900)]))
    receipts.refund_order(ctx.store, sale, day="2026-11-21", quantities={1: 1, 2: 1})
    dialog = RefundDialog(ctx, sale)
    qtbot.addWidget(dialog)
    cases, phone = dialog.spins
    assert (cases.maximum(), cases.value(), cases.isEnabled()) == (2, 2, True)
    assert (phone.maximum(), phone.isEnabled()) == (0, False)
    assert dialog.quantities() == {1: 2}
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    refund_id = dialog.refund()
    assert refund_id is not None
    lines = [line for r in receipts.refunds_of(ctx.store, sale)
             for line in get_order(ctx.store, r).lines]
    assert sum(-x.quantity for x in lines if x.product_id == shop["Case"]) == 3
    assert sum(-x.amount for x in lines) == 1500 + 900
    assert receipts.refunds_of(ctx.store, sale)[-1] == refund_id
    with pytest.raises(ValidationError) as nothing_left:
        receipts.refund_input(ctx.store, sale, day="2026-11-26")
    assert nothing_left.value.code == "already_refunded"


def test_editing_a_receipt_opens_all_its_lines_and_saves_them_as_one(qtbot, ctx, shop,
                                                                     tab):
    """The second line of a three-line receipt opened: it is in the line fields, the other
    two in the receipt panel; its quantity changed and Ctrl+Enter saves the receipt whole,
    the lines in their order; one Ctrl+Z puts the receipt back; the history keeps both."""
    from kpidesk.store import history

    store = ctx.store
    lines = [LineInput(amount=15000, product_id=shop["Phone"], quantity=1, unit_price=15000,
                       unit_cost=12000),
             LineInput(amount=1500, product_id=shop["Case"], quantity=3, unit_price=500,
                       unit_cost=150),
             LineInput(amount=900, product_id=shop["Charger"], quantity=1, unit_price=900)]
    sale = add_order(store, OrderInput(date="2026-11-20", time="10:00", lines=lines))
    tab.form.edit_order(sale, (sale, 2))
    assert tab.form.edits_receipt() and tab.form.receipt.isVisible()
    assert tab.product_combo.currentText() == "Case"
    assert [(x.product_id, x.amount) for x in tab.form.receipt.lines] == [
        (shop["Phone"], 15000), (shop["Charger"], 900)]
    type_into(qtbot, tab.quantity_edit, "2")
    tab.form.amount_edit.setFocus()  # the amount follows quantity × price
    qtbot.keyClick(tab.form.amount_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    saved = get_order(store, sale)
    assert [(x.product_id, x.quantity, x.amount) for x in saved.lines] == [
        (shop["Phone"], 1, 15000), (shop["Case"], 2, 1000), (shop["Charger"], 1, 900)]
    assert saved.time == "10:00"
    assert store.scalar("SELECT count(*) FROM orders") == 1
    assert store.scalar("SELECT SUM(amount_usd) FROM sale_lines") == 16900
    assert [e.action for e in history.entries(store)][:1] == ["edit_sale"]
    assert not tab.form.edits_receipt()
    ctx.undo_stack.undo()
    back = get_order(store, sale)
    assert [(x.product_id, x.quantity, x.amount) for x in back.lines] == [
        (shop["Phone"], 1, 15000), (shop["Case"], 3, 1500), (shop["Charger"], 1, 900)]


def test_a_line_removed_from_an_opened_receipt_is_gone_when_saved(qtbot, ctx, shop, tab):
    store = ctx.store
    sale = add_order(store, OrderInput(date="2026-11-20", lines=[
        LineInput(amount=1000, product_id=shop["Case"], quantity=2, unit_price=500),
        LineInput(amount=900, product_id=shop["Charger"], quantity=1, unit_price=900)]))
    tab.form.edit_order(sale, (sale, 1))
    panel = tab.form.receipt
    panel.view.setCurrentIndex(panel.model.index(0, 0))
    panel.remove_current()  # the charger goes
    assert tab.form.save()
    assert [(x.product_id, x.amount) for x in get_order(store, sale).lines] == [
        (shop["Case"], 1000)]


def test_the_keys_hint_says_what_enter_does_while_a_saved_receipt_is_changed(qtbot, ctx,
                                                                            shop, tab):
    """A new receipt: Enter adds the line. A saved one opened: Enter saves it (and does),
    Esc cancels; in Khmer too, each mode its own sentence."""
    store = ctx.store
    hint = tab.form.receipt.hint_label
    assert hint.text().startswith("Enter adds the line")
    sale = add_order(store, OrderInput(date="2026-11-20", lines=[
        LineInput(amount=1000, product_id=shop["Case"], quantity=2, unit_price=500),
        LineInput(amount=900, product_id=shop["Charger"], quantity=1, unit_price=900)]))
    tab.form.edit_order(sale, (sale, 1))
    assert hint.isVisible()
    assert hint.text().startswith("Enter saves the changed receipt")
    assert "Enter adds" not in hint.text() and "Esc" in hint.text()
    ctx.language.set_language("km")
    try:
        editing_km = hint.text()
        tab.form.cancel_edit()
        new_km = hint.text()
        assert editing_km != new_km
        for text in (editing_km, new_km):
            assert not re.search("[A-Za-z]{4,}", text.replace("Enter", "").replace(
                "Delete", "").replace("Ctrl", "").replace("Esc", "")), text
        tab.form.edit_order(sale, (sale, 1))
        assert hint.text() == editing_km
    finally:
        ctx.language.set_language("en")
    assert hint.text().startswith("Enter saves the changed receipt")
    type_into(qtbot, tab.quantity_edit, "3")
    tab.form.amount_edit.setFocus()
    qtbot.keyClick(tab.form.amount_edit, Qt.Key.Key_Return)  # what the hint says: it saves
    assert [(x.product_id, x.quantity) for x in get_order(store, sale).lines] == [
        (shop["Case"], 3), (shop["Charger"], 1)]
    assert store.scalar("SELECT count(*) FROM orders") == 1
    assert hint.text().startswith("Enter adds the line")
