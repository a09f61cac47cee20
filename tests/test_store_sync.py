"""Branches (KPI.md §7): branch names, `sync` of branch files into a head office by UUID,
and the figures of one branch. Real shop files in tmp_path; every figure checked against
a recomputation from raw rows or against the branch file's own figures."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import DEMO_TODAY

from kpidesk.demo import build_demo
from kpidesk.metrics.kpis import all_kpis
from kpidesk.store import branches, rollups, sales, sync, sync_rows, sync_types
from kpidesk.store.contacts import ContactInput, add_contact, delete_contact
from kpidesk.store.db import Store
from kpidesk.store.errors import ValidationError
from kpidesk.store.opportunities import delete_opportunity

MONTH = "2026-11"
RECORDS = ("contacts", "orders", "opportunities", "calls")


@pytest.fixture(scope="module")
def branch_files(tmp_path_factory) -> dict[str, Path]:
    """Two branch files made apart (their own UUIDs and ids), built once."""
    folder = tmp_path_factory.mktemp("branches")
    files = {}
    for name, seed, lines in (("Siem Reap", 11, 1500), ("Battambang", 12, 1100)):
        path = folder / f"{seed}.db"
        with Store(path) as s:
            build_demo(s, months=6, lines=lines, today=DEMO_TODAY, seed=seed)
            branches.set_branch_name(s, name)
        files[name] = path
    return files


@pytest.fixture(params=["sqlite", "postgresql"])
def hq_kind(request) -> str:
    """Where head office lives: a shop file, or a database on a PostgreSQL server."""
    return request.param


@pytest.fixture
def shops(branch_files, tmp_path, hq_kind, request) -> dict[str, Path | str]:
    """Private copies of the branch files and an empty head office named "Phnom Penh"
    (a shop file, or a PostgreSQL database: `hq_kind`)."""
    copies: dict[str, Path | str] = {name: Path(shutil.copy(path, tmp_path / path.name))
                                     for name, path in branch_files.items()}
    hq = request.getfixturevalue("pg_url") if hq_kind == "postgresql" else tmp_path / "hq.db"
    with Store(hq) as store:
        branches.set_branch_name(store, "Phnom Penh")
    copies["hq"] = hq
    return copies


def bring_in(source: Path, target: Path | str) -> sync.SyncResult:
    with Store(source, read_only=True) as src, Store(target) as dst:
        return sync.sync(src, dst)


# Sums of a period's sale lines per branch from the raw rows, as `breakdowns` counts them for the whole shop
# (an order whose net total is below zero is not counted; a daily total counts as its
# receipts). Read from the raw rows of the period: branches are few and change on a sync.
_TOTALS = """
    WITH o AS (
        SELECT o.id, o.branch,
               CASE WHEN o.is_daily_total THEN IFNULL(o.receipts, 0)
                    ELSE (SELECT SUM(x.amount_khr) FROM sale_lines x
                          WHERE x.order_id = o.id) >= 0 END AS counted
        FROM orders o WHERE o.date BETWEEN ? AND ?),
    per_order AS (
        SELECT o.branch, o.counted, SUM(l.amount_{c}) AS r, SUM(l.quantity) AS q,
               SUM(CASE WHEN l.cost_{c} IS NULL THEN 0 ELSE l.amount_{c} END) AS cr,
               IFNULL(SUM(l.cost_{c}), 0) AS co, IFNULL(SUM(l.discount_{c}), 0) AS d,
               SUM(CASE WHEN l.amount_khr < 0 THEN l.amount_{c} ELSE 0 END) AS f,
               COUNT(*) AS n, COUNT(l.cost_{c}) AS cn
        FROM o JOIN sale_lines l ON l.order_id = o.id GROUP BY o.id)
    SELECT branch, SUM(r), SUM(counted), SUM(q), SUM(cr), SUM(co), SUM(d), SUM(f), SUM(n),
           SUM(cn)
    FROM per_order GROUP BY branch
"""


def totals_by_branch(store: Store, first: str, last: str,
                     currency: str) -> dict[str | None, tuple]:
    """{branch: (revenue, orders, quantity, costed revenue, cost, discounts, refunds, lines,
    costed lines)} of the days first..last (ISO, inclusive), money in `currency`'s minor
    units; this file's own rows under its branch name (None when it has none)."""
    own = branches.branch_name(store) or None
    suffix = "usd" if currency == "USD" else "khr"
    found: dict[str | None, tuple] = {}
    for row in store.conn.execute(_TOTALS.format(c=suffix), (first, last)):
        found[row[0] if row[0] is not None else own] = tuple(row[1:])
    return found



def assert_rollups_exact(store: Store) -> None:
    """The target's rollups equal a rebuild from its raw rows."""
    kept = rollups.snapshot(store.conn)
    with store.transaction():
        rollups.rebuild_all(store.conn)
    assert rollups.snapshot(store.conn) == kept


