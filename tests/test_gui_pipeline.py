"""Pipeline tab: board moves by drag and by keyboard, won/lost/reopen, undo, the table."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from kpidesk.store import opportunities as ostore
from kpidesk.ui.dialogs.opportunity_dialog import OpportunityDialog
from kpidesk.ui.models.base import Role
from kpidesk.ui.models.opportunities_model import OpportunitiesModel
from kpidesk.ui.tabs.pipeline import PipelineTab


def _tab(qtbot, ctx):
    tab = PipelineTab(ctx)
    qtbot.addWidget(tab)
    tab.resize(1400, 700)
    tab.show()
    return tab


def _stage_ids(store):
    return {s["name"]: s["id"] for s in ostore.stages(store)}


def _open_opp(store, stage="New", **kw):
    st = _stage_ids(store)
    data = dict(title="Board test deal", value=150000, created="2026-11-20",
                stage_id=st[stage], expected_close="2026-12-15")
    data.update(kw)
    return ostore.add_opportunity(store, ostore.OpportunityInput(**data))


def _row(store, opp):
    return ostore.snapshot(store, opp)


def _win_rate(store, month="2026-11"):
    won, closed = store.conn.execute(
        "SELECT SUM(status = 'won'), COUNT(*) FROM opportunities"
        " WHERE status != 'open' AND substr(closed, 1, 7) = ?", (month,)).fetchone()
    return won / closed


def _drop(qtbot, tab, opp_id, stage_id):
    """Drag the card of `opp_id` onto the column of `stage_id`: the mime data the source
    column builds, delivered to the target column's viewport as a real QDropEvent."""
    source = tab.board.column_of(opp_id)
    item = tab.board.item_of(opp_id)
    mime = source.mimeData([item])
    target = tab.board.columns[stage_id]
    pos = QPointF(target.viewport().rect().center())
    actions = Qt.DropAction.MoveAction | Qt.DropAction.CopyAction
    args = (actions, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter = QDragEnterEvent(pos.toPoint(), *args)  # Qt: QPoint here, QPointF for the drop
    QApplication.sendEvent(target.viewport(), enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(pos.toPoint(), *args)
    QApplication.sendEvent(target.viewport(), move)
    assert move.isAccepted()
    event = QDropEvent(pos, *args)
    QApplication.sendEvent(target.viewport(), event)
    assert event.isAccepted()
    assert event.dropAction() == Qt.DropAction.CopyAction  # source keeps its item


def test_models_pass_modeltester(qtmodeltester, demo_ctx):
    model = OpportunitiesModel(demo_ctx.store, demo_ctx.today)
    assert model.rowCount() > 50
    qtmodeltester.check(model)


def test_board_shows_open_stages_and_overdue(qtbot, demo_ctx):
    store = demo_ctx.store
    late = _open_opp(store, expected_close="2026-11-01", title="Late deal")
    tab = _tab(qtbot, demo_ctx)
    st = _stage_ids(store)
    assert list(tab.board.columns) == [st[n] for n in ("New", "Qualified", "Proposal",
                                                        "Negotiation", "Won", "Lost")]
    n_open = store.scalar("SELECT count(*) FROM opportunities WHERE status = 'open'")
    assert sum(tab.board.columns[st[n]].count() for n in ("New", "Qualified", "Proposal",
                                                          "Negotiation")) == n_open
    card = tab.board.item_of(late).data(Role.CARD)
    assert card["overdue"] and card["badge"] == "Overdue"
    assert tab.board.item_of(_open_opp(store))  # a write elsewhere shows up at once
    assert "Open:" in tab.summary_label.text()


def test_drag_moves_between_stages_and_undo(qtbot, demo_ctx):
    store = demo_ctx.store
    opp = _open_opp(store)
    tab = _tab(qtbot, demo_ctx)
    st = _stage_ids(store)
    _drop(qtbot, tab, opp, st["Proposal"])
    qtbot.waitUntil(lambda: _row(store, opp)["stage_id"] == st["Proposal"])
    assert _row(store, opp)["probability"] == 60
    assert tab.board.column_of(opp) is tab.board.columns[st["Proposal"]]
    assert tab.board.current_id() == opp
    demo_ctx.undo_stack.undo()
    assert (_row(store, opp)["stage_id"], _row(store, opp)["probability"]) == (st["New"], 10)
    assert tab.board.column_of(opp) is tab.board.columns[st["New"]]
    demo_ctx.undo_stack.redo()
    assert _row(store, opp)["stage_id"] == st["Proposal"]


def test_keyboard_moves_card(qtbot, demo_ctx):
    store = demo_ctx.store
    opp = _open_opp(store, stage="Qualified")
    tab = _tab(qtbot, demo_ctx)
    st = _stage_ids(store)
    assert tab.board.select(opp, focus=True)
    qtbot.keyClick(tab.board.column_of(opp), Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert _row(store, opp)["stage_id"] == st["Proposal"]
    # the card stays selected in its new column: the next key press moves it again
    qtbot.keyClick(tab.board.column_of(opp), Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert (_row(store, opp)["stage_id"], _row(store, opp)["probability"]) == (
        st["Negotiation"], 80)
    qtbot.keyClick(tab.board.column_of(opp), Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert _row(store, opp)["stage_id"] == st["Proposal"]
    qtbot.keyClick(tab.board.column_of(opp), Qt.Key.Key_Left)  # no modifier: stays put
    assert _row(store, opp)["stage_id"] == st["Proposal"]
    demo_ctx.undo_stack.undo()
    demo_ctx.undo_stack.undo()
    demo_ctx.undo_stack.undo()
    assert _row(store, opp)["stage_id"] == st["Qualified"]


def test_mark_won_with_sale_changes_win_rate_and_revenue_and_undo(qtbot, demo_ctx,
                                                                  monkeypatch):
    store = demo_ctx.store
    contact = store.scalar("SELECT id FROM contacts LIMIT 1")
    opp = _open_opp(store, stage="Negotiation", contact_id=contact, value=250000)
    tab = _tab(qtbot, demo_ctx)
    st = _stage_ids(store)
    rate_before = _win_rate(store)
    revenue_before = store.scalar(
        "SELECT IFNULL(SUM(revenue_usd), 0) FROM daily_revenue WHERE day = '2026-11-26'")
    asked = []
    monkeypatch.setattr(tab, "ask_won", lambda row: asked.append(row["id"]) or True)
    # keyboard: Ctrl+Right on the last open stage asks about the win
    tab.board.select(opp, focus=True)
    qtbot.keyClick(tab.board.column_of(opp), Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert asked == [opp]
    row = _row(store, opp)
    assert (row["status"], row["closed"], row["stage_id"]) == ("won", "2026-11-26", st["Won"])
    assert row["order_id"] is not None
    won, closed = store.conn.execute(
        "SELECT SUM(status = 'won'), COUNT(*) FROM opportunities"
        " WHERE status != 'open' AND substr(closed, 1, 7) = '2026-11'").fetchone()
    assert _win_rate(store) == won / closed > rate_before
    from kpidesk.metrics.pipeline import pipeline_kpis

    assert pipeline_kpis(store, "2026-11", demo_ctx.today())["win_rate"] == won / closed
    assert f"{won / closed * 100:.1f}%" in tab.summary_label.text()
    revenue_after = store.scalar(
        "SELECT SUM(revenue_usd) FROM daily_revenue WHERE day = '2026-11-26'")
    assert revenue_after == revenue_before + 250000
    assert tab.board.column_of(opp) is tab.board.columns[st["Won"]]

    demo_ctx.undo_stack.undo()
    row = _row(store, opp)
    assert (row["status"], row["closed"], row["order_id"], row["stage_id"]) == (
        "open", None, None, st["Negotiation"])
    assert _win_rate(store) == rate_before
    assert store.scalar("SELECT IFNULL(SUM(revenue_usd), 0) FROM daily_revenue"
                        " WHERE day = '2026-11-26'") == revenue_before
    demo_ctx.undo_stack.redo()
    assert _row(store, opp)["status"] == "won"
    assert store.scalar("SELECT SUM(revenue_usd) FROM daily_revenue"
                        " WHERE day = '2026-11-26'") == revenue_after


def test_mark_won_without_sale_leaves_revenue(qtbot, demo_ctx, monkeypatch):
    store = demo_ctx.store
    opp = _open_opp(store)
    tab = _tab(qtbot, demo_ctx)
    orders = store.scalar("SELECT count(*) FROM orders")
    monkeypatch.setattr(tab, "ask_won", lambda row: False)
    _drop(qtbot, tab, opp, _stage_ids(store)["Won"])
    qtbot.waitUntil(lambda: _row(store, opp)["status"] == "won")
    assert _row(store, opp)["order_id"] is None
    assert store.scalar("SELECT count(*) FROM orders") == orders


def test_drop_on_lost_asks_reason_then_reopen_by_drag(qtbot, demo_ctx, monkeypatch):
    store = demo_ctx.store
    opp = _open_opp(store, stage="Proposal")
    tab = _tab(qtbot, demo_ctx)
    st = _stage_ids(store)
    monkeypatch.setattr(tab, "ask_lost_reason", lambda row: None)  # cancelled
    _drop(qtbot, tab, opp, st["Lost"])
    qtbot.wait(20)
    assert _row(store, opp)["status"] == "open"
    monkeypatch.setattr(tab, "ask_lost_reason", lambda row: "No budget")
    _drop(qtbot, tab, opp, st["Lost"])
    qtbot.waitUntil(lambda: _row(store, opp)["status"] == "lost")
    assert _row(store, opp)["lost_reason"] == "No budget"
    _drop(qtbot, tab, opp, st["Qualified"])  # back into the pipeline
    qtbot.waitUntil(lambda: _row(store, opp)["status"] == "open")
    row = _row(store, opp)
    assert (row["stage_id"], row["probability"], row["closed"], row["lost_reason"]) == (
        st["Qualified"], 30, None, "")
    demo_ctx.undo_stack.undo()
    assert _row(store, opp)["status"] == "lost"


def test_table_view_toggle_and_delete_undo(qtbot, demo_ctx):
    store = demo_ctx.store
    opp = _open_opp(store, title="Table deal")
    tab = _tab(qtbot, demo_ctx)
    tab.board.select(opp)
    tab.set_view(1)
    assert tab.stack.currentWidget() is tab.table_page
    assert tab.current_id() == opp
    assert tab.status_combo.currentData() == "open"  # the table opens on the open ones
    assert tab.proxy.rowCount() == store.scalar(
        "SELECT count(*) FROM opportunities WHERE status = 'open'")
    tab.status_combo.setCurrentIndex(tab.status_combo.findData("won"))
    assert all(tab.proxy.index(r, 9).data() == "Won" for r in range(tab.proxy.rowCount()))
    tab.status_combo.setCurrentIndex(0)
    tab.search_edit.setText("Table deal")
    assert tab.proxy.rowCount() == 1
    assert tab.delete_opportunity(opp, confirmed=True)
    assert store.scalar("SELECT count(*) FROM opportunities WHERE id = ?", (opp,)) == 0
    demo_ctx.undo_stack.undo()
    assert _row(store, opp)["title"] == "Table deal"
    # Delete on a board card asks first
    tab.set_view(0)
    tab.board.select(opp, focus=True)
    asked = []
    tab.confirm_delete = lambda row: asked.append(row["id"]) or False
    qtbot.keyClick(tab.board.column_of(opp), Qt.Key.Key_Delete)
    assert asked == [opp] and _row(store, opp)["title"] == "Table deal"
    tab.set_view(1)
    assert _row(store, opp)["title"] == "Table deal"
    assert tab.proxy.rowCount() == 1


def test_dialog_accepts_khmer_digits_and_probability_follows_stage(qtbot, demo_ctx):
    store = demo_ctx.store
    st = _stage_ids(store)
    saved = []
    dialog = OpportunityDialog(store, demo_ctx.today, saved.append)
    qtbot.addWidget(dialog)
    assert dialog.probability_spin.value() == 10
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData(st["Proposal"]))
    assert dialog.probability_spin.value() == 60
    dialog.title_edit.setText("ទូរស័ព្ទ ១០ គ្រឿង")
    dialog.value_edit.setText("១,២៣៤.៥០")
    dialog.close_edit.setText("៣១/១២/២០២៦")
    dialog.try_accept()
    opp = saved[0]
    assert (opp.value, opp.expected_close, opp.stage_id, opp.probability) == (
        123450, "2026-12-31", st["Proposal"], 60)
    # a hand-set probability is kept when the stage changes
    dialog.probability_spin.setValue(45)
    dialog.stage_combo.setCurrentIndex(dialog.stage_combo.findData(st["Negotiation"]))
    assert dialog.probability_spin.value() == 45
    # bad input is shown, nothing saved
    dialog.value_edit.setText("abc")
    dialog.try_accept()
    assert len(saved) == 1 and not dialog.error_label.isHidden()


def test_add_through_tab_is_undoable(qtbot, demo_ctx, monkeypatch):
    store = demo_ctx.store
    tab = _tab(qtbot, demo_ctx)
    before = store.scalar("SELECT count(*) FROM opportunities")

    def fake_exec(dialog):
        dialog.title_edit.setText("New from dialog")
        dialog.value_edit.setText("500")
        dialog.try_accept()
        return dialog.result()

    monkeypatch.setattr(OpportunityDialog, "exec", fake_exec)
    opp = tab.add_opportunity()
    assert store.scalar("SELECT count(*) FROM opportunities") == before + 1
    assert tab.board.current_id() == opp
    demo_ctx.undo_stack.undo()
    assert store.scalar("SELECT count(*) FROM opportunities") == before


def test_language_switch_retitles(qtbot, demo_ctx):
    tab = _tab(qtbot, demo_ctx)
    with qtbot.waitSignal(tab.model.headerDataChanged):
        demo_ctx.language.set_language("km")
    assert "០" in tab.summary_label.text() or "១" in tab.summary_label.text()
    demo_ctx.language.set_language("en")


def _answer_modal(qtbot, act):
    """Run `act(dialog)` on the next modal dialog once it is shown."""
    from PySide6.QtCore import QTimer

    def attempt():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(10, attempt)
            return
        act(dialog)

    QTimer.singleShot(0, attempt)


def test_real_won_question_and_lost_dialog(qtbot, demo_ctx):
    from PySide6.QtWidgets import QMessageBox

    from kpidesk.ui.dialogs.opportunity_dialog import LostDialog

    store = demo_ctx.store
    a, b = _open_opp(store, title="Asked win"), _open_opp(store, title="Asked loss")
    tab = _tab(qtbot, demo_ctx)
    orders = store.scalar("SELECT count(*) FROM orders")

    def won_only(box):
        assert isinstance(box, QMessageBox) and "Asked win" in box.text()
        next(b for b in box.buttons() if b.text() == "Won only").click()

    _answer_modal(qtbot, won_only)
    assert tab.mark_won(a)
    assert _row(store, a)["status"] == "won"
    assert store.scalar("SELECT count(*) FROM orders") == orders

    def new_reason(dialog):
        assert isinstance(dialog, LostDialog)
        assert dialog.reason_combo.count() == len(ostore.lost_reasons(store))
        dialog.reason_combo.setEditText("Moved to another province")
        dialog.accept()

    _answer_modal(qtbot, new_reason)
    assert tab.mark_lost(b)
    assert _row(store, b)["lost_reason"] == "Moved to another province"
    assert "Moved to another province" in ostore.lost_reasons(store)


def test_dialog_finds_contact_by_typed_phone(qtbot, demo_ctx):
    from kpidesk.store.contacts import ContactInput, add_contact

    store = demo_ctx.store
    cid = add_contact(store, ContactInput("Chan Thida", "2026-11-01", phone="0975551234"))
    saved = []
    dialog = OpportunityDialog(store, demo_ctx.today, saved.append)
    qtbot.addWidget(dialog)
    dialog.title_edit.setText("Phones")
    dialog.value_edit.setText("100")
    qtbot.keyClicks(dialog.contact_edit, "5551234")
    assert dialog.completer_model.stringList() == ["Chan Thida · 0975551234"]
    dialog.try_accept()
    assert saved[0].contact_id == cid
    dialog.contact_edit.setText("nobody at all")
    dialog.try_accept()
    assert len(saved) == 1 and not dialog.error_label.isHidden()
