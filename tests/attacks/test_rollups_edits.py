"""Attack: make each kind of edit the app allows, then compare every rollup table with a
recomputation from the raw lines. Changing a product's category in Settings left
daily_revenue stale (349 rows differed on the demo shop)."""

from __future__ import annotations

import pytest

from kpidesk.store import contacts, opportunities, reference, rollups, sales, security
from kpidesk.store.db import Store


def _differences(store: Store) -> dict[str, int]:
    incremental = rollups.snapshot(store.conn)
    with store.transaction() as conn:
        rollups.rebuild_all(conn)
    rebuilt = rollups.snapshot(store.conn)
    return {table: len(set(incremental[table]) ^ set(rebuilt[table]))
            for table in rebuilt if incremental[table] != rebuilt[table]}


@pytest.fixture
def shop(demo_store):
    assert _differences(demo_store) == {}
    return demo_store


def _busy_product(store: Store) -> int:
    return store.scalar("SELECT product_id FROM sale_lines WHERE product_id IS NOT NULL"
                        " GROUP BY product_id ORDER BY count(*) DESC LIMIT 1")


def test_changing_a_products_category_refreshes_daily_revenue(shop):
    product = _busy_product(shop)
    other = shop.scalar("SELECT id FROM categories WHERE id IS NOT"
                        " (SELECT category_id FROM products WHERE id = ?) LIMIT 1", (product,))
    reference.set_category(shop, product, other)
    assert _differences(shop) == {}
    reference.set_category(shop, product, None)
    assert _differences(shop) == {}
    new = reference.add_named(shop, "categories", "Brand new")
    reference.set_category(shop, product, new)
    assert _differences(shop) == {}


def test_the_settings_tab_category_edit(qtbot, demo_ctx):
    from kpidesk.ui.settings import NamedListModel

    store = demo_ctx.store
    product = _busy_product(store)
    model = NamedListModel(store, "products", lambda action, label: action() or True)
    row = next(i for i, r in enumerate(model.rows) if r["id"] == product)
    assert model.setData(model.index(row, 1), "Snacks and more")
    assert store.scalar("SELECT c.name FROM products p JOIN categories c ON c.id = p.category_id"
                        " WHERE p.id = ?", (product,)) == "Snacks and more"
    assert _differences(store) == {}


def test_every_kind_of_sale_edit(shop):
    order_id = shop.scalar("SELECT id FROM orders WHERE contact_id IS NOT NULL"
                           " AND date < '2026-11-01' LIMIT 1")
    order = sales.get_order(shop, order_id)
    people = [r[0] for r in shop.conn.execute("SELECT id FROM salespeople")]
    channels = [r[0] for r in shop.conn.execute("SELECT id FROM channels")]
    contact = shop.scalar("SELECT id FROM contacts WHERE id IS NOT ? LIMIT 1",
                          (order.contact_id,))
    edits = [
        {"date": "2026-10-03"}, {"contact_id": contact}, {"contact_id": None},
        {"salesperson_id": people[-1]}, {"channel_id": channels[-1]},
    ]
    for change in edits:
        for key, value in change.items():
            setattr(order, key, value)
        sales.update_order(shop, order_id, order)
        assert _differences(shop) == {}, change
    order.lines[0].product_id = _busy_product(shop)
    order.lines[0].currency, order.lines[0].amount = "KHR", 41000
    sales.update_order(shop, order_id, order)
    assert _differences(shop) == {}
    order.lines[0].amount = -41000  # a refund
    sales.update_order(shop, order_id, order)
    assert _differences(shop) == {}
    snapshot = sales.delete_order(shop, order_id)
    assert _differences(shop) == {}
    sales.restore_order(shop, order_id, snapshot)
    assert _differences(shop) == {}


def test_contacts_merged_unmerged_deleted_and_put_back(shop):
    a, b = (r[0] for r in shop.conn.execute(
        "SELECT contact_id FROM orders WHERE contact_id IS NOT NULL GROUP BY contact_id"
        " ORDER BY count(*) DESC LIMIT 2"))
    snap = contacts.merge_contacts(shop, a, b)
    assert _differences(shop) == {}
    contacts.unmerge_contacts(shop, snap)
    assert _differences(shop) == {}
    lonely = contacts.add_contact(shop, contacts.ContactInput("Lonely", "2026-11-01"))
    snap = contacts.delete_contact(shop, lonely)
    contacts.restore_contact(shop, snap)
    assert _differences(shop) == {}


def test_settings_that_rollups_depend_on(shop):
    with security.owner_session(shop, with_pin=False):
        shop.set_setting("loyal_min_orders", "2")
    assert _differences(shop) == {}
    product = _busy_product(shop)
    reference.remove_named(shop, "products", product)  # in use: made inactive
    reference.rename(shop, "products", product, "Renamed")
    assert _differences(shop) == {}


def test_an_opportunity_won_and_reopened(shop):
    opp = shop.scalar("SELECT id FROM opportunities WHERE status = 'open' LIMIT 1")
    order = opportunities.mark_won(shop, opp, "2026-11-20", create_sale=True)
    assert order and _differences(shop) == {}
    sales.delete_order(shop, int(order))
    assert _differences(shop) == {}
