"""Breakdowns, gross profit, receipts, refunds (KPI.md §1, Conventions "Line fields",
"Refund") against sums computed here from the raw rows; the breakdown rollup against a
recomputation; `analyse` and `kpi --period` through the command line."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections import defaultdict
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kpidesk.metrics import analysis
from kpidesk.store import receipts, reference, rollups, security
from kpidesk.store.db import Store
from kpidesk.store.errors import ValidationError
from kpidesk.store.money import convert
from kpidesk.store.sales import (
    LineInput,
    OrderInput,
    add_order,
    delete_order,
    get_order,
    update_order,
)

TODAY = date(2026, 11, 26)


def half_even(numerator: int, denominator: int) -> int:
    q, r = divmod(numerator, denominator)
    if 2 * r > denominator or (2 * r == denominator and q % 2):
        q += 1
    return q


# -- raw figures: straight from orders and sale_lines, as KPI.md defines them -------------
def raw_lines(conn: sqlite3.Connection, first: str, last: str) -> list[dict]:
    cols = ("order_id", "date", "time", "salesperson_id", "channel_id", "payment_id",
            "contact_id", "daily", "receipts", "product_id", "category_id", "quantity",
            "amount", "currency", "rate", "unit_cost", "discount", "branch")
    rows = conn.execute(
        "SELECT o.id, o.date, o.time, o.salesperson_id, o.channel_id, o.payment_id,"
        " o.contact_id, o.is_daily_total, o.receipts, l.product_id, p.category_id,"
        " l.quantity, l.amount, l.currency, l.rate, l.unit_cost, l.discount, o.branch"
        " FROM orders o JOIN sale_lines l ON l.order_id = o.id"
        " LEFT JOIN products p ON p.id = l.product_id WHERE o.date BETWEEN ? AND ?",
        (first, last)).fetchall()
    return [dict(zip(cols, r, strict=True)) for r in rows]


def usd(line: dict) -> int:
    """The line's amount in cents at its own rate, half to even (KPI.md Conventions)."""
    if line["currency"] == "USD":
        return line["amount"]
    return half_even(line["amount"] * 100, line["rate"])


def cost_usd(line: dict) -> int:
    total = round(line["quantity"] * line["unit_cost"])
    return total if line["currency"] == "USD" else half_even(total * 100, line["rate"])


def raw_key(by: str, line: dict):
    if by == "day":
        return line["date"]
    if by == "weekday":
        return date.fromisoformat(line["date"]).isoweekday()
    if by == "hour":
        return int(line["time"][:2]) if line["time"] else None
    if by == "branch":  # a shop without a branch name: its own rows, key None
        return line["branch"]
    column = {"product": "product_id", "category": "category_id",
              "salesperson": "salesperson_id", "channel": "channel_id",
              "payment": "payment_id", "customer": "contact_id"}[by]
    return line[column]


