"""The Sales tab of a shared shop when its server stops answering: the sale typed is kept
on this laptop, the tab says so, the queue outlives the app, and it is sent once when the
server is back (the real test PostgreSQL cluster behind a TCP relay the test cuts)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMessageBox

from kpidesk.store import reference, rollups
from kpidesk.store.db import Store
from kpidesk.ui.server_status import SaleQueue, confirm_close
from kpidesk.ui.tabs.sales import SalesTab
from tests.conftest import _make_ctx
from tests.tcp_proxy import relayed_shop
from tests.test_access_keys import clashes, keys_of


@pytest.fixture
def relay(pg_url):
    with relayed_shop(pg_url) as shop:
        yield shop


def _open(qtbot, qapp, url: str, tmp_path, lang: str = "en"):
    store = Store(url)
    ctx = _make_ctx(qapp, store, QSettings(str(tmp_path / "s.ini"),
                                           QSettings.Format.IniFormat), lang)
    tab = SalesTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1300, 760)
    tab.show()
    qtbot.waitExposed(tab)
    return store, ctx, tab


def _close(store, ctx, tab) -> None:
    tab.close()  # the window goes before its shop, as in the app
    if ctx.language.lang != "en":  # the translator is the application's
        ctx.language.set_language("en")
    ctx.close()
    store.close()


def _type_sale(tab, product: str, quantity: str, amount: str, customer: str = "") -> None:
    tab.product_combo.setEditText(product)
    tab.form.product_chosen()  # as when the cursor leaves the field
    tab.salesperson_combo.setCurrentIndex(tab.salesperson_combo.findText("Dara"))
    tab.quantity_edit.setText(quantity)
    tab.amount_edit.setText(amount)
    tab.customer_edit.setText(customer)
    tab.date_edit.setText("20/11/2026")


def test_a_sale_saved_while_the_server_is_down_is_queued_listed_and_sent_once(
        qtbot, qapp, relay, tmp_path, monkeypatch):
    url, proxy = relay
    store, ctx, tab = _open(qtbot, qapp, url, tmp_path)
    assert tab.queue_bar is not None and not tab.queue_bar.isVisible()

    proxy.cut()  # the server's laptop goes away
    _type_sale(tab, "Rice 5 kg", "2", "12.50", customer="Sok Chea")
    assert tab.save()
    queue: SaleQueue = ctx.server_queue
    assert queue.server_down and queue.count() == 1
    assert "Kept on this laptop" in tab.status_label.text()
    assert tab.queue_bar.isVisible()
    assert tab.queue_bar.label.text() == \
        "1 sale waiting to be sent — the server does not answer."
    _type_sale(tab, "Rice 5 kg", "1", "4", customer="Vanna New 011 222 333")
    assert tab.save()
    assert tab.queue_bar.label.text() == \
        "2 sales waiting to be sent — the server does not answer."
    assert clashes(keys_of(tab)) == {}  # the bar's key is the tab's only one
    dialog = tab.queue_bar.open_list()
    qtbot.addWidget(dialog)
    assert clashes(keys_of(dialog)) == {}
    texts = [[dialog.model.data(dialog.model.index(r, c)) for c in range(6)]
             for r in range(dialog.model.rowCount())]
    assert [t[2:5] for t in texts] == [["Sok Chea", "Rice 5 kg", "$12.50"],
                                       ["Vanna New 011 222 333", "Rice 5 kg", "$4.00"]]
    assert all(t[5] == "Waiting" for t in texts)
    # closing the window with sales waiting says so (and stays open on No)
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    assert not confirm_close(queue, tab)
    assert asked and asked[0].startswith("2 sales saved on this laptop")
    dialog.close()
    _close(store, ctx, tab)  # the app quits while the server is still away

    proxy.restore()
    store, ctx, tab = _open(qtbot, qapp, url, tmp_path)  # the app started again
    queue = ctx.server_queue
    assert queue.count() == 2
    assert store.scalar("SELECT count(*) FROM orders") == 0
    result = queue.send_now()
    assert (result.sent, result.remaining, result.unreachable) == (2, 0, False)
    assert queue.send_now().done == 0  # never twice
    rows = store.query("SELECT c.name, c.phone, l.amount, l.quantity FROM orders o"
                       " JOIN sale_lines l ON l.order_id = o.id"
                       " JOIN contacts c ON c.id = o.contact_id ORDER BY o.id")
    assert [tuple(r) for r in rows] == [("Sok Chea", "012345678", 1250, 2.0),
                                        ("Vanna New", "011222333", 400, 1.0)]
    assert store.scalar("SELECT count(*) FROM contacts WHERE name = 'Sok Chea'") == 1
    assert not tab.queue_bar.isVisible()
    # the table shows the sales sent, and the rollups equal a recomputation
    qtbot.waitUntil(lambda: tab.model.rowCount() == 2)
    incremental = rollups.snapshot(store.conn)
    with store.transaction():
        rollups.rebuild_all(store.conn)
    assert rollups.snapshot(store.conn) == incremental
    _close(store, ctx, tab)


def test_the_queue_is_sent_by_the_timer_when_the_server_comes_back(
        qtbot, qapp, relay, tmp_path):
    url, proxy = relay
    store, ctx, tab = _open(qtbot, qapp, url, tmp_path, lang="km")
    queue = ctx.server_queue
    queue.probe_timer.setInterval(100)
    proxy.cut()
    _type_sale(tab, "Rice 5 kg", "1", "3")
    assert tab.save() and queue.count() == 1
    assert tab.queue_bar.isVisible() and tab.queue_bar.label.text()
    text = tab.queue_bar.label.text()
    assert "ម៉ាស៊ីន" in text and "១" in text and "1" not in text  # in Khmer, Khmer digits
    assert clashes(keys_of(tab)) == {}
    qtbot.wait(400)
    assert queue.count() == 1 and queue.server_down  # still away: probed, kept
    proxy.restore()
    qtbot.waitUntil(lambda: queue.count() == 0, timeout=10_000)
    assert not queue.server_down
    assert store.scalar("SELECT count(*) FROM orders") == 1
    assert store.scalar("SELECT SUM(amount) FROM sale_lines") == 300
    _close(store, ctx, tab)


def test_what_needs_the_server_is_not_queued(qtbot, qapp, relay, tmp_path):
    url, proxy = relay
    store, ctx, tab = _open(qtbot, qapp, url, tmp_path)
    proxy.cut()
    tab.daily_check.setChecked(True)
    tab.amount_edit.setText("100")
    tab.date_edit.setText("20/11/2026")
    assert not tab.save()
    assert "daily total needs the server" in tab.form_error.text()
    assert ctx.server_queue.count() == 0
    proxy.restore()
    _close(store, ctx, tab)


def test_a_sale_the_server_refuses_is_shown_with_its_reason_and_corrected_in_the_form(
        qtbot, qapp, relay, tmp_path):
    url, proxy = relay
    store, ctx, tab = _open(qtbot, qapp, url, tmp_path)
    with Store(url) as other:  # another laptop's product, gone before the queue is sent
        soap = reference.add_named(other, "products", "Soap")
    tab.form.fill_lists()
    proxy.cut()
    _type_sale(tab, "Soap", "3", "6", customer="Sok Chea")
    assert tab.save() and ctx.server_queue.count() == 1
    proxy.restore()
    with Store(url) as other:
        reference.remove_named(other, "products", soap)
    assert ctx.server_queue.server_back()
    result = ctx.server_queue.send_now()
    assert (result.sent, len(result.refused), result.remaining) == (0, 1, 1)
    assert tab.queue_bar.isVisible()
    assert tab.queue_bar.label.text().startswith("1 sale waiting to be sent: the server "
                                                 "refused it")
    dialog = tab.queue_bar.open_list()
    qtbot.addWidget(dialog)
    state = dialog.model.data(dialog.model.index(0, dialog.model.column_of("state")))
    assert state == "The product “Soap” is no longer on the server."
    queued_uuid = ctx.server_queue.pending()[0].order.uuid
    dialog.view.selectRow(0)
    assert dialog.edit_selected()
    assert tab.form.receipt.lines[0].amount == 600
    assert tab.customer_edit.text() == "Sok Chea"
    # the user removes the line and sells rice instead
    tab.form.receipt.view.setCurrentIndex(tab.form.receipt.model.index(0, 0))
    tab.form.receipt.remove_current()
    _type_sale(tab, "Rice 5 kg", "3", "6", customer="Sok Chea")
    assert tab.save()
    assert ctx.server_queue.count() == 0
    rows = store.query("SELECT p.name, l.amount FROM sale_lines l"
                       " JOIN products p ON p.id = l.product_id")
    assert [tuple(r) for r in rows] == [("Rice 5 kg", 600)]
    assert bytes(store.scalar("SELECT uuid FROM orders")) == queued_uuid  # the one kept
    _close(store, ctx, tab)


def test_closing_the_window_with_sales_waiting_asks_first(qtbot, qapp, relay, tmp_path,
                                                          monkeypatch):
    from kpidesk.ui.main_window import MainWindow

    url, proxy = relay
    store = Store(url)
    ctx = _make_ctx(qapp, store, QSettings(str(tmp_path / "s.ini"),
                                           QSettings.Format.IniFormat))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(1000)  # what the first paint left for later (the dashboard's charts)
    proxy.cut()
    queue = ctx.server_queue
    queue.server_down = True
    from kpidesk.store.outbox import QueuedSale
    from kpidesk.store.sales import LineInput, OrderInput

    queue.enqueue(QueuedSale(order=OrderInput(date="2026-11-20",
                                              lines=[LineInput(amount=500)])))
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or answers.pop(0))
    assert not window.close()  # No: the window stays
    assert window.isVisible() and queue.count() == 1
    assert asked[0].startswith("1 sales saved on this laptop")
    assert window.close()  # Yes: it closes, the sale stays queued for next time
    assert queue.count() == 1
    proxy.restore()
    ctx.close()
    store.close()
