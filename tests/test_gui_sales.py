"""The Sales tab driven like a user: keyboard entry, errors, undo/redo, daily totals,
customers created in place, edit and delete, filters and sort."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kpidesk.i18n import format as fmt
from kpidesk.ui.models.sales_model import COL_AMOUNT, COL_CUSTOMER, COL_DATE, LINE_ID_ROLE
from kpidesk.ui.tabs.sales import SalesTab

MONTH_REVENUE = "SELECT IFNULL(SUM(revenue_usd), 0) FROM daily_revenue WHERE day LIKE '2026-11-%'"


@pytest.fixture
def tab(qtbot, demo_ctx):
    t = SalesTab(demo_ctx)
    qtbot.addWidget(t)
    t.resize(1300, 760)
    t.show()
    qtbot.waitExposed(t)
    t.activateWindow()
    return t


@pytest.fixture
def empty_tab(qtbot, ctx):
    t = SalesTab(ctx)
    qtbot.addWidget(t)
    t.resize(1300, 760)
    t.show()
    qtbot.waitExposed(t)
    return t


def count(store, sql="SELECT count(*) FROM orders", params=()):
    return store.scalar(sql, params)


def newest_order(store):
    return store.query("SELECT * FROM orders ORDER BY id DESC LIMIT 1")[0]


def lines_of(store, order_id):
    return store.query("SELECT * FROM sale_lines WHERE order_id = ? ORDER BY position",
                       (order_id,))


def test_keyboard_entry_saves_and_undo_redo(qtbot, tab, demo_ctx):
    store = demo_ctx.store
    before_orders = count(store)
    before_revenue = store.scalar(MONTH_REVENUE)
    assert tab.date_edit.text() == "26/11/2026"  # today by default
    assert tab.rate_edit.text().replace(",", "").isdigit()  # grouped, as in Settings

    tab.date_edit.setFocus()
    for _ in range(2):  # time, customer
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is tab.customer_edit
    for _ in range(8):  # salesperson, channel, payment, product, quantity, price, discount,
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # amount
    assert QApplication.focusWidget() is tab.amount_edit
    qtbot.keyClicks(tab.amount_edit, "1,250.50")
    qtbot.keyClick(tab.amount_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    assert count(store) == before_orders + 1
    order = newest_order(store)
    assert order["date"] == "2026-11-26" and order["contact_id"] is None
    (line,) = lines_of(store, order["id"])
    assert (line["amount"], line["currency"]) == (125050, "USD")
    assert store.scalar(MONTH_REVENUE) == before_revenue + 125050
    # In the table, first row (newest first), and the form is ready for the next sale.
    assert tab.model.index(0, 0).data(LINE_ID_ROLE) == (order["id"], line["position"])
    assert tab.model.data(tab.model.index(0, COL_AMOUNT)) == "$1,250.50"
    assert tab.amount_edit.text() == ""
    assert tab.date_edit.text() == "26/11/2026"
    assert QApplication.focusWidget() in (tab.product_combo, tab.product_combo.lineEdit())
    assert "1,250.50" in tab.status_label.text()

    demo_ctx.undo_stack.undo()
    assert count(store) == before_orders
    assert store.scalar(MONTH_REVENUE) == before_revenue
    assert tab.model.index(0, 0).data(LINE_ID_ROLE) != (order["id"], line["position"])

    demo_ctx.undo_stack.redo()
    assert count(store) == before_orders + 1
    assert newest_order(store)["id"] == order["id"]
    assert newest_order(store)["uuid"] == order["uuid"]
    assert store.scalar(MONTH_REVENUE) == before_revenue + 125050
    assert tab.model.index(0, 0).data(LINE_ID_ROLE) is not None


def test_enter_from_any_field_saves_with_product_and_salesperson(qtbot, tab, demo_ctx):
    store = demo_ctx.store
    product_id, product = store.query("SELECT id, name FROM products ORDER BY name LIMIT 1")[0]
    tab.product_combo.setFocus()
    tab.product_combo.lineEdit().selectAll()
    qtbot.keyClicks(tab.product_combo.lineEdit(), product)
    tab.product_combo.completer().popup().hide()
    tab.salesperson_combo.setCurrentIndex(1)
    qtbot.keyClicks(tab.quantity_edit, "2")
    qtbot.keyClicks(tab.amount_edit, "$30")
    tab.currency_combo.setCurrentIndex(1)  # KHR
    tab.amount_edit.setText("123000")
    tab.rate_edit.setText("4,050")
    qtbot.keyClicks(tab.note_edit, "two")
    qtbot.keyClick(tab.note_edit, Qt.Key.Key_Enter, Qt.KeyboardModifier.ControlModifier)
    order = newest_order(store)
    (line,) = lines_of(store, order["id"])
    assert line["product_id"] == product_id
    assert (line["amount"], line["currency"], line["rate"]) == (123000, "KHR", 4050)
    assert line["quantity"] == 2 and line["note"] == "two"
    assert order["salesperson_id"] == tab.salesperson_combo.currentData() is not None
    assert line["amount_usd"] == 3037  # 123000 riel / 4050, half to even
    # The rate used last today is the next sale's default; salesperson is kept.
    assert tab.rate_edit.text() == "4,050"
    assert tab.salesperson_combo.currentIndex() == 1


def test_bad_amount_shows_error_and_saves_nothing(qtbot, tab, demo_ctx):
    store = demo_ctx.store
    before = count(store)
    qtbot.keyClicks(tab.amount_edit, "abc")
    qtbot.keyClick(tab.amount_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert count(store) == before
    assert tab.errors["amount"].isVisible()
    assert "not an amount" in tab.errors["amount"].text()
    tab.amount_edit.setText("")
    qtbot.keyClick(tab.amount_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert tab.errors["amount"].text() == "Type an amount."
    assert count(store) == before
    assert demo_ctx.undo_stack.count() == 0
    # Typing clears the message; a good amount then saves.
    qtbot.keyClicks(tab.amount_edit, "5")
    assert not tab.errors["amount"].isVisible()
    qtbot.keyClick(tab.amount_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert count(store) == before + 1


def test_riel_amount_with_decimals_refused(qtbot, tab, demo_ctx):
    before = count(demo_ctx.store)
    tab.currency_combo.setCurrentIndex(1)
    tab.amount_edit.setText("1000.5")
    assert not tab.save()
    assert "whole numbers" in tab.errors["amount"].text()
    tab.currency_combo.setCurrentIndex(0)
    tab.amount_edit.setText("10.505")
    assert not tab.save()
    assert tab.errors["amount"].isVisible()
    assert count(demo_ctx.store) == before


def test_khmer_digits_amount(qtbot, tab, demo_ctx):
    tab.amount_edit.setText("១២៥០")
    qtbot.keyClick(tab.amount_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    (line,) = lines_of(demo_ctx.store, newest_order(demo_ctx.store)["id"])
    assert (line["amount"], line["currency"]) == (125000, "USD")


def test_khmer_date_and_iso_date(qtbot, tab, demo_ctx):
    tab.date_edit.setText("០៣/១១/២០២៦")
    tab.amount_edit.setText("7")
    assert tab.save()
    assert newest_order(demo_ctx.store)["date"] == "2026-11-03"
    tab.date_edit.setText("2026-10-31")
    tab.amount_edit.setText("7")
    assert tab.save()
    assert newest_order(demo_ctx.store)["date"] == "2026-10-31"


def test_impossible_date_and_bad_rate_refused(qtbot, tab, demo_ctx):
    store = demo_ctx.store
    before = count(store)
    tab.date_edit.setText("")
    qtbot.keyClicks(tab.date_edit, "31/02/2026")
    qtbot.keyClicks(tab.amount_edit, "10")
    qtbot.keyClick(tab.amount_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert count(store) == before
    assert "does not exist" in tab.errors["date"].text()
    assert QApplication.focusWidget() is tab.date_edit

    tab.date_edit.setText("26/11/2026")
    for rate in ("0", "-4100", "abc", "4100.5"):
        tab.rate_edit.setText(rate)
        assert not tab.save()
        assert "riel per dollar" in tab.errors["rate"].text()
    assert count(store) == before
    tab.rate_edit.setText("")
    assert not tab.save()
    assert count(store) == before


def test_future_date_asks_to_confirm(qtbot, tab, demo_ctx):
    store = demo_ctx.store
    before = count(store)
    asked = []
    tab.confirm_future = lambda day: asked.append(day) or False
    tab.date_edit.setText("01/12/2026")
    tab.amount_edit.setText("9")
    assert not tab.save()
    assert count(store) == before and len(asked) == 1
    tab.confirm_future = lambda day: True
    assert tab.save()
    assert newest_order(store)["date"] == "2026-12-01"


def test_daily_totals_mode(qtbot, tab, demo_ctx):
    store = demo_ctx.store
    before = count(store)
    asked = []
    tab.confirm_replace = lambda old, old_line, line: asked.append(
        (old_line.amount, old_line.currency, old.receipts, line.amount)) or True
    tab.daily_check.setChecked(True)
    assert not tab.customer_edit.isVisibleTo(tab) and not tab.product_combo.isVisibleTo(tab)
    assert tab.receipts_edit.isVisibleTo(tab) and not tab.number_edit.isVisibleTo(tab)
    shop = tab.channel_combo.findText("Shop")
    tab.channel_combo.setCurrentIndex(shop)
    dara = tab.salesperson_combo.findText("Dara")
    tab.salesperson_combo.setCurrentIndex(dara)
    tab.date_edit.setText("25/11/2026")
    qtbot.keyClicks(tab.amount_edit, "830")
    tab.receipts_edit.setText("41")
    qtbot.keyClick(tab.amount_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    order = newest_order(store)
    assert count(store) == before + 1
    assert order["is_daily_total"] == 1 and order["contact_id"] is None
    assert order["receipts"] == 41 and order["salesperson_id"] == tab.salesperson_combo.itemData(
        dara)
    assert order["date"] == "2026-11-25" and order["channel_id"] == tab.channel_combo.currentData()
    assert [(r["amount"], r["currency"], r["product_id"]) for r in lines_of(store, order["id"])] \
        == [(83000, "USD", None)]
    assert QApplication.focusWidget() is tab.amount_edit
    assert asked == []  # nothing to replace yet
    assert tab.receipts_edit.text() == ""  # the next day's count is typed again

    # Same day, channel and salesperson again: asks, naming the old amount, then replaces
    # that currency's line; still one order, its receipts count kept when none is typed.
    tab.amount_edit.setText("850")
    tab.confirm_replace = lambda *a: asked.append(a) and False
    assert not tab.save()  # "No": the total stays as it was
    assert [r["amount"] for r in lines_of(store, order["id"])] == [83000]
    tab.confirm_replace = lambda old, old_line, line: asked.append(
        (old_line.amount, old_line.currency, old.receipts, line.amount)) or True
    assert tab.save()
    assert asked[-1] == (83000, "USD", 41, 85000)
    assert count(store) == before + 1
    assert [r["amount"] for r in lines_of(store, order["id"])] == [85000]
    assert newest_order(store)["receipts"] == 41
    # Riel taken the same day: a second line of the same daily total (nothing replaced,
    # nothing asked). The status line names what was typed: riel, not the dollar line.
    asked.clear()
    tab.currency_combo.setCurrentIndex(1)
    tab.amount_edit.setText("410,000")
    assert tab.save()
    assert asked == []
    riel = fmt.current().money(410000, "KHR")
    assert riel in tab.status_label.text() and "$" not in tab.status_label.text()
    assert count(store) == before + 1
    assert sorted((r["currency"], r["amount"]) for r in lines_of(store, order["id"])) == \
        [("KHR", 410000), ("USD", 85000)]
    # Another salesperson's total of that day and channel stands beside it (no data lost).
    tab.salesperson_combo.setCurrentIndex(tab.salesperson_combo.findText("Vuthy"))
    tab.currency_combo.setCurrentIndex(0)
    tab.amount_edit.setText("120")
    assert tab.save()
    assert count(store) == before + 2 and asked == []
    assert [r["amount"] for r in lines_of(store, order["id"])] in ([85000, 410000],
                                                                   [410000, 85000])
    # Undo / redo: the status line follows.
    demo_ctx.undo_stack.undo()
    assert count(store) == before + 1
    assert tab.status_label.text().startswith("Undone:") and "$120.00" in \
        tab.status_label.text()
    demo_ctx.undo_stack.redo()
    assert tab.status_label.text().startswith("Redone:")
    demo_ctx.undo_stack.undo()
    demo_ctx.undo_stack.undo()
    assert [r["amount"] for r in lines_of(store, order["id"])] == [85000]
    demo_ctx.undo_stack.undo()
    assert [r["amount"] for r in lines_of(store, order["id"])] == [83000]
    demo_ctx.undo_stack.undo()
    assert count(store) == before


def test_a_refund_in_the_form_gives_items_back(qtbot, tab, demo_ctx):
    store = demo_ctx.store
    product = tab.product_combo.itemText(1)
    tab.product_combo.setEditText(product)
    tab.quantity_edit.setText("2")
    tab.amount_edit.setText("-10")
    assert tab.save()
    (line,) = lines_of(store, newest_order(store)["id"])
    assert (line["quantity"], line["amount"]) == (-2, -1000)


def test_a_sale_dated_after_today_is_marked_in_the_table(qtbot, tab, demo_ctx):
    tab.confirm_future = lambda day: True
    tab.date_edit.setText("03/12/2026")
    tab.amount_edit.setText("25")
    assert tab.save()
    tab.period_combo.setCurrentIndex(tab.period_combo.findData("all"))
    row = tab.model.row_of_line((newest_order(demo_ctx.store)["id"], 1))
    index = tab.model.index(row, COL_DATE)
    assert "after today" in tab.model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert tab.model.data(index, Qt.ItemDataRole.ForegroundRole) is not None
    other = tab.model.index(tab.model.rowCount() - 1, COL_DATE)  # an old sale: not marked
    assert tab.model.data(other, Qt.ItemDataRole.ToolTipRole) is None


def test_customer_created_in_place_is_undone_with_the_sale(qtbot, tab, demo_ctx):
    store = demo_ctx.store
    contacts = count(store, "SELECT count(*) FROM contacts")
    tab.customer_edit.setFocus()
    qtbot.keyClicks(tab.customer_edit, "Zzyzx Brandnew 012 999 888")
    tab.customer_edit.completer().popup().hide()
    assert tab.customer_hint.isVisible()
    tab.date_edit.setText("20/11/2026")
    tab.amount_edit.setText("15")
    assert tab.save()
    order = newest_order(store)
    contact = store.query("SELECT * FROM contacts WHERE id = ?", (order["contact_id"],))[0]
    assert (contact["name"], contact["phone"], contact["kind"], contact["created"]) == \
        ("Zzyzx Brandnew", "012999888", "customer", "2026-11-20")
    assert contact["first_purchase"] == "2026-11-20"
    assert tab.model.data(tab.model.index(
        tab.model.row_of_line((order["id"], 1)), COL_CUSTOMER)) \
        == "Zzyzx Brandnew"

    demo_ctx.undo_stack.undo()
    assert count(store, "SELECT count(*) FROM contacts") == contacts
    assert count(store, "SELECT count(*) FROM orders WHERE id = ?", (order["id"],)) == 0
    demo_ctx.undo_stack.redo()
    again = store.query("SELECT * FROM contacts WHERE id = ?", (contact["id"],))[0]
    assert again["uuid"] == contact["uuid"] and again["name"] == "Zzyzx Brandnew"
    assert newest_order(store)["contact_id"] == contact["id"]


def test_customer_found_by_phone_or_name_and_picked_from_the_list(qtbot, tab, demo_ctx):
    store = demo_ctx.store
    cid, name, phone = store.query(
        "SELECT id, name, phone FROM contacts WHERE phone <> '' ORDER BY id LIMIT 1")[0]
    contacts = count(store, "SELECT count(*) FROM contacts")
    tab.customer_edit.setText(phone)
    assert tab.customer_edit.resolve() == ("contact", cid)
    # Part of the name → the list → Down, Enter picks it.
    tab.customer_edit.setText("")
    tab.customer_edit.setFocus()
    qtbot.keyClicks(tab.customer_edit, phone[2:7])
    popup = tab.customer_edit.completer().popup()
    qtbot.waitUntil(popup.isVisible, timeout=2000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    kind, picked = tab.customer_edit.resolve()
    assert kind == "contact"
    assert phone[2:7] in store.scalar("SELECT phone FROM contacts WHERE id = ?", (picked,))
    tab.amount_edit.setText("3")
    assert tab.save()
    assert newest_order(store)["contact_id"] == picked
    assert count(store, "SELECT count(*) FROM contacts") == contacts
    assert tab.customer_edit.text() == ""  # the next sale starts as a walk-in


def test_edit_row_and_undo(qtbot, tab, demo_ctx):
    store = demo_ctx.store
    tab.amount_edit.setText("40")
    tab.note_edit.setText("first")
    assert tab.save()
    order = newest_order(store)
    tab.table.setFocus()
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)  # Enter on a row opens it in the form
    assert tab.form.editing_order_id == order["id"]
    assert tab.amount_edit.text() == "40.00" and tab.note_edit.text() == "first"
    assert tab.cancel_button.isVisibleTo(tab)
    tab.amount_edit.setText("45")
    qtbot.keyClick(tab.amount_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert count(store, "SELECT count(*) FROM orders WHERE id = ?", (order["id"],)) == 1
    assert [r["amount"] for r in lines_of(store, order["id"])] == [4500]
    assert tab.form.editing_order_id is None
    demo_ctx.undo_stack.undo()
    assert [r["amount"] for r in lines_of(store, order["id"])] == [4000]
    demo_ctx.undo_stack.redo()
    assert [r["amount"] for r in lines_of(store, order["id"])] == [4500]


def test_edit_one_line_of_a_multi_line_order_keeps_the_others(qtbot, tab, demo_ctx):
    store = demo_ctx.store
    oid = store.scalar("SELECT order_id FROM sale_lines GROUP BY order_id HAVING count(*) = 2"
                       " LIMIT 1")
    first, second = lines_of(store, oid)
    tab.edit_order(oid, (oid, second["position"]))
    tab.amount_edit.setText("1")
    tab.currency_combo.setCurrentIndex(0)
    assert tab.save()
    after = lines_of(store, oid)
    assert len(after) == 2
    assert after[0]["amount"] == first["amount"] and after[1]["amount"] == 100


def test_escape_cancels_an_edit_and_restores_the_new_sale_form(qtbot, tab, demo_ctx):
    tab.salesperson_combo.setCurrentIndex(0)
    row = next(r for r in range(50) if tab.model.data(tab.model.index(r, COL_DATE))
               != "26 Nov 2026")
    tab.edit_row(row)
    assert tab.form.editing_order_id is not None
    assert tab.date_edit.text() != "26/11/2026"
    assert tab.salesperson_combo.currentIndex() != 0
    qtbot.keyClick(tab.amount_edit, Qt.Key.Key_Escape)
    assert tab.form.editing_order_id is None and tab.amount_edit.text() == ""
    assert tab.date_edit.text() == "26/11/2026"
    assert tab.salesperson_combo.currentIndex() == 0
    # Saving an edit also brings back the new-sale form.
    tab.edit_row(row)
    tab.note_edit.setText("checked")
    assert tab.save()
    assert tab.date_edit.text() == "26/11/2026" and tab.form.editing_order_id is None


def test_delete_with_confirmation_and_undo(qtbot, tab, demo_ctx):
    store = demo_ctx.store
    before = count(store)
    oid = tab.model.order_id(0)
    snapshot = store.query("SELECT * FROM sale_lines WHERE order_id = ? ORDER BY position",
                           (oid,))
    revenue = store.scalar(MONTH_REVENUE)
    tab.table.setFocus()
    tab.table.selectRow(0)
    tab.confirm_delete = lambda n: False
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert count(store) == before
    tab.confirm_delete = lambda n: True
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert count(store) == before - 1
    assert tab.model.order_id(0) != oid
    assert store.scalar(MONTH_REVENUE) == revenue - sum(r["amount_usd"] for r in snapshot)
    demo_ctx.undo_stack.undo()
    assert count(store) == before
    assert [tuple(r) for r in lines_of(store, oid)] == [tuple(r) for r in snapshot]
    assert store.scalar(MONTH_REVENUE) == revenue
    assert tab.model.order_id(0) == oid
    demo_ctx.undo_stack.redo()
    assert count(store) == before - 1


def test_filters_and_sort_change_the_rows(qtbot, tab, demo_ctx):
    store = demo_ctx.store
    total = store.scalar("SELECT count(*) FROM sale_lines")
    assert tab.model.rowCount() == 500 and tab.model.canFetchMore()
    assert tab.summary_label.text().startswith(f"{total:,} lines")

    october = tab.period_combo.findData("2026-10")
    tab.period_combo.setCurrentIndex(october)
    in_october = store.scalar("SELECT count(*) FROM sale_lines l JOIN orders o"
                              " ON o.id = l.order_id WHERE o.date LIKE '2026-10-%'")
    while tab.model.canFetchMore():
        tab.model.fetchMore()
    assert tab.model.rowCount() == in_october
    assert tab.summary_label.text().startswith(f"{in_october:,} lines")

    tab.period_combo.setCurrentIndex(tab.period_combo.findData("custom"))
    assert tab.from_edit.isVisibleTo(tab)
    tab.from_edit.setText("01/11/2026")
    tab.to_edit.setText("02/11/2026")
    tab.apply_filter()
    days = {tab.model.data(tab.model.index(r, COL_DATE)) for r in range(tab.model.rowCount())}
    assert days <= {"1 Nov 2026", "2 Nov 2026"} and days
    tab.from_edit.setText("32/11/2026")
    tab.apply_filter()
    assert tab.filter_error.isVisible()

    tab.period_combo.setCurrentIndex(0)
    sp = tab.salesperson_filter.findData(
        store.scalar("SELECT id FROM salespeople ORDER BY id LIMIT 1"))
    tab.salesperson_filter.setCurrentIndex(sp)
    name = tab.salesperson_filter.currentText()
    assert {tab.model.data(tab.model.index(r, 3)) for r in range(tab.model.rowCount())} == {name}

    tab.salesperson_filter.setCurrentIndex(0)
    number = store.scalar("SELECT number FROM orders ORDER BY id DESC LIMIT 1 OFFSET 700")
    qtbot.keyClicks(tab.search_edit, number)
    qtbot.waitUntil(lambda: tab.model.rowCount() < 10, timeout=2000)
    assert tab.model.rowCount() >= 1
    assert tab.model.order_id(0) == store.scalar("SELECT id FROM orders WHERE number = ?",
                                                 (number,))
    tab.search_edit.clear()
    qtbot.waitUntil(lambda: tab.model.rowCount() == 500, timeout=2000)

    # Clicking a header sorts (ascending amount first: refunds, the negative lines).
    header = tab.table.horizontalHeader()
    x = header.sectionViewportPosition(COL_AMOUNT) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.viewport().rect().topLeft().__class__(x, 5))
    assert tab.model.sort_column == COL_AMOUNT
    lowest = store.scalar("SELECT MIN(amount_usd) FROM sale_lines")  # the shop reports in USD
    line = tab.model.index(0, 0).data(LINE_ID_ROLE)
    highest = store.scalar("SELECT MAX(amount_usd) FROM sale_lines")
    expected = lowest if tab.model.sort_order == Qt.SortOrder.AscendingOrder else highest
    amount_of = "SELECT amount_usd FROM sale_lines WHERE order_id = ? AND position = ?"
    assert store.scalar(amount_of, line) == expected
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.viewport().rect().topLeft().__class__(x, 5))
    line = tab.model.index(0, 0).data(LINE_ID_ROLE)
    assert store.scalar(amount_of, line) == (highest if expected == lowest else lowest)


def test_fetch_more_through_the_view(qtbot, tab):
    assert tab.model.rowCount() == 500
    tab.table.scrollToBottom()
    qtbot.waitUntil(lambda: tab.model.rowCount() > 500, timeout=3000)


def test_new_sale_in_empty_store_and_undo(qtbot, empty_tab, ctx):
    assert empty_tab.model.rowCount() == 0
    assert empty_tab.rate_edit.text() == "4,100"  # the store's default rate
    empty_tab.amount_edit.setText("2")
    assert empty_tab.save()
    assert empty_tab.model.rowCount() == 1
    assert empty_tab.period_combo.findData("2026-11") >= 0
    ctx.undo_stack.undo()
    assert empty_tab.model.rowCount() == 0


def test_language_switch_and_screenshots(qtbot, tab, demo_ctx, tmp_path):
    tab.amount_edit.setText("abc")
    tab.save()
    english_error = tab.errors["amount"].text()
    tab.grab().save(str(tmp_path / "sales_en.png"))
    with qtbot.waitSignal(tab.model.headerDataChanged):
        demo_ctx.language.set_language("km")
    assert "២០២៦" in tab.date_edit.text()
    assert tab.labels["amount"].text() != "&Amount"  # translated by the Khmer catalogue
    assert tab.title() != "Sales"
    assert tab.errors["amount"].text() != english_error
    assert "២០២៦" in tab.model.data(tab.model.index(0, COL_DATE))
    assert tab.errors["amount"].text()  # still shown, in the current language
    assert tab.title()
    tab.grab().save(str(tmp_path / "sales_km.png"))
    assert (tmp_path / "sales_km.png").stat().st_size > 10_000
    # Khmer digits typed in the date field are read back.
    tab.amount_edit.setText("៥")
    assert tab.save()
    assert newest_order(demo_ctx.store)["date"] == "2026-11-26"
    demo_ctx.language.set_language("en")
    assert tab.date_edit.text() == "26/11/2026"
    assert english_error


def test_ctrl_z_in_an_empty_field_reaches_the_undo_stack(qtbot, main_window, demo_ctx):
    tab = main_window.show_tab("sales")
    before = count(demo_ctx.store)
    tab.daily_check.setChecked(True)
    tab.amount_edit.setFocus()
    qtbot.keyClicks(tab.amount_edit, "12")
    qtbot.keyClick(tab.amount_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert count(demo_ctx.store) == before + 1
    assert QApplication.focusWidget() is tab.amount_edit
    qtbot.keyClick(tab.amount_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert count(demo_ctx.store) == before
    demo_ctx.undo_stack.redo()
    assert count(demo_ctx.store) == before + 1
    # With text typed in the field, Ctrl+Z undoes the typing, not the sale.
    qtbot.keyClicks(tab.amount_edit, "7")
    qtbot.keyClick(tab.amount_edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert tab.amount_edit.text() == ""
    assert count(demo_ctx.store) == before + 1


def test_unknown_product_refused(qtbot, tab, demo_ctx):
    before = count(demo_ctx.store)
    tab.product_combo.setEditText("No such product at all")
    tab.amount_edit.setText("4")
    assert not tab.save()
    assert tab.errors["product"].isVisible()
    assert "No product has this name" in tab.errors["product"].text()
    assert count(demo_ctx.store) == before


def test_contact_deleted_elsewhere_after_picking(qtbot, tab, demo_ctx):
    from kpidesk.store.contacts import delete_contact

    store = demo_ctx.store
    cid, name = store.query("SELECT id, name FROM contacts c WHERE NOT EXISTS"
                            " (SELECT 1 FROM orders o WHERE o.contact_id = c.id)"
                            " AND (SELECT count(*) FROM contacts d WHERE d.name = c.name) = 1"
                            " LIMIT 1")[0]
    tab.customer_edit.choose(cid)
    assert tab.customer_edit.resolve() == ("contact", cid)
    delete_contact(store, cid)
    tab.amount_edit.setText("6")
    assert tab.save()  # no foreign-key failure: the name is created again as a customer
    order = newest_order(store)
    assert order["contact_id"] != cid
    assert store.scalar("SELECT name FROM contacts WHERE id = ?", (order["contact_id"],)) == name


def test_part_of_a_product_name_that_matches_one_product(qtbot, tab, demo_ctx):
    store = demo_ctx.store
    names = [r[0] for r in store.query("SELECT name FROM products")]
    # a fragment found in exactly one product name (case-insensitive)
    fragment, product = next((n[i:i + 5], n) for n in names for i in range(len(n) - 4)
                             if sum(n[i:i + 5].lower() in m.lower() for m in names) == 1)
    tab.product_combo.setFocus()
    qtbot.keyClicks(tab.product_combo.lineEdit(), fragment.lower())
    tab.product_combo.completer().popup().hide()
    tab.amount_edit.setText("8")
    assert tab.save()
    (line,) = lines_of(store, newest_order(store)["id"])
    assert line["product_id"] == store.scalar("SELECT id FROM products WHERE name = ?", (product,))


def test_double_click_opens_the_sale(qtbot, tab, demo_ctx):
    rect = tab.table.visualRect(tab.model.index(1, 2))
    qtbot.mousePress(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseRelease(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert tab.form.editing_order_id == tab.model.order_id(1)


def test_ctrl_z_right_after_saving_with_a_product(qtbot, main_window, demo_ctx):
    tab = main_window.show_tab("sales")
    store = demo_ctx.store
    before = count(store)
    product = store.scalar("SELECT name FROM products ORDER BY name LIMIT 1")
    tab.product_combo.setFocus()
    qtbot.keyClicks(tab.product_combo.lineEdit(), product)
    tab.product_combo.completer().popup().hide()
    tab.amount_edit.setFocus()
    tab.amount_edit.selectAll()  # the product's price × 1 is there: typing replaces it
    qtbot.keyClicks(tab.amount_edit, "3")
    qtbot.keyClick(tab.amount_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert count(store) == before + 1
    focused = QApplication.focusWidget()
    assert focused in (tab.product_combo, tab.product_combo.lineEdit())
    qtbot.keyClick(focused, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert count(store) == before
    assert tab.product_combo.currentText() == product


def test_refresh_keeps_the_current_row(qtbot, tab, demo_ctx):
    tab.table.setCurrentIndex(tab.model.index(5, 2))
    line = tab.model.line_id(5)
    tab.amount_edit.setText("2")
    assert tab.save()  # a new line arrives on top: the current one moves down by one
    assert tab.model.line_id(tab.table.currentIndex().row()) == line
    assert tab.table.currentIndex().row() == 6
