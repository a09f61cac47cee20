"""A counter laptop started while its shared shop's server does not answer: the shop
opens from what this laptop last knew (store/known_copy.py), marked as working without
the server; sales go to the queue and are sent once when the server answers; the other
tabs say so; a queued sale is discarded with the owner PIN checked on this laptop. On the
real test cluster behind a TCP relay the tests cut and restore."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from kpidesk import app as kpidesk_app
from kpidesk.store import security
from kpidesk.store.db import Store
from kpidesk.store.known_copy import OfflineStore
from kpidesk.ui import startup_server
from tests.app_controller import new_controller, stop_controller
from tests.tcp_proxy import relayed_shop


@pytest.fixture
def relay(pg_url, monkeypatch):
    monkeypatch.setattr(security, "ITERATIONS", 1000)  # hashing at test speed
    # closing with sales still waiting asks first: closed anyway at the end of a test
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    # no message box pops up while working without the server (a test that expects one
    # patches it again)
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, k=kind, **kw: pytest.fail(
            f"a {k} box: {a[1:3]}"))
    with relayed_shop(pg_url) as shop:
        yield shop



def _start(controller, qtbot, tab: str = "sales") -> None:
    """The app started on the remembered shop (File ▸ Recent or last_db)."""
    controller.settings.setValue("window/tab", tab)
    path = kpidesk_app.shop_to_open(controller.settings, None)
    assert controller.open(path)



def _reached_once(controller, qtbot, qapp, url: str) -> None:
    """This laptop opened the shop once while the server answered."""
    assert controller.open(Path(url))
    assert controller.ctx.server_queue.wait_known_copy()  # its copy, made on a thread
    stop_controller(controller, qapp)


def _type_sale(tab, amount: str, customer: str = "") -> None:
    tab.product_combo.setEditText("Rice 5 kg")
    tab.form.product_chosen()
    tab.salesperson_combo.setCurrentIndex(tab.salesperson_combo.findText("Dara"))
    tab.quantity_edit.setText("1")
    tab.amount_edit.setText(amount)
    tab.customer_edit.setText(customer)


def test_started_without_the_server_it_takes_sales_and_sends_them_once_it_answers(
        qtbot, qapp, relay, tmp_path):
    url, proxy = relay
    controller = new_controller(tmp_path)
    _reached_once(controller, qtbot, qapp, url)

    proxy.cut()  # the next morning the server's laptop is off
    _start(controller, qtbot)
    window = controller.window
    store = controller.ctx.store
    assert isinstance(store, OfflineStore)
    queue = controller.ctx.server_queue
    queue.probe_timer.setInterval(100)
    assert queue.server_down
    assert window.server_banner.isVisible()
    assert window.server_banner.label.text().startswith("Working without the server")
    sales = window.show_tab("sales")
    # the form works from what was last known
    assert sales.product_combo.findText("Rice 5 kg") > 0
    assert sales.salesperson_combo.findText("Dara") > 0
    _type_sale(sales, "12.50", customer="Sok Chea")
    assert sales.save()
    assert queue.count() == 1 and "Kept on this laptop" in sales.status_label.text()
    # the other tabs say so, and what needs the server is disabled with the reason
    window.tabs.setCurrentWidget(window.tab_holder("contacts"))  # as a click on the tab
    waiting = window.waiting_note("contacts")
    assert waiting is not None and waiting.isVisible()
    assert "opens when the server answers" in waiting.text()
    assert not window.print_action.isEnabled() and not window.import_action.isEnabled()
    assert "does not answer" in window.print_action.toolTip()

    proxy.restore()
    qtbot.waitUntil(lambda: not queue.server_down and queue.count() == 0, timeout=20_000)
    assert not window.server_banner.isVisible()
    assert window.print_action.isEnabled() and window.import_action.isEnabled()
    assert store.scalar("SELECT count(*) FROM orders") == 1  # sent once
    assert queue.send_now().done == 0
    row = store.query("SELECT c.name, l.amount FROM orders o JOIN sale_lines l"
                      " ON l.order_id = o.id JOIN contacts c ON c.id = o.contact_id")
    assert [tuple(r) for r in row] == [("Sok Chea", 1250)]
    # the tab that waited is built now, with the shop's figures
    contacts_tab = window.pages["contacts"]
    assert window.waiting_note("contacts") is None
    qtbot.waitUntil(contacts_tab.isVisible)  # shown by its layout on the next event
    stop_controller(controller, qapp)


def test_a_laptop_that_never_reached_the_server_says_so_and_offers_the_connection(
        qtbot, qapp, relay, tmp_path, monkeypatch):
    url, proxy = relay
    proxy.cut()
    asked = []

    def ask(parent, title, text, buttons, icon, default):
        asked.append((text, [key for key, *_ in buttons]))
        return "settings"

    offered = []
    monkeypatch.setattr(startup_server, "ask", ask)
    monkeypatch.setattr("kpidesk.ui.dialogs.connect.ask_shared_shop",
                        lambda parent, settings, address, reason="": offered.append(address))
    controller = new_controller(tmp_path)
    assert not controller.open(Path(url))
    text, keys = asked[0]
    assert "never reached it" in text and keys == ["retry", "settings", "cancel"]
    assert offered and offered[0].port == proxy.port  # the dialog, on that address
    stop_controller(controller, qapp)


def test_a_queued_sale_is_discarded_offline_with_the_pin_last_copied(
        qtbot, qapp, relay, tmp_path, monkeypatch):
    url, proxy = relay
    with Store(url) as store:
        with security.owner_session(store, with_pin=False):
            security.set_pin(store, "2468")
    controller = new_controller(tmp_path)
    _reached_once(controller, qtbot, qapp, url)
    proxy.cut()
    _start(controller, qtbot)
    sales = controller.window.show_tab("sales")
    _type_sale(sales, "3")
    assert sales.save()
    queue = controller.ctx.server_queue
    assert queue.count() == 1
    dialog = sales.queue_bar.open_list()
    qtbot.addWidget(dialog)
    dialog.view.selectRow(0)
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    typed = iter([("1111", True), ("", False)])  # a wrong PIN, then Cancel
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: next(typed))
    assert not dialog.discard_selected()
    assert warned == ["That PIN is not right."] and queue.count() == 1
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("២៤៦៨", True))
    assert dialog.discard_selected()  # the right one, in Khmer digits, no server needed
    assert queue.count() == 0 and queue.server_down
    dialog.close()
    stop_controller(controller, qapp)


def test_the_connection_dialog_offers_to_open_without_the_server_once_reached(
        qtbot, qapp, relay, tmp_path, monkeypatch):
    from kpidesk.store import server_address
    from kpidesk.ui.dialogs.connect import ConnectDialog

    url, proxy = relay
    controller = new_controller(tmp_path)
    proxy.cut()
    shown = []

    def run(dialog):
        dialog.set_address(server_address.parse(url))
        dialog.password.setText("kpidesk")
        dialog.try_connect()
        qtbot.waitUntil(lambda: not dialog.connecting, timeout=20_000)
        offered = dialog.offline_button.isVisibleTo(dialog)  # the dialog is not shown
        shown.append(offered)
        if offered:
            dialog.offline_button.click()
        else:
            dialog.reject()
        return dialog.result()

    monkeypatch.setattr(ConnectDialog, "exec", run)
    monkeypatch.setattr(startup_server, "ask", lambda *a, **k: "cancel")  # never reached: no copy
    assert not controller.open_shared()
    assert shown == [False]  # never reached: nothing to open from
    proxy.restore()
    _reached_once(controller, qtbot, qapp, url)
    proxy.cut()
    assert controller.open_shared()
    assert shown == [False, True]
    assert isinstance(controller.ctx.store, OfflineStore)
    assert controller.window.server_banner.isVisible()
    stop_controller(controller, qapp)


def test_the_server_lost_while_open_the_bar_says_so_above_every_tab(
        qtbot, qapp, relay, tmp_path):
    url, proxy = relay
    controller = new_controller(tmp_path, "km")
    controller.settings.setValue("window/tab", "targets")
    assert controller.open(Path(url))
    window = controller.window
    controller.ctx.language.set_language("km")
    targets = window.pages["targets"]
    assert not window.server_banner.isVisible() and targets.isEnabled()
    proxy.cut()
    controller.check_others()  # the 5-second look at the server
    queue = controller.ctx.server_queue
    assert queue.server_down
    text = window.server_banner.label.text()
    assert window.server_banner.isVisible() and "ម៉ាស៊ីន" in text
    assert not any(ch in text for ch in "0123456789")  # the time in Khmer digits
    assert not targets.isEnabled() and not window.print_action.isEnabled()
    window.tabs.setCurrentWidget(window.tab_holder("dashboard"))
    assert window.server_banner.isVisible()  # above every tab
    proxy.restore()
    queue.probe_timer.setInterval(100)
    qtbot.waitUntil(lambda: not queue.server_down, timeout=20_000)
    assert not window.server_banner.isVisible() and targets.isEnabled()
    stop_controller(controller, qapp)
