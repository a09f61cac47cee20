"""Honest figures (issue 14): every figure checked through `kpi --json` or the metric
functions against a value computed here from the raw rows (orders, sale_lines, targets,
opportunity_history), as KPI.md defines it.

- a sale dated after today counts in no figure until its date comes;
- a month that has not started has no figures (null);
- customer figures of a month in progress come with the month before on the same day;
- targets are compared in the reporting currency (`kpi --currency`);
- daily totals: one per day, channel and salesperson, counted in orders as their receipts;
- the pipeline of a past date is as it stood then;
- refund lines have a negative quantity.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date, timedelta

import pytest

from kpidesk.cli import main
from kpidesk.metrics import growth, pipeline
from kpidesk.metrics.targets import attainment_summary
from kpidesk.store import opportunities as ostore
from kpidesk.store import reference
from kpidesk.store.db import Store
from kpidesk.store.errors import ValidationError
from kpidesk.store.sales import LineInput, OrderInput, add_order, find_daily_total, update_order
from tests.conftest import DEMO_TODAY

TODAY = DEMO_TODAY  # 2026-11-26


def kpi(capsys, db, month: str, *extra: str, today: date = TODAY) -> dict:
    capsys.readouterr()
    assert main(["kpi", "--db", str(db), "--month", month, "--json",
                 "--today", today.isoformat(), *extra]) == 0
    return json.loads(capsys.readouterr().out)


def half_even(numerator: int, denominator: int) -> int:
    q, r = divmod(numerator, denominator)
    if 2 * r > denominator or (2 * r == denominator and q % 2):
        q += 1
    return q


class Raw:
    """Figures straight from the raw tables (never the rollups)."""

    def __init__(self, location) -> None:
        # the store's own connection: plain SQL on the raw tables of a file or a database
        self.conn = Store(location, read_only=True).conn

    def revenue(self, first: str, last: str, column: str = "amount_usd") -> int:
        return self.conn.execute(
            f"SELECT IFNULL(SUM(l.{column}), 0) FROM sale_lines l JOIN orders o"
            " ON o.id = l.order_id WHERE o.date BETWEEN ? AND ?", (first, last)).fetchone()[0]

    def orders(self, first: str, last: str) -> int:
        totals = self.conn.execute(
            "SELECT SUM(l.amount_khr) FROM orders o JOIN sale_lines l ON l.order_id = o.id"
            " WHERE o.date BETWEEN ? AND ? GROUP BY o.id", (first, last)).fetchall()
        return sum(1 for (t,) in totals if t >= 0)

    def buyers(self, first: str, last: str) -> set[int]:
        """Customers with a purchase (an order whose total is not below zero) in the days."""
        return {c for c, t in self.conn.execute(
            "SELECT o.contact_id, SUM(l.amount_khr) FROM orders o JOIN sale_lines l"
            " ON l.order_id = o.id WHERE o.contact_id IS NOT NULL AND o.date BETWEEN ? AND ?"
            " GROUP BY o.id", (first, last)) if t >= 0}

    def shop_target_usd(self, month: str) -> int:
        rows = self.conn.execute("SELECT salesperson_id, value, currency FROM targets"
                                 " WHERE period = ? AND measure = 'revenue'", (month,)).fetchall()
        assert all(cur == "USD" for _, _, cur in rows)
        return next(v for sp, v, _ in rows if sp is None)


@pytest.fixture
def demo_copy(demo_location):
    """A writable demo shop of the test's kind: a file's path or a database's URL."""
    return demo_location


