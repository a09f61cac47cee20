"""One branch's figures from the branch-coded rollups (KPI.md §7, issue #21): every rollup
the figures read keeps each branch's sums under its code, exact after every write; one
branch's view reads them filtered by its code and equals that branch alone. On both
store kinds (a shop file and a PostgreSQL database)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from conftest import DEMO_TODAY

from kpidesk.demo import build_demo
from kpidesk.metrics.kpis import all_kpis
from kpidesk.metrics.memo import clear_memo
from kpidesk.store import branches, receipts, rollups, sales
from kpidesk.store.db import Store

MONTH = "2026-11"
OWN, OTHER = "Phnom Penh", "Kampot"


def make_head_office(store: Store) -> None:
    """A demo shop whose contacts with an id divisible by 3, their sales and every third
    walk-in sale are rows brought in from branch Kampot (as `sync` marks them); the rest
    is the file's own branch, Phnom Penh. Rollups rebuilt (what a sync of many rows does)."""
    build_demo(store, months=4, lines=900, today=DEMO_TODAY, seed=21)
    branches.set_branch_name(store, OWN)
    with store.transaction() as conn:
        conn.execute("UPDATE contacts SET branch = ? WHERE id % 3 = 0", (OTHER,))
        conn.execute("UPDATE orders SET branch = ? WHERE contact_id IN"
                     " (SELECT id FROM contacts WHERE branch = ?)"
                     " OR (contact_id IS NULL AND id % 3 = 0)", (OTHER, OTHER))
        conn.execute("UPDATE opportunities SET branch = ? WHERE contact_id IN"
                     " (SELECT id FROM contacts WHERE branch = ?)", (OTHER, OTHER))
        conn.execute("INSERT INTO branch_sources (branch, shop_uuid, file) VALUES (?, ?, ?)",
                     (OTHER, "kampot-file", "kampot.db"))
        rollups.rebuild_all(conn)


@pytest.fixture
def head_office(store: Store) -> Store:
    make_head_office(store)
    clear_memo()
    return store


def code_of(store: Store, name: str) -> int:
    if branches.is_own(store, name):
        return 0
    return int(store.scalar("SELECT code FROM branch_codes WHERE name = ?", (name,)))


def coded_rows(store: Store, code: int) -> dict[str, list[tuple]]:
    """Every row of every branch-coded rollup under `code`, sorted."""
    return {table: sorted(tuple(r) for r in store.conn.execute(
        f"SELECT * FROM {table} WHERE branch = ?", (code,)))
        for table in branches.CODED_ROLLUPS}


def assert_exact(store: Store) -> None:
    kept = rollups.snapshot(store.conn)
    with store.transaction() as conn:
        rollups.rebuild_all(conn)
    assert rollups.snapshot(store.conn) == kept


def raw_month(store: Store, branch: str | None) -> tuple[int, int]:
    """(revenue in cents, orders) of MONTH up to DEMO_TODAY of one branch's raw rows
    (None: this file's own), as KPI.md counts them: a receipt whose net total is below
    zero is a refund, not an order; a daily total counts as its receipts."""
    mine = "o.branch IS NULL" if branch is None else "o.branch = ?"
    params = () if branch is None else (branch,)
    revenue = 0
    orders = 0
    for daily, receipts_count, khr, usd in store.conn.execute(
            "SELECT o.is_daily_total, o.receipts, SUM(l.amount_khr), SUM(l.amount_usd)"
            " FROM orders o JOIN sale_lines l ON l.order_id = o.id"
            f" WHERE {mine} AND o.date BETWEEN ? AND ? GROUP BY o.id",
            (*params, f"{MONTH}-01", DEMO_TODAY.isoformat())):
        revenue += int(usd)
        if daily:
            orders += int(receipts_count or 0)
        elif khr >= 0:
            orders += 1
    return revenue, orders


def test_the_codes_split_the_shop_and_sum_to_it(head_office):
    store = head_office
    assert branches.branches(store) == [OWN, OTHER]
    assert_exact(store)
    kampot = code_of(store, OTHER)
    assert kampot > 0
    for table in ("daily_revenue", "breakdown_day", "month_day_counts", "cohort_month"):
        codes = {r[0] for r in store.conn.execute(f"SELECT DISTINCT branch FROM {table}")}
        assert codes == {0, kampot}, table
    together = all_kpis(store, MONTH, DEMO_TODAY)
    own_raw, other_raw = raw_month(store, None), raw_month(store, OTHER)
    assert together["revenue"] == own_raw[0] + other_raw[0]
    assert together["orders"] == own_raw[1] + other_raw[1]
    assert store.reporting_currency == "USD"


@pytest.mark.parametrize("name", [OWN, OTHER])
def test_a_branch_view_equals_its_raw_rows_and_the_branch_alone(head_office, name):
    store = head_office
    with branches.branch_view(store, name) as view:
        seen = all_kpis(view, MONTH, DEMO_TODAY)
        assert view.setting("branch_name") == name
        assert branches.branches(view) == [name]
    revenue, orders = raw_month(store, None if name == OWN else name)
    assert revenue > 0 and orders > 0
    assert (seen["revenue"], seen["orders"]) == (revenue, orders)
    # the branch alone: every other branch's rows deleted, rollups rebuilt — every figure
    other = OTHER if name == OWN else None
    gone = "branch = ?" if other else "branch IS NULL"
    params = (other,) if other else ()
    with store.transaction() as conn:
        conn.execute("DELETE FROM opportunity_history WHERE opportunity_id IN"
                     f" (SELECT id FROM opportunities WHERE {gone})", params)
        conn.execute(f"DELETE FROM opportunities WHERE {gone}", params)
        conn.execute(f"DELETE FROM calls WHERE {gone}", params)
        conn.execute("DELETE FROM sale_lines WHERE order_id IN"
                     f" (SELECT id FROM orders WHERE {gone})", params)
        conn.execute(f"UPDATE orders SET refund_of = NULL WHERE refund_of IN"
                     f" (SELECT id FROM orders WHERE {gone})", params)
        conn.execute(f"DELETE FROM orders WHERE {gone}", params)
        conn.execute(f"DELETE FROM contacts WHERE {gone}", params)
        if name == OTHER:  # head office's own targets are not the branch's
            conn.execute("DELETE FROM targets")
        rollups.rebuild_all(conn)
    clear_memo()
    alone = all_kpis(store, MONTH, DEMO_TODAY)
    assert seen == alone


