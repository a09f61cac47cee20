"""A branch file brought in again is read only as far as it changed (`sync_marks`): its
change counter, head office's mark per branch, and the fall-back to comparing every row
when the file does not continue the one brought in (an older copy, another laptop's
copy) or head office changed the branch's rows. Head office, SQLite or PostgreSQL,
must equal a full rebuild from the same file."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import DEMO_TODAY
from test_store_sync import (
    assert_rollups_exact,
    bring_in,
    figure_rows,
    kpi_json,
    row_uuids,
    with_uuids,
)

from kpidesk.demo import build_demo
from kpidesk.store import branches, sales, sync, sync_marks, sync_rows
from kpidesk.store.calls import CallInput, add_call, delete_call
from kpidesk.store.contacts import ContactInput, add_contact, delete_contact
from kpidesk.store.db import Store
from kpidesk.store.opportunities import delete_opportunity, get_opportunity, update_opportunity

RECORDS = ("contacts", "orders", "opportunities", "calls")
# The columns a sync copies of each record kind, compared between two head offices
# (ids and references differ between them; orders are compared by `figure_rows`).
_PLAIN = {"contacts": "uuid, kind, name, phone, created, note",
          "opportunities": "uuid, title, value, currency, created, status, note",
          "calls": "uuid, date, outcome, note"}


@pytest.fixture(scope="module")
def branch_file(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("branch") / "siem-reap.db"
    with Store(path) as s:
        build_demo(s, months=6, lines=1500, today=DEMO_TODAY, seed=11)
        branches.set_branch_name(s, "Siem Reap")
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def shops(branch_file, tmp_path, request) -> dict[str, Path | str]:
    """A private copy of the branch file and an empty head office (a shop file or a
    PostgreSQL database)."""
    hq = request.getfixturevalue("pg_url") if request.param == "postgresql" \
        else tmp_path / "hq.db"
    with Store(hq) as store:
        branches.set_branch_name(store, "Phnom Penh")
    return {"branch": Path(shutil.copy(branch_file, tmp_path / "branch.db")), "hq": hq}


@pytest.fixture
def passes(monkeypatch) -> list[tuple[int | None, dict[str, int]]]:
    """Each row-by-row pass of a sync: its `since` and the rows it read per table."""
    seen: list[tuple[int | None, dict[str, int]]] = []
    real_run, real_rows = sync_rows._Sync.run, sync_rows._Sync.source_rows

    def run(self):
        seen.append((self.since, {}))
        return real_run(self)

    def source_rows(self, table, columns):
        rows = real_rows(self, table, columns)
        seen[-1][1][table] = len(rows)
        return rows

    monkeypatch.setattr(sync_rows._Sync, "run", run)
    monkeypatch.setattr(sync_rows._Sync, "source_rows", source_rows)
    return seen


def plain_rows(store: Store, table: str, where: str) -> set[tuple]:
    return {tuple(bytes(v) if isinstance(v, (bytes, memoryview)) else v for v in row)
            for row in store.conn.execute(f"SELECT {_PLAIN[table]} FROM {table} WHERE {where}")}


def assert_equals_full_rebuild(hq: Path | str, branch: Path, tmp_path: Path,
                               capsys) -> None:
    """Head office's rows of the branch, its rollups and `kpi --json` equal those of a
    new head office that brought the same file in once (every row compared)."""
    rebuilt = tmp_path / "rebuilt.db"
    with Store(rebuilt) as store:
        branches.set_branch_name(store, "Phnom Penh")
    bring_in(branch, rebuilt)
    where = "branch = 'Siem Reap'"
    with Store(hq, read_only=True) as a, Store(rebuilt, read_only=True) as b:
        assert figure_rows(a, f"o.{where}") == figure_rows(b, f"o.{where}")
        for table in _PLAIN:
            assert plain_rows(a, table, where) == plain_rows(b, table, where), table
    with Store(hq) as store:
        assert_rollups_exact(store)
    for extra in ((), ("--branch", "Siem Reap")):
        mine, theirs = kpi_json(hq, capsys, *extra), kpi_json(rebuilt, capsys, *extra)
        with Store(hq, read_only=True) as a, Store(rebuilt, read_only=True) as b:
            assert with_uuids(mine, a) == with_uuids(theirs, b), extra


def change_one_percent(path: Path) -> dict[str, int]:
    """Sales changed in an amount, a day or a note, deleted and added; a customer added
    and one deleted; an opportunity changed and one deleted; a call added and one
    deleted. Returns the orders changed or added."""
    with Store(path) as s:
        ids = [r[0] for r in s.conn.execute(
            "SELECT id FROM orders WHERE is_daily_total = 0 AND refund_of IS NULL"
            " AND NOT EXISTS (SELECT 1 FROM orders r WHERE r.refund_of = orders.id)"
            " ORDER BY id")]
        picked = ids[::100]
        for n, order_id in enumerate(picked[:-2]):
            order = sales.get_order(s, order_id)
            if n % 3 == 0:
                order.lines[0].amount += 1111
            elif n % 3 == 1:
                order.date = "2026-10-03"
            else:
                order.note = "corrected note"
            sales.update_order(s, order_id, order)
        for order_id in picked[-2:]:
            sales.delete_order(s, order_id)
        contact = add_contact(s, ContactInput(name="Dara Kim", created="2026-11-02"))
        sales.add_order(s, sales.OrderInput(date="2026-11-20", contact_id=contact,
                                            lines=[sales.LineInput(amount=4500)]))
        lead = add_contact(s, ContactInput(name="Lead", created="2026-11-01", kind="lead"))
        delete_contact(s, lead)
        opps = [r[0] for r in s.conn.execute("SELECT id FROM opportunities ORDER BY id")]
        opp = get_opportunity(s, opps[0])
        opp.note = "called back"
        update_opportunity(s, opps[0], opp)
        delete_opportunity(s, opps[1])
        calls = [add_call(s, CallInput(contact_id=contact, date=day, outcome="reached"))
                 for day in ("2026-11-21", "2026-11-22")]
        delete_call(s, calls[0])
        return {"orders": len(picked) - 2 + 1, "all_orders": len(ids)}


def test_the_same_file_twice_reads_no_row(shops, passes):
    first = bring_in(shops["branch"], shops["hq"])
    assert first.changed and passes[0][0] is None  # a first sync compares every row
    again = bring_in(shops["branch"], shops["hq"])
    assert not again.changed and len(passes) == 1  # no pass at all
    with Store(shops["branch"], read_only=True) as s, Store(shops["hq"]) as hq:
        assert sync.is_unchanged(s, hq)
        for kind in RECORDS:
            assert row_uuids(hq, kind, "branch = 'Siem Reap'") == \
                row_uuids(s, kind, "branch IS NULL"), kind


def test_a_small_change_reads_only_what_changed_and_equals_a_full_rebuild(
        shops, passes, tmp_path, capsys):
    bring_in(shops["branch"], shops["hq"])
    made = change_one_percent(shops["branch"])
    result = bring_in(shops["branch"], shops["hq"])
    since, read = passes[-1]
    assert since is not None and since > 0
    # only the changed sales are read and compared, not the branch's every sale
    assert read["orders"] == made["orders"] < made["all_orders"] / 50
    assert read["contacts"] < 10 and read["opportunities"] == 1
    counts = result.counts
    assert (counts["orders"].added, counts["orders"].deleted) == (1, 2)
    assert counts["orders"].updated == made["orders"] - 1
    assert counts["contacts"].added == 1 and counts["opportunities"].deleted == 1
    assert counts["calls"].added == 1
    assert_equals_full_rebuild(shops["hq"], shops["branch"], tmp_path, capsys)
    # and again: nothing
    assert not bring_in(shops["branch"], shops["hq"]).changed


def test_a_sale_changed_after_a_sync_is_updated_never_doubled(shops, passes):
    bring_in(shops["branch"], shops["hq"])
    with Store(shops["branch"]) as s:
        order_id = s.scalar("SELECT id FROM orders ORDER BY id DESC LIMIT 1")
        key = bytes(s.scalar("SELECT uuid FROM orders WHERE id = ?", (order_id,)))
        order = sales.get_order(s, order_id)
        order.lines[0].amount += 500
        sales.update_order(s, order_id, order)
        lines = [tuple(r) for r in s.conn.execute(
            "SELECT position, amount FROM sale_lines WHERE order_id = ? ORDER BY position",
            (order_id,))]
    assert bring_in(shops["branch"], shops["hq"]).counts["orders"].updated == 1
    with Store(shops["hq"], read_only=True) as hq:
        assert hq.scalar("SELECT COUNT(*) FROM orders WHERE uuid = ?", (key,)) == 1
        assert [tuple(r) for r in hq.conn.execute(
            "SELECT l.position, l.amount FROM sale_lines l JOIN orders o ON o.id = l.order_id"
            " WHERE o.uuid = ? ORDER BY l.position", (key,))] == lines
    assert passes[-1][1]["orders"] == 1


def test_a_restored_older_copy_falls_back_to_every_row(shops, passes, tmp_path, capsys):
    """A copy of the file from before changes that head office brought in: unchanged
    since (its counter is behind), or written since (a session that began before what
    head office has): every row is compared, and head office equals the copy."""
    older = Path(shutil.copy(shops["branch"], tmp_path / "older.db"))
    change_one_percent(shops["branch"])
    bring_in(shops["branch"], shops["hq"])
    result = bring_in(older, shops["hq"])
    assert passes[-1][0] is None and result.counts["orders"].deleted == 1
    assert_equals_full_rebuild(shops["hq"], older, tmp_path, capsys)
    # brought in again: that copy is now what head office continues from
    assert not bring_in(older, shops["hq"]).changed


def test_another_laptops_copy_written_apart_falls_back(shops, passes, tmp_path, capsys):
    """Two copies of the branch file written apart (a second laptop's) until the copy's
    counter passes the one head office brought in: still every row is compared."""
    other = Path(shutil.copy(shops["branch"], tmp_path / "other.db"))
    with Store(shops["branch"]) as s:
        sales.add_order(s, sales.OrderInput(date="2026-11-20",
                                            lines=[sales.LineInput(amount=700)]))
    bring_in(shops["branch"], shops["hq"])
    with Store(other) as s:
        for day in ("2026-11-18", "2026-11-19", "2026-11-21"):
            sales.add_order(s, sales.OrderInput(date=day, lines=[sales.LineInput(amount=900)]))
    with Store(other, read_only=True) as a, Store(shops["branch"], read_only=True) as b:
        assert sync_marks.counter(a.conn) > sync_marks.counter(b.conn)
    result = bring_in(other, shops["hq"])
    assert passes[-1][0] is None
    assert (result.counts["orders"].added, result.counts["orders"].deleted) == (3, 1)
    assert_equals_full_rebuild(shops["hq"], other, tmp_path, capsys)


def test_a_later_copy_continues(shops, passes):
    """The branch keeps working after a copy was sent (new runs of the app, new
    sessions): the next file is read only as far as it changed."""
    bring_in(shops["branch"], shops["hq"])
    for amount in (300, 400):  # two runs of the app: two sessions
        with Store(shops["branch"]) as s:
            sales.add_order(s, sales.OrderInput(date="2026-11-20",
                                                lines=[sales.LineInput(amount=amount)]))
    assert bring_in(shops["branch"], shops["hq"]).counts["orders"].added == 2
    assert passes[-1][0] is not None and passes[-1][1]["orders"] == 2


def test_head_office_edits_clear_the_mark_its_own_sales_do_not(shops, passes):
    bring_in(shops["branch"], shops["hq"])
    with Store(shops["hq"]) as hq:
        contact = hq.scalar("SELECT id FROM contacts WHERE branch = 'Siem Reap' LIMIT 1")
        # head office sells to a branch's customer: its purchase summary moves, the
        # branch's rows do not
        sales.add_order(hq, sales.OrderInput(date="2026-11-20", contact_id=contact,
                                             lines=[sales.LineInput(amount=800)]))
    assert not bring_in(shops["branch"], shops["hq"]).changed and len(passes) == 1
    with Store(shops["hq"]) as hq:
        order_id = hq.scalar("SELECT id FROM orders WHERE branch = 'Siem Reap' LIMIT 1")
        sales.delete_order(hq, order_id)
    result = bring_in(shops["branch"], shops["hq"])
    assert passes[-1][0] is None and result.counts["orders"].added == 1


def test_the_counter_stamps_every_write_and_is_idempotent(tmp_path):
    with Store(tmp_path / "shop.db") as store:
        check_the_counter(store)


def check_the_counter(store: Store) -> None:
    conn = store.conn
    before = sync_marks.counter(conn)
    order_id = sales.add_order(store, sales.OrderInput(date="2026-11-20",
                                                       lines=[sales.LineInput(amount=100)]))
    stamped = store.scalar("SELECT change_seq FROM orders WHERE id = ?", (order_id,))
    assert stamped > before
    order = sales.get_order(store, order_id)
    order.lines[0].amount = 200  # a line's change stamps its sale
    sales.update_order(store, order_id, order)
    assert store.scalar("SELECT change_seq FROM orders WHERE id = ?", (order_id,)) > stamped
    n = sync_marks.counter(conn)
    sales.delete_order(store, order_id)
    assert sync_marks.counter(conn) > n  # a deletion moves the counter
    sessions = store.scalar("SELECT COUNT(*) FROM sync_sessions")
    assert sessions == 2  # the file's own, noted as it was made, and this run's
    import sqlite_utils

    sync_marks.add_sync_marks(sqlite_utils.Database(conn))  # again: nothing changes
    assert store.scalar("SELECT COUNT(*) FROM sync_counter") == 1


def test_a_server_has_no_counter_triggers():
    from kpidesk.store import pg_schema

    names = [name for name, _ in pg_schema.reference().triggers]
    assert any(n.startswith("sync_mark_") for n in names)
    assert not any(n.startswith(sync_marks.SQLITE_ONLY_TRIGGERS) for n in names)


def test_a_copy_taken_mid_run_and_written_later_falls_back(shops, passes, tmp_path, capsys):
    """A copy taken while the branch's app was writing (the same session as what head
    office brought in), written later on another laptop: its new session began before
    what head office has, so every row is compared."""
    copy = tmp_path / "mid-run.db"
    with Store(shops["branch"]) as s:
        sales.add_order(s, sales.OrderInput(date="2026-11-19",
                                            lines=[sales.LineInput(amount=600)]))
        s.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        shutil.copy(shops["branch"], copy)
        sales.add_order(s, sales.OrderInput(date="2026-11-20",
                                            lines=[sales.LineInput(amount=700)]))
        bring_in(shops["branch"], shops["hq"])
    with Store(copy) as s:
        for day in ("2026-11-18", "2026-11-21", "2026-11-22"):
            sales.add_order(s, sales.OrderInput(date=day, lines=[sales.LineInput(amount=900)]))
    result = bring_in(copy, shops["hq"])
    assert passes[-1][0] is None
    assert (result.counts["orders"].added, result.counts["orders"].deleted) == (3, 1)
    assert_equals_full_rebuild(shops["hq"], copy, tmp_path, capsys)


def test_the_same_file_again_from_the_command_line_reads_no_page(branch_file, tmp_path,
                                                                 monkeypatch, capsys):
    """`sync` of a file as KPI Desk left it after a check that passed (the same branch
    file again, head office as the last sync left it) skips the page-by-page check of
    both; a file changed since by anything else is checked again."""
    from kpidesk.cli import main
    from kpidesk.store import db

    branch = Path(shutil.copy(branch_file, tmp_path / "branch.db"))
    hq = tmp_path / "hq.db"
    with Store(hq) as store:
        branches.set_branch_name(store, "Phnom Penh")
    checks: list[tuple[str, bool]] = []
    real_init = db.Store.__init__

    def init(self, path, **kwargs):
        checks.append((Path(str(path)).name, kwargs.get("quick_check", True)))
        real_init(self, path, **kwargs)

    monkeypatch.setattr(db.Store, "__init__", init)

    def sync_cli() -> list[tuple[str, bool]]:
        checks.clear()
        assert main(["sync", "--from", str(branch), "--to", str(hq)]) == 0
        capsys.readouterr()
        return [c for c in checks if c[1]]  # the opens that read every page

    # a first sync: the copied branch file is read page by page (head office, as KPI
    # Desk left it when it was made, is not)
    assert [name for name, _ in sync_cli()] == ["branch.db"]
    assert sync_cli() == []  # the same file again: no page read
    with sqlite3.connect(branch) as conn:  # changed by another program
        conn.execute("UPDATE orders SET note = 'x' WHERE id = 1")
    conn.close()
    assert [name for name, _ in sync_cli()] == ["branch.db"]


def _as_before_the_counter(path: Path) -> None:
    """The file as a version without the change counter left it (its upgrade then runs
    `add_sync_marks` again; the column stays, being additive)."""
    from kpidesk.store import schema

    with sqlite3.connect(path) as conn:
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'"
                                    " AND name LIKE 'sync_%'").fetchall():
            conn.execute(f"DROP TRIGGER {name}")
        conn.execute("DROP TABLE sync_counter")
        conn.execute("DROP TABLE sync_sessions")
        conn.execute(f"PRAGMA user_version = {schema.MIGRATIONS.index(sync_marks.add_sync_marks)}")
    conn.close()


def test_two_copies_from_before_the_counter_are_told_apart(shops, passes, tmp_path, capsys):
    """Two copies of a branch file from a version without the counter, one changed
    there: each upgrade notes its own session, so the second is compared row by row."""
    _as_before_the_counter(shops["branch"])
    older = Path(shutil.copy(shops["branch"], tmp_path / "older.db"))
    with sqlite3.connect(shops["branch"]) as conn:  # a sale deleted by that version
        conn.execute("DELETE FROM sale_lines WHERE order_id = (SELECT MAX(id) FROM orders"
                     " WHERE refund_of IS NULL AND is_daily_total = 0)")
        conn.execute("DELETE FROM orders WHERE id = (SELECT MAX(id) FROM orders"
                     " WHERE refund_of IS NULL AND is_daily_total = 0)")
    conn.close()
    from kpidesk.store.db import upgrade_if_needed

    upgrade_if_needed(shops["branch"])  # as `sync` does before opening it
    bring_in(shops["branch"], shops["hq"])
    upgrade_if_needed(older)
    result = bring_in(older, shops["hq"])
    assert passes[-1][0] is None and result.counts["orders"].added == 1
    assert_equals_full_rebuild(shops["hq"], older, tmp_path, capsys)
