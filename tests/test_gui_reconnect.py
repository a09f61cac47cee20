"""A shared shop opened while its server did not answer, on a laptop that keeps no
password for it ("ask each time", or a system without a password store), comes back online
when the server answers: the password is asked once (Qt's own dialog naming the shop's
address), then the queue is sent once, the bar goes and every tab is refreshed; a wrong
password is said and asked again; Cancel keeps the shop without its server, with the
bar's Connect… to try later; and the day's automatic backup starts then, once a day.

On the real test cluster, for a role that must give its password (scram-sha-256), behind
a TCP relay the tests cut and restore."""

from __future__ import annotations

import uuid
from datetime import date
from pathlib import Path

import psycopg
import pytest
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QLineEdit, QMessageBox

from kpidesk import app as kpidesk_app
from kpidesk.i18n.language import LanguageManager
from kpidesk.paths import shared_shop_dir
from kpidesk.store import dialect, pg_backup, security
from kpidesk.store.db import Store
from kpidesk.store.known_copy import OfflineStore
from kpidesk.ui import server_status_backups
from kpidesk.ui.dialogs import connect
from kpidesk.ui.dialogs.connect import KEYRING_SERVICE
from tests.app_controller import new_controller, stop_controller
from tests.tcp_proxy import relayed_shop
from tests.test_access_keys import menu_clashes