def raw_breakdown(conn, by: str, first: str, last: str) -> dict:
    """{key: (revenue, orders, quantity, gross_profit or None)} in cents."""
    lines = raw_lines(conn, first, last)
    order_net: dict[int, int] = defaultdict(int)
    for line in lines:
        order_net[line["order_id"]] += (line["amount"] if line["currency"] == "KHR"
                                        else line["amount"] * line["rate"] // 100)
    revenue: dict = defaultdict(int)
    quantity: dict = defaultdict(float)
    orders_of: dict = defaultdict(dict)
    profit: dict = {}
    for line in lines:
        if by == "product" and line["daily"]:
            continue  # breakdowns by product skip daily totals
        key = raw_key(by, line)
        revenue[key] += usd(line)
        quantity[key] += line["quantity"]
        if line["daily"]:
            orders_of[key][line["order_id"]] = line["receipts"] or 0
        else:
            orders_of[key][line["order_id"]] = 1 if order_net[line["order_id"]] >= 0 else 0
        if line["unit_cost"] is not None:
            profit[key] = profit.get(key, 0) + usd(line) - cost_usd(line)
    return {key: (revenue[key], sum(orders_of[key].values()), quantity[key], profit.get(key))
            for key in revenue}


# -- a small shop ------------------------------------------------------------------------
def make_shop(store: Store) -> dict:
    sp = [reference.add_named(store, "salespeople", n) for n in ("Dara", "Sokha")]
    cat = reference.add_named(store, "categories", "Phones")
    phone = reference.add_named(store, "products", "Phone", category_id=cat)
    case = reference.add_named(store, "products", "Case")
    receipts.set_product_price(store, phone, unit_price=15000, unit_cost=12000)
    channel = reference.find_by_name(store, "channels", "Shop")
    pay = {m.name: m.id for m in receipts.payment_methods(store)}
    contact = store.conn.execute(
        "INSERT INTO contacts (uuid, kind, name, created) VALUES (x'00', 'customer', 'Lina',"
        " '2026-01-01')").lastrowid
    store.conn.commit()

    def line(product, qty, price, discount=0, cost=None, currency="USD", rate=4000):
        return LineInput(amount=receipts.line_amount(qty, price, discount), currency=currency,
                         rate=rate, product_id=product, quantity=qty, unit_price=price,
                         discount=discount, unit_cost=cost)

    ids = {}
    ids["a"] = add_order(store, OrderInput(
        date="2026-10-05", time="09:15", salesperson_id=sp[0], channel_id=channel,
        payment_id=pay["KHQR"], contact_id=contact,
        lines=[line(phone, 1, 15000, 500, 12000), line(case, 3, 500, 0)]))
    ids["b"] = add_order(store, OrderInput(
        date="2026-10-06", time="17:40", salesperson_id=sp[1], payment_id=pay["Cash riel"],
        lines=[line(case, 2, 20000, 1000, 8000, currency="KHR", rate=4100)]))
    ids["c"] = add_order(store, OrderInput(  # no time, no payment
        date="2026-10-06", salesperson_id=sp[0],
        lines=[line(phone, 1, 14900, 0, 12000), line(None, 1, 333)]))
    ids["d"] = add_order(store, OrderInput(  # a daily total with its receipts
        date="2026-10-07", is_daily_total=True, receipts=9, salesperson_id=sp[1],
        lines=[LineInput(amount=45000)]))
    ids["e"] = add_order(store, OrderInput(date="2026-09-10", time="11:00",
                                           payment_id=pay["Cash USD"],
                                           lines=[line(phone, 2, 15000, 0, 12000)]))
    ids["refund"] = receipts.refund_order(store, ids["a"], day="2026-10-20", time="10:05",
                                          positions=[2])
    return ids


@pytest.mark.parametrize("by", analysis.BY)
def test_each_breakdown_equals_sums_of_the_raw_rows(store, by):
    make_shop(store)
    found = analysis.breakdown(store, by, "2026-10", TODAY, compare="2026-09")
    expected = raw_breakdown(store.conn, by, "2026-10-01", "2026-10-31")
    previous = raw_breakdown(store.conn, by, "2026-09-01", "2026-09-30")
    total = sum(v[0] for v in raw_breakdown(store.conn, "channel", "2026-10-01",
                                            "2026-10-31").values())
    got = {row.key: row for row in found.rows}
    assert set(got) == set(expected) | set(previous)
    for key, (revenue, orders, quantity, profit) in expected.items():
        row = got[key]
        assert (row.revenue, row.orders, row.quantity, row.gross_profit) == (
            revenue, orders, quantity, profit), key
        assert row.share == pytest.approx(revenue / total)
        assert row.previous_revenue == previous.get(key, (0,))[0]
    assert found.total.revenue == total


def test_gross_profit_margin_coverage_discounts_refunds(store):
    make_shop(store)
    lines = raw_lines(store.conn, "2026-10-01", "2026-10-31")
    revenue = sum(usd(x) for x in lines)
    costed = [x for x in lines if x["unit_cost"] is not None]
    profit = sum(usd(x) - cost_usd(x) for x in costed)
    discounts = sum(
        (x["discount"] or 0) * (-1 if x["amount"] < 0 else 1) * (1 if x["currency"] == "USD"
                                                                 else 0)
        + (half_even((x["discount"] or 0) * 100, x["rate"]) * (-1 if x["amount"] < 0 else 1)
           if x["currency"] == "KHR" else 0)
        for x in lines)
    totals = analysis.period_totals(store, "2026-10", TODAY)
    assert totals.gross_profit == profit
    assert totals.gross_margin == pytest.approx(profit / sum(usd(x) for x in costed))
    assert totals.cost_coverage == pytest.approx(sum(usd(x) for x in costed) / revenue)
    assert totals.discounts == discounts
    assert totals.refunds == sum(usd(x) for x in lines if x["amount"] < 0) < 0
    # no cost known at all: "not available", never 0 %
    none = analysis.period_totals(store, "2026-10-07..2026-10-07", TODAY)
    assert none.revenue == 45000
    assert (none.gross_profit, none.gross_margin, none.cost_coverage) == (None, None, None)


def test_hour_weekday_keys_and_no_time(store):
    make_shop(store)
    rows = {r.key: r for r in analysis.breakdown(store, "hour", "2026-10", TODAY).rows}
    assert set(rows) == {9, 10, 17, None}  # None: lines without a time (and the daily total)
    weekdays = analysis.breakdown(store, "weekday", "2026-10", TODAY).rows
    assert {r.key for r in weekdays} <= set(range(1, 8))
    assert date(2026, 10, 5).isoweekday() == 1 and 1 in {r.key for r in weekdays}


def test_period_in_progress_and_future(store):
    make_shop(store)
    add_order(store, OrderInput(date="2026-11-30", lines=[LineInput(amount=999)]))  # future
    add_order(store, OrderInput(date="2026-11-02", lines=[LineInput(amount=100)]))
    found = analysis.breakdown(store, "day", "2026-11", date(2026, 11, 26))
    assert found.upto == date(2026, 11, 26)
    assert [(r.key, r.revenue) for r in found.rows] == [("2026-11-02", 100)]
    future = analysis.breakdown(store, "product", "2026-12", date(2026, 11, 26))
    assert future.total is None and future.rows == []
    # like-for-like: 2 days of November against October's first 2 days
    two = analysis.breakdown(store, "day", "2026-11", date(2026, 11, 2), compare="2026-10")
    assert two.compare_upto == date(2026, 10, 2)


def test_refund_is_linked_needs_the_pin_and_gives_back_each_item_once(store):
    ids = make_shop(store)
    refund = get_order(store, ids["refund"])
    assert refund.refund_of == ids["a"] and refund.time == "10:05"
    assert [(x.amount, x.quantity) for x in refund.lines] == [(-1500, -3)]
    assert receipts.refunds_of(store, ids["a"]) == [ids["refund"]]
    with pytest.raises(ValidationError) as err:  # the cases are all back already
        receipts.refund_order(store, ids["a"], day="2026-10-21", quantities={2: 1})
    assert err.value.code == "above_left"
    rest = receipts.refund_order(store, ids["a"], day="2026-10-21")  # what is left: the phone
    assert [(x.amount, x.quantity) for x in get_order(store, rest).lines] == [(-14500, -1)]
    with pytest.raises(ValidationError) as err:
        receipts.refund_order(store, ids["a"], day="2026-10-22")
    assert err.value.code == "already_refunded"
    security.set_pin(store, "2468")
    with pytest.raises(security.PinRequiredError):
        receipts.refund_order(store, ids["b"], day="2026-10-21")
    assert receipts.refunds_of(store, ids["b"]) == []
    with security.owner_session(store, with_pin=True):
        receipts.refund_order(store, ids["b"], day="2026-10-21")
    assert len(receipts.refunds_of(store, ids["b"])) == 1


def test_a_sale_is_refunded_in_steps_and_the_parts_add_up_to_it(store):
    """Three partial refunds of a 7-item line with a discount: each gives back what the
    owner chose, never more than is left; the amounts and discounts of the parts add up
    to the line's exactly (the last part takes the rounding), and the day rollup and the
    history follow each step."""
    from kpidesk.store import history

    make_shop(store)
    tea = reference.add_named(store, "products", "Tea")
    sale = add_order(store, OrderInput(date="2026-10-08", lines=[
        LineInput(amount=receipts.line_amount(7, 1000, 100), product_id=tea, quantity=7,
                  unit_price=1000, discount=100, unit_cost=400),
        LineInput(amount=2000, quantity=1, unit_price=2000, note="bag")]))
    sold = get_order(store, sale).lines
    steps = [{1: 2}, {1: 3, 2: 1}, {1: 2}]
    for n, quantities in enumerate(steps):
        receipts.refund_order(store, sale, day=f"2026-10-1{n}", quantities=quantities)
    refunds = [get_order(store, r) for r in receipts.refunds_of(store, sale)]
    tea_parts = [line for r in refunds for line in r.lines if line.product_id == tea]
    assert [-x.quantity for x in tea_parts] == [2, 3, 2]
    assert sum(-x.amount for x in tea_parts) == sold[0].amount
    assert sum(x.discount or 0 for x in tea_parts) == sold[0].discount  # kept positive
    # each part in proportion of what is back after it, less what was back before
    assert [-x.amount for x in tea_parts] == [round(sold[0].amount * 2 / 7),
                                              round(sold[0].amount * 5 / 7)
                                              - round(sold[0].amount * 2 / 7),
                                              sold[0].amount - round(sold[0].amount * 5 / 7)]
    with pytest.raises(ValidationError) as err:
        receipts.refund_input(store, sale, day="2026-10-20")
    assert err.value.code == "already_refunded"
    # the rollups of the refund days equal the lines (a rebuild changes nothing)
    incremental = rollups.snapshot(store.conn)
    with store.transaction() as conn:
        rollups.rebuild_all(conn)
    assert rollups.snapshot(store.conn) == incremental
    day_total = store.scalar("SELECT COALESCE(SUM(amount_usd), 0) FROM sale_lines l JOIN orders o"
                             " ON o.id = l.order_id WHERE o.refund_of = ?", (sale,))
    assert day_total == -(sold[0].amount + sold[1].amount)
    assert len(history.entries(store, action="refund")) == 4  # make_shop's and these three


def test_order_details_survive_edit_and_undo(store):
    ids = make_shop(store)
    order = get_order(store, ids["a"])
    assert (order.time, order.lines[0].unit_price, order.lines[0].discount,
            order.lines[0].unit_cost) == ("09:15", 15000, 500, 12000)
    snapshot = delete_order(store, ids["c"])
    from kpidesk.store.sales import restore_order

    restore_order(store, ids["c"], snapshot)
    assert get_order(store, ids["c"]).lines[0].unit_cost == 12000
    with pytest.raises(ValidationError) as err:
        update_order(store, ids["c"], OrderInput(date="2026-10-06", time="25:00",
                                                 lines=[LineInput(amount=1)]))
    assert err.value.code == "bad_time"
    assert receipts.check_time("9:05") == "09:05"


def test_payment_methods_seeded_and_editable(store):
    names = [m.name for m in receipts.payment_methods(store)]
    assert names == receipts.DEFAULT_PAYMENT_METHODS
    new = receipts.add_payment_method(store, "Wing")
    receipts.rename_payment_method(store, new, "Wing money")
    with pytest.raises(ValidationError):
        receipts.add_payment_method(store, "khqr")  # a name already there, any case
    receipts.set_payment_method_active(store, new, False)
    assert "Wing money" not in [m.name for m in receipts.payment_methods(store,
                                                                          active_only=True)]
    security.set_pin(store, "2468")
    with pytest.raises(security.PinRequiredError):
        receipts.add_payment_method(store, "Other bank")


# -- the rollup stays equal to a recomputation through any writes ------------------------
line_st = st.fixed_dictionaries({
    "qty": st.integers(1, 3), "price": st.integers(50, 5000), "discount": st.integers(0, 50),
    "cost": st.one_of(st.none(), st.integers(0, 4000)), "product": st.integers(0, 2),
    "currency": st.sampled_from(["USD", "KHR"])})
order_st = st.fixed_dictionaries({
    "day": st.integers(1, 4), "hour": st.one_of(st.none(), st.integers(0, 23)),
    "payment": st.integers(0, 3), "sp": st.integers(0, 2),
    "lines": st.lists(line_st, min_size=1, max_size=3),
    "then": st.sampled_from(["keep", "delete", "refund", "edit"])})


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(orders=st.lists(order_st, min_size=1, max_size=6))
def test_breakdown_rollup_equals_a_rebuild(tmp_path_factory, orders):
    with Store(tmp_path_factory.mktemp("prop") / "shop.db") as store:
        products = [None, reference.add_named(store, "products", "A"),
                    reference.add_named(store, "products", "B")]
        sps = [None, reference.add_named(store, "salespeople", "S")]
        sps.append(sps[1])
        pays = [None] + [m.id for m in receipts.payment_methods(store)][:3]
        for spec in orders:
            lines = [LineInput(amount=receipts.line_amount(x["qty"], x["price"], x["discount"]),
                               currency=x["currency"], rate=4100,
                               product_id=products[x["product"]], quantity=x["qty"],
                               unit_price=x["price"], discount=x["discount"],
                               unit_cost=x["cost"]) for x in spec["lines"]]
            order = OrderInput(date=f"2026-10-0{spec['day']}", lines=lines,
                               time=f"{spec['hour']:02d}:30" if spec["hour"] is not None
                               else None, payment_id=pays[spec["payment"]],
                               salesperson_id=sps[spec["sp"]])
            order_id = add_order(store, order)
            if spec["then"] == "delete":
                delete_order(store, order_id)
            elif spec["then"] == "refund":
                receipts.refund_order(store, order_id, day="2026-10-04")
            elif spec["then"] == "edit":
                order.date, order.payment_id = "2026-10-03", pays[1]
                update_order(store, order_id, order)
        incremental = rollups.snapshot(store.conn)["breakdown_day"]
        with store.transaction() as conn:
            rollups.rebuild_all(conn)
        assert rollups.snapshot(store.conn)["breakdown_day"] == incremental
        for by in ("payment", "hour", "product", "salesperson"):
            got = {r.key: (r.revenue, r.orders, r.quantity, r.gross_profit)
                   for r in analysis.breakdown(store, by, "2026-10", TODAY).rows}
            assert got == raw_breakdown(store.conn, by, "2026-10-01", "2026-10-31")


def test_line_cost_converts_at_the_line_rate():
    assert receipts.line_cost(3, 20000, "KHR", 4100) == convert(60000, "KHR", 4100)
    assert receipts.line_cost(-2, 150, "USD", 4100) == (-300, -12300)
    assert receipts.line_cost(1, None, "USD", 4100) == (None, None)
    assert receipts.line_amount(3, 1250, 100) == 3650


# -- command line ------------------------------------------------------------------------
def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kpidesk", *args], capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def demo_db(request, tmp_path_factory):
    """A demo shop made by `demo --db`: a shop file, or a database on the test cluster."""
    if request.param == "postgresql":
        from tests.conftest import new_database_url

        location = new_database_url(request.getfixturevalue("pg_cluster"), "analyse_demo")
    else:
        location = tmp_path_factory.mktemp("analyse") / "shop.db"
    done = run("demo", "--db", str(location), "--lines", "3000", "--today", TODAY.isoformat())
    assert done.returncode == 0, done.stderr
    yield location
    if request.param == "postgresql":
        from tests.conftest import drop_database

        drop_database(request.getfixturevalue("pg_cluster"), "analyse_demo")


def raw_rows(location):
    """A read-only connection to the shop's raw rows, of either kind (closed at exit)."""
    return Store(location, read_only=True).conn


def test_analyse_json_against_raw_rows(demo_db):
    done = run("analyse", "--db", str(demo_db), "--period", "2026-Q3", "--compare", "2025-Q3",
               "--by", "payment", "--json", "--today", TODAY.isoformat())
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    conn = raw_rows(demo_db)
    expected = raw_breakdown(conn, "payment", "2026-07-01", "2026-09-30")
    previous = raw_breakdown(conn, "payment", "2025-07-01", "2025-09-30")
    assert {r["key"]: (r["revenue"], r["orders"], r["gross_profit"]) for r in data["rows"]} == {
        k: (v[0], v[1], v[3]) for k, v in expected.items()}
    for row in data["rows"]:
        before = previous.get(row["key"], (0,))[0]
        assert row["previous_revenue"] == before
        assert row["change"] == pytest.approx((row["revenue"] - before) / before)
        assert set(row) >= {"key", "revenue", "share", "orders", "quantity", "gross_profit",
                            "previous_revenue", "change"}
    hours = json.loads(run("analyse", "--db", str(demo_db), "--period", "2026-10", "--by",
                           "hour", "--json", "--today", TODAY.isoformat()).stdout)
    assert {r["key"] for r in hours["rows"]} <= set(range(24))


def test_analyse_refuses_bad_input(demo_db):
    done = run("analyse", "--db", str(demo_db), "--period", "2026-13", "--by", "day")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "--period must be" in done.stderr
    assert run("analyse", "--db", str(demo_db), "--period", "2026-10",
               "--by", "colour").returncode == 2


def test_kpi_period_and_new_keys(demo_db):
    done = run("kpi", "--db", str(demo_db), "--period", "2026-Q3", "--json",
               "--today", TODAY.isoformat())
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    conn = raw_rows(demo_db)
    lines = raw_lines(conn, "2026-07-01", "2026-09-30")
    costed = [x for x in lines if x["unit_cost"] is not None]
    assert data["gross_profit"] == sum(usd(x) - cost_usd(x) for x in costed)
    assert data["cost_coverage"] == pytest.approx(
        sum(usd(x) for x in costed) / sum(usd(x) for x in lines))
    assert data["revenue"] == sum(usd(x) for x in lines)
    for key in ("gross_margin", "discounts", "revenue_by_category", "revenue_by_channel",
                "revenue_by_payment", "revenue_by_salesperson", "revenue_by_currency",
                "pipeline_by_stage", "cohort_table", "at_risk"):
        assert key in data
    assert sum(r["revenue"] for r in data["revenue_by_payment"]) == data["revenue"]
    year = run("kpi", "--db", str(demo_db), "--period", "2026", "--json",
               "--today", TODAY.isoformat())
    assert year.returncode == 0, year.stderr
    assert run("kpi", "--db", str(demo_db), "--period", "2026-Q5").returncode == 1


@pytest.mark.parametrize("by", ["customer", "product", "day"])
def test_a_date_range_across_months_equals_the_raw_rows(store, by):
    make_shop(store)
    found = analysis.breakdown(store, by, "2026-09-10..2026-10-06", TODAY)
    expected = raw_breakdown(store.conn, by, "2026-09-10", "2026-10-06")
    assert {r.key: (r.revenue, r.orders, r.quantity, r.gross_profit) for r in found.rows} == \
        expected
    year = analysis.breakdown(store, by, "2026", TODAY)  # whole months and the one in progress
    assert {r.key: r.revenue for r in year.rows} == {
        k: v[0] for k, v in raw_breakdown(store.conn, by, "2026-01-01", "2026-11-26").items()}


def test_monthly_report_has_gross_profit_and_the_breakdowns(demo_db, tmp_path):
    pdf = tmp_path / "report.pdf"
    done = run("report", "--db", str(demo_db), "--month", "2026-10", "--lang", "en",
               "--out", str(pdf), "--today", TODAY.isoformat())
    assert done.returncode == 0, done.stderr
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    conn = raw_rows(demo_db)
    lines = raw_lines(conn, "2026-10-01", "2026-10-31")
    profit = sum(usd(x) - cost_usd(x) for x in lines if x["unit_cost"] is not None)
    assert f"${profit / 100:,.2f}" in text
    assert "Gross margin" in text
    assert "Revenue by category" in text and "Revenue by payment method" in text
    by_payment = raw_breakdown(conn, "payment", "2026-10-01", "2026-10-31")
    for revenue, *_rest in by_payment.values():
        assert f"${revenue / 100:,.2f}" in text


def test_import_computes_amounts_and_keeps_receipt_details(tmp_path):
    """A Loyverse-style item sales file: price, quantity and discount but no amount; cost,
    payment type and time; the amount is computed, the rest is kept."""
    csv = tmp_path / "items.csv"
    csv.write_text(
        "Date,Time,Receipt number,Item,Quantity,Price,Discounts,Cost of goods,Payment type\n"
        "2026-10-05,09:15,1-1001,Phone,1,150.00,5.00,120.00,KHQR\n"
        "2026-10-05,09:15,1-1001,Case,3,5.00,,1.50,KHQR\n"
        "2026-10-06,17:40,1-1002,Case,2,5.00,,1.50,Wing\n", encoding="utf-8")
    db = tmp_path / "shop.db"
    done = run("import", "sales", str(csv), "--db", str(db))
    assert done.returncode == 0, done.stderr
    with Store(db) as store:
        rows = store.conn.execute(
            "SELECT o.number, o.time, pm.name, l.quantity, l.unit_price, l.discount,"
            " l.unit_cost, l.amount FROM orders o JOIN sale_lines l ON l.order_id = o.id"
            " LEFT JOIN payment_methods pm ON pm.id = o.payment_id"
            " ORDER BY o.id, l.position").fetchall()
        assert rows == [("1-1001", "09:15", "KHQR", 1, 15000, 500, 12000, 14500),
                        ("1-1001", "09:15", "KHQR", 3, 500, None, 150, 1500),
                        ("1-1002", "17:40", "Wing", 2, 500, None, 150, 1000)]
        found = analysis.breakdown(store, "hour", "2026-10", TODAY)
        assert {r.key: r.gross_profit for r in found.rows} == {
            9: 14500 - 12000 + 1500 - 450, 17: 1000 - 300}
        # exported and imported again into an empty shop: the same figures
        out = tmp_path / "sales.csv"
    assert run("export", "sales", "--db", str(db), "--out", str(out)).returncode == 0
    header = out.read_text(encoding="utf-8-sig").splitlines()[0]
    assert header.endswith("unit_price,discount,unit_cost,payment,time")
    again = tmp_path / "again.db"
    done = run("import", "sales", str(out), "--db", str(again))
    assert done.returncode == 0, done.stderr
    with Store(again) as store:
        assert [(r.name, r.revenue, r.gross_profit) for r in analysis.breakdown(
            store, "payment", "2026-10", TODAY).rows] == [
            ("KHQR", 16000, 3550), ("Wing", 1000, 700)]


def test_import_takes_the_time_from_a_date_and_time_column(tmp_path):
    """Loyverse's receipts export writes the time inside its Date column."""
    csv = tmp_path / "receipts.csv"
    csv.write_text("Date,Receipt number,Net sales,Payment type\n"
                   "20/10/2026 14:35,1-2001,12.50,Cash\n"
                   "21/10/2026 08:05,1-2002,3.00,KHQR\n"
                   "22/10/2026,1-2003,4.00,\n", encoding="utf-8")
    db = tmp_path / "shop.db"
    done = run("import", "sales", str(csv), "--db", str(db))
    assert done.returncode == 0, done.stderr
    with Store(db) as store:
        assert store.conn.execute(
            "SELECT o.date, o.time, pm.name, l.amount FROM orders o JOIN sale_lines l"
            " ON l.order_id = o.id LEFT JOIN payment_methods pm ON pm.id = o.payment_id"
            " ORDER BY o.date").fetchall() == [
            ("2026-10-20", "14:35", "Cash", 1250), ("2026-10-21", "08:05", "KHQR", 300),
            ("2026-10-22", None, None, 400)]
        hours = {r.key: r.revenue for r in analysis.breakdown(store, "hour", "2026-10",
                                                              TODAY).rows}
        assert hours == {14: 1250, 8: 300, None: 400}


@pytest.mark.parametrize("by", ["customer", "product", "hour", "salesperson"])
def test_a_year_in_progress_read_as_its_year_less_the_days_outside(store, by):
    """Most of a year is read as the year's rollup row less the days outside it (#18
    speed): sales after today and, in the comparison year, after the like-for-like day
    are taken away again, and a key with sales only there has no row."""
    make_shop(store)
    late = store.conn.execute(
        "INSERT INTO contacts (uuid, kind, name, created) VALUES (x'01', 'customer', 'Late',"
        " '2025-01-01')").lastrowid
    store.conn.commit()
    sp = reference.add_named(store, "salespeople", "Vanna")
    gift = reference.add_named(store, "products", "Gift")
    for day, amount in (("2025-03-02", 700), ("2025-12-20", 900), ("2026-12-24", 1200)):
        add_order(store, OrderInput(date=day, time="20:30", contact_id=late, salesperson_id=sp,
                                    lines=[LineInput(amount=amount, product_id=gift,
                                                     quantity=1.5)]))
    add_order(store, OrderInput(date="2025-02-01", contact_id=late, lines=[
        LineInput(amount=-300, product_id=gift, quantity=-1)]))  # a refund
    # after today: a customer, product, salesperson and hour of nothing else
    future = store.conn.execute(
        "INSERT INTO contacts (uuid, kind, name, created) VALUES (x'02', 'customer',"
        " 'Future', '2025-01-01')").lastrowid
    store.conn.commit()
    add_order(store, OrderInput(
        date="2026-12-30", time="23:10", contact_id=future,
        salesperson_id=reference.add_named(store, "salespeople", "Later"),
        lines=[LineInput(amount=400, product_id=reference.add_named(store, "products",
                                                                    "Later"))]))
    found = analysis.breakdown(store, by, "2026", TODAY, compare="2025")
    expected = raw_breakdown(store.conn, by, "2026-01-01", "2026-11-26")
    previous = raw_breakdown(store.conn, by, "2025-01-01", "2025-11-26")
    assert {r.key: (r.revenue, r.orders, r.quantity, r.gross_profit) for r in found.rows
            if r.key in expected} == expected
    assert {r.key: r.previous_revenue for r in found.rows} == {
        k: previous.get(k, (0,))[0] for k in set(expected) | set(previous)}
    assert found.total.revenue == sum(v[0] for v in raw_breakdown(
        store.conn, "channel", "2026-01-01", "2026-11-26").values())
    # a whole year is its row alone
    whole = analysis.breakdown(store, by, "2025", TODAY)
    assert {r.key: r.revenue for r in whole.rows} == {
        k: v[0] for k, v in raw_breakdown(store.conn, by, "2025-01-01", "2025-12-31").items()}
