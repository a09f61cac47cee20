"""Contacts tab: the table, search and status filter, merge (sales and KPIs follow),
delete only without sales, a contact's page, undo."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt

from kpidesk.store import rollups
from kpidesk.store.contacts import ContactInput, add_contact
from kpidesk.store.sales import LineInput, OrderInput, add_order
from kpidesk.ui.dialogs.contact_dialog import ContactDialog
from kpidesk.ui.models.contacts_model import (
    COL,
    ContactsModel,
)
from kpidesk.ui.tabs.contacts import ContactsTab


def _tab(qtbot, ctx):
    tab = ContactsTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1300, 700)
    tab.show()
    return tab


def _select(tab, *contact_ids):
    tab.table.clearSelection()
    for cid in contact_ids:
        index = tab.proxy.mapFromSource(tab.model.index(tab.model.row_of(cid), 0))
        assert index.isValid()
        tab.table.selectionModel().select(index, QItemSelectionModel.SelectionFlag.Select
                                          | QItemSelectionModel.SelectionFlag.Rows)
    assert sorted(tab.selected_ids()) == sorted(contact_ids)


def test_models_pass_modeltester(qtmodeltester, demo_ctx):
    model = ContactsModel(demo_ctx.store, demo_ctx.today)
    assert model.rowCount() == demo_ctx.store.scalar("SELECT count(*) FROM contacts")
    qtmodeltester.check(model)


def test_statuses_are_the_metrics_statuses(demo_ctx):
    from kpidesk.metrics.contact_status import contact_statuses

    model = ContactsModel(demo_ctx.store, demo_ctx.today)
    statuses = contact_statuses(demo_ctx.store, demo_ctx.today())
    assert {r["id"]: r["status"] for r in model.rows} == statuses
    assert set(statuses.values()) == {"new", "active", "loyal", "at_risk", "lapsed", "lead"}


def test_search_filter_and_sort(qtbot, demo_ctx):
    store = demo_ctx.store
    cid = add_contact(store, ContactInput("សុខ ស្រីមុំ", "2026-11-20", kind="lead",
                                          phone="012 777 888"))
    tab = _tab(qtbot, demo_ctx)
    tab.search_edit.setText("ស្រីមុំ")
    assert tab.proxy.rowCount() == 1
    assert tab.proxy.index(0, COL["name"]).data() == "សុខ ស្រីមុំ"
    tab.search_edit.setText("០១២៧៧៧")  # Khmer digits find a Latin-digit phone
    assert tab.proxy.rowCount() == 1
    tab.search_edit.clear()
    tab.status_combo.setCurrentIndex(tab.status_combo.findData("loyal"))
    n = tab.proxy.rowCount()
    assert 0 < n < tab.model.rowCount()
    assert all(tab.proxy.index(r, COL["status"]).data() == "Loyal" for r in range(n))
    assert "of" in tab.count_label.text()
    tab.status_combo.setCurrentIndex(0)
    tab.table.sortByColumn(COL["orders"], Qt.SortOrder.DescendingOrder)
    top = [tab.model.rows[tab.proxy.mapToSource(tab.proxy.index(r, 0)).row()]["orders"]
           for r in range(5)]
    assert top == sorted(top, reverse=True)
    assert top[0] == max(r["orders"] for r in tab.model.rows)
    assert tab.model.row_of(cid) is not None


def test_merge_in_tab_moves_sales_and_kpis_and_undo(qtbot, demo_ctx, monkeypatch):
    store = demo_ctx.store
    a, b = (r[0] for r in store.conn.execute(
        "SELECT contact_id FROM customer_month GROUP BY contact_id ORDER BY contact_id LIMIT 2"))
    orders_a = store.scalar("SELECT count(*) FROM orders WHERE contact_id = ?", (a,))
    orders_b = store.scalar("SELECT count(*) FROM orders WHERE contact_id = ?", (b,))
    first = min(store.scalar("SELECT first_purchase FROM contacts WHERE id = ?", (c,))
                for c in (a, b))
    before = rollups.snapshot(store.conn)
    tab = _tab(qtbot, demo_ctx)
    _select(tab, a, b)
    asked = []
    monkeypatch.setattr(tab, "ask_keep", lambda x, y: asked.append((x["id"], y["id"])) or b)
    assert tab.merge_selected()
    assert sorted(asked[0]) == sorted([a, b])
    assert store.scalar("SELECT count(*) FROM contacts WHERE id = ?", (a,)) == 0
    assert store.scalar("SELECT count(*) FROM orders WHERE contact_id = ?", (b,)) == \
        orders_a + orders_b
    assert store.scalar("SELECT count(*) FROM customer_month WHERE contact_id = ?", (a,)) == 0
    assert store.scalar("SELECT first_purchase FROM contacts WHERE id = ?", (b,)) == first
    row = tab.model.rows[tab.model.row_of(b)]
    assert row["orders"] == store.scalar(
        "SELECT SUM(orders) FROM customer_month WHERE contact_id = ?", (b,))
    assert tab.model.row_of(a) is None
    assert tab.selected_ids() == [b]
    incremental = rollups.snapshot(store.conn)
    with store.transaction() as conn:
        rollups.rebuild_all(conn)
    assert rollups.snapshot(store.conn) == incremental

    demo_ctx.undo_stack.undo()
    assert rollups.snapshot(store.conn) == before
    assert tab.model.row_of(a) is not None
    demo_ctx.undo_stack.redo()
    assert rollups.snapshot(store.conn) == incremental
    assert tab.model.row_of(a) is None


def test_delete_refused_with_sales_allowed_without(qtbot, demo_ctx, monkeypatch):
    store = demo_ctx.store
    buyer = store.scalar("SELECT contact_id FROM orders WHERE contact_id IS NOT NULL LIMIT 1")
    lead = add_contact(store, ContactInput("Lead to delete", "2026-11-01", kind="lead"))
    tab = _tab(qtbot, demo_ctx)
    messages = []
    monkeypatch.setattr(tab, "inform", messages.append)
    monkeypatch.setattr(tab, "confirm", lambda text: True)
    _select(tab, buyer)
    assert not tab.delete_selected()
    assert "cannot be deleted" in messages[-1] and "merge" in messages[-1]
    assert store.scalar("SELECT count(*) FROM contacts WHERE id = ?", (buyer,)) == 1
    _select(tab, lead)
    assert tab.delete_selected()
    assert store.scalar("SELECT count(*) FROM contacts WHERE id = ?", (lead,)) == 0
    assert tab.model.row_of(lead) is None
    demo_ctx.undo_stack.undo()
    assert store.scalar("SELECT name FROM contacts WHERE id = ?", (lead,)) == "Lead to delete"
    assert tab.model.row_of(lead) is not None


def test_add_and_edit_through_dialog_with_undo(qtbot, demo_ctx, monkeypatch):
    store = demo_ctx.store
    tab = _tab(qtbot, demo_ctx)
    before = store.scalar("SELECT count(*) FROM contacts")
    names = iter(["", "ចាន់ ធីតា"])  # the first try is refused: name required

    def fake_exec(dialog):
        for name in names:
            dialog.name_edit.setText(name)
            dialog.created_edit.setText("២៥/១១/២០២៦")
            dialog.try_accept()
            if dialog.result() == ContactDialog.DialogCode.Accepted:
                break
            assert not dialog.error_label.isHidden()
        return dialog.result()

    monkeypatch.setattr(ContactDialog, "exec", fake_exec)
    cid = tab.add_contact()
    assert store.scalar("SELECT count(*) FROM contacts") == before + 1
    assert tuple(store.query("SELECT name, created FROM contacts WHERE id = ?", (cid,))[0]) == (
        "ចាន់ ធីតា", "2026-11-25")
    assert tab.selected_ids() == [cid]

    def fake_edit(dialog):
        dialog.phone_edit.setText("០៩៩ ១២៣")
        dialog.try_accept()
        return dialog.result()

    monkeypatch.setattr(ContactDialog, "exec", fake_edit)
    tab.edit_contact(cid)
    assert store.scalar("SELECT phone FROM contacts WHERE id = ?", (cid,)) == "០៩៩ ១២៣"
    demo_ctx.undo_stack.undo()
    assert store.scalar("SELECT phone FROM contacts WHERE id = ?", (cid,)) == ""
    demo_ctx.undo_stack.undo()
    assert store.scalar("SELECT count(*) FROM contacts") == before


def test_contact_page_from_main_window(qtbot, main_window):
    store = main_window.ctx.store
    cid = store.scalar("SELECT contact_id FROM customer_month GROUP BY contact_id"
                       " ORDER BY SUM(days) DESC LIMIT 1")
    main_window.open_contact(cid)
    tab = main_window.pages["contacts"]
    assert main_window.current_page() is tab
    page = tab.page_dialog
    assert page is not None and page.isVisible() and page.contact_id == cid
    n_orders = store.scalar("SELECT count(*) FROM orders WHERE contact_id = ?", (cid,))
    assert page.purchases.rowCount() == n_orders
    days = store.scalar("SELECT count(*) FROM customer_day WHERE contact_id = ? AND orders > 0",
                        (cid,))
    assert page.gaps.rowCount() == days - 1
    assert "Usual gap (median)" in page.gap_summary.text()
    # a new sale shows on the open page
    add_order(store, OrderInput("2026-11-26", [LineInput(990)], contact_id=cid))
    assert page.purchases.rowCount() == n_orders + 1


def test_language_switch(qtbot, demo_ctx):
    tab = _tab(qtbot, demo_ctx)
    with qtbot.waitSignal(tab.model.headerDataChanged):
        demo_ctx.language.set_language("km")
    text = tab.count_label.text()
    assert any(ch in text for ch in "០១២៣៤៥៦៧៨៩")
    demo_ctx.language.set_language("en")


def test_sorting_keeps_the_selected_contact_and_survives_a_reload(qtbot, demo_ctx):
    tab = _tab(qtbot, demo_ctx)
    chosen = tab.model.rows[7]["id"]
    tab.select_ids([chosen])
    tab.table.sortByColumn(COL["revenue_365"], Qt.SortOrder.AscendingOrder)
    assert tab.selected_ids() == [chosen]  # the selection follows its contact
    revenues = [r["revenue_365"] or 0 for r in tab.model.rows]
    assert revenues == sorted(revenues)
    tab.table.sortByColumn(COL["name"], Qt.SortOrder.AscendingOrder)
    tab.model.reload()  # after a write the list is read again, in the same order
    names = [r["name"].casefold() for r in tab.model.rows]
    assert names == sorted(names)