# -- sales dated after today ----------------------------------------------------------------
def test_sales_dated_after_today_count_in_no_figure(capsys, demo_copy):
    """On the 15th, sales entered for the 20th and for next month change nothing."""
    today = date(2026, 11, 15)
    before = kpi(capsys, demo_copy, "2026-11", today=today)
    with Store(demo_copy) as store:
        contact = store.scalar("SELECT id FROM contacts WHERE first_purchase IS NOT NULL"
                               " ORDER BY id LIMIT 1")
        for day in ("2026-11-20", "2026-11-28", "2026-12-02"):
            add_order(store, OrderInput(date=day, contact_id=contact,
                                        lines=[LineInput(amount=5_000_000)]))
    raw = Raw(demo_copy)
    got = kpi(capsys, demo_copy, "2026-11", today=today)
    revenue = raw.revenue("2026-11-01", "2026-11-15")
    target = raw.shop_target_usd("2026-11")
    assert raw.revenue("2026-11-01", "2026-11-30") > revenue + 9_000_000  # they are there
    assert got["revenue"] == revenue == before["revenue"]
    assert got["orders"] == raw.orders("2026-11-01", "2026-11-15") == before["orders"]
    assert got["average_order_value"] == half_even(revenue, got["orders"])
    assert got["attainment"] == pytest.approx(revenue / target)
    # pace against the holiday-aware expected-to-date (KPI.md §2b: last year's days)
    assert got["pace"] == pytest.approx(revenue / got["expected_to_date"])
    assert got["run_rate_projection"] == half_even(revenue * 30, 15)
    assert got["growth_mom"] == pytest.approx(revenue / raw.revenue("2026-10-01",
                                                                    "2026-10-15") - 1)
    assert sum(got["revenue_by_currency"].values()) == sum(before["revenue_by_currency"].values())
    assert got["active_customers"] == len(raw.buyers("2026-11-01", "2026-11-15"))
    # nothing at all changed, but the data check: sales after today are its findings
    assert got["data_health_findings"] >= before["data_health_findings"] + 3
    assert {k: v for k, v in got.items() if k != "data_health_findings"} == \
        {k: v for k, v in before.items() if k != "data_health_findings"}
    # when the 20th comes, that sale counts
    later = kpi(capsys, demo_copy, "2026-11", today=date(2026, 11, 20))
    assert later["revenue"] == raw.revenue("2026-11-01", "2026-11-20")
    assert later["revenue"] - raw.revenue("2026-11-01", "2026-11-19") >= 5_000_000


def test_revenue_series_stops_at_today(demo_store):
    add_order(demo_store, OrderInput(date="2026-11-29", lines=[LineInput(amount=777_700)]))
    series = dict(growth.revenue_series(demo_store, "2026-12", 3, today=TODAY))
    raw = Raw(demo_store.location)
    assert series["2026-11"] == raw.revenue("2026-11-01", TODAY.isoformat())
    assert series["2026-10"] == raw.revenue("2026-10-01", "2026-10-31")
    assert series["2026-12"] is None  # not started


# -- a month that has not started -----------------------------------------------------------
def test_a_month_not_started_has_no_figures(capsys, demo_copy):
    from kpidesk.store.targets import set_target

    with Store(demo_copy) as store:
        set_target(store, "2026-12", "revenue", 3_000_000)
        add_order(store, OrderInput(date="2026-12-03", lines=[LineInput(amount=5000)]))
    got = kpi(capsys, demo_copy, "2026-12")
    for key in ("revenue", "orders", "average_order_value", "growth_mom", "growth_yoy",
                "attainment", "expected_to_date", "pace", "run_rate_projection", "gap",
                "needed_per_day", "new_customers", "active_customers", "returning_customers",
                "retention", "churn", "crr", "repeat_purchase_rate", "loyal_customers",
                "loyal_share", "lead_conversion", "second_purchase_rate", "win_rate",
                "open_pipeline", "weighted_pipeline", "revenue_by_currency",
                "new_customers_attainment", "won_opportunities", "previous_same_day"):
        assert got[key] is None, key
    assert got["in_progress"] is False and got["day"] == 0
    assert got["target"] == 3_000_000  # a target may be set ahead: it is no figure
    assert all(p["revenue"] is None and p["attainment"] is None for p in got["salespeople"])
    assert got["pipeline_forecast"] is not None  # a forecast is about the future


