"""The change history: every kind of change recorded by the store, shown to the owner in
File ▸ History with a filter, in English and Khmer; nothing in it can be edited."""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt

from kpidesk.store import contacts, history, reference, security, targets
from kpidesk.store.sales import LineInput, OrderInput, add_order, delete_order, update_order
from kpidesk.ui.dialogs.history import HistoryDialog


def _changes(store):
    """One change of each kind the owner makes, with the PIN."""
    store.today_fn = lambda: __import__("datetime").date(2026, 11, 26)
    with security.owner_session(store, with_pin=True):
        past = store.scalar("SELECT id FROM orders WHERE date = '2026-11-20' LIMIT 1")
        update_order(store, past, OrderInput("2026-11-20", [LineInput(1, "USD", 4100)],
                                             number="R-77"))
        refund = add_order(store, OrderInput("2026-11-26", [LineInput(-1500, "USD", 4100)]))
        delete_order(store, refund)
        store.set_setting("shop_name", "Sok Mart")
        targets.set_target(store, "2026-12", "revenue", 500_000)
        product = store.scalar("SELECT id FROM products LIMIT 1")
        reference.rename(store, "products", product, "Tiger beer")
        a = contacts.add_contact(store, contacts.ContactInput("Dara", "2026-11-01"))
        b = contacts.add_contact(store, contacts.ContactInput("Dara K", "2026-11-01"))
        contacts.merge_contacts(store, a, b)


def test_each_kind_of_change_is_recorded_with_the_pin(demo_store):
    _changes(demo_store)
    kinds = {e.action for e in history.entries(demo_store)}
    assert {"edit_sale", "refund", "delete_sale", "setting", "target", "merge"} <= kinds
    assert all(e.with_pin for e in history.entries(demo_store) if e.action != "pin")
    [edit] = history.entries(demo_store, action="edit_sale")
    assert edit.after == {"date": "2026-11-20", "number": "R-77", "lines": [[1, "USD"]],
                          "customer": None, "salesperson": None}
    [name] = history.entries(demo_store, text="Sok Mart")
    assert name.before["value"] != "Sok Mart" and name.after == {"value": "Sok Mart"}


def test_the_history_cannot_be_edited(demo_store):
    _changes(demo_store)
    with pytest.raises(sqlite3.DatabaseError):
        demo_store.conn.execute("UPDATE change_history SET with_pin = 1")
    with pytest.raises(sqlite3.DatabaseError):
        demo_store.conn.execute("DELETE FROM change_history")


@pytest.mark.parametrize("lang", ["en", "km"])
def test_the_history_window_and_its_filter(qtbot, demo_ctx, lang):
    _changes(demo_ctx.store)
    demo_ctx.language.set_language(lang)
    dialog = HistoryDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.model
    everything = model.rowCount()
    assert everything >= 7
    for row in range(model.rowCount()):
        for column in range(model.columnCount()):
            index = model.index(row, column)
            assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
    dialog.kind_combo.setCurrentIndex(2)  # refunds
    assert model.rowCount() == 1
    refund = [model.index(0, c).data() for c in range(model.columnCount())]
    if lang == "en":
        assert refund[1] == "Refund" and "-$15.00" in refund[4] and refund[5] == "given"
    else:
        # dollars keep Latin digits in Khmer by default; dates and counts are Khmer
        assert refund[1].replace("\u200b", "") == "ការសងប្រាក់វិញ" and "15.00" in refund[4]
        assert not any(ch in "0123456789" for ch in refund[0])  # Khmer digits
    dialog.kind_combo.setCurrentIndex(0)
    dialog.search.setText("Tiger")
    dialog.refresh()
    assert model.rowCount() == 1 and "Tiger beer" in model.index(0, 4).data()
    dialog.search.setText("")
    dialog.from_edit.setText("01/01/2000")
    dialog.to_edit.setText("01/01/2001")
    dialog.refresh()
    assert model.rowCount() == 0


def test_a_closed_history_window_never_reads_the_shop_again(qtbot, demo_ctx):
    dialog = HistoryDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.search.setText("x")  # a refresh is due in 250 ms
    dialog.close()
    dialog.close()
    demo_ctx.store.close()
    qtbot.wait(400)  # nothing runs on the closed shop
    demo_ctx.data_changed.emit({"sales"})
