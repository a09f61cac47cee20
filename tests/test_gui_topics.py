"""What a write changed reaches every view: the typed topics, sent by every store write,
the importer (on its own connection) and restore."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_io_import import write_csv

from kpidesk.store import reference
from kpidesk.store.topics import EVERYTHING, NAMED_LISTS, Topic, of_table
from kpidesk.ui.import_wizard import ImportWizard
from kpidesk.ui.tabs.sales import SalesTab

HEADER = ["date", "customer", "salesperson", "product", "category", "channel", "quantity",
          "amount", "currency"]


def test_topics_are_their_names_and_cover_the_named_lists():
    assert Topic.SALES == "sales" and "sales" in {Topic.SALES}
    assert {of_table(t) for t in reference.NAMED_TABLES} == NAMED_LISTS
    assert EVERYTHING == frozenset(Topic)


def test_an_import_with_new_names_then_a_sale_of_them_from_the_form(qtbot, ctx, tmp_path):
    tab = SalesTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1300, 760)
    tab.show()
    qtbot.waitExposed(tab)
    assert tab.product_combo.findText("Durian cake") < 0
    heard: list[set] = []
    ctx.data_changed.connect(heard.append)

    path = write_csv(tmp_path / "new-names.csv", HEADER,
                     [["2026-11-20", "Dara", "Sokha", "Durian cake", "Sweets", "Market stall",
                       "2", "7.50", "USD"]])
    wizard = ImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.set_file(path, "sales")
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.next_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.report is not None, timeout=10_000)
    qtbot.mouseClick(wizard.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.result is not None, timeout=10_000)
    assert wizard.result.committed
    # the import ran on the wizard's own connection; the app's views heard what it touched
    assert heard and {Topic.SALES, Topic.PRODUCTS, Topic.SALESPEOPLE, Topic.CATEGORIES,
                      Topic.CHANNELS, Topic.CONTACTS} <= heard[-1]
    wizard.close()

    # the form's lists know the new names at once: selling the new product works
    assert tab.product_combo.findText("Durian cake") > 0
    assert tab.salesperson_combo.findText("Sokha") > 0
    before = ctx.store.scalar("SELECT count(*) FROM orders")
    tab.salesperson_combo.setCurrentIndex(tab.salesperson_combo.findText("Sokha"))
    tab.product_combo.setEditText("Durian cake")
    tab.amount_edit.setFocus()
    qtbot.keyClicks(tab.amount_edit, "3.75")
    qtbot.keyClick(tab.amount_edit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert ctx.store.scalar("SELECT count(*) FROM orders") == before + 1, tab.status_label.text()
    product = reference.find_by_name(ctx.store, "products", "Durian cake")
    seller = reference.find_by_name(ctx.store, "salespeople", "Sokha")
    line = ctx.store.query(
        "SELECT l.product_id, l.amount, o.salesperson_id FROM sale_lines l"
        " JOIN orders o ON o.id = l.order_id ORDER BY o.id DESC LIMIT 1")[0]
    assert (line["product_id"], line["amount"], line["salesperson_id"]) == (product, 375, seller)


def test_writes_announce_their_topics(store):
    heard: list[set] = []
    store.subscribe(heard.append)
    reference.add_named(store, "channels", "Facebook page")
    assert heard[-1] == {Topic.CHANNELS}
    store.set_setting("default_rate", "4050")
    assert heard[-1] == {Topic.SETTINGS}
    assert {Topic.CHANNELS, Topic.SETTINGS} <= store.touched
    store.unsubscribe(heard.append)
