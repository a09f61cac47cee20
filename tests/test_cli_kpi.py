"""`python -m kpidesk kpi --json` against figures recomputed by brute force from the raw tables.

The expected values are computed here from `orders` and `sale_lines` only
(never the rollups the metrics read), straight from KPI.md's definitions.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import date

import pytest

from kpidesk.store import dialect

TODAY = "2026-11-26"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kpidesk", *args], capture_output=True,
                          text=True, timeout=300)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def demo_db(request, tmp_path_factory):
    """A demo shop made by `demo --db`: a shop file, or a database on the test cluster."""
    if request.param == "postgresql":
        from tests.conftest import new_database_url

        location = new_database_url(request.getfixturevalue("pg_cluster"), "cli_kpi_demo")
    else:
        location = tmp_path_factory.mktemp("cli") / "shop.db"
    done = run("demo", "--db", str(location), "--lines", "3000", "--today", TODAY)
    assert done.returncode == 0, done.stderr
    yield location
    if request.param == "postgresql":
        from tests.conftest import drop_database

        drop_database(request.getfixturevalue("pg_cluster"), "cli_kpi_demo")


def half_even(numerator: int, denominator: int) -> int:
    q, r = divmod(numerator, denominator)
    if 2 * r > denominator or (2 * r == denominator and q % 2):
        q += 1
    return q


class _Translated:
    """A psycopg connection that takes the `?` placeholders, `IS ?` and IFNULL of Raw's
    SQL, and reads sums as integers (as SQLite gives them)."""

    def __init__(self, conn) -> None:
        from psycopg.types.numeric import IntLoader

        conn.adapters.register_loader("numeric", IntLoader)
        self._conn = conn

    def execute(self, sql: str, params=()):
        sql = sql.replace("IS ?", "IS NOT DISTINCT FROM %s").replace("?", "%s")
        sql = sql.replace("IFNULL(", "COALESCE(")
        return self._conn.execute(sql, params)


class Raw:
    """Brute-force figures from the raw tables (reporting currency USD)."""

    def __init__(self, location):
        if dialect.is_server_url(location):  # the same SQL, placeholders as psycopg's
            import psycopg

            self.conn = _Translated(psycopg.connect(dialect.normalise_url(location)))
        else:
            self.conn = sqlite3.connect(location)

    def revenue(self, first: str, last: str, salesperson=...) -> int:
        sql = ("SELECT IFNULL(SUM(l.amount_usd), 0) FROM sale_lines l"
               " JOIN orders o ON o.id = l.order_id WHERE o.date BETWEEN ? AND ?")
        params = [first, last]
        if salesperson is not ...:
            sql += " AND o.salesperson_id IS ?"
            params.append(salesperson)
        return self.conn.execute(sql, params).fetchone()[0]

    def orders(self, first: str, last: str) -> int:
        totals = self.conn.execute(
            "SELECT SUM(l.amount_khr) FROM orders o JOIN sale_lines l ON l.order_id = o.id"
            " WHERE o.date BETWEEN ? AND ? GROUP BY o.id", (first, last)).fetchall()
        return sum(1 for (t,) in totals if t >= 0)

    def by_currency(self, first: str, last: str) -> dict[str, int]:
        out = {"USD": 0, "KHR": 0}
        for cur, amount in self.conn.execute(
                "SELECT l.currency, SUM(l.amount) FROM sale_lines l JOIN orders o"
                " ON o.id = l.order_id WHERE o.date BETWEEN ? AND ? GROUP BY 1", (first, last)):
            out[cur] = amount
        return out

    def target(self, month: str, salesperson=None):
        rows = self.conn.execute(
            "SELECT salesperson_id, value, currency FROM targets"
            " WHERE period = ? AND measure = 'revenue'", (month,)).fetchall()
        assert all(cur == "USD" for _, _, cur in rows)  # the demo's targets are in dollars
        if salesperson is not None:
            return next((v for sp, v, _ in rows if sp == salesperson), None)
        shop = [v for sp, v, _ in rows if sp is None]
        people = [v for sp, v, _ in rows if sp is not None]
        return shop[0] if shop else (sum(people) if people else None)


def kpi_json(path, month: str) -> dict:
    done = run("kpi", "--db", str(path), "--month", month, "--json", "--today", TODAY)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_kpi_json_of_a_complete_month(demo_db):
    raw = Raw(demo_db)
    got = kpi_json(demo_db, "2026-10")
    revenue = raw.revenue("2026-10-01", "2026-10-31")
    orders = raw.orders("2026-10-01", "2026-10-31")
    previous = raw.revenue("2026-09-01", "2026-09-30")
    year_before = raw.revenue("2025-10-01", "2025-10-31")
    target = raw.target("2026-10")
    assert revenue > 0 and orders > 0 and target
    assert got["month"] == "2026-10" and got["currency"] == "USD"
    assert got["in_progress"] is False
    assert got["revenue"] == revenue
    assert got["orders"] == orders
    assert got["average_order_value"] == half_even(revenue, orders)
    assert got["growth_mom"] == pytest.approx((revenue - previous) / previous)
    assert got["growth_yoy"] == pytest.approx((revenue - year_before) / year_before)
    assert got["revenue_by_currency"] == raw.by_currency("2026-10-01", "2026-10-31")
    assert got["target"] == target
    assert got["attainment"] == pytest.approx(revenue / target)
    assert got["expected_to_date"] == target
    assert got["pace"] == pytest.approx(revenue / target)
    assert got["run_rate_projection"] == revenue
    assert got["gap"] == target - revenue
    assert got["needed_per_day"] is None
    people = {p["name"]: p for p in got["salespeople"]}
    names = dict(raw.conn.execute("SELECT id, name FROM salespeople"))
    assert set(people) == set(names.values())
    for sp_id, name in names.items():
        p = people[name]
        assert p["revenue"] == raw.revenue("2026-10-01", "2026-10-31", sp_id)
        assert p["target"] == raw.target("2026-10", sp_id)
        assert p["attainment"] == pytest.approx(p["revenue"] / p["target"])
    assert sum(p["revenue"] for p in people.values()) + raw.revenue(
        "2026-10-01", "2026-10-31", None) == revenue


def test_kpi_json_of_the_month_in_progress(demo_db):
    raw = Raw(demo_db)
    got = kpi_json(demo_db, "2026-11")
    d, n = 26, 30
    revenue = raw.revenue("2026-11-01", "2026-11-30")
    target = raw.target("2026-11")
    assert got["in_progress"] is True and (got["day"], got["days"]) == (d, n)
    assert got["revenue"] == revenue
    # like-for-like: 1..26 November against 1..26 October and 1..26 November 2025
    assert got["growth_mom"] == pytest.approx(
        revenue / raw.revenue("2026-10-01", "2026-10-26") - 1)
    assert got["growth_yoy"] == pytest.approx(
        revenue / raw.revenue("2025-11-01", "2025-11-26") - 1)
    # holiday-aware pacing (KPI.md §2b): a day weighs the revenue of the day 364 days
    # before, a holiday that of the same day of the same holiday a year before
    from datetime import timedelta

    from kpidesk.metrics.calendar import same_holiday_year_before

    weights = []
    for i in range(n):
        day = date(2026, 11, 1 + i)
        source = same_holiday_year_before(day) or (day - timedelta(days=364)).isoformat()
        weights.append(max(0, raw.revenue(source, source)))
    expected = half_even(target * sum(weights[:d]), sum(weights))
    assert got["expected_to_date"] == expected
    assert got["pace"] == pytest.approx(revenue / expected)
    assert got["run_rate_projection"] == half_even(revenue * n, d)
    assert got["gap"] == target - revenue
    assert got["needed_per_day"] == half_even(target - revenue, n - d)
    # with the even split chosen: target × d / n
    subprocess.run([sys.executable, "-c", "import sys; from kpidesk.store.db import Store;"
                    f" s = Store(r'{demo_db}'); s.set_setting('pacing', 'even'); s.close()"],
                   check=True)
    even = kpi_json(demo_db, "2026-11")
    assert even["expected_to_date"] == half_even(target * d, n)
    assert even["pace"] == pytest.approx(revenue * n / (target * d))
    subprocess.run([sys.executable, "-c", "import sys; from kpidesk.store.db import Store;"
                    f" s = Store(r'{demo_db}'); s.set_setting('pacing', 'calendar'); s.close()"],
                   check=True)


def test_kpi_json_of_a_month_before_any_sale(demo_db):
    got = kpi_json(demo_db, "2020-01")
    assert got["revenue"] == 0 and got["orders"] == 0
    assert got["average_order_value"] is None and got["growth_mom"] is None
    assert got["target"] is None and got["attainment"] is None
    assert got["revenue_by_currency"] == {"USD": 0, "KHR": 0}


def test_kpi_text_output(demo_db):
    done = run("kpi", "--db", str(demo_db), "--month", "2026-10", "--today", TODAY)
    assert done.returncode == 0, done.stderr
    assert any(line.startswith("revenue ") for line in done.stdout.splitlines())


@pytest.mark.parametrize("month", ["2026-13", "2026/10", "October"])
def test_bad_month_is_refused(demo_db, month):
    done = run("kpi", "--db", str(demo_db), "--month", month, "--json", "--today", TODAY)
    assert done.returncode == 1
    assert month in done.stderr
    assert done.stdout == ""


@pytest.mark.sqlite_only("a missing shop file is refused and not made")
def test_kpi_of_a_missing_file(tmp_path):
    done = run("kpi", "--db", str(tmp_path / "nope.db"), "--month", "2026-10")
    assert done.returncode == 1 and "nope.db" in done.stderr
    assert not (tmp_path / "nope.db").exists()


def test_today_defaults_to_the_clock(demo_db):
    before = date.today().isoformat()
    done = run("kpi", "--db", str(demo_db), "--month", "2026-10", "--json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["today"] in {before, date.today().isoformat()}


def test_all_kpis_merges_customer_pipeline_and_forecast_kpis(store, monkeypatch):
    """The customer / pipeline / forecast modules' keys are merged in."""
    from kpidesk.metrics import kpis
    from kpidesk.metrics.kpis import all_kpis

    calls = []
    fakes = {
        "customers": ("customer_kpis", lambda s, p, t: calls.append(("c", p, t)) or {
            "new_customers": 3, "retention": 0.5}),
        "pipeline": ("pipeline_kpis", lambda s, p, t: calls.append(("p", p, t)) or {
            "win_rate": 0.25}),
        "forecast": ("trend_forecast", lambda s, last, periods=3: calls.append(
            ("f", last, periods)) or ({"period": "2026-12", "value": 1, "low": 0, "high": 2},)),
    }
    for name, (func, impl) in fakes.items():
        monkeypatch.setattr(getattr(kpis, name), func, impl)
    today = date(2026, 11, 26)
    got = all_kpis(store, "2026-11", today)
    assert got["new_customers"] == 3 and got["retention"] == 0.5 and got["win_rate"] == 0.25
    assert got["trend_forecast"] == [{"period": "2026-12", "value": 1, "low": 0, "high": 2}]
    # The forecast starts after the last complete month, never the one in progress.
    assert ("f", "2026-10", 3) in calls and ("c", "2026-11", today) in calls
    all_kpis(store, "2026-09", today)
    assert ("f", "2026-09", 3) in calls
    json.dumps(got)  # JSON-ready