def raw_revenue(store: Store, where: str = "1 = 1", params: tuple = ()) -> dict[str, int]:
    """Revenue in cents per month, summed from the raw sale lines."""
    return dict(store.conn.execute(
        "SELECT substr(o.date, 1, 7), SUM(l.amount_usd) FROM orders o"
        f" JOIN sale_lines l ON l.order_id = o.id WHERE {where} GROUP BY 1", params))


def row_uuids(store: Store, table: str, where: str = "1 = 1") -> set[bytes]:
    return {bytes(r[0]) for r in store.conn.execute(f"SELECT uuid FROM {table} WHERE {where}")}


def with_uuids(value, store: Store):
    """A KPI result with every contact id replaced by the contact's UUID (ids differ
    between files; the UUID is the row)."""
    if isinstance(value, dict):
        return {k: (bytes(store.scalar("SELECT uuid FROM contacts WHERE id = ?", (v,)))
                    if k == "contact_id" and v is not None else with_uuids(v, store))
                for k, v in value.items()}
    if isinstance(value, list):
        return [with_uuids(v, store) for v in value]
    return value


def test_branch_name_is_kept_and_checked(store):
    assert branches.branch_name(store) == ""
    assert branches.branches(store) == []
    assert branches.set_branch_name(store, "  Siem   Reap ") == "Siem Reap"
    assert store.setting("branch_name") == "Siem Reap"
    assert branches.branches(store) == ["Siem Reap"]
    assert not branches.has_several(store)
    for bad, code in (("   ", "empty"), ("x" * 61, "too_long"), ("a\x07b", "bad_characters")):
        with pytest.raises(ValidationError) as err:
            branches.set_branch_name(store, bad)
        assert err.value.code == code
    # recorded in the change history like the shop's name
    from kpidesk.store import history

    assert [e.subject for e in history.entries(store, action="setting")] == ["branch_name"]


def test_migration_adds_branch_columns_and_is_idempotent(store):
    from kpidesk.store import dialect, schema

    for table in branches.BRANCH_TABLES:
        assert "branch" in dialect.column_names(store.conn, table), table
    if not store.is_server:  # a server's schema is the migrations translated (pg_schema)
        with store.transaction():
            schema.add_branches(store.db)  # again: nothing fails, nothing doubles
    assert schema.add_branches in schema.MIGRATIONS
    # existing rows keep NULL: made in this file, whatever its branch is called
    assert store.scalar("SELECT COUNT(*) FROM orders WHERE branch IS NOT NULL") == 0


def test_sync_brings_everything_once(shops):
    first = bring_in(shops["Siem Reap"], shops["hq"])
    second_branch = bring_in(shops["Battambang"], shops["hq"])
    with Store(shops["hq"]) as hq, Store(shops["Siem Reap"]) as a, \
            Store(shops["Battambang"]) as b:
        for kind in RECORDS:
            assert first.counts[kind].added == a.scalar(f"SELECT COUNT(*) FROM {kind}")
            assert second_branch.counts[kind].added == b.scalar(f"SELECT COUNT(*) FROM {kind}")
            assert row_uuids(hq, kind, "branch = 'Siem Reap'") == row_uuids(a, kind)
            assert row_uuids(hq, kind, "branch = 'Battambang'") == row_uuids(b, kind)
        assert first.counts["targets"].added == a.scalar("SELECT COUNT(*) FROM targets")
        # head office's own targets stay its own: the branches' are kept apart
        assert hq.scalar("SELECT COUNT(*) FROM targets") == 0
        # the lines of every order, and the revenue of every month, from raw rows
        assert hq.scalar("SELECT COUNT(*) FROM sale_lines") == (
            a.scalar("SELECT COUNT(*) FROM sale_lines")
            + b.scalar("SELECT COUNT(*) FROM sale_lines"))
        ra, rb = raw_revenue(a), raw_revenue(b)
        assert raw_revenue(hq) == {m: ra.get(m, 0) + rb.get(m, 0) for m in {*ra, *rb}}
        # products, salespeople… of the same name are one (the demo's names in both)
        assert hq.scalar("SELECT COUNT(*) FROM products") == a.scalar(
            "SELECT COUNT(*) FROM products")
        assert hq.scalar("SELECT COUNT(*) FROM salespeople") == a.scalar(
            "SELECT COUNT(*) FROM salespeople")
        assert branches.branches(hq) == ["Phnom Penh", "Battambang", "Siem Reap"]
        assert branches.has_several(hq)
        assert_rollups_exact(hq)
        before = {t: hq.scalar(f"SELECT COUNT(*) FROM {t}") for t in
                  (*RECORDS, "sale_lines", "branch_targets", "products", "change_history")}
        snap = rollups.snapshot(hq.conn)
    again = bring_in(shops["Siem Reap"], shops["hq"])
    assert not again.changed
    assert all(c == sync_types.KindCounts() for c in again.counts.values())
    with Store(shops["hq"]) as hq:
        assert {t: hq.scalar(f"SELECT COUNT(*) FROM {t}") for t in before} == before
        assert rollups.snapshot(hq.conn) == snap