# -- customer figures "so far" ----------------------------------------------------------------
@pytest.mark.parametrize("today", [date(2026, 11, 1), date(2026, 11, 15), date(2026, 11, 30)])
def test_customer_figures_of_a_month_in_progress_come_with_the_same_day(capsys, demo_copy,
                                                                        today):
    raw = Raw(demo_copy)
    got = kpi(capsys, demo_copy, "2026-11", today=today)
    d = today.day
    now = raw.buyers("2026-11-01", today.isoformat())
    october = raw.buyers("2026-10-01", "2026-10-31")
    assert got["active_customers"] == len(now)
    assert got["retention"] == pytest.approx(len(now & october) / len(october))
    assert got["churn"] == pytest.approx(1 - len(now & october) / len(october))
    same = got["previous_same_day"]
    assert same["as_of"] == f"2026-10-{d:02d}"
    then = raw.buyers("2026-10-01", same["as_of"])
    september = raw.buyers("2026-09-01", "2026-09-30")
    assert same["active_customers"] == len(then)
    assert same["retention"] == pytest.approx(len(then & september) / len(september))
    assert same["churn"] == pytest.approx(1 - same["retention"])
    first = dict(raw.conn.execute(
        "SELECT o.contact_id, MIN(o.date) FROM orders o WHERE o.contact_id IS NOT NULL"
        " GROUP BY o.contact_id"))
    new_then = {c for c in then if "2026-10-01" <= first[c] <= same["as_of"]}
    assert same["new_customers"] == len(new_then)
    assert same["crr"] == pytest.approx((len(then) - len(new_then)) / len(september))
    if d == 1:  # day 1 is compared with day 1: both low, side by side
        assert got["churn"] > 0.8 and same["churn"] > 0.8


def test_a_complete_month_has_no_same_day_figures(capsys, demo_copy):
    assert kpi(capsys, demo_copy, "2026-10")["previous_same_day"] is None


# -- targets in the reporting currency -------------------------------------------------------
def test_dollar_targets_are_compared_in_riel(capsys, demo_copy):
    raw = Raw(demo_copy)
    in_riel = kpi(capsys, demo_copy, "2026-10", "--currency", "KHR")
    revenue = raw.revenue("2026-10-01", "2026-10-31", "amount_khr")
    target_usd = raw.shop_target_usd("2026-10")
    with Store(demo_copy) as store:
        rate = store.default_rate
    target = half_even(target_usd * rate, 100)  # cents × riel per dollar / 100
    assert in_riel["currency"] == "KHR"
    assert in_riel["revenue"] == revenue
    assert in_riel["target"] == target
    assert in_riel["attainment"] == pytest.approx(revenue / target)
    assert 0.5 < in_riel["attainment"] < 2  # not 7,852 %
    assert in_riel["gap"] == target - revenue
    for person in in_riel["salespeople"]:
        assert person["attainment"] == pytest.approx(person["revenue"] / person["target"])
    # a shop that reports in riel gets the same without the option
    with Store(demo_copy) as store:
        store.set_setting("reporting_currency", "KHR")
    assert kpi(capsys, demo_copy, "2026-10") == in_riel
    in_dollars = kpi(capsys, demo_copy, "2026-10", "--currency", "USD")
    assert in_dollars["target"] == target_usd
    assert in_dollars["revenue"] == raw.revenue("2026-10-01", "2026-10-31")


# -- daily totals -------------------------------------------------------------------------------
def _daily(store, day, amount, *, sp=None, channel=None, receipts=None, currency="USD"):
    return add_order(store, OrderInput(date=day, is_daily_total=True, salesperson_id=sp,
                                       channel_id=channel, receipts=receipts,
                                       lines=[LineInput(amount=amount, currency=currency)]))


