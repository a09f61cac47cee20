"""File ▸ Open shared shop…: the connection dialog driven against the test PostgreSQL
cluster (a role that must give its password), the password kept in the password store
(an in-memory one here), never in the settings or the log; the recent list reopens it."""

from __future__ import annotations

import socket
import uuid

import psycopg
import pytest
from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from kpidesk.store import server_address
from kpidesk.ui.dialogs import connect
from kpidesk.ui.dialogs.connect import KEYRING_SERVICE, ConnectDialog


@pytest.fixture
def shop_db(pg_cluster, pg_password_role):
    """An empty database owned by the password role: (name, port, user, password)."""
    user, password = pg_password_role
    name = "shared_" + uuid.uuid4().hex[:8]
    with psycopg.connect(pg_cluster.url, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}" OWNER {user}')
    yield name, pg_cluster.port, user, password
    with psycopg.connect(pg_cluster.url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _fill(dialog: ConnectDialog, host: str, port: int, database: str, user: str,
          password: str) -> None:
    dialog.host.setText(host)
    dialog.port.setValue(port)
    dialog.database.setText(database)
    dialog.user.setText(user)
    dialog.password.setText(password)


def _connect_and_wait(qtbot, dialog: ConnectDialog) -> None:
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.busy.isVisible() or dialog.result() or dialog.error.text()
    qtbot.waitUntil(lambda: not dialog.connecting, timeout=20_000)


def _dialog(qtbot, settings=None) -> ConnectDialog:
    dialog = ConnectDialog(None, settings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_the_right_password_on_an_empty_database_offers_a_new_shop_and_keeps_the_password(
        qtbot, qapp, shop_db, keyring_backend, monkeypatch):
    name, port, user, password = shop_db
    offered = []
    monkeypatch.setattr(ConnectDialog, "agree_to_create",
                        lambda self, address: offered.append(address) or True)
    dialog = _dialog(qtbot)
    assert dialog.port.value() == 5432 and dialog.remember.isChecked()
    _fill(dialog, "127.0.0.1", port, name, user, password)
    _connect_and_wait(qtbot, dialog)
    assert dialog.error.text() == ""
    assert dialog.result() == ConnectDialog.DialogCode.Accepted
    assert [a.database for a in offered] == [name]  # an empty database: asked first
    assert dialog.created
    public = server_address.ServerAddress("127.0.0.1", port, name, user).public_url
    assert keyring_backend.kept == {(KEYRING_SERVICE, public): password}
    assert server_address.parse(dialog.url) == dialog.address
    assert server_address.has_password(dialog.url)


def test_a_wrong_password_is_said_and_nothing_is_kept(qtbot, qapp, shop_db, keyring_backend):
    name, port, user, _password = shop_db
    dialog = _dialog(qtbot)
    _fill(dialog, "127.0.0.1", port, name, user, "wrong-pw")
    _connect_and_wait(qtbot, dialog)
    assert dialog.isVisible() and dialog.url is None
    assert "did not accept user counter" in dialog.error.text()
    assert "wrong-pw" not in dialog.error.text()
    assert dialog.password.hasFocus()
    assert keyring_backend.kept == {}


def test_a_missing_database_is_said(qtbot, qapp, shop_db):
    _name, port, user, password = shop_db
    dialog = _dialog(qtbot)
    _fill(dialog, "127.0.0.1", port, "no_such_shop", user, password)
    _connect_and_wait(qtbot, dialog)
    assert dialog.url is None
    assert "has no database named no_such_shop" in dialog.error.text()


def test_a_closed_port_is_said(qtbot, qapp):
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    dialog = _dialog(qtbot)
    _fill(dialog, "127.0.0.1", port, "shop", "counter", "pw")
    _connect_and_wait(qtbot, dialog)
    assert dialog.url is None
    assert f"No answer from 127.0.0.1 on port {port}" in dialog.error.text()
    assert dialog.host.isEnabled() and dialog.connect_button.isEnabled()


def test_cancel_stops_waiting_for_a_silent_server(qtbot, qapp):
    silent = socket.socket()  # accepts, never answers: the driver waits for its timeout
    silent.bind(("127.0.0.1", 0))
    silent.listen(1)
    try:
        dialog = _dialog(qtbot)
        _fill(dialog, "127.0.0.1", silent.getsockname()[1], "shop", "counter", "pw")
        qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
        assert dialog.connecting and dialog.busy.isVisible() and not dialog.host.isEnabled()
        qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
        assert not dialog.connecting and dialog.isVisible()  # the first Cancel stops the try
        assert dialog.status.text() == "Cancelled. Nothing was opened."
        assert dialog.host.isEnabled()
    finally:
        silent.close()
    qtbot.wait(50)
    assert dialog.url is None


def test_another_programs_database_is_refused(qtbot, qapp, shop_db):
    name, port, user, password = shop_db
    with psycopg.connect(f"postgresql://{user}:{password}@127.0.0.1:{port}/{name}",
                         autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id integer)")
    dialog = _dialog(qtbot)
    _fill(dialog, "127.0.0.1", port, name, user, password)
    _connect_and_wait(qtbot, dialog)
    assert dialog.url is None
    assert "holds another program's tables" in dialog.error.text()


def test_without_a_password_store_the_box_is_off_and_the_password_asked_each_time(
        qtbot, qapp, shop_db, monkeypatch):
    import keyring
    from keyring.backends import fail

    keyring.set_keyring(fail.Keyring())
    name, port, user, password = shop_db
    monkeypatch.setattr(ConnectDialog, "agree_to_create", lambda self, address: True)
    dialog = _dialog(qtbot)
    assert not dialog.remember.isEnabled() and not dialog.remember.isChecked()
    assert not dialog.keyring_note.isHidden()
    _fill(dialog, "127.0.0.1", port, name, user, password)
    _connect_and_wait(qtbot, dialog)
    assert dialog.result() == ConnectDialog.DialogCode.Accepted
    assert connect.saved_password(dialog.address) is None


def test_the_sentences_are_khmer_in_khmer(ctx):
    from kpidesk.store.errors import ServerError

    address = server_address.ServerAddress("192.168.1.10", 5432, "sokha_mart", "shop")
    ctx.language.set_language("km")
    try:
        for reason in ("login", "no_database", "unreachable"):
            text = connect.failure_text(ServerError(reason), address)
            assert any("\u1780" <= ch <= "\u17ff" for ch in text), reason
            assert "%1" not in text and "%2" not in text
        assert "៥៤៣២" in connect.failure_text(ServerError("unreachable"), address)
    finally:
        ctx.language.set_language("en")


def test_the_port_is_in_the_chosen_digits_and_takes_either_kind_typed(qtbot, ctx):
    """Khmer with Khmer digits: the port reads ៥៤៣២ as every number in the app does;
    typed in Khmer or Latin digits it is the same port; Latin digits chosen: 5432."""
    ctx.language.set_language("km")
    try:
        dialog = _dialog(qtbot)
        assert dialog.port.text() == "៥៤៣២" and dialog.port.value() == 5432
        for typed, port in (("៥៤៣៣", 5433), ("6543", 6543)):
            dialog.port.lineEdit().selectAll()
            for char in typed:  # Khmer text cannot go through qtbot.keyClicks
                QApplication.sendEvent(dialog.port.lineEdit(), QKeyEvent(
                    QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, char))
            assert dialog.typed_address().port == port, typed
        # leaving the field (focus-out, which this offscreen test cannot give a window)
        # writes what was typed in the chosen digits
        assert dialog.port.text() == "6543"
        dialog.port.editingFinished.emit()
        assert dialog.port.text() == "៦៥៤៣" and dialog.port.value() == 6543
        dialog.set_address(server_address.ServerAddress("10.0.0.2", 6000, "shop", "u"))
        assert dialog.port.text() == "៦០០០"
        ctx.language.set_khmer_digits(False)
        latin = _dialog(qtbot)
        assert latin.port.text() == "5432"
    finally:
        ctx.language.set_khmer_digits(True)
        ctx.language.set_language("en")
    english = _dialog(qtbot)
    assert english.port.text() == "5432"


def test_opened_shared_shop_is_in_recent_list_reopens_with_kept_password_and_leaks_nothing(
        qtbot, qapp, shop_db, tmp_path, monkeypatch, caplog, request):
    import logging

    from kpidesk import app as kpidesk_app
    from kpidesk.i18n.language import LanguageManager
    from kpidesk.logs import log as kpidesk_log
    from kpidesk.logs import setup_logging
    from kpidesk.ui import recent

    handlers_before = list(kpidesk_log.handlers)
    log_file = setup_logging()
    for handler in [h for h in kpidesk_log.handlers if h not in handlers_before]:
        # the log file of this test's data folder: gone with the test
        request.addfinalizer(handler.close)
        request.addfinalizer(lambda h=handler: kpidesk_log.removeHandler(h))
    caplog.set_level(logging.DEBUG)
    name, port, user, password = shop_db
    monkeypatch.setattr(ConnectDialog, "agree_to_create", lambda self, address: True)
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    language = LanguageManager()
    language.set_language("en")
    controller = kpidesk_app.Controller(settings, language)

    def fill_and_connect(dialog_class_exec=ConnectDialog.exec):
        def run(dialog):
            _fill(dialog, "127.0.0.1", port, name, user, password)
            dialog.try_connect()
            qtbot.waitUntil(lambda: not dialog.connecting, timeout=20_000)
            return dialog.result()
        return run

    monkeypatch.setattr(ConnectDialog, "exec", fill_and_connect())
    assert controller.open_shared()
    qtbot.addWidget(controller.window)
    store = controller.ctx.store
    assert store.is_server and store.scalar("SELECT count(*) FROM stages") == 6
    title = controller.window.windowTitle()
    assert f"{name} on server 127.0.0.1:{port}" in title and password not in title
    public = server_address.ServerAddress("127.0.0.1", port, name, user).public_url
    assert recent.recent_shops(settings)[0] == public
    controller.window.recent_menu.aboutToShow.emit()  # as when the menu opens
    entries = [a.text() for a in controller.window.recent_menu.actions()]
    assert entries[0] == f"&1 {name} on server 127.0.0.1:{port}"
    controller.close_store()

    # reopened from the recent list: the password comes from the password store, unasked
    asked = []
    monkeypatch.setattr(connect, "ask_shared_shop",
                        lambda *a, **k: asked.append(a) or None)
    assert controller.open(recent.recent_shops(settings)[0])
    qtbot.addWidget(controller.window)
    assert controller.ctx.store.is_server and asked == []
    controller.close_store()
    settings.sync()

    # forgotten from the password store: the dialog is shown on that address
    from kpidesk.ui.dialogs.connect import forget_password

    forget_password(server_address.parse(public))
    assert not controller.open(public)
    assert len(asked) == 1 and asked[0][2] == server_address.parse(public)

    text = (tmp_path / "s.ini").read_text()
    assert public in text and password not in text
    assert password not in caplog.text
    if log_file is not None and log_file.exists():
        logged = log_file.read_text()
        assert public in logged  # the log names the shop…
        assert password not in logged  # …never its password


def test_settings_shop_and_about_name_the_server_never_the_password(qtbot, qapp, pg_url,
                                                                    settings):
    from kpidesk.store.db import Store
    from kpidesk.ui.about import AboutDialog
    from kpidesk.ui.main_window import MainWindow
    from kpidesk.ui.settings.tab import SettingsTab
    from tests.conftest import _make_ctx

    store = Store(pg_url)
    ctx = _make_ctx(qapp, store, settings)
    try:
        address = server_address.parse(pg_url)
        where = f"{address.database} on server 127.0.0.1:{address.port}"
        tab = SettingsTab(ctx)
        qtbot.addWidget(tab)
        assert tab.server_place.text() == where
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        assert window.windowTitle() == f"{where} — KPI Desk"
        import kpidesk.ui.about as about_module

        shown = []
        original = about_module.show_about
        about_module.show_about = lambda parent, path, shared=False: shown.append((path, shared))
        try:
            window.show_about()  # Help ▸ About, not exec()'d
        finally:
            about_module.show_about = original
        assert shown == [(where, True)]
        about = AboutDialog(window, *shown[0])
        qtbot.addWidget(about)
        assert f"Shared shop: {where}" in about.summary.text()
        for text in (tab.server_place.text(), window.windowTitle(), about.summary.text()):
            assert ":kpidesk@" not in text
        ctx.language.set_language("km")
        assert "ម៉ាស៊ីន" in window.windowTitle()
    finally:
        ctx.language.set_language("en")
        ctx.close()
        store.close()
