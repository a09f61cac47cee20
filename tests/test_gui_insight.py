"""The Insight tab, the Dashboard's chance and commission cards, Settings ▸ Calendar
(issue #19), driven through the real widgets."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest
from conftest import DEMO_TODAY
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox
from test_access_keys import keys_of

from kpidesk.i18n import format as fmt
from kpidesk.metrics import bridge, pacing
from kpidesk.metrics.calendar import same_holiday_year_before
from kpidesk.store import insight as store_insight
from kpidesk.store import security
from kpidesk.store.targets import get_target
from kpidesk.ui.insight.proposal import ProposalDialog
from kpidesk.ui.tabs.insight import InsightTab

MONTH = "2026-11"


def half_even(n: int, d: int) -> int:
    q, r = divmod(n, d)
    if 2 * r > d or (2 * r == d and q % 2):
        q += 1
    return q


class Raw:
    """Figures straight from the sale lines."""

    def __init__(self, store):
        self.conn = sqlite3.connect(store.path)

    def revenue(self, first, last, where="1=1"):
        return self.conn.execute(
            "SELECT IFNULL(SUM(l.amount_usd), 0) FROM orders o JOIN sale_lines l ON"
            f" l.order_id = o.id WHERE o.date BETWEEN ? AND ? AND {where}",
            (first, last)).fetchone()[0]

    def by_customer(self, first, last):
        return dict(self.conn.execute(
            "SELECT o.contact_id, SUM(l.amount_usd) FROM orders o JOIN sale_lines l ON"
            " l.order_id = o.id WHERE o.date BETWEEN ? AND ? AND o.contact_id IS NOT NULL"
            " GROUP BY 1", (first, last)).fetchall())


@pytest.fixture
def tab(qtbot, demo_ctx):
    widget = InsightTab(demo_ctx)
    qtbot.addWidget(widget)
    widget.resize(1300, 700)
    widget.show()
    return widget


def _typed(monkeypatch, answer):
    monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: answer))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda *a, **k: None))


def test_waterfall_shows_the_bridge_from_the_rows(tab, demo_ctx):
    raw = Raw(demo_ctx.store)
    d = DEMO_TODAY.day
    this = raw.revenue("2026-11-01", f"2026-11-{d:02d}")
    before = raw.revenue("2026-10-01", f"2026-10-{d:02d}")
    chart = tab.waterfall
    assert chart.values[0] == before and chart.values[-1] == this
    assert sum(chart.values[1:-1]) == this - before
    # lost customers: bought in days 1..d of October, not in 1..d of November
    b0 = raw.by_customer("2026-10-01", f"2026-10-{d:02d}")
    b1 = raw.by_customer("2026-11-01", f"2026-11-{d:02d}")
    lost = -sum(v for c, v in b0.items() if c not in b1)
    assert chart.values[2] == lost
    chart.bar_clicked.emit(1)  # the "Lost" bar
    assert tab.behind_combo.currentData() == "lost"
    model = tab.detail_model
    assert model.rowCount() == len([c for c in b0 if c not in b1])
    assert sum(r["value"] for r in model.rows) == lost
    assert "Revenue rose" in tab.sentence.text() or "Revenue fell" in tab.sentence.text()
    tab.split_combo.setCurrentIndex(1)  # orders × basket
    assert len(tab.waterfall.values) == 4
    assert sum(tab.waterfall.values[1:-1]) == this - before
    tab.compare_combo.setCurrentIndex(1)  # a year before
    assert tab.waterfall.values[0] == raw.revenue("2025-11-01", f"2025-11-{d:02d}")


def test_chance_page(tab, demo_ctx):
    store = demo_ctx.store
    tab.pages.setCurrentIndex(1)
    probability = pacing.target_probability(store, MONTH, DEMO_TODAY)
    assert probability is not None
    assert fmt.current().percent(probability, places=0) in tab.chance_note.text()
    history = pacing.probability_history(store, MONTH, DEMO_TODAY)
    assert len(tab.chance_chart.points) == DEMO_TODAY.day == len(history)
    names = {r["name"] for r in tab.chance_model.rows}
    assert names and all("chance" in r for r in tab.chance_model.rows)
    weeks = tab.weeks_model.rows
    assert sum(w["target"] for w in weeks) == get_target(store, MONTH, "revenue")[0]
    # expected by today, by last year's days, from the rows
    raw = Raw(store)
    weights = []
    for i in range(30):
        day = date(2026, 11, 1 + i)
        source = same_holiday_year_before(day) or (day - timedelta(days=364)).isoformat()
        weights.append(max(0, raw.revenue(source, source)))  # refunds only: 0
    target = get_target(store, MONTH, "revenue")[0]
    expected = half_even(target * sum(weights[:DEMO_TODAY.day]), sum(weights))
    assert fmt.current().figure(expected, "USD") in tab.pacing_text.text()


def test_what_if_with_a_target_typed_here(tab, demo_ctx, qtbot):
    store = demo_ctx.store
    tab.pages.setCurrentIndex(2)
    saved = get_target(store, MONTH, "revenue")
    tab.target_edit.setText("40,000")
    tab.target_edit.textEdited.emit("40,000")
    raw = Raw(store)
    so_far = raw.revenue("2026-11-01", DEMO_TODAY.isoformat())
    needed = half_even(4_000_000 - so_far, 30 - DEMO_TODAY.day)
    assert tab.result_labels["needed_per_day"][1].text() == fmt.current().figure(needed, "USD")
    assert get_target(store, MONTH, "revenue") == saved  # nothing saved
    tab.target_edit.setText("lots")
    tab.target_edit.textEdited.emit("lots")
    assert tab.target_error.isVisibleTo(tab) and tab.target_error.text()
    tab.reset_button.click()
    assert not tab.target_error.isVisibleTo(tab)
    tab.for_combo.setCurrentIndex(1)  # next month: every day still to go
    assert tab.plan.period == "2026-12" and tab.plan.open_days_left == 31


def test_accepting_the_proposal_needs_the_pin_and_undoes(qtbot, tab, demo_ctx, monkeypatch):
    store = demo_ctx.store
    security.set_pin(store, "2468")
    dialog = ProposalDialog(demo_ctx, 2027, tab)
    qtbot.addWidget(dialog)
    assert dialog.proposal and dialog.model.rowCount() == 12
    _typed(monkeypatch, ("", False))
    assert not dialog.accept_proposal()
    assert get_target(store, "2027-01", "revenue") is None
    _typed(monkeypatch, ("2468", True))
    assert dialog.accept_proposal()
    assert dialog.result() == QDialog.DialogCode.Accepted
    for p in dialog.proposal:
        assert get_target(store, p.period, "revenue")[0] == p.value
    _typed(monkeypatch, ("2468", True))
    demo_ctx.undo()
    assert get_target(store, "2027-01", "revenue") is None


def test_calendar_dialog_marks_a_closed_day(qtbot, demo_ctx):
    from kpidesk.ui.dialogs.calendar import CalendarDialog

    dialog = CalendarDialog(demo_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    assert any("Water Festival" in r["holiday"] for r in dialog.model.rows) or any(
        "Khmer New Year" in r["holiday"] for r in dialog.model.rows)
    before = pacing.day_weights(demo_ctx.store, MONTH)
    dialog.day_edit.setText("28/11/2026")
    dialog.kind_combo.setCurrentIndex(0)  # closed
    dialog.note_edit.setText("stock count")
    assert dialog.mark()
    assert [d.day for d in store_insight.shop_days(demo_ctx.store, "2026-11-01",
                                                   "2026-11-30")] == ["2026-11-28"]
    after = pacing.day_weights(demo_ctx.store, MONTH)
    assert after[27] == 0 and before[27] > 0
    assert any(r["day"] == "2026-11-28" and r["note"] == "stock count"
               for r in dialog.model.rows)
    dialog.day_edit.setText("31/02/2026")
    assert not dialog.mark() and dialog.error.text()
    dialog.pacing_combo.setCurrentIndex(1)
    assert demo_ctx.store.setting("pacing") == "even"
    dupes = {k: v for k, v in keys_of(dialog).items() if len(v) > 1}
    assert not dupes


def test_dashboard_cards_and_khmer(qtbot, demo_ctx, tab):
    from kpidesk.store.insight import set_commission_rate
    from kpidesk.ui.tabs.dashboard import DashboardTab

    sp = demo_ctx.store.scalar("SELECT id FROM salespeople ORDER BY id LIMIT 1")
    set_commission_rate(demo_ctx.store, 300, salesperson_id=sp)
    dash = DashboardTab(demo_ctx)
    qtbot.addWidget(dash)
    dash.refresh()
    raw = Raw(demo_ctx.store)
    revenue = raw.revenue("2026-11-01", DEMO_TODAY.isoformat(), f"o.salesperson_id = {sp}")
    assert dash.sales_cards["commission"].value() == fmt.current().figure(
        half_even(revenue * 300, 10000), "USD")
    assert dash.sales_cards["target_probability"].note()
    demo_ctx.language.set_language("km")
    assert tab.pages.tabText(0) != "Why it changed"
    assert tab.month_label.text() != "&Month:"
    dupes = {k: v for k, v in keys_of(tab).items() if len(v) > 1}
    assert not dupes
    b = bridge.revenue_bridge(demo_ctx.store, MONTH, DEMO_TODAY)
    assert tab.sentence.text() and b is not None


def test_targets_tab_names_the_months_holidays(qtbot, demo_ctx):
    from kpidesk.ui.tabs.targets import TargetsTab

    tab = TargetsTab(demo_ctx)
    qtbot.addWidget(tab)
    assert "Water Festival" in tab.holiday_hint.text()  # November 2026, the month of today
    tab.view.setCurrentIndex(tab.model.index(3, 0))  # April
    assert "Khmer New Year" in tab.holiday_hint.text()
    tab.view.setCurrentIndex(tab.model.index(9, 0))  # October: Pchum Ben
    assert "Pchum Ben" in tab.holiday_hint.text()


def test_commission_rates_dialog(qtbot, demo_ctx, monkeypatch):
    from kpidesk.metrics import insight
    from kpidesk.ui.dialogs.commission import CommissionDialog

    store = demo_ctx.store
    dialog = CommissionDialog(demo_ctx)
    qtbot.addWidget(dialog)
    sp = next(iter(dialog.sp_edits))
    cat = next(iter(dialog.cat_edits))
    dialog.sp_edits[sp].setText("abc")
    assert not dialog.save() and dialog.error.text()
    dialog.sp_edits[sp].setText("២.៥")  # Khmer digits: 2.5 %
    dialog.cat_edits[cat].setText("1")
    security.set_pin(store, "2468")
    _typed(monkeypatch, ("", False))
    assert not dialog.save()
    assert store_insight.commission_rates(store) == {}
    _typed(monkeypatch, ("2468", True))
    assert dialog.save()
    assert store_insight.commission_rates(store) == {(sp, 0): 250, (0, cat): 100}
    rows = {c.salesperson_id: c for c in insight.commissions(store, MONTH, DEMO_TODAY)}
    raw = Raw(store)
    revenue = raw.revenue("2026-11-01", DEMO_TODAY.isoformat(), f"o.salesperson_id = {sp}")
    assert rows[sp].commission == half_even(revenue * 250, 10000)
    dupes = {k: v for k, v in keys_of(dialog).items() if len(v) > 1}
    assert not dupes


def test_salespeople_pace_by_their_own_last_year(demo_ctx):
    from kpidesk.metrics.insight import calendar_paced
    from kpidesk.metrics.targets import salesperson_attainment

    store = demo_ctx.store
    rows = calendar_paced(store, MONTH, DEMO_TODAY, salesperson_attainment(store, MONTH,
                                                                           DEMO_TODAY))
    raw = Raw(store)
    row = next(r for r in rows if r.target)
    sp = row.salesperson_id
    weights = []
    for i in range(30):
        day = date(2026, 11, 1 + i)
        source = same_holiday_year_before(day) or (day - timedelta(days=364)).isoformat()
        weights.append(max(0, raw.revenue(source, source, f"o.salesperson_id = {sp}")))
    expected = half_even(row.target * sum(weights[:DEMO_TODAY.day]), sum(weights))
    assert row.expected_to_date == expected
    assert row.pace == pytest.approx(row.actual / expected)


def test_models_pass_qtmodeltester(qtmodeltester, tab):
    tab.pages.setCurrentIndex(1)
    for model in (tab.detail_model, tab.chance_model, tab.weeks_model, tab.needs_model):
        assert model.rowCount() > 0
        qtmodeltester.check(model)


def test_insight_tables_show_each_column_by_its_kind(tab, demo_ctx):
    """Every Insight table has its columns (headers in the user's language), and each
    cell says its row's figure as its column's kind asks: money, signed money, percent,
    chance, date; numbers sort by value and sit right."""
    from PySide6.QtCore import Qt

    from kpidesk.ui.export import EXPORT_ROLE, Money, Percent
    from kpidesk.ui.models.base import Role

    tab.pages.setCurrentIndex(1)
    tab.detail_model.set_rows(tab.detail_model.rows or [{"label": "x", "value": -1234}])
    f = fmt.current()
    horizontal = Qt.Orientation.Horizontal
    right = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert [tab.chance_model.headerData(c, horizontal) for c in range(6)] == [
        "Salesperson", "Revenue", "Target", "Attainment", "Chance of making it", "Commission"]
    assert tab.detail_model.headerData(1, horizontal) == "Change"
    assert [tab.weeks_model.headerData(c, horizontal) for c in range(4)] == [
        "From", "To", "Target", "Revenue"]
    assert tab.needs_model.columnCount() == 6

    # the chance table: each salesperson's revenue of the month from the sale lines
    raw = Raw(demo_ctx.store)
    model = tab.chance_model
    ids = dict(demo_ctx.store.conn.execute("SELECT name, id FROM salespeople"))
    for r, row in enumerate(model.rows):
        revenue = raw.revenue("2026-11-01", DEMO_TODAY.isoformat(),
                              f"o.salesperson_id = {ids[row['name']]}")
        assert model.index(r, 0).data() == row["name"]
        assert model.index(r, 1).data() == f.figure(revenue, "USD")
        assert model.index(r, 1).data(Role.SORT) == revenue
        assert model.index(r, 1).data(Qt.ItemDataRole.TextAlignmentRole) == right
        assert model.index(r, 1).data(EXPORT_ROLE) == Money(revenue, "USD")
        assert model.index(r, 3).data() == f.percent(row["attainment"])
        assert model.index(r, 4).data() == f.percent(row["chance"], places=0)
        if row["chance"] is not None:
            assert model.index(r, 4).data(EXPORT_ROLE) == Percent(row["chance"])
        assert model.index(r, 0).data(Qt.ItemDataRole.TextAlignmentRole) is None
    # the bridge's detail: a change with its sign
    value = tab.detail_model.rows[0]["value"]
    sign = "+" if value > 0 else "-" if value < 0 else ""
    assert tab.detail_model.index(0, 1).data() == sign + f.figure(abs(value), "USD")
    # the weeks: dates as the user reads them
    week = tab.weeks_model.rows[0]
    assert tab.weeks_model.index(0, 0).data() == f.date(week["first"])
    assert tab.weeks_model.index(0, 2).data() == f.figure(week["target"], "USD")

    demo_ctx.language.set_language("km")
    try:
        khmer = [tab.chance_model.headerData(c, horizontal) for c in range(6)]
        assert khmer[0] and khmer[0] != "Salesperson" and khmer[5] != "Commission"
        assert tab.chance_model.index(0, 1).data() == fmt.current().figure(
            tab.chance_model.rows[0]["actual"], "USD")
    finally:
        demo_ctx.language.set_language("en")