def test_one_daily_total_per_day_channel_and_salesperson(store):
    dara = reference.add_named(store, "salespeople", "Dara")
    vuthy = reference.add_named(store, "salespeople", "Vuthy")
    shop = store.scalar("SELECT id FROM channels WHERE name = 'Shop'")
    first = _daily(store, "2026-11-03", 12000, sp=dara, channel=shop, receipts=30)
    second = _daily(store, "2026-11-03", 8000, sp=vuthy, channel=shop, receipts=20)
    assert first != second  # the second salesperson's total stands beside the first one's
    assert find_daily_total(store, "2026-11-03", shop, dara) == first
    assert find_daily_total(store, "2026-11-03", shop, vuthy) == second
    with pytest.raises(ValidationError) as err:
        _daily(store, "2026-11-03", 500, sp=dara, channel=shop)
    assert (err.value.field, err.value.code) == ("daily_total", "exists")
    with pytest.raises(ValidationError):  # nor by moving another total onto that key
        update_order(store, second, OrderInput(date="2026-11-03", is_daily_total=True,
                                               salesperson_id=dara, channel_id=shop,
                                               lines=[LineInput(amount=8000)]))
    assert growth.revenue_between(store, "2026-11-03", "2026-11-03") == 20000


def test_orders_count_a_daily_total_as_its_receipts(store, capsys):
    add_order(store, OrderInput(date="2026-10-02", lines=[LineInput(amount=2500)]))
    add_order(store, OrderInput(date="2026-10-02", lines=[LineInput(amount=-1000)]))  # refund
    _daily(store, "2026-10-03", 30000, receipts=12)
    _daily(store, "2026-10-04", 410000, receipts=3, currency="KHR")
    raw = Raw(store.location)
    receipts = raw.conn.execute("SELECT SUM(receipts) FROM orders WHERE is_daily_total = 1"
                                " AND date BETWEEN '2026-10-01' AND '2026-10-31'").fetchone()[0]
    orders = raw.conn.execute(
        "SELECT COUNT(*) FROM (SELECT SUM(l.amount_khr) AS t FROM orders o JOIN sale_lines l"
        " ON l.order_id = o.id WHERE o.is_daily_total = 0 AND o.date LIKE '2026-10-%'"
        " GROUP BY o.id) WHERE t >= 0").fetchone()[0]
    revenue = raw.revenue("2026-10-01", "2026-10-31")
    got = kpi(capsys, store.location, "2026-10")
    assert got["orders"] == orders + receipts == 1 + 15
    assert got["average_order_value"] == half_even(revenue, orders + receipts)
    assert got["daily_totals_without_receipts"] == 0
    # a daily total without its count: how many orders it stands for is unknown
    _daily(store, "2026-10-05", 9000)
    got = kpi(capsys, store.location, "2026-10")
    assert got["revenue"] == raw.revenue("2026-10-01", "2026-10-31")
    assert got["orders"] is None and got["average_order_value"] is None
    assert got["daily_totals_without_receipts"] == 1
    assert kpi(capsys, store.location, "2026-09")["orders"] == 0  # other months keep theirs


def test_receipts_only_on_daily_totals(store):
    with pytest.raises(ValidationError) as err:
        add_order(store, OrderInput(date="2026-10-02", receipts=3, lines=[LineInput(100)]))
    assert err.value.code == "daily_totals_only"
    with pytest.raises(ValidationError):
        _daily(store, "2026-10-02", 100, receipts=-1)


# -- lead conversion provisional -----------------------------------------------------------------
def test_lead_conversion_is_provisional_until_the_day_after_the_window(capsys, demo_copy):
    w = 30
    last = date(2026, 10, 31)
    on_last_window_day = kpi(capsys, demo_copy, "2026-10", today=last + timedelta(days=w))
    assert on_last_window_day["lead_conversion_provisional"] is True
    after = kpi(capsys, demo_copy, "2026-10", today=last + timedelta(days=w + 1))
    assert after["lead_conversion_provisional"] is False