def test_each_branch_figures_equal_its_own_file(shops):
    bring_in(shops["Siem Reap"], shops["hq"])
    bring_in(shops["Battambang"], shops["hq"])
    today = DEMO_TODAY
    with Store(shops["hq"]) as hq:
        together = all_kpis(hq, MONTH, today)
        for name in ("Siem Reap", "battambang"):  # any case
            with Store(shops[name.title()], read_only=True) as own:
                expected = with_uuids(all_kpis(own, MONTH, today), own)
            with branches.branch_view(hq, name) as view:
                assert with_uuids(all_kpis(view, MONTH, today), view) == expected
                # the view keeps head office's ids: its customers are head office's
                for cid in view.conn.execute("SELECT id FROM contacts LIMIT 5"):
                    assert view.scalar("SELECT uuid FROM contacts WHERE id = ?", cid) == \
                        hq.scalar("SELECT uuid FROM contacts WHERE id = ?", cid)
        with Store(shops["Siem Reap"]) as a, Store(shops["Battambang"]) as b:
            assert together["revenue"] == (all_kpis(a, MONTH, today)["revenue"]
                                           + all_kpis(b, MONTH, today)["revenue"])
        # head office's own branch has no rows yet: zero revenue, not another's
        with branches.branch_view(hq, "Phnom Penh") as view:
            assert not all_kpis(view, MONTH, today)["revenue"]
        with pytest.raises(sync.SyncError) as err:
            with branches.branch_view(hq, "Kampot"):
                pass
        assert err.value.code == "unknown_branch"


def test_changes_and_deletions_travel(shops):
    bring_in(shops["Siem Reap"], shops["hq"])
    with Store(shops["Siem Reap"]) as a:
        ids = [r[0] for r in a.conn.execute("SELECT id FROM orders ORDER BY id LIMIT 3")]
        changed = sales.get_order(a, ids[0])
        changed.lines[0].amount += 1234
        changed.note = "changed in the branch"
        sales.update_order(a, ids[0], changed)
        gone = bytes(a.scalar("SELECT uuid FROM orders WHERE id = ?", (ids[1],)))
        sales.delete_order(a, ids[1])
        new_id = sales.add_order(a, sales.OrderInput(
            date="2026-11-20", lines=[sales.LineInput(amount=4500)], note="new in the branch"))
        lead = add_contact(a, ContactInput(name="Lead to delete", created="2026-11-01",
                                           kind="lead"))
        opp = a.scalar("SELECT id FROM opportunities ORDER BY id LIMIT 1")
        opp_uuid = bytes(a.scalar("SELECT uuid FROM opportunities WHERE id = ?", (opp,)))
        delete_opportunity(a, opp)
    second = bring_in(shops["Siem Reap"], shops["hq"])
    assert (second.counts["orders"].added, second.counts["orders"].updated,
            second.counts["orders"].deleted) == (1, 1, 1)
    assert second.counts["contacts"].added == 1
    assert second.counts["opportunities"].deleted == 1
    with Store(shops["Siem Reap"]) as a:
        delete_contact(a, lead)
    third = bring_in(shops["Siem Reap"], shops["hq"])
    assert third.counts["contacts"].deleted == 1
    assert not third.counts["orders"].changed
    with Store(shops["hq"]) as hq, Store(shops["Siem Reap"]) as a:
        for kind in RECORDS:
            assert row_uuids(hq, kind) == row_uuids(a, kind), kind
        assert gone not in row_uuids(hq, "orders")
        assert opp_uuid not in row_uuids(hq, "opportunities")
        new_uuid = a.scalar("SELECT uuid FROM orders WHERE id = ?", (new_id,))
        assert hq.scalar("SELECT note FROM orders WHERE uuid = ?", (new_uuid,)) == \
            "new in the branch"
        # the changed order: one row, its new lines
        uuid0 = a.scalar("SELECT uuid FROM orders WHERE id = ?", (ids[0],))
        assert hq.scalar("SELECT COUNT(*) FROM orders WHERE uuid = ?", (uuid0,)) == 1
        assert [tuple(r) for r in hq.conn.execute(
            "SELECT l.amount, l.amount_usd, o.note FROM sale_lines l JOIN orders o"
            " ON o.id = l.order_id WHERE o.uuid = ? ORDER BY position", (uuid0,))] == \
            [tuple(r) for r in a.conn.execute(
                "SELECT l.amount, l.amount_usd, o.note FROM sale_lines l JOIN orders o"
                " ON o.id = l.order_id WHERE o.id = ? ORDER BY position", (ids[0],))]
        assert raw_revenue(hq) == raw_revenue(a)
        assert_rollups_exact(hq)
        assert all_kpis(hq, MONTH, DEMO_TODAY)["revenue"] == \
            all_kpis(a, MONTH, DEMO_TODAY)["revenue"]