def test_writes_in_one_branch_change_only_its_rollups(head_office):
    store = head_office
    kampot = code_of(store, OTHER)
    day = (DEMO_TODAY - timedelta(days=2)).isoformat()

    def changes(work) -> set[int]:
        before = {c: coded_rows(store, c) for c in (0, kampot)}
        work()
        assert_exact(store)
        return {c for c in (0, kampot) if coded_rows(store, c) != before[c]}

    customer = store.scalar("SELECT id FROM contacts WHERE branch IS NULL AND"
                            " first_purchase IS NOT NULL ORDER BY id LIMIT 1")
    new_id = None

    def sale() -> None:
        nonlocal new_id
        new_id = sales.add_order(store, sales.OrderInput(
            date=day, contact_id=customer, lines=[sales.LineInput(amount=12_345)]))

    assert changes(sale) == {0}  # a sale at head office is its own branch's

    def refund() -> None:
        assert new_id is not None
        receipts.refund_order(store, new_id, day=DEMO_TODAY.isoformat())

    assert changes(refund) == {0}
    theirs = store.scalar("SELECT MAX(o.id) FROM orders o WHERE o.branch = ? AND"
                          " o.contact_id IS NOT NULL AND o.is_daily_total = 0", (OTHER,))

    def edit() -> None:
        order = sales.get_order(store, theirs)
        order.lines[0].amount += 500
        order.lines[0].unit_price = None
        sales.update_order(store, theirs, order)

    assert changes(edit) == {kampot}
    assert changes(lambda: sales.delete_order(store, theirs)) == {kampot}
    # and Kampot's figures follow its rows
    with branches.branch_view(store, OTHER) as view:
        assert all_kpis(view, MONTH, DEMO_TODAY)["revenue"] == raw_month(store, OTHER)[0]


def test_a_branch_with_no_rows_yet_has_no_figures(head_office):
    store = head_office
    with store.transaction() as conn:
        conn.execute("INSERT INTO branch_sources (branch, shop_uuid, file) VALUES (?, ?, ?)",
                     ("Kep", "kep-file", "kep.db"))
    with branches.branch_view(store, "kep") as view:  # any case
        figures = all_kpis(view, MONTH, DEMO_TODAY)
    assert not figures["revenue"] and not figures["orders"]
    assert date.fromisoformat(f"{MONTH}-01") <= DEMO_TODAY


def _as_before_the_codes(path) -> None:
    """Make a current shop file what the version before `branch_rollup_keys` made: each
    coded rollup keyed without the code (every branch's sums together), no branch_codes."""
    import sqlite3

    from kpidesk.store import schema

    with sqlite3.connect(path) as conn:
        for table in branches.CODED_ROLLUPS:
            info = conn.execute(f"PRAGMA table_info({table})").fetchall()
            keys = [c[1] for c in sorted((c for c in info if c[5]), key=lambda c: c[5])
                    if c[1] != "branch"]
            values = [c[1] for c in info if not c[5]]
            conn.execute(f"ALTER TABLE {table} RENAME TO {table}_coded")
            conn.execute(f"CREATE TABLE {table} ({', '.join(keys + values)},"
                         f" PRIMARY KEY ({', '.join(keys)})) WITHOUT ROWID")
            conn.execute(f"INSERT INTO {table} SELECT {', '.join(keys)},"
                         f" {', '.join(f'SUM({v})' for v in values)} FROM {table}_coded"
                         f" GROUP BY {', '.join(keys)}")
            conn.execute(f"DROP TABLE {table}_coded")
        conn.execute("DROP TABLE branch_codes")
        conn.execute(f"PRAGMA user_version = {schema.MIGRATIONS.index(schema.branch_rollup_keys)}")


def test_the_migration_keeps_every_row_and_kpi_of_a_head_office(tmp_path):
    path = tmp_path / "hq.db"
    records = ("orders", "sale_lines", "contacts", "opportunities", "targets", "calls")
    with Store(path) as store:
        make_head_office(store)
        clear_memo()
        rows = {t: sorted(map(tuple, store.conn.execute(f"SELECT * FROM {t}")))
                for t in records}
        kept = rollups.snapshot(store.conn)
        together = all_kpis(store, MONTH, DEMO_TODAY)
        each = {}
        for name in (OWN, OTHER):
            with branches.branch_view(store, name) as view:
                each[name] = all_kpis(view, MONTH, DEMO_TODAY)
    _as_before_the_codes(path)
    clear_memo()
    with Store(path) as store:  # upgraded (backed up first) as it opens
        assert rollups.is_coded(store.conn)
        assert {t: sorted(map(tuple, store.conn.execute(f"SELECT * FROM {t}")))
                for t in records} == rows
        assert rollups.snapshot(store.conn) == kept
        assert all_kpis(store, MONTH, DEMO_TODAY) == together
        for name in (OWN, OTHER):
            with branches.branch_view(store, name) as view:
                assert all_kpis(view, MONTH, DEMO_TODAY) == each[name]