# -- the pipeline of a past date ---------------------------------------------------------------
def test_the_pipeline_of_a_past_date_is_as_it_stood_then(store):
    stages = {name: (sid, prob) for sid, name, prob in store.conn.execute(
        "SELECT id, name, probability FROM stages")}
    deal = ostore.add_opportunity(store, ostore.OpportunityInput(
        title="Office phones", value=100000, created="2026-10-01",
        stage_id=stages["New"][0], expected_close="2026-11-30"))
    ostore.move_stage(store, deal, stages["Negotiation"][0], on="2026-10-20")
    ostore.update_opportunity(store, deal, ostore.OpportunityInput(
        title="Office phones", value=150000, created="2026-10-01",
        stage_id=stages["Negotiation"][0], expected_close="2026-12-15"), on="2026-11-02")
    ostore.mark_won(store, deal, "2026-11-10")
    other = ostore.add_opportunity(store, ostore.OpportunityInput(
        title="Repair contract", value=40000, created="2026-10-05",
        stage_id=stages["Proposal"][0], expected_close="2026-10-25"))

    def raw_weighted(d: str) -> int:
        """Σ value × probability of the opportunities open on d, each at its last state
        recorded on or before d, straight from opportunity_history."""
        total = 0
        for (opp,) in store.conn.execute("SELECT id FROM opportunities"):
            states = store.conn.execute(
                "SELECT status, closed, value_usd, probability FROM opportunity_history"
                " WHERE opportunity_id = ? AND day <= ? ORDER BY id", (opp, d)).fetchall()
            if states and (states[-1][0] == "open" or (states[-1][1] or "") > d):
                total += states[-1][2] * states[-1][3]
        return half_even(total, 100)

    assert pipeline.open_pipeline(store, "2026-10-15")["weighted"] == raw_weighted(
        "2026-10-15") == 10000 + 24000  # New 10 % of $1,000; Proposal 60 % of $400
    oct_31 = pipeline.pipeline_kpis(store, "2026-10", TODAY)
    assert oct_31["weighted_pipeline"] == raw_weighted("2026-10-31") == 80000 + 24000
    assert oct_31["overdue_count"] == 1  # the repair contract, expected Oct 25
    nov_5 = pipeline.open_pipeline(store, "2026-11-05")
    assert nov_5["value"] == 150000 + 40000  # the new value counts from Nov 2
    assert nov_5["weighted"] == raw_weighted("2026-11-05") == 120000 + 24000
    assert pipeline.open_pipeline(store, "2026-11-10")["count"] == 1  # won that day
    by_stage = {r["name"]: r for r in pipeline.pipeline_by_stage(store, "2026-10-31")}
    assert by_stage["Negotiation"]["count"] == 1 and by_stage["New"]["count"] == 0
    assert [h["stage_id"] for h in ostore.stage_history(store, deal)] == [
        stages["New"][0], stages["Negotiation"][0], stages["Negotiation"][0], stages["Won"][0]]
    # undo puts the history back as it was
    before = ostore.snapshot(store, other)
    ostore.move_stage(store, other, stages["Negotiation"][0], on="2026-10-10")
    ostore.put_back(store, before)
    assert ostore.stage_history(store, other) == before["stages"]
    assert pipeline.open_pipeline(store, "2026-10-15")["weighted"] == 34000


def test_an_opportunity_entered_closed_was_open_before(store):
    stages = {name: sid for sid, name in store.conn.execute("SELECT id, name FROM stages")}
    ostore.add_opportunity(store, ostore.OpportunityInput(
        title="Old deal", value=50000, created="2026-09-01", stage_id=stages["Won"],
        status="won", closed="2026-09-20"))
    on_the_10th = pipeline.open_pipeline(store, "2026-09-10")
    assert on_the_10th["count"] == 1
    assert on_the_10th["weighted"] == 40000  # the last open stage (Negotiation, 80 %), not 100 %
    assert pipeline.open_pipeline(store, "2026-09-20")["count"] == 0