def test_conflict_the_branch_file_wins(shops):
    """The same sale changed at head office and in the branch: the branch's version is
    kept (the branch file is the authority on its own rows), and head office's change to
    a branch's sale is set back at the next sync."""
    bring_in(shops["Siem Reap"], shops["hq"])
    with Store(shops["Siem Reap"]) as a:
        order_id = a.scalar("SELECT id FROM orders ORDER BY id DESC LIMIT 1")
        key = a.scalar("SELECT uuid FROM orders WHERE id = ?", (order_id,))
        branch_version = sales.get_order(a, order_id)
        branch_version.note = "branch"
        sales.update_order(a, order_id, branch_version)
    with Store(shops["hq"]) as hq:
        hq_id = hq.scalar("SELECT id FROM orders WHERE uuid = ?", (key,))
        mine = sales.get_order(hq, hq_id)
        mine.note = "head office"
        mine.lines[0].amount += 500
        sales.update_order(hq, hq_id, mine)
        other_id = hq.scalar("SELECT id FROM orders WHERE branch = 'Siem Reap' AND id <> ?"
                             " ORDER BY id LIMIT 1", (hq_id,))
        only_here = sales.get_order(hq, other_id)
        only_here.note = "only head office changed this"
        sales.update_order(hq, other_id, only_here)
    result = bring_in(shops["Siem Reap"], shops["hq"])
    assert result.counts["orders"].updated == 2
    with Store(shops["hq"]) as hq, Store(shops["Siem Reap"]) as a:
        assert hq.scalar("SELECT note FROM orders WHERE uuid = ?", (key,)) == "branch"
        assert hq.scalar("SELECT note FROM orders WHERE id = ?", (other_id,)) == ""
        assert raw_revenue(hq) == raw_revenue(a)
        assert_rollups_exact(hq)


def test_refusals_change_nothing(shops, tmp_path, hq_kind):
    unnamed = tmp_path / "unnamed.db"
    Store(unnamed).close()
    if hq_kind == "sqlite":
        copy = Path(shutil.copy(shops["hq"], tmp_path / "hq-copy.db"))
    else:  # a server's shop has no file to copy: a file under its name and identity
        copy = tmp_path / "hq-copy.db"
        with Store(shops["hq"]) as hq, Store(copy) as s:
            branches.set_branch_name(s, "Phnom Penh")
            s.conn.execute("UPDATE shop_identity SET uuid = ?", (hq.identity().uuid,))
    twin = Path(shutil.copy(shops["Battambang"], tmp_path / "twin.db"))
    with Store(twin) as s:  # another file under a name already brought in
        s.set_setting("branch_name", "Siem Reap")
        s.conn.execute("UPDATE shop_identity SET uuid = 'another-shop'")
    bring_in(shops["Siem Reap"], shops["hq"])
    with Store(shops["hq"]) as hq:
        snap = (rollups.snapshot(hq.conn), hq.scalar("SELECT COUNT(*) FROM orders"))
    for source, code in ((unnamed, "no_branch_name"), (copy, "same_branch"),
                         (twin, "other_file")):
        with pytest.raises(sync.SyncError) as err:
            bring_in(source, shops["hq"])
        assert err.value.code == code
    with Store(copy) as s:
        s.set_setting("branch_name", "Kep")
    with pytest.raises(sync.SyncError) as err:
        bring_in(copy, shops["hq"])
    assert err.value.code == "same_shop"
    with Store(shops["hq"]) as hq:
        assert (rollups.snapshot(hq.conn), hq.scalar("SELECT COUNT(*) FROM orders")) == snap
        # head office cannot take a name a branch brought in has
        with pytest.raises(ValidationError):
            branches.set_branch_name(hq, "siem reap")


def test_large_sync_rebuilds_the_rollups_exactly(shops, monkeypatch):
    monkeypatch.setattr(sync_rows, "REBUILD_ABOVE", 10)  # the path a sync of many orders takes
    bring_in(shops["Battambang"], shops["hq"])
    with Store(shops["hq"]) as hq, Store(shops["Battambang"]) as b:
        assert raw_revenue(hq) == raw_revenue(b)
        assert hq.scalar("SELECT SUM(revenue_usd) FROM daily_revenue") == \
            b.scalar("SELECT SUM(amount_usd) FROM sale_lines")
        assert_rollups_exact(hq)


def test_cancelled_sync_changes_nothing(shops):
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 2

    with Store(shops["Siem Reap"], read_only=True) as src, Store(shops["hq"]) as dst:
        with pytest.raises(sync.SyncError) as err:
            sync.sync(src, dst, cancelled=cancelled)
        assert err.value.code == "cancelled"
        assert dst.scalar("SELECT COUNT(*) FROM orders") == 0
        assert dst.scalar("SELECT COUNT(*) FROM branch_sources") == 0
        assert dst.scalar("SELECT COUNT(*) FROM daily_revenue") == 0


