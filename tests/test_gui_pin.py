"""Owner PIN in the UI: setting it, and owner-only actions asking for it."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

from kpidesk.store import security
from kpidesk.ui.dialogs.pin import OwnerPinDialog, require_owner


def test_setting_a_pin_needs_it_twice_and_digits(qtbot, store):
    dialog = OwnerPinDialog(store)
    qtbot.addWidget(dialog)
    dialog.new_pin.setText("1234")
    dialog.repeat_pin.setText("1243")
    dialog.save()
    assert not security.has_pin(store) and dialog.error.text()
    dialog.new_pin.setText("12ab")
    dialog.repeat_pin.setText("12ab")
    dialog.save()
    assert not security.has_pin(store)
    dialog.new_pin.setText("២០២៦")  # Khmer digits
    dialog.repeat_pin.setText("២០២៦")
    dialog.save()
    assert security.has_pin(store) and security.check_pin(store, "2026")


def test_owner_actions_ask_for_the_pin(qapp, store, monkeypatch):
    assert require_owner(store)  # no PIN: nobody is asked
    security.set_pin(store, "4321")
    typed = iter([("0000", True), ("4321", True)])
    warnings = []
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: next(typed)))
    monkeypatch.setattr(QMessageBox, "warning",
                        staticmethod(lambda *a, **k: warnings.append(a[2])))
    assert require_owner(store)  # wrong, then right
    assert len(warnings) == 1
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    assert not require_owner(store)  # cancelled


def test_after_five_wrong_pins_the_owner_must_wait(qapp, store, monkeypatch):
    security.set_pin(store, "4321")
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("1111", True)))
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: shown.append(a[2])))
    assert not require_owner(store)
    assert security.seconds_to_wait(store) > 0
    assert len(shown) == 6  # five "not right", then "try again in … seconds"


def _typed(monkeypatch, answer):
    calls = []

    def get_text(*args, **kwargs):
        calls.append(args)
        return answer

    monkeypatch.setattr(QInputDialog, "getText", staticmethod(get_text))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: None))
    return calls


def test_deleting_and_merging_contacts_need_the_pin(qtbot, demo_ctx, monkeypatch):
    from kpidesk.store.contacts import ContactInput, add_contact
    from kpidesk.ui.tabs.contacts import ContactsTab

    store = demo_ctx.store
    lonely = add_contact(store, ContactInput("Nobody Bought", "2026-11-01", kind="lead"))
    security.set_pin(store, "2468")
    tab = ContactsTab(demo_ctx)
    qtbot.addWidget(tab)
    tab.show()
    tab.select_ids([lonely])
    asked = _typed(monkeypatch, ("", False))  # the staff member does not know the PIN
    assert not tab.delete_selected(confirmed=True)
    assert asked and store.scalar("SELECT count(*) FROM contacts WHERE id = ?", (lonely,)) == 1
    _typed(monkeypatch, ("2468", True))
    assert tab.delete_selected(confirmed=True)
    assert store.scalar("SELECT count(*) FROM contacts WHERE id = ?", (lonely,)) == 0


def test_deleting_an_opportunity_needs_the_pin(qtbot, demo_ctx, monkeypatch):
    from kpidesk.ui.tabs.pipeline import PipelineTab

    store = demo_ctx.store
    opp = store.scalar("SELECT id FROM opportunities WHERE status = 'open' LIMIT 1")
    security.set_pin(store, "2468")
    tab = PipelineTab(demo_ctx)
    qtbot.addWidget(tab)
    _typed(monkeypatch, ("1111", True))
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: ("", False)))
    assert not tab.delete_opportunity(opp, confirmed=True)
    assert store.scalar("SELECT count(*) FROM opportunities WHERE id = ?", (opp,)) == 1
    _typed(monkeypatch, ("2468", True))
    assert tab.delete_opportunity(opp, confirmed=True)
    assert store.scalar("SELECT count(*) FROM opportunities WHERE id = ?", (opp,)) == 0


def test_deleting_a_sale_of_an_earlier_day_needs_the_pin(qtbot, demo_ctx, monkeypatch):
    from kpidesk.ui.tabs.sales import SalesTab

    store = demo_ctx.store
    security.set_pin(store, "2468")
    tab = SalesTab(demo_ctx)
    qtbot.addWidget(tab)
    tab.show()
    monkeypatch.setattr(tab, "confirm_delete", lambda count: True)
    tab.period_combo.setCurrentIndex(tab.period_combo.findData("2026-10"))
    tab.table.selectRow(0)
    order = tab.selected_order_ids()[0]
    assert store.scalar("SELECT date FROM orders WHERE id = ?", (order,)) < "2026-11-26"
    asked = _typed(monkeypatch, ("", False))
    assert not tab.delete_selected()
    assert asked and store.scalar("SELECT count(*) FROM orders WHERE id = ?", (order,)) == 1
    _typed(monkeypatch, ("2468", True))
    assert tab.delete_selected()
    assert store.scalar("SELECT count(*) FROM orders WHERE id = ?", (order,)) == 0


def test_staff_delete_todays_sale_without_the_pin(qtbot, demo_ctx, monkeypatch):
    from kpidesk.ui.tabs.sales import SalesTab

    store = demo_ctx.store
    security.set_pin(store, "2468")
    tab = SalesTab(demo_ctx)
    qtbot.addWidget(tab)
    tab.show()
    monkeypatch.setattr(tab, "confirm_delete", lambda count: True)
    tab.period_combo.setCurrentIndex(tab.period_combo.findData("2026-11"))
    tab.table.selectRow(0)
    order = tab.selected_order_ids()[0]
    assert store.scalar("SELECT date FROM orders WHERE id = ?", (order,)) == "2026-11-26"
    if store.scalar("SELECT min(amount) FROM sale_lines WHERE order_id = ?", (order,)) < 0:
        pytest.skip("the demo's latest sale is a refund")
    asked = _typed(monkeypatch, ("", False))
    assert tab.delete_selected()
    assert not asked
    assert store.scalar("SELECT count(*) FROM orders WHERE id = ?", (order,)) == 0


def test_changing_targets_needs_the_pin(qtbot, demo_ctx, monkeypatch):
    from kpidesk.store.targets import get_target
    from kpidesk.ui.tabs.targets import TargetsTab

    store = demo_ctx.store
    security.set_pin(store, "2468")
    tab = TargetsTab(demo_ctx)
    qtbot.addWidget(tab)
    index = tab.model.index(0, 0)
    month, sp = tab.model.key_of(index)
    before = get_target(store, month, tab.model.measure, sp)
    _typed(monkeypatch, ("", False))
    assert not tab.model.setData(index, "99999")
    assert get_target(store, month, tab.model.measure, sp) == before
    assert tab.copy_last_year() == 0
    _typed(monkeypatch, ("2468", True))
    assert tab.model.setData(index, "99999")
    assert get_target(store, month, tab.model.measure, sp)[0] == 9_999_900


def test_settings_open_the_backups_and_the_owner_pin(qtbot, demo_ctx, monkeypatch):
    from kpidesk.ui.dialogs import backups, pin
    from kpidesk.ui.settings import SettingsTab

    opened = []
    monkeypatch.setattr(backups.BackupsDialog, "exec", lambda self: opened.append("backups"))
    monkeypatch.setattr(pin.OwnerPinDialog, "exec", lambda self: opened.append("pin") or 0)
    tab = SettingsTab(demo_ctx)
    qtbot.addWidget(tab)
    tab.backups_button.click()
    tab.pin_button.click()
    assert opened == ["backups", "pin"]