@pytest.mark.sqlite_only("a shop file of schema version 1 (no server shop was ever that old)")
def test_kpi_of_a_version_1_file_upgrades_it_first(v1_shop, tmp_path):
    from kpidesk.store.db import Store
    from kpidesk.store.errors import OlderSchemaError
    from kpidesk.store.file_facts import needs_upgrade

    old = v1_shop()
    with pytest.raises(OlderSchemaError):
        Store(old, read_only=True)
    done = run("kpi", "--db", str(old), "--month", "2026-10", "--today", "2026-11-26", "--json")
    assert done.returncode == 0, done.stderr
    assert not needs_upgrade(old)
    assert list((old.parent / "backups").glob("old-shop-*-before-v2-*.zip"))
    fresh = tmp_path / "fresh.db"
    assert run("demo", "--db", str(fresh), "--lines", "1500", "--seed", "11",
               "--today", "2026-11-26").returncode == 0
    again = run("kpi", "--db", str(fresh), "--month", "2026-10", "--today", "2026-11-26",
                "--json")
    migrated, fresh_figures = json.loads(done.stdout), json.loads(again.stdout)
    # a version-1 file kept no stage history: the weighted pipeline of a past month end
    # is the one figure it cannot have as a fresh file has it (see test_store.py)
    migrated.pop("weighted_pipeline")
    fresh_figures.pop("weighted_pipeline")
    migrated.pop("pipeline_by_stage")  # the same: the stages as they stood that day
    fresh_figures.pop("pipeline_by_stage")
    # the version-1 file was made before sales had costs, discounts and payment methods
    # (a demo made today has them): only the figures from those differ
    for figures in (migrated, fresh_figures):
        for key in ("gross_profit", "gross_margin", "cost_coverage", "discounts",
                    "revenue_by_payment"):
            figures.pop(key)
        for key in ("revenue_by_category", "revenue_by_channel", "revenue_by_salesperson"):
            for row in figures[key]:
                row.pop("gross_profit")
                row.pop("margin")
    assert migrated == fresh_figures
