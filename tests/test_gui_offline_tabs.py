"""Tabs built while a shared shop's server answered, when it stops answering: every action
that needs the server (ui/server_writes.py) is disabled with the reason as its tooltip, in
the user's language, a selection does not enable it again, and when the server answers
each comes back as its tab wants it, with its own tooltip; an edit dialog open when the
server goes away refuses its save with one sentence and keeps what was typed. On the real
test cluster behind a TCP relay the tests cut and restore."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QSettings
from PySide6.QtWidgets import QMessageBox

from kpidesk import app as kpidesk_app
from kpidesk.i18n.language import LanguageManager
from kpidesk.store import opportunities as ostore
from kpidesk.store import security
from kpidesk.store.db import Store
from kpidesk.ui.dialogs.contact_dialog import ContactDialog
from kpidesk.ui.main_window_offline import needs_server_text
from kpidesk.ui.server_writes import refusal_text
from tests.app_controller import stop_controller
from tests.tcp_proxy import relayed_shop

TABS = ("dashboard", "analysis", "contacts", "pipeline", "insight")


@pytest.fixture
def relay(pg_url, monkeypatch):
    monkeypatch.setattr(security, "ITERATIONS", 1000)  # hashing at test speed
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    for kind in ("warning", "critical", "information"):  # no box while the server is away
        monkeypatch.setattr(QMessageBox, kind, lambda *a, k=kind, **kw: pytest.fail(
            f"a {k} box: {a[1:3]}"))
    with relayed_shop(pg_url) as shop:
        url = shop[0]
        with Store(url) as store:
            stage = ostore.stages(store)[0]["id"]
            ostore.add_opportunity(store, ostore.OpportunityInput(
                title="Wedding rice", value=150000, created="2026-11-20", stage_id=stage,
                expected_close="2026-12-15"))
        yield shop


def _open(tmp_path, url: str, lang: str) -> kpidesk_app.Controller:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    language = LanguageManager()
    language.set_language(lang)
    controller = kpidesk_app.Controller(settings, language)
    settings.setValue("window/tab", "dashboard")
    assert controller.open(Path(url))
    controller.ctx.language.set_language(lang)
    backup = controller.backups.thread  # the day's backup of the shop, done before the cut
    if backup is not None:
        backup.join(60)
        QCoreApplication.processEvents()  # its result, said on the UI thread
    return controller



def _build_every_tab(window):
    """Every tab built while the server answers, the lazy parts too, a contact and an
    opportunity selected (so that the actions for a selection are on)."""
    tabs = {key: window.show_tab(key) for key in TABS}
    assert tabs["dashboard"].call_bar is not None  # the customers page, built when shown
    contacts = tabs["contacts"]
    contacts.reload()
    contacts.table.selectRow(0)
    pipeline = tabs["pipeline"]
    pipeline.select(pipeline.model.rows[0]["id"])
    return tabs


def _writes(tabs) -> dict:
    """Every action of every tab that needs the server, with its state now."""
    found = {}
    for key, tab in tabs.items():
        registries = [tab.writes]
        if key == "dashboard":
            registries.append(tab.customers_page.writes)
        targets = [t for r in registries for t in r.targets()]
        assert targets, key
        for target in targets:
            found[(key, target)] = (target.isEnabled(),
                                    target.toolTip() if hasattr(target, "toolTip") else None)
    return found


def _cut(controller, proxy) -> None:
    proxy.cut()
    controller.check_others()  # the 5-second look at the server
    assert controller.ctx.server_queue.server_down


def _restore(controller, proxy, qtbot) -> None:
    queue = controller.ctx.server_queue
    proxy.restore()
    queue.probe_timer.setInterval(100)
    qtbot.waitUntil(lambda: not queue.server_down, timeout=20_000)


@pytest.mark.parametrize("lang", ["en", "km"])
def test_every_action_needing_the_server_is_off_while_it_is_away_and_back_after(
        qtbot, qapp, relay, tmp_path, lang):
    url, proxy = relay
    controller = _open(tmp_path, url, lang)
    window = controller.window
    tabs = _build_every_tab(window)
    online = _writes(tabs)
    names = {(key, t.objectName() or t.text() if hasattr(t, "text") else "shortcut")
             for key, t in online}
    assert len(online) >= 20, names  # every tab's: contacts, pipeline, calls, export…
    contacts = tabs["contacts"]
    assert contacts.edit_button.isEnabled() and tabs["pipeline"].edit_button.isEnabled()
    own_tip = contacts.add_button.toolTip()

    _cut(controller, proxy)
    reason = needs_server_text()
    if lang == "km":
        assert reason != "Needs the shop's server, which does not answer now."
    for (key, target), _state in online.items():
        assert not target.isEnabled(), (key, target)
        if hasattr(target, "toolTip"):
            assert target.toolTip() == reason, (key, target)
            assert target.statusTip() == reason
    # a new selection does not bring them back
    contacts.table.selectionModel().clearSelection()
    contacts.table.selectionModel().select(
        contacts.proxy.index(0, 0),
        QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    assert not contacts.edit_button.isEnabled()
    # and the routes no button guards refuse too (a drag on the board, a double click)
    assert contacts.open_contact() is None and contacts.page_dialog is None
    assert tabs["pipeline"].mark_won(tabs["pipeline"].model.rows[0]["id"], True) is False
    assert window.statusBar().currentMessage() == reason

    _restore(controller, proxy, qtbot)
    back = _writes(tabs)
    assert back == online  # each as its tab wants it, with its own tooltip
    assert contacts.add_button.toolTip() == own_tip
    stop_controller(controller, qapp)


def test_a_language_switch_while_the_server_is_away_keeps_the_reason_and_the_own_tips(
        qtbot, qapp, relay, tmp_path):
    url, proxy = relay
    controller = _open(tmp_path, url, "en")
    tabs = _build_every_tab(controller.window)
    contacts = tabs["contacts"]
    _cut(controller, proxy)
    controller.ctx.language.set_language("km")
    khmer_reason = needs_server_text()
    assert contacts.add_button.toolTip() == khmer_reason != ""
    assert contacts.add_button.toolTip().isascii() is False
    _restore(controller, proxy, qtbot)
    assert contacts.add_button.isEnabled()
    assert contacts.add_button.toolTip() not in ("", khmer_reason)
    assert not contacts.add_button.toolTip().isascii()  # its own tip, in Khmer
    stop_controller(controller, qapp)


def test_a_contact_dialog_open_when_the_server_goes_refuses_its_save_and_keeps_the_text(
        qtbot, qapp, relay, tmp_path, monkeypatch):
    url, proxy = relay
    controller = _open(tmp_path, url, "en")
    contacts = controller.window.show_tab("contacts")
    seen = {}

    def typed_then_server_lost(dialog: ContactDialog) -> int:
        dialog.name_edit.setText("Chan Dara")
        dialog.phone_edit.setText("098765432")
        proxy.cut()  # while the dialog is open
        dialog.try_accept()
        seen["error"] = dialog.error_label.text()
        seen["shown"] = not dialog.error_label.isHidden()
        seen["kept"] = (dialog.name_edit.text(), dialog.phone_edit.text())
        seen["open"] = dialog.result() == 0 and dialog.result_value is None
        return 0

    monkeypatch.setattr(ContactDialog, "exec", typed_then_server_lost)
    assert contacts.add_contact() is None
    assert seen == {"error": refusal_text(), "shown": True,
                    "kept": ("Chan Dara", "098765432"), "open": True}
    assert controller.ctx.server_queue.server_down  # and the tabs now know it
    assert not contacts.add_button.isEnabled()
    _restore(controller, proxy, qtbot)
    with Store(url) as store:
        assert store.scalar("SELECT count(*) FROM contacts WHERE name = 'Chan Dara'") == 0
    stop_controller(controller, qapp)


def test_dialogs_open_when_the_server_goes_disable_what_needs_it_too(
        qtbot, qapp, relay, tmp_path):
    from kpidesk.ui.contact_calls import ContactCallsTab
    from kpidesk.ui.dialogs.call_today import CallTodayDialog
    from kpidesk.ui.dialogs.contact_page import ContactPage
    from kpidesk.ui.dialogs.data_health import DataHealthDialog

    url, proxy = relay
    controller = _open(tmp_path, url, "en")
    ctx = controller.ctx
    contacts = controller.window.show_tab("contacts")
    contacts.reload()
    contacts.table.selectRow(0)
    page = contacts.open_contact()
    assert isinstance(page, ContactPage)
    dialogs = [CallTodayDialog(ctx, controller.window),
               DataHealthDialog(ctx, ctx.today().isoformat()[:7], controller.window)]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
    registries = [d.writes for d in dialogs] + [
        calls.writes for calls in page.findChildren(ContactCallsTab)]
    targets = [t for r in registries for t in r.targets()]
    assert len(targets) == 6
    online = {t: t.isEnabled() for t in targets}
    _cut(controller, proxy)
    assert not any(t.isEnabled() for t in targets)
    assert {t.toolTip() for t in targets} == {needs_server_text()}
    _restore(controller, proxy, qtbot)
    assert {t: t.isEnabled() for t in targets} == online
    page.close()
    stop_controller(controller, qapp)
