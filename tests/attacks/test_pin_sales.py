"""Attack: a staff member without the owner PIN rewrites past sales through the Sales tab
(edit, delete, undo, redo, negative amounts). Each route must be refused, every time,
and the owner's PIN must let it through (recorded in the change history)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from kpidesk.store import history, security
from kpidesk.store.errors import PinRequiredError
from kpidesk.store.sales import LineInput, OrderInput, add_order, delete_order, update_order
from kpidesk.ui.tabs.sales import SalesTab

PIN = "2468"


class Prompts:
    """Answers the PIN prompt as scripted (a staff member: cancel; the owner: the PIN)."""

    def __init__(self, monkeypatch, answer=("", False)) -> None:
        self.asked: list[str] = []
        self.answer = answer
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(self._get_text))
        monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: None))

    def _get_text(self, *args, **kwargs):
        self.asked.append(args[2])
        return self.answer


@pytest.fixture
def tab(qtbot, demo_ctx):
    security.set_pin(demo_ctx.store, PIN)
    t = SalesTab(demo_ctx)
    qtbot.addWidget(t)
    t.resize(1300, 760)
    t.show()
    t.confirm_future = lambda day: True
    t.confirm_delete = lambda count: True
    t.confirm_unusual = lambda doubts: True
    return t


def _past_sale(store) -> int:
    """A $12.00 sale of an earlier day (2026-11-20), entered on another day (through another
    connection: not one of this app's own entries of today)."""
    from kpidesk.store.db import Store

    with Store(store.path) as other:
        return add_order(other, OrderInput("2026-11-20", [LineInput(1200, "USD", 4100)]))


def _amount(store, order_id):
    return store.scalar("SELECT SUM(amount) FROM sale_lines WHERE order_id = ?", (order_id,))


def test_staff_edit_of_an_earlier_days_sale_down_to_a_cent_is_refused(tab, demo_ctx,
                                                                      monkeypatch):
    store = demo_ctx.store
    order = _past_sale(store)
    prompts = Prompts(monkeypatch)  # staff: does not know the PIN
    tab.edit_order(order)
    tab.amount_edit.setText("0.01")
    assert not tab.save()
    assert prompts.asked and "earlier day" in prompts.asked[0]
    assert _amount(store, order) == 1200
    assert "owner's PIN" in tab.form_error.text()
    assert not history.entries(store, action="edit_sale")

    prompts.answer = (PIN, True)  # the owner
    assert tab.save()
    assert _amount(store, order) == 1
    [entry] = history.entries(store, action="edit_sale")
    assert entry.with_pin and entry.before["lines"] == [[1200, "USD"]]
    assert entry.after["lines"] == [[1, "USD"]]


def test_staff_cannot_enter_a_negative_amount(tab, demo_ctx, monkeypatch):
    store = demo_ctx.store
    before = store.scalar("SELECT count(*) FROM orders")
    prompts = Prompts(monkeypatch)
    tab.amount_edit.setText("-5.00")
    assert not tab.save()
    assert prompts.asked and "below zero" in prompts.asked[0]
    assert store.scalar("SELECT count(*) FROM orders") == before
    prompts.answer = (PIN, True)
    assert tab.save()
    [entry] = history.entries(store, action="refund")
    assert entry.with_pin and entry.after["lines"] == [[-500, "USD"]]


def test_staff_may_correct_todays_sale(tab, demo_ctx, monkeypatch):
    store = demo_ctx.store
    prompts = Prompts(monkeypatch)
    tab.amount_edit.setText("12.00")
    assert tab.save()
    order = store.scalar("SELECT max(id) FROM orders")
    tab.edit_order(order)
    tab.amount_edit.setText("11.50")
    assert tab.save()
    assert _amount(store, order) == 1150
    assert not prompts.asked
    [entry] = history.entries(store, action="edit_sale")
    assert not entry.with_pin


def test_staff_may_fix_a_sale_of_yesterday_they_just_entered(tab, demo_ctx, monkeypatch):
    store = demo_ctx.store
    prompts = Prompts(monkeypatch)
    tab.date_edit.setText("25/11/2026")
    tab.amount_edit.setText("3.00")
    assert tab.save()
    order = store.scalar("SELECT max(id) FROM orders")
    tab.edit_order(order)
    tab.amount_edit.setText("3.50")
    assert tab.save()
    demo_ctx.undo(tab)
    demo_ctx.undo(tab)  # and take it back: still their own entry of today
    assert store.scalar("SELECT count(*) FROM orders WHERE id = ?", (order,)) == 0
    assert not prompts.asked


def test_undo_and_redo_of_the_owners_delete_ask_for_the_pin(tab, demo_ctx, monkeypatch):
    store = demo_ctx.store
    order = _past_sale(store)
    prompts = Prompts(monkeypatch, (PIN, True))
    tab.period_combo.setCurrentIndex(tab.period_combo.findData("2026-11"))
    tab.apply_filter()
    row = tab.model.row_of_line((order, 1))  # its first line
    tab.table.selectRow(row)
    assert tab.delete_selected()
    assert len(prompts.asked) == 1
    prompts.answer = ("", False)  # staff tries Edit ▸ Undo
    assert not demo_ctx.undo(tab)
    assert len(prompts.asked) == 2
    assert store.scalar("SELECT count(*) FROM orders WHERE id = ?", (order,)) == 0
    prompts.answer = (PIN, True)
    assert demo_ctx.undo(tab)
    assert store.scalar("SELECT count(*) FROM orders WHERE id = ?", (order,)) == 1
    prompts.answer = ("", False)  # and Redo
    assert not demo_ctx.redo(tab)
    assert store.scalar("SELECT count(*) FROM orders WHERE id = ?", (order,)) == 1


def test_undo_of_the_owners_edit_asks_for_the_pin(tab, demo_ctx, monkeypatch):
    store = demo_ctx.store
    order = _past_sale(store)
    prompts = Prompts(monkeypatch, (PIN, True))
    tab.edit_order(order)
    tab.amount_edit.setText("15.00")
    assert tab.save()
    prompts.answer = ("", False)
    assert not demo_ctx.undo(tab)
    assert _amount(store, order) == 1500
    prompts.answer = (PIN, True)
    assert demo_ctx.undo(tab)
    assert _amount(store, order) == 1200


def test_the_undo_stack_itself_cannot_get_round_the_store(tab, demo_ctx, monkeypatch):
    """A route that forgot to ask (here: the stack called directly) is refused by the store."""
    store = demo_ctx.store
    order = _past_sale(store)
    prompts = Prompts(monkeypatch, (PIN, True))
    tab.edit_order(order)
    tab.amount_edit.setText("15.00")
    assert tab.save()
    demo_ctx.undo_stack.undo()  # no PIN asked: the store refuses, nothing changes
    assert _amount(store, order) == 1500
    assert len(prompts.asked) == 1


def test_store_refuses_every_staff_route(demo_store):
    security.set_pin(demo_store, PIN)
    demo_store.today_fn = lambda: __import__("datetime").date(2026, 11, 26)
    past = demo_store.scalar("SELECT id FROM orders WHERE date < '2026-11-26'"
                             " ORDER BY id LIMIT 1")
    with pytest.raises(PinRequiredError) as err:
        update_order(demo_store, past, OrderInput("2026-11-20", [LineInput(1, "USD", 4100)]))
    assert err.value.reason == "past_day"
    with pytest.raises(PinRequiredError):
        delete_order(demo_store, past)
    with pytest.raises(PinRequiredError) as err:
        add_order(demo_store, OrderInput("2026-11-26", [LineInput(-100, "USD", 4100)]))
    assert err.value.reason == "negative"
    today = demo_store.scalar(  # a sale of today, not a refund, entered by someone else
        "SELECT o.id FROM orders o JOIN sale_lines l ON l.order_id = o.id"
        " WHERE o.date = '2026-11-26' GROUP BY o.id HAVING min(l.amount) > 0 LIMIT 1")
    update_order(demo_store, today, OrderInput("2026-11-26", [LineInput(100, "USD", 4100)]))
    with pytest.raises(PinRequiredError):  # but not moved to an earlier day
        update_order(demo_store, today, OrderInput("2026-11-01", [LineInput(100, "USD", 4100)]))
