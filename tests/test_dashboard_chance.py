"""The chance of making the target on the Dashboard (issue #19, KPI.md §2b): per
salesperson in the attainment table, and the shop's chance day by day over the month.
Figures against the simulation fed with pools built here from the raw rows."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from kpidesk.i18n import format as fmt
from kpidesk.metrics import pacing
from kpidesk.metrics.memo import clear_memo
from kpidesk.store import reference
from kpidesk.store.db import Store
from kpidesk.store.sales import LineInput, OrderInput, add_order
from kpidesk.store.targets import set_target

MONTH = "2026-11"
TODAY = date(2026, 11, 26)  # the ctx fixture's today


def _sale(store, day: date, amount: int, sp: int | None = None) -> None:
    add_order(store, OrderInput(date=day.isoformat(), salesperson_id=sp,
                                lines=[LineInput(amount=amount)]))


def _pools(rows: dict[date, int], as_of: date, last: date) -> list[list[int]]:
    """KPI.md §2b from the rows: each day after `as_of` to `last` draws from the same
    weekday of the 8 weeks before `as_of` (days before the first sale left out). The
    shops here have no history a year back, so a holiday draws as its weekday does."""
    first = min(rows)
    pools = []
    day = as_of + timedelta(days=1)
    while day <= last:
        back = ((as_of.weekday() - day.weekday()) % 7) or 7
        days = [as_of - timedelta(days=back + 7 * k) for k in range(8)]
        pools.append([rows.get(d, 0) for d in days if d >= first] or [0])
        day += timedelta(days=1)
    return pools


def _so_far(rows: dict[date, int], first: date, as_of: date) -> int:
    return sum(v for d, v in rows.items() if first <= d <= as_of)


# -- the shop's chance, day by day ---------------------------------------------------------
def test_chance_history_is_the_simulation_run_on_each_day_with_the_rows_of_that_day(
        tmp_path):
    rng = random.Random(11)
    rows = {}
    day = date(2026, 7, 20)
    while day <= date(2026, 9, 20):
        rows[day] = rng.randint(500, 4000) * (2 if day.weekday() == 5 else 1)
        day += timedelta(days=1)
    target = 70_000
    full = Store(tmp_path / "full.db")
    for day, amount in rows.items():
        _sale(full, day, amount)
    set_target(full, "2026-09", "revenue", target)
    history = pacing.probability_history(full, "2026-09", date(2026, 9, 20))
    assert [d for d, _p in history] == [f"2026-09-{i:02d}" for i in range(1, 21)]

    # the shop as it stood at the end of each day: only the sales dated up to that day
    growing = Store(tmp_path / "growing.db")
    set_target(growing, "2026-09", "revenue", target)
    for day, amount in rows.items():
        if day < date(2026, 9, 1):
            _sale(growing, day, amount)
    month_start, month_end = date(2026, 9, 1), date(2026, 9, 30)
    seen = set()
    for (day_text, chance), i in zip(history, range(1, 21), strict=True):
        as_of = date(2026, 9, i)
        _sale(growing, as_of, rows[as_of])
        clear_memo()
        so_far = _so_far(rows, month_start, as_of)
        expected = 1.0 if so_far >= target else pacing.simulate(
            so_far, target, _pools({d: v for d, v in rows.items() if d <= as_of}, as_of,
                                   month_end))
        assert chance == expected, day_text
        assert pacing.target_probability(growing, "2026-09", as_of) == chance, day_text
        seen.add(chance)
    assert len(seen) > 3 and any(0 < c < 1 for c in seen)  # it moves: a real history
    full.close()
    growing.close()


def test_chance_history_without_target_or_history(store):
    _sale(store, date(2026, 9, 1), 1000)
    assert pacing.probability_history(store, "2026-08", date(2026, 9, 2)) == []  # over
    assert pacing.probability_history(store, "2026-09", date(2026, 9, 2)) == [
        ("2026-09-01", None), ("2026-09-02", None)]  # no target
    set_target(store, "2026-09", "revenue", 5000)
    clear_memo()
    assert pacing.probability_history(store, "2026-09", date(2026, 9, 2)) == [
        ("2026-09-01", None), ("2026-09-02", None)]  # under four weeks of sales


# -- per salesperson, in the dashboard's table -----------------------------------------------
@pytest.fixture
def team(ctx):
    """Dara sells 1,000 every day; Vuthy 2,000 every day of even weeks and nothing in odd
    ones (each weekday's last 8 weeks: four 2,000s and four 0s); Sokha has no target."""
    store = ctx.store
    dara = reference.add_named(store, "salespeople", "Dara")
    vuthy = reference.add_named(store, "salespeople", "Vuthy")
    sokha = reference.add_named(store, "salespeople", "Sokha")
    rows: dict[int, dict[date, int]] = {dara: {}, vuthy: {}}
    day = date(2026, 9, 1)
    while day <= TODAY:
        rows[dara][day] = 1000
        rows[vuthy][day] = 2000 if (day.toordinal() // 7) % 2 == 0 else 0
        _sale(store, day, 1000, dara)
        if rows[vuthy][day]:
            _sale(store, day, 2000, vuthy)
        _sale(store, day, 300, sokha)
        day += timedelta(days=1)
    start, end = date(2026, 11, 1), date(2026, 11, 30)
    so_far = {sp: _so_far(r, start, TODAY) for sp, r in rows.items()}
    days_left = (end - TODAY).days
    targets = {dara: so_far[dara] + 1000 * days_left,  # exactly reachable: certain
               vuthy: so_far[vuthy] + 2000 * 3}  # 3 good days of 4: 5 in 16
    for sp, value in targets.items():
        set_target(store, MONTH, "revenue", value, salesperson_id=sp)
    chances = {sp: 1.0 if so_far[sp] >= targets[sp] else
               pacing.simulate(so_far[sp], targets[sp], _pools(rows[sp], TODAY, end))
               for sp in rows}
    return {"Dara": chances[dara], "Vuthy": chances[vuthy], "Sokha": None}


def test_salesperson_chance_column_with_words_on_hover(qtbot, ctx, team):
    from kpidesk.ui.tabs.dashboard import DashboardTab

    assert team["Dara"] == 1.0
    assert abs(team["Vuthy"] - 5 / 16) < 0.04  # the binomial chance, simulated
    dash = DashboardTab(ctx)
    qtbot.addWidget(dash)
    dash.show()
    model = dash.attainment_model
    header = model.headerData(5, Qt.Orientation.Horizontal)
    assert header == "Chance"
    f = fmt.current()
    shown = {model.index(r, 0).data(): r for r in range(model.rowCount())}
    assert set(team) <= set(shown)
    for name, chance in team.items():
        cell = model.index(shown[name], 5)
        assert cell.data() == f.percent(chance, places=0), name
        tip = cell.data(Qt.ItemDataRole.ToolTipRole)
        if chance is None:
            assert cell.data() == "—" and "no target" in tip
    assert model.index(shown["Vuthy"], 5).data(Qt.ItemDataRole.ToolTipRole) == \
        "Chance of making the target: about 3 in 10"
    assert model.index(shown["Dara"], 5).data(Qt.ItemDataRole.ToolTipRole) == \
        "Chance of making the target: almost certain"


def test_chance_column_and_chart_in_khmer(qtbot, ctx, team):
    from kpidesk.ui.tabs.dashboard import DashboardTab

    ctx.language.set_language("km")
    dash = DashboardTab(ctx)
    qtbot.addWidget(dash)
    dash.show()
    model = dash.attainment_model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Vuthy")
    tip = model.index(row, 5).data(Qt.ItemDataRole.ToolTipRole)
    assert tip and "Chance" not in tip and "៣" in tip  # "about ៣ in ១០", in Khmer
    assert model.headerData(5, Qt.Orientation.Horizontal) != "Chance"
    chart = dash.chance_chart
    assert chart.getPlotItem().titleLabel.text != "Chance of making the target, day by day"


def test_shop_chance_chart_on_the_dashboard(qtbot, ctx, team):
    """The shop's target is the salespeople's summed (KPI.md §2): its history, day by day,
    is drawn, and each point is the simulation as of that day."""
    from kpidesk.ui.tabs.dashboard import DashboardTab

    dash = DashboardTab(ctx)
    qtbot.addWidget(dash)
    dash.show()
    assert "chance_history" not in dash.last_refresh  # after the first paint, not before
    qtbot.waitUntil(lambda: "chance_history" in dash.last_refresh)
    chart = dash.chance_chart
    history = dash.last_refresh["chance_history"]
    assert [d for d, _p in history] == [f"2026-11-{i:02d}" for i in range(1, 27)]
    assert chart.points == history and chart.count == 26
    assert history[-1][1] == pacing.target_probability(ctx.store, MONTH, TODAY)
    assert not chart.empty_label.isVisible()
    # a month over has no chance to draw, and says why
    dash.set_month("2026-10")
    qtbot.waitUntil(lambda: dash.last_refresh["chance_history"] == [])
    assert chart.empty_label.text() == "The chance is known while the month is in progress."
