"""`python -m kpidesk plan` (issue #19): what it takes, against the raw rows."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kpidesk", *args], capture_output=True,
                          text=True, timeout=120)


def half_even(numerator: int, denominator: int) -> int:
    q, r = divmod(numerator, denominator)
    if 2 * r > denominator or (2 * r == denominator and q % 2):
        q += 1
    return q


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    path = tmp_path_factory.mktemp("plan") / "shop.db"
    done = run("demo", "--db", str(path), "--lines", "3000", "--today", "2026-11-26")
    assert done.returncode == 0, done.stderr
    return path


def test_plan_json(shop):
    done = run("plan", "--db", str(shop), "--period", "2026-11", "--target", "30,000.50",
               "--today", "2026-11-20", "--json")
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    conn = sqlite3.connect(shop)
    revenue = conn.execute("SELECT SUM(l.amount_usd) FROM orders o JOIN sale_lines l"
                           " ON l.order_id = o.id WHERE o.date BETWEEN '2026-11-01'"
                           " AND '2026-11-20'").fetchone()[0]
    target = 3_000_050
    assert got["target"] == target and got["actual"] == revenue
    assert got["gap"] == target - revenue
    assert got["needed_per_day"] == half_even(target - revenue, 10)  # no closed day
    for key in ("needed_orders_per_day", "needed_basket", "winbacks_needed", "salespeople"):
        assert key in got
    assert got["needed_orders_per_day"] == -(-got["needed_per_day"] // got["current_basket"])
    names = {r[0] for r in conn.execute("SELECT name FROM salespeople WHERE active = 1")}
    assert {p["name"] for p in got["salespeople"]} == names
    for person in got["salespeople"]:
        assert set(person) >= {"needed_per_day", "needed_orders_per_day", "needed_basket"}


def test_plan_refuses_bad_input(shop):
    bad = run("plan", "--db", str(shop), "--period", "2026-13", "--target", "10")
    assert bad.returncode == 1 and "Traceback" not in bad.stderr and "--period" in bad.stderr
    bad = run("plan", "--db", str(shop), "--period", "2026-11", "--target", "lots")
    assert bad.returncode == 1 and "--target" in bad.stderr
    usage = run("plan", "--db", str(shop), "--period", "2026-11")
    assert usage.returncode == 2


def test_plan_text(shop):
    done = run("plan", "--db", str(shop), "--period", "2026-12", "--target", "១០០០០",
               "--today", "2026-11-20")
    assert done.returncode == 0, done.stderr
    assert "needed_per_day" in done.stdout and "open_days_left" in done.stdout
