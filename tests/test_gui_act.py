"""The call-backs, the data-health list and Share… driven through the real widgets on the
demo shop: call three customers from the list, see them come back, see the rate."""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import DEMO_TODAY
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from kpidesk.metrics import health, winback
from kpidesk.metrics.periods import add_months, month_key
from kpidesk.store import calls as store_calls
from kpidesk.store.sales import LineInput, OrderInput, add_order
from kpidesk.ui.dialogs.call_dialog import CallDialog
from kpidesk.ui.dialogs.call_today import CallTodayDialog
from kpidesk.ui.dialogs.data_health import DataHealthDialog
from kpidesk.ui.dialogs.share_dialog import ShareDialog
from kpidesk.ui.tabs.dashboard import DashboardTab

MONTH = month_key(DEMO_TODAY)


@pytest.fixture
def dash(qtbot, demo_ctx):
    widget = DashboardTab(demo_ctx)
    qtbot.addWidget(widget)
    widget.resize(1280, 720)
    widget.show()
    widget.pages.setCurrentIndex(1)  # the customers page
    yield widget
    widget.close()
    widget.deleteLater()
    qtbot.wait(1)


def _log_call(qtbot, ctx, contact_id: int, outcome: str, note: str = "") -> CallDialog:
    dialog = CallDialog(ctx, contact_id)
    qtbot.addWidget(dialog)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData(outcome))
    dialog.note.setText(note)
    assert dialog.save(), dialog.error.text()
    assert dialog.result() == QDialog.DialogCode.Accepted
    return dialog


def test_call_three_customers_and_see_the_rate_next_month(qtbot, dash, demo_ctx):
    """As a new user would: three calls from the list, two come back, the rate shows."""
    store = demo_ctx.store
    first_day = DEMO_TODAY.replace(day=1)
    demo_ctx.fixed_today = first_day  # the calls are made on the 1st of the month
    dash.refresh({"customers"})
    model = dash.at_risk_model
    assert model.rowCount() >= 3
    assert model.headerData(6, Qt.Orientation.Horizontal) == "Last call"
    called = []
    for row, outcome in zip(range(3), ("promised", "no_answer", "reached"), strict=True):
        contact_id = model.contact_id(row)
        dash.at_risk_view.selectRow(row)
        dialog = _log_call(qtbot, demo_ctx, contact_id, outcome, "asked about a new phone")
        if outcome == "no_answer":  # a follow-up two days later is proposed
            assert dialog.follow_up.text() != ""
        called.append(contact_id)
    # the list shows each one's last call at once
    texts = {model.contact_id(r): model.data(model.index(r, 6)) for r in range(model.rowCount())}
    assert texts[called[0]].startswith("Promised to come")
    # two of them come back within the 30 days
    for contact_id in called[:2]:
        add_order(store, OrderInput(date=(first_day + timedelta(days=5)).isoformat(),
                                    contact_id=contact_id, lines=[LineInput(amount=12_500)]))
    demo_ctx.fixed_today = first_day + timedelta(days=40)  # next month
    w = winback.winback(store, MONTH, demo_ctx.fixed_today)
    assert (w.called, w.won_back, w.recovered_revenue) == (3, 2, 25_000)
    dash.refresh({"customers"})
    bar = dash.call_bar
    assert "2 of 3" in bar.summary.text()
    assert bar.view.isVisible()
    assert bar.model.data(bar.model.index(0, 3)) == "66.7%"  # the whole shop's rate
    assert bar.model.data(bar.model.index(0, 4)) == "$250.00"


def test_not_interested_leaves_the_list(qtbot, dash, demo_ctx):
    model = dash.at_risk_model
    contact_id = model.contact_id(0)
    _log_call(qtbot, demo_ctx, contact_id, "not_interested")
    assert contact_id not in {model.contact_id(r) for r in range(model.rowCount())}


def test_ready_messages_name_the_customer_in_both_languages(qtbot, demo_ctx):
    from kpidesk.metrics.callbacks import call_list, usual_products

    row = call_list(demo_ctx.store, DEMO_TODAY, limit=1)[0]
    contact_id = row.contact_id
    dialog = CallDialog(demo_ctx, contact_id)
    qtbot.addWidget(dialog)
    english, khmer = dialog.message_en.toPlainText(), dialog.message_km.toPlainText()
    assert row.name in english and row.name in khmer
    products = usual_products(demo_ctx.store, contact_id)
    assert products and products[0] in english and products[0] in khmer
    assert any("\u1780" <= ch <= "\u17ff" for ch in khmer)  # Khmer letters
    dialog.copy_km.click()
    assert QGuiApplication.clipboard().text() == khmer.replace("\u200b", "")