# -- refunds ---------------------------------------------------------------------------------
def test_a_refund_line_has_a_negative_quantity(store):
    from kpidesk.reports.data import top_products

    coke = reference.add_named(store, "products", "Coca-Cola")
    add_order(store, OrderInput(date="2026-10-02", lines=[
        LineInput(amount=1000, product_id=coke, quantity=10)]))
    add_order(store, OrderInput(date="2026-10-05", lines=[  # typed as the form does: 2 back
        LineInput(amount=-200, product_id=coke, quantity=2)]))
    assert store.conn.execute("SELECT quantity FROM sale_lines ORDER BY order_id, position").fetchall() == [
        (10.0,), (-2.0,)]
    (row,) = top_products(store, "2026-10", "USD")
    assert (row["name"], row["quantity"], row["revenue"]) == ("Coca-Cola", 8, 800)


def test_daily_totals_are_no_product_in_the_report(store):
    from kpidesk.reports.data import top_products

    coke = reference.add_named(store, "products", "Coca-Cola")
    add_order(store, OrderInput(date="2026-10-02", lines=[
        LineInput(amount=1000, product_id=coke, quantity=10)]))
    _daily(store, "2026-10-03", 50000, receipts=20)
    assert [r["name"] for r in top_products(store, "2026-10", "USD")] == ["Coca-Cola"]


def test_refund_quantities_of_an_older_file_are_turned_round(tmp_path, v1_shop):
    old = v1_shop()
    with sqlite3.connect(old) as conn:
        conn.execute("UPDATE sale_lines SET quantity = 2 WHERE id = (SELECT MIN(id) FROM"
                     " sale_lines WHERE amount < 0)")
        positive = conn.execute("SELECT COUNT(*) FROM sale_lines WHERE amount < 0"
                                " AND quantity > 0").fetchone()[0]
    assert positive >= 1
    with Store(old) as store:
        assert store.scalar("SELECT COUNT(*) FROM sale_lines WHERE amount < 0"
                            " AND quantity > 0") == 0


def test_attainment_of_a_month_not_started(store):
    from kpidesk.store.targets import set_target

    set_target(store, "2026-12", "revenue", 300000)
    add_order(store, OrderInput(date="2026-12-01", lines=[LineInput(amount=5000)]))
    a = attainment_summary(store, "2026-12", TODAY)
    assert a.target == 300000 and a.actual is None and a.attainment is None


# -- import: receipts and rows dated after today ---------------------------------------------
def test_import_reads_receipts_and_lists_rows_dated_after_today(store, tmp_path, capsys):
    from kpidesk.io.importer import Importer

    path = tmp_path / "days.csv"
    path.write_text("date,amount,currency,daily_total,receipts,salesperson\n"
                    "2026-11-24,310.50,USD,yes,41,Dara\n"
                    "2026-11-24,120.00,USD,yes,,Vuthy\n"
                    "2026-11-30,99.00,USD,yes,12,Dara\n", encoding="utf-8")
    importer = Importer(store, "sales", today=TODAY)
    checked = importer.check(path)
    assert checked.bad == 0 and checked.future_dated == [(4, "2026-11-30")]
    report = importer.run(path)
    assert report.committed and report.future_count == 1
    assert store.conn.execute("SELECT receipts FROM orders ORDER BY id").fetchall() == [
        (41,), (None,), (12,)]
    summary = growth.sales_summary(store, "2026-11", TODAY)
    assert summary.revenue == 31050 + 12000  # the 30th counts when it comes
    assert summary.orders is None and summary.daily_totals_without_receipts == 1
    bad = tmp_path / "bad.csv"
    bad.write_text("date,amount,daily_total,receipts\n2026-11-24,1,yes,2.5\n", encoding="utf-8")
    assert [e.code for e in Importer(store, "sales", today=TODAY).check(bad).errors] == [
        "not_whole"]
    # the command line lists them
    later = tmp_path / "later.csv"
    later.write_text("date,amount\n2027-01-05,10\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["import", "sales", str(later), "--db", str(store.location)]) == 0
    assert "line 2: dated 2027-01-05, after today" in capsys.readouterr().err