# -- the headless commands ---------------------------------------------------------------
def test_cli_branch_and_sync(shops, tmp_path, capsys, monkeypatch, hq_kind):
    import json

    from kpidesk.cli import main

    monkeypatch.setattr("sys.stdin", open("/dev/null"))
    hq, a = str(shops["hq"]), str(shops["Siem Reap"])
    assert main(["branch", "--db", a]) == 0
    assert capsys.readouterr().out.strip() == "Siem Reap"
    assert main(["branch", "--db", a, "--name", "  "]) == 1
    assert "empty" in capsys.readouterr().err

    assert main(["sync", "--from", a, "--to", hq]) == 0
    out = capsys.readouterr().out
    with Store(shops["Siem Reap"]) as s:
        orders = s.scalar("SELECT COUNT(*) FROM orders")
    assert f"orders         {orders} added, 0 updated, 0 deleted" in out
    assert main(["sync", "--from", a, "--to", hq, "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["orders"] == {"added": 0, "updated": 0, "deleted": 0, "kept": 0}
    assert main(["sync", "--from", a, "--to", hq]) == 0
    out = capsys.readouterr().out
    # the same file again changes nothing: no backup is made for it
    assert "nothing new" in out and "backed up first" not in out
    from kpidesk.paths import backups_dir
    from kpidesk.store import backup_files

    def branch_backups() -> int:
        if hq_kind == "sqlite":
            with Store(shops["hq"]) as s:
                return [b.reason for b in backup_files.list_all_backups(s)].count("branch")
        # pg_dump's backups of the server's shop, in the backups folder
        return len(list(backups_dir().glob("*-branch.pgdump")))

    assert branch_backups() == 0

    # the head office's PIN guards a sync into it and its branch name
    from kpidesk.store import security

    with Store(shops["hq"]) as s:
        security.set_pin(s, "2468")
    b = str(shops["Battambang"])
    assert main(["sync", "--from", b, "--to", hq]) == 1
    assert "PIN" in capsys.readouterr().err
    assert main(["branch", "--db", hq, "--name", "HQ"]) == 1
    assert "PIN" in capsys.readouterr().err
    assert main(["sync", "--from", b, "--to", hq, "--pin", "2468"]) == 0
    assert "backed up first" in capsys.readouterr().out
    assert branch_backups() == 1

    # kpi of one branch: the branch file's own figures; an unknown one refused
    assert main(["kpi", "--db", hq, "--month", MONTH, "--json", "--branch", "Battambang",
                 "--today", DEMO_TODAY.isoformat()]) == 0
    mine = json.loads(capsys.readouterr().out)
    assert main(["kpi", "--db", b, "--month", MONTH, "--json",
                 "--today", DEMO_TODAY.isoformat()]) == 0
    own = json.loads(capsys.readouterr().out)
    assert mine.keys() == own.keys()
    assert {k: mine[k] for k in ("revenue", "orders", "new_customers", "attainment")} == \
        {k: own[k] for k in ("revenue", "orders", "new_customers", "attainment")}
    assert main(["kpi", "--db", hq, "--month", MONTH, "--branch", "Kampot"]) == 1
    err = capsys.readouterr().err
    assert "no branch called \"Kampot\"" in err and "Battambang" in err
    # refusals: one sentence, exit 1
    assert main(["sync", "--from", str(tmp_path / "missing.db"), "--to", hq,
                 "--pin", "2468"]) == 1
    assert "no shop file" in capsys.readouterr().err
    assert main(["sync", "--from", hq, "--to", hq, "--pin", "2468"]) == 1
    assert ("same file" if hq_kind == "sqlite" else "not a server's address") in \
        capsys.readouterr().err


def test_breakdown_by_branch(shops):
    from kpidesk.metrics import analysis, breakdown_lines

    bring_in(shops["Siem Reap"], shops["hq"])
    bring_in(shops["Battambang"], shops["hq"])
    with Store(shops["hq"]) as hq:
        found = analysis.breakdown(hq, "branch", MONTH, DEMO_TODAY, compare="2026-10")
        rows = {r.key: r for r in found.rows}
        assert set(rows) == {"Siem Reap", "Battambang"}
        assert sum(r.revenue for r in found.rows) == found.total.revenue
        for name in rows:
            with Store(shops[name], read_only=True) as own:
                expected = analysis.period_totals(own, MONTH, DEMO_TODAY)
                # November is in progress on DEMO_TODAY: compared like for like
                before = analysis.period_totals(own, "2026-10-01..2026-10-26", DEMO_TODAY)
                assert raw_revenue(own)[MONTH] == rows[name].revenue
            row = rows[name]
            assert (row.revenue, row.orders, row.quantity, row.gross_profit) == (
                expected.revenue, expected.orders, expected.quantity, expected.gross_profit)
            assert row.previous_revenue == before.revenue
            lines = breakdown_lines.lines_of(hq, "branch", name, MONTH, DEMO_TODAY, limit=100_000)
            assert sum(line.amount for line in lines) == row.revenue
        # head office's own sales: under its name
        sales.add_order(hq, sales.OrderInput(date="2026-11-02",
                                             lines=[sales.LineInput(amount=700)]))
        found = analysis.breakdown(hq, "branch", MONTH, DEMO_TODAY)
        assert {r.key: r.revenue for r in found.rows}["Phnom Penh"] == 700
        lines = breakdown_lines.lines_of(hq, "branch", "Phnom Penh", MONTH, DEMO_TODAY)
        assert [line.amount for line in lines] == [700]


def test_report_of_all_branches_and_of_one(shops, tmp_path, capsys):
    import subprocess

    from kpidesk.cli import main

    bring_in(shops["Siem Reap"], shops["hq"])
    bring_in(shops["Battambang"], shops["hq"])

    def text(pdf: Path) -> str:
        return " ".join(subprocess.run(["pdftotext", "-layout", str(pdf), "-"],
                                       capture_output=True, text=True, check=True).stdout.split())

    def dollars(cents: int) -> str:
        return f"${cents // 100:,}.{cents % 100:02d}"

    today = DEMO_TODAY.isoformat()
    assert main(["report", "--db", str(shops["hq"]), "--month", MONTH, "--lang", "en",
                 "--out", str(tmp_path / "all.pdf"), "--today", today]) == 0
    both = text(tmp_path / "all.pdf")
    assert "Revenue by branch" in both
    for name in ("Siem Reap", "Battambang"):
        with Store(shops[name], read_only=True) as own:
            revenue = raw_revenue(own, "o.date <= ?", (today,))[MONTH]
        assert f"{name} {dollars(revenue)}" in both
        out = tmp_path / f"{name}.pdf"
        assert main(["report", "--db", str(shops["hq"]), "--month", MONTH, "--lang", "en",
                     "--out", str(out), "--today", today, "--branch", name]) == 0
        one = text(out)
        assert f"Branch {name}" in one and "Revenue by branch" not in one
        assert f"Revenue {dollars(revenue)}" in one
    # a shop with one branch: no table of branches
    assert main(["report", "--db", str(shops["Siem Reap"]), "--month", MONTH, "--lang", "en",
                 "--out", str(tmp_path / "one.pdf"), "--today", today]) == 0
    assert "by branch" not in text(tmp_path / "one.pdf")
    capsys.readouterr()


def test_breakdown_by_branch_of_a_shop_of_one_branch_is_its_rollup_total(shops):
    """A shop that brought no branch in (most shops) reads its one row from the shop's
    rollup instead of the period's lines: the same sums as the lines give."""
    from kpidesk.metrics import analysis

    with Store(shops["Siem Reap"]) as own:
        currency = own.reporting_currency
        for period in (MONTH, "2026-06-01..2026-11-30"):
            found = analysis.breakdown(own, "branch", period, DEMO_TODAY, compare="2026-10")
            span = analysis.parse_range(period)
            last = min(span.end, DEMO_TODAY)
            raw = totals_by_branch(own, span.start.isoformat(), last.isoformat(),
                                            currency)
            assert [r.key for r in found.rows] == ["Siem Reap"] == list(raw)
            row = found.rows[0]
            revenue, orders, quantity = raw["Siem Reap"][:3]
            assert (row.revenue, row.orders, row.quantity) == (revenue, orders, quantity)
            if period == MONTH:  # in progress on DEMO_TODAY: compared like for like
                before = totals_by_branch(
                    own, "2026-10-01", f"2026-10-{DEMO_TODAY.day:02d}", currency)
                assert row.previous_revenue == before["Siem Reap"][0]


def test_each_branch_kpi_json_from_head_office_equals_its_own_file(shops, capsys):
    """`kpi --json --branch NAME` at head office (the branch-coded rollups, no copy) gives
    every key the branch file itself gives, and the revenue of the branch's raw rows."""
    import json

    from kpidesk.cli import main

    bring_in(shops["Siem Reap"], shops["hq"])
    bring_in(shops["Battambang"], shops["hq"])
    today = DEMO_TODAY.isoformat()
    for name in ("Siem Reap", "Battambang"):
        assert main(["kpi", "--db", str(shops["hq"]), "--month", MONTH, "--json",
                     "--branch", name, "--today", today]) == 0
        seen = json.loads(capsys.readouterr().out)
        assert main(["kpi", "--db", str(shops[name]), "--month", MONTH, "--json",
                     "--today", today]) == 0
        own = json.loads(capsys.readouterr().out)
        assert len(own) > 50
        with Store(shops["hq"], read_only=True) as hq, \
                Store(shops[name], read_only=True) as s:
            # every key alike, contacts named by UUID (ids differ between files)
            assert with_uuids(seen, hq) == with_uuids(own, s)
            revenue = raw_revenue(s, "o.date <= ?", (today,))[MONTH]
        assert seen["revenue"] == revenue > 0
def test_the_same_file_again_is_two_digests_and_head_office_edits_are_set_back(
        shops, monkeypatch):
    """A file brought in again unchanged is recognised by its fingerprint (no row is
    compared); a branch's row changed at head office since still makes the next sync of
    that same file compare every row and set it back (the branch file wins)."""
    bring_in(shops["Siem Reap"], shops["hq"])
    passes = []
    real_run = sync_rows._Sync.run

    def counted(self):
        passes.append(1)
        return real_run(self)

    monkeypatch.setattr(sync_rows._Sync, "run", counted)
    again = bring_in(shops["Siem Reap"], shops["hq"])
    assert not again.changed and passes == []
    # a copy of the same file elsewhere (sent again by Telegram): the same bytes
    moved = Path(shutil.copy(shops["Siem Reap"], Path(shops["Siem Reap"]).with_name("sent.db")))
    assert not bring_in(moved, shops["hq"]).changed and passes == []
    with Store(shops["hq"]) as hq, Store(shops["Siem Reap"], read_only=True) as a:
        key = a.scalar("SELECT uuid FROM orders ORDER BY id LIMIT 1")
        hq_id = hq.scalar("SELECT id FROM orders WHERE uuid = ?", (key,))
        mine = sales.get_order(hq, hq_id)
        mine.lines[0].amount += 700
        sales.update_order(hq, hq_id, mine)
        revenue_before = raw_revenue(a)
    result = bring_in(shops["Siem Reap"], shops["hq"])
    assert passes == [1] and result.counts["orders"].updated == 1
    with Store(shops["hq"]) as hq:
        assert raw_revenue(hq) == revenue_before
        assert_rollups_exact(hq)
    # and a change in the branch file is brought in (its bytes differ)
    with Store(shops["Siem Reap"]) as a:
        sales.add_order(a, sales.OrderInput(date="2026-11-21",
                                            lines=[sales.LineInput(amount=900)]))
    assert bring_in(shops["Siem Reap"], shops["hq"]).counts["orders"].added == 1
    assert passes == [1, 1]


def test_a_customer_of_two_branches_is_one_contact_per_branch(shops):
    """KPI.md §7 merges rows by UUID only: the same person entered in two branches (same
    name and phone) stays one contact per branch at head office, and the customer figures
    of all branches are the sums of the branches' own (README: Several laptops or
    branches, why they are not merged)."""
    for name in ("Siem Reap", "Battambang"):
        with Store(shops[name]) as s:
            cid = add_contact(s, ContactInput(name="Sokha Chan", created="2026-11-02",
                                              phone="012 345 678"))
            sales.add_order(s, sales.OrderInput(date="2026-11-03", contact_id=cid,
                                                lines=[sales.LineInput(amount=2500)]))
    bring_in(shops["Siem Reap"], shops["hq"])
    bring_in(shops["Battambang"], shops["hq"])
    with Store(shops["hq"]) as hq, Store(shops["Siem Reap"]) as a, \
            Store(shops["Battambang"]) as b:
        assert hq.scalar("SELECT COUNT(*) FROM contacts WHERE name = 'Sokha Chan'") == 2
        assert {r[0] for r in hq.conn.execute(
            "SELECT branch FROM contacts WHERE name = 'Sokha Chan'")} == \
            {"Siem Reap", "Battambang"}
        together = all_kpis(hq, MONTH, DEMO_TODAY)
        own = [all_kpis(s, MONTH, DEMO_TODAY) for s in (a, b)]
        for key in ("active_customers", "new_customers"):
            assert together[key] == own[0][key] + own[1][key], key


# An order's values a figure reads, its customer by UUID and names by name (ids differ
# between files; names are matched by name).
_FIGURE_ROW = """
    SELECT o.id, o.uuid, o.date, c.uuid, sp.name, ch.name, o.is_daily_total, o.receipts,
           pm.name, o.time
    FROM orders o LEFT JOIN contacts c ON c.id = o.contact_id
    LEFT JOIN salespeople sp ON sp.id = o.salesperson_id
    LEFT JOIN channels ch ON ch.id = o.channel_id
    LEFT JOIN payment_methods pm ON pm.id = o.payment_id
    WHERE {where}
"""


def figure_rows(store: Store, where: str) -> dict[bytes, tuple]:
    """{order uuid: its figure-bearing values and lines}."""
    lines: dict[int, list[tuple]] = {}
    for row in store.conn.execute(
            "SELECT l.order_id, l.position, p.name, l.quantity, l.amount, l.currency"
            " FROM sale_lines l LEFT JOIN products p ON p.id = l.product_id"
            " ORDER BY l.order_id, l.position"):
        lines.setdefault(row[0], []).append(
            tuple(bytes(v) if isinstance(v, (bytes, memoryview)) else v for v in row[1:]))
    return {bytes(row[1]): (*(bytes(v) if isinstance(v, (bytes, memoryview)) else v
                              for v in row[2:]), tuple(lines.get(row[0], [])))
            for row in store.conn.execute(_FIGURE_ROW.format(where=where))}


def kpi_json(target: Path | str, capsys, *extra: str) -> dict:
    import json

    from kpidesk.cli import main

    assert main(["kpi", "--db", str(target), "--month", MONTH, "--json",
                 "--today", DEMO_TODAY.isoformat(), *extra]) == 0
    return json.loads(capsys.readouterr().out)


def test_a_small_change_refreshes_only_the_days_it_touches(shops, monkeypatch, capsys):
    """A branch file with a few per cent of its rows changed, added and deleted: only the
    days (and customers) of those orders are refreshed, never every rollup, and a sale
    whose note alone changed refreshes nothing; every rollup and `kpi --json` of head
    office then equal a full rebuild's."""
    bring_in(shops["Battambang"], shops["hq"])
    bring_in(shops["Siem Reap"], shops["hq"])
    with Store(shops["Siem Reap"]) as a:
        ids = [r[0] for r in a.conn.execute(
            "SELECT id FROM orders WHERE is_daily_total = 0 AND refund_of IS NULL"
            " AND NOT EXISTS (SELECT 1 FROM orders r WHERE r.refund_of = orders.id)"
            " ORDER BY id")]
        contacts = [r[0] for r in a.conn.execute("SELECT id FROM contacts ORDER BY id")]
        picked = ids[::40]  # a few per cent of the branch's sales
        amounts, moved, recontacted, notes, deleted = (picked[0::5], picked[1::5],
                                                       picked[2::5], picked[3::5],
                                                       picked[4::5])
        for order_id in amounts:
            order = sales.get_order(a, order_id)
            order.lines[0].amount += 1111
            sales.update_order(a, order_id, order)
        for order_id in moved:
            order = sales.get_order(a, order_id)
            order.date = "2026-10-03"
            sales.update_order(a, order_id, order)
        for n, order_id in enumerate(recontacted):
            order = sales.get_order(a, order_id)
            order.contact_id = contacts[n % len(contacts)]
            sales.update_order(a, order_id, order)
        for order_id in notes:
            order = sales.get_order(a, order_id)
            order.note = "corrected note"
            sales.update_order(a, order_id, order)
        for order_id in deleted:
            sales.delete_order(a, order_id)
        for day in ("2026-11-02", "2026-09-14"):
            sales.add_order(a, sales.OrderInput(
                date=day, contact_id=contacts[-1], lines=[sales.LineInput(amount=2500)]))
        changed = figure_rows(a, "o.branch IS NULL")
    with Store(shops["hq"], read_only=True) as hq:
        had = figure_rows(hq, "o.branch = 'Siem Reap'")
        total_orders = hq.scalar("SELECT COUNT(*) FROM orders")
    # the days whose figures change, from the raw rows: an order added or gone, or
    # changed in a figure-bearing value (both its old and its new day)
    touched = {had[k][0] for k in had.keys() - changed.keys()} | \
        {changed[k][0] for k in changed.keys() - had.keys()} | \
        {v[0] for k in had.keys() & changed.keys() if had[k] != changed[k]
         for v in (had[k], changed[k])}
    assert 20 < len(picked) < total_orders / 20

    monkeypatch.setattr(sync_rows, "REBUILD_ABOVE", 5)  # far fewer than these orders
    refreshed: list[set[str]] = []
    real_refresh = rollups.refresh_days

    def refresh_days(conn, days):
        refreshed.append(set(days))
        real_refresh(conn, days)

    def no_rebuild(conn):
        raise AssertionError("every rollup rebuilt for a small change")

    monkeypatch.setattr(rollups, "refresh_days", refresh_days)
    monkeypatch.setattr(rollups, "rebuild_all", no_rebuild)
    result = bring_in(shops["Siem Reap"], shops["hq"])
    monkeypatch.undo()
    assert result.counts["orders"].added == 2
    assert result.counts["orders"].deleted == len(deleted)
    assert result.counts["orders"].updated == len(amounts + moved + recontacted + notes)
    assert refreshed == [touched]

    with Store(shops["hq"], read_only=True) as hq:
        assert figure_rows(hq, "o.branch = 'Siem Reap'") == changed
        assert hq.scalar("SELECT COUNT(*) FROM orders WHERE note = 'corrected note'") == \
            len(notes)
    figures = {name: kpi_json(shops["hq"], capsys, *extra)
               for name, extra in (("all", ()), ("Siem Reap", ("--branch", "Siem Reap")),
                                   ("Battambang", ("--branch", "Battambang")))}
    with Store(shops["hq"]) as hq:
        assert_rollups_exact(hq)  # every rollup equal to a rebuild from the raw rows
    for name, extra in (("all", ()), ("Siem Reap", ("--branch", "Siem Reap")),
                        ("Battambang", ("--branch", "Battambang"))):
        assert kpi_json(shops["hq"], capsys, *extra) == figures[name], name
    own = kpi_json(shops["Siem Reap"], capsys)
    with Store(shops["hq"], read_only=True) as hq, \
            Store(shops["Siem Reap"], read_only=True) as a:
        assert with_uuids(figures["Siem Reap"], hq) == with_uuids(own, a)