def test_call_dialog_refuses_a_follow_up_before_the_call(qtbot, demo_ctx):
    from kpidesk.metrics.callbacks import call_list

    contact_id = call_list(demo_ctx.store, DEMO_TODAY, limit=1)[0].contact_id
    dialog = CallDialog(demo_ctx, contact_id)
    qtbot.addWidget(dialog)
    dialog.follow_up.set_date(DEMO_TODAY - timedelta(days=3))
    assert not dialog.save()
    assert dialog.error.text() == "The follow-up date is before the call."
    assert store_calls.calls_of(demo_ctx.store, contact_id) == []


def test_to_call_today_per_salesperson(qtbot, demo_ctx):
    dialog = CallTodayDialog(demo_ctx)
    qtbot.addWidget(dialog)
    everyone = dialog.model.rowCount()
    assert everyone > 0
    dialog.who.setCurrentIndex(1)
    mine = dialog.model.rowCount()
    assert mine <= everyone
    assert demo_ctx.settings.value("calls/salesperson") not in (None, "")  # remembered


def test_health_badge_list_and_mark_as_right(qtbot, dash, demo_ctx):
    store = demo_ctx.store
    dash.pages.setCurrentIndex(0)
    qtbot.wait(5)
    assert dash.actions.badge.isHidden()
    add_order(store, OrderInput(date=DEMO_TODAY.isoformat(), number="R-41000",
                                lines=[LineInput(amount=2000, rate=41000)]))
    dash.refresh({"sales"})
    qtbot.waitUntil(lambda: not dash.actions.badge.isHidden())  # counted after the paint
    assert "(1)" in dash.actions.badge.text()
    dialog = DataHealthDialog(demo_ctx, MONTH, dash)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == health.count(store, MONTH, DEMO_TODAY) == 1
    assert "R-41000" in dialog.model.data(dialog.model.index(0, 2))
    assert "41,000" in dialog.model.data(dialog.model.index(0, 2))
    dialog.view.selectRow(0)
    dialog.right_button.click()
    assert dialog.model.rowCount() == 0
    dash.actions.refresh(MONTH)
    qtbot.waitUntil(dash.actions.badge.isHidden)
    assert health.count(store, MONTH, DEMO_TODAY) == 0  # remembered in the shop file


def test_share_dialog_saves_the_picture_and_copies_the_text(qtbot, demo_ctx, tmp_path):
    previous = add_months(MONTH, -1)
    dialog = ShareDialog(demo_ctx, previous)
    qtbot.addWidget(dialog)
    dialog.folder.setText(str(tmp_path / "pictures"))
    dialog.lang.setCurrentIndex(dialog.lang.findData("km"))
    assert dialog.save()
    saved = tmp_path / "pictures" / f"kpidesk-{previous}-km.png"
    assert saved.is_file() and dialog.saved == saved
    text = QGuiApplication.clipboard().text()
    assert text == dialog.text.toPlainText() and "ចំណូល" in text and "\u200b" not in text
    assert demo_ctx.settings.value("share/folder") == str(tmp_path / "pictures")
    assert demo_ctx.settings.value("share/lang") == "km"


def test_open_the_sale_to_fix_it(qtbot, main_window, demo_ctx):
    order_id = add_order(demo_ctx.store, OrderInput(
        date=DEMO_TODAY.isoformat(), number="R-FIX", lines=[LineInput(amount=2000, rate=41000)]))
    dash = main_window.show_tab("dashboard")
    dash.actions.refresh(MONTH)
    qtbot.waitUntil(dash.actions.badge.isVisible)
    dash.actions.badge.click()  # the dialog as the user opens it: its requests reach the window
    dialog = dash.actions.health_dialog
    dialog.view.selectRow(0)
    assert dialog.open_button.text() == "&Open the sale to fix it"
    dialog.open_button.click()
    sales = main_window.pages["sales"]
    assert main_window.current_page() is sales
    assert sales._editing is not None and sales._editing[0] == order_id
    assert sales.rate_edit.text().replace(",", "") == "41000"  # there to fix