@pytest.fixture
def shop(pg_cluster, pg_password_role, monkeypatch):
    """A shop owned by the password role, reached through a relay: (url with the
    password, relay, password)."""
    monkeypatch.setattr(security, "ITERATIONS", 1000)
    # closing with sales still waiting asks first: closed anyway at the end of a test
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    for kind in ("warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, kind, lambda *a, k=kind, **kw: pytest.fail(
            f"a {k} box: {a[1:3]}"))
    user, password = pg_password_role
    name = "reconnect_" + uuid.uuid4().hex[:8]
    with psycopg.connect(pg_cluster.url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" OWNER {user}')
    direct = f"postgresql://{user}:{password}@127.0.0.1:{pg_cluster.port}/{name}"
    with relayed_shop(direct, login=f"{user}:{password}") as (url, proxy):
        yield url, proxy, password
    with psycopg.connect(pg_cluster.url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


class Prompts:
    """The real password dialog (Qt's QInputDialog) as the user answers it: each answer
    in turn, (typed text, OK pressed); what was asked (title, text) is kept."""

    def __init__(self, monkeypatch, answers: list[tuple[str, bool]]) -> None:
        self.answers = list(answers)
        self.asked: list[tuple[str, str]] = []
        self.dialogs: list[QInputDialog] = []
        self.widths: list[int] = []  # of each dialog as it would open
        prompts = self

        def run(dialog: QInputDialog) -> int:
            prompts.asked.append((dialog.windowTitle(), dialog.labelText()))
            assert dialog.textEchoMode() == QLineEdit.EchoMode.Password  # typed hidden
            prompts.dialogs.append(dialog)
            prompts.widths.append(dialog.sizeHint().width())
            text, ok = prompts.answers.pop(0)
            dialog.setTextValue(text)
            return int(QInputDialog.DialogCode.Accepted if ok
                       else QInputDialog.DialogCode.Rejected)

        monkeypatch.setattr(QInputDialog, "exec", run)



def _opened_offline_with_a_sale(controller, qtbot, qapp, url, proxy):
    """Reached once with the password typed (none kept), then started the next morning
    with the server away: a sale waits in the queue. Returns the queue."""
    assert controller.open(Path(url))
    controller.backups.wait(60)
    stop_controller(controller, qapp, delete_window_now=True)
    proxy.cut()
    remembered = kpidesk_app.shop_to_open(controller.settings, None)
    assert "right-pw" not in str(remembered)  # no password kept
    assert controller.open(remembered)
    assert isinstance(controller.ctx.store, OfflineStore)
    queue = controller.ctx.server_queue
    assert queue.server_down and not queue.needs_password
    queue.probe_timer.setInterval(100)
    sales = controller.window.show_tab("sales")
    sales.product_combo.setEditText("Rice 5 kg")
    sales.form.product_chosen()
    sales.salesperson_combo.setCurrentIndex(sales.salesperson_combo.findText("Dara"))
    sales.quantity_edit.setText("1")
    sales.amount_edit.setText("12.50")
    sales.customer_edit.setText("Sok Chea")
    assert sales.save()
    assert queue.count() == 1
    return queue


def _orders_on_server(url: str) -> list[tuple]:
    with Store(url) as store:
        return [tuple(r) for r in store.query(
            "SELECT c.name, l.amount FROM orders o JOIN sale_lines l ON l.order_id = o.id"
            " JOIN contacts c ON c.id = o.contact_id")]


@pytest.mark.parametrize("password_store", ["ask each time", "none on this system"])
def test_the_right_password_brings_the_shop_back_online_and_sends_the_queue_once(
        qtbot, qapp, shop, tmp_path, monkeypatch, password_store):
    url, proxy, password = shop
    if password_store == "none on this system":  # as on the Linux bundle
        import keyring
        from keyring.backends import fail

        monkeypatch.setattr(keyring, "get_keyring", lambda: fail.Keyring())
        assert not connect.keyring_ready()
    controller = new_controller(tmp_path)
    queue = _opened_offline_with_a_sale(controller, qtbot, qapp, url, proxy)
    window = controller.window
    window.tabs.setCurrentWidget(window.tab_holder("contacts"))  # waits for the server
    assert window.waiting_note("contacts") is not None
    prompts = Prompts(monkeypatch, [(password, True)])
    busy = QDialog(window)  # the user is in another dialog when the server answers
    busy.setModal(True)
    busy.show()
    assert QApplication.activeModalWidget() is busy

    proxy.restore()
    qtbot.waitUntil(lambda: queue.needs_password, timeout=20_000)
    qapp.processEvents()
    assert prompts.asked == []  # not over the dialog the user is in
    busy.close()
    qtbot.waitUntil(lambda: not queue.server_down and queue.count() == 0, timeout=20_000)
    assert len(prompts.asked) == 1  # asked once, when that dialog closed
    title, text = prompts.asked[0]
    address = dialect.public_url(url)
    assert title == "Password of the shop's server"
    assert f"127.0.0.1 (port {proxy.port}, database " in text and "user counter" in text
    assert address.rsplit("/", 1)[1] in text
    assert not window.server_banner.isVisible()
    assert window.print_action.isEnabled() and window.import_action.isEnabled()
    assert _orders_on_server(url) == [("Sok Chea", 1250)]  # sent once
    assert queue.send_now().done == 0
    assert window.waiting_note("contacts") is None  # built now, with the shop's figures
    qtbot.waitUntil(window.pages["contacts"].isVisible)
    # the shop is the shared shop it would be if opened with the server: its place on this
    # laptop is its own folder in the data folder (what is kept beside it goes there)
    assert controller.ctx.store.path == shared_shop_dir(address) / "shared-shop"
    # the password typed is in memory only: never in the settings
    controller.settings.sync()
    assert password not in (tmp_path / "s.ini").read_text()
    stop_controller(controller, qapp, delete_window_now=True)


def test_a_wrong_password_is_said_and_asked_again(qtbot, qapp, shop, tmp_path, monkeypatch):
    url, proxy, password = shop
    controller = new_controller(tmp_path)
    queue = _opened_offline_with_a_sale(controller, qtbot, qapp, url, proxy)
    prompts = Prompts(monkeypatch, [("wrong-pw", True), (password, True)])

    proxy.restore()
    qtbot.waitUntil(lambda: not queue.server_down, timeout=20_000)
    assert len(prompts.asked) == 2
    first, second = (text for _title, text in prompts.asked)
    assert "did not accept" not in first
    assert second.startswith("The server did not accept this password (it is "
                             "case-sensitive).\n\n")
    assert queue.count() == 0 and _orders_on_server(url) == [("Sok Chea", 1250)]
    stop_controller(controller, qapp, delete_window_now=True)


def test_cancel_keeps_the_shop_without_its_server_and_the_bar_offers_to_connect(
        qtbot, qapp, shop, tmp_path, monkeypatch):
    url, proxy, password = shop
    controller = new_controller(tmp_path, "km")
    queue = _opened_offline_with_a_sale(controller, qtbot, qapp, url, proxy)
    controller.ctx.language.set_language("km")
    window = controller.window
    prompts = Prompts(monkeypatch, [("", False)])

    proxy.restore()
    qtbot.waitUntil(lambda: len(prompts.asked) == 1, timeout=20_000)
    qtbot.waitUntil(lambda: window.server_banner.connect_button.isVisibleTo(window))
    assert queue.server_down and queue.needs_password and queue.count() == 1
    assert not queue.probe_timer.isActive()  # nothing more is tried behind the user's back
    assert not window.print_action.isEnabled()
    text = window.server_banner.label.text()
    assert "counter" in text and "ពាក្យ" in text  # in Khmer, naming the user
    _title, prompt = prompts.asked[0]
    khmer_port = str(proxy.port).translate(str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩"))
    assert khmer_port in prompt and "counter" in prompt  # the port in the user's digits
    assert prompts.widths[0] < 700  # wrapped: one line of Khmer was 2,400 px wide
    # the Sales tab and a tab waiting for the server say what to do: connect
    sales = window.show_tab("sales")
    waiting = sales.queue_bar.label.text()
    assert waiting.startswith("ការលក់ ១ ") and "ភ្ជាប់" in waiting and "មិន​ឆ្លើយតប" not in waiting
    window.tabs.setCurrentWidget(window.tab_holder("contacts"))
    assert "ភ្ជាប់" in window.waiting_note("contacts").text()
    # the keyboard's way to connect: File ▸ Connect to the shop's server… (its key free)
    assert window.connect_server_action.isVisible()
    assert menu_clashes(window.file_menu) == {}
    # the 5-second look at the server finds it still not connected: not asked again
    controller.check_others()
    qapp.processEvents()
    assert len(prompts.asked) == 1 and not queue.probe_timer.isActive()
    assert window.statusBar().currentMessage() == ""  # never "the server does not answer"
    assert _orders_on_server(url) == []

    prompts.answers.append((password, True))
    window.server_banner.connect_button.click()
    assert not queue.server_down and queue.count() == 0
    assert not window.server_banner.isVisible()
    assert not window.connect_server_action.isVisible()
    assert _orders_on_server(url) == [("Sok Chea", 1250)]
    stop_controller(controller, qapp, delete_window_now=True)


def test_the_daily_backup_starts_when_the_server_comes_back_once_a_day(
        qtbot, qapp, shop, tmp_path, monkeypatch):
    if pg_backup.tool("pg_dump") is None:
        pytest.skip("pg_dump is not on this machine")
    url, proxy, password = shop
    controller = new_controller(tmp_path)
    started = []
    real_start = server_status_backups.start_daily

    def start_daily(store, on_done=None):
        started.append(store.location)
        return real_start(store, on_done)

    monkeypatch.setattr(server_status_backups, "start_daily", start_daily)
    queue = _opened_offline_with_a_sale(controller, qtbot, qapp, url, proxy)
    assert len(started) == 1  # at the first opening, with the server
    with psycopg.connect(url.replace(f":{proxy.port}/", f":{proxy.target_port}/"),
                         autocommit=True) as conn:  # as if that backup was yesterday's
        conn.execute("DELETE FROM settings WHERE key = %s", (pg_backup.MARK_KEY,))
    assert len(started) == 1  # opened without the server: not started
    Prompts(monkeypatch, [(password, True)])

    proxy.restore()
    qtbot.waitUntil(lambda: not queue.server_down, timeout=20_000)
    assert len(started) == 2
    backups = controller.backups
    backups.wait(120)
    mark = pg_backup.read_mark(url)
    assert mark is not None and mark.day == date.today().isoformat()
    taken = [b for b in pg_backup.list_shared(server_status_backups.shared_folder_of(
        controller.ctx.store)) if b.reason == "daily" and b.path.name == mark.file]
    assert len(taken) == 1 and pg_backup.verify_dump(taken[0].path)
    qtbot.waitUntil(lambda: "taken by" in backups.status.text())

    # lost again and back the same day (the password is known now: not asked again)
    proxy.cut()
    controller.check_others()
    assert queue.server_down
    proxy.restore()
    qtbot.waitUntil(lambda: not queue.server_down, timeout=20_000)
    assert len(started) == 2  # once a day
    stop_controller(controller, qapp, delete_window_now=True)


def test_a_password_kept_in_the_password_store_reconnects_without_asking(
        qtbot, qapp, shop, tmp_path, monkeypatch, keyring_backend):
    url, proxy, password = shop
    public = dialect.public_url(url)
    keyring_backend.set_password(KEYRING_SERVICE, public, password)
    controller = new_controller(tmp_path)
    queue = _opened_offline_with_a_sale(controller, qtbot, qapp, url, proxy)
    prompts = Prompts(monkeypatch, [])

    proxy.restore()
    qtbot.waitUntil(lambda: not queue.server_down and queue.count() == 0, timeout=20_000)
    assert prompts.asked == []
    assert _orders_on_server(url) == [("Sok Chea", 1250)]
    stop_controller(controller, qapp, delete_window_now=True)


def test_a_kept_password_the_server_refuses_is_asked_again_and_kept_anew(
        qtbot, qapp, shop, tmp_path, monkeypatch, keyring_backend):
    url, proxy, password = shop
    public = dialect.public_url(url)
    keyring_backend.set_password(KEYRING_SERVICE, public, "old-pw")  # changed on the server
    controller = new_controller(tmp_path)
    queue = _opened_offline_with_a_sale(controller, qtbot, qapp, url, proxy)
    prompts = Prompts(monkeypatch, [(password, True)])

    proxy.restore()
    qtbot.waitUntil(lambda: not queue.server_down and queue.count() == 0, timeout=20_000)
    assert len(prompts.asked) == 1
    assert prompts.asked[0][1].startswith(
        "The server did not accept the password kept for this shop.\n\n")
    assert keyring_backend.kept == {(KEYRING_SERVICE, public): password}
    assert _orders_on_server(url) == [("Sok Chea", 1250)]
    stop_controller(controller, qapp, delete_window_now=True)


def test_a_shop_upgraded_meanwhile_by_a_newer_kpi_desk_gets_nothing_from_this_laptop(
        qtbot, qapp, shop, tmp_path, monkeypatch):
    url, proxy, password = shop
    controller = new_controller(tmp_path)
    queue = _opened_offline_with_a_sale(controller, qtbot, qapp, url, proxy)
    direct = url.replace(f":{proxy.port}/", f":{proxy.target_port}/")
    with psycopg.connect(direct, autocommit=True) as conn:  # another laptop's newer copy
        conn.execute("UPDATE schema_version SET version = version + 1")
    prompts = Prompts(monkeypatch, [(password, True)])

    proxy.restore()
    qtbot.waitUntil(lambda: queue.server_newer, timeout=20_000)
    assert len(prompts.asked) == 1  # the password was right: not asked again
    window = controller.window
    assert queue.server_down and queue.count() == 1 and not queue.probe_timer.isActive()
    assert window.server_banner.label.text().startswith(
        "The shop on the server was upgraded by a newer KPI Desk")
    assert not window.server_banner.connect_button.isVisibleTo(window)
    assert window.show_tab("sales").queue_bar.label.text() == (
        "Sales waiting to be sent: 1. They are sent once KPI Desk on this laptop is updated.")
    assert not window.print_action.isEnabled()
    with psycopg.connect(direct, autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM orders").fetchone()[0] == 0
    stop_controller(controller, qapp, delete_window_now=True)


def test_a_newer_shop_met_on_reconnecting_is_one_sentence_in_each_language(qapp):
    from kpidesk.store.errors import ServerError
    from kpidesk.ui.messages import server_error_text

    language = LanguageManager()
    where = "postgresql://counter@10.0.0.5:5432/sokha_mart"
    try:
        for lang in ("en", "km"):
            language.set_language(lang)
            text = server_error_text(ServerError("newer", "schema 99"), where)
            assert where in text and "reported an error" not in text
            assert ("newer KPI Desk" in text) == (lang == "en")
    finally:
        language.set_language("en")
